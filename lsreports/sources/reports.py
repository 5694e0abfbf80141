"""The vendored source reports: reading their text and checking it against the manifest."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..errors import DataFileError, UnknownReportError
from .paths import report_path
from .public_texts import PUBLIC_TEXT, cached_path, cached_text, public_manifest

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
        missing), ``where`` (``vendored``; for a public text, ``cached`` or ``absent``: its
        copy under ``.cache/texts/``, or none, which is fine, its rows being checked by their
        form) and ``ok``.
    """
    kinds = manifest["source_kind"] if "source_kind" in manifest else pd.Series("", index=manifest.index)
    rows = []
    for doc_id, recorded, kind in zip(manifest["id"], manifest["sha256"], kinds):
        path, where = report_path(doc_id), "vendored"
        if kind == PUBLIC_TEXT and not path.exists():
            path, where = cached_path(doc_id), "cached" if cached_path(doc_id).exists() else "absent"
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
        ok = actual == recorded or where == "absent"
        rows.append({"id": doc_id, "recorded": recorded, "actual": actual, "where": where, "ok": ok})
    return pd.DataFrame(rows, columns=["id", "recorded", "actual", "where", "ok"])


def short_id(doc_id: str, known: Iterable[str] = ()) -> str:
    """Return a report's short id for tables and messages: its leading ``_``-separated part(s).

    ``000_2429f5525668702d`` is ``000``. Parts are added until no other ``known`` id
    starts the same way, so the short ids of different reports never coincide, whatever
    ids ingested reports get; an id without ``_`` is its own short id. This is the one
    place a report id is shortened (readers' names for briefings are in
    ``lsreports.publish``).

    Parameters
    ----------
    doc_id : str
        The report's id (its file name without extension).
    known : iterable of str, optional
        The other report ids it must be told apart from.

    Returns
    -------
    str
        A prefix of ``doc_id`` ending at a ``_`` boundary (or ``doc_id`` itself).
    """
    others = [k for k in known if k != doc_id]
    parts = doc_id.split("_")
    for n in range(1, len(parts)):
        prefix = "_".join(parts[:n])
        if not any(k == prefix or k.startswith(prefix + "_") for k in others):
            return prefix
    return doc_id


def resolve_report(name: str, known: Iterable[str]) -> str:
    """Return the one report id that ``name`` is, or is a unique prefix of.

    Parameters
    ----------
    name : str
        A full report id or a prefix of one (``000`` for ``000_2429f5525668702d``).
    known : iterable of str
        The report ids (the manifest's ``id`` column, or the ids of the curated rows).

    Returns
    -------
    str
        The full id.

    Raises
    ------
    UnknownReportError
        If no id, or more than one, starts with ``name`` (an exact id that also begins
        another id included); the message lists the candidates (or every known id).
    """
    ids = sorted(set(known))
    matches = [i for i in ids if i.startswith(name)]
    if matches == [name] or (len(matches) == 1 and name not in ids):
        return matches[0]
    if matches:  # an id that also begins others is ambiguous too: a new report must not take over a short name
        raise UnknownReportError(f"report {name!r} is ambiguous: it begins {', '.join(matches)}; give more of the id")
    raise UnknownReportError(f"unknown report {name!r}; known reports: {', '.join(ids) or '(none)'}")


def source_text(doc_id: str) -> str | None:
    """Return the text a row of ``doc_id`` is checked against; None for an uncached public text.

    A report's vendored text (``data/raw/reports/<id>.txt``) comes first; a public text's
    cached copy next (sha256-checked); a public text without a copy gives None, and its
    rows are checked by their form.

    Raises
    ------
    DataFileError
        For a report that is neither vendored nor a public text, or a cached copy whose
        sha256 differs from the manifest's.
    """
    if report_path(doc_id).exists():
        return report_text(doc_id)
    public = public_manifest()
    if doc_id in public:
        return cached_text(doc_id, public[doc_id])
    return report_text(doc_id)  # raises: no source text
