"""Charts: honest inputs, deterministic PNGs, source lines (SYNTHETIC data)."""
import pytest

import lsreports as ls
from lsreports import charts


def test_mixed_units_are_refused(synthetic_data):
    frame = ls.load("trade_total", measure=None)
    with pytest.raises(ValueError, match="mixes units"):
        charts.bars_by_period(frame, "Mixed", "Source: test")


def test_empty_frame_is_refused(synthetic_data):
    with pytest.raises(ValueError, match="nothing to plot"):
        charts.bars_by_period(ls.load("tourism"), "Empty", "Source: test")


def test_png_is_deterministic(synthetic_data):
    charts.use_report_style()
    frame = ls.load("trade")
    first = charts.png_bytes(charts.bars_by_period(frame, "Trade", "Source: test"))
    second = charts.png_bytes(charts.bars_by_period(frame, "Trade", "Source: test"))
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second


def test_source_line_names_the_reports(synthetic_data):
    line = charts.source_line(["999_synthetic", "999_synthetic"], ls.reports())
    assert line == "Source: Lạng Sơn socio-economic reports 999 (to 2025-11); lsreports curated data."


def test_charts_use_a_font_that_covers_vietnamese():
    charts.use_report_style()
    assert charts.plt.rcParams["font.family"] == ["DejaVu Sans"]
