"""Tests of lsreports.analysis.yearend.projection on SYNTHETIC frames; expected values computed by hand below."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.yearend.projection import PROJECTION_COLUMNS, prorata_factor, year_end_projections
from helpers import BANDS, obs


def test_prorata_factor_months_days_and_leap_years():
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31")) == (12 / 5, "5 months")
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-31")) == (12.0, "1 month")
    # 1 Jan..14 May 2026 is 31+28+31+30+14 = 134 days of 365
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-14")) == (365 / 134, "134 days")
    # 2024 is a leap year: 1 Jan..14 May is 135 days of 366
    assert prorata_factor(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-05-14")) == (366 / 135, "135 days")


NO_BANDS = pd.DataFrame(columns=["method", "domain", "n", "quantile", "width_pct_per_year", "pairs"])
def test_growth_nowcast_against_plan_synthetic():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1200, "902_synthetic"))
    out = year_end_projections(frame, 2026, widths=BANDS)
    assert list(out.columns) == PROJECTION_COLUMNS and len(out) == 1
    row = out.iloc[0]
    # by hand: 2025 = 1200; growth so far +25 % -> 1500 (= 500 / (400 / 1200), 5M 2025 = 500 / 1.25 = 400)
    assert row["prev_ytd_value"] == pytest.approx(400)
    assert row["growth_projection"] == pytest.approx(1500)
    assert row["prorata_projection"] == pytest.approx(1200)  # 500 * 12 / 5
    assert row["method"] == "growth" and row["projection"] == pytest.approx(1500)
    assert row["reason"] == "" and row["prev_annual_assumption"] == ""
    assert row["formula"] == "1,200 x 500 / 400 = 1,500"
    # band: 1500 * 20 % * 7/12 = 175 -> 1325..1675
    assert row["months_remaining"] == pytest.approx(7)
    assert (row["lower"], row["upper"]) == (pytest.approx(1325), pytest.approx(1675))
    # plan = 500 / 40 * 100 = 1250; 1500 / 1250 = 120 %; band 106-134 % -> likely
    assert row["target_kind"] == "plan" and row["target_value"] == pytest.approx(1250)
    assert row["ytd_pct_of_target"] == pytest.approx(40)
    assert row["projected_pct_of_target"] == pytest.approx(120)
    assert row["prorata_pct_of_target"] == pytest.approx(96)
    assert row["lower_pct_of_target"] == pytest.approx(106)
    assert row["verdict"] == "likely"
    assert row["verdict_text"] == "likely: 120 % of plan, band 106-134 % (growth-based)"
    assert row["prev_annual_from"] == "printed (902_synthetic)"


def test_eleven_months_with_december_estimated_synthetic():
    # SYNTHETIC: 11 months of 2025 = 1100 -> 2025 = 1200 (December at the monthly average); +25 % -> 1500
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-11-30", "value", 1100, "900_synthetic"))
    row = year_end_projections(frame, 2026, widths=BANDS).iloc[0]
    assert row["method"] == "growth" and row["projection"] == pytest.approx(1500)
    assert row["prev_annual_value"] == pytest.approx(1200)
    assert row["prev_annual_assumption"].startswith("December 2025 estimated at the January-November")
    assert "assumption: December 2025" in row["inputs"]
    # a band straddling 100 %: 1500 * (1 -+ 0.2 * 7/12) against a plan of 1500 -> undetermined
    frame.loc[2, "value"] = 500 / 1500 * 100
    row = year_end_projections(frame, 2026, widths=BANDS).iloc[0]
    assert row["projected_pct_of_target"] == pytest.approx(100)
    assert row["verdict"] == "undetermined"
    # no band at all: never likely
    assert year_end_projections(frame, 2026, widths=NO_BANDS).iloc[0]["verdict"] == "undetermined"


def test_flagged_last_year_level_falls_back_with_the_flag():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-11-30", "value", 1100, "900_synthetic"))
    frame.loc[2, "flag"] = "unit_anomaly"
    row = year_end_projections(frame, 2026, widths=BANDS).iloc[0]
    assert row["method"] == "pro_rata" and "last year's level flagged unit_anomaly" in row["reason"]


def test_one_off_and_january_alone_synthetic():
    frame = obs(("rice_support_kg", "2026-01-01", "2026-01-31", "value", 534030, "904_synthetic", "kg"),
                ("trade_total", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic"))
    out = year_end_projections(frame, widths=BANDS).set_index("indicator_id")
    rice = out.loc["rice_support_kg"]
    assert rice["method"] == "not_projected" and np.isnan(rice["projection"])
    assert "one_off" in rice["reason"]
    trade = out.loc["trade_total"]
    assert trade["method"] == "pro_rata" and trade["projection"] == pytest.approx(1200)
    assert trade["confidence"] == "low" and "Tết" in trade["note"] and "2026-02-17" in trade["note"]


def test_projections_group_by_indicator_and_year_synthetic():
    frame = obs(("trade_total", "2025-01-01", "2025-06-30", "value", 600, "901_synthetic"),
                ("trade_total", "2025-01-01", "2025-11-30", "value", 1100, "900_synthetic"),
                ("trade_total", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"))
    out = year_end_projections(frame, widths=BANDS)
    assert sorted(zip(out["year"], out["ytd_end"].dt.month)) == [(2025, 11), (2026, 5)]
    assert len(year_end_projections(frame, widths=BANDS, latest_only=False)) == 4


def test_missing_annual_level_falls_back_to_prorata_with_reason():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25))
    row = year_end_projections(frame, widths=BANDS).iloc[0]
    assert row["method"] == "pro_rata" and row["projection"] == pytest.approx(1200)
    assert "no level for the whole of 2025 nor its first 11 months" in row["reason"]
    assert np.isnan(row["growth_projection"]) and np.isnan(row["target_value"])
    assert row["formula"] == "500 x 2.4 = 1,200"
    assert "no plan printed" in row["verdict_text"] and row["verdict"] == ""


def test_missing_yoy_is_named_in_reason():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1200))
    row = year_end_projections(frame, widths=BANDS).iloc[0]
    assert row["method"] == "pro_rata"
    assert "no level for 2025-01-01..2025-05-31" in row["reason"]


def test_inconsistent_share_is_refused():
    # 5M 2025 = 500 / 1.25 = 400 > whole of 2025 = 300: a share of 4/3 is impossible
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 300))
    row = year_end_projections(frame, widths=BANDS).iloc[0]
    assert row["method"] == "pro_rata" and "share 1.33 outside (0, 1]" in row["reason"]


def test_year_to_a_day_and_latest_only_synthetic():
    frame = obs(("budget_revenue_total", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic", "VND_bn"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "value", 670, "903_synthetic", "VND_bn"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "est_central_pct", 20, "903_synthetic"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "est_local_pct", 10, "903_synthetic"))
    out = year_end_projections(frame, widths=BANDS)
    assert set(out["ytd_end"]) == {pd.Timestamp("2026-05-14")}
    assert list(out["target_kind"]) == ["est_local", "est_central"]
    # 670 * 365 / 134 = 1825; est_local = 670 / 10 * 100 = 6700 -> 27.24 %; est_central = 3350 -> 54.48 %
    assert out["projection"].iloc[0] == pytest.approx(1825)
    assert out["target_value"].tolist() == pytest.approx([6700, 3350])
    assert out["projected_pct_of_target"].tolist() == pytest.approx([1825 / 67, 1825 / 33.5])
    # January too, compared with the estimates implied later in the year
    assert len(year_end_projections(frame, widths=BANDS, latest_only=False)) == 4


def test_results_are_kept_by_content_of_every_input_synthetic():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"))
    flow = pd.DataFrame({"kind": ["flow"], "domain": ["trade"]}, index=pd.Index(["trade_total"], name="indicator_id"))
    first = year_end_projections(frame, widths=BANDS, catalogue=flow)
    first.loc[0, "projection"] = -1.0  # a caller's edit never reaches the next caller
    assert year_end_projections(frame, widths=BANDS, catalogue=flow).loc[0, "projection"] == pytest.approx(1200)
    stock = flow.assign(kind="stock")
    assert year_end_projections(frame, widths=BANDS, catalogue=stock).loc[0, "method"] == "not_projected"
    # the catalogue's ids count: a stock of another indicator leaves trade_total a flow
    other = stock.rename(index={"trade_total": "trade_other"})
    assert year_end_projections(frame, widths=BANDS, catalogue=other).loc[0, "method"] == "pro_rata"
    assert year_end_projections(frame, 2025, widths=BANDS, catalogue=flow).empty
    assert year_end_projections(frame.assign(value=600.0), widths=BANDS, catalogue=flow).loc[0, "projection"] \
        == pytest.approx(1440)
