"""Charts: honest inputs, deterministic PNGs, source lines (SYNTHETIC data)."""
import pandas as pd
import pytest
from matplotlib.transforms import Bbox

import lsreports as ls
from lsreports.publish import chart_store, charts


def test_mixed_units_are_refused(synthetic_data):
    frame = ls.load("trade_total", measure=None)
    with pytest.raises(ValueError, match="mixes units"):
        charts.bars_by_period(frame, "Mixed", "Source: test")


def test_empty_frame_is_refused(synthetic_data):
    with pytest.warns(ls.EmptySelectionWarning, match="'tourism' has no rows"):
        empty = ls.load("tourism")
    with pytest.raises(ValueError, match="nothing to plot"):
        charts.bars_by_period(empty, "Empty", "Source: test")


def test_png_is_deterministic(synthetic_data):
    charts.use_report_style()
    frame = ls.load("trade")
    first = chart_store.png_bytes(charts.bars_by_period(frame, "Trade", "Source: test"))
    second = chart_store.png_bytes(charts.bars_by_period(frame, "Trade", "Source: test"))
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == second


def test_source_line_names_the_reports(synthetic_data):
    line = charts.source_line(["999_synthetic", "999_synthetic"], ls.reports())
    assert line == "Source: Lạng Sơn socio-economic report to November 2025; lsreports curated data."


def test_charts_use_a_font_that_covers_vietnamese():
    charts.use_report_style()
    assert charts.plt.rcParams["font.family"] == ["DejaVu Sans"]


def _overflow(fig) -> tuple[float, float, float, float]:
    """How far (pixels) what is drawn reaches beyond each edge (left, bottom, right, top); 0 = inside."""
    fig.canvas.draw()  # places every text where the PNG will show it
    renderer = fig.canvas.get_renderer()
    # matplotlib's tight box counts an axis label as 1 pixel wide, so the labels are measured too
    labels = [label for ax in fig.axes for label in (ax.xaxis.label, ax.yaxis.label)]
    texts = [t.get_window_extent(renderer) for t in labels + fig.texts if t.get_visible() and t.get_text()]
    drawn = Bbox.union([fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans), *texts])
    box = fig.bbox
    return (max(0.0, box.x0 - drawn.x0), max(0.0, box.y0 - drawn.y0), max(0.0, drawn.x1 - box.x1),
            max(0.0, drawn.y1 - box.y1))


def test_layout_keeps_long_labels_and_large_numbers_inside_the_figure():
    """SYNTHETIC: seven-digit values, long series names and a long title."""
    import pandas as pd

    charts.use_report_style()
    periods = [("2025-01-01", "2025-11-30"), ("2025-12-01", "2025-12-31"), ("2026-01-01", "2026-05-14")]
    frame = pd.DataFrame([{"start": pd.Timestamp(s), "end": pd.Timestamp(e), "unit": "VND_bn", "value": v,
                           "name_en": name}
                          for (s, e), v in zip(periods, [2_500_000.0, 12.5, 1_999_999.0])
                          for name in ("A very long series name for a synthetic indicator", "Short")])
    bars = charts.bars_by_period(frame, "A long synthetic title that runs across most of the chart's width",
                                 "Source: synthetic")
    assert _overflow(bars) == (0, 0, 0, 0)
    rates = pd.DataFrame({"name_en": ["An extremely long synthetic product name, of planted-forest wood and more",
                                      "x"], "value": [-49.3, 136.4]})
    change = charts.change_bars(rates, "Synthetic change", "Source: synthetic")
    assert _overflow(change) == (0, 0, 0, 0)
    charts.plt.close("all")


