"""Checks across report vintages: the months implied by combining reports, against the series' other months.

Method
------
For each indicator and year, the cumulative levels from 1 January to a month's end are
gathered from every report: printed, or implied by a growth rate printed a year later
(:func:`lsreports.analysis.levels.level_lookup`; a printed level is preferred, latest
report first; other derivations are left out). Only flows are checked (catalogue ``kind``). Two consecutive cumulative levels that come from different reports imply
the months between them (``later - earlier``): e.g. June 2025 = first half (report 001)
minus 5 months of 2025 (implied by report 003's growth rate).

Each implied span's monthly average is compared with the monthly average of the year's
*other* months known (the latest cumulative level minus the span, over the remaining
months). A span is flagged when the ratio is at least :data:`OUTLIER_RATIO` or at most
its inverse, or when the span is negative; a span compared with fewer than
:data:`MIN_OTHER_MONTHS` other months (e.g. with January alone, which Tết distorts) is
listed but not flagged; the evidence gives the arithmetic, and the
ratio to the year's overall monthly average as well. A flag says that the reports'
figures do not fit together as one series (a revision, a change of coverage, a typo,
or a real one-month surge); it does not say which figure is wrong.
"""
from __future__ import annotations

import pandas as pd

from ...sources.contract import normalise_observations
from ...sources.loader import indicators
from ...sources.periods import is_month_end
from ..levels import Level, level_lookup, pick_level

#: Ratio of monthly averages (implied span against the year's other months) beyond which a span is flagged.
OUTLIER_RATIO = 2.0
#: Other months a span needs to be compared with before it can be flagged (January alone is distorted by Tết).
MIN_OTHER_MONTHS = 3

#: How a level implied by a growth rate printed a year later is described (its derived row's formula).
PREVIOUS_YEAR = "derived: previous-year level"

VINTAGE_COLUMNS: list[str] = [
    "indicator_id", "year", "span_start", "span_end", "months", "span_level", "span_monthly", "other_monthly",
    "year_monthly", "ratio_other", "ratio_year", "earlier_from", "later_from", "flagged", "evidence",
]


def _doc(level: Level) -> str:
    text = level.source
    return text[text.rfind("(") + 1:text.rfind(")")] if "(" in text else text


def _cumulative(frame: pd.DataFrame, flows: set[str] | None) -> dict[tuple[str, int], list[tuple[pd.Timestamp, Level]]]:
    """Cumulative levels per (indicator, year), one per month's end, in order."""
    lookup = level_lookup(frame)
    out: dict[tuple[str, int], list[tuple[pd.Timestamp, Level]]] = {}
    for (indicator_id, start, end), options in lookup.items():
        if flows is not None and indicator_id not in flows:
            continue
        if start.month == 1 and start.day == 1 and start.year == end.year and is_month_end(end):
            chosen = pick_level([o for o in options if o.printed or o.source.startswith(PREVIOUS_YEAR)], "")
            if chosen is not None and not chosen.flag:
                out.setdefault((indicator_id, start.year), []).append((end, chosen))
    return {key: sorted(points, key=lambda p: p[0]) for key, points in out.items()}


def vintage_spans(obs: pd.DataFrame, ratio: float = OUTLIER_RATIO, flows: set[str] | None = None) -> pd.DataFrame:
    """Spans of months implied by combining reports, compared with the series' other months.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format.
    ratio : float
        Outlier threshold on the ratio of monthly averages.
    flows : set of str, optional
        Ids checked; by default the catalogue's flows.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`VINTAGE_COLUMNS`, one row per span whose two ends come from
        different reports; ``flagged`` with the arithmetic in ``evidence``.
    """
    if flows is None:
        catalogue = indicators()
        flows = set(catalogue.loc[catalogue["kind"] == "flow", "indicator_id"])
    rows = []
    for (indicator_id, year), points in sorted(_cumulative(normalise_observations(obs), flows).items()):
        last_end, last = points[-1]
        for (end0, lev0), (end1, lev1) in zip(points, points[1:]):
            if _doc(lev0) == _doc(lev1):
                continue
            rows.append(_span_row(indicator_id, year, (end0, lev0), (end1, lev1), (last_end, last), ratio))
    return pd.DataFrame(rows, columns=VINTAGE_COLUMNS)


def _span_row(indicator_id: str, year: int, earlier: tuple, later: tuple, last: tuple, ratio: float) -> dict:
    (end0, lev0), (end1, lev1), (last_end, last_level) = earlier, later, last
    months = end1.month - end0.month
    span = lev1.value - lev0.value
    other_months = last_end.month - months
    other = (last_level.value - span) / other_months if other_months else float("nan")
    monthly = span / months
    year_monthly = last_level.value / last_end.month
    r_other, r_year = monthly / other, monthly / year_monthly
    flagged = span < 0 or (other_months >= MIN_OTHER_MONTHS and (r_other >= ratio or r_other <= 1 / ratio))
    first = end0 + pd.Timedelta(days=1)
    label = f"{first:%Y-%m}" if months == 1 else f"{first:%Y-%m}..{end1:%Y-%m}"
    evidence = (f"{indicator_id} {label} implied = {lev1.value:,.6g} to {end1:%d %b %Y} ({lev1.source}) - "
                f"{lev0.value:,.6g} to {end0:%d %b %Y} ({lev0.source}) = {span:,.6g}, {monthly:,.6g} a month: "
                f"{r_other:.2g}x the other {other_months} months' average ({other:,.6g}) and {r_year:.2g}x the "
                f"monthly average to {last_end:%b %Y} ({year_monthly:,.6g})")
    return {"indicator_id": indicator_id, "year": year, "span_start": first, "span_end": end1, "months": months,
            "span_level": span, "span_monthly": monthly, "other_monthly": other, "year_monthly": year_monthly,
            "ratio_other": r_other, "ratio_year": r_year, "earlier_from": lev0.source, "later_from": lev1.source,
            "flagged": bool(flagged), "evidence": evidence}


__all__ = ["vintage_spans", "VINTAGE_COLUMNS", "OUTLIER_RATIO", "MIN_OTHER_MONTHS"]
