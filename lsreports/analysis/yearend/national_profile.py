"""The province's year end (or a later year to date) from the national seasonal profile.

Method
------
For a provincial year to date ``YTD`` (1 January to the end of month ``m``, or to a
stated day) of an indicator with a national counterpart (:data:`NATIONAL_COUNTERPARTS`),
the later level (the year's end, or in a backtest a later year to date ending in month
``T``) is

    ``YTD / s``, with ``s`` the mean over earlier years of ``N(1..m) / N(1..T)``,

``N`` the national monthly series (GSO tables; a sum of series where the counterpart is
several, e.g. accommodation and food plus travel services for tourism revenue). A year
to a stated day takes the month it ends in pro rata by days. The years averaged are the
:data:`PROFILE_YEARS` most recent ones *before* the year projected whose months 1..T are
all in the national data, at most :data:`MAX_AGE` years back: no look-ahead. It assumes the province's within-year profile
is the country's; a province whose seasonality differs (a border province's trade, its
Tết-season tourism) is mis-projected by the difference.

The *oracle* bound uses the national profile of the projected year itself (known only
after the fact): the best this method could do with a perfect national profile. It is
labelled as such and never used for a projection.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ...errors import EmptySelectionWarning
from ..tsa.series import indicator_series

#: Provincial id -> national ids whose sum is its counterpart.
NATIONAL_COUNTERPARTS: dict[str, tuple[str, ...]] = {
    "retail_sales": ("vn_retail_sales",),
    "trade_total": ("vn_trade_total",), "trade_total_export": ("vn_exports",),
    "trade_total_import": ("vn_imports",), "trade_declared": ("vn_trade_total",),
    "trade_declared_export": ("vn_exports",), "trade_declared_import": ("vn_imports",),
    "trade_local_export": ("vn_exports",),
    "pubinv_disbursed": ("vn_sbi_local",), "pubinv_disbursed_current": ("vn_sbi_local",),
    "pubinv_disbursed_local": ("vn_sbi_local",), "pubinv_disbursed_central": ("vn_sbi_central",),
    "prod_coal": ("vn_prod_coal",), "prod_cement": ("vn_prod_cement",),
    "prod_electricity_generated": ("vn_prod_electricity_generated",), "prod_tap_water": ("vn_prod_tap_water",),
    "prod_bricks": ("vn_prod_bricks",),
    "tourism_revenue": ("vn_accommodation_food", "vn_travel_services"),
}
#: Earlier years averaged into the profile.
PROFILE_YEARS = 3
#: Oldest year a profile may use, counted back from the year projected.
MAX_AGE = 6


def national_monthly(national: pd.DataFrame, ids: tuple[str, ...]) -> pd.Series:
    """The sum of national monthly series (NaN where any is missing), on a monthly PeriodIndex."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptySelectionWarning)
        parts = [indicator_series(national, i) for i in ids]
    if any(p.empty for p in parts):
        return pd.Series(dtype=float, index=pd.PeriodIndex([], freq="M"))
    return pd.concat(parts, axis=1).sum(axis=1, min_count=len(parts))


def _months_to(end: pd.Timestamp) -> float:
    """Months covered from 1 January to ``end`` (a stated day counts its month by days)."""
    return end.month - 1 + end.day / end.days_in_month


def cumulative(monthly: pd.Series, year: int, months: float) -> float:
    """The national level from January to ``months`` (fractional) of ``year``; NaN if a month is missing."""
    whole = int(np.floor(months))
    frac = months - whole
    need = range(1, whole + 1 + (frac > 0))
    values = [monthly.get(pd.Period(year=year, month=m, freq="M"), np.nan) for m in need]
    if any(pd.isna(v) for v in values):
        return np.nan
    return float(sum(values[:whole]) + (frac * values[-1] if frac > 0 else 0.0))


