"""Derived rows: numbers the printed figures imply, in the contract's format.

Every derived row has ``derived == True``, the formula in ``quote`` (never a fake
quote) and, spelled out with the numbers used, in a ``formula`` column; ``derivation``
names the kind. The derivations, each from printed rows only (one step, never a
derivation of a derivation, except that shares may use a part computed here):

``prev_year_level``
    The same period one year earlier, ``value / (1 + yoy_pct/100)``. Month-ends map to
    month-ends (28 Feb 2025 -> 29 Feb 2024), other days to the same day (29 Feb -> 28 Feb).
``month_from_ytd``
    A month's level from consecutive year-to-date levels of the same year,
    ``YTD(m) - YTD(m-1)`` (a January year-to-date already *is* the month's row).
``ytd_from_month``
    The year to the previous month, ``YTD(m) - month(m)``.
``implied_plan`` / ``implied_est_central`` / ``implied_est_local``
    The year's plan (budget estimate) implied by a level and its ``plan_pct``
    (``est_central_pct``, ``est_local_pct``): ``value / pct * 100``, with period = the
    calendar year of the level, measure ``value`` and an id of its own,
    ``<level id>_plan`` (``_est_central``, ``_est_local``; see
    :data:`TARGET_INDICATOR_TEMPLATE`): a plan is not the year's level, and a report
    that prints both budget estimates implies two different numbers.
``part_from_total``
    The missing part of an exhaustive two-part total (imports = total - exports, exports
    = total - imports, total = exports + imports), same report and period.
``share``
    A part's share of its total in percent, under the ids of :data:`SHARE_INDICATORS`.

``misprint_reading``
    The reading of a printed figure listed in ``data/curated/misprints.csv`` (a known
    misprint, e.g. "16,5 tấn" for 16,5 nghìn tấn): ``printed x factor`` under the printed
    row's own key, flagged :data:`READ_FLAG` with the reason. It is the one derivation that
    sits beside a printed row of the same key (the printed row stays for provenance); every
    other derivation, the projections, paces, plans and consistency checks read it in the
    printed row's place (:func:`read_misprints`).

Rows are emitted only under ids registered in the indicator catalogue.

A derived value never overwrites or hides a printed one: a derivation whose key
``(indicator_id, start, end, measure)`` is printed in any report is not emitted;
:func:`compare_derived_with_printed` lists those pairs instead. Levels derived by
subtraction that come out negative are not emitted (they signal a source problem that
the consistency checks flag, e.g. a part printed in the wrong unit).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..sources.contract import OBSERVATION_COLUMNS, normalise_observations, printed_rows
from ..sources.loader import indicators
from ..sources.misprints import misprints
from ..sources.periods import is_month_end, is_whole_month, shift_periods_back
from .memo import FrameMemo

#: Extra columns of derived rows (after the contract's and the project's).
DERIVED_EXTRA_COLUMNS: tuple[str, ...] = ("derivation", "formula")
DERIVED_COLUMNS: tuple[str, ...] = OBSERVATION_COLUMNS + DERIVED_EXTRA_COLUMNS

#: Derivations that state a plan or budget estimate rather than a level.
TARGET_DERIVATIONS: dict[str, str] = {
    "plan_pct": "implied_plan",
    "est_central_pct": "implied_est_central",
    "est_local_pct": "implied_est_local",
}
#: Id under which an implied plan / estimate is emitted (``{indicator_id}`` = the level's id),
#: with measure ``value`` over the calendar year. Like shares, the rows appear once the id is
#: registered in the catalogue (kind ``plan``; a test checks every implied target is).
TARGET_INDICATOR_TEMPLATE: dict[str, str] = {
    "implied_plan": "{indicator_id}_plan",
    "implied_est_central": "{indicator_id}_est_central",
    "implied_est_local": "{indicator_id}_est_local",
}

#: Totals made of exactly two exhaustive parts: total -> (exports, imports).
PART_PAIRS: dict[str, tuple[str, str]] = {
    "trade_total": ("trade_total_export", "trade_total_import"),
    "trade_declared": ("trade_declared_export", "trade_declared_import"),
}

#: Proposed share indicators (unit ``pct``, measure ``value``): id -> (part, total).
SHARE_INDICATORS: dict[str, tuple[str, str]] = {
    "trade_total_export_share": ("trade_total_export", "trade_total"),
    "trade_declared_export_share": ("trade_declared_export", "trade_declared"),
    "budget_revenue_domestic_share": ("budget_revenue_domestic", "budget_revenue_total"),
    "budget_revenue_trade_share": ("budget_revenue_trade", "budget_revenue_total"),
}

#: The flag of a misprinted row read by its rule (:func:`read_misprints`) and of the derived reading.
READ_FLAG = "misprint_read"

#: Order in which colliding derivations (same key and report) are kept.
DERIVATION_PRECEDENCE: tuple[str, ...] = (
    "misprint_reading", "prev_year_level", "month_from_ytd", "ytd_from_month", "part_from_total", "share",
    "implied_plan", "implied_est_local", "implied_est_central",
)

KEY: list[str] = ["indicator_id", "start", "end", "measure"]


def _days(days: pd.Series) -> pd.Series:
    return days.dt.strftime("%Y-%m-%d")


def _nums(values: pd.Series | np.ndarray) -> np.ndarray:
    return np.array([f"{value:.10g}" for value in np.asarray(values, dtype=float)], dtype=object)


def _texts(*parts: pd.Series | np.ndarray | str) -> np.ndarray:
    """Concatenate texts elementwise (columns, arrays and constant strings)."""
    arrays = [part if isinstance(part, str) else np.asarray(part, dtype=object) for part in parts]
    out = arrays[0]
    for part in arrays[1:]:
        out = out + part
    return np.asarray(out, dtype=object)


def _spans(frame: pd.DataFrame, suffix: str = "") -> np.ndarray:
    """``id start..end (doc)`` of each row: ``indicator_id`` and ``start``, ``end``, ``source_doc`` + ``suffix``."""
    return _texts(frame["indicator_id"], " ", _days(frame["start" + suffix]), "..",
                  _days(frame["end" + suffix]), " (", frame["source_doc" + suffix], ")")


def _statuses(*columns: pd.Series) -> np.ndarray:
    """``estimate`` where any of the rows combined is an estimate, else the first row's status."""
    estimate = np.zeros(len(columns[0]), dtype=bool)
    for column in columns:
        estimate |= np.asarray(column, dtype=object) == "estimate"
    return np.where(estimate, "estimate", np.asarray(columns[0], dtype=object))


