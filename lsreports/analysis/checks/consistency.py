"""Consistency checks: what the reports' figures say about each other.

Each check returns flags as rows of one DataFrame (:data:`FLAG_COLUMNS`); printed values
are never altered. The checks:

- ``parts_vs_total``: exports + imports against the total turnover (and the budget
  revenue components against total revenue, where all are printed);
- ``part_rates``: a total's growth rate against its parts' rates (a total's change is
  a weighted mean of its parts' changes, so it lies between the lowest and the highest);
- ``month_vs_ytd``: a month's level against its year to date (a month cannot exceed it);
- ``implied_vs_printed``: a level implied by a growth rate in one report against the
  level printed in another (from :func:`lsreports.analysis.derive.compare_derived_with_printed`);
- ``implied_plan``: the annual plan (or budget estimate) implied by ``value / pct``
  across reports and periods of the same year;
- ``plan_parts``: the plan (or budget estimate) implied for a total against the sum of
  those implied for its parts, within one report and period;
- ``unit_anomaly``: a level whose monthly rate is a power of ten or more away from the
  indicator's other periods (the rosin output printed as "16,5 tấn" for 11 months while
  one month is "1,5 nghìn tấn");
- ``curated_flag``: source problems recorded by hand during curation, with their notes.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ...sources.loader import indicators, observations
from ...sources.catalog import PART_GROUPS, PLAN_PART_GROUPS
from ...sources.periods import period_kinds, period_label
from ...sources.reports import short_id
from ..derive import compare_derived_with_printed, read_misprints
from ..memo import FrameMemo

FLAG_COLUMNS = ["check", "severity", "indicator_id", "period", "source_docs", "detail", "evidence", "start", "end"]

#: Relative gap above which a sum of parts differs from its total (printed figures are rounded).
PARTS_TOLERANCE = 0.01
#: Percentage points by which a total's rate may lie outside its parts' rates (rates are printed rounded).
RATE_TOLERANCE_PP = 0.1
#: Relative spread above which plans implied by different rows of one year disagree.
PLAN_TOLERANCE = 0.02
#: Ratio of monthly rates beyond which a level looks printed in the wrong unit.
UNIT_RATIO = 8.0

#: The percentage measures that imply a plan or budget estimate (``value / pct * 100``).
PLAN_MEASURES: tuple[str, ...] = ("plan_pct", "est_central_pct", "est_local_pct")


def _flag(check: str, severity: str, indicator_id: str, period: tuple, docs, detail: str, evidence: str = "",
          label: str | None = None) -> dict:
    """One flag row; ``period`` is ``(start, end)``, labelled by :func:`period_label` unless ``label`` is given."""
    start, end = pd.Timestamp(period[0]), pd.Timestamp(period[1])
    return {"check": check, "severity": severity, "indicator_id": indicator_id,
            "period": label or period_label(start, end), "source_docs": ", ".join(sorted(set(docs))),
            "detail": detail, "evidence": evidence, "start": start, "end": end}


def _levels(obs: pd.DataFrame) -> pd.DataFrame:
    return obs.loc[(obs["measure"] == "value") & ~obs["derived"]]


def _totals_with_parts(rows: dict[tuple, object], groups: dict[str, tuple[str, ...]]):
    """Yield ``(key, total, parts)`` for each row of a total whose every part has a row.

    ``rows`` maps ``(indicator_id, *rest)`` to a row; a part's row has the same ``rest``
    (period, measure, report).
    """
    for (indicator_id, *rest), total in rows.items():
        parts = [rows.get((part_id, *rest)) for part_id in groups.get(indicator_id, ())]
        if parts and all(part is not None for part in parts):
            yield (indicator_id, *rest), total, parts


def _in_groups(frame: pd.DataFrame, groups: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """The rows of the totals and parts of ``groups`` (the only ones :func:`_totals_with_parts` looks at)."""
    ids = set(groups).union(*groups.values())
    return frame.loc[frame["indicator_id"].isin(ids)]


def _implied_plans(obs: pd.DataFrame) -> pd.DataFrame:
    """Pair each printed level with its printed :data:`PLAN_MEASURES` (same key and report).

    Columns ``indicator_id, start, end, source_doc, value, quote`` of the level, the
    percentage's ``measure_pct`` and ``value_pct``, and the ``implied`` plan ``value / value_pct * 100``.
    """
    on = ["indicator_id", "start", "end", "source_doc"]
    printed = obs.loc[~obs["derived"]]
    levels = printed.loc[printed["measure"] == "value", on + ["value", "quote"]]
    pcts = printed.loc[printed["measure"].isin(PLAN_MEASURES) & (printed["value"] > 0), on + ["measure", "value"]]
    pairs = levels.merge(pcts.rename(columns={"measure": "measure_pct"}), on=on, suffixes=("", "_pct"))
    return pairs.assign(implied=pairs["value"] / pairs["value_pct"] * 100)


def check_parts_vs_total(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag totals whose printed parts do not add up (within :data:`PARTS_TOLERANCE`).

    Only periods where the total and every part are printed in the same report are
    compared; a part larger than its total is always flagged.
    """
    levels = _in_groups(_levels(obs), PART_GROUPS)
    on = ["start", "end", "source_doc"]
    flags = []
    for total_id, part_ids in PART_GROUPS.items():
        table = levels.loc[levels["indicator_id"] == total_id, on + ["value"]]
        for part_id in part_ids:
            part = levels.loc[levels["indicator_id"] == part_id, on + ["value"]].rename(columns={"value": part_id})
            table = table.merge(part, on=on, how="left")
        for start, end, doc, total, *values in zip(*(table[c] for c in table.columns)):
            parts = {p: (None if pd.isna(v) else v) for p, v in zip(part_ids, values)}
            flags.extend(_parts_flags(total_id, start, end, doc, total, parts))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def _parts_flags(total_id: str, start: pd.Timestamp, end: pd.Timestamp, doc: str, total: float,
                 parts: dict[str, float | None]) -> list[dict]:
    """Flags of one total against its parts (``None`` for a part not printed)."""
    flags = []
    for part_id, part in parts.items():
        if part is not None and part > total * (1 + PARTS_TOLERANCE):
            flags.append(_flag("parts_vs_total", "error", total_id, (start, end), [doc],
                               f"{part_id} = {part:g} exceeds {total_id} = {total:g}"))
    if any(p is None for p in parts.values()):
        return flags
    summed = float(sum(parts.values()))
    gap = (summed - total) / total if total else np.inf
    if abs(gap) > PARTS_TOLERANCE:
        flags.append(_flag("parts_vs_total", "warning", total_id, (start, end), [doc],
                           f"{' + '.join(parts)} = {summed:g} vs printed total {total:g} ({gap:+.1%})"))
    return flags


