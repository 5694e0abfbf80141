"""The extractor's grammar, one construction per test, on SYNTHETIC sentences in the register of the reports.

Every text here is invented for the test (marked "giả lập"); none is a public text. Each
test names the construction it covers (issue 24): the indicator lexicon's phrases, the
grammar of measures and of periods, lists, levels followed by rates, units, the scope of a
text, confidence and its reasons, the review order and the gaps.
"""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from lsreports.extract import extract_report
from lsreports.extract.confidence import LOW
from lsreports.extract.gaps import unread_sentences
from lsreports.extract.lexicon import LexiconError, load_entries, phrase_pattern
from lsreports.extract.measure import load_bases
from lsreports.extract.review import review_candidates
from lsreports.extract.text import Folded

PROVINCE = "Tỉnh Lạng Sơn (văn bản giả lập). "


def rows(text: str, month: str = "2025-05") -> dict[tuple[str, str, str, str], float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract_report(PROVINCE + text, "syn", month)
    return {(r.indicator_id, r.start, r.end, r.measure): r.value for r in frame.itertuples()}


def frame_of(text: str, month: str = "2025-05") -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_report(text, "syn", month)


YTD, MAY = ("2025-01-01", "2025-05-31"), ("2025-05-01", "2025-05-31")


# --- the indicator lexicon -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, indicator, value", [
    ("Kim ngạch XNK 5 tháng đạt 3.000 triệu USD.", "trade_total", 3000),
    ("Hoạt động xuất nhập khẩu 5 tháng đạt 3.100 triệu USD.", "trade_total", 3100),
    ("Kim ngạch xuất, nhập khẩu 5 tháng đạt 3.200 triệu USD.", "trade_total", 3200),  # the total, not imports
    ("Thu NSNN 5 tháng ước đạt 2.500 tỷ đồng.", "budget_revenue_total", 2500),
    ("Thu từ hoạt động XNK 5 tháng đạt 1.500 tỷ đồng.", "budget_revenue_trade", 1500),
    ("5 tháng, tỉnh đón hơn 1,2 triệu lượt khách.", "tourism_visitors", 1200),
    ("Doanh thu ngành du lịch 5 tháng đạt 900 tỷ đồng.", "tourism_revenue", 900),
    ("Ngành du lịch phát triển, doanh thu 5 tháng đầu năm 2025 đạt 910 tỷ đồng.", "tourism_revenue", 910),
])
def test_catalogue_names_synonyms_and_abbreviations(sentence, indicator, value):
    assert rows(sentence)[(indicator, *YTD, "value")] == value


def test_a_name_right_after_the_unit_beats_a_name_before_earlier_numbers():
    found = rows("5 tháng, tỉnh đón hơn 1,2 triệu lượt khách, trong đó 30.000 lượt khách quốc tế.")
    assert found[("tourism_visitors", *YTD, "value")] == 1200
    assert found[("tourism_visitors_international", *YTD, "value")] == 30


