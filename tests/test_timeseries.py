"""Tests of lsreports.analysis.tsa.timeseries: recovery on SYNTHETIC series with known trend and seasonality,
and explicit insufficient-data results on short, gappy or NaN series."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.tsa.timeseries import (ARIMA_MIN_LENGTH, HOLT_MIN_LENGTH, HOLT_WINTERS_MIN_LENGTH, SES_MIN_LENGTH,
                                  STL_MIN_LENGTH, TSResult, check_monthly, decompose, forecast, monthly_series)
from test_derive import obs

SLOPE, AMPLITUDE, NOISE = 2.0, 10.0, 0.5


def synthetic_series(n: int = 48, seed: int = 0) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """SYNTHETIC monthly series: 100 + 2 t + 10 sin(2 pi t / 12) + N(0, 0.5^2); returns (series, trend, season)."""
    t = np.arange(n)
    trend, season = 100 + SLOPE * t, AMPLITUDE * np.sin(2 * np.pi * t / 12)
    noise = np.random.default_rng(seed).normal(0, NOISE, n)
    index = pd.date_range("2018-01-01", periods=n, freq="MS")
    return pd.Series(trend + season + noise, index=index), trend, season


@pytest.mark.parametrize("method", ["stl", "classical"])
def test_synthetic_decomposition_recovers_trend_and_seasonality(method):
    series, trend, season = synthetic_series()
    result = decompose(series, method)
    assert result.ok and result.n == 48 and result.reason == ""
    parts = result.components
    middle = slice(12, 36)  # away from the ends, where both methods are weakest (classical: NaN)
    assert np.nanmax(np.abs(parts["seasonal"].to_numpy()[middle] - season[middle])) < 1.5  # amplitude 10
    assert np.nanmax(np.abs(parts["trend"].to_numpy()[middle] - trend[middle])) < 1.5
    slope = np.polyfit(np.arange(24), parts["trend"].to_numpy()[middle], 1)[0]
    assert slope == pytest.approx(SLOPE, abs=0.1)


def test_synthetic_holt_winters_forecast_covers_the_truth():
    series, _, _ = synthetic_series(60)
    result = forecast(series.iloc[:48], horizon=12, method="auto")
    assert result.ok and result.method == "holt_winters"
    truth = series.iloc[48:].to_numpy()
    frame = result.forecast
    assert list(frame.columns) == ["mean", "lower", "upper"]
    assert (frame.index == series.index[48:]).all()
    assert np.max(np.abs(frame["mean"].to_numpy() - truth)) < 3.0          # noise sd 0.5, level ~200
    assert ((frame["lower"].to_numpy() <= truth) & (truth <= frame["upper"].to_numpy())).mean() >= 0.9
    assert (frame["upper"] > frame["lower"]).all()


@pytest.mark.parametrize("method", ["ses", "holt", "arima"])
def test_synthetic_non_seasonal_forecasts_have_intervals(method):
    t = np.arange(30)
    series = pd.Series(50 + 1.5 * t + np.random.default_rng(1).normal(0, 1, 30),
                       index=pd.date_range("2020-01-01", periods=30, freq="MS"))  # SYNTHETIC linear trend
    result = forecast(series, horizon=3, method=method)
    assert result.ok, result.reason
    frame = result.forecast
    assert ((frame["lower"] < frame["mean"]) & (frame["mean"] < frame["upper"])).all()
    if method in ("holt", "arima"):  # trend models continue the slope: 50 + 1.5 * 31 = 96.5 at t = 31
        assert frame["mean"].iloc[1] == pytest.approx(96.5, abs=3)


def test_auto_picks_the_richest_model_the_length_allows():
    series, _, _ = synthetic_series(48)
    assert forecast(series.iloc[:SES_MIN_LENGTH]).method == "ses"
    assert forecast(series.iloc[:HOLT_MIN_LENGTH]).method == "holt"
    assert forecast(series.iloc[:HOLT_WINTERS_MIN_LENGTH]).method == "holt_winters"


@pytest.mark.parametrize("n, method, minimum", [
    (3, "stl", STL_MIN_LENGTH), (23, "classical", STL_MIN_LENGTH),
])
def test_short_series_are_not_decomposed(n, method, minimum):
    series, _, _ = synthetic_series(n)
    result = decompose(series, method)
    assert isinstance(result, TSResult) and not result.ok
    assert result.min_length == minimum and result.components is None
    assert f"only {n} monthly points" in result.reason
    assert "not fitted" in result.summary()


@pytest.mark.parametrize("n, method, minimum", [
    (1, "ses", SES_MIN_LENGTH), (5, "ses", SES_MIN_LENGTH), (9, "holt", HOLT_MIN_LENGTH),
    (35, "holt_winters", HOLT_WINTERS_MIN_LENGTH), (23, "arima", ARIMA_MIN_LENGTH), (0, "auto", SES_MIN_LENGTH),
])
def test_short_series_are_not_forecast(n, method, minimum):
    series, _, _ = synthetic_series(max(n, 1))
    result = forecast(series.iloc[:n], method=method)
    assert not result.ok and result.min_length == minimum and result.forecast is None


def test_nan_and_gaps_are_refused_not_imputed():
    series, _, _ = synthetic_series(48)
    with_nan = series.copy()
    with_nan.iloc[10] = np.nan
    assert "missing or non-finite" in forecast(with_nan).reason
    assert "missing or non-finite" in decompose(with_nan).reason
    gappy = series.drop(series.index[[10, 11]])
    result = decompose(gappy)
    assert not result.ok and "2 missing months" in result.reason and "2018-11" in result.reason


def test_check_monthly_other_irregularities():
    days = pd.Series([1.0, 2.0, 3.0], index=pd.date_range("2020-01-01", periods=3, freq="D"))
    assert "not month starts" in check_monthly(days, 1)
    assert "not dates" in check_monthly(pd.Series([1.0, 2.0]), 1)
    assert "not a pandas Series" in check_monthly([1, 2, 3], 1)
    periods = pd.Series([1.0, 2.0], index=pd.period_range("2020-01", periods=2, freq="M"))
    assert check_monthly(periods, 2) == ""
    assert forecast(pd.Series([1.0] * 8, index=pd.date_range("2020-01-01", periods=8, freq="MS")),
                    method="nope").ok is False


def test_monthly_series_prefers_the_latest_report_and_reports_gaps():
    frame = obs(("trade_total", "2025-11-01", "2025-11-30", "value", 500, "900_synthetic"),
                ("trade_total", "2026-01-01", "2026-01-31", "value", 700, "904_synthetic"),
                ("trade_total", "2026-01-01", "2026-01-31", "value", 710, "903_synthetic"),  # later report
                ("trade_total", "2026-05-01", "2026-05-31", "value", 900, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "value", 4000, "903_synthetic"),  # not a month
                ("trade_total", "2026-05-01", "2026-05-31", "yoy_pct", 5, "903_synthetic"))
    frame.loc[frame["source_doc"] == "904_synthetic", "end"] = pd.Timestamp("2026-01-31")
    result = monthly_series(frame, "trade_total")
    assert result.series.tolist() == [500, 710, 900]
    assert result.sources.tolist() == ["900_synthetic", "903_synthetic", "903_synthetic"]
    assert result.duplicates == 1 and not result.regular
    assert [f"{g:%Y-%m}" for g in result.gaps] == ["2025-12", "2026-02", "2026-03", "2026-04"]
    assert not decompose(result.series).ok and not forecast(result.series).ok
