"""The one time-series stack (lsreports.analysis.tsa: series, decompose, forecast, results): recovery on SYNTHETIC
series with known trend and seasonality, and explicit refusals of short or irregular series."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.tsa.decompose import MIN_LENGTH as STL_MIN_LENGTH
from lsreports.analysis.tsa.decompose import decompose
from lsreports.analysis.tsa.forecast import MIN_LENGTHS, forecast
from lsreports.analysis.tsa.results import TSResult, check_monthly
from lsreports.analysis.tsa.series import monthly_series
from helpers import obs

SLOPE, AMPLITUDE, NOISE = 0.01, 0.08, 0.004  # in logs: 1 % a month, +-8 % seasonal swing
SES_MIN_LENGTH, HOLT_MIN_LENGTH = MIN_LENGTHS["ses"], MIN_LENGTHS["holt"]
HOLT_WINTERS_MIN_LENGTH, ARIMA_MIN_LENGTH = MIN_LENGTHS["holt_winters"], MIN_LENGTHS["arima"]


def synthetic_series(n: int = 48, seed: int = 0) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """SYNTHETIC monthly levels exp(log 100 + 0.01 t + 0.08 sin(2 pi t / 12) + N(0, 0.004^2));
    returns (series, log trend, log season)."""
    t = np.arange(n)
    trend, season = np.log(100) + SLOPE * t, AMPLITUDE * np.sin(2 * np.pi * t / 12)
    noise = np.random.default_rng(seed).normal(0, NOISE, n)
    index = pd.date_range("2018-01-01", periods=n, freq="MS")
    return pd.Series(np.exp(trend + season + noise), index=index, name="synthetic"), trend, season


@pytest.mark.parametrize("method", ["stl", "classical"])
def test_synthetic_decomposition_recovers_trend_and_seasonality(method):
    series, trend, season = synthetic_series()
    result = decompose(series, method)
    assert isinstance(result, TSResult) and result.ok and result.n == 48 and result.reason == ""
    parts = result.components
    middle = slice(12, 36)  # away from the ends, where both methods are weakest (classical: NaN)
    assert np.nanmax(np.abs(parts["seasonal"].to_numpy()[middle] - season[middle])) < 0.015  # amplitude 0.08
    assert np.nanmax(np.abs(parts["trend"].to_numpy()[middle] - trend[middle])) < 0.015
    slope = np.polyfit(np.arange(24), parts["trend"].to_numpy()[middle], 1)[0]
    assert slope == pytest.approx(SLOPE, abs=0.001)
    assert result.summary() == f"{method}: fitted on 48 monthly points"


def test_synthetic_holt_winters_forecast_covers_the_truth():
    series, _, _ = synthetic_series(60)
    result = forecast(series.iloc[:48], method="auto")
    assert result.ok and result.method == "holt_winters"
    truth = series.iloc[48:].to_numpy()
    frame = result.frame
    assert list(frame.columns) == ["mean", "lower_80", "upper_80", "lower_95", "upper_95"]
    assert (frame.index == series.index[48:].to_period("M")).all()
    assert np.max(np.abs(frame["mean"].to_numpy() / truth - 1)) < 0.03          # noise sd 0.4 %
    bounds = result.intervals(95)
    # one 12-month path of one seed: the nominal 95 % is not checked exactly, but most months must fall inside
    assert ((bounds["lower"].to_numpy() <= truth) & (truth <= bounds["upper"].to_numpy())).mean() >= 0.6
    assert (result.intervals(80)["upper"] < bounds["upper"]).all()
    with pytest.raises(ValueError, match="no 90 % interval"):
        result.intervals(90)


@pytest.mark.parametrize("method", ["ses", "holt", "arima"])
def test_synthetic_non_seasonal_forecasts_have_intervals(method):
    t = np.arange(30)
    series = pd.Series(50 + 1.5 * t + np.random.default_rng(1).normal(0, 1, 30),
                       index=pd.date_range("2020-01-01", periods=30, freq="MS"))  # SYNTHETIC linear trend
    result = forecast(series, method, horizon=3)
    assert result.ok, result.reason
    frame = result.frame
    assert ((frame["lower_95"] < frame["mean"]) & (frame["mean"] < frame["upper_95"])).all()
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
    assert result.status == "refused" and not result.ok
    assert result.min_length == minimum and result.frame.empty
    assert f"only {n} monthly points" in result.reason
    assert result.summary() == f"{result.method}: not fitted (only {n} monthly points; needs {minimum} monthly points)"


def test_missing_months_count_as_missing_and_are_interpolated_in_logs():
    series, _, _ = synthetic_series(STL_MIN_LENGTH)
    gappy = series.drop(series.index[[10, 11]])  # 22 observed months over a 24-month span
    result = decompose(gappy)
    assert result.status == "refused" and "only 22 monthly points" in result.reason
    longer, _, _ = synthetic_series(48)
    result = decompose(longer.drop(longer.index[[10, 11]]))
    assert result.ok and result.n == 46 and len(result.components) == 48
    observed = result.components["observed"]
    assert np.isclose(observed.iloc[10], observed.iloc[9] + (observed.iloc[12] - observed.iloc[9]) / 3)
    sparse = longer.iloc[::2]  # every other month: 24 observed over a 47-month span, 23 missing
    result = forecast(sparse, "ses")
    assert result.status == "refused" and "23 of the 47 months between 2018-01 and 2021-11 missing" in result.reason
    as_nan = longer.copy()
    as_nan.iloc[1:40:2] = np.nan  # the same months NaN instead of absent: the same refusal
    assert "20 of the 48 months" in decompose(as_nan).reason


def test_non_positive_infinite_or_unknown_are_refused_or_raised():
    series, _, _ = synthetic_series(48)
    negative = series.copy()
    negative.iloc[5] = -1.0
    assert "must be positive" in forecast(negative).reason and decompose(negative).status == "refused"
    infinite = series.copy()
    infinite.iloc[5] = np.inf
    assert "1 infinite values" in decompose(infinite).reason
    with pytest.raises(ValueError, match="unknown method"):
        decompose(series, "x13")
    with pytest.raises(ValueError, match="horizon must be at least 1"):
        forecast(series, horizon=0)


def test_check_monthly_other_irregularities():
    days = pd.Series([1.0, 2.0, 3.0], index=pd.date_range("2020-01-01", periods=3, freq="D"))
    assert "not month starts" in check_monthly(days, 1)
    assert "not dates" in check_monthly(pd.Series([1.0, 2.0]), 1)
    assert "not a pandas Series" in check_monthly([1, 2, 3], 1)
    periods = pd.Series([1.0, 2.0], index=pd.period_range("2020-01", periods=2, freq="M"))
    assert check_monthly(periods, 2) == ""
    assert check_monthly(periods, 3) == "only 2 monthly points"
    with pytest.raises(ValueError, match="unknown method 'nope'"):
        forecast(pd.Series([1.0] * 8, index=pd.date_range("2020-01-01", periods=8, freq="MS")), method="nope")


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
