"""Tests of lsreports.analysis.yearend.national_profile on SYNTHETIC national series; expected values by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.yearend.backtest import backtest_pairs
from lsreports.analysis.yearend.national_profile import (NATIONAL_BACKTEST_COLUMNS, YEAR_END_COLUMNS, compare_methods,
                                                         conditioned_share, cumulative, national_backtest,
                                                         national_monthly, national_share, national_year_end,
                                                         oracle_share)
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
    # known months (published by the end of June: January-May 2025) = 1 + 50 + 1 + 1 + 1 = 54; 12-month growth
    # (54 + 120 - 50) / 120; expected Jan-Nov 110 * 124/120; June adds 1/11 of it, Jan-Nov 6/11 -> 600 / share
    expected = 110 * 124 / 120
    share = (54 + expected / 11) / (54 + 6 / 11 * expected)
    assert row["known_months"] == 5 and row["known_projection"] == pytest.approx(600 / share)
    assert row["known_ape"] == pytest.approx(abs(600 / share - 1200) / 1200 * 100)
    table = compare_methods(bt, scored)
    assert table.loc[0, "prorata_ape"] == pytest.approx(100 / 1200 * 100)  # 600 * 11/6 = 1100
    assert table.attrs["per_indicator"].loc[0, "national_ape"] == pytest.approx(100 / 12)
    assert table.attrs["per_indicator"].loc[0, "known_ape"] == pytest.approx(row["known_ape"])


# Issue 23: the 2026 year end uses the national months of 2026 published by its projection date, and the
# latest whole years of the joined series (a year may be whole through its printed years to date).

def _with_ytd(years: dict[int, list[float]], ytds: dict[tuple[int, int], float]) -> pd.DataFrame:
    """SYNTHETIC national months (NaN: not printed) plus printed years to date {(year, last month): level}."""
    frame = national(years)
    frame = frame.loc[frame["value"].notna()].reset_index(drop=True)
    if not ytds:
        return frame
    extra = obs(*[("vn_retail_sales", f"{y}-01-01", pd.Timestamp(year=y, month=m, day=1) + pd.offsets.MonthEnd(0),
                   "value", v, "gso_synthetic", "VND_bn") for (y, m), v in ytds.items()])
    return pd.concat([frame, extra], ignore_index=True)


def test_a_year_whole_by_its_years_to_date_joins_the_profile():
    # SYNTHETIC: 2022-2024 flat 100 a month (share of January-May 5/12); 2025 prints no March-May, but January-June
    # (500) and the year (1100): January-May = 500 - June (100) = 400, share 400/1100. The old rule (months only)
    # skipped 2025 and averaged 2022-2024.
    nan = float("nan")
    frame = _with_ytd({2022: [100.0] * 12, 2023: [100.0] * 12, 2024: [100.0] * 12,
                       2025: [50.0, 50.0, nan, nan, nan] + [100.0] * 7}, {(2025, 6): 500.0, (2025, 12): 1100.0})
    series = national_monthly(frame, ("vn_retail_sales",))
    assert cumulative(series, 2025, 5) == pytest.approx(400)
    share, years = national_share(series, pd.Timestamp("2026-05-31"), 12, 2026)
    assert years == [2023, 2024, 2025]
    assert share == pytest.approx((400 / 1100 + 2 * 5 / 12) / 3)


def _projection(ytd_end: str, value: float) -> pd.DataFrame:
    """SYNTHETIC projection row of the province's retail sales (the columns national_year_end reads)."""
    end = pd.Timestamp(ytd_end)
    return pd.DataFrame([{"indicator_id": "retail_sales", "year": end.year, "ytd_end": end, "ytd_value": value,
                          "method": "growth"}])


def test_the_year_end_takes_the_known_months_of_the_year_as_printed():
    # SYNTHETIC: 2022-2025 flat 100 a month; January 2026 printed at 200, February-April not printed. The year to
    # date ends in May, so January-April 2026 are published by then; January is the last month the data give.
    # 12 months to January 2026 = 200 + 1200 - 100 = 1300 against 1200 a year earlier: growth 13/12, expected
    # 2026 = 1200 * 13/12 = 1300. January-May = 200 + (5/12 - 1/12) * 1300; the year = 200 + (11/12) * 1300.
    nan = float("nan")
    years = {y: [100.0] * 12 for y in (2022, 2023, 2024, 2025)}
    frame = _with_ytd({**years, 2026: [200.0] + [nan] * 11}, {})
    share, used, known, growth = conditioned_share(national_monthly(frame, ("vn_retail_sales",)),
                                                   pd.Timestamp("2026-05-31"), 12.0, 2026, known_to=4)
    expected = (200 + 4 / 12 * 1300) / (200 + 11 / 12 * 1300)
    assert (known, used) == (1, [2023, 2024, 2025]) and growth == pytest.approx(13 / 12)
    assert share == pytest.approx(expected)
    assert share != pytest.approx(5 / 12)  # the profile alone (the old year end) ignored January 2026
    table = national_year_end(_projection("2026-05-31", 1000.0), frame)
    assert list(table.columns) == YEAR_END_COLUMNS
    row = table.iloc[0]
    assert (row["known_months"], row["profile_years"]) == (1, "2023, 2024, 2025")
    assert row["national_projection"] == pytest.approx(1000 / expected)


def test_the_year_end_uses_no_national_month_published_after_its_projection_date():
    # SYNTHETIC: as above, plus May-December 2026 (published after a January-May year to date is reported) at 5000:
    # the year end is unchanged. A January year to date (nothing of 2026 published by then) takes the profile alone.
    nan = float("nan")
    years = {y: [100.0] * 12 for y in (2022, 2023, 2024, 2025)}
    known_only = _with_ytd({**years, 2026: [200.0] + [nan] * 11}, {})
    later_too = _with_ytd({**years, 2026: [200.0, nan, nan, nan] + [5000.0] * 8}, {})
    before = national_year_end(_projection("2026-05-31", 1000.0), known_only).iloc[0]
    after = national_year_end(_projection("2026-05-31", 1000.0), later_too).iloc[0]
    assert after["national_share"] == pytest.approx(before["national_share"])
    january = national_year_end(_projection("2026-01-31", 100.0), later_too).iloc[0]
    assert january["known_months"] == 0 and np.isnan(january["trailing_growth"])
    assert january["national_share"] == pytest.approx(1 / 12)


def test_a_year_to_date_published_after_the_projection_date_gives_no_known_month():
    # SYNTHETIC: January 2026 printed (200) and a January-June 2026 year to date (published in July) with May and
    # June: January-April = 1000 - May - June could be had from it, but not by the end of May. Only January is known.
    nan = float("nan")
    years = {y: [100.0] * 12 for y in (2022, 2023, 2024, 2025)}
    frame = _with_ytd({**years, 2026: [200.0, nan, nan, nan, 150.0, 150.0] + [nan] * 6}, {(2026, 6): 1000.0})
    series = national_monthly(frame, ("vn_retail_sales",))
    assert cumulative(series, 2026, 4) == pytest.approx(700)  # the data hold it, after the fact
    share, used, known, growth = conditioned_share(series, pd.Timestamp("2026-05-31"), 12.0, 2026, known_to=4)
    assert known == 1 and share == pytest.approx((200 + 4 / 12 * 1300) / (200 + 11 / 12 * 1300))
