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

Rows are emitted only under ids registered in the indicator catalogue.

A derived value never overwrites or hides a printed one: a derivation whose key
``(indicator_id, start, end, measure)`` is printed in any report is not emitted;
:func:`compare_derived_with_printed` lists those pairs instead. Levels derived by
subtraction that come out negative are not emitted (they signal a source problem that
the consistency checks flag, e.g. a part printed in the wrong unit).
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..sources.contract import OBSERVATION_COLUMNS
from ..sources.loader import indicators
from ..sources.paths import curated_dir

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

#: Order in which colliding derivations (same key and report) are kept.
DERIVATION_PRECEDENCE: tuple[str, ...] = (
    "prev_year_level", "month_from_ytd", "ytd_from_month", "part_from_total", "share",
    "implied_plan", "implied_est_local", "implied_est_central",
)

KEY: list[str] = ["indicator_id", "start", "end", "measure"]


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
    if day == day + pd.offsets.MonthEnd(0):
        earlier = earlier + pd.offsets.MonthEnd(0)
    return earlier


def shift_period_back(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return the same period of the previous year (a point stays a point)."""
    new_end = shift_year_back(end)
    new_start = new_end if start == end else start - pd.DateOffset(years=1)
    return new_start, new_end


def _fmt(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


def _num(value: float) -> str:
    return f"{value:.10g}"


def _normalise(obs: pd.DataFrame) -> pd.DataFrame:
    """Return a copy with datetime ``start``/``end``, float ``value``, bool ``derived`` and text extras."""
    frame = obs.copy()
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["value"] = frame["value"].astype(float)
    if frame["derived"].dtype != bool:
        frame["derived"] = frame["derived"].astype(str).str.strip().str.lower().isin({"true", "1", "yes"})
    for column in ("status", "flag", "note"):
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def _printed(obs: pd.DataFrame) -> pd.DataFrame:
    return obs.loc[~obs["derived"]]


def _status(*statuses: str) -> str:
    return "estimate" if "estimate" in statuses else (statuses[0] if statuses else "")


def _row(indicator_id: str, start: pd.Timestamp, end: pd.Timestamp, value: float, unit: str, source_doc: str,
         derivation: str, quote: str, formula: str, status: str, note: str = "") -> dict:
    return {"indicator_id": indicator_id, "start": start, "end": end, "measure": "value", "value": float(value),
            "unit": unit, "source_doc": source_doc, "quote": quote, "derived": True, "status": status,
            "flag": "", "note": note, "derivation": derivation, "formula": formula}


def _span(row) -> str:
    return f"{row.indicator_id} {_fmt(row.start)}..{_fmt(row.end)} ({row.source_doc})"


def _levels_with(printed: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Join each printed level with the printed ``measure`` of the same key and report."""
    levels = printed.loc[printed["measure"] == "value"]
    rates = printed.loc[printed["measure"] == measure, ["indicator_id", "start", "end", "source_doc", "value",
                                                         "status"]]
    return levels.merge(rates, on=["indicator_id", "start", "end", "source_doc"], suffixes=("", "_pct"))


def previous_year_levels(printed: pd.DataFrame) -> list[dict]:
    """Rows for the previous year's level implied by each printed level and its ``yoy_pct``."""
    out = []
    for r in _levels_with(printed, "yoy_pct").itertuples(index=False):
        if r.unit == "pct" or r.value_pct <= -100:
            continue  # a rate's yoy is ambiguous (points or percent); -100 % has no base
        start, end = shift_period_back(r.start, r.end)
        value = r.value / (1 + r.value_pct / 100)
        out.append(_row(r.indicator_id, start, end, value, r.unit, r.source_doc, "prev_year_level",
                        f"derived: previous-year level = value / (1 + yoy_pct/100) from {_span(r)}",
                        f"{_num(r.value)} / (1 + {_num(r.value_pct)}/100) = {_num(value)}",
                        _status(r.status, r.status_pct)))
    return out


def _ytd_levels(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    month_end = levels["end"] == levels["end"] + pd.offsets.MonthEnd(0)
    jan1 = (levels["start"].dt.month == 1) & (levels["start"].dt.day == 1)
    same_year = levels["start"].dt.year == levels["end"].dt.year
    return levels.loc[month_end & jan1 & same_year & (levels["start"] != levels["end"])]


def _month_levels(printed: pd.DataFrame) -> pd.DataFrame:
    levels = printed.loc[printed["measure"] == "value"]
    is_month = ((levels["start"].dt.day == 1) & (levels["end"] == levels["start"] + pd.offsets.MonthEnd(0)))
    return levels.loc[is_month]


def months_from_ytd(printed: pd.DataFrame) -> list[dict]:
    """Rows for a month's level from consecutive printed year-to-date levels (``YTD(m) - YTD(m-1)``).

    Where several reports print the same year-to-date, the pair from one report is
    preferred, else the later report's figure (by ``source_doc`` order).
    """
    ytd = _ytd_levels(printed).sort_values(["indicator_id", "end", "source_doc"])
    by_year: dict[tuple[str, int], dict[int, list]] = {}
    for r in ytd.itertuples(index=False):
        by_year.setdefault((r.indicator_id, r.end.year), {}).setdefault(r.end.month, []).append(r)
    out = []
    for (indicator_id, year), by_month in sorted(by_year.items()):
        for month in sorted(by_month):
            if month == 1 or month - 1 not in by_month:
                continue
            current, previous = by_month[month], by_month[month - 1]
            common = sorted({r.source_doc for r in current} & {r.source_doc for r in previous})
            if common:
                cur = next(r for r in current if r.source_doc == common[-1])
                prev = next(r for r in previous if r.source_doc == common[-1])
            else:
                cur, prev = current[-1], previous[-1]
            if cur.unit != prev.unit or cur.unit == "pct":
                continue
            value = cur.value - prev.value
            if value < 0:
                continue
            start = pd.Timestamp(year=int(year), month=month, day=1)
            out.append(_row(indicator_id, start, start + pd.offsets.MonthEnd(0), value, cur.unit, cur.source_doc,
                            "month_from_ytd",
                            f"derived: month = YTD(m) - YTD(m-1) from {_span(cur)} and {_span(prev)}",
                            f"{_num(cur.value)} - {_num(prev.value)} = {_num(value)}",
                            _status(cur.status, prev.status)))
    return out


def ytd_from_months(printed: pd.DataFrame) -> list[dict]:
    """Rows for the year to the previous month, ``YTD(m) - month(m)``, from one report's figures."""
    ytd = _ytd_levels(printed)
    ytd = ytd.loc[ytd["end"].dt.month > 1]
    months = _month_levels(printed)
    pairs = ytd.merge(months[["indicator_id", "end", "source_doc", "value", "unit", "status"]],
                      on=["indicator_id", "end", "source_doc"], suffixes=("", "_month"))
    out = []
    for r in pairs.itertuples(index=False):
        if r.unit != r.unit_month or r.unit == "pct":
            continue
        value = r.value - r.value_month
        if value < 0:
            continue
        end = r.end.replace(day=1) - pd.Timedelta(days=1)
        out.append(_row(r.indicator_id, r.start, end, value, r.unit, r.source_doc, "ytd_from_month",
                        f"derived: YTD(m-1) = YTD(m) - month(m) from {_span(r)} and its month",
                        f"{_num(r.value)} - {_num(r.value_month)} = {_num(value)}",
                        _status(r.status, r.status_month)))
    return out


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
        ``est_local``), ``base_start``, ``base_end``, ``base_value`` and ``pct``.
    """
    printed = _printed(_normalise(obs))
    out = []
    for measure, derivation in TARGET_DERIVATIONS.items():
        for r in _levels_with(printed, measure).itertuples(index=False):
            jan1 = r.start.month == 1 and r.start.day == 1
            if r.unit == "pct" or r.value_pct <= 0 or r.start == r.end:
                continue
            if r.start.year != r.end.year and not jan1:
                continue
            year = r.start.year
            value = r.value / r.value_pct * 100
            kind = derivation.removeprefix("implied_")
            row = _row(TARGET_INDICATOR_TEMPLATE[derivation].format(indicator_id=r.indicator_id),
                       pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31), value,
                       r.unit, r.source_doc, derivation,
                       f"derived: {kind} {year} = value / {measure} * 100 from {_span(r)}",
                       f"{_num(r.value)} / {_num(r.value_pct)} * 100 = {_num(value)}",
                       _status(r.status, r.status_pct), note=f"{kind} for {year}, not a level")
            row.update(target_kind=kind, base_indicator_id=r.indicator_id, base_start=r.start, base_end=r.end,
                       base_value=r.value, pct=r.value_pct)
            out.append(row)
    columns = list(DERIVED_COLUMNS) + ["target_kind", "base_indicator_id", "base_start", "base_end", "base_value",
                                       "pct"]
    frame = pd.DataFrame(out, columns=columns)
    for column in ("start", "end", "base_start", "base_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def parts_from_totals(printed: pd.DataFrame) -> list[dict]:
    """Rows for the missing part (or total) of each exhaustive two-part total in :data:`PART_PAIRS`."""
    levels = printed.loc[printed["measure"] == "value"].set_index(["indicator_id", "start", "end", "source_doc"])
    out = []
    for total_id, (export_id, import_id) in PART_PAIRS.items():
        ids = (total_id, export_id, import_id)
        rows = levels.loc[levels.index.get_level_values(0).isin(ids)]
        for (start, end, doc), group in rows.groupby(level=[1, 2, 3]):
            have = {i[0]: r for i, r in zip(group.index, group.itertuples(index=False))}
            if len(have) != 2:
                continue
            first = next(iter(have.values()))
            if total_id not in have:
                value = have[export_id].value + have[import_id].value
                target, formula = total_id, f"{_num(have[export_id].value)} + {_num(have[import_id].value)}"
                text = f"total = export + import from {export_id} and {import_id}"
            else:
                present = export_id if export_id in have else import_id
                target = import_id if present == export_id else export_id
                value = have[total_id].value - have[present].value
                formula = f"{_num(have[total_id].value)} - {_num(have[present].value)}"
                text = f"{target.rsplit('_', 1)[1]} = total - {present.rsplit('_', 1)[1]} from {total_id} and {present}"
            if value < 0:
                continue
            out.append(_row(target, start, end, value, first.unit, doc, "part_from_total",
                            f"derived: {text} {_fmt(start)}..{_fmt(end)} ({doc})",
                            f"{formula} = {_num(value)}", _status(*(r.status for r in have.values()))))
    return out


def shares(printed: pd.DataFrame, parts: list[dict]) -> list[dict]:
    """Rows for the shares of :data:`SHARE_INDICATORS`: ``part / total * 100`` (printed levels or parts derived here)."""
    levels = printed.loc[printed["measure"] == "value"]
    if parts:
        levels = pd.concat([levels, pd.DataFrame(parts)], ignore_index=True)
    table = {(r.indicator_id, r.start, r.end, r.source_doc): r for r in levels.itertuples(index=False)}
    out = []
    for share_id, (part_id, total_id) in SHARE_INDICATORS.items():
        for (indicator_id, start, end, doc), total in table.items():
            part = table.get((part_id, start, end, doc))
            if indicator_id != total_id or part is None or total.value <= 0 or part.unit != total.unit:
                continue
            value = part.value / total.value * 100
            how = " (part derived)" if part.derived or total.derived else ""
            out.append(_row(share_id, start, end, value, "pct", doc, "share",
                            f"derived: share = {part_id} / {total_id} * 100, {_fmt(start)}..{_fmt(end)} ({doc}){how}",
                            f"{_num(part.value)} / {_num(total.value)} * 100 = {_num(value)}",
                            _status(part.status, total.status)))
    return out


#: Recent results of :func:`_candidates`, by content fingerprint of the observations.
_CANDIDATES_MEMO: OrderedDict[bytes, pd.DataFrame] = OrderedDict()
_MEMO_SIZE = 4


def _fingerprint(frame: pd.DataFrame) -> bytes | None:
    """Return a digest of a frame's columns and values (``None`` if a value cannot be hashed)."""
    try:
        rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    except TypeError:
        return None
    return hashlib.blake2b(rows.tobytes() + "\x1f".join(map(str, frame.columns)).encode(), digest_size=16).digest()


def _candidates(obs: pd.DataFrame) -> pd.DataFrame:
    """Every derivation of every kind, before suppression and de-duplication.

    Derived rows, comparisons, projections and consistency checks each start from these;
    a notebook asks for them several times with the same observations, so the last few
    results are kept by content fingerprint (callers get a copy).
    """
    key = _fingerprint(obs)
    if key is not None and key in _CANDIDATES_MEMO:
        _CANDIDATES_MEMO.move_to_end(key)
        return _CANDIDATES_MEMO[key].copy()
    out = _compute_candidates(obs)
    if key is not None:
        _CANDIDATES_MEMO[key] = out.copy()
        while len(_CANDIDATES_MEMO) > _MEMO_SIZE:
            _CANDIDATES_MEMO.popitem(last=False)
    return out


def _compute_candidates(obs: pd.DataFrame) -> pd.DataFrame:
    printed = _printed(_normalise(obs))
    parts = parts_from_totals(printed)
    rows = (previous_year_levels(printed) + months_from_ytd(printed) + ytd_from_months(printed) + parts
            + shares(printed, parts))
    frame = pd.DataFrame(rows, columns=list(DERIVED_COLUMNS))
    frame["_base_end"] = frame["end"]
    targets = implied_targets(obs)
    targets = targets[list(DERIVED_COLUMNS)].assign(_base_end=targets["base_end"])
    frames = [f for f in (frame, targets) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(DERIVED_COLUMNS) + ["_base_end"])
    out = pd.concat(frames, ignore_index=True)
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = pd.to_datetime(out["end"])
    return out


def _catalogue_ids() -> set[str] | None:
    """The catalogue's ids, or None (no filtering) where there is no catalogue to read."""
    if not (curated_dir() / "indicators.csv").exists():
        return None
    return set(indicators()["indicator_id"])


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

    Examples
    --------
    A printed 11-month level of 9400 with ``yoy_pct`` 45.6 gives a derived row for
    1 January..30 November of the previous year with value 9400 / 1.456.
    """
    frame = _normalise(obs)
    candidates = _candidates(frame)
    if candidates.empty:
        return candidates[list(DERIVED_COLUMNS)]
    ids = _catalogue_ids() if known_ids is None else set(known_ids)
    if ids is not None:
        candidates = candidates.loc[candidates["indicator_id"].isin(ids)]
    printed_keys = set(map(tuple, _printed(frame)[KEY].itertuples(index=False)))
    candidates = candidates.loc[[k not in printed_keys for k in candidates[KEY].itertuples(index=False)]]
    rank = {d: i for i, d in enumerate(DERIVATION_PRECEDENCE)}
    candidates = candidates.assign(_rank=candidates["derivation"].map(rank)).sort_values(
        ["_rank", "_base_end"], ascending=[True, False], kind="stable")
    groups: dict[tuple, list[dict]] = {}
    for record in candidates.to_dict("records"):
        groups.setdefault(tuple(record[c] for c in KEY + ["source_doc"]), []).append(record)
    kept = []
    for first, *others in groups.values():
        if others:
            extra = "; ".join(f"also {o['derivation']} = {o['value']:.10g} ({o['formula']})" for o in others)
            first = {**first, "note": "; ".join(filter(None, [first["note"], extra]))}
        kept.append(first)
    if not kept:
        return pd.DataFrame(columns=list(DERIVED_COLUMNS))
    out = pd.DataFrame(kept)[list(DERIVED_COLUMNS)]
    out["derived"] = True
    out["value"] = out["value"].astype(float)
    return out.sort_values(["indicator_id", "end", "start", "source_doc", "derivation"]).reset_index(drop=True)


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
    frame = _normalise(obs)
    candidates = _candidates(frame)
    if candidates.empty:
        return pd.DataFrame(columns=columns)
    candidates = candidates.loc[~candidates["derivation"].isin(TARGET_DERIVATIONS.values())]
    printed = _printed(frame)[KEY + ["value", "source_doc"]]
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


__all__ = ["derived_rows", "compare_derived_with_printed", "implied_targets", "shift_year_back",
           "shift_period_back", "SHARE_INDICATORS", "PART_PAIRS", "TARGET_INDICATOR_TEMPLATE", "DERIVED_COLUMNS"]
