"""Rolling-origin scores on SYNTHETIC series whose right answers are known by construction."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lsreports.analysis.tsa.backtest import mase_scale, rolling_origin, score, winners


def trend_and_season(months: int = 84) -> pd.Series:
    """SYNTHETIC: an exact seasonal pattern on a linear trend (no noise)."""
    t = np.arange(months)
    season = np.tile([5, 3, 8, 6, 7, 9, 10, 9, 8, 7, 9, 12], months // 12 + 1)[:months]
    return pd.Series(100 + 2.0 * t + season, index=pd.period_range("2015-01", periods=months, freq="M"),
                     name="synthetic")


def test_seasonal_naive_scores_exactly_one_on_a_linear_trend():
    # every forecast misses by 12 months of trend (24), the in-sample scale is the same 24
    result = rolling_origin(trend_and_season(), pd.period_range("2019-01", "2019-06", freq="M"),
                            methods=("seasonal_naive",))
    scores = result.scores()
    assert np.isclose(scores.loc[0, "mase"], 1.0)
    assert len(result.errors) == 6 * 12 and result.errors["actual"].notna().all()


def test_nothing_after_the_origin_is_used():
    series = trend_and_season()
    spoiled = series.copy()
    spoiled["2019-07":] *= 10
    origins = pd.period_range("2019-03", "2019-06", freq="M")
    a = rolling_origin(series, origins, methods=("ets",)).errors
    b = rolling_origin(spoiled, origins, methods=("ets",)).errors
    assert np.allclose(a["mean"], b["mean"])


def test_mase_scale_and_coverage_by_hand():
    assert mase_scale(np.r_[np.zeros(12), np.full(12, 3.0)]) == 3.0
    errors = pd.DataFrame({
        "series": "s", "method": "m", "origin": [1, 1, 2, 2], "actual": [10.0, 10, 10, 10],
        "mean": [10.0, 12, 8, 10], "lower_80": [9.0, 11, 7, 11], "upper_80": [11.0, 13, 9, 12],
        "lower_95": [8.0, 9, 6, 9], "upper_95": [12.0, 14, 11, 13], "scale": 2.0, "status": "ok"})
    row = score(errors).iloc[0]
    assert row["mase"] == (0 + 1 + 1 + 0) / 4
    assert row["coverage_80"] == 25.0 and row["coverage_95"] == 100.0


def test_winner_is_the_lowest_mase_among_methods_that_mostly_fit():
    scores = pd.DataFrame({"series": ["s"] * 3, "method": ["a", "b", "c"], "mase": [0.9, 0.5, 0.7],
                           "forecasts": [120] * 3, "failed": [0, 5, 0]})
    assert winners(scores)["s"] == "c"


def test_a_month_the_series_lacks_is_not_scored_against_its_interpolation():
    """Issue 23: the country's series have months no release prints; the models fill them in logs,
    the backtest must not score a forecast against that fill."""
    series = trend_and_season()
    series["2019-04":"2019-05"] = np.nan
    result = rolling_origin(series, pd.period_range("2019-01", "2019-02", freq="M"), methods=("seasonal_naive",))
    missing = result.errors["month"].isin(pd.period_range("2019-04", "2019-05", freq="M"))
    assert result.errors.loc[missing, "actual"].isna().all() and result.errors.loc[~missing, "actual"].notna().all()
    assert result.scores().loc[0, "forecasts"] == (~missing).sum()
