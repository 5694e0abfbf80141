"""Year-end projections from a year-to-date level, with error bands and a verdict against plan.

Method
------
For a level covering 1 January to a month's end (or to a stated day) of year ``y``, of
an indicator the catalogue calls a flow (``kind == "flow"``):

*Growth-based nowcast* (the default where last year's level is known):
``A_{y-1} * (1 + g/100)``, last year's full-year level times the growth so far
(:mod:`lsreports.analysis.yearend.nowcast`, which also says how ``A_{y-1}`` is found and when
December is estimated).

*Pro-rata* (the fallback, and the baseline shown beside it): ``YTD * 12 / m`` for ``m``
months, or ``YTD * days_in_year / days_elapsed`` for a year to a stated day. It assumes
the rest of the year runs at the average pace so far, i.e. no seasonality. ``reason``
says why the growth-based nowcast does not apply.

Stocks, counts at a date, indices and one-off distributions (the catalogue's other
kinds, e.g. the Tết rice support) are never multiplied up: ``method`` is
``not_projected``. A projection from January alone is ``confidence == "low"`` and its
``note`` gives the dates of Tết (:data:`TET`), which moves activity between January
and February.

*Bands and verdicts* (:mod:`lsreports.analysis.yearend.uncertainty`): ``lower``/``upper`` from
the backtest's errors, scaled by the share of the year left; the verdict against the
plan is ``likely``, ``unlikely`` or ``undetermined`` (the band straddles 100 %).

*Against the plan*: the year's plan (or budget estimate) implied by ``value / pct *
100`` (:func:`lsreports.analysis.derive.implied_targets`), preferring the one printed
beside the same YTD row, else the one from the latest period of the year. Every row
carries its ``inputs`` and ``formula`` like a derived row.
"""
from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from ...sources.contract import printed_rows
from ...sources.loader import indicators
from ...sources.periods import is_month_end
from .backtest import backtest_pairs
from ...sources.periods import shift_period_back
from ..derive import READ_FLAG, implied_targets, read_misprints
from ..memo import FrameMemo
from ..levels import Level, level_lookup, pick_level
from .nowcast import growth_nowcast, previous_year_level
from .uncertainty import band, band_rows, band_widths, verdict

#: Plan kinds compared with, in order of preference.
TARGET_KINDS: tuple[str, ...] = ("plan", "est_local", "est_central")
#: Short English names of the target kinds, for chart labels.
TARGET_KIND_LABELS: dict[str, str] = {"plan": "plan", "est_local": "local budget est.",
                                      "est_central": "central budget est."}
