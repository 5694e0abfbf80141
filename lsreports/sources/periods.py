"""Periods of the observations: what kind of span a (start, end) pair is, and its label.

The calendar facts every module asks about a period are answered here, once, for one
day or a whole column alike: :func:`is_month_end`, :func:`is_whole_month`,
:func:`period_kind` (one pair) and :func:`period_kinds` (columns); and the same period a
year earlier (:func:`shift_year_back`, :func:`shift_period_back`, :func:`shift_periods_back`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

PERIOD_KINDS = ("month", "ytd", "year", "ytd_day", "point", "span")


def is_month_end(day: pd.Timestamp | pd.Series) -> bool | pd.Series:
    """Return whether ``day`` is the last day of its month (a Timestamp, or elementwise for a Series).

    Examples
    --------
    >>> is_month_end(pd.Timestamp("2024-02-29")), is_month_end(pd.Timestamp("2025-02-28"))
    (True, True)
    >>> is_month_end(pd.Series(pd.to_datetime(["2024-02-28", "2025-11-30"]))).tolist()
    [False, True]
    """
    if isinstance(day, pd.Series):
        return day.dt.is_month_end
    return bool(day.is_month_end)


def is_whole_month(start: pd.Timestamp | pd.Series, end: pd.Timestamp | pd.Series) -> bool | pd.Series:
    """Return whether ``start..end`` is one calendar month, first day to last (Timestamps or Series).

    Examples
    --------
    >>> is_whole_month(pd.Timestamp("2026-02-01"), pd.Timestamp("2026-02-28"))
    True
    >>> is_whole_month(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-02-28"))
    False
    """
    if isinstance(start, pd.Series):
        return (start.dt.day == 1) & is_month_end(end) & (start.dt.to_period("M") == end.dt.to_period("M"))
    return start.day == 1 and is_month_end(end) and (start.year, start.month) == (end.year, end.month)


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

    See Also
    --------
    period_kinds : the same for columns of periods.
    """
    if start == end:
        return "point"
    if is_whole_month(start, end):
        return "month"
    if start.month == 1 and start.day == 1 and start.year == end.year:
        if end.month == 12 and end.day == 31:
            return "year"
        return "ytd" if is_month_end(end) else "ytd_day"
    return "span"


def period_kinds(start: pd.Series, end: pd.Series) -> pd.Series:
    """Classify each period of two datetime columns, as :func:`period_kind` does one.

    Parameters
    ----------
    start, end : pandas.Series
        First and last days (datetime64), aligned.

    Returns
    -------
    pandas.Series
        The kind of each period (text), on ``start``'s index.
    """
    jan1_same_year = (start.dt.month == 1) & (start.dt.day == 1) & (start.dt.year == end.dt.year)
    year_end = (end.dt.month == 12) & (end.dt.day == 31)
    conditions = [start == end, is_whole_month(start, end), jan1_same_year & year_end,
                  jan1_same_year & is_month_end(end), jan1_same_year]
    kinds = np.select([c.to_numpy(dtype=bool) for c in conditions], ["point", "month", "year", "ytd", "ytd_day"],
                      default="span")
    return pd.Series(kinds, index=start.index, dtype=object)


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


def shift_year_back(day: pd.Timestamp) -> pd.Timestamp:
    """Return the same day one year earlier; a month's last day maps to that month's last day.

    Examples
    --------
    >>> shift_year_back(pd.Timestamp("2025-02-28")).date()
    datetime.date(2024, 2, 29)
    >>> shift_year_back(pd.Timestamp("2024-02-29")).date()
    datetime.date(2023, 2, 28)
    """
    earlier = day - pd.DateOffset(years=1)
    if is_month_end(day):
        earlier = earlier + pd.offsets.MonthEnd(0)
    return earlier


def shift_period_back(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return the same period of the previous year (a point stays a point)."""
    new_end = shift_year_back(end)
    new_start = new_end if start == end else start - pd.DateOffset(years=1)
    return new_start, new_end


def shift_periods_back(start: pd.Series, end: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return :func:`shift_period_back` of every period of two datetime columns."""
    earlier = end - pd.DateOffset(years=1)
    new_end = earlier.where(~is_month_end(end), earlier + pd.offsets.MonthEnd(0))
    new_start = new_end.where(start == end, start - pd.DateOffset(years=1))
    return new_start, new_end
