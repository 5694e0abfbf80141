"""Tests of lsreports.analysis.yearend.national_profile on SYNTHETIC national series; expected values by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.yearend.backtest import backtest_pairs
from lsreports.analysis.yearend.national_profile import (NATIONAL_BACKTEST_COLUMNS, compare_methods, cumulative,
                                                 national_backtest, national_share, oracle_share)
from helpers import obs


def national(years: dict[int, list[float]], indicator_id: str = "vn_retail_sales") -> pd.DataFrame:
    """SYNTHETIC national month rows: {year: [January, February, ...]}."""
    rows = []
    for year, values in years.items():
        for month, value in enumerate(values, start=1):
            start = pd.Timestamp(year=year, month=month, day=1)
            rows.append((indicator_id, start, start + pd.offsets.MonthEnd(0), "value", value, "gso_synthetic",
                         "VND_bn"))
    return obs(*rows)


def monthly(years: dict[int, list[float]]) -> pd.Series:
    from lsreports.analysis.yearend.national_profile import national_monthly

    return national_monthly(national(years), ("vn_retail_sales",))


def test_cumulative_takes_a_stated_day_pro_rata_and_refuses_gaps():
    series = monthly({2024: [10.0] * 12})
    assert cumulative(series, 2024, 5) == pytest.approx(50)
    assert cumulative(series, 2024, 4 + 14 / 31) == pytest.approx(40 + 10 * 14 / 31)
    assert np.isnan(cumulative(series, 2023, 5))


def test_share_is_the_mean_of_earlier_years_only():
    # SYNTHETIC: 2023 first half 60 of 120 (0.5); 2024 first half 30 of 120 (0.25); 2025 (the year projected) ignored
    series = monthly({2023: [10.0] * 12, 2024: [5.0] * 6 + [15.0] * 6, 2025: [1.0] * 12})
    share, years = national_share(series, pd.Timestamp("2025-06-30"), 12, 2025, years=3)
    assert years == [2023, 2024] and share == pytest.approx((0.5 + 0.25) / 2)
    assert oracle_share(series, pd.Timestamp("2025-06-30"), 12, 2025) == pytest.approx(0.5)


def test_national_backtest_scores_the_pair_without_look_ahead():
    # SYNTHETIC province: H1 2025 = 600, 11M 2025 = 1200; national 2022-2024 flat: share 6/11 -> 1100
    frame = obs(("retail_sales", "2025-01-01", "2025-06-30", "value", 600, "901_synthetic", "VND_bn"),
                ("retail_sales", "2025-01-01", "2025-11-30", "value", 1200, "900_synthetic", "VND_bn"))
    nat = national({2022: [10.0] * 12, 2023: [10.0] * 12, 2024: [10.0] * 12, 2025: [1.0, 50.0] + [1.0] * 10})
    bt = backtest_pairs(frame)
    scored = national_backtest(bt, nat)
    assert list(scored.columns) == NATIONAL_BACKTEST_COLUMNS
    row = scored.iloc[0]
    assert row["profile_years"] == "2022, 2023, 2024"
    assert row["national_projection"] == pytest.approx(1100)
    assert row["national_ape"] == pytest.approx(100 / 1200 * 100)
    # the 2025 national months are the oracle's: (1 + 50 + 4) / (1 + 50 + 9) = 55/60 -> 600 / (55/60)
    assert row["oracle_projection"] == pytest.approx(600 * 60 / 55)
    table = compare_methods(bt, scored)
    assert table.loc[0, "prorata_ape"] == pytest.approx(100 / 1200 * 100)  # 600 * 11/6 = 1100
    assert table.attrs["per_indicator"].loc[0, "national_ape"] == pytest.approx(100 / 12)