def test_add_source_lays_out_a_hand_built_figure_inside_its_edges():
    """SYNTHETIC: one axes with long category labels, and a figure of two axes."""
    charts.use_report_style()
    fig, ax = charts.plt.subplots(figsize=(8, 3))
    ax.barh(["a synthetic category with a long, long name", "b"], [120.0, -35.0])
    ax.set_title("Synthetic")
    charts.add_source(fig, "Source: synthetic")
    assert _overflow(fig) == (0, 0, 0, 0)
    fig, axes = charts.plt.subplots(2, 1, figsize=(8, 4))
    for ax in axes:
        ax.plot([0, 1], [1_000_000, 2_000_000])
    charts.add_source(fig, "Source: synthetic")
    assert _overflow(fig) == (0, 0, 0, 0)
    charts.plt.close("all")


def test_a_long_title_over_long_category_labels_stays_inside():
    """SYNTHETIC: the axes start far right of the figure's edge, so a left-aligned title
    starting at the axes would run off the right edge (as in the trends notebook)."""
    charts.use_report_style()
    fig, ax = charts.plt.subplots(figsize=(8, 3))
    ax.barh(["a synthetic category whose label takes a third of the width (plan)", "b"], [120.0, 35.0])
    ax.set_title("A synthetic title long enough to need the space over the labels too")
    charts.add_source(fig, "Source: synthetic")
    assert _overflow(fig) == (0, 0, 0, 0)
    charts.plt.close(fig)


def test_a_long_axis_label_under_long_category_labels_stays_inside():
    """SYNTHETIC: an x-axis label centred under narrow axes is wider than the axes and the
    space to their right (seen in the trends briefing's plan chart)."""
    charts.use_report_style()
    fig, ax = charts.plt.subplots(figsize=(8, 3))
    ax.barh(["a synthetic category whose label takes nearly half of the figure's width (plan)", "b"],
            [120.0, 35.0])
    ax.set_xlabel("% of a synthetic plan or budget estimate (implied by value / % of plan, as printed)")
    charts.add_source(fig, "Source: synthetic")
    assert _overflow(fig) == (0, 0, 0, 0)
    charts.plt.close(fig)


def test_horizontal_bars_grid_runs_across_the_values_only():
    charts.use_report_style()
    fig, ax = charts.plt.subplots()
    ax.barh(["a", "b", "c"], [1.0, 2.0, 3.0])
    charts.horizontal_bars(ax)
    fig.canvas.draw()
    assert any(line.get_visible() for line in ax.get_xgridlines())
    assert not any(line.get_visible() for line in ax.get_ygridlines())
    low, high = ax.get_ylim()
    assert high - 2.4 < 0.1 and -0.4 - low < 0.1  # bars span -0.4..2.4; a 1 % margin, not 5 %
    charts.plt.close(fig)


def test_month_ticks_label_every_other_month_start():
    import pandas as pd

    fig, ax = charts.plt.subplots()
    days = pd.date_range("2025-01-01", "2025-07-01", freq="MS")
    ax.plot(days, range(len(days)))
    charts.month_ticks(ax, pd.Timestamp("2025-01-15"), pd.Timestamp("2025-07-01"))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025-01", "2025-03", "2025-05", "2025-07"]
    charts.plt.close(fig)


def test_short_labels_cut_long_names_at_a_word_and_keep_short_ones():
    long_name = "Public investment disbursed from the current year's plan (excluding carry-over)"
    labels = charts.short_labels(["Coal", long_name], width=30)
    assert labels[0] == "Coal"
    assert len(labels[1]) <= 30 and labels[1].endswith("…")
    assert labels[1].startswith("Public investment disbursed")


def test_short_labels_keep_names_whole_when_cutting_would_make_them_equal():
    names = ["Goods declared at Lang Son customs: exports", "Goods declared at Lang Son customs: imports", "Coal"]
    labels = charts.short_labels(names, width=30)
    assert labels[:2] == names[:2]
    assert len(set(labels)) == 3


