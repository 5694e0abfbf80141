"""Backtest of the year-to-date projections on the reports themselves.

Report 001 prints first-half 2025 figures and report 000 prints 11-month 2025 figures,
each with a growth rate on the same period of 2024. For every indicator with both
levels and both rates, the 11-month level is projected from the first half two ways:

- *pro-rata*: ``H1_2025 * 11 / 6``;
- *seasonal share*: ``H1_2025 * (M11_2024 / H1_2024)`` with ``H1_2024 = H1_2025 / (1 +
  yoy_H1/100)`` and ``M11_2024 = M11_2025 / (1 + yoy_11M/100)``;

and compared with the printed 11-month figure: absolute percentage error per indicator
and the median over indicators.

Look-ahead, stated plainly: the seasonal-share projection uses the 11-month growth rate,
printed with the very figure it projects. Algebraically it equals ``M11_2025 * (1 +
yoy_H1/100) / (1 + yoy_11M/100)``, so its error is exactly the change in cumulative
growth between June and November. It measures how well last year's within-year profile
carries over *given* that profile, not a forecast made in July (which would need an
11-month 2024 level printed before November 2025). The pro-rata projection uses no
future information.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..sources.contract import normalise_observations, printed_rows

BACKTEST_COLUMNS: list[str] = [
    "indicator_id", "unit", "base_value", "base_yoy_pct", "target_value", "target_yoy_pct", "base_prev",
    "target_prev", "prorata_projection", "seasonal_projection", "prorata_ape", "seasonal_ape", "base_doc",
    "target_doc", "flags", "note",
]

#: Said in every table: what the seasonal-share error measures.
LOOK_AHEAD_NOTE = ("seasonal share uses the printed 11-month yoy_pct (look-ahead): it measures the method "
                   "given last year's profile, not a forecast made at mid-year")


def _level_and_yoy(printed: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    period = printed.loc[(printed["start"] == start) & (printed["end"] == end)]
    levels = period.loc[(period["measure"] == "value") & (period["unit"] != "pct"),
                        ["indicator_id", "unit", "source_doc", "value", "flag"]]
    rates = period.loc[period["measure"] == "yoy_pct", ["indicator_id", "source_doc", "value", "flag"]]
    merged = levels.merge(rates, on=["indicator_id", "source_doc"], how="left", suffixes=("", "_yoy"))
    # one row per indicator: prefer a level with its rate, then the latest report
    merged = merged.assign(_has=merged["value_yoy"].notna()).sort_values(["indicator_id", "_has", "source_doc"])
    return merged.drop_duplicates("indicator_id", keep="last").drop(columns="_has")


def backtest_ytd(obs: pd.DataFrame, base: tuple[str, str] = ("2025-01-01", "2025-06-30"),
                 target: tuple[str, str] = ("2025-01-01", "2025-11-30")) -> pd.DataFrame:
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
        (``*_ape`` in percent; ``seasonal_*`` NaN, with the reason in ``note``, when a
        growth rate is missing). ``attrs["median_prorata_ape"]``,
        ``attrs["median_seasonal_ape"]`` and ``attrs["note"]`` hold the summary; the
        medians are over the indicators where both methods could be computed and no
        input carries a curation flag (``flags``: a unit anomaly, a typo in the source),
        so that they compare like with like (``attrs["n_both"]``);
        ``attrs["median_prorata_ape_all"]`` is over every row.
    """
    frame = printed_rows(normalise_observations(obs))
    b_start, b_end = pd.Timestamp(base[0]), pd.Timestamp(base[1])
    t_start, t_end = pd.Timestamp(target[0]), pd.Timestamp(target[1])
    b_months = (b_end.year - b_start.year) * 12 + b_end.month - b_start.month + 1
    t_months = (t_end.year - t_start.year) * 12 + t_end.month - t_start.month + 1
    merged = _level_and_yoy(frame, b_start, b_end).merge(
        _level_and_yoy(frame, t_start, t_end), on="indicator_id", suffixes=("_base", "_target"))
    rows = []
    for r in merged.itertuples(index=False):
        if r.unit_base != r.unit_target:
            continue
        prorata = r.value_base * t_months / b_months
        base_prev = r.value_base / (1 + r.value_yoy_base / 100) if pd.notna(r.value_yoy_base) else np.nan
        target_prev = r.value_target / (1 + r.value_yoy_target / 100) if pd.notna(r.value_yoy_target) else np.nan
        seasonal = r.value_base * target_prev / base_prev if np.isfinite(base_prev * target_prev) else np.nan
        missing = [name for name, v in (("base", r.value_yoy_base), ("target", r.value_yoy_target)) if pd.isna(v)]
        note = f"no yoy_pct printed for the {' and '.join(missing)} period: pro-rata only" if missing else ""
        flags = sorted({f"{f} ({what})" for f, what in ((r.flag_base, "base level"), (r.flag_yoy_base, "base yoy"),
                        (r.flag_target, "target level"), (r.flag_yoy_target, "target yoy"))
                        if isinstance(f, str) and f})
        ape = (lambda p: abs(p - r.value_target) / abs(r.value_target) * 100 if r.value_target else np.nan)
        rows.append({"indicator_id": r.indicator_id, "unit": r.unit_base, "base_value": r.value_base,
                     "base_yoy_pct": r.value_yoy_base, "target_value": r.value_target,
                     "target_yoy_pct": r.value_yoy_target, "base_prev": base_prev, "target_prev": target_prev,
                     "prorata_projection": prorata, "seasonal_projection": seasonal, "prorata_ape": ape(prorata),
                     "seasonal_ape": ape(seasonal), "base_doc": r.source_doc_base,
                     "target_doc": r.source_doc_target, "flags": "; ".join(flags), "note": note})
    table = pd.DataFrame(rows, columns=BACKTEST_COLUMNS)
    clean = table.loc[table["flags"] == ""]
    both = clean.dropna(subset=["prorata_ape", "seasonal_ape"])
    table.attrs.update(
        median_prorata_ape=float(both["prorata_ape"].median()) if len(both) else np.nan,
        median_seasonal_ape=float(both["seasonal_ape"].median()) if len(both) else np.nan,
        median_prorata_ape_all=float(table["prorata_ape"].median()) if len(table) else np.nan,
        n_both=len(both), n=len(table), n_flagged=int((table["flags"] != "").sum()),
        note=(f"{LOOK_AHEAD_NOTE}; projecting {t_start:%Y-%m-%d}..{t_end:%Y-%m-%d} from "
              f"{b_start:%Y-%m-%d}..{b_end:%Y-%m-%d}; medians over the {len(both)} indicators with both methods "
              "and no curation flag on an input"))
    return table


