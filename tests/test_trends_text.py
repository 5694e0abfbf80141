"""The trends notebook's sentences, charts and qualification table (lsreports.publish.trends_text,
trends_charts, lsreports.analysis.tsa.qualify) on SYNTHETIC frames: each figure in a sentence is
the one the frame implies, worked out by hand here."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from lsreports.analysis.tsa.qualify import qualification  # noqa: E402
from lsreports.publish import trends_charts  # noqa: E402
from lsreports.publish import trends_text as text  # noqa: E402
from lsreports.publish.year_end_chart import plan_view  # noqa: E402
from helpers import obs  # noqa: E402

MANIFEST = pd.DataFrame({"id": ["900_synthetic", "901_synthetic"], "title": ["SYNTHETIC A", "SYNTHETIC B"],
                         "period_end": ["2025-11-30", "2025-06-30"]})


def projections() -> pd.DataFrame:
    """SYNTHETIC projections: a growth-based one with two targets, a pro-rata one, one not projected."""
    return pd.DataFrame({
        "indicator_id": ["a", "a", "b", "c"], "target_kind": ["plan", "est_local", "plan", ""],
        "method": ["growth", "growth", "pro_rata", "not_projected"],
        "prev_annual_assumption": ["December estimated at the monthly average", "", "", ""],
        "growth_projection": [110.0, 110.0, 50.0, np.nan], "prev_annual_value": [100.0, 100.0, 40.0, np.nan],
        "prorata_projection": [130.0, 130.0, 60.0, np.nan], "ytd_yoy_pct": [10.0, 10.0, 20.0, np.nan],
        "verdict": ["likely", "unlikely", "undetermined", ""], "projected_pct_of_target": [90.0, 95.0, 80.0, np.nan],
    })


def test_projection_overview_counts_methods_targets_and_december_estimates():
    assert text.projection_overview(projections()) == (
        "3 indicators have a 2026 year to date; 2 of them print a plan or budget estimate. The growth-based "
        "nowcast applies to 1 (1 of them with last year's level from 11 months and December estimated); 1 fall "
        "back to pro-rata and 1 are not projected (one-off distributions); why each falls back is in the appendix.")


def test_prorata_gap_is_the_median_of_implied_against_printed_growth():
    # a: 130/100 - 1 = 30 % against 10 % printed: 20 points; b: 60/40 - 1 = 50 % against 20 %: 30 points
    assert text.prorata_gap(projections()).startswith(
        "Over the 2 indicators with both projections, the full-year growth that pro-rata implies differs from the "
        "growth printed for the year to date by a median of 25 points.")


def test_projection_of_picks_the_row_of_the_target_or_raises():
    assert text.projection_of(projections(), "a", "est_local")["verdict"] == "unlikely"
    with pytest.raises(KeyError, match="no plan projection of c"):
        text.projection_of(projections(), "c")


def test_verdict_counts_take_each_indicators_first_target():
    with_target = projections().loc[lambda f: f["target_kind"] != ""]
    assert text.verdict_counts(with_target, "SYNTHETIC rule").startswith(
        "Verdicts on the first target of each indicator: 1 likely, 1 undetermined, 0 unlikely. Thresholds: "
        "SYNTHETIC rule.")


def test_pace_summary():
    pace = pd.DataFrame({"indicator_id": ["a", "b", "c", "d"], "reached": [True, False, False, False],
                         "needed_vs_so_far": [0.5, 1.2, 1.5, 0.9], "needed_vs_last_year": [0.5, 1.1, 0.9, 2.0]})
    assert text.pace_summary(pace) == ("1 indicator(s) already meet their target (a); 2 of the other 3 need a faster "
                                       "monthly pace than so far, 1 of them faster than last year's pace over the "
                                       "same months too.")


def test_backloading_cites_the_first_and_last_share_of_each_path():
    paths = pd.DataFrame({
        "indicator_id": ["pubinv_disbursed_current"] * 2 + ["prod_rosin"] * 2, "year": [2025] * 4,
        "months": [6.0, 11.0, 5.0, 11.0], "pct": [40.123, 85.6, 30.456, 90.04],
        "end": pd.to_datetime(["2025-06-30", "2025-11-30", "2025-05-31", "2025-11-30"]),
        "source_doc": ["901_synthetic", "900_synthetic", "901_synthetic", "900_synthetic"]})
    cited = []

    def figure(shown, indicator_id, start, end, measure, source_doc):
        cited.append((indicator_id, start, f"{end:%Y-%m-%d}", measure, source_doc))
        return f"[{shown}]"
    sentence = text.backloading(paths, figure)
    assert sentence.startswith("Back-loading: public investment of the 2025 plan stood at [40.1 %] after 6 months "
                               "and [86 %] by 30 November 2025; rosin at [30.46 %] in May and [90.0 %] in November.")
    assert cited[0] == ("pubinv_disbursed_current", "2025-01-01", "2025-06-30", "plan_pct", "901_synthetic")
    with pytest.raises(KeyError, match="no 2024 plan path"):
        text.backloading(paths, figure, 2024)


def test_backtest_band_and_method_sentences():
    by_pair = {"H1 to 11M 2025": {"median_prorata_ape": 12.34, "median_growth_ape": 3.21, "n_both": 7}}
    assert text.backtest_summary(by_pair, "SYNTHETIC caveat").endswith(
        "H1 to 11M 2025: pro-rata 12.3 %, growth-based 3.2 % (7 indicators).")
    by_pair["2019-04 -> 2019-09"] = {"median_prorata_ape": float("nan"), "median_growth_ape": float("nan"),
                                     "n_both": 0}  # SYNTHETIC: a pair nothing was scored on
    assert text.backtest_summary(by_pair, "SYNTHETIC caveat").endswith(
        "(7 indicators); 2019-04 -> 2019-09: no indicator scored by both.")
    widths = pd.DataFrame({"method": ["growth", "prorata", "growth"], "domain": ["all", "all", "trade"],
                           "width_pct_per_year": [8.4, 21.6, 3.0]})
    assert "half-width of 8 % and a pro-rata one 22 %" in text.band_summary(widths)
    medians = pd.DataFrame({"n": [5, 9], "prorata_ape": [10.0, 11.0], "growth_ape": [2.0, 3.0],
                            "national_ape": [6.0, 7.0]}, index=["H1", "all"])
    assert ("over the 5 indicators all three methods could score, the median absolute error is 10.0 % pro-rata, "
            "2.0 % growth-based and 6.0 % with the national profile. Over every pair: 11.0 %, 3.0 % and 7.0 % (9 "
            "scores). In these scores growth-based erred least") in text.method_comparison(medians, "H1")
    # SYNTHETIC: the page's case on 2026-12-07: no indicator scored on the first pair, one score over all
    few = pd.DataFrame({"n": [0, 1], "prorata_ape": [float("nan"), 18.8], "growth_ape": [float("nan"), 23.9],
                        "national_ape": [float("nan"), 17.6]}, index=["H1", "all"])
    sentence = text.method_comparison(few, "H1")
    assert "nan" not in sentence and sentence.startswith("From the first half of 2025 to 11 months no indicator could")
    assert "(1 score). 1 score is too few to prefer a method" in sentence and "erred least" not in sentence
    medians.loc["all", "national_ape"] = 1.0
    assert "In these scores the national profile erred least" in text.method_comparison(medians, "H1")


def test_vintage_derived_and_comparison_sentences():
    spans = pd.DataFrame({"flagged": [True, False], "evidence": ["SYNTHETIC 3x", ""], "indicator_id": ["a", "b"],
                          "span_start": pd.to_datetime(["2025-06-01", "2025-07-01"]),  # SYNTHETIC spans
                          "span_end": pd.to_datetime(["2025-06-30", "2025-07-31"]), "span_monthly": [3000.0, 1.0],
                          "other_monthly": [1000.0, 1.0], "ratio_other": [3.0, 1.0]})
    assert text.vintage_flags(spans, 2.0, 3, {"a": "Alpha"}) == (
        "2 spans implied across reports; 1 flagged (threshold 2x, at least 3 other months to compare with):\n\n"
        "- Alpha, June 2025 (implied by two reports): 3,000.0 a month, 3.00 times the average of the year's other "
        "months (1,000.0).")
    from lsreports.publish import i18n

    with i18n.using("vi"):
        assert text.vintage_flags(spans, 2.0, 3, {"a": "Anpha"}).endswith(
            "- Anpha, tháng 6/2025 (suy ra từ hai báo cáo): 3.000,0 mỗi tháng, bằng 3,00 lần bình quân các tháng khác "
            "trong năm (1.000,0).")
    derived = pd.DataFrame({"derivation": ["month_from_ytd", "month_from_ytd", "implied_plan"]})
    sentence = text.derived_summary(10, derived, ["s1", "s2"], {"s1"})
    assert sentence.startswith("From 10 printed rows the library derives 3 rows: 2 `month_from_ytd`, 1 `implied_plan`.")
    assert sentence.endswith("1 of 2 proposed share ids wait to be registered in the catalogue.")
    assert text.derived_against_printed(pd.DataFrame()) == "No derived value shares its period with a printed one."
    comparison = pd.DataFrame({"diff_pct": [-2.345], "indicator_id": ["x"], "start": [pd.Timestamp("2025-01-01")],
                               "end": [pd.Timestamp("2025-06-30")], "derived_value": [1234.5],
                               "printed_value": [1264.1]})
    assert "the largest gap is -2.3 % for x, January-June 2025" in text.derived_against_printed(comparison)  # a name where the catalogue has one
    assert "(derived 1,234.5, printed 1,264.1)" in text.derived_against_printed(comparison)


def test_national_sentences():
    index = pd.period_range("2020-01", periods=3, freq="M")
    history = {"vn_a": pd.Series([1.0, 2.0, np.nan], index=index), "vn_b": pd.Series([1.0, 2.0, 3.0], index=index)}
    rows = pd.DataFrame({"indicator_id": ["vn_a", "vn_b", "vn_c"], "source_doc": ["gso_a", "gso_b", "pub_vn_c"],
                         "end": pd.to_datetime(["2020-02-29", "2020-02-29", "2020-03-31"]), "derived": False})
    retail = pd.Series({"years": 4, "growth_avg_pct": 7.25, "last_year_growth_pct": 9.04, "last_full_year": 2024},
                       dtype=object)  # a row of national_summary's mixed columns
    sentence = text.national_opening(history, rows, retail, lambda shown, *a: f"<{shown}|{a[0]}|{a[1]}>",
                                     lambda shown, formula: f"<{shown}|{formula[:14]}>")
    assert sentence == ("National data to March 2020 (the GSO's tables to February 2020, the statistics office's "
                        "releases after; 1 series-months since then have no release stored and are interpolated for "
                        "the models): 2 series shown of 3 curated, 2 to 3 months each. Over its 4 "
                        "full years with a printed growth rate, retail sales grew <7.2 %|geometric mean> a year on "
                        "average (<9.0 %|vn_retail_sales|2024-01-01> in 2024).")
    scores = pd.DataFrame({"series": ["vn_a", "vn_a", "vn_b", "vn_b"], "method": ["sarima", "sarima_tet"] * 2,
                           "mase": [1.0, 0.8, 0.7, 0.9], "forecasts": [60] * 4, "coverage_95": [90, 94, 96, 80],
                           "coverage_80": [70, 75, 80, 85]})
    tet = text.tet_table(pd.DataFrame({"t_stat": [-3.0, 1.0], "pct_per_day": [-2.04, 0.5]}, index=["vn_a", "vn_b"]),
                         scores)
    assert text.tet_summary(tet) == ("A Tết holiday day moves the month by a statistically clear amount (|t| > 2) in 1 "
                                     "of 2 series, most for vn_a (-2.0 % a day). The regressor lowers SARIMA's "
                                     "out-of-sample error (MASE) in 1 of 2 series.")
    assert text.backtest_winners(scores, pd.Series({"vn_a": "sarima_tet"}), ["2019-01", "2024-12"]) == (
        "Origins 2019-01 to 2024-12, 60 scored forecasts per series and method. The winner is each series' default "
        "method: vn_a → SARIMA + Tết.")
    assert text.backtest_winners(scores, pd.Series({"vn_a": "ets"}), ["2019-01", "2024-12"],
                                 {"vn_a": "Viet Nam: Synthetic A"}).endswith("method: synthetic A → ETS.")
    assert text.coverage_summary(scores).startswith("95 % intervals covered 92 % of outcomes (median over series "
                                                    "and methods); 80 % intervals 78 %.")


def test_qualification_refuses_the_short_series_and_names_the_longest():
    frame = obs(("trade_total", "2025-11-01", "2025-11-30", "value", 500, "900_synthetic"),
                ("trade_total", "2025-12-01", "2025-12-31", "value", 510, "900_synthetic"),
                ("retail_sales", "2025-12-01", "2025-12-31", "value", 50, "900_synthetic"),
                ("retail_sales", "2025-01-01", "2025-12-31", "value", 600, "900_synthetic"))  # not a month
    qualify = qualification(frame)
    assert qualify[["indicator_id", "months", "gaps", "first", "last"]].values.tolist() == [
        ["retail_sales", 1, 0, "2025-12", "2025-12"], ["trade_total", 2, 0, "2025-11", "2025-12"]]
    assert not qualify["stl_ok"].any() and not qualify["forecast_ok"].any()
    assert qualify.loc[1, "forecast"] == "ses: not fitted (only 2 monthly points; needs 6 monthly points)"
    assert text.qualification_summary(qualify).startswith("2 indicators have month rows; the longest has 2 months. "
                                                          "0 qualify for STL and 0 for any forecast")
    assert text.longest_series(qualify, 1) == ["trade_total"]


def test_monthly_panels_leave_gaps_empty_and_carry_their_rows():
    frame = obs(("trade_total", "2025-10-01", "2025-10-31", "value", 500, "900_synthetic"),
                ("trade_total", "2025-12-01", "2025-12-31", "value", 510, "901_synthetic"))
    catalogue = pd.DataFrame({"name_en": ["Trade"], "unit": ["USD_mn"]}, index=["trade_total"])
    fig = trends_charts.monthly_panels(frame, ["trade_total"], catalogue, "SYNTHETIC", MANIFEST)
    rows = fig.lsreports_rows
    assert rows["month"].tolist() == ["2025-10", "2025-11", "2025-12"]
    assert rows["value"].isna().tolist() == [False, True, False]
    source = " ".join(t.get_text() for t in fig.texts)
    assert "reports to June 2025, to November 2025" in source  # both reports drawn, by the period they cover
    with pytest.raises(ValueError, match="nothing to plot"):
        trends_charts.monthly_panels(frame, [], catalogue, "SYNTHETIC", MANIFEST)


def test_backtest_chart_names_the_reports_compared_not_typed_in():
    backtest = pd.DataFrame({
        "pair": ["p", "p", "p", "q"], "indicator_id": ["a", "b", "c", "a"], "unit": ["x"] * 4,
        "base_value": [1.0] * 4, "target_value": [2.0] * 4, "prorata_projection": [2.0] * 4,
        "growth_projection": [2.0] * 4, "prorata_ape": [5.0, 1.0, 3.0, 9.0], "growth_ape": [1.0, 2.0, np.nan, 1.0],
        "flags": ["", "", "", ""], "base_doc": ["901_synthetic"] * 4, "target_doc": ["900_synthetic"] * 4})
    scored = trends_charts.backtest_errors(backtest, "p")
    assert scored["indicator_id"].tolist() == ["b", "a"]  # c unscored by growth, q another pair
    catalogue = pd.DataFrame({"name_en": ["A name", "B name"]}, index=["a", "b"])
    fig = trends_charts.backtest_chart(scored, catalogue, "SYNTHETIC", "error, %", MANIFEST)
    source = " ".join(t.get_text() for t in fig.texts)
    assert "reports to June 2025, to November 2025" in source  # from the rows' base_doc and target_doc
    assert fig.lsreports_rows["indicator_id"].tolist() == ["b", "a"]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["B name", "A name"]


def test_plan_view_labels_by_kind_of_target_and_drops_the_unprojected():
    with_target = projections().loc[lambda f: f["target_kind"] != ""]
    catalogue = pd.DataFrame({"name_en": ["Alpha", "Beta"]}, index=["a", "b"])
    view = plan_view(with_target, catalogue)
    assert view["label"].tolist() == ["Beta (plan)", "Alpha (plan)", "Alpha (provincial budget est.)"]
    assert view["projected_pct_of_target"].tolist() == [80.0, 90.0, 95.0]


def test_plan_view_labels_in_vietnamese_from_the_catalogue():
    from lsreports.publish import i18n

    with_target = projections().loc[lambda f: f["target_kind"] != ""]
    catalogue = pd.DataFrame({"name_en": ["Alpha", "Beta"], "name_vi": ["Anpha", ""]}, index=["a", "b"])  # synthetic
    with i18n.using("vi"):
        view = plan_view(with_target, catalogue)
    assert view["label"].tolist() == ["Beta (kế hoạch)", "Anpha (kế hoạch)", "Anpha (dự toán tỉnh)"]


def test_fitted_labels_cut_long_names_wrap_them_and_never_let_two_bars_share_a_label():
    from lsreports.publish.year_end_chart import fitted_labels

    names = ["Public investment disbursed from the year's capital plan (carry-over as stated)",  # synthetic names
             "Public investment disbursed from the current year's plan (excluding carry-over)", "Coal"]
    got = fitted_labels(names, ["(plan)", "(plan)", "(plan)"], width=30, line=24)
    assert len(set(got)) == 3 and got[2] == "Coal (plan)"
    assert all(len(line) <= 24 for label in got for line in label.split("\n"))
    assert all(label.endswith("(plan)") and "…" in label for label in got[:2])  # cut, the kind kept whole


def test_the_trends_notebook_has_no_def_and_no_chart_code_of_its_own():
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "notebooks" / "trends_forecasts.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                                             ast.Lambda))]
    imported = {alias.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                for alias in n.names} | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m and (m.startswith("matplotlib") or m in ("plt", "seaborn", "numpy"))}
    drawing = {"subplots", "barh", "plot", "set_yticks", "set_xlabel", "set_title", "legend", "suptitle"}
    assert not [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in drawing]


def test_the_year_end_chart_draws_fitted_labels_with_panel_titles_in_the_readers_language():
    from lsreports.publish import i18n
    from lsreports.publish.year_end_chart import year_end_chart

    long_name = "Public investment disbursed from the year's capital plan (carry-over as each report states it)"
    view = pd.DataFrame({  # SYNTHETIC rows of a 5-month year to date
        "label": plan_view(projections().loc[lambda f: f["target_kind"] == "plan"],
                           pd.DataFrame({"name_en": [long_name, "Beta"]}, index=["a", "b"]))["label"].tolist(),
        "ytd_start": pd.Timestamp("2026-01-01"), "ytd_end": pd.Timestamp("2026-05-31"), "ytd_pct_of_target": [30.0, 40.0],
        "projected_pct_of_target": [80.0, 90.0], "lower_pct_of_target": [60.0, 70.0], "upper_pct_of_target": [100.0, 110.0],
        "method": ["pro_rata", "growth"], "target_kind": "plan", "indicator_id": ["b", "a"], "source_doc": "d",
        "start": pd.Timestamp("2026-01-01"), "end": pd.Timestamp("2026-05-31"), "measure": "plan_pct", "value": [30.0, 40.0]})
    with i18n.using("vi"):
        fig = year_end_chart(view, "SYNTHETIC", "nguồn", "% kế hoạch")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert max(len(line) for tick in ticks for line in tick.split("\n")) <= 34 and any("\n" in t for t in ticks)
    assert fig.axes[0].get_title(loc="left") == "Lũy kế 5 tháng"
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "lũy kế" in legend and not [t for t in legend if "year" in t]