def _derived_frame(derivation: str, columns: dict[str, object]) -> pd.DataFrame:
    """Derived rows (measure ``value``, ``derived`` true, no flag) in :data:`DERIVED_COLUMNS` order.

    ``columns`` holds ``indicator_id, start, end, value, unit, source_doc, quote, formula,
    status`` and optionally ``note``, as aligned columns or arrays.
    """
    plain = {name: (value.to_numpy() if isinstance(value, pd.Series) else value) for name, value in columns.items()}
    size = len(plain["value"])
    frame = pd.DataFrame({
        "indicator_id": plain["indicator_id"], "start": plain["start"], "end": plain["end"], "measure": "value",
        "value": np.asarray(plain["value"], dtype=float), "unit": plain["unit"], "source_doc": plain["source_doc"],
        "quote": plain["quote"], "derived": True, "status": plain["status"], "flag": "",
        "note": plain.get("note", ""), "derivation": derivation, "formula": plain["formula"]}, index=range(size))
    return frame[list(DERIVED_COLUMNS)]


def _misprinted(frame: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The printed rows of ``frame`` that :func:`lsreports.sources.misprints.misprints` lists, still as printed.

    Columns of the row, and ``reading``, ``factor``, ``rule``, ``reason`` and ``_row`` (its index in ``frame``).
    """
    table = misprints() if table is None else table
    if table.empty or frame.empty:
        return pd.DataFrame()
    key = ["indicator_id", "start", "end", "measure", "source_doc"]
    table = table.assign(start=table["start"].astype(frame["start"].dtype), end=table["end"].astype(frame["end"].dtype))
    rows = frame.loc[~frame["derived"].astype(bool)].reset_index(names="_row")
    hits = rows.merge(table[key + ["printed_value", "reading", "factor", "rule", "reason"]], on=key)
    return hits.loc[np.isclose(hits["value"].astype(float), hits["printed_value"])]


def read_misprints(obs: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``obs`` with each known misprint read by its rule, in the printed row's place.

    The row keeps its key, quote and ``derived == False`` (it stands for the printed
    figure); its ``value`` becomes the reading, its ``flag`` :data:`READ_FLAG` and its
    ``note`` says what was printed and why it is read so. Projections, paces, implied plans
    and consistency checks start from this frame; a frame already read is returned as it is.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format.
    table : pandas.DataFrame, optional
        Known misprints (default: :func:`lsreports.sources.misprints.misprints`).
    """
    frame = normalise_observations(obs)
    hits = _misprinted(frame, table)
    if hits.empty:
        return frame
    frame = frame.copy()
    rows = hits["_row"].to_numpy()
    frame.loc[rows, "value"] = hits["reading"].to_numpy()
    frame.loc[rows, "flag"] = READ_FLAG
    frame.loc[rows, "note"] = [f"printed {p:g} {u}, read as {r:g} {u} ({rule}): {why}" for p, u, r, rule, why in
                               zip(hits["printed_value"], hits["unit"], hits["reading"], hits["rule"], hits["reason"])]
    return frame


def _misprint_frame(printed: pd.DataFrame) -> pd.DataFrame:
    """The reading of each known misprint as a derived row (formula and reason, never a quote)."""
    hits = _misprinted(printed)
    if hits.empty:
        return pd.DataFrame(columns=list(DERIVED_COLUMNS))
    frame = _derived_frame("misprint_reading", {
        "indicator_id": hits["indicator_id"], "start": hits["start"], "end": hits["end"], "value": hits["reading"],
        "unit": hits["unit"], "source_doc": hits["source_doc"],
        "quote": _texts("derived: reading of a known misprint (", hits["rule"], ") of ", _spans(hits),
                        ", data/curated/misprints.csv"),
        "formula": _texts(_nums(hits["value"]), " x ", _nums(hits["factor"]), " = ", _nums(hits["reading"])),
        "status": hits["status"], "note": hits["reason"]})
    frame["measure"] = hits["measure"].to_numpy()
    frame["flag"] = READ_FLAG
    return frame


def _levels_with(printed: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Join each printed level with the printed ``measure`` of the same key and report.

    Columns ``indicator_id, start, end, source_doc, value, unit, status`` of the level, and
    ``value_pct``, ``status_pct`` of the ``measure``.
    """
    on = ["indicator_id", "start", "end", "source_doc"]
    levels = printed.loc[printed["measure"] == "value", on + ["value", "unit", "status"]]
    rates = printed.loc[printed["measure"] == measure, on + ["value", "status"]]
    return levels.merge(rates, on=on, suffixes=("", "_pct"))


def _previous_year_frame(printed: pd.DataFrame) -> pd.DataFrame:
    pairs = _levels_with(printed, "yoy_pct")
    # a rate's yoy is ambiguous (points or percent); -100 % has no base
    pairs = pairs.loc[(pairs["unit"] != "pct") & ~(pairs["value_pct"] <= -100)]
    start, end = shift_periods_back(pairs["start"], pairs["end"])
    # never across a break of basis: a level implied on the old side would mix two definitions
    same_basis = _same_basis(pairs["indicator_id"], pairs["end"], end)
    pairs, start, end = pairs.loc[same_basis], start.loc[same_basis], end.loc[same_basis]
    value = pairs["value"] / (1 + pairs["value_pct"] / 100)
    return _derived_frame("prev_year_level", {
        "indicator_id": pairs["indicator_id"], "start": start, "end": end, "value": value, "unit": pairs["unit"],
        "source_doc": pairs["source_doc"],
        "quote": _texts("derived: previous-year level = value / (1 + yoy_pct/100) from ", _spans(pairs)),
        "formula": _texts(_nums(pairs["value"]), " / (1 + ", _nums(pairs["value_pct"]), "/100) = ", _nums(value)),
        "status": _statuses(pairs["status"], pairs["status_pct"])})


def _same_basis(ids: pd.Series, end_a: pd.Series, end_b: pd.Series) -> pd.Series:
    """True where two periods of each row's indicator lie on the same side of its break of basis (if any)."""
    from .checks.breaks import BREAKS

    same = pd.Series(True, index=ids.index)
    for indicator_id, brk in BREAKS.items():
        mine = ids == indicator_id
        same &= ~mine | ((end_a >= brk.first_day) == (end_b >= brk.first_day))
    return same


def _ytd_levels(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    jan1 = (levels["start"].dt.month == 1) & (levels["start"].dt.day == 1)
    same_year = levels["start"].dt.year == levels["end"].dt.year
    return levels.loc[is_month_end(levels["end"]) & jan1 & same_year & (levels["start"] != levels["end"])]


def _month_levels(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    return levels.loc[is_whole_month(levels["start"], levels["end"])]


def _consecutive_ytd_pairs(printed: pd.DataFrame) -> pd.DataFrame:
    """Pair each year to date of month ``m > 1`` with the one of ``m - 1``: the same report's
    where both are printed in one (the latest such report), else each month's latest report.
    Columns of the later one, and of the earlier one with the suffix ``_prev``."""
    ytd = _ytd_levels(printed)
    ytd = ytd.assign(_year=ytd["end"].dt.year, _month=ytd["end"].dt.month).sort_values(
        ["indicator_id", "end", "source_doc"])
    on = ["indicator_id", "_year", "_month"]
    columns = on + ["start", "end", "source_doc", "value", "unit", "status"]
    current, previous = ytd.loc[ytd["_month"] > 1, columns], ytd[columns].assign(_month=ytd["_month"] + 1)
    same = current.merge(previous.assign(source_doc_prev=previous["source_doc"]), on=on + ["source_doc"],
                         suffixes=("", "_prev"))
    same = same.sort_values(on + ["source_doc"], kind="stable").drop_duplicates(on, keep="last")
    latest = current.drop_duplicates(on, keep="last").merge(previous.drop_duplicates(on, keep="last"), on=on,
                                                           suffixes=("", "_prev"))
    latest = latest.loc[~pd.MultiIndex.from_frame(latest[on]).isin(pd.MultiIndex.from_frame(same[on]))]
    pairs = pd.concat([same, latest[same.columns]], ignore_index=True)
    return pairs.sort_values(on, kind="stable").reset_index(drop=True)


def _months_from_ytd_frame(printed: pd.DataFrame) -> pd.DataFrame:
    pairs = _consecutive_ytd_pairs(printed)
    pairs = pairs.loc[(pairs["unit"] == pairs["unit_prev"]) & (pairs["unit"] != "pct")]
    value = pairs["value"] - pairs["value_prev"]
    pairs, value = pairs.loc[~(value < 0)], value.loc[~(value < 0)]
    return _derived_frame("month_from_ytd", {
        "indicator_id": pairs["indicator_id"], "start": pairs["end"] - pd.to_timedelta(pairs["end"].dt.day - 1, "D"),
        "end": pairs["end"], "value": value, "unit": pairs["unit"], "source_doc": pairs["source_doc"],
        "quote": _texts("derived: month = YTD(m) - YTD(m-1) from ", _spans(pairs), " and ", _spans(pairs, "_prev")),
        "formula": _texts(_nums(pairs["value"]), " - ", _nums(pairs["value_prev"]), " = ", _nums(value)),
        "status": _statuses(pairs["status"], pairs["status_prev"])})


def _ytd_from_months_frame(printed: pd.DataFrame) -> pd.DataFrame:
    ytd = _ytd_levels(printed)
    ytd = ytd.loc[ytd["end"].dt.month > 1]
    months = _month_levels(printed)
    pairs = ytd.merge(months[["indicator_id", "end", "source_doc", "value", "unit", "status"]],
                      on=["indicator_id", "end", "source_doc"], suffixes=("", "_month"))
    pairs = pairs.loc[(pairs["unit"] == pairs["unit_month"]) & (pairs["unit"] != "pct")]
    value = pairs["value"] - pairs["value_month"]
    pairs, value = pairs.loc[~(value < 0)], value.loc[~(value < 0)]
    return _derived_frame("ytd_from_month", {
        "indicator_id": pairs["indicator_id"], "start": pairs["start"],
        "end": pairs["end"] - pd.to_timedelta(pairs["end"].dt.day, "D"), "value": value, "unit": pairs["unit"],
        "source_doc": pairs["source_doc"],
        "quote": _texts("derived: YTD(m-1) = YTD(m) - month(m) from ", _spans(pairs), " and its month"),
        "formula": _texts(_nums(pairs["value"]), " - ", _nums(pairs["value_month"]), " = ", _nums(value)),
        "status": _statuses(pairs["status"], pairs["status_month"])})


def _implied_targets_frame(printed: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for measure, derivation in TARGET_DERIVATIONS.items():
        pairs = _levels_with(printed, measure)
        start, end = pairs["start"], pairs["end"]
        jan1 = (start.dt.month == 1) & (start.dt.day == 1)
        pairs = pairs.loc[(pairs["unit"] != "pct") & ~(pairs["value_pct"] <= 0) & (start != end)
                          & ((start.dt.year == end.dt.year) | jan1)]
        year = pairs["start"].dt.year
        years = year.astype(str).to_numpy(dtype=object)
        value = pairs["value"] / pairs["value_pct"] * 100
        kind = derivation.removeprefix("implied_")
        template = TARGET_INDICATOR_TEMPLATE[derivation]
        frame = _derived_frame(derivation, {
            "indicator_id": [template.format(indicator_id=i) for i in pairs["indicator_id"]],
            "start": pd.to_datetime(_texts(years, "-01-01")).astype("datetime64[us]"),
            "end": pd.to_datetime(_texts(years, "-12-31")).astype("datetime64[us]"), "value": value,
            "unit": pairs["unit"], "source_doc": pairs["source_doc"],
            "quote": _texts(f"derived: {kind} ", years, f" = value / {measure} * 100 from ", _spans(pairs)),
            "formula": _texts(_nums(pairs["value"]), " / ", _nums(pairs["value_pct"]), " * 100 = ", _nums(value)),
            "status": _statuses(pairs["status"], pairs["status_pct"]), "note": _texts(f"{kind} for ", years,
                                                                                     ", not a level")})
        frames.append(frame.assign(target_kind=kind, base_indicator_id=pairs["indicator_id"].to_numpy(),
                                   base_start=pairs["start"].to_numpy(), base_end=pairs["end"].to_numpy(),
                                   base_value=pairs["value"].to_numpy(), pct=pairs["value_pct"].to_numpy()))
    return pd.concat(frames, ignore_index=True)


def implied_targets(obs: pd.DataFrame) -> pd.DataFrame:
    """Return every plan or budget estimate implied by a printed level and its percent of it.

    ``plan = value / plan_pct * 100`` (likewise ``est_central_pct``, ``est_local_pct``),
    for levels covering part or all of one calendar year (a month, a year to date, a
    year; or a public-investment span starting on 1 January, whose plan year is the
    start's). Unlike :func:`derived_rows`, nothing is de-duplicated or suppressed.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (derived rows are ignored).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DERIVED_COLUMNS` plus ``target_kind`` (``plan``, ``est_central``,
        ``est_local``), ``base_indicator_id``, ``base_start``, ``base_end``, ``base_value`` and ``pct``.
    """
    return _TARGETS_MEMO.get(lambda: _implied_targets_frame(printed_rows(read_misprints(obs))), obs)


def _pair_rows(levels: pd.DataFrame, ids: tuple[str, ...]) -> dict[tuple, dict[str, tuple]]:
    """Levels of ``ids`` by ``(start, end, source_doc)``: id -> (value, unit, status), in row order."""
    rows = levels.loc[levels["indicator_id"].isin(ids)]
    by_key: dict[tuple, dict[str, tuple]] = {}
    for indicator_id, start, end, doc, value, unit, status in zip(
            rows["indicator_id"], rows["start"], rows["end"], rows["source_doc"], rows["value"], rows["unit"],
            rows["status"]):
        by_key.setdefault((start, end, doc), {})[indicator_id] = (value, unit, status)
    return by_key


def _parts_from_totals_frame(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    out = []
    for total_id, (export_id, import_id) in PART_PAIRS.items():
        for (start, end, doc), have in sorted(_pair_rows(levels, (total_id, export_id, import_id)).items()):
            if len(have) != 2:
                continue
            value_of = {i: v[0] for i, v in have.items()}
            if total_id not in have:
                value = value_of[export_id] + value_of[import_id]
                target = total_id
                formula = f"{value_of[export_id]:.10g} + {value_of[import_id]:.10g}"
                text = f"total = export + import from {export_id} and {import_id}"
            else:
                present = export_id if export_id in have else import_id
                target = import_id if present == export_id else export_id
                value = value_of[total_id] - value_of[present]
                formula = f"{value_of[total_id]:.10g} - {value_of[present]:.10g}"
                text = f"{target.rsplit('_', 1)[1]} = total - {present.rsplit('_', 1)[1]} from {total_id} and {present}"
            if value < 0:
                continue
            statuses = [v[2] for v in have.values()]
            out.append({"indicator_id": target, "start": start, "end": end, "value": value,
                        "unit": next(iter(have.values()))[1], "source_doc": doc,
                        "quote": f"derived: {text} {start:%Y-%m-%d}..{end:%Y-%m-%d} ({doc})",
                        "formula": f"{formula} = {value:.10g}",
                        "status": "estimate" if "estimate" in statuses else statuses[0]})
    columns = ["indicator_id", "start", "end", "value", "unit", "source_doc", "quote", "formula", "status"]
    found = pd.DataFrame(out, columns=columns)
    return _derived_frame("part_from_total", {c: found[c].to_numpy() for c in columns})


def _shares_frame(printed: pd.DataFrame, parts: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    if not parts.empty:
        levels = pd.concat([levels, parts], ignore_index=True)
    columns = ["start", "end", "source_doc", "value", "unit", "status", "derived"]
    frames = []
    for share_id, (part_id, total_id) in SHARE_INDICATORS.items():
        totals = levels.loc[levels["indicator_id"] == total_id, columns]
        pairs = totals.merge(levels.loc[levels["indicator_id"] == part_id, columns],
                             on=["start", "end", "source_doc"], suffixes=("", "_part"))
        pairs = pairs.loc[~(pairs["value"] <= 0) & (pairs["unit_part"] == pairs["unit"])]
        value = pairs["value_part"] / pairs["value"] * 100
        how = np.where(pairs["derived_part"].to_numpy(dtype=bool) | pairs["derived"].to_numpy(dtype=bool),
                       " (part derived)", "")
        frames.append(_derived_frame("share", {
            "indicator_id": np.full(len(pairs), share_id, dtype=object), "start": pairs["start"],
            "end": pairs["end"], "value": value, "unit": "pct", "source_doc": pairs["source_doc"],
            "quote": _texts(f"derived: share = {part_id} / {total_id} * 100, ", _days(pairs["start"]), "..",
                            _days(pairs["end"]), " (", pairs["source_doc"], ")", how),
            "formula": _texts(_nums(pairs["value_part"]), " / ", _nums(pairs["value"]), " * 100 = ", _nums(value)),
            "status": _statuses(pairs["status_part"], pairs["status"])}))
    return pd.concat(frames, ignore_index=True)


#: Recent results of :func:`derivation_candidates` and :func:`implied_targets`, by content of the observations.
_CANDIDATES_MEMO = FrameMemo(name="derive.candidates")
_TARGETS_MEMO = FrameMemo(name="derive.implied_targets")


def derivation_candidates(obs: pd.DataFrame) -> pd.DataFrame:
    """Return every derivation of every kind, before suppression and de-duplication.

    Derived rows, comparisons, projections and consistency checks each start from these;
    a notebook asks for them several times with the same observations, so the last few
    results are kept by content fingerprint (callers get a copy).

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's types (:func:`lsreports.sources.contract.normalise_observations`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DERIVED_COLUMNS` and ``_base_end`` (the end of the period derived from).
    """
    return _CANDIDATES_MEMO.get(lambda: _compute_candidates(obs), obs)


def _compute_candidates(obs: pd.DataFrame) -> pd.DataFrame:
    as_printed = printed_rows(normalise_observations(obs))
    readings = _misprint_frame(as_printed)
    printed = printed_rows(read_misprints(as_printed))
    parts = _parts_from_totals_frame(printed)
    frames = [readings, _previous_year_frame(printed), _months_from_ytd_frame(printed), _ytd_from_months_frame(printed), parts,
              _shares_frame(printed, parts)]
    frame = pd.concat([f for f in frames if not f.empty] or frames[:1], ignore_index=True)
    frame["_base_end"] = frame["end"]
    targets = _implied_targets_frame(printed)
    targets = targets[list(DERIVED_COLUMNS)].assign(_base_end=targets["base_end"])
    frames = [f for f in (frame, targets) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(DERIVED_COLUMNS) + ["_base_end"])
    out = pd.concat(frames, ignore_index=True)
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = pd.to_datetime(out["end"])
    return out


def derived_rows(obs: pd.DataFrame, known_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Return the rows the printed figures imply, in the contract's format.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (as :func:`lsreports.sources.loader.observations`
        returns; derived rows in it are ignored as inputs).
    known_ids : iterable of str, optional
        Indicator ids that may be emitted (default: those of the curated catalogue).
        Share rows (:data:`SHARE_INDICATORS`) and implied plans
        (:data:`TARGET_INDICATOR_TEMPLATE`) appear once their ids are registered.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DERIVED_COLUMNS` (the observation columns, then ``derivation`` and
        ``formula``), ``derived == True``. No row's key ``(indicator_id, start, end,
        measure)`` is printed in any report, and each ``(key, source_doc)`` appears once
        (colliding derivations are resolved by :data:`DERIVATION_PRECEDENCE`, then the
        latest base period, the others named in ``note``). Sorted by indicator, end, start, report.

    Raises
    ------
    DataFileError
        Without ``known_ids``, if the curated catalogue is missing or malformed (the
        message names the file and line): without it nothing says which ids may be emitted.

    Examples
    --------
    A printed 11-month level of 9400 with ``yoy_pct`` 45.6 gives a derived row for
    1 January..30 November of the previous year with value 9400 / 1.456.
    """
    frame = normalise_observations(obs)
    candidates = derivation_candidates(frame)
    if candidates.empty:
        return candidates[list(DERIVED_COLUMNS)]
    ids = set(indicators()["indicator_id"]) if known_ids is None else set(known_ids)
    candidates = candidates.loc[candidates["indicator_id"].isin(ids)]
    # a reading of a misprint sits beside its printed row; nothing else may share a printed key
    candidates = candidates.loc[~_keys(candidates).isin(_keys(printed_rows(frame)))
                                | (candidates["derivation"] == "misprint_reading")]
    rank = {d: i for i, d in enumerate(DERIVATION_PRECEDENCE)}
    candidates = candidates.assign(_rank=candidates["derivation"].map(rank)).sort_values(
        ["_rank", "_base_end"], ascending=[True, False], kind="stable")
    kept = _first_of_each_key(candidates)
    if kept.empty:
        return pd.DataFrame(columns=list(DERIVED_COLUMNS))
    out = kept[list(DERIVED_COLUMNS)]
    out["derived"] = True
    out["value"] = out["value"].astype(float)
    out["note"] = _input_flag_notes(out, printed_rows(frame))
    return out.sort_values(["indicator_id", "end", "start", "source_doc", "derivation"]).reset_index(drop=True)


def _input_flag_notes(out: pd.DataFrame, printed: pd.DataFrame) -> np.ndarray:
    """Each derived row's note, followed by a reference to the curated flags of its inputs.

    An input is a printed row of the same report and indicator (or the indicator a derived id
    is built on: ``trade_total_plan`` on ``trade_total``) whose period overlaps the derived
    row's period or the same period a year later (a previous-year level is built on it). The
    flag itself stays on the printed row (a derived row's ``flag`` is its own); the note says
    ``input flagged: <flag> (<indicator> <start>..<end>)`` so that the reader reaches it.
    """
    flagged = printed.loc[(printed["flag"].fillna("").astype(str) != "") & (printed["flag"] != READ_FLAG),
                          ["indicator_id", "start", "end", "source_doc", "flag"]]
    notes = out["note"].fillna("").astype(str).to_numpy(dtype=object)
    if flagged.empty or out.empty:
        return notes
    rows = out[["indicator_id", "start", "end", "source_doc"]].reset_index(drop=True).assign(_pos=np.arange(len(out)))
    pairs = rows.merge(flagged.drop_duplicates(), on="source_doc", suffixes=("", "_in"))
    same = (pairs["indicator_id"] == pairs["indicator_id_in"]).to_numpy() | np.array(
        [d.startswith(x + "_") for d, x in zip(pairs["indicator_id"], pairs["indicator_id_in"])], dtype=bool)
    later_start, later_end = pairs["start"] + pd.DateOffset(years=1), pairs["end"] + pd.DateOffset(years=1)
    overlap = ((pairs["start_in"] <= pairs["end"]) & (pairs["end_in"] >= pairs["start"])) | (
        (pairs["start_in"] <= later_end) & (pairs["end_in"] >= later_start))
    hits = pairs.loc[same & overlap]
    for pos, group in hits.groupby("_pos"):
        refs = [f"input flagged: {f} ({i} {a:%Y-%m-%d}..{b:%Y-%m-%d})"
                for f, i, a, b in zip(group["flag"], group["indicator_id_in"], group["start_in"], group["end_in"])]
        notes[pos] = "; ".join([n for n in [notes[pos]] if n] + refs)
    return notes


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    """The rows' keys ``(indicator_id, start, end, measure)``, dates at one resolution so that keys compare."""
    return pd.MultiIndex.from_arrays([frame["indicator_id"], frame["start"].astype("datetime64[ns]"),
                                      frame["end"].astype("datetime64[ns]"), frame["measure"]])


def _first_of_each_key(candidates: pd.DataFrame) -> pd.DataFrame:
    """Keep the first candidate of each ``(key, source_doc)``; name the others in its ``note``."""
    group = KEY + ["source_doc"]
    later = candidates.duplicated(group, keep="first")
    kept = candidates.loc[~later].copy()
    if later.any():
        others: dict[tuple, list[str]] = {}
        for *key, derivation, value, formula in zip(*(candidates.loc[later, c] for c in group),
                                                    candidates.loc[later, "derivation"],
                                                    candidates.loc[later, "value"], candidates.loc[later, "formula"]):
            others.setdefault(tuple(key), []).append(f"also {derivation} = {value:.10g} ({formula})")
        notes = [note if extra is None else "; ".join(filter(None, [note, "; ".join(extra)]))
                 for note, extra in zip(kept["note"], (others.get(k) for k in zip(*(kept[c] for c in group))))]
        kept["note"] = notes
    return kept


def compare_derived_with_printed(obs: pd.DataFrame) -> pd.DataFrame:
    """List where a derived level and a printed value share a key.

    Implied plans and estimates are left out (a plan is not the year's level).

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format.

    Returns
    -------
    pandas.DataFrame
        One row per (derivation, printed row) pair: ``indicator_id, start, end, measure,
        derivation, derived_value, printed_value, diff_pct`` (``(derived - printed) /
        printed * 100``, NaN when printed is 0), ``derived_source_doc,
        printed_source_doc, formula``. Sorted by ``|diff_pct|``, largest first.
    """
    columns = ["indicator_id", "start", "end", "measure", "derivation", "derived_value", "printed_value",
               "diff_pct", "derived_source_doc", "printed_source_doc", "formula"]
    frame = normalise_observations(obs)
    candidates = derivation_candidates(frame)
    if candidates.empty:
        return pd.DataFrame(columns=columns)
    # a plan is not a level, and a misprint's reading is compared with nothing: its printed row is the misprint
    candidates = candidates.loc[~candidates["derivation"].isin([*TARGET_DERIVATIONS.values(), "misprint_reading"])]
    printed = printed_rows(read_misprints(frame))[KEY + ["value", "source_doc"]]
    pairs = candidates[KEY + ["derivation", "value", "source_doc", "formula"]].merge(
        printed, on=KEY, suffixes=("_derived", "_printed"))
    pairs = pairs.rename(columns={"value_derived": "derived_value", "value_printed": "printed_value",
                                  "source_doc_derived": "derived_source_doc",
                                  "source_doc_printed": "printed_source_doc"})
    printed_value = pairs["printed_value"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = (pairs["derived_value"].to_numpy(dtype=float) - printed_value) / printed_value * 100
    pairs["diff_pct"] = np.where(printed_value == 0, np.nan, gap)
    pairs = pairs[columns]
    order = pairs["diff_pct"].abs().sort_values(ascending=False, na_position="last", kind="stable").index
    return pairs.loc[order].reset_index(drop=True)


__all__ = ["read_misprints", "READ_FLAG", "derived_rows", "compare_derived_with_printed", "implied_targets", "derivation_candidates",
           "SHARE_INDICATORS", "PART_PAIRS", "TARGET_INDICATOR_TEMPLATE", "DERIVED_COLUMNS"]