def _frame(periods, values, names=("Series A",)):
    """SYNTHETIC rows: one per period and series name."""
    import pandas as pd

    return pd.DataFrame([{"start": pd.Timestamp(s), "end": pd.Timestamp(e), "unit": "USD_mn", "value": v,
                          "name_en": name} for (s, e), v in zip(periods, values) for name in names])


def test_periods_of_different_lengths_are_never_bars_side_by_side():
    """SYNTHETIC: a first half, an 11-month year to date, two months and a 5-month year to date."""
    charts.use_report_style()
    periods = [("2025-01-01", "2025-06-30"), ("2025-01-01", "2025-11-30"), ("2025-11-01", "2025-11-30"),
               ("2026-01-01", "2026-01-31"), ("2026-01-01", "2026-05-31"), ("2026-05-01", "2026-05-31")]
    fig = charts.bars_by_period(_frame(periods, [1, 2, 3, 4, 5, 6], ("A", "B")), "Synthetic", "Source: synthetic")
    assert fig.lsreports_panels == [("first half", ["2025 H1"]), ("11 months to date", ["2025 Jan-Nov"]),
                                    ("month", ["2025-11", "2026-01", "2026-05"]),
                                    ("5 months to date", ["2026 Jan-May"])]
    assert len(fig.axes) == 4
    # January 2026 is a month and also a 1-month year to date: it is drawn once, in the month panel
    months = fig.axes[2]
    positions = sorted({round(p.get_x() + p.get_width() / 2) for p in months.patches})
    assert positions == [0, 2, 6]  # Nov 2025, Jan 2026, May 2026 on a time axis: the gaps show
    rows = fig.lsreports_rows
    assert rows.groupby("panel")["end"].nunique().to_dict() == {"first half": 1, "11 months to date": 1,
                                                                "month": 3, "5 months to date": 1}
    charts.plt.close("all")


def test_one_length_gives_one_panel_and_the_rows_drawn():
    charts.use_report_style()
    fig = charts.bars_by_period(_frame([("2025-01-01", "2025-11-30"), ("2026-01-01", "2026-11-30")], [1.5, 2.5]),
                                "Synthetic", "Source: synthetic")
    assert len(fig.axes) == 1 and fig.lsreports_panels == [("11 months to date", ["2025 Jan-Nov", "2026 Jan-Nov"])]
    assert fig.lsreports_rows["value"].tolist() == [1.5, 2.5]
    assert fig.lsreports_rows["unit"].tolist() == ["million USD", "million USD"]
    charts.plt.close("all")


def test_a_dollar_sign_in_a_label_is_text_not_mathtext():
    charts.use_report_style()
    fig = charts.bars_by_period(_frame([("2025-01-01", "2025-11-30")], [1.0], ("$x^2$ and $y$",)), "$a$", "Source")
    chart_store.png_bytes(fig)  # mathtext would fail or render x²; as text it draws as typed
    assert charts.plt.rcParams["text.parse_math"] is False


def test_month_ticks_widen_their_step_over_a_long_span():
    import pandas as pd

    fig, ax = charts.plt.subplots()
    charts.month_ticks(ax, pd.Timestamp("2019-04-01"), pd.Timestamp("2026-05-31"))
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert 2 <= len(labels) <= 12
    assert labels[:2] == ["2019-04", "2020-04"]  # 86 months: a tick a year
    charts.plt.close(fig)


