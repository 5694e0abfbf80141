"""The vendored source reports: reading their text and checking it against the manifest."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import pandas as pd

from ..errors import DataFileError
from .paths import report_path

_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) to one space, as quotes are matched."""
    return _WHITESPACE.sub(" ", text).strip()


@lru_cache(maxsize=16)
def _report_text(path_text: str, mtime_ns: int) -> str:
    from pathlib import Path

    path = Path(path_text)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def report_text(doc_id: str) -> str:
    """Return the text of a vendored report exactly as received.

    Raises
    ------
    DataFileError
        If ``data/raw/reports/<doc_id>.txt`` does not exist or is not UTF-8.
    """
    path = report_path(doc_id)
    if not path.exists():
        raise DataFileError(f"{path}: no source text for report {doc_id!r}")
    return _report_text(str(path), path.stat().st_mtime_ns)


def verify_manifest(manifest: pd.DataFrame) -> pd.DataFrame:
    """Compare each vendored report's sha256 with the one recorded in ``data/raw/reports.csv``.

    Parameters
    ----------
    manifest : pandas.DataFrame
        The frame :func:`lsreports.reports` returns.

    Returns
    -------
    pandas.DataFrame
        One row per report: ``id``, ``recorded``, ``actual`` (empty when the file is
        missing) and ``ok``.
    """
    rows = []
    for doc_id, recorded in zip(manifest["id"], manifest["sha256"]):
        path = report_path(doc_id)
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
        rows.append({"id": doc_id, "recorded": recorded, "actual": actual, "ok": actual == recorded})
    return pd.DataFrame(rows, columns=["id", "recorded", "actual", "ok"])
