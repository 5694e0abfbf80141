"""The documentation's examples run: every Python block of README.md and docs/*.md is executed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def python_blocks(path: Path) -> list[str]:
    """Return the fenced ```python blocks of a Markdown file, in order."""
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def test_the_readme_has_python_examples():
    assert len(python_blocks(ROOT / "README.md")) >= 2


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if python_blocks(p)], ids=lambda p: p.name)
def test_every_python_block_runs(path):
    """The blocks of one file run in order in one fresh interpreter (off-screen plotting), warnings as errors.

    A block that warns fails here: an example that shows a user a warning is a bug in the
    example or in the library.
    """
    code = "\n\n".join(python_blocks(path))
    environment = {**os.environ, "MPLBACKEND": "agg"}
    environment.pop("LSREPORTS_DATA", None)  # the examples are about the project's own data
    result = subprocess.run([sys.executable, "-W", "error::UserWarning", "-c", code], cwd=ROOT,
                            capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, f"{path.name}: {result.stderr[-3000:]}"


@pytest.mark.parametrize("module", ["lsreports", "lsreports.access"])
def test_the_public_apis_docstring_examples_run(module, monkeypatch):
    """The ``>>>`` examples of ``ls.load``, ``ls.catalog``, ``ls.series`` ... on the project's data."""
    import doctest
    import importlib

    monkeypatch.delenv("LSREPORTS_DATA", raising=False)
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, result
