"""The country as context for the province: long-run growth, seasonality, latest months.

The national series come from the GSO's monthly tables (to February 2025); the
province's from its reports (2024-2026). Where a province figure and a national figure
cover exactly the same period, :func:`province_beside_country` puts their growth rates,
and the province's share of the country, side by side.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .decompose import decompose

#: Province indicators and the national series they are compared with.
COUNTERPARTS: dict[str, str] = {
    "retail_sales": "vn_retail_sales",
    "trade_total": "vn_trade_total", "trade_total_export": "vn_exports", "trade_total_import": "vn_imports",
    "pubinv_disbursed": "vn_sbi_total", "pubinv_disbursed_current": "vn_sbi_total",
    "pubinv_disbursed_local": "vn_sbi_local", "pubinv_disbursed_central": "vn_sbi_central",
    "prod_coal": "vn_prod_coal", "prod_cement": "vn_prod_cement", "prod_tap_water": "vn_prod_tap_water",
    "prod_electricity_generated": "vn_prod_electricity_generated", "prod_bricks": "vn_prod_bricks",
    "iip": "vn_iip", "tourism_revenue": "vn_accommodation_food",
}


def annual_growth(rows: pd.DataFrame, indicator_id: str) -> pd.Series:
    """The printed growth of each full year on the previous one (``yoy_pct`` of January-December), by year.

    The printed rate, not the ratio of two years' levels: the GSO revises a year's levels
    after it is first tabulated (the 2023 retail levels by several percent), so levels of
    different vintages are not comparable, while each printed rate compares like with like.
    """
    full_year = rows.loc[(rows["indicator_id"] == indicator_id) & (rows["measure"] == "yoy_pct")
                         & (rows["start"].dt.month == 1) & (rows["start"].dt.day == 1)
                         & (rows["end"].dt.month == 12) & (rows["end"].dt.day == 31)]
    return pd.Series(full_year["value"].to_numpy(), index=full_year["end"].dt.year.to_numpy(),
                     name=indicator_id).sort_index()


def national_summary(series: dict[str, pd.Series], rows: pd.DataFrame) -> pd.DataFrame:
    """One row per national series: its span, long-run growth, seasonality and latest month.

    Parameters
    ----------
    series : dict
        Series id to monthly levels on a ``PeriodIndex`` (:func:`lsreports.analysis.tsa.series.indicator_series`).
    rows : pandas.DataFrame
        The national observations (for the printed annual growth rates, :func:`annual_growth`).

    Returns
    -------
    pandas.DataFrame
        Indexed by series id: ``first``, ``last`` (months), ``years`` (full years with a
        printed growth rate), ``growth_avg_pct`` (their geometric average),
        ``last_year_growth_pct`` and ``last_full_year``,
        ``peak_month`` and ``trough_month`` (of the seasonal profile, 1-12) with
        ``peak_pct``/``trough_pct`` of trend, and ``latest_level``.
    """
    summary = {}
    for series_id, levels in series.items():
        levels = levels.dropna()
        growth = annual_growth(rows, series_id)
        average = (np.prod(1 + growth / 100) ** (1 / len(growth)) - 1) * 100 if len(growth) else np.nan
        profile = decompose(levels).seasonal_profile()
        summary[series_id] = {
            "first": levels.index.min(), "last": levels.index.max(), "years": len(growth),
            "growth_avg_pct": average, "last_year_growth_pct": growth.iloc[-1] if len(growth) else np.nan,
            "last_full_year": int(growth.index[-1]) if len(growth) else None,
            "peak_month": int(profile.idxmax()), "peak_pct": float(profile.max()),
            "trough_month": int(profile.idxmin()), "trough_pct": float(profile.min()),
            "latest_level": float(levels.iloc[-1]),
        }
    return pd.DataFrame.from_dict(summary, orient="index")


def province_beside_country(province: pd.DataFrame, national: pd.DataFrame,
                            counterparts: dict[str, str] = COUNTERPARTS) -> pd.DataFrame:
    """Province and national figures for the same period, side by side.

    Parameters
    ----------
    province : pandas.DataFrame
        Province observations (contract columns; derived rows allowed).
    national : pandas.DataFrame
        National observations (contract columns).

    Returns
    -------
    pandas.DataFrame
        One row per province indicator, period and measure (``value`` or ``yoy_pct``)
        printed for the very same ``start``/``end`` in both: ``province``, ``national``,
        their ``source_doc``/``quote`` each, and for levels the province's
        ``share_pct`` of the country (where the units agree). Empty where no period coincides.
    """
    pairs = pd.DataFrame({"indicator_id": list(counterparts), "national_id": list(counterparts.values())})
    left = province.loc[province["measure"].isin(["value", "yoy_pct"])].merge(pairs, on="indicator_id")
    right = national.rename(columns={"indicator_id": "national_id"})
    cols = ["national_id", "start", "end", "measure", "value", "unit", "source_doc", "quote"]
    both = left.merge(right[cols], on=["national_id", "start", "end", "measure"], suffixes=("_province", "_national"))
    out = both.rename(columns={"value_province": "province", "value_national": "national"})
    same_unit = (out["measure"] == "value") & (out["unit_province"] == out["unit_national"])
    out["share_pct"] = np.where(same_unit, out["province"] / out["national"] * 100, np.nan)
    keep = ["indicator_id", "national_id", "start", "end", "measure", "province", "national", "share_pct",
            "source_doc_province", "quote_province", "source_doc_national", "quote_national"]
    return out[keep].sort_values(["indicator_id", "end", "measure"]).reset_index(drop=True)


#: The comparisons made for each report's year to date: province id, national id, measure,
#: and what is compared (issue 23). State investment is compared as the share of the
#: year's plan disbursed: the province prints no growth rate of it.
YTD_PAIRS: tuple[tuple[str, str, str, str], ...] = (
    ("retail_sales", "vn_retail_sales", "yoy_pct", "retail sales"),
    ("trade_total_export", "vn_exports", "yoy_pct", "exports"),
    ("trade_total_import", "vn_imports", "yoy_pct", "imports"),
    ("iip", "vn_iip", "yoy_pct", "industrial production (IIP)"),
    ("pubinv_disbursed", "vn_sbi_total", "plan_pct", "public investment plan (carry-over included)"),
    ("pubinv_disbursed_current", "vn_sbi_total", "plan_pct", "public investment plan (carry-over excluded)"),
)
YTD_COLUMNS = ["report", "start", "end", "indicator_id", "national_id", "measure", "what", "province", "province_end",
               "province_doc", "province_quote", "country", "country_end", "country_doc", "country_quote", "difference", "country_last"]


def report_periods(manifest: pd.DataFrame) -> pd.DataFrame:
    """The years to date the province's reports cover: ``report``, ``start``, ``end`` (one per report).

    Parameters
    ----------
    manifest : pandas.DataFrame
        :func:`lsreports.reports` (the reports are the rows whose ``source_kind`` is not ``public_text``).
    """
    kinds = manifest["source_kind"] if "source_kind" in manifest else pd.Series("report", index=manifest.index)
    reports = manifest.loc[kinds.fillna("report").replace("", "report") == "report"]
    out = pd.DataFrame({"report": reports["id"], "start": reports["period_start"], "end": reports["period_end"]})
    return out.sort_values(["end", "report"]).reset_index(drop=True)


def _ytd_row(rows: pd.DataFrame, indicator_id: str, measure: str, start: pd.Timestamp,
             end: pd.Timestamp) -> pd.Series | None:
    """The printed row of the year to date ending in ``end``'s month (the latest such end)."""
    match = rows.loc[(rows["indicator_id"] == indicator_id) & (rows["measure"] == measure)
                     & (rows["start"] == start) & (rows["end"].dt.to_period("M") == end.to_period("M"))
                     & ~rows["derived"].astype(bool)]
    return None if match.empty else match.sort_values(["end", "source_doc"]).iloc[-1]


