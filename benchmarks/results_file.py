"""Write a benchmark's measured part of its results file, keeping the notes written by hand.

A results file is the measured table (rewritten on every run) and, below
:data:`NOTES_MARKER`, what was learned from it (kept as it is).
"""
from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

#: The data a result is computed from (relative to the checkout); their digest is stamped in the result.
DATA_FILES = ("data/curated/observations.csv", "data/curated/indicators.csv", "data/curated/national_observations.csv",
              "data/curated/national_text_observations.csv",
              "data/raw/reports.csv")
ROOT = Path(__file__).resolve().parent.parent
STAMP_PREFIX = "<!-- computed at commit "

NOTES_MARKER = "<!-- notes written by hand below this line: kept when the benchmark is re-run -->"


def data_digest(root: Path = ROOT) -> str:
    """The sha256 of the data files a result is computed from (:data:`DATA_FILES`, missing ones as empty)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    return digest.hexdigest()


def stamp(root: Path = ROOT) -> str:
    """The provenance line of a result: the commit it was computed at and the digest of its data."""
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return f"{STAMP_PREFIX}{commit} from data sha256 {data_digest(root)} -->"


def stamped_digest(text: str) -> str | None:
    """The data digest a stored result was stamped with, or ``None`` when it has no stamp."""
    for line in text.splitlines():
        if line.startswith(STAMP_PREFIX) and "from data sha256 " in line:
            return line.split("from data sha256 ", 1)[1].split()[0]
    return None


def write_measured(path: Path, measured: str, *, provenance: bool = False) -> None:
    """Replace the measured part of ``path`` with ``measured``; keep the hand-written notes below the marker.

    With ``provenance``, the measured part starts with :func:`stamp` (commit and data digest), which
    ``tests/test_benchmark_results.py`` compares with the data to find a stale result.
    """
    if provenance:
        measured = stamp() + "\n\n" + measured
    notes = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if NOTES_MARKER in text:
            notes = text[text.index(NOTES_MARKER):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(measured.rstrip("\n") + "\n\n" + notes if notes else measured, encoding="utf-8")
