"""Tests of lsreports.analysis.yearend.uncertainty on SYNTHETIC backtest errors; expected values by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsreports.analysis.yearend.backtest import BACKTEST_COLUMNS
from lsreports.analysis.yearend.uncertainty import BAND_COLUMNS, band, band_widths, verdict


def errors(*rows: tuple) -> pd.DataFrame:
    """SYNTHETIC backtest rows: (indicator_id, share_remaining, prorata_ape, growth_ape[, flags])."""
    records = [{"pair": "synthetic", "indicator_id": r[0], "share_remaining": r[1], "prorata_ape": r[2],
                "growth_ape": r[3], "flags": r[4] if len(r) > 4 else ""} for r in rows]
    return pd.DataFrame(records).reindex(columns=BACKTEST_COLUMNS)


def test_band_widths_scale_errors_to_a_whole_year_and_pool_small_domains():
    table = errors(("a", 0.5, 10, 5), ("b", 0.5, 20, 10), ("c", 0.8, 8, np.nan), ("d", 0.5, 1000, 1, "unit_anomaly"))
    widths = band_widths(table, pd.Series({"a": "trade", "b": "trade", "c": "budget"}), level=0.5, min_indicators=2)
    assert list(widths.columns) == BAND_COLUMNS
    pooled = widths.set_index(["method", "domain"])
    # pro-rata scaled: 10/0.5 = 20, 20/0.5 = 40, 8/0.8 = 10 (the flagged row is left out) -> median 20
    assert pooled.loc[("prorata", "all"), "width_pct_per_year"] == pytest.approx(20)
    assert pooled.loc[("prorata", "all"), "n"] == 3
    # trade has 2 errors (enough at min_indicators=2): median of 20 and 40 = 30; budget has 1: no own band
    assert pooled.loc[("prorata", "trade"), "width_pct_per_year"] == pytest.approx(30)
    assert ("prorata", "budget") not in pooled.index
    # growth: 10 and 20 (c has no growth error) -> median 15
    assert pooled.loc[("growth", "all"), "width_pct_per_year"] == pytest.approx(15)


def test_band_uses_the_domain_when_it_has_one_and_never_goes_below_the_floor():
    widths = pd.DataFrame([
        {"method": "growth", "domain": "all", "n": 9, "quantile": 0.8, "width_pct_per_year": 10.0, "pairs": "p"},
        {"method": "growth", "domain": "trade", "n": 6, "quantile": 0.8, "width_pct_per_year": 40.0, "pairs": "p"}])
    assert band(widths, "growth", "trade", 100.0, 0.5)[:2] == (80.0, 120.0)   # 100 * 40 % * 0.5
    assert band(widths, "growth", "budget", 100.0, 0.5)[:2] == (95.0, 105.0)  # pooled 10 %
    assert band(widths, "growth", "trade", 100.0, 0.5, floor=90.0)[0] == 90.0
    lower, upper, why = band(widths, "pro_rata", "trade", 100.0, 0.5)
    assert np.isnan(lower) and np.isnan(upper) and "no backtest errors" in why


@pytest.mark.parametrize("lower, upper, expected", [
    (100.0, 120.0, "likely"), (99.9, 120.0, "undetermined"), (80.0, 99.9, "unlikely"), (80.0, 100.0, "undetermined"),
    (np.nan, np.nan, "undetermined")])
def test_verdict_thresholds(lower, upper, expected):
    assert verdict(lower, upper) == expected
