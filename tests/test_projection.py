"""Tests of lsreports.analysis.projection on SYNTHETIC frames; expected values computed by hand below."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.projection import PROJECTION_COLUMNS, prorata_factor, year_end_projections
from test_derive import obs


def test_prorata_factor_months_days_and_leap_years():
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31")) == (12 / 5, "5 months")
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-31")) == (12.0, "1 month")
    # 1 Jan..14 May 2026 is 31+28+31+30+14 = 134 days of 365
    assert prorata_factor(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-14")) == (365 / 134, "134 days")
    # 2024 is a leap year: 1 Jan..14 May is 135 days of 366
    assert prorata_factor(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-05-14")) == (366 / 135, "135 days")


def test_seasonal_share_projection_against_plan_synthetic():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1200, "902_synthetic"))
    out = year_end_projections(frame, 2026)
    assert list(out.columns) == PROJECTION_COLUMNS and len(out) == 1
    row = out.iloc[0]
    # by hand: 5M 2025 = 500 / 1.25 = 400; share = 400 / 1200 = 1/3; seasonal = 500 * 3 = 1500
    assert row["prev_ytd_value"] == pytest.approx(400)
    assert row["seasonal_share"] == pytest.approx(1 / 3)
    assert row["seasonal_projection"] == pytest.approx(1500)
    assert row["prorata_projection"] == pytest.approx(1200)  # 500 * 12 / 5
    assert row["method"] == "seasonal_share" and row["projection"] == pytest.approx(1500)
    assert row["reason"] == ""
    # plan = 500 / 40 * 100 = 1250; 1500 / 1250 = 120 %; pro-rata 1200 / 1250 = 96 %
    assert row["target_kind"] == "plan" and row["target_value"] == pytest.approx(1250)
    assert row["ytd_pct_of_target"] == pytest.approx(40)
    assert row["projected_pct_of_target"] == pytest.approx(120)
    assert row["prorata_pct_of_target"] == pytest.approx(96)
    assert row["verdict"] == "on track for 120.0 % of plan (seasonal share)"
    assert row["prev_annual_from"] == "printed (902_synthetic)"


def test_missing_annual_level_falls_back_to_prorata_with_reason():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25))
    row = year_end_projections(frame).iloc[0]
    assert row["method"] == "pro_rata" and row["projection"] == pytest.approx(1200)
    assert "no level for the whole of 2025" in row["reason"]
    assert np.isnan(row["seasonal_projection"]) and np.isnan(row["target_value"])
    assert "no plan printed" in row["verdict"]


def test_missing_yoy_is_named_in_reason():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1200))
    row = year_end_projections(frame).iloc[0]
    assert row["method"] == "pro_rata"
    assert "no level for 2025-01-01..2025-05-31" in row["reason"]


def test_inconsistent_share_is_refused():
    # 5M 2025 = 500 / 1.25 = 400 > whole of 2025 = 300: a share of 4/3 is impossible
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 300))
    row = year_end_projections(frame).iloc[0]
    assert row["method"] == "pro_rata" and "outside (0, 1]" in row["reason"]


def test_year_to_a_day_and_latest_only_synthetic():
    frame = obs(("budget_revenue_total", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic", "VND_bn"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "value", 670, "903_synthetic", "VND_bn"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "est_central_pct", 20, "903_synthetic"),
                ("budget_revenue_total", "2026-01-01", "2026-05-14", "est_local_pct", 10, "903_synthetic"))
    out = year_end_projections(frame)
    assert set(out["ytd_end"]) == {pd.Timestamp("2026-05-14")}
    assert list(out["target_kind"]) == ["est_local", "est_central"]
    # 670 * 365 / 134 = 1825; est_local = 670 / 10 * 100 = 6700 -> 27.24 %; est_central = 3350 -> 54.48 %
    assert out["projection"].iloc[0] == pytest.approx(1825)
    assert out["target_value"].tolist() == pytest.approx([6700, 3350])
    assert out["projected_pct_of_target"].tolist() == pytest.approx([1825 / 67, 1825 / 33.5])
    # January too, compared with the estimates implied later in the year
    assert len(year_end_projections(frame, latest_only=False)) == 4
