"""The base of every share: what a "% of ..." figure is measured against, as data.

A printed share (``plan_pct``, ``est_central_pct``, ``est_local_pct``) is measured against
a base the report names in words: the year's plan, the capital plan with or without the
carried-over funds, all houses approved in a programme, a budget estimate (central,
provincial, or set at the start of the year). ``data/curated/share_bases.csv`` records
the base where the measure alone would mislead; every other share takes its measure's
base, read from its quote's words (:func:`share_base`).

Columns of the table: ``indicator_id, measure, source_doc, start, end`` (an empty
``source_doc`` or period matches every report or period), ``base_en`` (the base in
words), ``base_short`` (for a table cell), ``base_vi`` (the report's term), ``evidence``
(words of the quote that name the base; empty where the quote inherits it, with the
reason in ``note``) and ``note``.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import pandas as pd

from .paths import curated_dir

BASE_COLUMNS: tuple[str, ...] = ("indicator_id", "measure", "source_doc", "start", "end", "base_en", "base_short",
                                 "base_vi", "evidence", "note")
#: The measures that are shares of a base (a change on a year earlier is a share of last year's level too).
SHARE_MEASURES: tuple[str, ...] = ("plan_pct", "est_central_pct", "est_local_pct", "yoy_pct")


def share_bases() -> pd.DataFrame:
    """Return ``data/curated/share_bases.csv`` (text columns; empty where not given).

    Raises
    ------
    ValueError
        If a column is missing or a measure is not a share, naming the file and line.
    """
    path = curated_dir() / "share_bases.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(BASE_COLUMNS))
    return _read(str(path), path.stat().st_mtime_ns).copy()


@lru_cache(maxsize=4)
def _read(path: str, _mtime: int) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in BASE_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(BASE_COLUMNS)}")
    for line, measure in enumerate(frame["measure"], start=2):
        if measure not in SHARE_MEASURES:
            raise ValueError(f"{path}:{line}: measure {measure!r} is not a share; expected one of "
                             f"{', '.join(SHARE_MEASURES)}")
    return frame[list(BASE_COLUMNS)]


def _folded(quote: object) -> str:
    """Lower case without diacritics ("Dự toán tỉnh giao" -> "du toan tinh giao"), as OCR'd quotes read."""
    text = unicodedata.normalize("NFD", str(quote or "").lower().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def default_base(measure: str, quote: object = "") -> tuple[str, str]:
    """The base a share's measure and quote name, as ``(words, short words)``.

    Examples
    --------
    >>> default_base("est_local_pct", "đạt 89,8% dự toán giao đầu năm")
    ('the budget estimate set at the start of the year', 'start-of-year budget est.')
    >>> default_base("plan_pct", "đạt 99,78% mục tiêu")
    ('the target', 'target')
    """
    folded = _folded(quote)
    if measure == "plan_pct":
        return ("the target", "target") if "muc tieu" in folded else ("the year's plan", "plan")
    if measure == "est_central_pct":
        return "the central budget estimate", "central budget est."
    if measure == "est_local_pct":
        if "tinh giao" in folded or "hdnd" in folded:
            return "the provincial budget estimate", "provincial budget est."
        if "dau nam" in folded:
            return "the budget estimate set at the start of the year", "start-of-year budget est."
        return "the budget estimate (the report does not say whose)", "budget est."
    if measure == "yoy_pct":
        return "the same period last year", "a year earlier"
    return "", ""


def _matches(bases: pd.DataFrame, row) -> pd.DataFrame:
    start = pd.Timestamp(row["start"]).strftime("%Y-%m-%d")
    end = pd.Timestamp(row["end"]).strftime("%Y-%m-%d")
    hits = bases.loc[(bases["indicator_id"] == row["indicator_id"]) & (bases["measure"] == row["measure"])
                     & bases["source_doc"].isin(["", row["source_doc"]])
                     & bases["start"].isin(["", start]) & bases["end"].isin(["", end])]
    # the most specific entry first: a named report, then a named period
    rank = (hits["source_doc"] != "").astype(int) * 2 + (hits["start"] != "").astype(int)
    return hits.assign(_rank=rank).sort_values("_rank", ascending=False, kind="stable")


def share_base(row, bases: pd.DataFrame | None = None, *, short: bool = False) -> str:
    """The base of one printed share in words: the curated entry for it, else its measure's and quote's.

    Parameters
    ----------
    row : mapping
        An observation row (``indicator_id, start, end, measure, source_doc, quote``).
    bases : pandas.DataFrame, optional
        :func:`share_bases` (read when not given).
    short : bool
        The short words, for a table cell.
    """
    bases = share_bases() if bases is None else bases
    hits = _matches(bases, row) if len(bases) else bases
    if len(hits):
        return hits.iloc[0]["base_short" if short else "base_en"]
    words, short_words = default_base(str(row["measure"]), row.get("quote"))
    return short_words if short else words


__all__ = ["share_bases", "share_base", "default_base", "BASE_COLUMNS", "SHARE_MEASURES"]
