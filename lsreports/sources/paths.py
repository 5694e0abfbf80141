"""Where the project's data lives.

The data directory is the ``data/`` folder of the checkout the package was installed
from; ``LSREPORTS_DATA`` overrides it (tests point it at synthetic fixtures).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import ReportIdError

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the data directory (``$LSREPORTS_DATA`` or ``<project>/data``)."""
    override = os.environ.get("LSREPORTS_DATA")
    return Path(override) if override else PROJECT_ROOT / "data"


def curated_dir() -> Path:
    """Return the folder of curated tables."""
    return data_dir() / "curated"


def file_key(path: Path) -> tuple[str, int, int]:
    """A file's identity for a cache: its path, modification time (ns) and size (``-1, -1`` if absent)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def reports_dir() -> Path:
    """Return the folder of vendored source report texts."""
    return data_dir() / "raw" / "reports"


#: What a report id may hold: it becomes a file name under ``data/raw/reports/``.
REPORT_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")


def check_report_id(doc_id: str, origin: str = "report id") -> str:
    """Return ``doc_id`` if it is a valid report id (letters A-Z, digits, ``_`` and ``-``, 1-100 of them).

    Raises
    ------
    ReportIdError
        Otherwise, naming ``origin`` (where the id came from: ``--doc-id``, the file name).
    """
    if not REPORT_ID.fullmatch(doc_id):
        raise ReportIdError(f"{origin} {doc_id!r} is not a valid report id: use 1-100 letters A-Z a-z, digits, "
                            "'_' and '-' (no '/', '.', spaces or accents), e.g. --doc-id 005_2026_06")
    return doc_id


def report_path(doc_id: str) -> Path:
    """Return the path of one source report's text.

    Raises
    ------
    ReportIdError
        If ``doc_id`` is not a valid report id (so that no id can name a file elsewhere).
    """
    return reports_dir() / f"{check_report_id(doc_id)}.txt"
