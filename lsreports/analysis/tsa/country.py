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
