"""Tests of lsreports.analysis.yearend.backtest on SYNTHETIC frames; expected values computed by hand below."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.yearend.backtest import BACKTEST_COLUMNS, CAVEATS, backtest_markdown, backtest_pairs, backtest_ytd
from lsreports.sources.paths import curated_dir
from helpers import obs


def synthetic_reports() -> pd.DataFrame:
    return obs(
        # A: H1 600 (+20 %) -> H1 2024 = 500; 11M 2024 = 1000, printed by a 2024 report (known in mid-2025)
        ("trade_total", "2024-01-01", "2024-11-30", "value", 1000, "899_synthetic"),
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
    assert a["growth_projection"] == pytest.approx(1200)           # 1000 * (1 + 20/100) = 600 * 1000 / 500
    assert a["prorata_projection"] == pytest.approx(1100)          # 600 * 11 / 6
    assert a["growth_ape"] == pytest.approx(100 / 1300 * 100)      # 7.69 %
    assert a["growth_error"] == pytest.approx(-100 / 1300 * 100)   # below the printed level
    assert a["months_remaining"] == 5 and a["share_remaining"] == pytest.approx(5 / 11)
    assert a["prorata_ape"] == pytest.approx(200 / 1300 * 100)     # 15.38 %
    b = table.set_index("indicator_id").loc["retail_sales"]
    assert b["prorata_ape"] == pytest.approx(abs(100 * 11 / 6 - 200) / 200 * 100)  # 8.33 %
    assert np.isnan(b["growth_ape"]) and "pro-rata only" in b["note"]
    # medians over indicators with both methods: only A
    assert table.attrs["n_both"] == 1
    assert table.attrs["median_growth_ape"] == pytest.approx(100 / 1300 * 100)
    assert table.attrs["median_prorata_ape"] == pytest.approx(200 / 1300 * 100)
    assert table.attrs["median_prorata_ape_all"] == pytest.approx((200 / 13 + 100 / 12) / 2)
    assert "known on the projection date" in table.attrs["note"]


def test_the_growth_backtest_uses_only_what_was_known_on_the_projection_date():
    """SYNTHETIC: without a 2024 print, last year's 11 months were not known in mid-2025: the target report's
    own growth rate (printed in November) would be look-ahead, so growth-based is not scored; with only the
    whole of 2024 printed, it is taken x 11/12 (the months assumed alike), stated in the note."""
    frame = synthetic_reports()
    without = backtest_ytd(frame.loc[frame["source_doc"] != "899_synthetic"]).set_index("indicator_id")
    assert np.isnan(without.loc["trade_total", "growth_projection"])
    assert "not known on 2025-06-30" in without.loc["trade_total", "note"]
    whole = obs(("trade_total", "2024-01-01", "2024-12-31", "value", 1200, "898_synthetic"))
    with_year = backtest_ytd(pd.concat([frame.loc[frame["source_doc"] != "899_synthetic"], whole]))
    a = with_year.set_index("indicator_id").loc["trade_total"]
    assert a["growth_projection"] == pytest.approx(600 * 1100 / 500)  # 1200 x 11/12 = 1100 known
    assert "x 11/12" in a["note"]
    late = obs(("trade_total", "2024-01-01", "2024-11-30", "value", 1000, "899_synthetic"),
               ("trade_total", "2025-01-01", "2025-09-30", "value", 1, "899_synthetic"))  # covers past the base
    table = backtest_ytd(pd.concat([frame.loc[frame["source_doc"] != "899_synthetic"], late]))
    assert np.isnan(table.set_index("indicator_id").loc["trade_total", "growth_projection"])


def test_backtest_markdown_is_deterministic_and_states_the_caveats():
    text = backtest_markdown(backtest_ytd(synthetic_reports()))
    assert text == backtest_markdown(backtest_ytd(synthetic_reports()))
    assert CAVEATS in text and "| 2025-06 -> 2025-11 | trade_total | USD_mn | 600.0 |" in text
    assert "| 2025-06 -> 2025-11 | 1 | 15.4 | 7.7 |" in text and "†" not in text


def test_backtest_pairs_stack_two_horizons_synthetic():
    jan_to_may = obs(  # SYNTHETIC: January 100 (+25 %) -> 5 months 600; 5M 2025 = 500 printed in 2025
        ("trade_total", "2025-01-01", "2025-05-31", "value", 500, "902_synthetic"),
        ("trade_total", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic"),
        ("trade_total", "2026-01-01", "2026-01-31", "yoy_pct", 25, "904_synthetic"),
        ("trade_total", "2026-01-01", "2026-05-31", "value", 600, "903_synthetic"),
        ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 20, "903_synthetic"))
    table = backtest_pairs(pd.concat([synthetic_reports(), jan_to_may], ignore_index=True))
    assert list(table["pair"].unique()) == ["2025-06 -> 2025-11", "2026-01 -> 2026-05"]
    jan = table.loc[table["pair"] == "2026-01 -> 2026-05"].iloc[0]
    assert jan["growth_projection"] == pytest.approx(625)          # 500 * 1.25
    assert jan["prorata_projection"] == pytest.approx(500)         # 100 * 5
    assert jan["share_remaining"] == pytest.approx(4 / 5)
    assert table.attrs["by_pair"]["2026-01 -> 2026-05"]["median_growth_ape"] == pytest.approx(25 / 600 * 100)
    assert table.attrs["n_both"] == 2


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
    assert table.attrs["median_growth_ape"] == pytest.approx(100 / 1300 * 100)
    assert "† an input carries a curation flag" in backtest_markdown(table)