#: The first day of the lunar new year (Tết), which moves activity between January and February.
TET: dict[int, str] = {2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06"}

PROJECTION_COLUMNS: list[str] = [
    "indicator_id", "year", "ytd_start", "ytd_end", "source_doc", "ytd_value", "unit", "kind", "elapsed",
    "months_remaining", "ytd_yoy_pct", "prorata_factor", "prorata_projection", "prev_ytd_value", "prev_ytd_from",
    "prev_annual_value", "prev_annual_from", "prev_annual_assumption", "growth_projection", "method", "projection",
    "lower", "upper", "band_from", "confidence", "inputs", "formula", "reason", "note", "target_kind",
    "target_value", "target_from", "ytd_pct_of_target", "prorata_pct_of_target", "growth_pct_of_target",
    "projected_pct_of_target", "lower_pct_of_target", "upper_pct_of_target", "verdict", "verdict_text",
    "plausibility", "one_off",
]
#: The columns of ``lsreports project --csv``, in order (documented in the README).
CSV_COLUMNS: list[str] = [
    "indicator_id", "ytd_start", "ytd_end", "ytd_value", "method", "projection", "lower", "upper", "target_kind",
    "target_value", "projected_pct_of_target", "verdict", "unit", "confidence", "lower_pct_of_target",
    "upper_pct_of_target", "prorata_projection", "formula", "reason", "plausibility", "one_off", "flags",
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


def _catalogue() -> pd.DataFrame:
    try:
        return indicators().set_index("indicator_id")
    except Exception:  # noqa: BLE001 - no catalogue (a bare data folder): every id counts as a flow
        return pd.DataFrame(columns=["domain", "kind"])


def year_end_projections(obs: pd.DataFrame, year: int | None = None, *, latest_only: bool = True,
                         target_kinds: tuple[str, ...] = TARGET_KINDS, widths: pd.DataFrame | None = None,
                         catalogue: pd.DataFrame | None = None, national: pd.DataFrame | None = None) -> pd.DataFrame:
    """Project each year-to-date level to the year's end and compare it with the plan.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (derived rows in it are ignored).
    year : int, optional
        Keep only year-to-date levels of this year.
    latest_only : bool, default True
        Keep only the latest year to date per indicator **and year** (e.g. 5 months
        rather than January 2026, and 11 months rather than the first half of 2025).
    target_kinds : tuple of str
        Plan kinds to compare with (one output row per year to date and kind found; one
        row with no target when none is found).
    widths : pandas.DataFrame, optional
        Band half-widths (:func:`lsreports.analysis.yearend.uncertainty.band_widths`); by
        default computed from the backtest of ``obs`` itself.
    catalogue : pandas.DataFrame, optional
        Indicators indexed by id with ``kind`` and ``domain``; by default the curated one.
    national : pandas.DataFrame, optional
        The country's series, for the plausibility check's earlier years
        (:mod:`lsreports.analysis.yearend.plausibility`), e.g. :func:`curated_national`;
        without them only the province's own printed years are compared with.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PROJECTION_COLUMNS`: inputs with where each came from, both
        projections, the ``method`` that applies and its ``projection``, ``lower`` and
        ``upper``, ``inputs`` and ``formula``, ``reason`` (why the growth-based nowcast
        does not apply), the target and percentages of it, and ``verdict``; ``plausibility``
        says in words why a year end lies outside what earlier years show (its band then
        takes in the pro-rata projection) and ``one_off`` what the report says of one-off
        receipts.

    See Also
    --------
    lsreports.analysis.yearend.nowcast : last year's level and the growth-based formula.
    lsreports.analysis.yearend.uncertainty : bands and verdict thresholds.
    """
    catalogue = _catalogue() if catalogue is None else catalogue
    national = _NO_NATIONAL if national is None else national
    options = pd.DataFrame({"year": [year], "latest_only": [latest_only], "target_kinds": ["|".join(target_kinds)],
                            "widths_given": [widths is not None]})
    given = widths if widths is not None else pd.DataFrame()
    return _PROJECTIONS_MEMO.get(
        lambda: _project_all(obs, year, latest_only, target_kinds, widths, catalogue, national),
        obs, catalogue.reset_index(), given, options, national)


_NO_NATIONAL = pd.DataFrame(columns=["indicator_id", "start", "end", "measure", "value", "unit", "source_doc",
                                     "derived"])


def curated_national() -> pd.DataFrame:
    """The curated national rows, or an empty frame where the data folder has none."""
    from ...sources.loader import national_observations
    from ...sources.paths import curated_dir

    if not (curated_dir() / "national_observations.csv").exists():
        return pd.DataFrame(columns=["indicator_id", "start", "end", "measure", "value", "unit", "source_doc",
                                     "derived"])
    return national_observations()


#: Recent results of :func:`year_end_projections` (a briefing page and its notebook both ask), by
#: content of the observations, catalogue, widths and options.
_PROJECTIONS_MEMO = FrameMemo(name="yearend.projections")


def _project_all(obs: pd.DataFrame, year: int | None, latest_only: bool, target_kinds: tuple[str, ...],
                 widths: pd.DataFrame | None, catalogue: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    frame = read_misprints(obs)  # a known misprint is projected, planned and paced as read, never as printed
    ytd = _ytd_rows(printed_rows(frame))
    if year is not None:
        ytd = ytd.loc[ytd["start"].dt.year == year]
    if latest_only and not ytd.empty:
        ytd = ytd.sort_values(["end", "source_doc"]).groupby(
            [ytd["indicator_id"], ytd["start"].dt.year], as_index=False).tail(1)
    context = {"lookup": level_lookup(frame), "rates": _rates(frame), "catalogue": catalogue,
               "widths": _widths_by_year(obs, ytd, widths, catalogue),
               "national": national, "printed": printed_rows(frame), "monthly": {}}
    targets: dict[tuple[str, int, str], list[dict]] = {}
    for t in implied_targets(frame).to_dict("records"):
        targets.setdefault((t["base_indicator_id"], t["start"].year, t["target_kind"]), []).append(t)
    rows = []
    for r in ytd.sort_values(["indicator_id", "end"]).itertuples(index=False):
        rows.extend(_against_targets(_project_one(r, context), targets, target_kinds))
    return pd.DataFrame(rows, columns=PROJECTION_COLUMNS)


def _widths_by_year(obs: pd.DataFrame, ytd: pd.DataFrame, widths: pd.DataFrame | None,
                    catalogue: pd.DataFrame) -> dict[int, dict]:
    """Band rows per year projected: given ``widths`` for every year, else from the backtest pairs whose
    outcome (target period) ended before that year began, so a band never uses the year it projects."""
    years = sorted(set(ytd["start"].dt.year))
    if widths is not None:
        rows = band_rows(widths)
        return {year: rows for year in years}
    errors = backtest_pairs(obs)
    domains = catalogue["domain"] if "domain" in catalogue else None
    return {year: band_rows(band_widths(errors.loc[pd.to_datetime(errors["target_end"]) <
                                                   pd.Timestamp(year=year, month=1, day=1)], domains))
            for year in years}


def _rates(frame: pd.DataFrame) -> dict[tuple, tuple[float, str]]:
    rates = printed_rows(frame).loc[frame["measure"] == "yoy_pct"]
    return {(r.indicator_id, r.start, r.end, r.source_doc): (r.value, r.flag) for r in rates.itertuples(index=False)}


def _timing(r) -> tuple[float, str, float, str, str]:
    """Pro-rata factor, elapsed label, months remaining, confidence and the Tết note."""
    factor, elapsed = prorata_factor(r.start, r.end)
    remaining = 12 - 12 / factor
    if remaining < 10.5:
        return factor, elapsed, remaining, "normal", ""
    tet = ", ".join(f"{y}: {TET[y]}" for y in (r.start.year - 1, r.start.year) if y in TET)
    return factor, elapsed, remaining, "low", (
        f"projected from January alone (low confidence): Tết, the lunar new year, moves spending, output and "
        f"travel between January and February ({tet})")


def _growth_inputs(r, context: dict) -> tuple[Level | None, Level | None, float, list[str]]:
    """Last year's same period and full year, the yoy beside the YTD, and why the nowcast cannot run."""
    prev_start, prev_end = shift_period_back(r.start, r.end)
    prev_ytd = pick_level(context["lookup"].get((r.indicator_id, prev_start, prev_end), []), r.source_doc)
    prev_annual = previous_year_level(context["lookup"], r.indicator_id, r.start.year, r.source_doc)
    yoy, yoy_flag = context["rates"].get((r.indicator_id, r.start, r.end, r.source_doc), (np.nan, ""))
    reasons = []
    if prev_ytd is None:
        reasons.append(f"no level for {prev_start:%Y-%m-%d}..{prev_end:%Y-%m-%d} (printed, or implied by a "
                       "yoy_pct beside the year to date)")
    if prev_annual is None:
        reasons.append(f"no level for the whole of {r.start.year - 1} nor its first 11 months (printed or implied)")
    flags = [f"{what} flagged {f}" for what, f in (("growth rate", yoy_flag),
             ("last year's same period", prev_ytd.flag if prev_ytd else ""),
             ("last year's level", prev_annual.flag if prev_annual else "")) if f and f != READ_FLAG]
    reasons.extend(flags)
    from ..checks.breaks import crosses_break

    if crosses_break(r.indicator_id, prev_end, r.end):
        reasons.append("last year is on another basis (a break of basis): growth is not applied across it")
    if prev_ytd is not None and prev_annual is not None and not (0 < prev_ytd.value / prev_annual.value <= 1):
        reasons.append(f"last year's share {prev_ytd.value / prev_annual.value:.3g} outside (0, 1]: inputs "
                       "inconsistent")
    return prev_ytd, prev_annual, yoy, reasons


def _project_one(r, context: dict) -> dict:
    catalogue = context["catalogue"]
    kind = catalogue["kind"].get(r.indicator_id, "flow") if "kind" in catalogue else "flow"
    domain = catalogue["domain"].get(r.indicator_id, "unknown") if "domain" in catalogue else "unknown"
    factor, elapsed, remaining, confidence, note = _timing(r)
    prorata = r.value * factor
    prev_ytd, prev_annual, yoy, reasons = _growth_inputs(r, context)
    growth = np.nan if reasons else growth_nowcast(r.value, prev_ytd.value, prev_annual.value)
    base = {"indicator_id": r.indicator_id, "year": r.start.year, "ytd_start": r.start, "ytd_end": r.end,
            "source_doc": r.source_doc, "ytd_value": r.value, "unit": r.unit, "kind": kind, "elapsed": elapsed,
            "months_remaining": remaining, "ytd_yoy_pct": yoy, "prorata_factor": factor,
            "prorata_projection": prorata, "prev_ytd_value": prev_ytd.value if prev_ytd else np.nan,
            "prev_ytd_from": prev_ytd.source if prev_ytd else "",
            "prev_annual_value": prev_annual.value if prev_annual else np.nan,
            "prev_annual_from": prev_annual.source if prev_annual else "",
            "prev_annual_assumption": prev_annual.assumption if prev_annual else "", "growth_projection": growth,
            "confidence": confidence, "note": note}
    if kind != "flow":
        return {**base, "method": "not_projected", "projection": np.nan, "lower": np.nan, "upper": np.nan,
                "band_from": "", "inputs": f"YTD {r.value:,.6g} {r.unit} ({r.source_doc})", "formula": "",
                "reason": f"catalogue kind '{kind}': only flows are projected to the year's end (a stock, a count "
                          "at a date or a one-off distribution is never multiplied up)", "plausibility": "", "one_off": ""}
    method = "pro_rata" if reasons else "growth"
    projection = prorata if reasons else growth
    lower, upper, band_from = band(context["widths"][r.start.year], method, domain, projection, remaining / 12,
                                   floor=r.value)
    doubt = _plausibility(r, {**base, "method": method, "projection": projection}, context)
    if doubt:  # outside what earlier years show: the band takes in the pace so far continued
        lower, upper = np.nanmin([lower, prorata, projection]), np.nanmax([upper, prorata, projection])
        band_from = f"{band_from}; widened to the pro-rata projection {prorata:,.6g} (implausible year end)"
    return {**base, "method": method, "projection": projection, "lower": lower, "upper": upper,
            "band_from": band_from, **_explain(r, base, method, factor), "reason": "; ".join(reasons),
            "plausibility": doubt, "one_off": _one_off(r, context)}


def _plausibility(r, base: dict, context: dict) -> str:
    """Why a year end lies outside what earlier years show ('' when it does not or cannot be judged)."""
    from .plausibility import judge, national_ratios, province_ratios

    seen = (province_ratios(context["lookup"], r.indicator_id, r.start.year, r.end)
            + national_ratios(context["national"], r.indicator_id, r.start.year, r.end, context["monthly"]))
    return judge(base, seen)


def _one_off(r, context: dict) -> str:
    """What the report of the year to date says of one-off receipts and of the parts driving the total."""
    from ..checks.consistency import PART_GROUPS
    from .plausibility import one_off_note, parts_note

    printed = context["printed"]
    same = printed.loc[(printed["source_doc"] == r.source_doc) & (printed["start"] == r.start)
                       & (printed["end"] == r.end)]
    parts = same.loc[same["indicator_id"].isin(PART_GROUPS.get(r.indicator_id, ()))]
    notes = [one_off_note(r.indicator_id, list(same.loc[same["indicator_id"].str.startswith(
        r.indicator_id.split("_total")[0]), "quote"])), parts_note(r.value, parts)]
    return "; ".join(n for n in notes if n)


def _explain(r, base: dict, method: str, factor: float) -> dict:
    ytd = f"YTD {r.value:,.6g} {r.unit} ({r.start:%Y-%m-%d}..{r.end:%Y-%m-%d}, {r.source_doc})"
    if method == "pro_rata":
        return {"inputs": ytd, "formula": f"{r.value:,.6g} x {factor:.6g} = {base['prorata_projection']:,.6g}"}
    inputs = (f"{ytd}; last year's same period {base['prev_ytd_value']:,.6g} ({base['prev_ytd_from']}); "
              f"last year's level {base['prev_annual_value']:,.6g} ({base['prev_annual_from']})"
              + (f"; assumption: {base['prev_annual_assumption']}" if base["prev_annual_assumption"] else ""))
    return {"inputs": inputs, "formula": f"{base['prev_annual_value']:,.6g} x {r.value:,.6g} / "
                                         f"{base['prev_ytd_value']:,.6g} = {base['growth_projection']:,.6g}"}


def _against_targets(base: dict, targets: dict[tuple[str, int, str], list[dict]],
                     target_kinds: tuple[str, ...]) -> list[dict]:
    out = []
    for kind in target_kinds:
        options = targets.get((base["indicator_id"], base["year"], kind), [])
        if not options:
            continue
        same_row = [t for t in options if t["base_end"] == base["ytd_end"] and t["source_doc"] == base["source_doc"]]
        chosen = same_row[0] if same_row else sorted(options, key=lambda t: (t["base_end"], t["source_doc"]))[-1]
        target = chosen["value"]
        pcts = {name: base[column] / target * 100 for name, column in (
            ("prorata_pct_of_target", "prorata_projection"), ("growth_pct_of_target", "growth_projection"),
            ("projected_pct_of_target", "projection"), ("lower_pct_of_target", "lower"),
            ("upper_pct_of_target", "upper"))}
        out.append({**base, "target_kind": kind, "target_value": target, "target_from": chosen["quote"],
                    "ytd_pct_of_target": chosen["pct"] if same_row else base["ytd_value"] / target * 100, **pcts,
                    **_verdict(base, kind, pcts)})
    if not out:
        out.append({**base, "target_kind": "", "target_value": np.nan, "target_from": "", "ytd_pct_of_target": np.nan,
                    "prorata_pct_of_target": np.nan, "growth_pct_of_target": np.nan,
                    "projected_pct_of_target": np.nan, "lower_pct_of_target": np.nan, "upper_pct_of_target": np.nan,
                    "verdict": "", "verdict_text": _no_target_text(base)})
    return out


def _verdict(base: dict, kind: str, pcts: dict) -> dict:
    what = TARGET_KIND_LABELS.get(kind, kind)
    if base["method"] == "not_projected":
        return {"verdict": "", "verdict_text": f"not projected ({base['kind']}); {what} not compared"}
    word = verdict(pcts["lower_pct_of_target"], pcts["upper_pct_of_target"])
    band_text = (f", band {pcts['lower_pct_of_target']:.0f}-{pcts['upper_pct_of_target']:.0f} %"
                 if np.isfinite(pcts["lower_pct_of_target"]) else ", no band")
    method = "growth-based" if base["method"] == "growth" else "pro-rata"
    return {"verdict": word, "verdict_text": f"{word}: {pcts['projected_pct_of_target']:.0f} % of {what}"
                                             f"{band_text} ({method})"}


def _no_target_text(base: dict) -> str:
    if base["method"] == "not_projected":
        return f"not projected ({base['kind']})"
    method = "growth-based" if base["method"] == "growth" else "pro-rata"
    return f"projected {base['projection']:,.1f} {base['unit']} ({method}); no plan printed"


__all__ = ["year_end_projections", "curated_national", "prorata_factor", "PROJECTION_COLUMNS", "CSV_COLUMNS", "TARGET_KINDS",
           "TARGET_KIND_LABELS", "TET"]
