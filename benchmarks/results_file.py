"""Write a benchmark's measured part of its results file, keeping the notes written by hand.

A results file is the measured table (rewritten on every run) and, below
:data:`NOTES_MARKER`, what was learned from it (kept as it is).
"""
from __future__ import annotations

from pathlib import Path

NOTES_MARKER = "<!-- notes written by hand below this line: kept when the benchmark is re-run -->"


def write_measured(path: Path, measured: str) -> None:
    """Replace the measured part of ``path`` with ``measured``; keep the hand-written notes below the marker."""
    notes = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if NOTES_MARKER in text:
            notes = text[text.index(NOTES_MARKER):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(measured.rstrip("\n") + "\n\n" + notes if notes else measured, encoding="utf-8")
