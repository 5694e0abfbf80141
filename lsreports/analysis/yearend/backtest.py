"""Backtest of the year-to-date projections on the reports themselves.

Two pairs of printed years to date can be scored (:data:`BACKTEST_PAIRS`):

- first half of 2025 (report 001) -> 11 months of 2025 (report 000): 5 months ahead;
- January 2026 (report 004) -> 5 months of 2026 (report 003): 4 months ahead, from a
  single month (Tết falls in it or not: low confidence);
- 11 months of 2025 (report 000) -> the whole of 2025 (public texts of early 2026): 1 month;
- 4 months of 2019 -> 9 months of 2019 (public texts of the provincial portal): 5 months.

For every indicator printed for both periods, the later level is projected from the
earlier one:

- *pro-rata*: ``base * target_months / base_months``;
- *growth-based*: last year's target-period level times this year's growth so far,
  ``prev_target * base / base_prev`` with ``base_prev = base / (1 + yoy_base/100)`` (the
  nowcast of :mod:`lsreports.analysis.yearend.nowcast`, scored on a period that is printed).
  ``prev_target`` is only what was known on the projection date (:func:`known_prev_target`):
  last year's target-period level printed by a report covering no later than the base
  period, else last year's whole year so printed times ``target months / 12`` (the months
  assumed alike, as the live method assumes December alike the year's other months). The
  target report's own growth rate (``target / (1 + yoy_target/100)``, last year's level as
  revised by the time the outcome is printed) is *not* used: it was not known when projecting.

and compared with the printed later level: signed error and absolute percentage error
(APE) per indicator, medians per pair and method.

What this test can and cannot show (:data:`CAVEATS`): last year's level (11 months of
2024) was public in mid-2025, in the province's November 2024 report, but none of the
curated reports prints it: it is implied here by the growth rate printed in November 2025,
i.e. last year's level *as revised by then*. Revisions between the first estimate and
the final figure are therefore ignored, and the error of the growth-based method is
exactly the change in cumulative growth between the two dates. One year, two horizons
and about twenty indicators: the medians are indicative, not a distribution to trust in
the tails. The former "seasonal share" of this module is algebraically the same
projection; it is no longer presented as a separate method.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...sources.contract import normalise_observations, printed_rows
from ..memo import FrameMemo

#: (base, target) periods scored, each ``(start, end)``.
BACKTEST_PAIRS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("2025-01-01", "2025-06-30"), ("2025-01-01", "2025-11-30")),
    (("2026-01-01", "2026-01-31"), ("2026-01-01", "2026-05-31")),
    (("2025-01-01", "2025-11-30"), ("2025-01-01", "2025-12-31")),
    (("2019-01-01", "2019-04-30"), ("2019-01-01", "2019-09-30")),
)
#: The projection methods scored, as named in the columns (``<method>_projection``, ``<method>_ape``).
METHODS: tuple[str, ...] = ("prorata", "growth")

BACKTEST_COLUMNS: list[str] = [
    "pair", "base_end", "target_end", "indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct", "base_prev",
    "target_prev", "months_remaining", "share_remaining", "prorata_projection", "growth_projection",
    "prorata_error", "growth_error", "prorata_ape", "growth_ape", "base_doc", "target_doc", "flags", "note",
]

#: Said with every backtest table: what it can and cannot show.
CAVEATS = ("the growth-based projection uses only what was known on the projection date: last year's level "
           "of the target period as printed by a report covering no later than the base period, else last year's "
           "whole year times the months' share (months assumed alike); where neither was printed it is not "
           "scored; few years, horizons and indicators make the medians indicative only")


def _months(start: pd.Timestamp, end: pd.Timestamp) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _level_and_yoy(printed: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    period = printed.loc[(printed["start"] == start) & (printed["end"] == end)]
    levels = period.loc[(period["measure"] == "value") & (period["unit"] != "pct"),
                        ["indicator_id", "unit", "source_doc", "value", "flag"]]
    rates = period.loc[period["measure"] == "yoy_pct", ["indicator_id", "source_doc", "value", "flag"]]
    merged = levels.merge(rates, on=["indicator_id", "source_doc"], how="left", suffixes=("", "_yoy"))
    # one row per indicator: prefer a level with its rate, then the latest report
    merged = merged.assign(_has=merged["value_yoy"].notna()).sort_values(["indicator_id", "_has", "source_doc"])
    return merged.drop_duplicates("indicator_id", keep="last").drop(columns="_has")


def _flags(r) -> str:
    pairs = ((r.flag_base, "base level"), (r.flag_yoy_base, "base yoy"), (r.flag_target, "target level"),
             (r.flag_yoy_target, "target yoy"))
    return "; ".join(sorted({f"{f} ({what})" for f, what in pairs if isinstance(f, str) and f}))


def known_prev_target(printed: pd.DataFrame, ends: pd.Series, indicator_id: str, target: tuple[pd.Timestamp,
                      pd.Timestamp], base_end: pd.Timestamp) -> tuple[float, str]:
    """Last year's target-period level as known on the projection date (``base_end``), and how.

    Only reports covering up to ``base_end`` at the latest count (``ends`` maps a report to
    the last day it covers): last year's same period printed, else last year's whole year
    printed times ``target months / 12``. ``(nan, why)`` when neither was known.
    """
    start, end = target
    prev_start, prev_end = start - pd.DateOffset(years=1), end - pd.DateOffset(years=1)
    covers = pd.to_datetime(printed["source_doc"].map(ends))
    known = printed.loc[(printed["indicator_id"] == indicator_id) & (printed["measure"] == "value")
                        & covers.notna() & (covers <= base_end)]
    same = known.loc[(known["start"] == prev_start) & (known["end"] == prev_end)].sort_values("source_doc")
    if len(same):
        return float(same["value"].iloc[-1]), f"printed ({same['source_doc'].iloc[-1]})"
    whole = known.loc[(known["start"] == pd.Timestamp(year=prev_start.year, month=1, day=1))
                      & (known["end"] == pd.Timestamp(year=prev_start.year, month=12, day=31))].sort_values("source_doc")
    if len(whole):
        months = _months(start, end)
        return (float(whole["value"].iloc[-1]) * months / 12,
                f"{prev_start.year} whole year ({whole['source_doc'].iloc[-1]}) x {months}/12 (months assumed alike)")
    return np.nan, f"last year's level for the target period was not known on {base_end:%Y-%m-%d}"


def _score(r, pair: tuple[str, pd.Timestamp, pd.Timestamp], b_months: int, t_months: int,
           known: tuple[float, str]) -> dict:
    prorata = r.value_base * t_months / b_months
    base_prev = r.value_base / (1 + r.value_yoy_base / 100) if pd.notna(r.value_yoy_base) else np.nan
    target_prev = known[0]
    growth = r.value_base * target_prev / base_prev if np.isfinite(base_prev * target_prev) else np.nan
    missing = [f"no yoy_pct printed for the base period"] if pd.isna(r.value_yoy_base) else []
    if not np.isfinite(target_prev):
        missing.append(known[1])
    actual = r.value_target

    def error(p: float) -> float:
        return (p - actual) / abs(actual) * 100 if actual else np.nan

    return {"pair": pair[0], "base_end": pair[1], "target_end": pair[2], "indicator_id": r.indicator_id, "unit": r.unit_base, "base_value": r.value_base,
            "base_yoy_pct": r.value_yoy_base, "target_value": actual, "target_yoy_pct": r.value_yoy_target,
            "base_prev": base_prev, "target_prev": target_prev, "months_remaining": t_months - b_months,
            "share_remaining": (t_months - b_months) / t_months, "prorata_projection": prorata,
            "growth_projection": growth, "prorata_error": error(prorata), "growth_error": error(growth),
            "prorata_ape": abs(error(prorata)), "growth_ape": abs(error(growth)), "base_doc": r.source_doc_base,
            "target_doc": r.source_doc_target, "flags": _flags(r),
            "note": ("; ".join(missing) + ": pro-rata only") if missing else f"last year's level: {known[1]}"}


def pair_label(base: tuple[str, str], target: tuple[str, str]) -> str:
    """``2025-06 -> 2025-11``: the ends of the base and target years to date."""
    return f"{pd.Timestamp(base[1]):%Y-%m} -> {pd.Timestamp(target[1]):%Y-%m}"


def backtest_ytd(obs: pd.DataFrame, base: tuple[str, str] = BACKTEST_PAIRS[0][0],
                 target: tuple[str, str] = BACKTEST_PAIRS[0][1]) -> pd.DataFrame:
    """Project a later year-to-date level from an earlier one and score both methods.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (printed rows are used).
    base, target : tuple of str
        ``(start, end)`` of the year to date projected from and to; default first half
        2025 to 11 months 2025.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BACKTEST_COLUMNS`, one row per indicator printed for both periods
        (errors in percent; ``growth_*`` NaN, with the reason in ``note``, when a growth
        rate is missing). ``attrs`` holds the summary (:func:`summarise`).
    """
    from ...sources.prints import preferred_prints
    from ..levels import _manifest

    frame = preferred_prints(printed_rows(normalise_observations(obs)), _manifest())  # one print per figure
    b_start, b_end, t_start, t_end = (pd.Timestamp(d) for d in (*base, *target))
    merged = _level_and_yoy(frame, b_start, b_end).merge(
        _level_and_yoy(frame, t_start, t_end), on="indicator_id", suffixes=("_base", "_target"))
    label = (pair_label(base, target), b_end, t_end)
    ends = _report_ends(frame)
    rows = [_score(r, label, _months(b_start, b_end), _months(t_start, t_end),
                   known_prev_target(frame, ends, r.indicator_id, (t_start, t_end), b_end))
            for r in merged.itertuples(index=False) if r.unit_base == r.unit_target]
    table = pd.DataFrame(rows, columns=BACKTEST_COLUMNS)
    table.attrs.update(summarise(table))
    return table


def _report_ends(printed: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """The last day each report covers: its ``period_end`` in the manifest, else the latest end it prints."""
    ends = printed.groupby("source_doc")["end"].max().to_dict()
    try:
        from ...sources.loader import reports

        manifest = reports()
    except Exception:  # noqa: BLE001 - a bare data folder without a manifest: the rows say what a report covers
        return ends
    listed = dict(zip(manifest["id"], pd.to_datetime(manifest["period_end"], errors="coerce")))
    return {**ends, **{doc: end for doc, end in listed.items() if pd.notna(end)}}


def backtest_pairs(obs: pd.DataFrame, pairs=BACKTEST_PAIRS) -> pd.DataFrame:
    """:func:`backtest_ytd` over several (base, target) pairs, stacked; ``attrs`` summarise all rows.

    Kept by content of ``obs`` and the pairs (a page's headline and the trends page both ask).
    """
    asked = pd.DataFrame(list(pairs), columns=["base", "target"]).astype(str)
    return _PAIRS_MEMO.get(lambda: _backtest_pairs(obs, pairs), obs, asked)


#: Recent results of :func:`backtest_pairs`, by content.
_PAIRS_MEMO = FrameMemo(name="yearend.backtest_pairs")


def _backtest_pairs(obs: pd.DataFrame, pairs) -> pd.DataFrame:
    tables = [backtest_ytd(obs, base, target) for base, target in pairs]
    table = pd.concat([t for t in tables if not t.empty] or [tables[0]], ignore_index=True)
    table.attrs.update(summarise(table))
    table.attrs["by_pair"] = {t["pair"].iloc[0]: summarise(t) for t in tables if not t.empty}
    return table


def summarise(table: pd.DataFrame) -> dict:
    """Medians of the APEs over unflagged indicators scored by both methods, and counts.

    Returns
    -------
    dict
        ``median_prorata_ape``, ``median_growth_ape`` (over ``n_both`` rows with both
        methods and no curation flag on an input, so that they compare like with like),
        ``median_prorata_ape_all`` (every row), ``n``, ``n_flagged`` and ``note``.
    """
    clean = table.loc[table["flags"] == ""]
    both = clean.dropna(subset=["prorata_ape", "growth_ape"])
    return {"median_prorata_ape": float(both["prorata_ape"].median()) if len(both) else np.nan,
            "median_growth_ape": float(both["growth_ape"].median()) if len(both) else np.nan,
            "median_prorata_ape_all": float(table["prorata_ape"].median()) if len(table) else np.nan,
            "n_both": len(both), "n": len(table), "n_flagged": int((table["flags"] != "").sum()),
            "note": f"{CAVEATS}; medians over the {len(both)} indicators with both methods and no curation flag "
                    "on an input"}


def _cell(value: float, digits: int = 1) -> str:
    return "" if pd.isna(value) else f"{value:,.{digits}f}"


def backtest_markdown(table: pd.DataFrame) -> str:
    """Render a backtest table (one or several pairs) and its medians as Markdown (deterministic)."""
    lines = ["# Backtest: later years to date projected from earlier ones (2025 and 2026)", "",
             f"What it can and cannot show: {CAVEATS}.", "",
             "| pair | indicator | unit | base | yoy base % | target printed | yoy target % | pro-rata | growth-based "
             "| APE pro-rata % | APE growth % |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in table.itertuples(index=False):
        mark = " †" if r.flags else ""
        lines.append(f"| {r.pair} | {r.indicator_id}{mark} | {r.unit} | {_cell(r.base_value)} | "
                     f"{_cell(r.base_yoy_pct)} | {_cell(r.target_value)} | {_cell(r.target_yoy_pct)} | "
                     f"{_cell(r.prorata_projection)} | {_cell(r.growth_projection)} | {_cell(r.prorata_ape)} | "
                     f"{_cell(r.growth_ape)} |")
    flagged = [f"{r.pair} {r.indicator_id}: {r.flags}" for r in table.itertuples(index=False) if r.flags]
    if flagged:
        lines += ["", "† an input carries a curation flag (left out of the medians): " + "; ".join(flagged) + "."]
    lines += ["", "| pair | indicators with both methods | median APE pro-rata % | median APE growth-based % |",
              "|---|---:|---:|---:|"]
    for pair, group in table.groupby("pair", sort=False):
        s = summarise(group)
        lines.append(f"| {pair} | {s['n_both']} | {_cell(s['median_prorata_ape'])} | {_cell(s['median_growth_ape'])} |")
    s = summarise(table)
    lines.append(f"| all | {s['n_both']} | {_cell(s['median_prorata_ape'])} | {_cell(s['median_growth_ape'])} |")
    return "\n".join(lines) + "\n"


__all__ = ["backtest_ytd", "backtest_pairs", "backtest_markdown", "summarise", "pair_label", "BACKTEST_COLUMNS",
           "BACKTEST_PAIRS", "METHODS", "CAVEATS"]
