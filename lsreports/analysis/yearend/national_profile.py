"""The province's year end (or a later year to date) from the national seasonal profile.

Method
------
For a provincial year to date ``YTD`` (1 January to the end of month ``m``, or to a
stated day) of an indicator with a national counterpart (:data:`NATIONAL_COUNTERPARTS`),
the later level (the year's end, or in a backtest a later year to date ending in month
``T``) is

    ``YTD / s``, with ``s`` the mean over earlier years of ``N(1..m) / N(1..T)``,

``N`` the national monthly series (the GSO tables joined with the statistics office's
releases, :func:`lsreports.sources.loader.national_observations`; a sum of series where the
counterpart is several, e.g. accommodation and food plus travel services for tourism
revenue). ``N(1..m)`` is the months' sum, or where a month is missing a printed year to
date (less the months after it). A year to a stated day takes the month it ends in pro rata
by days. The years averaged are the :data:`PROFILE_YEARS` most recent ones *before* the
year projected that the national data give whole, at most :data:`MAX_AGE` years back: for
2026, 2023-2025 where the releases give 2025 whole (retail sales), 2022-2024 where they do
not (the country's 2025 imports, state-budget investment, industrial products, tourism
revenue: ``profile_years`` names them).

The year end (:func:`national_year_end`) also uses the national months of the year
projected that are published by its projection date, the months before the one its year to
date ends in (for January-May 2026: January and February 2026, from the releases):
:func:`conditioned_share` takes them as printed and spreads the rest of the year by the
profile, scaled by the country's growth over the last 12 months. No month is used that was
not published by then: no look-ahead. It assumes the province's within-year profile is the
country's; a province whose seasonality differs (a border province's trade, its Tết-season
tourism) is mis-projected by the difference. The backtest (:func:`national_backtest`)
scores both: the plain profile (:func:`national_share`) and the profile with the national
months published by each pair's projection date (:func:`conditioned_share`, ``known_*``).

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
    """The sum of national monthly series (NaN where any is missing), on a monthly PeriodIndex.

    ``attrs["ytd"]`` holds the sum's printed years to date (1 January to the end of a month),
    by their last month, for :func:`cumulative` where single months are missing.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptySelectionWarning)
        parts = [indicator_series(national, i) for i in ids]
    if any(p.empty for p in parts):
        return pd.Series(dtype=float, index=pd.PeriodIndex([], freq="M"))
    total = pd.concat(parts, axis=1).sum(axis=1, min_count=len(parts))
    total.attrs = {"ytd": national_ytd(national, ids)}
    return total


def national_ytd(national: pd.DataFrame, ids: tuple[str, ...]) -> pd.Series:
    """Years to date of several national series, summed (a period any id lacks is left out), by last month."""
    rows = national.loc[national["indicator_id"].isin(ids) & (national["measure"] == "value")
                        & (national["start"].dt.month == 1) & (national["start"].dt.day == 1)
                        & (national["end"] == national["end"] + pd.offsets.MonthEnd(0))]
    first = rows.drop_duplicates(["indicator_id", "end"])  # one print per series and period (the join's first)
    wide = first.pivot(index="end", columns="indicator_id", values="value").reindex(columns=list(ids))
    total = wide.sum(axis=1, min_count=len(ids)).dropna()
    return pd.Series(total.to_numpy(dtype=float), index=pd.PeriodIndex(total.index, freq="M"))


def _months_to(end: pd.Timestamp) -> float:
    """Months covered from 1 January to ``end`` (a stated day counts its month by days)."""
    return end.month - 1 + end.day / end.days_in_month


def cumulative(monthly: pd.Series, year: int, months: float) -> float:
    """The national level from January to ``months`` (fractional) of ``year``; NaN if it cannot be had.

    The sum of the months where all are present; otherwise a printed year to date
    (``monthly.attrs["ytd"]``) through the last whole month, or a later one less the months
    after (January-May 2025 = January-June less June). A stated day adds its month pro rata.
    """
    whole = int(np.floor(months))
    frac = months - whole
    level = _whole_months(monthly, year, whole)
    if frac > 0:
        level += frac * monthly.get(pd.Period(year=year, month=whole + 1, freq="M"), np.nan)
    return float(level)


def _whole_months(monthly: pd.Series, year: int, whole: int) -> float:
    """January to month ``whole`` of ``year``: the months' sum, else a year to date (less the months after it)."""
    def month(m: int) -> float:
        return monthly.get(pd.Period(year=year, month=m, freq="M"), np.nan)

    values = [month(m) for m in range(1, whole + 1)]
    if not any(pd.isna(v) for v in values):
        return float(sum(values))
    ytd = monthly.attrs.get("ytd", pd.Series(dtype=float))
    for end in range(whole, 13):
        printed = ytd.get(pd.Period(year=year, month=end, freq="M"), np.nan)
        after = [month(m) for m in range(whole + 1, end + 1)]
        if pd.notna(printed) and not any(pd.isna(v) for v in after):
            return float(printed - sum(after))
    return np.nan


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