def _last_end(rows: pd.DataFrame, indicator_id: str, measure: str) -> pd.Timestamp:
    """The latest end of a national series' rows of ``measure`` (how far the country's figures reach)."""
    ends = rows.loc[(rows["indicator_id"] == indicator_id) & (rows["measure"] == measure), "end"]
    return ends.max() if len(ends) else pd.NaT


def years_to_date_beside(province: pd.DataFrame, national: pd.DataFrame, periods: pd.DataFrame,
                         pairs: tuple[tuple[str, str, str, str], ...] = YTD_PAIRS) -> pd.DataFrame:
    """The province's growth beside the country's for each report's year to date.

    Parameters
    ----------
    province, national : pandas.DataFrame
        Observations in the contract's shape (the province's; the country's, tables and releases).
    periods : pandas.DataFrame
        :func:`report_periods`.
    pairs : tuple, optional
        (province id, national id, measure, what) to compare; :data:`YTD_PAIRS` by default.

    Returns
    -------
    pandas.DataFrame
        :data:`YTD_COLUMNS`, one row per period and pair where the province prints a figure;
        a country figure that is not printed is missing (NaN), never filled in. ``province_end`` is the
        province figure's own end (a report may print trade to the 14th of its month);
        ``difference`` is province minus country, in percentage points; ``country_last`` the
        latest end of the national series' figures of that measure.
    """
    out = []
    for period in periods.itertuples(index=False):
        for province_id, national_id, measure, what in pairs:
            mine = _ytd_row(province, province_id, measure, period.start, period.end)
            theirs = _ytd_row(national, national_id, measure, period.start, period.end)
            if mine is None:  # no province figure: nothing to compare (the country's alone is in its own section)
                continue
            p = np.nan if mine is None else float(mine["value"])
            c = np.nan if theirs is None else float(theirs["value"])
            out.append((period.report, period.start, period.end, province_id, national_id, measure, what, p,
                        pd.NaT if mine is None else mine["end"], None if mine is None else mine["source_doc"],
                        None if mine is None else mine["quote"], c, pd.NaT if theirs is None else theirs["end"],
                        None if theirs is None else theirs["source_doc"],
                        None if theirs is None else theirs["quote"], p - c, _last_end(national, national_id, measure)))
    return pd.DataFrame(out, columns=YTD_COLUMNS)
