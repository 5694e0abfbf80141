"""The test suite runs on any machine: no test names an absolute path of one machine's layout."""
from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: A string literal starting at a machine's root folders (the shared tools are found via ../shared).
ABSOLUTE = re.compile(r"""["'](/(?:work|home|root|tmp|Users|mnt|opt|srv)/[^"']*)["']""")


def test_no_test_names_an_absolute_path():
    found = [f"{path.relative_to(TESTS)}:{number}: {match.group(1)}"
             for path in sorted(TESTS.rglob("*.py")) if path.name != Path(__file__).name
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             for match in ABSOLUTE.finditer(line)]
    assert not found, "absolute paths in tests (use paths relative to the repository):\n" + "\n".join(found)
