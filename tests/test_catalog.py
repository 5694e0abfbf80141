"""lsreports.sources.catalog and ls.catalog: one row per indicator (SYNTHETIC data and the real catalogue)."""
from __future__ import annotations

import pandas as pd

from lsreports.sources.catalog import CATALOG_COLUMNS


def test_catalog_describes_each_indicator_of_the_synthetic_data(synthetic_data):
    import lsreports as ls

    table = ls.catalog(national=False).set_index("indicator_id")
    assert list(ls.catalog(national=False).columns) == [*CATALOG_COLUMNS, "scope"]
    assert table.index.is_unique and len(table) == len(ls.indicators())
    trade = table.loc["trade_total"]
    assert trade["measures"] == "plan_pct, value, yoy_pct"
    assert trade["period_kinds"] == "month, ytd"
    assert (trade["first_period"], trade["last_period"]) == ("2024 Jan-Nov", "2025-11")  # 2024: derived
    assert trade["rows"] == 5  # the synthetic rows of trade_total (tests/conftest.py)
    assert trade["derived_rows"] > 0  # e.g. the previous year's levels
    assert trade["first_day"] == pd.Timestamp("2024-01-01")  # a derived year-earlier level
    assert table.loc["tourism_revenue", "rows"] == 0 and pd.isna(table.loc["tourism_revenue", "measures"])


def test_printed_only_catalog_counts_no_derived_rows(synthetic_data):
    import lsreports as ls

    table = ls.catalog(include_derived=False, national=False).set_index("indicator_id")
    assert table["derived_rows"].sum() == 0
    assert table.loc["trade_total", "first_day"] == pd.Timestamp("2025-01-01")
    assert table.loc["trade_total", "first_period"] == "2025 Jan-Nov"
