"""Stage 4 of the extractor, periods, on SYNTHETIC folded phrases written for these tests."""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.extract.periods import Period, ReportMonth, last_period, period_for, report_month, year_earlier

AUG = ReportMonth(2027, 8)


def _dates(period: Period) -> tuple[str, str, str]:
    return f"{period.start:%Y-%m-%d}", f"{period.end:%Y-%m-%d}", period.kind


@pytest.mark.parametrize("phrase, expected", [
    ("trong thang 8, xuat khau dat ", ("2027-08-01", "2027-08-31", "month")),
    ("luy ke 8 thang dau nam, ", ("2027-01-01", "2027-08-31", "ytd")),
    ("thang 7/2027 ", ("2027-07-01", "2027-07-31", "month")),
    ("luy ke den ngay 20/8/2027 ", ("2027-01-01", "2027-08-20", "ytd_day")),
    ("den het thang 6 ", ("2027-01-01", "2027-06-30", "ytd")),
    ("tam thang nam 2027, ", ("2027-01-01", "2027-08-31", "ytd")),  # months in words
    ("nua dau nam 2027 ", ("2027-01-01", "2027-06-30", "ytd")),
    ("giai ngan cung ky nam 2026 la ", ("2026-01-01", "2026-08-31", "ytd")),  # a figure printed for that period
    ("8 thang dau nam, du con 4 thang nua moi het nam, xuat khau da dat ", ("2027-01-01", "2027-08-31", "ytd"))])  # months left
def test_the_last_period_phrase(phrase, expected):
    assert _dates(last_period(phrase, AUG)) == expected


def test_a_month_named_in_words_is_that_month_but_not_a_lunar_date_nor_the_next_month():
    """SYNTHETIC phrases: "tháng Tám" is August, "tháng Mười một năm 2026" November 2026 (issue 24, fs4)."""
    assert _dates(last_period("ban le thang tam uoc dat ", AUG)) == ("2027-08-01", "2027-08-31", "month")
    assert _dates(last_period("thang muoi mot nam 2026 dat ", AUG)) == ("2026-11-01", "2026-11-30", "month")
    assert last_period("tu ngay 29 thang chap, ", AUG) is None
    assert last_period("du kien thang sau se tang ", AUG) is None


def test_months_beyond_the_report_are_not_periods():
    assert last_period("10 thang ", AUG) is None


def test_the_base_of_a_comparison_is_not_the_figures_period():
    """"tăng 5% so với cùng kỳ năm 2026": 2026 is what the figure is compared with, not its period (synthetic)."""
    assert last_period("tang 5% so voi cung ky nam 2026 ", AUG) is None
    assert last_period("tang 5% so cung ky nam 2026 ", AUG) is None
    assert last_period("tang 5% (cung ky nam 2026 tang 3%), ", AUG) is None  # nor for the numbers after it


def test_period_for_defaults_to_the_year_to_date_and_reads_stocks_at_the_end():
    assert _dates(period_for("retail_sales", "dat ", AUG)) == ("2027-01-01", "2027-08-31", "ytd")
    assert _dates(period_for("bank_deposits", "trong thang 8 von huy dong ", AUG)) == \
        ("2027-08-31", "2027-08-31", "point")
    assert _dates(period_for("poor_households", "cuoi nam 2026 ho ngheo ", AUG)) == \
        ("2026-12-31", "2026-12-31", "point")


def test_a_lead_period_and_a_later_luy_ke():
    lead = Period(pd.Timestamp(2027, 8, 1), pd.Timestamp(2027, 8, 31), "month")
    assert period_for("retail_sales", "luy ke 8 thang ", AUG, " dat ", "", lead) == lead
    assert _dates(period_for("retail_sales", "", AUG, " dat ", " ty dong; luy ke 8 thang ")) == \
        ("2027-08-01", "2027-08-31", "month")


def test_public_investment_against_an_earlier_plan_spans_from_that_year():
    assert _dates(period_for("pubinv_disbursed", "ke hoach von nam 2026 giai ngan den ngay 31/7/2027 ", AUG)) == \
        ("2026-01-01", "2027-07-31", "span")


def test_year_earlier_keeps_month_ends():
    feb = Period(pd.Timestamp(2028, 2, 1), pd.Timestamp(2028, 2, 29), "month")
    assert _dates(year_earlier(feb)) == ("2027-02-01", "2027-02-28", "month")


def test_report_month_from_title_or_ytd_phrases():
    assert report_month("bao cao thang 11 va 11 thang nam 2025") == ReportMonth(2025, 11)
    assert report_month("xx 5 thang dau nam 2026 yy 5 thang dau nam 2026 zz 4 thang dau nam 2026") == \
        ReportMonth(2026, 5)


def test_quarters_day_spans_and_the_year_of_a_year_end_report():
    assert _dates(last_period("quy iii nam 2027 ", AUG)) == ("2027-07-01", "2027-09-30", "quarter")
    assert _dates(last_period("tu ngay 3/8 den ngay 9/8 ", AUG)) == ("2027-08-03", "2027-08-09", "span")
    assert _dates(last_period("tu ngay 28/7 den het 2-8-2027 ", AUG)) == ("2027-07-28", "2027-08-02", "span")
    december = ReportMonth(2027, 12)
    assert _dates(last_period("thang 12, quy iv va nam 2027 ", december)) == ("2027-01-01", "2027-12-31", "ytd")
    assert _dates(last_period("quy iv va nam 2027 ", AUG)) == ("2027-10-01", "2027-12-31", "quarter")
    assert last_period("6 thang dau nam 2027 ", december) is not None
    assert last_period("ke hoach nam 2027 ", december) is None


def test_a_paragraph_period_and_not_its_comparison_base():
    lead_paragraph = "tu ngay 3/8 den ngay 9/8 khach dat 4 luot, tang 5% so voi cung ky nam 2026. "
    assert _dates(period_for("tourism_revenue", "doanh thu dat ", AUG, paragraph=lead_paragraph)) == \
        ("2027-08-03", "2027-08-09", "span")
    assert _dates(period_for("tourism_revenue", "doanh thu dat ", AUG, paragraph="so voi cung ky nam 2026. ")) == \
        ("2027-01-01", "2027-08-31", "ytd")


def test_a_period_carried_from_a_sentence_naming_several_of_its_kind_is_a_guess():
    """SYNTHETIC paragraphs: "quý II ..., quý III ..." are parts named in passing; "quý III ...; tính chung 8 tháng" is not."""
    passing = period_for("x", "doanh thu dich vu luu tru dat ", AUG,
                         paragraph="quy ii chi ghi nhan hon 57.000 luot khach, quy iii la 51.000 luot. ")
    assert _dates(passing) == ("2027-07-01", "2027-09-30", "quarter") and passing.inferred
    carried = period_for("x", "trong do, nganh khai khoang tang ", AUG,
                         paragraph="chi so quy ii/2027 tang 10%; tinh chung 8 thang nam 2027 tang 9,1%. ")
    assert _dates(carried) == ("2027-01-01", "2027-08-31", "ytd") and not carried.inferred


def test_a_period_printed_after_a_rate_is_carried_to_the_next_sentence():
    """SYNTHETIC paragraph: "tháng 8 tăng 10,8% ... và tăng 9,2% trong 8 tháng. Ngành ... tăng 10,5%": the 8 months."""
    carried = period_for("x", "nganh che bien, che tao tang ", AUG,
                         paragraph="chi so iip thang 8 tang 10,8% so voi cung ky va tang 9,2% trong 8 thang. ")
    assert _dates(carried) == ("2027-01-01", "2027-08-31", "ytd")
