"""Last year's levels, and the growth-based year-end nowcast built on them.

Method
------
For a year to date ``YTD`` of year ``y`` with a growth rate ``g`` printed beside it
(``yoy_pct``, on the same period of ``y - 1``), the year end is

    ``A_{y-1} * (1 + g / 100)``,

where ``A_{y-1}`` is last year's full-year level. Equivalently ``YTD / s`` with ``s =
YTD_{y-1} / A_{y-1}`` the share of last year's total that the same period held: the
method assumes this year's within-year profile repeats last year's, i.e. the growth so
far holds to December. Where last year's same period is printed rather than implied by
``g``, the formula is ``A_{y-1} * YTD / YTD_{y-1}``.

Last year's full-year level is, in this order:

1. a level printed for the whole of ``y - 1`` (or implied by a growth rate printed for
   the whole year);
2. an 11-month level of ``y - 1`` (printed or implied) times 12/11: December estimated
   at the January-November monthly average. The assumption is carried in the row
   (:data:`DECEMBER_ASSUMPTION`); a December larger than the average (public investment,
   spending) makes the estimate, and the nowcast, too low.

An input carrying a curation flag (a unit anomaly, a contradicted rate) is refused, with
the flag as the reason. See :mod:`lsreports.analysis.yearend.projection` for the assembly with
pro-rata, bands and verdicts.
"""
from __future__ import annotations

import pandas as pd

from ..levels import Level, LevelLookup, pick_level

#: How December is filled in when only 11 months of last year are known.
DECEMBER_ASSUMPTION = ("December {year} estimated at the January-November monthly average "
                       "(11-month level x 12/11)")


def previous_year_level(lookup: LevelLookup, indicator_id: str, year: int, prefer_doc: str) -> Level | None:
    """Last year's full-year level: the whole year if known, else 11 months x 12/11 (stated).

    Parameters
    ----------
    lookup : dict
        From :func:`lsreports.analysis.levels.level_lookup`.
    indicator_id : str
    year : int
        The year projected; the level returned is of ``year - 1``.
    prefer_doc : str
        Report of the year to date (its derived rows are preferred among derived ones).

    Returns
    -------
    Level or None
        ``None`` when neither the whole year nor its first 11 months are known.

    Examples
    --------
    >>> key = ("x", pd.Timestamp("2025-01-01"), pd.Timestamp("2025-11-30"))
    >>> level = previous_year_level({key: [Level(110.0, "printed (000)", True)]}, "x", 2026, "003")
    >>> round(level.value, 6), level.assumption.startswith("December 2025")
    (120.0, True)
    """
    jan1 = pd.Timestamp(year=year - 1, month=1, day=1)
    whole = pick_level(lookup.get((indicator_id, jan1, pd.Timestamp(year=year - 1, month=12, day=31)), []),
                       prefer_doc)
    if whole is not None:
        return whole
    eleven = pick_level(lookup.get((indicator_id, jan1, pd.Timestamp(year=year - 1, month=11, day=30)), []),
                        prefer_doc)
    if eleven is None:
        return None
    return Level(eleven.value * 12 / 11, f"11 months {year - 1} = {eleven.value:,.6g} ({eleven.source}) x 12/11",
                 eleven.printed, eleven.flag, DECEMBER_ASSUMPTION.format(year=year - 1))


def growth_nowcast(ytd: float, prev_ytd: float, prev_annual: float) -> float:
    """Year end = last year's level x this year's growth so far (``prev_annual * ytd / prev_ytd``).

    Examples
    --------
    >>> round(growth_nowcast(3920.0, 3920.0 / 1.38, 1000.0), 6)
    1380.0
    """
    return prev_annual * ytd / prev_ytd


__all__ = ["previous_year_level", "growth_nowcast",
           "DECEMBER_ASSUMPTION"]