def national_share(monthly: pd.Series, base_end: pd.Timestamp, target_months: float, before: int,
                   years: int = PROFILE_YEARS) -> tuple[float, list[int]]:
    """Mean share ``N(1..base) / N(1..target)`` over the latest ``years`` complete years before ``before``."""
    base = _months_to(base_end)
    shares: list[tuple[int, float]] = []
    for year in range(before - 1, before - 1 - MAX_AGE, -1):
        top, low = cumulative(monthly, year, target_months), cumulative(monthly, year, base)
        if np.isfinite(top) and np.isfinite(low) and top > 0:
            shares.append((year, low / top))
        if len(shares) == years:
            break
    if not shares:
        return np.nan, []
    return float(np.mean([s for _, s in shares])), sorted(y for y, _ in shares)


def oracle_share(monthly: pd.Series, base_end: pd.Timestamp, target_months: float, year: int) -> float:
    """The projected year's own national share (look-ahead: an oracle bound, never a projection)."""
    top = cumulative(monthly, year, target_months)
    return cumulative(monthly, year, _months_to(base_end)) / top if top and np.isfinite(top) else np.nan


NATIONAL_BACKTEST_COLUMNS: list[str] = [
    "pair", "indicator_id", "national_ids", "profile_years", "national_share", "national_projection",
    "national_ape", "oracle_share", "oracle_projection", "oracle_ape",
]


def national_backtest(backtest: pd.DataFrame, national: pd.DataFrame, years: int = PROFILE_YEARS) -> pd.DataFrame:
    """Score the national-profile method (and its oracle bound) on a backtest's pairs.

    Parameters
    ----------
    backtest : pandas.DataFrame
        From :func:`lsreports.analysis.yearend.backtest.backtest_pairs` (base and target levels).
    national : pandas.DataFrame
        National observations (``ls.observations(national=True)``).
    years : int
        Earlier years averaged.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NATIONAL_BACKTEST_COLUMNS`, one row per backtest row whose
        indicator has a counterpart; NaN where the national data do not cover the months.
    """
    rows, cache = [], {}
    for r in backtest.loc[backtest["indicator_id"].isin(NATIONAL_COUNTERPARTS)].itertuples(index=False):
        ids = NATIONAL_COUNTERPARTS[r.indicator_id]
        monthly = cache.setdefault(ids, national_monthly(national, ids))
        base_end, target_end = r.base_end, r.target_end
        share, used = national_share(monthly, base_end, _months_to(target_end), base_end.year, years)
        oracle = oracle_share(monthly, base_end, _months_to(target_end), base_end.year)
        rows.append({"pair": r.pair, "indicator_id": r.indicator_id, "national_ids": " + ".join(ids),
                     "profile_years": ", ".join(map(str, used)), "national_share": share,
                     "national_projection": r.base_value / share, "national_ape": _ape(r.base_value / share, r),
                     "oracle_share": oracle, "oracle_projection": r.base_value / oracle,
                     "oracle_ape": _ape(r.base_value / oracle, r)})
    return pd.DataFrame(rows, columns=NATIONAL_BACKTEST_COLUMNS)


def _ape(projection: float, r) -> float:
    return abs(projection - r.target_value) / abs(r.target_value) * 100 if r.target_value else np.nan


def compare_methods(backtest: pd.DataFrame, national_bt: pd.DataFrame) -> pd.DataFrame:
    """One table of the methods' absolute percentage errors, per pair and indicator.

    Pro-rata and growth-based from ``backtest`` (unflagged rows only), the national
    profile and its oracle bound from ``national_bt``. ``attrs["medians"]`` holds the
    median APE per pair and method over the indicators pro-rata, growth-based and
    national profile all scored, and over all pairs; ``attrs["per_indicator"]`` the
    median APE of each method per indicator (over its pairs) where the national profile
    scored.
    """
    clean = backtest.loc[backtest["flags"] == "", ["pair", "indicator_id", "prorata_ape", "growth_ape"]]
    table = clean.merge(national_bt[["pair", "indicator_id", "national_ape", "oracle_ape", "profile_years"]],
                        on=["pair", "indicator_id"], how="left")
    apes = ["prorata_ape", "growth_ape", "national_ape", "oracle_ape"]
    medians = []
    for pair, group in [*table.groupby("pair", sort=False), ("all", table)]:
        both = group.dropna(subset=["prorata_ape", "growth_ape", "national_ape"])
        medians.append({"pair": pair, "n": len(both), **{m: float(both[m].median()) if len(both) else np.nan
                                                        for m in apes},
                        "n_oracle": int(both["oracle_ape"].notna().sum())})
    table.attrs["medians"] = pd.DataFrame(medians)
    scored = table.dropna(subset=["national_ape"])
    table.attrs["per_indicator"] = scored.groupby("indicator_id")[apes].median().assign(
        pairs=scored.groupby("indicator_id").size()).reset_index()
    return table


