"""The province beside the country for each report's year to date (issue 23), on SYNTHETIC rows."""
from __future__ import annotations

import pandas as pd

from lsreports.analysis.tsa.country import report_periods, years_to_date_beside
from lsreports.publish.country_section import year_to_date_words, years_to_date_sentences


def _rows(rows: list[tuple]) -> pd.DataFrame:
    """SYNTHETIC observations: (id, start, end, measure, value, doc)."""
    frame = pd.DataFrame(rows, columns=["indicator_id", "start", "end", "measure", "value", "source_doc"])
    return frame.assign(start=pd.to_datetime(frame["start"]), end=pd.to_datetime(frame["end"]), unit="pct",
                        quote="synthetic quote", derived=False, status="estimate", flag="", note="")


PROVINCE = _rows([("retail_sales", "2026-01-01", "2026-05-31", "yoy_pct", 17.5, "003_synthetic"),
                  ("retail_sales", "2026-01-01", "2026-04-30", "yoy_pct", 16.0, "003_synthetic"),
                  ("trade_total_export", "2026-01-01", "2026-05-14", "yoy_pct", 43.0, "003_synthetic"),
                  ("iip", "2026-01-01", "2026-01-31", "yoy_pct", -2.0, "004_synthetic"),
                  ("pubinv_disbursed", "2025-01-01", "2025-11-30", "plan_pct", 71.6, "000_synthetic")])
COUNTRY = _rows([("vn_retail_sales", "2026-01-01", "2026-05-31", "yoy_pct", 9.4, "pub_vn_synthetic"),
                 ("vn_exports", "2026-01-01", "2026-01-31", "yoy_pct", 29.7, "pub_vn_synthetic"),
                 ("vn_iip", "2026-01-01", "2026-01-31", "yoy_pct", 21.5, "pub_vn_synthetic"),
                 ("vn_sbi_total", "2025-01-01", "2025-11-30", "plan_pct", 72.2, "pub_vn_synthetic")])
PERIODS = pd.DataFrame({"report": ["000_synthetic", "004_synthetic", "003_synthetic"],
                        "start": pd.to_datetime(["2025-01-01", "2026-01-01", "2026-01-01"]),
                        "end": pd.to_datetime(["2025-11-30", "2026-01-31", "2026-05-31"])})


def test_each_report_period_puts_the_countrys_figure_beside_the_provinces():
    table = years_to_date_beside(PROVINCE, COUNTRY, PERIODS).set_index(["report", "indicator_id"])
    retail = table.loc[("003_synthetic", "retail_sales")]
    assert (retail["province"], retail["country"]) == (17.5, 9.4)  # January-May, not January-April
    assert retail["difference"] == 17.5 - 9.4
    exports = table.loc[("003_synthetic", "trade_total_export")]
    assert exports["province_end"] == pd.Timestamp("2026-05-14") and pd.isna(exports["country"])
    assert exports["country_last"] == pd.Timestamp("2026-01-31")
    assert table.loc[("000_synthetic", "pubinv_disbursed"), "country"] == 72.2
    assert ("004_synthetic", "retail_sales") not in table.index  # no province figure: no comparison


def test_the_sentences_say_the_growth_of_both_or_why_the_country_is_missing():
    lines = years_to_date_sentences(years_to_date_beside(PROVINCE, COUNTRY, PERIODS))
    assert "Lạng Sơn's retail sales grew 17.5 % in January-May 2026, against 9.4 % for the country." in lines
    assert "Lạng Sơn's industrial production (IIP) fell 2.0 % in January 2026, against 21.5 % for the country." in lines
    assert ("Lạng Sơn's exports grew 43.0 % in January to 14 May 2026; no national figure for January-May 2026 is "
            "stored (the country's figures of this kind reach January 2026).") in lines
    assert ("Lạng Sơn disbursed 71.6 % of its 2025 public investment plan (carry-over included) in "
            "January-November 2025, against 72.2 % of the country's state-budget investment plan.") in lines


def test_period_words_and_the_reports_periods():
    assert year_to_date_words(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-01-31")) == "January 2026"
    assert year_to_date_words(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30")) == "January-June 2025"
    manifest = pd.DataFrame({"id": ["001_x", "pub_y"], "period_start": pd.to_datetime(["2025-01-01", "2025-01-01"]),
                             "period_end": pd.to_datetime(["2025-06-30", "2025-12-31"]),
                             "source_kind": ["report", "public_text"]})
    assert report_periods(manifest)["report"].tolist() == ["001_x"]


def test_the_four_real_reports_have_the_country_beside_them_where_a_release_is_stored():
    import lsreports as ls
    from lsreports.sources.loader import national_observations

    table = years_to_date_beside(ls.observations(include_derived=True), national_observations(),
                                 report_periods(ls.reports()))
    assert set(table["end"].dt.strftime("%Y-%m")) == {"2025-06", "2025-11", "2026-01", "2026-05"}
    with_country = set(table.dropna(subset=["country"])["end"].dt.strftime("%Y-%m"))
    assert {"2025-06", "2025-11", "2026-01"} <= with_country  # January-May 2026: no release stored (docs/national.md)


def test_the_text_of_every_comparison_on_the_real_data():
    import lsreports as ls
    from lsreports.publish.country_section import years_to_date_text

    text = years_to_date_text(ls.observations(), ["retail_sales"])
    assert text.startswith("- Lạng Sơn's retail sales grew ") and text.count("\n") == 3  # four reports
    assert "against" in text and "no national figure for January-May 2026" in text


def test_the_seasonal_chart_never_bridges_a_month_without_a_figure():
    from lsreports.publish.country_section import seasonal_lines

    months = pd.period_range("2025-01", "2025-08", freq="M")
    levels = pd.Series([10.0, 11, None, None, None, 12, 13, 14], index=months)  # SYNTHETIC, March-May missing
    figure = seasonal_lines({"s": levels}, {"s": "Synthetic"})
    drawn = sorted(len(line.get_xdata()) for line in figure.axes[0].get_lines() if len(line.get_xdata()))
    assert drawn == [2, 3]  # January-February and June-August, two lines, not one of five points