def backtest_markdown(table: pd.DataFrame) -> str:
    """Render a backtest table and its medians as Markdown (deterministic: no dates)."""
    lines = ["# Backtest: 11-month 2025 levels projected from the first half of 2025", "",
             f"Note: {table.attrs.get('note', LOOK_AHEAD_NOTE)}.", "",
             "| indicator | unit | H1 2025 | yoy H1 % | 11M 2025 printed | yoy 11M % | pro-rata | seasonal share "
             "| APE pro-rata % | APE seasonal % |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def cell(value: float, digits: int = 1) -> str:
        return "" if pd.isna(value) else f"{value:,.{digits}f}"

    for r in table.itertuples(index=False):
        mark = " †" if r.flags else ""
        lines.append(f"| {r.indicator_id}{mark} | {r.unit} | {cell(r.base_value)} | {cell(r.base_yoy_pct)} | "
                     f"{cell(r.target_value)} | {cell(r.target_yoy_pct)} | {cell(r.prorata_projection)} | "
                     f"{cell(r.seasonal_projection)} | {cell(r.prorata_ape)} | {cell(r.seasonal_ape)} |")
    flagged = [f"{r.indicator_id}: {r.flags}" for r in table.itertuples(index=False) if r.flags]
    if flagged:
        lines += ["", "† an input carries a curation flag (left out of the medians): " + "; ".join(flagged) + "."]
    lines += ["", f"Median APE over the {table.attrs.get('n_both', 0)} unflagged indicators with both methods: "
              f"pro-rata {cell(table.attrs.get('median_prorata_ape', np.nan))} %, "
              f"seasonal share {cell(table.attrs.get('median_seasonal_ape', np.nan))} %.",
              f"Median pro-rata APE over all {table.attrs.get('n', 0)} indicators: "
              f"{cell(table.attrs.get('median_prorata_ape_all', np.nan))} %."]
    return "\n".join(lines) + "\n"


__all__ = ["backtest_ytd", "backtest_markdown", "BACKTEST_COLUMNS", "LOOK_AHEAD_NOTE"]