def test_the_lexicon_is_a_table_and_a_bad_row_names_its_line(tmp_path):
    assert phrase_pattern("Doanh thu ngành du lịch", "words").search(Folded("doanh thu ngành du lịch đạt").text)
    assert not phrase_pattern("thu NSNN", "words").search("chi thu nsnnx")  # whole words only
    table = tmp_path / "phrases.csv"
    table.write_text("indicator_id,family,syntax,phrase,kind,note\nretail_sales,vnd,words,bán lẻ,name,\n"
                     "iip,rate,regex,(iip,name,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"phrases\.csv: line 3 \(iip\): the regex does not compile"):
        load_entries(table)
    table.write_text("indicator_id,family,syntax,phrase,kind,note\nretail_sales,vnd,words,bán lẻ,slang,\n",
                     encoding="utf-8")
    with pytest.raises(LexiconError, match=r"line 2 \(retail_sales\): kind 'slang'"):
        load_entries(table)


# --- the grammar of measures -------------------------------------------------------------------------------------------

def test_the_bases_of_a_percentage_are_a_table_a_reader_extends(tmp_path):
    table = tmp_path / "bases.csv"
    table.write_text("measure,syntax,phrase,note\nplan_pct,words,chỉ tiêu giao,a new phrase\n", encoding="utf-8")
    [(pattern, measure)] = load_bases(table)
    assert measure == "plan_pct" and pattern.match(Folded("% so với chỉ tiêu giao").text)
    table.write_text("measure,syntax,phrase,note\nvalue,words,chỉ tiêu,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bases\.csv: line 2: measure 'value'"):
        load_bases(table)


def test_ratio_to_the_year_before_is_a_change_and_the_note_says_so():
    frame = frame_of(PROVINCE + "Thu ngân sách nhà nước tháng 5 đạt 700 tỷ đồng, bằng 94,2% so cùng kỳ.")
    row = frame.loc[frame["measure"] == "yoy_pct"].iloc[0]
    assert row["value"] == pytest.approx(-5.8) and "94.2 - 100" in row["note"]


def test_chi_dat_with_the_base_printed_is_a_ratio_too():
    found = rows("Doanh thu du lịch tháng 5 đạt 80 tỷ đồng, chỉ đạt 94,41% so với cùng kỳ.")
    assert found[("tourism_revenue", *MAY, "yoy_pct")] == pytest.approx(-5.59)


def test_growth_that_reaches_a_rate_is_not_a_ratio():
    found = rows("Tốc độ tăng trưởng GRDP 5 tháng đạt 8,06% so với cùng kỳ.")
    assert found[("grdp", *YTD, "yoy_pct")] == pytest.approx(8.06)


def test_vuot_a_plan_or_an_estimate_is_100_plus_it():
    frame = frame_of(PROVINCE + "Tổng thu ngân sách nhà nước 5 tháng đạt 3.000 tỷ đồng, vượt 22,7% dự toán.")
    row = frame.loc[frame["measure"] == "est_local_pct"].iloc[0]
    assert row["value"] == pytest.approx(122.7) and "100 + 22.7" in row["note"]


def test_gap_n_lan_is_n_minus_one_times_100():
    frame = frame_of(PROVINCE + "Doanh thu du lịch 5 tháng đạt 500 tỷ đồng, gấp 3,22 lần so với cùng kỳ.")
    row = frame.loc[frame["measure"] == "yoy_pct"].iloc[0]
    assert row["value"] == pytest.approx(222.0) and "(3.22 - 1) × 100" in row["note"]


def test_central_and_local_estimates_and_a_fall():
    found = rows("Thu ngân sách nhà nước 5 tháng đạt 3.000 tỷ đồng, đạt 45% dự toán Trung ương giao, "
                 "đạt 40% dự toán tỉnh giao, giảm 3,5% so với cùng kỳ.")
    assert found[("budget_revenue_total", *YTD, "est_central_pct")] == 45
    assert found[("budget_revenue_total", *YTD, "est_local_pct")] == 40
    assert found[("budget_revenue_total", *YTD, "yoy_pct")] == -3.5


# --- the grammar of periods -------------------------------------------------------------------------------------------

def test_a_quarter_inside_a_half_year_report_is_a_quarter():
    found = rows("6 tháng đầu năm 2025, GRDP ước tăng 7,1%; riêng quý II tăng 7,5% so với cùng kỳ.", "2025-06")
    assert found[("grdp", "2025-01-01", "2025-06-30", "yoy_pct")] == 7.1
    assert found[("grdp", "2025-04-01", "2025-06-30", "yoy_pct")] == 7.5


def test_the_comparison_year_is_not_the_figures_year_and_its_own_figure_is_that_periods():
    frame = frame_of(PROVINCE + "Tổng mức bán lẻ 5 tháng đạt 10.000 tỷ đồng, tăng 9,3% so với cùng kỳ năm 2024 "
                     "(cùng kỳ năm 2024 tăng 8,8%), chỉ số sản xuất công nghiệp tăng 5%.")
    found = {(r.indicator_id, r.start, r.measure): r for r in frame.itertuples()}
    assert found[("retail_sales", "2025-01-01", "yoy_pct")].value == 9.3
    assert found[("retail_sales", "2024-01-01", "yoy_pct")].value == 8.8
    assert "comparison period" in found[("retail_sales", "2024-01-01", "yoy_pct")].reason
    assert found[("iip", "2025-01-01", "yoy_pct")].value == 5  # not 2024: the bracket names no later figure


def test_months_in_words_and_the_first_half():
    assert rows("Tám tháng năm 2025, chỉ số sản xuất công nghiệp tăng 8,5% so với cùng kỳ.", "2025-09")[
        ("iip", "2025-01-01", "2025-08-31", "yoy_pct")] == 8.5
    assert rows("Doanh thu du lịch nửa đầu năm 2025 đạt 2.900 tỷ đồng.", "2025-09")[
        ("tourism_revenue", "2025-01-01", "2025-06-30", "value")] == 2900


# --- lists, levels followed by rates, units ---------------------------------------------------------------------------

def test_a_list_of_products_each_with_its_rate():
    found = rows("Sản lượng một số sản phẩm năm 2025: than 520 nghìn tấn, tăng 3,1%; điện sản xuất 410 triệu kWh, "
                 "tăng 5%; xi măng 1.200 nghìn tấn.", "2025-12")
    year = ("2025-01-01", "2025-12-31")
    assert found[("prod_coal", *year, "value")] == 520 and found[("prod_coal", *year, "yoy_pct")] == 3.1
    assert found[("prod_electricity_generated", *year, "value")] == 410
    assert found[("prod_electricity_generated", *year, "yoy_pct")] == 5
    assert found[("prod_cement", *year, "value")] == 1200


def test_budget_in_million_dong_is_scaled_to_billions():
    assert rows("Thu ngân sách nhà nước tháng 5 ước đạt 523.400 triệu đồng.")[
        ("budget_revenue_total", *MAY, "value")] == pytest.approx(523.4)


def test_parts_of_the_trade_total():
    found = rows("Kim ngạch xuất, nhập khẩu 5 tháng đạt 3.000 triệu USD; trong đó xuất khẩu 1.000 triệu USD, "
                 "nhập khẩu 2.000 triệu USD.")
    assert (found[("trade_total", *YTD, "value")], found[("trade_total_export", *YTD, "value")],
            found[("trade_total_import", *YTD, "value")]) == (3000, 1000, 2000)


def test_grdp_sectors_by_number_and_after_a_trong_do_sentence():
    found = rows("GRDP 5 tháng ước tăng 8,2%; khu vực I tăng 7,2%, khu vực II tăng 10,9%, khu vực III tăng 7,3%.")
    assert [found[(i, *YTD, "yoy_pct")] for i in ("grdp_agriculture", "grdp_industry_construction",
                                                  "grdp_services")] == [7.2, 10.9, 7.3]
    found = rows("Tốc độ tăng GRDP 5 tháng ước đạt 6,01%. Trong đó nông lâm nghiệp tăng 2,78%, "
                 "công nghiệp - xây dựng tăng 7,8%.")
    assert found[("grdp_agriculture", *YTD, "yoy_pct")] == 2.78
    assert found[("grdp_industry_construction", *YTD, "yoy_pct")] == 7.8


def test_a_headline_repeating_a_dated_figure_gives_no_second_row():
    frame = frame_of("Lạng Sơn đón 75 ngàn lượt khách du lịch dịp Tết (văn bản giả lập)\nTổng số khách du lịch "
                     "đến Lạng Sơn từ ngày 8/2 đến ngày 14/2 ước đạt 75.000 lượt khách.", "2025-02")
    assert list(zip(frame["start"], frame["end"], frame["value"])) == [("2025-02-08", "2025-02-14", 75.0)]


def test_du_tinh_is_an_estimate():
    frame = frame_of(PROVINCE + "Tổng mức bán lẻ hàng hóa tháng 5 dự tính đạt khoảng 1.465,92 tỷ đồng.")
    assert frame["status"].tolist() == ["estimate"]


# --- scope, confidence, review order, gaps ----------------------------------------------------------------------------

NATIONAL = ("Theo Cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa cả nước 5 tháng ước đạt 2.700 nghìn tỷ đồng, "
            "tăng 9% so với cùng kỳ; chỉ số sản xuất công nghiệp tăng 8,8%.")


def test_a_text_about_the_country_gives_national_rows_and_none_of_the_province():
    """Issue 24: the country's figures get the national ids (stage 1c), never the province's."""
    frame = frame_of(NATIONAL)
    assert frame["indicator_id"].str.startswith("vn_").all()
    found = {(r.indicator_id, r.start, r.end, r.measure): r.value for r in frame.itertuples()}
    assert found[("vn_retail_sales", *YTD, "value")] == 2_700_000 and found[("vn_retail_sales", *YTD, "yoy_pct")] == 9


def test_a_text_about_the_country_with_no_national_figure_says_why():
    with pytest.warns(UserWarning, match="about the whole country"):
        assert extract_report("Theo Cục Thống kê (văn bản giả lập), cả nước có 12.000 trang trại.", "syn",
                              "2025-05").empty


def test_a_sentence_about_the_country_in_a_province_text_gives_no_row():
    found = rows("Chỉ số sản xuất công nghiệp 5 tháng tăng 6%. Khách quốc tế đến Việt Nam 5 tháng đạt 9,2 triệu "
                 "lượt, tăng 21%.")
    assert found == {("iip", *YTD, "yoy_pct"): 6}


def test_a_text_naming_neither_is_read_but_doubted():
    frame = frame_of("Năm tháng (văn bản giả lập): chỉ số sản xuất công nghiệp tháng 5 tăng 6% so với cùng kỳ.")
    assert list(frame["indicator_id"]) == ["iip"]
    assert frame["confidence"].iloc[0] < LOW and "neither the province nor the country" in frame["reason"].iloc[0]


def test_a_guessed_period_or_base_lowers_confidence_and_gives_a_reason():
    frame = frame_of(PROVINCE + "Số doanh nghiệp thành lập mới là 120 doanh nghiệp. Chỉ số sản xuất công nghiệp "
                     "tháng 5 tăng 6%.")
    by_id = frame.set_index("indicator_id")
    assert by_id.loc["enterprises_new", "confidence"] < LOW and "no period named" in by_id.loc["enterprises_new", "reason"]
    assert "no base printed" in by_id.loc["iip", "reason"]


def test_an_odd_ratio_is_kept_but_doubted():
    frame = frame_of(PROVINCE + "Thu ngân sách nhà nước tháng 5 đạt 70 tỷ đồng, chỉ bằng 24,1% so với cùng kỳ.")
    row = frame.loc[frame["measure"] == "yoy_pct"].iloc[0]
    assert row["value"] == pytest.approx(-75.9) and row["confidence"] < LOW and "is it a change?" in row["reason"]


def test_the_review_file_shows_low_confidence_rows_first():
    frame = frame_of(PROVINCE + "Số doanh nghiệp thành lập mới là 120 doanh nghiệp. Chỉ số sản xuất công nghiệp "
                     "tháng 5 tăng 6% so với cùng kỳ.")
    frame = frame.iloc[::-1]  # the sure row first, so that the order is the review's doing
    curated = pd.DataFrame({"indicator_id": [], "start": pd.to_datetime([]), "end": pd.to_datetime([]),
                            "measure": [], "source_doc": [], "value": []})
    review = review_candidates(frame, curated)
    assert list(review["indicator_id"]) == ["enterprises_new", "iip"]
    assert review["reason"].iloc[0] != "" and review["reason"].iloc[1] == ""


def test_gaps_list_the_sentences_that_gave_no_candidate_with_a_reason():
    text = (PROVINCE + "Chỉ số sản xuất công nghiệp tháng 5 tăng 6% so với cùng kỳ. Khách quốc tế đến Việt Nam "
            "đạt 9,2 triệu lượt. Diện tích lúa đạt 15.203 ha.")
    gaps = unread_sentences(text, "syn", "2025-05")
    assert list(gaps["numbers"]) == ["9,2", "15.203"]
    assert gaps["reason"].iloc[0].startswith("about the whole country") and gaps["reason"].iloc[1] == ""


def test_curate_gaps_reads_a_text_file(tmp_path, capsys):
    from lsreports.cli import main

    path = tmp_path / "syn_2025_05.txt"
    path.write_text(NATIONAL + " Cả nước có 12.000 trang trại.", encoding="utf-8")
    assert main(["curate", "gaps", str(path), "--month", "2025-05"]) == 0
    out = capsys.readouterr().out
    assert "12.000" in out and "about the whole country" in out and "1 sentences of syn_2025_05.txt" in out
    assert "2.700" not in out  # read as the country's retail sales


# --- bases named by their month, comparisons with reserved years (issue 24) ---------------------------------------------

def test_a_change_on_a_named_month_before_is_month_on_month_not_the_period():
    """ "so với tháng 4/2025" of May's figure is the month before; the named month is not the figure's period."""
    found = rows("Kim ngạch xuất nhập khẩu tháng 5 đạt 500 triệu USD, tăng 18% so với tháng 4/2025.")
    assert found == {("trade_total", *MAY, "value"): 500, ("trade_total", *MAY, "mom_pct"): 18}


def test_a_change_on_the_same_month_a_year_before_named_by_its_month_is_year_on_year():
    frame = frame_of(PROVINCE + "Kim ngạch xuất nhập khẩu tháng 5 đạt 500 triệu USD, tăng 9,5% so với tháng 5/2024.")
    row = frame.loc[frame["measure"] == "yoy_pct"].iloc[0]
    assert (row["start"], row["end"], row["value"]) == (*MAY, 9.5)
    assert row["confidence"] >= 0.9 and row["reason"] == ""  # the base is printed, not assumed


def test_a_change_on_another_named_month_gives_no_row():
    """ "so với tháng 12/2024" of May's figure: a change since December, which the contract has no measure for."""
    found = rows("Kim ngạch xuất nhập khẩu tháng 5 đạt 500 triệu USD, tăng 30% so với tháng 12/2024.")
    assert found == {("trade_total", *MAY, "value"): 500}


def test_a_figure_printed_for_a_reserved_comparison_year_gives_no_row():
    """ "(cùng kỳ năm 2023 tăng 7%)" in a 2024 text: 2023 is reserved for evaluation, so no row, never a wrong period."""
    found = rows("Chỉ số sản xuất công nghiệp 5 tháng tăng 9,1% so với cùng kỳ (cùng kỳ năm 2023 tăng 7%).",
                 month="2024-05")
    assert found == {("iip", "2024-01-01", "2024-05-31", "yoy_pct"): 9.1}


def test_a_signed_difference_in_brackets_is_not_a_level():
    """ "tăng 15,4% (+9,3 triệu kWh)": the bracket is the change in kWh, not the month's output."""
    assert rows("Sản lượng điện sản xuất tháng 5 tăng 15,4% (+9,3 triệu kWh) so với cùng kỳ.") == {}


def test_trucks_carrying_goods_are_not_the_vehicles_declared_on_the_platform():
    found = rows("Số phương tiện chở hàng hóa xuất khẩu đến các cửa khẩu trong tháng 5 là 67.000 phương tiện. Số "
                 "phương tiện đã khai báo trên Nền tảng cửa khẩu số tháng 5 là 70.000 phương tiện.")
    assert found == {("trade_platform_vehicles", *MAY, "value"): 70_000}


def test_a_figure_still_to_come_is_a_target_not_a_result():
    found = rows("Kim ngạch xuất nhập khẩu tháng 5 đạt 500 triệu USD. Kim ngạch xuất nhập khẩu tháng 6 sẽ đạt 600 "
                 "triệu USD.")
    assert found == {("trade_total", *MAY, "value"): 500}


def test_a_period_printed_after_the_rate_is_the_rates():
    """ "tăng 9,2% trong 4 tháng": the period follows the rate (synthetic)."""
    found = rows("Chỉ số sản xuất công nghiệp tháng 5 tăng 10,8% so với cùng kỳ và tăng 9,2% trong 4 tháng đầu năm.")
    assert found[("iip", *MAY, "yoy_pct")] == 10.8 and found[("iip", "2025-01-01", "2025-04-30", "yoy_pct")] == 9.2


def test_the_comparison_of_a_price_adjusted_growth_gives_no_row():
    """ "nếu loại trừ yếu tố giá tăng 9% (cùng kỳ năm 2024 tăng 8,9%)": the bracket compares the price-adjusted figure."""
    found = rows("Tổng mức bán lẻ hàng hóa 5 tháng đạt 9.000 tỷ đồng, tăng 11,9% so với cùng kỳ, nếu loại trừ yếu tố "
                 "giá tăng 9% (cùng kỳ năm 2024 tăng 8,9%).")
    assert ("retail_sales", "2024-01-01", "2024-05-31", "yoy_pct") not in found
    assert found[("retail_sales", *YTD, "yoy_pct")] == 11.9


def test_a_headline_repeating_a_change_whose_body_names_its_base_gives_no_second_row():
    frame = frame_of(PROVINCE + "Chỉ số sản xuất công nghiệp tháng 5 tăng 6,2%.\nSo với tháng trước, chỉ số sản xuất "
                     "công nghiệp tháng 5 tăng 6,2%.")
    assert list(zip(frame["measure"], frame["value"])) == [("mom_pct", 6.2)]


def test_a_base_printed_just_before_the_rate_is_its_base():
    """ "... và so với cùng kỳ năm trước tăng 3,97%": the base precedes the verb (synthetic)."""
    frame = frame_of(PROVINCE + "Chỉ số sản xuất công nghiệp tháng 5 giảm 0,2% so với tháng trước và so với cùng kỳ năm "
                     "trước tăng 3,9%.")
    found = {(r.measure, r.value): r.reason for r in frame.itertuples()}
    assert found == {("mom_pct", -0.2): "", ("yoy_pct", 3.9): ""}


def test_lan_luot_gives_two_rates_their_bases_in_order():
    """ "lần lượt tăng 2,5% và 5,5% so với tháng trước và cùng kỳ": respectively (synthetic)."""
    found = rows("Doanh thu du lịch tháng 5 đạt 80 tỷ đồng, lần lượt tăng 2,5% và 5,5% so với tháng trước và cùng kỳ.")
    assert found[("tourism_revenue", *MAY, "mom_pct")] == 2.5 and found[("tourism_revenue", *MAY, "yoy_pct")] == 5.5


def test_an_export_named_with_its_own_noun_and_no_total_is_the_part_of_the_turnover_through_the_province():
    """SYNTHETIC (issue 24, fs4: the statistics office's release): "Kim ngạch xuất khẩu" with no total in its sentence
    is `trade_total_export`; a bare "xuất khẩu" with no total stays unread."""
    from lsreports.extract import extract_report

    text = ("Tình hình kinh tế - xã hội tỉnh Lạng Sơn tháng 8 năm 2027 (văn bản giả lập). Kim ngạch xuất khẩu trong "
            "tháng 8/2027 ước đạt 210 triệu USD, lũy kế 8 tháng ước đạt 1.700 triệu USD, đạt 31,5% kế hoạch, giảm "
            "7,5% so với cùng kỳ. Xuất khẩu đạt 5 triệu USD.")
    frame = extract_report(text, "syn", "2027-08")
    rows = {(r.indicator_id, r.start, r.end, r.measure): r.value for r in frame.itertuples()}
    assert rows == {("trade_total_export", "2027-08-01", "2027-08-31", "value"): 210,
                    ("trade_total_export", "2027-01-01", "2027-08-31", "value"): 1700,
                    ("trade_total_export", "2027-01-01", "2027-08-31", "plan_pct"): 31.5,
                    ("trade_total_export", "2027-01-01", "2027-08-31", "yoy_pct"): -7.5}