def comparison_markdown(table: pd.DataFrame) -> str:
    """Render :func:`compare_methods` as Markdown: medians per pair, then per indicator (deterministic)."""
    def cell(v: float) -> str:
        return "" if pd.isna(v) else f"{v:.1f}"

    lines = ["# Year-end methods compared: pro-rata, growth-based, national profile, oracle", "",
             "Absolute percentage error (APE, %) of a later year to date projected from an earlier one. National "
             f"profile: the mean national share of the same months over the {PROFILE_YEARS} latest complete years "
             "before the year projected (no look-ahead; national data end in February 2025). Oracle: the national "
             "profile of the projected year itself (look-ahead, a bound only; available where the national data "
             "cover that year). Rows with a curation flag on an input are left out.", "",
             "| pair | indicators (all three methods) | pro-rata | growth-based | national profile | oracle (n) |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in table.attrs["medians"].itertuples(index=False):
        lines.append(f"| {r.pair} | {r.n} | {cell(r.prorata_ape)} | {cell(r.growth_ape)} | {cell(r.national_ape)} | "
                     f"{cell(r.oracle_ape)} ({r.n_oracle}) |")
    lines += ["", "Median APE per indicator over its pairs (indicators the national profile scored):", "",
              "| indicator | pairs | pro-rata | growth-based | national profile | oracle |", "|---|---:|---:|---:|---:|---:|"]
    for r in table.attrs["per_indicator"].itertuples(index=False):
        lines.append(f"| {r.indicator_id} | {r.pairs} | {cell(r.prorata_ape)} | {cell(r.growth_ape)} | "
                     f"{cell(r.national_ape)} | {cell(r.oracle_ape)} |")
    return "\n".join(lines) + "\n"


def national_year_end(projections: pd.DataFrame, national: pd.DataFrame, years: int = PROFILE_YEARS
                      ) -> pd.DataFrame:
    """The year end by the national profile beside each projection row with a counterpart.

    Returns ``indicator_id, year, ytd_end, ytd_value, national_ids, profile_years,
    national_share, national_projection`` (share of the year's national total that the
    same months held, mean of the ``years`` latest complete years before ``year``).
    """
    rows, cache = [], {}
    mine = projections.loc[projections["indicator_id"].isin(NATIONAL_COUNTERPARTS)
                           & (projections["method"] != "not_projected")]
    for r in mine.drop_duplicates(["indicator_id", "year"]).itertuples(index=False):
        ids = NATIONAL_COUNTERPARTS[r.indicator_id]
        monthly = cache.setdefault(ids, national_monthly(national, ids))
        share, used = national_share(monthly, r.ytd_end, 12.0, r.year, years)
        rows.append({"indicator_id": r.indicator_id, "year": r.year, "ytd_end": r.ytd_end, "ytd_value": r.ytd_value,
                     "national_ids": " + ".join(ids), "profile_years": ", ".join(map(str, used)),
                     "national_share": share, "national_projection": r.ytd_value / share})
    return pd.DataFrame(rows, columns=["indicator_id", "year", "ytd_end", "ytd_value", "national_ids",
                                       "profile_years", "national_share", "national_projection"])


__all__ = ["compare_methods", "comparison_markdown", "national_year_end", "national_monthly", "national_share", "oracle_share", "cumulative", "national_backtest",
           "NATIONAL_COUNTERPARTS", "NATIONAL_BACKTEST_COLUMNS", "PROFILE_YEARS", "MAX_AGE"]
