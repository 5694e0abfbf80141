"""STL decomposition and the Tết effect on SYNTHETIC series with a known holiday dip."""
from __future__ import annotations

import numpy as np
import pandas as pd

from lsreports.analysis.tsa.calendar import tet_days
from lsreports.analysis.tsa.decompose import decompose, tet_effect


def with_tet_dip(per_day: float, months: int = 132, seed: int = 1) -> pd.Series:
    """SYNTHETIC: trend + season + noise, each Tết holiday day taking ``per_day`` off the level (log)."""
    rng = np.random.default_rng(seed)
    index = pd.period_range("2013-01", periods=months, freq="M")
    t = np.arange(months)
    logs = 6 + 0.004 * t + 0.05 * np.cos(2 * np.pi * t / 12) + rng.normal(0, 0.005, months)
    return pd.Series(np.exp(logs + per_day * tet_days(index).to_numpy()), index=index, name="synthetic")


def test_components_add_up_to_the_observed_logs():
    parts = decompose(with_tet_dip(0.0)).components
    assert np.allclose(parts["trend"] + parts["seasonal"] + parts["remainder"], parts["observed"])


def test_a_holiday_dip_is_found_and_an_absent_one_is_not():
    found = tet_effect(with_tet_dip(-0.02))
    assert -0.025 < found["coefficient"] < -0.015 and found["t_stat"] < -5
    assert found["sd_after"] < 0.7 * found["sd_before"]
    assert abs(tet_effect(with_tet_dip(0.0))["t_stat"]) < 3


def test_adjusting_for_tet_shrinks_the_january_february_remainder():
    series = with_tet_dip(-0.02)
    raw = decompose(series).components
    adjusted = decompose(series, adjust_tet=True).components
    early = np.isin(raw.index.month, (1, 2))
    assert adjusted["remainder"][early].std() < raw["remainder"][early].std() / 2
