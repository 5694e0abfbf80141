"""Year-end projections from a year-to-date level, and how they compare with the plan.

Method
------
For a level covering 1 January to a month's end (or to a stated day) of year ``y``:

*Pro-rata* (baseline, and fallback): ``YTD * 12 / m`` for ``m`` months, or
``YTD * days_in_year / days_elapsed`` for a year to a stated day. It assumes the rest of
the year runs at the average pace so far, i.e. no seasonality.

*Seasonal share* (preferred when its inputs exist): ``YTD / s`` with
``s = YTD_prev / annual_prev``, the share of last year's total that last year's same
period held. ``YTD_prev`` is the same period of ``y - 1``: a printed level, else the level
implied by the ``yoy_pct`` printed beside the YTD (``YTD / (1 + yoy/100)``);
``annual_prev`` is the level for the whole of ``y - 1``: printed (e.g. "ước cả năm")
or implied by a growth rate printed for year ``y``. It assumes this year's
within-year profile repeats last year's (same seasonal share); it carries the rounding
of both rates, and it fails silently when last year was abnormal.

Where either input is missing the pro-rata projection applies and ``reason`` says
which input is missing; a share outside ``(0, 1]`` is refused as inconsistent.

*Against the plan*: the year's plan (or budget estimate) implied by ``value / pct *
100`` (:func:`lsreports.analysis.derive.implied_targets`), preferring the one printed beside the
same YTD row, else the one from the latest period of the year. ``projected_pct_of_target``
is ``projection / target * 100``: "on track for X % of plan". All figures are the
reports' own estimates ("ước") carried forward; none is a statistical forecast with an
error band.
"""
from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from ..sources.contract import normalise_observations, printed_rows
from ..sources.periods import is_month_end
from .derive import TARGET_DERIVATIONS, derivation_candidates, implied_targets, shift_period_back

#: Plan kinds compared with, in order of preference.
TARGET_KINDS: tuple[str, ...] = ("plan", "est_local", "est_central")
#: Short English names of the target kinds, for chart labels.
TARGET_KIND_LABELS: dict[str, str] = {"plan": "plan", "est_local": "local budget est.",
                                      "est_central": "central budget est."}

PROJECTION_COLUMNS: list[str] = [
    "indicator_id", "year", "ytd_start", "ytd_end", "source_doc", "ytd_value", "unit", "elapsed",
    "prorata_factor", "prorata_projection", "prev_ytd_value", "prev_ytd_from", "prev_annual_value",
    "prev_annual_from", "seasonal_share", "seasonal_projection", "method", "projection", "reason",
    "target_kind", "target_value", "target_from", "ytd_pct_of_target", "prorata_pct_of_target",
    "seasonal_pct_of_target", "projected_pct_of_target", "verdict",
]


def prorata_factor(start: pd.Timestamp, end: pd.Timestamp) -> tuple[float, str]:
    """Return the pro-rata factor of a year to date and a label of the time elapsed.

    ``12 / months`` when ``end`` is a month's last day, else ``days_in_year / days``.

    Examples
    --------
    >>> prorata_factor(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30"))
    (2.0, '6 months')
    """
    if is_month_end(end):
        months = end.month - start.month + 1
        return 12 / months, f"{months} month{'s' if months > 1 else ''}"
    days = (end - start).days + 1
    days_in_year = 366 if calendar.isleap(start.year) else 365
    return days_in_year / days, f"{days} days"