def known_months(monthly: pd.Series, year: int, known_to: int) -> int:
    """The last month ``k <= known_to`` of ``year`` whose level January-``k`` the national data give (0 if none)."""
    for k in range(min(known_to, 12), 0, -1):
        if np.isfinite(cumulative(monthly, year, k)):
            return k
    return 0


def trailing_growth(monthly: pd.Series, year: int, known: int) -> float:
    """The national level of the 12 months to month ``known`` of ``year`` over the 12 months a year earlier."""
    def last_12(y: int) -> float:
        return cumulative(monthly, y, known) + cumulative(monthly, y - 1, 12) - cumulative(monthly, y - 1, known)

    now, before = last_12(year), last_12(year - 1)
    return now / before if np.isfinite(now) and np.isfinite(before) and before > 0 else np.nan


def published_by(monthly: pd.Series, year: int, known_to: int) -> pd.Series:
    """The national months and years to date up to month ``known_to`` of ``year`` (what was published by then).

    A later year to date is left out too: January-June less June would otherwise give
    January-May before its release.
    """
    last = pd.Period(year=year, month=known_to, freq="M") if known_to else pd.Period(year=year - 1, month=12, freq="M")
    kept = monthly.loc[monthly.index <= last]
    ytd = monthly.attrs.get("ytd", pd.Series(dtype=float))
    kept.attrs = {"ytd": ytd.loc[ytd.index <= last] if len(ytd) else ytd}
    return kept


def conditioned_share(monthly: pd.Series, base_end: pd.Timestamp, target_months: float, year: int, known_to: int,
                      years: int = PROFILE_YEARS) -> tuple[float, list[int], int, float]:
    """The share ``N(1..m) / N(1..T)`` of ``year``, given the national months of ``year`` known by the projection.

    The months 1..``k`` of ``year`` the data give (``k <= known_to``, the last month published
    by the projection date) enter as printed; each later month ``j`` adds its profile share
    ``P(j) - P(j-1)`` (``P`` as in :func:`national_share`, over the same years) of an
    expected level ``N̂(1..T)``: last year's ``N(1..T)`` times :func:`trailing_growth`.
    With no known month, or no growth to scale by, it is :func:`national_share`.

    Returns
    -------
    (float, list of int, int, float)
        The share, the profile years, ``k`` (0: not conditioned) and the growth (NaN if not used).
    """
    base = _months_to(base_end)
    monthly = published_by(monthly, year, known_to)
    known = known_months(monthly, year, min(known_to, int(target_months)))
    growth = trailing_growth(monthly, year, known) if known else np.nan
    expected = cumulative(monthly, year - 1, target_months) * growth
    if not known or not np.isfinite(expected):
        return (*national_share(monthly, base_end, target_months, year, years), 0, np.nan)
    used = _profile_years(monthly, (base, float(known)), target_months, year, years)
    if not used:
        return np.nan, [], known, growth

    def profile(months: float) -> float:
        return float(np.mean([cumulative(monthly, y, months) / cumulative(monthly, y, target_months) for y in used]))

    def level(months: float) -> float:
        if months <= known:
            return cumulative(monthly, year, months)
        return cumulative(monthly, year, known) + (profile(months) - profile(known)) * expected

    return level(base) / level(target_months), used, known, growth


def _profile_years(monthly: pd.Series, points: tuple[float, ...], target_months: float, before: int,
                   years: int) -> list[int]:
    """The latest ``years`` years before ``before`` (at most :data:`MAX_AGE` back) with every level needed."""
    used = []
    for year in range(before - 1, before - 1 - MAX_AGE, -1):
        top = cumulative(monthly, year, target_months)
        if np.isfinite(top) and top > 0 and all(np.isfinite(cumulative(monthly, year, p)) for p in points):
            used.append(year)
        if len(used) == years:
            break
    return sorted(used)


def oracle_share(monthly: pd.Series, base_end: pd.Timestamp, target_months: float, year: int) -> float:
    """The projected year's own national share (look-ahead: an oracle bound, never a projection)."""
    top = cumulative(monthly, year, target_months)
    return cumulative(monthly, year, _months_to(base_end)) / top if top and np.isfinite(top) else np.nan


