"""Periods of the observations: what kind of span a (start, end) pair is, and its label."""
from __future__ import annotations

import pandas as pd

PERIOD_KINDS = ("month", "ytd", "year", "ytd_day", "point", "span")


def period_kind(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Classify a period.

    Parameters
    ----------
    start, end : pandas.Timestamp
        First and last day covered (inclusive).

    Returns
    -------
    str
        ``"point"`` (a stock or rate at a date), ``"month"`` (one calendar month),
        ``"year"`` (a calendar year), ``"ytd"`` (1 January to a month's end, e.g. 11
        months or the first half), ``"ytd_day"`` (1 January to a stated day) or
        ``"span"`` (anything else, e.g. a five-year term).
    """
    if start == end:
        return "point"
    month_end = end == end + pd.offsets.MonthEnd(0)
    if start.day == 1 and month_end and (start.year, start.month) == (end.year, end.month):
        return "month"
    if start.month == 1 and start.day == 1 and start.year == end.year:
        if end.month == 12 and end.day == 31:
            return "year"
        return "ytd" if month_end else "ytd_day"
    return "span"


def period_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Return a short English label: ``2025-11``, ``2025 Jan-Nov``, ``2025 H1``, ``at 2026-05-31``."""
    kind = period_kind(start, end)
    if kind == "point":
        return f"at {start:%Y-%m-%d}"
    if kind == "month":
        return f"{start:%Y-%m}"
    if kind == "year":
        return f"{start:%Y}"
    if kind == "ytd":
        if end.month == 6:
            return f"{start:%Y} H1"
        return f"{start:%Y} Jan-{end:%b}"
    if kind == "ytd_day":
        return f"{start:%Y} to {end:%d %b}"
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