def _ytd_rows(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[(printed["measure"] == "value") & (printed["unit"] != "pct")]
    jan1 = (levels["start"].dt.month == 1) & (levels["start"].dt.day == 1)
    year_end = (levels["end"].dt.month == 12) & (levels["end"].dt.day == 31)
    same_year = levels["start"].dt.year == levels["end"].dt.year
    return levels.loc[jan1 & same_year & ~year_end & (levels["start"] != levels["end"])]


def _level_lookup(frame: pd.DataFrame) -> dict[tuple, list[tuple[float, str, bool]]]:
    """Levels by (id, start, end): printed first (latest report first), then derived ones."""
    printed = printed_rows(frame)
    printed = printed.loc[printed["measure"] == "value"].sort_values("source_doc", ascending=False)
    derived = derivation_candidates(frame)
    derived = derived.loc[~derived["derivation"].isin(TARGET_DERIVATIONS.values())]
    lookup: dict[tuple, list[tuple[float, str, bool]]] = {}
    for r in printed.itertuples(index=False):
        lookup.setdefault((r.indicator_id, r.start, r.end), []).append(
            (r.value, f"printed ({r.source_doc})", True))
    for r in derived.itertuples(index=False):
        lookup.setdefault((r.indicator_id, r.start, r.end), []).append((r.value, r.quote, False))
    return lookup


def _pick(options: list[tuple[float, str, bool]], prefer_doc: str) -> tuple[float, str] | None:
    if not options:
        return None
    printed = [o for o in options if o[2]]
    if printed:
        return printed[0][0], printed[0][1]
    same = [o for o in options if f"({prefer_doc})" in o[1]]
    chosen = (same or options)[0]
    return chosen[0], chosen[1]


def year_end_projections(obs: pd.DataFrame, year: int | None = None, *, latest_only: bool = True,
                         target_kinds: tuple[str, ...] = TARGET_KINDS) -> pd.DataFrame:
    """Project each year-to-date level to the year's end and compare it with the plan.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (derived rows in it are ignored).
    year : int, optional
        Keep only year-to-date levels of this year.
    latest_only : bool, default True
        Keep only the latest year to date per indicator and year (e.g. 5 months rather
        than January).
    target_kinds : tuple of str
        Plan kinds to compare with (one output row per year to date and kind found; one
        row with no target when none is found).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PROJECTION_COLUMNS`: the inputs (``ytd_value``, ``prev_ytd_value``
        and ``prev_annual_value`` with where each came from), both projections,
        ``method`` (``seasonal_share`` or ``pro_rata``) and ``projection`` (the one that
        applies), ``reason`` (why the seasonal share does not apply; empty when it does),
        the target and the percentages of it, and a one-line ``verdict``.
    """
    frame = normalise_observations(obs)
    ytd = _ytd_rows(printed_rows(frame))
    if year is not None:
        ytd = ytd.loc[ytd["start"].dt.year == year]
    if latest_only and not ytd.empty:
        ytd = ytd.sort_values(["end", "source_doc"]).groupby("indicator_id", as_index=False).tail(1)
    lookup = _level_lookup(frame)
    targets: dict[tuple[str, int, str], list[dict]] = {}
    for t in implied_targets(frame).to_dict("records"):
        targets.setdefault((t["base_indicator_id"], t["start"].year, t["target_kind"]), []).append(t)
    rows = []
    for r in ytd.sort_values(["indicator_id", "end"]).itertuples(index=False):
        rows.extend(_project_one(r, lookup, targets, target_kinds))
    return pd.DataFrame(rows, columns=PROJECTION_COLUMNS)


def _project_one(r, lookup: dict, targets: dict[tuple[str, int, str], list[dict]],
                 target_kinds: tuple[str, ...]) -> list[dict]:
    y = r.start.year
    factor, elapsed = prorata_factor(r.start, r.end)
    prorata = r.value * factor
    prev_start, prev_end = shift_period_back(r.start, r.end)
    prev_ytd = _pick(lookup.get((r.indicator_id, prev_start, prev_end), []), r.source_doc)
    annual_key = (r.indicator_id, pd.Timestamp(year=y - 1, month=1, day=1), pd.Timestamp(year=y - 1, month=12, day=31))
    prev_annual = _pick(lookup.get(annual_key, []), r.source_doc)
    share = seasonal = np.nan
    reasons = []
    if prev_ytd is None:
        reasons.append(f"no level for {prev_start:%Y-%m-%d}..{prev_end:%Y-%m-%d} (printed, or implied by a "
                       "yoy_pct beside the year to date)")
    if prev_annual is None:
        reasons.append(f"no level for the whole of {y - 1} (printed or implied)")
    if prev_ytd is not None and prev_annual is not None:
        share = prev_ytd[0] / prev_annual[0] if prev_annual[0] > 0 else np.nan
        if 0 < share <= 1:
            seasonal = r.value / share
        else:
            reasons.append(f"seasonal share {share:.3g} outside (0, 1]: inputs inconsistent")
    method = "seasonal_share" if np.isfinite(seasonal) else "pro_rata"
    projection = seasonal if method == "seasonal_share" else prorata
    base = {
        "indicator_id": r.indicator_id, "year": y, "ytd_start": r.start, "ytd_end": r.end,
        "source_doc": r.source_doc, "ytd_value": r.value, "unit": r.unit, "elapsed": elapsed,
        "prorata_factor": factor, "prorata_projection": prorata,
        "prev_ytd_value": prev_ytd[0] if prev_ytd else np.nan, "prev_ytd_from": prev_ytd[1] if prev_ytd else "",
        "prev_annual_value": prev_annual[0] if prev_annual else np.nan,
        "prev_annual_from": prev_annual[1] if prev_annual else "",
        "seasonal_share": share, "seasonal_projection": seasonal, "method": method, "projection": projection,
        "reason": "; ".join(reasons),
    }
    out = []
    for kind in target_kinds:
        options = targets.get((r.indicator_id, y, kind), [])
        if not options:
            continue
        same_row = [t for t in options if t["base_end"] == r.end and t["source_doc"] == r.source_doc]
        chosen = same_row[0] if same_row else sorted(options, key=lambda t: (t["base_end"], t["source_doc"]))[-1]
        target = chosen["value"]
        ytd_pct = chosen["pct"] if same_row else r.value / target * 100
        pct = projection / target * 100
        out.append({**base, "target_kind": kind, "target_value": target, "target_from": chosen["quote"],
                    "ytd_pct_of_target": ytd_pct, "prorata_pct_of_target": prorata / target * 100,
                    "seasonal_pct_of_target": seasonal / target * 100, "projected_pct_of_target": pct,
                    "verdict": f"on track for {pct:.1f} % of {kind.replace('_', ' ')} ({method.replace('_', ' ')})"})
    if not out:
        out.append({**base, "target_kind": "", "target_value": np.nan, "target_from": "",
                    "ytd_pct_of_target": np.nan, "prorata_pct_of_target": np.nan, "seasonal_pct_of_target": np.nan,
                    "projected_pct_of_target": np.nan,
                    "verdict": f"projected {projection:,.1f} {r.unit} ({method.replace('_', ' ')}); no plan printed"})
    return out


__all__ = ["year_end_projections", "prorata_factor", "PROJECTION_COLUMNS", "TARGET_KINDS", "TARGET_KIND_LABELS"]
