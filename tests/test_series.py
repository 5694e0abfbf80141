"""lsreports.analysis.tsa.series and ls.series on SYNTHETIC frames (invented figures) and the real data."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.tsa.series import indicator_series
from lsreports.errors import EmptySelectionWarning, UnknownIndicatorError


def rows(*spec: tuple) -> pd.DataFrame:
    """SYNTHETIC observations: (start, end, value[, doc[, derived, derivation[, measure]]]) of 'x_total'."""
    records = []
    for item in spec:
        start, end, value = item[:3]
        doc = item[3] if len(item) > 3 else "900_synthetic"
        derived = item[4] if len(item) > 4 else False
        records.append({"indicator_id": "x_total", "start": pd.Timestamp(start), "end": pd.Timestamp(end),
                        "measure": item[6] if len(item) > 6 else "value", "value": float(value), "unit": "USD_mn",
                        "source_doc": doc, "quote": "synthetic", "derived": derived,
                        "derivation": item[5] if len(item) > 5 else pd.NA})
    return pd.DataFrame(records)


def test_months_on_a_period_index_with_gaps_missing_and_derived_months_marked():
    obs = rows(("2025-01-01", "2025-01-31", 10), ("2025-04-01", "2025-04-30", 40),
               ("2025-03-01", "2025-03-31", 30, "901_synthetic", True, "month_from_ytd"),
               ("2025-01-01", "2025-04-30", 100))  # a year to date: not a month, left out
    series = indicator_series(obs, "x_total")
    assert isinstance(series.index, pd.PeriodIndex) and series.index.freqstr == "M"
    assert [str(p) for p in series.index] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert series.iloc[[0, 2, 3]].tolist() == [10.0, 30.0, 40.0]
    assert np.isnan(series.iloc[1])
    assert series.attrs["derived"] == {"2025-03": "month_from_ytd"}
    assert series.attrs["source_doc"] == {"2025-01": "900_synthetic", "2025-03": "901_synthetic",
                                          "2025-04": "900_synthetic"}
    assert series.attrs["unit"] == "USD_mn" and series.name == "x_total"


def test_a_printed_month_beats_a_derived_one_and_is_not_marked():
    obs = rows(("2025-02-01", "2025-02-28", 21, "901_synthetic", True, "month_from_ytd"),
               ("2025-02-01", "2025-02-28", 20, "900_synthetic"))
    series = indicator_series(obs, "x_total")
    assert series.tolist() == [20.0]
    assert series.attrs["derived"] == {}


def test_no_month_rows_warns_with_what_exists():
    obs = rows(("2025-01-01", "2025-06-30", 60), ("2025-01-01", "2025-06-30", 5.0, "900_synthetic", False, pd.NA,
                                                  "yoy_pct"))
    with pytest.warns(EmptySelectionWarning, match=r"no monthly 'value' rows, only periods of kind ytd"):
        empty = indicator_series(obs, "x_total")
    assert empty.empty and isinstance(empty.index, pd.PeriodIndex)
    with pytest.warns(EmptySelectionWarning, match=r"no 'mom_pct' rows; its measures: value, yoy_pct"):
        indicator_series(obs, "x_total", "mom_pct")


def test_ls_series_on_the_real_data_matches_the_printed_months():
    import lsreports as ls

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trade = ls.series("trade_total")
    printed = ls.load("trade_total").query("period_kind == 'month' and not derived")
    for start, value in zip(printed["start"], printed["value"]):
        month = str(start.to_period("M"))
        assert trade[month] == value or month in trade.attrs["derived"]
    assert trade.index.is_monotonic_increasing and trade.index.is_unique
    assert set(trade.attrs["derived"]) <= {str(p) for p in trade.dropna().index}


def test_ls_series_refuses_a_domain_and_an_unknown_id():
    import lsreports as ls

    with pytest.raises(UnknownIndicatorError, match="is a domain"):
        ls.series("trade")
    with pytest.raises(UnknownIndicatorError, match="trade_total"):
        ls.series("trade_totl")


def test_ls_series_serves_a_national_series_through_the_same_loader():
    import lsreports as ls

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        retail = ls.series("vn_retail_sales")
    national = ls.load("vn_retail_sales").query("period_kind == 'month'")
    assert len(retail.dropna()) == national["start"].nunique() > 100
    last = national.sort_values("start").iloc[-1]
    assert retail[str(last["start"].to_period("M"))] == last["value"]
    assert retail.attrs["unit"] == "VND_bn" and retail.attrs["derived"] == {}
    assert set(retail.attrs["source_doc"].values()) <= set(national["source_doc"])


def test_ls_catalog_lists_national_series_after_the_provinces():
    import lsreports as ls

    table = ls.catalog()
    assert table["indicator_id"].is_unique
    scopes = table["scope"].tolist()
    assert scopes == sorted(scopes, key=lambda s: s != "province")
    retail = table.set_index("indicator_id").loc["vn_retail_sales"]
    assert retail["scope"] == "national" and retail["rows"] > 100 and "month" in retail["period_kinds"]
