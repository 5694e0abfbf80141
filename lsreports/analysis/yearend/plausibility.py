"""Is a year end plausible? What it implies for the months still to come, against what was seen.

Method
------
A year end ``P`` projected from a year to date ``YTD`` over ``m`` months implies a monthly
level ``(P - YTD) / (12 - m)`` for the rest of the year. Its ratio to the pace so far
(``YTD / m``) is compared with the same ratio in earlier years:

- the province's own years whose same period and whole year are both *printed* (a level
  implied by a growth rate is left out: it is what is being checked);
- the country's series of the same kind (:data:`~lsreports.analysis.yearend.national_profile.NATIONAL_COUNTERPARTS`),
  in the :data:`REFERENCE_YEARS` years before the year projected.

A ratio more than :data:`SLACK` beyond the range seen (above its highest or below its lowest)
is implausible: the projection gets a ``plausibility`` flag with the reason in words, and
its band is widened to take in the pro-rata projection (the pace so far continued), so that
the verdict against plan rests on both. A growth so far beyond :data:`EXTREME_GROWTH_PCT`
applied to a whole year is flagged the same way. A projection with no earlier year to
compare with is left as it is (nothing seen, nothing to say).

Where the report of the year to date names one-off receipts (:data:`ONE_OFF_TERMS`, e.g.
land-use fees, "tiền sử dụng đất", in budget revenue), the projection says so in ``one_off``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .national_profile import NATIONAL_COUNTERPARTS, cumulative, national_monthly
from ..levels import LevelLookup

#: How far beyond the range of earlier years' ratios (as a factor) a ratio is implausible.
SLACK = 1.2
#: Earlier years of the country's series compared with.
REFERENCE_YEARS = 5
#: A growth of the year to date (percent) beyond which applying it to the whole year is flagged.
EXTREME_GROWTH_PCT = 50.0
#: Words in a report that name one-off receipts, by indicator id prefix.
ONE_OFF_TERMS: dict[str, tuple[str, ...]] = {
    "budget_revenue": ("tiền sử dụng đất", "thu tiền sử dụng đất", "tiền thuê đất", "đấu giá quyền sử dụng đất"),
}


def _ratio(ytd: float, annual: float, months: float) -> float:
    if not (ytd > 0 and annual > ytd and 0 < months < 12):
        return np.nan
    return ((annual - ytd) / (12 - months)) / (ytd / months)


def province_ratios(lookup: LevelLookup, indicator_id: str, year: int, end: pd.Timestamp) -> list[tuple[str, float]]:
    """Rest-of-year over pace in the province's earlier years where both levels are printed."""
    out = []
    for y in range(year - 10, year):
        jan1 = pd.Timestamp(year=y, month=1, day=1)
        same_end = pd.Timestamp(year=y, month=end.month, day=1) + pd.offsets.MonthEnd(0)
        ytd = [o for o in lookup.get((indicator_id, jan1, same_end), []) if o.printed and not o.flag]
        whole = [o for o in lookup.get((indicator_id, jan1, pd.Timestamp(year=y, month=12, day=31)), [])
                 if o.printed and not o.flag]
        if ytd and whole:
            ratio = _ratio(ytd[0].value, whole[0].value, end.month)
            if np.isfinite(ratio):
                out.append((f"province {y}", ratio))
    return out


def national_ratios(national: pd.DataFrame | None, indicator_id: str, year: int, end: pd.Timestamp,
                    kept: dict | None = None) -> list[tuple[str, float]]:
    """Rest-of-year over pace in the country's counterpart series, the years before ``year``.

    ``kept`` keeps the monthly series by counterpart between calls on the same ``national``.
    """
    ids = NATIONAL_COUNTERPARTS.get(indicator_id)
    if national is None or national.empty or not ids:
        return []
    kept = {} if kept is None else kept
    if ids not in kept:
        kept[ids] = national_monthly(national, ids)
    monthly = kept[ids]
    out = []
    for y in range(year - REFERENCE_YEARS, year):
        ratio = _ratio(cumulative(monthly, y, end.month), cumulative(monthly, y, 12), end.month)
        if np.isfinite(ratio):
            out.append((f"Viet Nam {y}", ratio))
    return out


def judge(base: dict, seen: list[tuple[str, float]]) -> str:
    """The reason a projection is implausible, in words ('' when it is plausible or cannot be judged)."""
    months = 12 - base["months_remaining"]
    if base["method"] != "growth" or not (0 < months < 12) or not np.isfinite(base["projection"]):
        return ""
    pace = base["ytd_value"] / months
    rest = (base["projection"] - base["ytd_value"]) / base["months_remaining"]
    reasons = []
    yoy = base.get("ytd_yoy_pct", np.nan)
    if np.isfinite(yoy) and abs(yoy) > EXTREME_GROWTH_PCT:
        reasons.append(f"the growth so far ({yoy:+.1f} %) is applied to the whole year; a change that large "
                       f"rarely lasts twelve months")
    if seen:
        low, high = min(r for _, r in seen), max(r for _, r in seen)
        ratio = rest / pace
        if ratio > high * SLACK or ratio < low / SLACK:
            years = ", ".join(f"{what} {r:.2f}" for what, r in seen)
            reasons.append(f"it implies {rest:,.0f} a month for the rest of the year, {ratio:.2f} times the pace "
                           f"so far ({pace:,.0f} a month), outside what the same months of earlier years show "
                           f"({years})")
    return "; ".join(reasons)


def one_off_note(indicator_id: str, quotes: list[str]) -> str:
    """A note naming the one-off receipts a report mentions beside a figure ('' when none)."""
    terms = next((t for prefix, t in ONE_OFF_TERMS.items() if indicator_id.startswith(prefix)), ())
    found = sorted({term for term in terms for q in quotes if term in q.lower()})
    if not found:
        return ""
    return (f"the report names one-off receipts ({', '.join(found)}) in this year's revenue: a year end "
            "multiplied up from the year to date may count them more than once")


def parts_note(total: float, parts: pd.DataFrame) -> str:
    """Name the part that makes up most of a total where it grows fast or has nearly met its estimate ('' if not).

    ``parts`` are the printed rows (every measure) of the total's parts in the same report and period.
    """
    levels = parts.loc[parts["measure"] == "value"]
    if levels.empty or not total > 0:
        return ""
    top = levels.loc[levels["value"].idxmax()]
    share = top["value"] / total
    if share < 0.5:
        return ""
    rows = parts.loc[parts["indicator_id"] == top["indicator_id"]].set_index("measure")["value"]
    pct = next((rows[m] for m in ("est_central_pct", "est_local_pct", "plan_pct") if m in rows), None)
    if not (abs(rows.get("yoy_pct", 0.0)) > EXTREME_GROWTH_PCT or (pct is not None and pct >= 90)):
        return ""
    words = [f"{top['value']:,.6g} ({share:.0%}) of it is {top['indicator_id'].replace('_', ' ')}"]
    if "yoy_pct" in rows:
        words.append(f"{rows['yoy_pct']:+.1f} % on a year earlier")
    if pct is not None:
        words.append(f"already {pct:.1f} % of its estimate")
    return ("the report's parts: " + ", ".join(words) + "; a year end multiplied up assumes that part keeps its "
            "pace all year")


__all__ = ["parts_note", "SLACK", "REFERENCE_YEARS", "EXTREME_GROWTH_PCT", "ONE_OFF_TERMS", "province_ratios",
           "national_ratios", "judge", "one_off_note"]