NATIONAL_BACKTEST_COLUMNS: list[str] = [
    "pair", "indicator_id", "national_ids", "profile_years", "national_share", "national_projection",
    "national_ape", "oracle_share", "oracle_projection", "oracle_ape",
    "known_months", "known_share", "known_projection", "known_ape",
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
        known_share, _, known, _ = conditioned_share(monthly, base_end, _months_to(target_end), base_end.year,
                                                     base_end.month - 1, years)
        rows.append({"pair": r.pair, "indicator_id": r.indicator_id, "national_ids": " + ".join(ids),
                     "profile_years": ", ".join(map(str, used)), "national_share": share,
                     "national_projection": r.base_value / share, "national_ape": _ape(r.base_value / share, r),
                     "oracle_share": oracle, "oracle_projection": r.base_value / oracle,
                     "oracle_ape": _ape(r.base_value / oracle, r), "known_months": known,
                     "known_share": known_share, "known_projection": r.base_value / known_share,
                     "known_ape": _ape(r.base_value / known_share, r)})
    return pd.DataFrame(rows, columns=NATIONAL_BACKTEST_COLUMNS)


def _ape(projection: float, r) -> float:
    return abs(projection - r.target_value) / abs(r.target_value) * 100 if r.target_value else np.nan


def compare_methods(backtest: pd.DataFrame, national_bt: pd.DataFrame) -> pd.DataFrame:
    """One table of the methods' absolute percentage errors, per pair and indicator.

    Pro-rata and growth-based from ``backtest`` (unflagged rows only), the national
    profile, the profile with the months known by the projection date (``known_ape``) and
    the oracle bound from ``national_bt``. ``attrs["medians"]`` holds the
    median APE per pair and method over the indicators pro-rata, growth-based and
    national profile all scored, and over all pairs; ``attrs["per_indicator"]`` the
    median APE of each method per indicator (over its pairs) where the national profile
    scored.
    """
    clean = backtest.loc[backtest["flags"] == "", ["pair", "indicator_id", "prorata_ape", "growth_ape"]]
    table = clean.merge(national_bt[["pair", "indicator_id", "national_ape", "known_ape", "oracle_ape",
                                     "profile_years"]], on=["pair", "indicator_id"], how="left")
    apes = ["prorata_ape", "growth_ape", "national_ape", "known_ape", "oracle_ape"]
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
             "before the year projected (no look-ahead; the GSO tables joined with the statistics office's releases, "
             "a year complete where its months or printed years to date give the levels). Oracle: the national "
             "profile of the projected year itself (look-ahead, a bound only; available where the national data "
             "cover that year). Known months: the national profile with the country's months of the projected year "
             "published by the projection date taken as printed (the method of the 2026 year end). Rows with a "
             "curation flag on an input are left out.", "",
             "| pair | indicators (all three methods) | pro-rata | growth-based | national profile | known months "
             "| oracle (n) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in table.attrs["medians"].itertuples(index=False):
        lines.append(f"| {r.pair} | {r.n} | {cell(r.prorata_ape)} | {cell(r.growth_ape)} | {cell(r.national_ape)} | "
                     f"{cell(r.known_ape)} | {cell(r.oracle_ape)} ({r.n_oracle}) |")
    lines += ["", "Median APE per indicator over its pairs (indicators the national profile scored):", "",
              "| indicator | pairs | pro-rata | growth-based | national profile | known months | oracle |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for r in table.attrs["per_indicator"].itertuples(index=False):
        lines.append(f"| {r.indicator_id} | {r.pairs} | {cell(r.prorata_ape)} | {cell(r.growth_ape)} | "
                     f"{cell(r.national_ape)} | {cell(r.known_ape)} | {cell(r.oracle_ape)} |")
    return "\n".join(lines) + "\n"


YEAR_END_COLUMNS: list[str] = ["indicator_id", "year", "ytd_end", "ytd_value", "national_ids", "profile_years",
                                "known_months", "trailing_growth", "national_share", "national_projection"]


def national_year_end(projections: pd.DataFrame, national: pd.DataFrame, years: int = PROFILE_YEARS
                      ) -> pd.DataFrame:
    """The year end by the national profile beside each projection row with a counterpart.

    The share is :func:`conditioned_share`: the national months of the year projected that
    end before the month its year to date ends (published by then: the release for a month
    appears early the next month) enter as printed, and the profile is the mean of the
    ``years`` latest years before it that the national data give whole (the GSO tables
    joined with the releases; for 2026: 2023-2025 where 2025's months or years to date are
    all there, an earlier year otherwise, named in ``profile_years``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`YEAR_END_COLUMNS`; ``known_months`` the national months of the year
        used (0: none, the plain profile), ``trailing_growth`` the 12-month growth that
        scales the months still to come.
    """
    rows, cache = [], {}
    mine = projections.loc[projections["indicator_id"].isin(NATIONAL_COUNTERPARTS)
                           & (projections["method"] != "not_projected")]
    for r in mine.drop_duplicates(["indicator_id", "year"]).itertuples(index=False):
        ids = NATIONAL_COUNTERPARTS[r.indicator_id]
        monthly = cache.setdefault(ids, national_monthly(national, ids))
        share, used, known, growth = conditioned_share(monthly, r.ytd_end, 12.0, r.year, r.ytd_end.month - 1, years)
        rows.append({"indicator_id": r.indicator_id, "year": r.year, "ytd_end": r.ytd_end, "ytd_value": r.ytd_value,
                     "national_ids": " + ".join(ids), "profile_years": ", ".join(map(str, used)),
                     "known_months": known, "trailing_growth": growth,
                     "national_share": share, "national_projection": r.ytd_value / share})
    return pd.DataFrame(rows, columns=YEAR_END_COLUMNS)


__all__ = ["compare_methods", "comparison_markdown", "conditioned_share", "national_year_end", "national_monthly",
           "national_share", "national_ytd", "known_months", "published_by", "trailing_growth", "oracle_share", "cumulative",
           "national_backtest", "NATIONAL_COUNTERPARTS", "NATIONAL_BACKTEST_COLUMNS", "YEAR_END_COLUMNS",
           "PROFILE_YEARS", "MAX_AGE"]
