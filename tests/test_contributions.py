"""Tests of lsreports.analysis.checks.contributions on SYNTHETIC rows; expected values computed by hand below."""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.analysis.checks.contributions import CONTRIBUTION_COLUMNS, contributions
from lsreports.sources.paths import curated_dir
from helpers import obs


def test_contributions_in_percentage_points_and_the_residual():
    # SYNTHETIC: total 140 (+40 % -> last year 100); exports 60 (+50 % -> 40); imports 80 (+33.33 % -> 60)
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 140),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 40),
                ("trade_total_export", "2026-01-01", "2026-05-31", "value", 60),
                ("trade_total_export", "2026-01-01", "2026-05-31", "yoy_pct", 50),
                ("trade_total_import", "2026-01-01", "2026-05-31", "value", 80),
                ("trade_total_import", "2026-01-01", "2026-05-31", "yoy_pct", 100 / 3))
    out = contributions(frame)
    assert list(out.columns) == CONTRIBUTION_COLUMNS
    table = out.set_index("part_id")
    # exports: (60 - 40) / 100 = +20 pp; imports: (80 - 60) / 100 = +20 pp; together the total's +40 %
    assert table.loc["trade_total_export", "contribution_pp"] == pytest.approx(20)
    assert table.loc["trade_total_import", "contribution_pp"] == pytest.approx(20)
    assert table["residual_pp"].tolist() == pytest.approx([0, 0], abs=1e-9)
    assert table.loc["trade_total_export", "formula"].endswith("= 20.0 pp")


def test_a_part_without_a_rate_is_left_out_and_shows_in_the_residual():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 140),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 40),
                ("trade_total_export", "2026-01-01", "2026-05-31", "value", 60),
                ("trade_total_export", "2026-01-01", "2026-05-31", "yoy_pct", 50),
                ("trade_total_import", "2026-01-01", "2026-05-31", "value", 80))
    table = contributions(frame)
    assert list(table["part_id"]) == ["trade_total_export"]
    assert table.iloc[0]["residual_pp"] == pytest.approx(20)
    # a total without a printed rate gives nothing
    assert contributions(frame.loc[frame["measure"] != "yoy_pct"]).empty


@pytest.mark.skipif(not (curated_dir() / "observations.csv").exists(), reason="curated data not present")
def test_the_issue_examples_on_the_real_reports():
    """Integration: trade to 14 May 2026 and budget revenue to May 2026, by hand from report 003's figures."""
    from lsreports.sources.loader import observations

    table = contributions(observations()).set_index(["part_id", "end"])
    # (13,154 - 13,154/1.43) / (40,542/1.40) = 13.66; (27,388 - 27,388/1.38) / (40,542/1.40) = 26.04
    day = pd.Timestamp("2026-05-14")
    assert table.loc[("trade_total_export", day), "contribution_pp"] == pytest.approx(13.66, abs=0.01)
    assert table.loc[("trade_total_import", day), "contribution_pp"] == pytest.approx(26.04, abs=0.01)
    # (9,400 - 9,400/2.2545) / (11,814.787/2.024) = 89.6; (2,406.4 - 2,406.4/1.541) / same = 14.5
    end = pd.Timestamp("2026-05-31")
    assert table.loc[("budget_revenue_trade", end), "contribution_pp"] == pytest.approx(89.6, abs=0.05)
    assert table.loc[("budget_revenue_domestic", end), "contribution_pp"] == pytest.approx(14.5, abs=0.05)
