"""Shared tools of the fault-injection probes (helper module, not a test file).

Each probe runs on a fresh copy of the real ``data/`` folder (``LSREPORTS_DATA`` points at
it), changes one thing, runs a command in-process and checks one of two outcomes:
refused with one clear line on stderr (exit 2, or 1 for a ``curate check`` finding) and
``data/`` byte-identical, or succeeded and ``curate check`` passes.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lsreports.cli import main

REAL_DATA = Path(__file__).resolve().parents[2] / "data"
OBSERVATIONS = ("curated", "observations.csv")


@pytest.fixture
def fresh_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the real data folder, used by lsreports through LSREPORTS_DATA."""
    root = tmp_path / "data"
    shutil.copytree(REAL_DATA, root)
    monkeypatch.setenv("LSREPORTS_DATA", str(root))
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Return the sha256 of every file under ``root`` (relative path to digest)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    """Run ``lsreports ARGV`` in-process; return the exit code, stdout and stderr."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_refused(capsys: pytest.CaptureFixture, root: Path, argv: tuple[str, ...], *needles: str,
                   code: int = 2) -> str:
    """Run a command that must refuse: the exit code, one line on stderr holding ``needles``, data untouched."""
    before = snapshot(root)
    got, out, err = run(capsys, *argv)
    assert got == code, (argv, got, out, err)
    assert "Traceback" not in out + err
    if code == 2:
        assert err.count("\n") == 1 and err.endswith("\n"), f"not one line on stderr: {err!r}"
    message = err if code == 2 else out
    for needle in needles:
        assert needle in message, (needle, message)
    assert snapshot(root) == before, "data/ changed"
    return message


def assert_check_passes(capsys: pytest.CaptureFixture) -> str:
    """Run ``curate check`` and assert it passes; return its output."""
    code, out, err = run(capsys, "curate", "check")
    assert code == 0, out + err
    assert ", 0 problems" in out
    return out


def edit_line(root: Path, number: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` once in editor line ``number`` of observations.csv (a SYNTHETIC fault)."""
    path = root.joinpath(*OBSERVATIONS)
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert old in lines[number - 1], (old, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_bytes("\n".join(lines).encode("utf-8"))


def row_count(root: Path) -> int:
    """The number of data rows of observations.csv, counted with the csv module (not with lsreports)."""
    import csv

    with root.joinpath(*OBSERVATIONS).open(encoding="utf-8", newline="") as handle:
        return sum(1 for row in csv.reader(handle) if row) - 1


def line_of(root: Path, needle: str) -> int:
    """The editor line of observations.csv where ``needle`` first occurs (counted here, independently)."""
    text = root.joinpath(*OBSERVATIONS).read_text(encoding="utf-8")
    return text[:text.index(needle)].count("\n") + 1