def test_shares_of_plan_of_different_lengths_get_panels_of_their_own():
    """SYNTHETIC: a January share of the year's plan, a 5-month one and an 11-month one (as the
    budget and tourism briefings draw them) are three panels, each titled with its length."""
    import pandas as pd

    charts.use_report_style()
    rows = pd.DataFrame({"start": pd.to_datetime(["2025-01-01", "2026-01-01", "2026-01-01", "2025-01-01"]),
                         "end": pd.to_datetime(["2025-11-30", "2026-01-31", "2026-05-31", "2025-11-30"]),
                         "label": ["2025 Jan-Nov · a", "2026-01 · a", "2026 Jan-May · a", "2025 Jan-Nov · b"],
                         "value": [95.0, 8.0, 40.0, 101.0], "unit": "pct"})
    fig = charts.change_bars(rows, "Synthetic shares", "Source: synthetic", label_column="label",
                             xlabel="% of the year's plan")
    assert fig.lsreports_panels == [("11 months to date", ["2025 Jan-Nov · a", "2025 Jan-Nov · b"]),
                                    ("month", ["2026-01 · a"]), ("5 months to date", ["2026 Jan-May · a"])]
    assert len(fig.axes) == 3
    drawn = [[t.get_text() for t in ax.get_yticklabels()][::-1] for ax in fig.axes]
    assert drawn == [labels for _, labels in fig.lsreports_panels]  # each axes draws its panel's bars only
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["11 months to date", "Month", "5 months to date"]
    assert fig.lsreports_rows.set_index("label")["panel"].to_dict() == {
        "2026-01 · a": "month", "2025 Jan-Nov · a": "11 months to date", "2025 Jan-Nov · b": "11 months to date",
        "2026 Jan-May · a": "5 months to date"}
    assert _overflow(fig) == (0, 0, 0, 0)
    charts.plt.close("all")


def _bar_labels(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_a_flagged_figure_is_marked_on_its_bar_in_its_data_and_under_the_chart(synthetic_data):
    frame = ls.load("trade").query("unit == 'USD_mn'").reset_index(drop=True)  # SYNTHETIC rows
    plain = charts.bars_by_period(frame.assign(flag=pd.NA), "Trade", "Source: test")
    assert not any(charts.FLAG_MARK in text for text in _bar_labels(plain))
    assert (plain.lsreports_rows["flags"] == "").all()
    flagged = frame.assign(flag=pd.NA, note=pd.NA)
    flagged.loc[0, ["flag", "note"]] = ["unit_anomaly", "the printed unit contradicts other months"]
    fig = charts.bars_by_period(flagged, "Trade", "Source: test")
    marked = [text for text in _bar_labels(fig) if charts.FLAG_MARK in text]
    assert len(marked) == 1
    rows = fig.lsreports_rows
    assert rows["flags"].str.contains("unit_anomaly: the printed unit contradicts").sum() == 1
    assert any("the checks flag" in t.get_text() for t in fig.texts)  # the note under the chart says what ⚑ means


def test_a_flagged_change_is_marked_on_its_bar(synthetic_data):
    frame = ls.load("trade", measure="yoy_pct").reset_index(drop=True)  # SYNTHETIC rows
    flagged = frame.assign(flag=pd.NA, note=pd.NA)
    flagged.loc[0, "flag"] = "conflict_in_source"
    fig = charts.change_bars(flagged, "Growth", "Source: test")
    assert sum(charts.FLAG_MARK in text for text in _bar_labels(fig)) == 1


def test_a_long_source_line_and_the_flag_note_stay_inside_the_figure():
    """SYNTHETIC: the trade chart's source names seven reports, in long Vietnamese-era names, and a flag note."""
    charts.use_report_style()
    frame = pd.DataFrame({"start": [pd.Timestamp("2025-01-01")], "end": [pd.Timestamp("2025-11-30")],
                          "unit": ["USD_mn"], "value": [84640.0], "name_en": ["Trade"], "indicator_id": ["x"],
                          "flag": ["conflict_in_source"], "note": [pd.NA]})
    source = ("Source: Lạng Sơn socio-economic reports public text to September 2019, to June 2025, public text to "
              "October 2025 (CafeF), to November 2025, to May 2026, public text to December 2025 (Báo Lạng Sơn, 2); "
              "lsreports curated data.")
    fig = charts.bars_by_period(frame, "Synthetic", source)
    assert _overflow(fig) == (0, 0, 0, 0)
    assert any("the checks flag" in t.get_text() for t in fig.texts)
    charts.plt.close("all")
