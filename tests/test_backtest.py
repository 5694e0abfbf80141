"""Tests of lsreports.analysis.backtest on SYNTHETIC frames; expected values computed by hand below."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.backtest import BACKTEST_COLUMNS, backtest_markdown, backtest_ytd
from lsreports.sources.paths import curated_dir
from test_derive import obs


def synthetic_reports() -> pd.DataFrame:
    return obs(
        # A: H1 600 (+20 %) -> H1 2024 = 500; 11M 1300 (+30 %) -> 11M 2024 = 1000
        ("trade_total", "2025-01-01", "2025-06-30", "value", 600, "901_synthetic"),
        ("trade_total", "2025-01-01", "2025-06-30", "yoy_pct", 20, "901_synthetic"),
        ("trade_total", "2025-01-01", "2025-11-30", "value", 1300, "900_synthetic"),
        ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", 30, "900_synthetic"),
        # B: no H1 growth rate: pro-rata only
        ("retail_sales", "2025-01-01", "2025-06-30", "value", 100, "901_synthetic", "VND_bn"),
        ("retail_sales", "2025-01-01", "2025-11-30", "value", 200, "900_synthetic", "VND_bn"),
        ("retail_sales", "2025-01-01", "2025-11-30", "yoy_pct", 5, "900_synthetic"),
        # C: only the first half: not in the table
        ("prod_coal", "2025-01-01", "2025-06-30", "value", 50, "901_synthetic", "kt"),
    )


def test_backtest_by_hand_synthetic():
    table = backtest_ytd(synthetic_reports())
    assert list(table.columns) == BACKTEST_COLUMNS
    assert sorted(table["indicator_id"]) == ["retail_sales", "trade_total"]
    a = table.set_index("indicator_id").loc["trade_total"]
    assert a["base_prev"] == pytest.approx(500) and a["target_prev"] == pytest.approx(1000)
    assert a["seasonal_projection"] == pytest.approx(1200)         # 600 * 1000 / 500
    assert a["prorata_projection"] == pytest.approx(1100)          # 600 * 11 / 6
    assert a["seasonal_ape"] == pytest.approx(100 / 1300 * 100)    # 7.69 %
    assert a["prorata_ape"] == pytest.approx(200 / 1300 * 100)     # 15.38 %
    b = table.set_index("indicator_id").loc["retail_sales"]
    assert b["prorata_ape"] == pytest.approx(abs(100 * 11 / 6 - 200) / 200 * 100)  # 8.33 %
    assert np.isnan(b["seasonal_ape"]) and "pro-rata only" in b["note"]
    # medians over indicators with both methods: only A
    assert table.attrs["n_both"] == 1
    assert table.attrs["median_seasonal_ape"] == pytest.approx(100 / 1300 * 100)
    assert table.attrs["median_prorata_ape"] == pytest.approx(200 / 1300 * 100)
    assert table.attrs["median_prorata_ape_all"] == pytest.approx((200 / 13 + 100 / 12) / 2)
    assert "look-ahead" in table.attrs["note"]


def test_backtest_markdown_is_deterministic_and_says_look_ahead():
    text = backtest_markdown(backtest_ytd(synthetic_reports()))
    assert text == backtest_markdown(backtest_ytd(synthetic_reports()))
    assert "look-ahead" in text and "| trade_total | USD_mn | 600.0 |" in text
    assert "pro-rata 15.4 %, seasonal share 7.7 %" in text and "†" not in text


def test_backtest_of_nothing_is_an_empty_table():
    table = backtest_ytd(synthetic_reports().iloc[:0])
    assert table.empty and np.isnan(table.attrs["median_prorata_ape"])


@pytest.mark.skipif(not (curated_dir() / "observations.csv").exists(), reason="curated data not present")
def test_backtest_runs_on_the_real_reports():
    """Integration: the real curated data gives a table without error (values not pinned)."""
    from lsreports.sources.loader import observations

    table = backtest_ytd(observations())
    assert len(table) > 0 and (table["prorata_ape"] >= 0).all()


def test_flagged_inputs_are_kept_but_left_out_of_the_medians():
    frame = synthetic_reports()
    # SYNTHETIC unit anomaly on a third indicator with both rates: APE would dominate a mean
    extra = obs(("prod_rosin", "2025-01-01", "2025-06-30", "value", 3350, "901_synthetic", "t"),
                ("prod_rosin", "2025-01-01", "2025-06-30", "yoy_pct", 3.4, "901_synthetic"),
                ("prod_rosin", "2025-01-01", "2025-11-30", "value", 16.5, "900_synthetic", "t"),
                ("prod_rosin", "2025-01-01", "2025-11-30", "yoy_pct", 0.2, "900_synthetic"))
    extra.loc[2, "flag"] = "unit_anomaly"
    table = backtest_ytd(pd.concat([frame, extra], ignore_index=True))
    rosin = table.set_index("indicator_id").loc["prod_rosin"]
    assert rosin["flags"] == "unit_anomaly (target level)"
    assert table.attrs["n_both"] == 1 and table.attrs["n_flagged"] == 1
    assert table.attrs["median_seasonal_ape"] == pytest.approx(100 / 1300 * 100)
    assert "† an input carries a curation flag" in backtest_markdown(table)