def check_part_rates(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag totals whose growth rate lies outside the range of their parts' rates.

    A total's change is the mean of its parts' changes weighted by their (positive)
    shares in the base period, so it cannot be below the lowest part's rate or above the
    highest. Compared where a report prints the same growth measure (``yoy_pct`` or
    ``mom_pct``) for the same period for the total and every part, with
    :data:`RATE_TOLERANCE_PP` for rounding.
    """
    printed = _in_groups(obs.loc[~obs["derived"] & obs["measure"].isin(["yoy_pct", "mom_pct"])], PART_GROUPS)
    printed = printed[["indicator_id", "start", "end", "measure", "source_doc", "value", "quote"]]
    rates = {(r.indicator_id, r.start, r.end, r.measure, r.source_doc): r for r in printed.itertuples()}
    flags = []
    for (indicator_id, start, end, measure, doc), total, parts in _totals_with_parts(rates, PART_GROUPS):
        low, high = min(p.value for p in parts), max(p.value for p in parts)
        if low - RATE_TOLERANCE_PP <= total.value <= high + RATE_TOLERANCE_PP:
            continue
        listed = ", ".join(f"{p.indicator_id} {p.value:+g}%" for p in parts)
        flags.append(_flag("part_rates", "warning", indicator_id, (start, end), [doc],
                           f"{measure} {total.value:+g}% lies outside its parts' rates ({listed}); a total's "
                           "change is a weighted mean of its parts' changes",
                           " | ".join(dict.fromkeys([total.quote, *(p.quote for p in parts)]))))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def check_month_vs_ytd(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag months whose level exceeds the year to date ending with them.

    A January needs no check: its month and its year to date are one period (one row).
    """
    levels = _levels(obs)
    kinds = period_kinds(levels["start"], levels["end"])
    columns = ["indicator_id", "start", "end", "value", "source_doc", "quote"]
    months = levels.loc[kinds == "month", columns].assign(_month=np.arange((kinds == "month").sum()))
    ytd = levels.loc[kinds.isin(["ytd", "year"]), columns].assign(_ytd=np.arange(kinds.isin(["ytd", "year"]).sum()))
    pairs = months.merge(ytd, on=["indicator_id", "end"], suffixes=("", "_ytd")).sort_values(["_month", "_ytd"])
    pairs = pairs.loc[pairs["value"] > pairs["value_ytd"] * (1 + 1e-9)]
    flags = [_flag("month_vs_ytd", "error", r.indicator_id, (r.start_ytd, r.end), [r.source_doc, r.source_doc_ytd],
                   f"month {r.value:g} exceeds its year to date {r.value_ytd:g}", f"{r.quote} | {r.quote_ytd}",
                   label=f"{period_label(r.start, r.end)} vs {period_label(r.start_ytd, r.end)}")
             for r in pairs.itertuples()]
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def check_implied_plans(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag years whose plan implied by ``value / pct * 100`` differs between rows.

    For each indicator, year and comparison (``plan_pct``, ``est_central_pct``,
    ``est_local_pct``), every printed pair of a level and its percentage (same period and
    report) implies the year's plan; implied plans more than :data:`PLAN_TOLERANCE` apart
    are flagged with the rows that imply them.
    """
    implied = _implied_plans(obs)
    known = obs["source_doc"].unique()
    flags = []
    for measure in PLAN_MEASURES:
        pairs = implied.loc[implied["measure_pct"] == measure]
        spread = pairs.groupby([pairs["indicator_id"], pairs["start"].dt.year])["implied"]
        low, high = spread.transform("min"), spread.transform("max")
        pairs = pairs.loc[(spread.transform("size") >= 2) & ((high - low) / high > PLAN_TOLERANCE)]
        for (indicator_id, year), (pieces, docs) in sorted(_plan_pieces(pairs, known).items()):
            flags.append(_flag("implied_plan", "warning", indicator_id, (f"{year}-01-01", f"{year}-12-31"), docs,
                               f"{measure} implies different {year} plans: {'; '.join(pieces)}"))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def _plan_pieces(pairs: pd.DataFrame, known: Iterable[str]) -> dict[tuple, tuple[list[str], list[str]]]:
    """``(indicator_id, year)`` -> each pair's "period (report): value / pct% → plan" and report, in row order.

    Reports are named by their :func:`~lsreports.sources.reports.short_id` among the ``known`` ids.
    """
    short = {doc: short_id(doc, known) for doc in pairs["source_doc"].unique()}
    groups: dict[tuple, tuple[list[str], list[str]]] = {}
    for indicator_id, start, end, doc, value, pct, implied in zip(
            *(pairs[c] for c in ("indicator_id", "start", "end", "source_doc", "value", "value_pct", "implied"))):
        pieces, docs = groups.setdefault((indicator_id, start.year), ([], []))
        pieces.append(f"{period_label(start, end)} ({short[doc]}): {value:g} / {pct:g}% → {implied:,.1f}")
        docs.append(doc)
    return groups


def check_plan_parts(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag totals whose implied plan differs from the sum of their parts' implied plans.

    ``value / pct * 100`` gives the plan (or budget estimate) a figure is measured
    against. Where one report prints, for one period, the level and the same percentage
    measure for a total and for every part of :data:`PLAN_PART_GROUPS`, the parts' plans
    should add up to the total's (within :data:`PLAN_TOLERANCE`).
    """
    pairs = _in_groups(_implied_plans(obs), PLAN_PART_GROUPS)
    implied = {(r.indicator_id, r.start, r.end, r.measure_pct, r.source_doc): r for r in pairs.itertuples()}
    flags = []
    for (indicator_id, start, end, measure, doc), total, parts in _totals_with_parts(implied, PLAN_PART_GROUPS):
        summed = sum(p.implied for p in parts)
        if abs(summed - total.implied) / total.implied <= PLAN_TOLERANCE:
            continue
        listed = " + ".join(f"{p.indicator_id} {p.value:g} / {p.value_pct:g}%" for p in parts)
        flags.append(_flag("plan_parts", "warning", indicator_id, (start, end), [doc],
                           f"{measure}: {total.value:g} / {total.value_pct:g}% implies a plan of "
                           f"{total.implied:,.1f}, but the parts' plans add up to {summed:,.1f} ({listed})",
                           " | ".join(dict.fromkeys([total.quote, *(p.quote for p in parts)]))))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def _months_covered(start: pd.Series, end: pd.Series) -> np.ndarray:
    """The number of (average) months each period covers."""
    return (((end - start).dt.days + 1) / (365.25 / 12)).to_numpy(dtype=float)


def _median_of_others(values: np.ndarray) -> np.ndarray:
    """For each element, the median of all the other elements (as ``np.median(np.delete(values, i))``).

    From one sort: leaving out the element at sorted position ``p`` shifts the sorted
    positions at and after ``p`` by one.
    """
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    position = np.empty(len(values), dtype=int)
    position[order] = np.arange(len(values))
    count = len(values) - 1

    def other(k: int) -> np.ndarray:  # the k-th smallest of the others
        return np.where(k < position, ranked[k], ranked[np.minimum(k + 1, len(values) - 1)])

    if count % 2:
        return other(count // 2)
    return (other(count // 2 - 1) + other(count // 2)) / 2


def check_unit_anomalies(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Flag flow levels whose rate per month is :data:`UNIT_RATIO` times off the indicator's others.

    Each level of a flow indicator is turned into a rate per month covered; a level whose
    rate differs from the median of the indicator's other levels by the ratio or more is
    flagged, with the quotes of both sides as evidence.
    """
    flows = set(catalogue.loc[catalogue["kind"] == "flow", "indicator_id"])
    levels = _levels(obs)
    levels = levels.loc[levels["indicator_id"].isin(flows) & (levels["value"] > 0)]
    levels = levels.loc[period_kinds(levels["start"], levels["end"]).isin(["month", "ytd", "ytd_day", "year"])]
    levels = levels.assign(_rate=levels["value"].to_numpy() / _months_covered(levels["start"], levels["end"]))
    flags = []
    for indicator_id, group in levels.groupby("indicator_id"):
        if len(group) < 2:
            continue
        rates = group["_rate"].to_numpy()
        ratios = rates / _median_of_others(rates)
        for i in np.flatnonzero((ratios >= UNIT_RATIO) | (ratios <= 1 / UNIT_RATIO)):
            flags.append(_unit_flag(indicator_id, group, rates, i, ratios[i]))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def _unit_flag(indicator_id: str, group: pd.DataFrame, rates: np.ndarray, i: int, ratio: float) -> dict:
    """The flag of level ``i`` of ``group``, with the nearest-to-median other level as the comparison."""
    others = np.delete(rates, i)
    median = np.median(others)
    row = group.iloc[i]
    nearest = int(np.argmin(np.abs(others / median - 1)))
    closest = group.iloc[nearest + (nearest >= i)]
    return _flag(
        "unit_anomaly", "warning", indicator_id, (row["start"], row["end"]),
        [row["source_doc"], closest["source_doc"]],
        f"{row['value']:g} {row['unit']} over {period_label(row['start'], row['end'])} is "
        f"{rates[i]:,.3g} per month, {ratio:,.3g}× the indicator's other periods "
        f"(e.g. {closest['value']:g} over {period_label(closest['start'], closest['end'])}); "
        "printed value kept",
        f"{row['quote']} | {closest['quote']}")


def curated_flags(obs: pd.DataFrame) -> pd.DataFrame:
    """Return the source problems recorded during curation (rows with a ``flag``)."""
    flagged = obs.loc[obs["flag"].fillna("") != ""]
    flags = [_flag("curated_flag", "info", r.indicator_id, (r.start, r.end), [r.source_doc],
                   f"{r.flag}: {r.note}", r.quote) for r in flagged.itertuples()]
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def check_implied_vs_printed(obs: pd.DataFrame) -> pd.DataFrame:
    """Flag levels implied by a growth rate in one report that differ from those printed in another."""
    comparison = compare_derived_with_printed(obs)
    if comparison.empty:
        return pd.DataFrame(columns=FLAG_COLUMNS)
    gap_column = next(c for c in comparison.columns if "pct" in c and "diff" in c)
    flags = []
    for row in comparison.itertuples(index=False):
        record = row._asdict()
        gap = record[gap_column]
        if pd.notna(gap) and abs(gap) > PARTS_TOLERANCE * 100:
            flags.append(_flag("implied_vs_printed", "warning", record["indicator_id"],
                               (record["start"], record["end"]),
                               [str(v) for k, v in record.items() if "source_doc" in k],
                               f"derived {record.get('derived_value', np.nan):g} vs printed "
                               f"{record.get('printed_value', np.nan):g} ({gap:+.1f}%)",
                               str(record.get("formula", ""))))
    return pd.DataFrame(flags, columns=FLAG_COLUMNS)


def consistency_flags(obs: pd.DataFrame | None = None, catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Run every consistency check and return all flags in one frame.

    Parameters
    ----------
    obs, catalogue : pandas.DataFrame, optional
        Observations and indicator catalogue; default to the curated tables.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FLAG_COLUMNS`, ordered by check, indicator and period. The last few
        results are kept by content of ``obs`` and ``catalogue`` (callers get a copy).
    """
    obs = observations() if obs is None else obs
    # a known misprint is checked as read (data/curated/misprints.csv): its curated flag is its one item
    obs = read_misprints(obs)
    # a figure given twice (same key and value; the loader refuses it, a caller's frame may not) counts once
    obs = obs.drop_duplicates(["indicator_id", "start", "end", "measure", "source_doc", "value", "derived"])
    catalogue = indicators() if catalogue is None else catalogue
    return _FLAGS_MEMO.get(lambda: _all_flags(obs, catalogue), obs, catalogue)


#: Recent results of :func:`consistency_flags`, by content of the observations and catalogue.
_FLAGS_MEMO = FrameMemo(name="checks.consistency_flags")


def _all_flags(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    frames = [check_parts_vs_total(obs), check_part_rates(obs), check_month_vs_ytd(obs), check_implied_plans(obs),
              check_plan_parts(obs), check_unit_anomalies(obs, catalogue), check_implied_vs_printed(obs),
              curated_flags(obs)]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=FLAG_COLUMNS)
    return pd.concat(frames, ignore_index=True)


__all__ = ["FLAG_COLUMNS", "consistency_flags", "check_parts_vs_total", "check_part_rates", "check_month_vs_ytd",
           "check_implied_plans", "check_plan_parts", "check_unit_anomalies", "curated_flags",
           "check_implied_vs_printed"]
