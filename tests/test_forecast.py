"""Forecasting methods on SYNTHETIC monthly series (made-up numbers, seeded)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import synthetic_series
from lsreports.analysis.tsa import forecast as fc


@pytest.mark.parametrize("method", fc.METHODS)
def test_every_method_gives_twelve_months_with_nested_intervals(method):
    result = fc.forecast(synthetic_series(), method)
    frame = result.frame
    assert result.status in {"ok", "not converged"} and len(frame) == 12
    assert frame.index[0] == pd.Period("2023-01", freq="M")
    assert (frame["lower_95"] <= frame["lower_80"]).all() and (frame["lower_80"] <= frame["mean"]).all()
    assert (frame["mean"] <= frame["upper_80"]).all() and (frame["upper_80"] <= frame["upper_95"]).all()
    truth = synthetic_series(108).iloc[96:]
    assert (np.abs(frame["mean"].to_numpy() / truth.to_numpy() - 1) < 0.1).all()


def test_seasonal_naive_repeats_last_year_and_widens_a_year_later():
    series = synthetic_series()
    result = fc.forecast(series, "seasonal_naive", horizon=24)
    assert np.allclose(result.frame["mean"].to_numpy()[:12], series.to_numpy()[-12:])
    width = np.log(result.frame["upper_95"] / result.frame["lower_95"])
    assert np.isclose(width.iloc[12] / width.iloc[0], np.sqrt(2))


def test_a_failing_fit_is_reported_not_raised(monkeypatch):
    def broken(y, horizon, params=None):
        raise np.linalg.LinAlgError("SYNTHETIC failure")

    monkeypatch.setitem(fc._FITTERS, "ets", broken)
    result = fc.forecast(synthetic_series(), "ets")
    assert result.status == "failed" and result.frame.empty
    assert "SYNTHETIC failure" in result.messages[0] and "failed" in result.summary()


def test_short_or_non_positive_series_are_refused_and_unknown_methods_raised():
    short = fc.forecast(synthetic_series(24), "ets")
    assert short.status == "refused" and short.min_length == 36 and "only 24 monthly points" in short.reason
    negative = synthetic_series()
    negative.iloc[3] = -1
    assert "positive" in fc.forecast(negative, "ets").reason
    with pytest.raises(ValueError, match="at least 36"):
        fc.prepare(synthetic_series(24))
    with pytest.raises(ValueError, match="unknown method"):
        fc.forecast(synthetic_series(), "prophet")


def test_gaps_are_filled_in_logs():
    series = synthetic_series()
    series.iloc[40] = np.nan
    logs = fc.prepare(series)
    assert np.isclose(logs.iloc[40], (logs.iloc[39] + logs.iloc[41]) / 2)
