"""Tests of lsreports.analysis.yearend.pace on SYNTHETIC rows; expected values computed by hand below."""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.analysis.yearend.pace import PACE_COLUMNS, PATH_COLUMNS, pace_needed, plan_paths
from lsreports.analysis.yearend.projection import year_end_projections
from helpers import obs
from helpers import BANDS


def test_pace_needed_against_the_pace_so_far_and_last_year():
    # SYNTHETIC: 500 in 5 months (+25 % -> 5M 2025 = 400), 2025 = 1200, plan 1250 (500 is 40 %)
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1200, "902_synthetic"))
    pace = pace_needed(year_end_projections(frame, 2026, widths=BANDS))
    assert list(pace.columns) == PACE_COLUMNS and len(pace) == 1
    row = pace.iloc[0]
    # needed (1250 - 500) / 7 = 107.14; so far 500 / 5 = 100; last year (1200 - 400) / 7 = 114.29
    assert row["pace_needed"] == pytest.approx(750 / 7)
    assert row["pace_so_far"] == pytest.approx(100)
    assert row["last_year_pace"] == pytest.approx(800 / 7)
    assert row["needed_vs_so_far"] == pytest.approx(750 / 700)
    assert row["needed_vs_last_year"] == pytest.approx(750 / 800)
    assert not row["reached"]


def test_plan_paths_run_past_december_for_a_plan_disbursed_into_january():
    frame = obs(("pubinv_disbursed_current", "2025-01-01", "2025-11-30", "plan_pct", 63.1, "900_synthetic"),
                ("pubinv_disbursed_current", "2025-01-01", "2026-01-31", "plan_pct", 107, "904_synthetic"),
                ("pubinv_disbursed_current", "2026-01-01", "2026-05-31", "plan_pct", 33.4, "903_synthetic"),
                ("pubinv_disbursed_current", "2026-05-31", "2026-05-31", "plan_pct", 50, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-14", "plan_pct", 40, "903_synthetic"))
    paths = plan_paths(frame, ["pubinv_disbursed_current"])
    assert list(paths.columns) == PATH_COLUMNS
    assert list(zip(paths["year"], paths["months"], paths["pct"])) == [(2025, 11, 63.1), (2025, 13, 107),
                                                                       (2026, 5, 33.4)]
    assert paths["on_pace_pct"].tolist() == pytest.approx([1100 / 12, 1300 / 12, 500 / 12])
    # to a stated day: 4 months and 14 of 31 days
    day = plan_paths(frame, ["trade_total"]).iloc[0]
    assert day["months"] == pytest.approx(4 + 14 / 31) and day["end"] == pd.Timestamp("2026-05-14")
