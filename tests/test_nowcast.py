"""Tests of lsreports.analysis.yearend.nowcast on SYNTHETIC frames; expected values by hand."""
from __future__ import annotations

import pytest

from lsreports.sources.contract import normalise_observations
from lsreports.analysis.levels import level_lookup
from lsreports.analysis.yearend.nowcast import previous_year_level
from helpers import obs


def test_whole_year_is_preferred_to_eleven_months():
    frame = normalise_observations(obs(("trade_total", "2025-01-01", "2025-11-30", "value", 1100, "900_synthetic"),
                           ("trade_total", "2025-01-01", "2025-12-31", "value", 1250, "905_synthetic")))
    level = previous_year_level(level_lookup(frame), "trade_total", 2026, "903_synthetic")
    assert level.value == 1250 and level.assumption == "" and level.source == "printed (905_synthetic)"


def test_eleven_months_implied_by_a_growth_rate_with_december_estimated():
    # SYNTHETIC: 11 months of 2026 = 1320, +20 % -> 11 months of 2025 = 1100 -> 2025 = 1200
    frame = normalise_observations(obs(("trade_total", "2026-01-01", "2026-11-30", "value", 1320, "906_synthetic"),
                           ("trade_total", "2026-01-01", "2026-11-30", "yoy_pct", 20, "906_synthetic")))
    level = previous_year_level(level_lookup(frame), "trade_total", 2026, "906_synthetic")
    assert level.value == pytest.approx(1200) and not level.printed
    assert "x 12/11" in level.source and "December 2025" in level.assumption


def test_no_level_is_none():
    frame = normalise_observations(obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500)))
    assert previous_year_level(level_lookup(frame), "trade_total", 2026, "900_synthetic") is None
    assert previous_year_level({}, "trade_total", 2026, "x") is None
