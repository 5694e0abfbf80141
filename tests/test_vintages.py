"""Tests of lsreports.analysis.checks.vintages on SYNTHETIC rows; expected values computed by hand below."""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.analysis.checks.vintages import VINTAGE_COLUMNS, vintage_spans
from lsreports.sources.paths import curated_dir
from helpers import obs

FLOWS = {"retail_sales", "transport_revenue"}


def test_a_month_implied_by_two_reports_that_towers_over_the_others_is_flagged():
    # SYNTHETIC, shaped like retail sales 2025: 5 months implied by next year's +10 % (1100 / 1.1 = 1000),
    # the first half printed by another report (2000): June = 1000, against 11 months = 3000
    frame = obs(("retail_sales", "2026-01-01", "2026-05-31", "value", 1100, "903_synthetic", "VND_bn"),
                ("retail_sales", "2026-01-01", "2026-05-31", "yoy_pct", 10, "903_synthetic"),
                ("retail_sales", "2025-01-01", "2025-06-30", "value", 2000, "901_synthetic", "VND_bn"),
                ("retail_sales", "2025-01-01", "2025-11-30", "value", 3000, "900_synthetic", "VND_bn"))
    spans = vintage_spans(frame, flows=FLOWS)
    assert list(spans.columns) == VINTAGE_COLUMNS
    june = spans.loc[(spans["year"] == 2025) & (spans["span_start"] == pd.Timestamp("2025-06-01"))].iloc[0]
    assert june["months"] == 1 and june["span_level"] == pytest.approx(1000)
    # the other 10 months: (3000 - 1000) / 10 = 200 -> 5x; the year's monthly average 3000 / 11 -> 3.67x
    assert june["ratio_other"] == pytest.approx(5) and june["ratio_year"] == pytest.approx(11 / 3)
    assert june["flagged"]
    assert "2025-06 implied = 2,000" in june["evidence"] and "1,000 a month: 5x the other 10 months" in june["evidence"]
    # July-November = 3000 - 2000 = 1000 over 5 months = 200, against (3000 - 1000) / 6 = 333: ratio 0.6, not flagged
    later = spans.loc[spans["span_start"] == pd.Timestamp("2025-07-01")].iloc[0]
    assert later["ratio_other"] == pytest.approx(0.6) and not later["flagged"]


def test_a_slump_after_the_first_months_is_flagged_and_a_negative_span_always():
    # SYNTHETIC, shaped like transport revenue: 5 months 2025 = 1200 / 1.2 = 1000; 11 months = 1300
    frame = obs(("transport_revenue", "2026-01-01", "2026-05-31", "value", 1200, "903_synthetic", "VND_bn"),
                ("transport_revenue", "2026-01-01", "2026-05-31", "yoy_pct", 20, "903_synthetic"),
                ("transport_revenue", "2025-01-01", "2025-11-30", "value", 1300, "900_synthetic", "VND_bn"))
    span = vintage_spans(frame, flows=FLOWS).iloc[0]
    # June-November = 300 / 6 = 50 a month, against January-May 1000 / 5 = 200: 0.25x
    assert (span["span_start"], span["span_end"]) == (pd.Timestamp("2025-06-01"), pd.Timestamp("2025-11-30"))
    assert span["ratio_other"] == pytest.approx(0.25) and span["flagged"]
    frame.loc[2, "value"] = 900  # 11 months below 5 months: a negative span
    span = vintage_spans(frame, flows=FLOWS).iloc[0]
    assert span["span_level"] == pytest.approx(-100) and span["flagged"]


def test_spans_from_one_report_non_flows_and_january_comparisons_are_not_flagged():
    frame = obs(("retail_sales", "2025-01-01", "2025-06-30", "value", 2000, "900_synthetic", "VND_bn"),
                ("retail_sales", "2025-01-01", "2025-11-30", "value", 9000, "900_synthetic", "VND_bn"),
                ("transport_revenue", "2026-01-01", "2026-01-31", "value", 100, "904_synthetic", "VND_bn"),
                ("transport_revenue", "2026-01-01", "2026-05-31", "value", 2000, "903_synthetic", "VND_bn"))
    spans = vintage_spans(frame, flows=FLOWS)
    assert list(spans["indicator_id"]) == ["transport_revenue"]  # one report's own figures are not a vintage check
    # February-May = 1900 / 4 = 475 against January alone (100): 4.75x, but one month is too few to flag
    assert spans.iloc[0]["ratio_other"] == pytest.approx(4.75) and not spans.iloc[0]["flagged"]
    assert vintage_spans(frame, flows=set()).empty


@pytest.mark.skipif(not (curated_dir() / "observations.csv").exists(), reason="curated data not present")
def test_the_two_cases_of_the_issue_are_flagged_on_the_real_reports():
    """Integration: June 2025 retail (2.3x the monthly average, by hand from reports 000, 001 and 003) and
    transport revenue's June-November 2025 against January-May."""
    from lsreports.sources.loader import observations

    spans = vintage_spans(observations()).set_index(["indicator_id", "span_start", "span_end"])
    june = spans.loc[("retail_sales", pd.Timestamp("2025-06-01"), pd.Timestamp("2025-06-30"))]
    # by hand: 21,451 - 15,533.45 / 1.1752 = 8,233.3; 11 months 39,731.1 / 11 = 3,611.9 a month -> 2.28x
    assert june["flagged"] and june["span_level"] == pytest.approx(8233.3, abs=0.5)
    assert june["ratio_year"] == pytest.approx(2.28, abs=0.01)
    transport = spans.loc[("transport_revenue", pd.Timestamp("2025-06-01"), pd.Timestamp("2025-11-30"))]
    # by hand: (2,620.7 - 2,120.16 / 1.1903) / 6 = 139.9 a month against 1,781.2 / 5 = 356.2 -> 0.39x
    assert transport["flagged"] and transport["ratio_other"] == pytest.approx(0.393, abs=0.005)
