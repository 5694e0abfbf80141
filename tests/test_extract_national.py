"""Stage 1c of the extractor: a text about the whole country read into national (``vn_``) rows (issue 24).

Every text here is SYNTHETIC (marked "giả lập"): written for the test in the register of the
statistics office's monthly release and of the press reprinting it, with invented figures.
"""
from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from lsreports.extract import extract_report
from lsreports.extract.confidence import LOW
from lsreports.extract.text import strip_marks

# SYNTHETIC press reprint of a national release of October 2025 (invented figures).
REPRINT = ("Theo Cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá "
           "hiện hành tháng 10 ước đạt 555,5 nghìn tỷ đồng, tăng 6,6% so với cùng kỳ năm trước. Tính chung 10 tháng "
           "năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành ước đạt 5.432,1 "
           "nghìn tỷ đồng, tăng 8,1% so với cùng kỳ năm trước.")
MONTH, YTD = ("2025-10-01", "2025-10-31"), ("2025-01-01", "2025-10-31")


def frame_of(text: str, month: str = "2025-10") -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_report(text, "syn", month)


def found(frame: pd.DataFrame) -> dict[tuple[str, str, str, str], float]:
    return {(r.indicator_id, r.start, r.end, r.measure): r.value for r in frame.itertuples()}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_reprinted_national_release_gives_the_countrys_rows(variant):
    frame = frame_of(variant(REPRINT))
    assert found(frame) == {("vn_retail_sales", *MONTH, "value"): 555_500, ("vn_retail_sales", *MONTH, "yoy_pct"): 6.6,
                            ("vn_retail_sales", *YTD, "value"): 5_432_100, ("vn_retail_sales", *YTD, "yoy_pct"): 8.1}
    assert (frame["confidence"] >= LOW).all() and (frame["status"] == "estimate").all()
    assert frame["quote"].map(lambda q: q in variant(REPRINT)).all()


def test_the_press_scale_is_converted_and_named_in_the_note():
    frame = frame_of(REPRINT.replace("555,5 nghìn tỷ đồng", "555.500 tỷ đồng"))
    row = frame.set_index(["indicator_id", "start", "measure"]).loc[("vn_retail_sales", MONTH[0], "value")]
    assert row["value"] == 555_500 and "printed in 'tỷ' where the release prints 'nghìn tỷ'" in row["note"]


def test_a_figure_of_another_month_than_asked_is_read_for_the_month_it_names():
    """The release's lexicon refuses it (a warning); the grammar reads it for the month the text prints."""
    with pytest.warns(UserWarning, match="not read: .*tháng 10 of 2025"):
        frame = extract_report(REPRINT, "syn", "2025-11")
    assert set(zip(frame["start"], frame["end"])) == {MONTH, YTD}


def test_a_text_naming_neither_is_the_countrys_by_the_releases_wording_and_magnitude_but_doubted():
    text = REPRINT.replace("Theo Cục Thống kê (văn bản giả lập), t", "(Văn bản giả lập) T")
    frame = frame_of(text)
    assert set(frame["indicator_id"]) == {"vn_retail_sales"} and len(frame) == 4
    assert (frame["confidence"] < LOW).all() and frame["reason"].str.contains("read as the country's release").all()


def test_a_text_naming_neither_with_a_provinces_magnitude_is_not_the_countrys():
    text = ("(Văn bản giả lập) Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành tháng 10 "
            "ước đạt 2,5 nghìn tỷ đồng, tăng 6,6% so với cùng kỳ năm trước.")
    assert not any(i.startswith("vn_") for i in frame_of(text)["indicator_id"])


def test_the_countrys_vocabulary_reads_the_parts_of_a_total_in_its_paragraph_and_the_next():
    """A paragraph opening on "Trong đó" lists the parts of the figure the paragraph before ends on: the month."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng "
            "10/2025 ước tính đạt 600 nghìn tỷ đồng, tăng 1,2% so với tháng trước.\n\n"
            "Trong đó, doanh thu bán lẻ hàng hóa đạt 450,5 nghìn tỷ đồng, tăng 7,5% so với cùng kỳ năm trước. "
            "Doanh thu dịch vụ lưu trú, ăn uống đạt 70,1 nghìn tỷ đồng, tăng 12,2%; du lịch lữ hành tăng 20,4%.")
    rows = found(frame_of(text))
    assert rows[("vn_retail_sales", *MONTH, "mom_pct")] == 1.2
    assert rows[("vn_retail_goods", *MONTH, "value")] == 450_500 and rows[("vn_retail_goods", *MONTH, "yoy_pct")] == 7.5
    assert rows[("vn_accommodation_food", *MONTH, "value")] == 70_100
    assert rows[("vn_accommodation_food", *MONTH, "yoy_pct")] == 12.2
    assert rows[("vn_travel_services", *MONTH, "yoy_pct")] == 20.4


def test_the_countrys_indices_and_their_parts_are_named_before_their_rates():
    text = ("Theo Cục Thống kê (văn bản giả lập), chỉ số sản xuất toàn ngành công nghiệp (IIP) 10 tháng năm 2025 "
            "ước tăng 9,2% so với cùng kỳ năm trước, trong đó ngành chế biến, chế tạo tăng 10,5%; ngành khai khoáng "
            "giảm 1,1%. Chỉ số giá tiêu dùng (CPI) tháng 10/2025 tăng 0,2% so với tháng trước; nhóm giao thông "
            "giảm 0,6%.")
    rows = found(frame_of(text))
    assert rows[("vn_iip", *YTD, "yoy_pct")] == 9.2 and rows[("vn_iip_manufacturing", *YTD, "yoy_pct")] == 10.5
    assert rows[("vn_iip_mining", *YTD, "yoy_pct")] == -1.1
    assert rows[("vn_cpi", *MONTH, "mom_pct")] == 0.2 and rows[("vn_cpi_transport", *MONTH, "mom_pct")] == -0.6


def test_a_level_in_trieu_ty_dong_is_read():
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tính chung 10 tháng năm 2025, tổng mức bán lẻ hàng hóa và "
            "doanh thu dịch vụ tiêu dùng ước đạt 5,43 triệu tỷ đồng.")
    assert found(frame_of(text))[("vn_retail_sales", *YTD, "value")] == 5_430_000


def test_a_base_named_once_for_a_list_carries_to_its_rates_and_a_guessed_period_gives_no_row():
    """ "có 2 nhóm hàng giảm giá so với tháng trước. Trong đó, nhóm ... tăng 0,15%": the groups' changes are on the
    month before, in the text's month; a national level with no period anywhere gives no row."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), trong 11 nhóm hàng hóa và dịch vụ tiêu dùng chính, có 2 nhóm "
            "hàng giảm giá so với tháng trước và 9 nhóm hàng tăng giá.\n\nTrong đó, nhóm hàng ăn và dịch vụ ăn uống "
            "tăng 0,15%; nhóm giáo dục tăng 0,32%.\n\nDoanh thu dịch vụ lưu trú, ăn uống đạt 70,1 nghìn tỷ đồng.")
    frame = frame_of(text)
    assert found(frame) == {("vn_cpi_food", *MONTH, "mom_pct"): 0.15, ("vn_cpi_education", *MONTH, "mom_pct"): 0.32}
    assert (frame["confidence"] < LOW).all()  # the period is the text's month by default: doubted, with a reason
    assert frame["reason"].str.contains("read as the text's month").all()


def test_a_text_naming_neither_is_the_countrys_by_a_level_of_the_countrys_magnitude_in_other_words():
    """Not the release's wording ("tháng 7 đạt", no "ước"), but 485.984 tỷ đồng is the country's month, not a province's."""
    text = ("(Văn bản giả lập) Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 đạt 485.984 tỷ đồng, "
            "tăng 2,4% so với tháng trước.")
    frame = frame_of(text)
    assert found(frame) == {("vn_retail_sales", *MONTH, "value"): 485_984, ("vn_retail_sales", *MONTH, "mom_pct"): 2.4}
    assert (frame["confidence"] < LOW).all()


def test_a_pair_of_rates_without_bases_follows_the_order_of_the_bases_named_before():
    """ "tăng 0,8% so với tháng trước và tăng 12,6% so với cùng kỳ ..., trong đó: ... tăng 0,7% và tăng 13,2%"."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng "
            "10/2025 ước tính đạt 425,5 nghìn tỷ đồng, tăng 0,8% so với tháng trước và tăng 12,6% so với cùng kỳ năm "
            "trước, trong đó: doanh thu bán lẻ hàng hóa đạt 321 nghìn tỷ đồng, tăng 0,7% và tăng 13,2%; doanh thu "
            "dịch vụ lưu trú, ăn uống đạt 49,9 nghìn tỷ đồng, tăng 1,5% và tăng 9,7%; doanh thu du lịch lữ hành đạt "
            "4,1 nghìn tỷ đồng, tăng 2,5% và tăng 12,3%.")  # the last pair is beyond the 220 characters looked back
    rows = found(frame_of(text))
    assert rows[("vn_retail_goods", *MONTH, "mom_pct")] == 0.7 and rows[("vn_retail_goods", *MONTH, "yoy_pct")] == 13.2
    assert rows[("vn_travel_services", *MONTH, "mom_pct")] == 2.5
    assert rows[("vn_travel_services", *MONTH, "yoy_pct")] == 12.3


def test_a_text_naming_neither_is_the_countrys_by_an_index_the_province_has_no_counterpart_for():
    """The CPI and core inflation have no province id: a text naming neither that prints them is the country's."""
    text = ("(Văn bản giả lập) Chỉ số giá tiêu dùng (CPI) tháng 10/2025 giảm 0,23% so với tháng trước. Lạm phát cơ "
            "bản tháng 10/2025 tăng 2,8% so với cùng kỳ năm trước.")
    frame = frame_of(text)
    assert found(frame) == {("vn_cpi", *MONTH, "mom_pct"): -0.23, ("vn_core_inflation", *MONTH, "yoy_pct"): 2.8}
    assert (frame["confidence"] < LOW).all()


def test_a_text_naming_neither_with_only_a_rate_the_province_also_has_stays_the_provinces():
    frame = frame_of("(Văn bản giả lập) Chỉ số sản xuất công nghiệp tháng 10 tăng 6% so với cùng kỳ.")
    assert list(frame["indicator_id"]) == ["iip"]


def test_a_base_named_by_an_odd_month_leaves_the_rates_after_it_unread():
    """ "giảm 3% so với tháng 1/2024" of October: the parts' bare rates after it are ambiguous, so no row."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng "
            "10/2025 ước tính đạt 390,8 nghìn tỷ đồng, giảm 3% so với tháng 1/2024, trong đó doanh thu bán lẻ hàng hóa "
            "đạt 301,4 nghìn tỷ đồng, giảm 3,4%.")
    rows = found(frame_of(text))
    assert rows == {("vn_retail_sales", *MONTH, "value"): 390_800, ("vn_retail_goods", *MONTH, "value"): 301_400}


def test_a_national_level_under_the_countrys_magnitude_gives_no_row_and_a_warning():
    """ "627,8 tỷ đồng" for the country's month of retail sales: a dropped "nghìn", not a figure to read."""
    text = REPRINT.replace("555,5 nghìn tỷ đồng", "555,5 tỷ đồng")
    with pytest.warns(UserWarning, match="under the country's magnitude"):
        frame = extract_report(text, "syn", "2025-10")
    assert ("vn_retail_sales", *MONTH, "value") not in found(frame)
    assert found(frame)[("vn_retail_sales", *YTD, "value")] == 5_432_100


def _level(indicator_id: str, start: str, end: str, value: float) -> dict:
    return {"indicator_id": indicator_id, "start": start, "end": end, "measure": "value", "value": value}


def test_a_level_short_of_its_periods_magnitude_but_over_one_months_is_no_provinces():
    """SYNTHETIC rows (issue 24, fs4's Dân Việt reprint): a month's 422,9 nghìn tỷ read for 8 months misses 8 months
    of the country's magnitude, yet no province prints one month of it; 2,5 nghìn tỷ is a province's."""
    from lsreports.extract.national import national_by_wording

    misread = _level("vn_retail_sales", "2027-01-01", "2027-08-31", 422_900)
    ytd = _level("vn_retail_sales", "2027-01-01", "2027-08-31", 3_225_100)
    assert national_by_wording([], [misread, ytd], {"retail_sales"})
    assert not national_by_wording([], [misread], {"retail_sales"})  # neither the province's nor evidence of the country
    province = _level("vn_retail_sales", "2027-08-01", "2027-08-31", 2_500)
    assert not national_by_wording([], [ytd, province], {"retail_sales"})


# SYNTHETIC reprint of a national release on state-budget investment (invented figures; issue 24, fs4).
BUDGET = ("Theo Cục Thống kê (văn bản giả lập), vốn đầu tư từ ngân sách nhà nước (NSNN) trong tháng 10/2025 đạt 70,2 "
          "nghìn tỷ đồng, tăng 2,5% so với cùng kỳ năm trước. Trong đó, vốn T.Ư quản lý đạt 12,1 nghìn tỷ đồng, tăng "
          "7,1%; vốn địa phương quản lý đạt 58,1 nghìn tỷ đồng, tăng 1,5%. Tính chung 10 tháng năm 2025, vốn đầu tư "
          "từ NSNN ước đạt 500,5 nghìn tỷ đồng, tương đương 65,5% kế hoạch năm và tăng 3,3% so với cùng kỳ năm trước. "
          "Vốn ngân sách cấp tỉnh đạt 300,3 nghìn tỷ đồng, tăng 1,2% so với cùng kỳ năm trước.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_state_budget_investment_its_central_local_and_provincial_parts_and_its_share_of_the_plan(variant):
    """"vốn ngân sách cấp tỉnh" is a level of government, not the province naming itself."""
    rows = found(frame_of(variant(BUDGET)))
    assert rows[("vn_sbi_total", *MONTH, "value")] == 70_200 and rows[("vn_sbi_total", *MONTH, "yoy_pct")] == 2.5
    assert rows[("vn_sbi_central", *MONTH, "value")] == 12_100 and rows[("vn_sbi_central", *MONTH, "yoy_pct")] == 7.1
    assert rows[("vn_sbi_local", *MONTH, "value")] == 58_100 and rows[("vn_sbi_local", *MONTH, "yoy_pct")] == 1.5
    assert rows[("vn_sbi_total", *YTD, "value")] == 500_500 and rows[("vn_sbi_total", *YTD, "plan_pct")] == 65.5
    assert rows[("vn_sbi_total", *YTD, "yoy_pct")] == 3.3
    assert rows[("vn_sbi_provincial", *YTD, "value")] == 300_300


def test_a_level_of_state_budget_investment_named_after_another_noun():
    """SYNTHETIC: a reprint's misworded "sản xuất công nghiệp thực hiện từ nguồn ngân sách nhà nước" is the investment."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), sản xuất công nghiệp thực hiện từ nguồn ngân sách nhà nước tháng "
            "10 ước đạt gần 45.000 tỷ đồng, tăng 8,1% so với cùng kỳ năm trước.")
    rows = found(frame_of(text))
    assert rows == {("vn_sbi_total", *MONTH, "value"): 45_000, ("vn_sbi_total", *MONTH, "yoy_pct"): 8.1}


def test_a_level_of_government_does_not_name_the_province():
    """SYNTHETIC phrases: "cấp tỉnh" in the country's release is no province; "của tỉnh" is."""
    from lsreports.extract.scope import names_province
    from lsreports.extract.text import Folded

    for phrase, province in (("vốn ngân sách cấp tỉnh đạt 300,3 nghìn tỷ đồng", False),
                             ("vốn ngân sách của tỉnh đạt 3,3 nghìn tỷ đồng", True)):
        assert names_province(Folded(phrase).text, phrase) is province


@pytest.mark.parametrize("phrase", ["Du lịch suy giảm trong quý I, tỉnh nào bị ảnh hưởng nặng nề nhất?",
                                    "học phí ở một số tỉnh tăng", "nhiều tỉnh tăng giá điện", "những tỉnh khác"])
def test_provinces_in_general_do_not_name_the_province(phrase):
    """SYNTHETIC phrases (issue 24, fs8): "tỉnh nào", "một số tỉnh", "nhiều tỉnh", "tỉnh khác" name no province."""
    from lsreports.extract.scope import names_province
    from lsreports.extract.text import Folded

    assert names_province(Folded(phrase).text, phrase) is False


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_reprint_asking_which_province_is_read_as_the_country_in_both_variants(variant):
    """SYNTHETIC (issue 24, fs8): a headline "tỉnh nào ..." lost the whole text as printed, not once stripped."""
    text = variant("Bán lẻ suy giảm vì dịch, tỉnh nào bị ảnh hưởng nặng nề nhất?\n\nTheo Tổng cục Thống kê (văn bản "
                   "giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 giảm 4,1% so với tháng "
                   "trước và giảm 0,9% so với cùng kỳ năm trước.")
    rows = found(frame_of(text))
    assert rows == {("vn_retail_sales", *MONTH, "mom_pct"): -4.1, ("vn_retail_sales", *MONTH, "yoy_pct"): -0.9}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_quarter_named_as_the_base_is_not_the_period_of_the_groups_after_it(variant):
    """SYNTHETIC (issue 24, fs8): "so với quý 4/2024, trong đó nhóm ..." keeps the groups in the quarter of the
    figure (Q4 2025), never the base's (Q4 2024)."""
    text = variant("Theo Tổng cục Thống kê (văn bản giả lập), tính chung quý 4/2025, CPI tăng 0,31% so với quý trước "
                   "và tăng 2,47% so với quý 4/2024, trong đó nhóm hàng ăn và dịch vụ ăn uống tăng 5,12% so với cùng "
                   "kỳ năm trước; giáo dục tăng 2,93%.")
    rows = found(frame_of(text, "2025-12"))
    q4 = ("2025-10-01", "2025-12-31")
    assert not [key for key in rows if key[1].startswith("2024")]
    assert rows[("vn_cpi_food", *q4, "yoy_pct")] == 5.12 and rows[("vn_cpi_education", *q4, "yoy_pct")] == 2.93
    assert rows[("vn_cpi", *q4, "yoy_pct")] == 2.47


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_the_housing_group_by_its_short_name(variant):
    """SYNTHETIC (issue 24, fs8): "nhà ở và vật liệu xây dựng tăng 0,61%" in a list of groups is the housing group."""
    text = variant("Theo Tổng cục Thống kê (văn bản giả lập), CPI tháng 10 tăng 0,2% so với tháng trước, trong đó nhóm "
                   "giáo dục tăng 0,34%; nhà ở và vật liệu xây dựng tăng 0,61%.")
    rows = found(frame_of(text))
    assert rows[("vn_cpi_housing", *MONTH, "mom_pct")] == 0.61


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_level_in_nghin_ty_vnd(variant):
    """SYNTHETIC (issue 24, fs8): "390 nghìn tỷ VND" is the same level as "390 nghìn tỷ đồng"."""
    text = variant("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
                   "tháng 10 ước tính đạt 512,3 nghìn tỷ VND, giảm 4% so với tháng trước.")
    rows = found(frame_of(text))
    assert rows[("vn_retail_sales", *MONTH, "value")] == 512_300


FRAMES = {  # SYNTHETIC frames of the CPI's groups named once, the groups in paragraphs of their own after them
    "a count of the groups": "Trong 11 nhóm hàng hóa và dịch vụ tiêu dùng chính, 9 nhóm có chỉ số giá tăng, riêng "
                             "nhóm giao thông giảm giá so với tháng trước.",
    "the CPI's base before the groups": "CPI tháng 10/2025 ổn định so với tháng trước. Các nhóm hàng hóa và dịch vụ "
                                        "có chỉ số giá tăng như:",
}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
@pytest.mark.parametrize("frame", list(FRAMES), ids=list(FRAMES))
def test_the_cpis_groups_in_paragraphs_after_a_frame_take_its_base(frame, variant):
    """SYNTHETIC (issue 24, fs8): "Nhóm ... tăng 0,27%" alone in its paragraph takes the base of the groups' frame."""
    text = variant("Theo Tổng cục Thống kê (văn bản giả lập), " + FRAMES[frame] + "\n\nNhóm hàng ăn và dịch vụ ăn uống "
                   "tăng 0,37%, trong đó lương thực tăng 0,19%.\n\nNhóm giáo dục tăng 0,24%, do học phí tăng.")
    rows = found(frame_of(text))
    assert rows[("vn_cpi_food", *MONTH, "mom_pct")] == 0.37 and rows[("vn_cpi_education", *MONTH, "mom_pct")] == 0.24
    assert not [key for key in rows if key[0] in ("vn_cpi_food", "vn_cpi_education") and key[3] != "mom_pct"]


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_list_of_the_cpis_groups_without_nhom_takes_the_base_and_month_of_the_paragraph_before(variant):
    """SYNTHETIC (issue 24, fs4): the groups are listed bare in their own paragraph, one base for the list; a bare
    "giáo dục" in a retail list ("vật phẩm văn hóa, giáo dục") is no CPI group."""
    text = ("Theo Cục Thống kê (văn bản giả lập), trong mức tăng 0,5% của CPI tháng 10/2025 so với tháng trước, 3 "
            "nhóm hàng hóa và dịch vụ có chỉ số giá tăng.\n\n"
            "Các nhóm hàng hóa và dịch vụ có chỉ số giá tăng: Giao thông (tăng 0,71% do giá xăng tăng); nhà ở, điện "
            "nước, chất đốt và vật liệu xây dựng (tăng 0,42%); giáo dục (tăng 0,03%).\n\n"
            "Tính chung 10 tháng năm 2025, doanh thu bán lẻ vật phẩm văn hóa, giáo dục tăng 9,1%.")
    rows = found(frame_of(variant(text)))
    assert rows[("vn_cpi_transport", *MONTH, "mom_pct")] == 0.71
    assert rows[("vn_cpi_housing", *MONTH, "mom_pct")] == 0.42
    assert rows[("vn_cpi_education", *MONTH, "mom_pct")] == 0.03
    assert not any(key[0] == "vn_cpi_education" and value == 9.1 for key, value in rows.items())


def test_sectors_listed_after_the_total_in_a_long_sentence_keep_its_month_and_its_pair_of_bases():
    """SYNTHETIC (issue 24, fs4): the month is named more than a candidate's window before the last sectors."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng 10/2025 ước "
            "tính tăng 1,1% so với tháng trước và tăng 24,1% so với cùng kỳ năm trước, trong đó ngành khai khoáng tăng "
            "3,8% và tăng 1,8%; ngành chế biến, chế tạo tăng 0,5% và tăng 29,1%; ngành sản xuất và phân phối điện tăng "
            "2,6% và tăng 16,4%; ngành cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải tăng 4,4% và tăng "
            "11,1%.")
    rows = found(frame_of(text))
    assert rows[("vn_iip_electricity", *MONTH, "mom_pct")] == 2.6
    assert rows[("vn_iip_electricity", *MONTH, "yoy_pct")] == 16.4
    assert rows[("vn_iip_water_waste", *MONTH, "yoy_pct")] == 11.1


def test_a_year_to_date_rate_after_a_monthly_one_is_on_the_year_before_and_an_average_base_is_no_period():
    """SYNTHETIC (issue 24, fs4): the second rate would take the first one's base ("so với tháng trước"), but a change
    over five months is on the same months a year earlier; a quarter's headline running into "So với tháng trước"
    gives no row; "so với bình quân cùng kỳ năm 2024" is a base, not the figure's period."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), CPI tháng 5/2025 giảm 0,03% so với tháng trước nhưng CPI bình "
            "quân 5 tháng đầu năm 2025 vẫn tăng 4,39%, cao nhất trong 3 năm.\n\n"
            "Chỉ số giá tiêu dùng quý I tăng 1,92% So với tháng trước, CPI tháng 3/2025 tăng 0,7%.\n\n"
            "Trong 5 tháng, lạm phát cơ bản tăng 0,81% so với bình quân cùng kỳ năm 2024, thấp hơn mức CPI bình quân "
            "chung (tăng 4,39%).")
    rows = found(frame_of(text, "2025-05"))
    five = ("2025-01-01", "2025-05-31")
    assert rows[("vn_cpi", *five, "yoy_pct")] == 4.39 and ("vn_cpi", *five, "mom_pct") not in rows
    assert not any(key[2] == "2025-03-31" and key[1] == "2025-01-01" for key in rows)  # the quarter: no row
    assert not any(key[1].startswith("2024") for key in rows)


def test_a_months_change_with_no_base_in_its_paragraph_gives_no_row():
    """SYNTHETIC (issue 24, fs4): "Tháng 10/2025, nhóm giao thông giảm 2,78%" names no base in its paragraph:
    on the month before or the year before? Precision first. With the base named ("so cùng kỳ") it is read."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), CPI tháng 10/2025 tăng 0,2% so với tháng trước.\n\n"
            "Tháng 10/2025, nhóm giao thông giảm 2,78%, qua đó làm CPI chung giảm 0,27 điểm phần trăm.\n\n"
            "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước tháng 10/2025 đạt 45,7 nghìn tỷ đồng, tăng 51,8% so cùng "
            "kỳ năm 2024. Trong đó, vốn T.Ư quản lý 8,3 nghìn tỷ đồng, tăng 101,8%.")
    rows = found(frame_of(text))
    assert not any(key[0] == "vn_cpi_transport" for key in rows)
    assert rows[("vn_sbi_central", *MONTH, "yoy_pct")] == 101.8


@pytest.mark.parametrize("words, measure", [("so với cùng kỳ năm trước, IIP tháng 10/2025 tăng tới 11,2%", "yoy_pct"),
                                            ("so với tháng trước, IIP tháng 10/2025 giảm nhiều nhất với 2,21%", "mom_pct"),
                                            ("IIP tháng 10/2025 tăng 15,6% đối với tháng trước", "mom_pct")])
def test_adverbs_between_the_verb_and_the_rate_and_doi_voi_for_so_voi(words, measure):
    """SYNTHETIC: "tăng tới", "giảm nhiều nhất với"; "đối với" where a reworded copy prints it for "so với"."""
    text = f"Theo Tổng cục Thống kê (văn bản giả lập), {words}."
    value = float(re.search(r"(\d+,\d+)%", words).group(1).replace(",", "."))
    assert found(frame_of(text)) == {("vn_iip", *MONTH, measure): -value if "giảm" in words else value}


def test_rates_of_a_list_of_years_and_of_an_earlier_year_named_before_the_verb_but_never_a_reserved_year():
    """SYNTHETIC (issue 24, fs4): one rate per year of "các năm 2016-2021 ... lần lượt là"; 2016-2018 and 2023 are
    reserved for evaluation and give no row; "CPI năm 2024 tăng 3,66%" in a text of 2025 is 2024's."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tính chung cả năm 2021, CPI tăng 1,84% so với năm trước "
            "(tốc độ tăng CPI bình quân các năm 2016-2021 so với năm trước lần lượt là: Tăng 2,66%; tăng 3,53%; tăng "
            "3,54%; tăng 2,79%; tăng 3,23%; tăng 1,84%).")
    rows = found(frame_of(text, "2021-12"))
    assert rows[("vn_cpi", "2019-01-01", "2019-12-31", "yoy_pct")] == 2.79
    assert rows[("vn_cpi", "2020-01-01", "2020-12-31", "yoy_pct")] == 3.23
    assert not any(key[1] < "2019" for key in rows)
    later = found(frame_of("Theo Cục Thống kê (văn bản giả lập), CPI năm 2024 tăng 3,66%. CPI năm 2023 tăng 3,25%.",
                           "2025-02"))
    assert later == {("vn_cpi", "2024-01-01", "2024-12-31", "yoy_pct"): 3.66}


def test_a_paragraph_or_sentence_about_another_province_in_a_national_text_gives_no_national_row():
    """SYNTHETIC (issue 24, fs4): a reprint adds Hà Nội's and TP. HCM's figures in the country's words."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 "
            "ước đạt 464,4 nghìn tỷ đồng, tăng 8,5% so với cùng kỳ năm trước.\n\n"
            "Đối với Hà Nội, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 10 ước tính đạt 54,5 nghìn "
            "tỷ đồng, tăng 4,6% so với cùng kỳ năm trước. Tính chung 10 tháng, tổng mức bán lẻ hàng hóa và doanh thu "
            "dịch vụ tiêu dùng ước tính đạt 530,1 nghìn tỷ đồng, tăng 2,7% so với cùng kỳ năm trước.\n\n"
            "Tính chung 10 tháng, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 4.590,7 nghìn tỷ đồng, "
            "tăng 2% so với cùng kỳ năm trước. Doanh thu bán lẻ hàng hóa tăng 9,9%; TP. HCM tăng 9,2%.")
    rows = found(frame_of(text))
    assert rows[("vn_retail_sales", *MONTH, "yoy_pct")] == 8.5 and rows[("vn_retail_sales", *YTD, "yoy_pct")] == 2
    assert 4.6 not in rows.values() and 2.7 not in rows.values() and 9.2 not in rows.values()


def test_parts_after_a_caption_line_or_opening_on_cu_the_take_the_period_of_the_paragraph_before():
    """SYNTHETIC (issue 24, fs4): a source line ("Nguồn: ...") between the total and its "Trong đó" paragraph;
    "Cụ thể, ..." opens the parts of the figure before."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), tính chung 10 tháng năm 2025, IIP ước tính tăng 6% so với cùng "
            "kỳ năm trước.\n\nNguồn: Tổng cục Thống kê\n\n"
            "Trong đó, ngành chế biến, chế tạo tăng 6,3%; ngành khai khoáng giảm 4,6%.\n\n"
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trong tháng 10/2025 ước đạt 573,3 nghìn tỷ đồng, "
            "tăng 9,5% so với cùng kỳ năm trước.\n\n"
            "Cụ thể, doanh thu bán lẻ hàng hóa ước đạt 441,4 nghìn tỷ đồng, tăng 8,6% so với cùng kỳ năm trước.")
    rows = found(frame_of(text))
    assert rows[("vn_iip_manufacturing", *YTD, "yoy_pct")] == 6.3 and rows[("vn_iip_mining", *YTD, "yoy_pct")] == -4.6
    assert rows[("vn_retail_goods", *MONTH, "value")] == 441_400
    assert rows[("vn_retail_goods", *MONTH, "yoy_pct")] == 8.6


def test_the_cpis_groups_listed_over_paragraphs_take_the_base_of_the_releases_frame_until_another_is_named():
    """SYNTHETIC (issue 24, fs4): "Trong mức giảm 0,03% của CPI tháng 10 so với tháng trước, ..." names the base of
    the groups listed in the next paragraphs; "So với cùng kỳ năm trước, ..." takes over for the groups after it."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), trong mức giảm 0,03% của CPI tháng 10 so với tháng trước, có "
            "4/11 nhóm hàng hóa và dịch vụ có chỉ số giá giảm.\n\n"
            "Bên cạnh đó, giá ô tô giảm mạnh.\n\n"
            "Nhóm may mặc, mũ nón và giày dép giảm 0,01% do các cửa hàng giảm giá.\n\n"
            "So với cùng kỳ năm trước, CPI tháng 10 tăng 2,9%.\n\n"
            "Nhóm hàng hóa và dịch vụ khác tăng 6,36%.")
    rows = found(frame_of(text))
    assert rows[("vn_cpi_clothing", *MONTH, "mom_pct")] == -0.01
    assert rows[("vn_cpi_other", *MONTH, "yoy_pct")] == 6.36


def test_a_comparison_in_brackets_without_its_year_and_the_power_sector_without_va():
    """SYNTHETIC (issue 24, fs4): "(cùng kỳ tăng 2,2%)" is the year before's growth; "sản xuất phân phối điện"."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), chỉ số sản xuất công nghiệp (IIP) tháng 10/2025 tăng 11,2% so "
            "với cùng kỳ (cùng kỳ tăng 2,2%), trong đó ngành sản xuất phân phối điện tăng 6,4%.")
    rows = found(frame_of(text))
    assert rows[("vn_iip", "2024-10-01", "2024-10-31", "yoy_pct")] == 2.2
    assert rows[("vn_iip_electricity", *MONTH, "yoy_pct")] == 6.4


def test_a_rate_of_a_breakdown_named_after_the_indicator_is_not_the_indicators():
    """SYNTHETIC (issue 24, fs4): "doanh thu bán lẻ hàng hóa 10 tháng có ngành hàng lương thực, thực phẩm tăng 4,9%"."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), xét theo ngành hoạt động trong doanh thu bán lẻ hàng hóa 10 tháng "
            "năm 2025 có ngành hàng lương thực, thực phẩm tăng 4,9%; may mặc giảm 12,4%.")
    assert not found(frame_of(text))


def test_the_index_written_as_industrial_production_of_a_month_or_ipp():
    """SYNTHETIC (issue 24, fs4): "sản xuất công nghiệp tháng 10/2025 ... tăng 0,8%", "(IPP) tăng 6%"."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), sản xuất công nghiệp tháng 10/2025 tiếp tục xu hướng tăng trưởng, "
            "ước tính tăng 0,8% so với tháng trước. Tính chung 10 tháng, chỉ số toàn ngành (IPP) tăng 6% so với cùng "
            "kỳ năm trước.")
    rows = found(frame_of(text))
    assert rows == {("vn_iip", *MONTH, "mom_pct"): 0.8, ("vn_iip", *YTD, "yoy_pct"): 6}


def test_the_value_added_of_industry_and_an_industrys_own_index_are_not_the_iip():
    # SYNTHETIC (giả lập): value added of industry with the same sector names as the IIP, a quarter in brackets,
    # the IIP itself after it, and a level-II industry "có chỉ số IIP"; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), tính chung 9 tháng năm 2025, giá trị tăng thêm toàn ngành công nghiệp "
            "ước tính tăng 8,1% so với cùng kỳ năm trước.\nTrong đó, ngành chế biến, chế tạo là động lực tăng trưởng "
            "của toàn nền kinh tế với tốc độ tăng 9,2% (quý III tăng 11,4%); ngành khai khoáng giảm 7,3%.\n"
            "Tính chung 9 tháng năm 2025, chỉ số sản xuất công nghiệp (IIP) ước tính tăng 8,4% so với cùng kỳ năm "
            "trước. Trong đó, ngành chế biến, chế tạo tăng 9,6%; ngành khai khoáng giảm 6,2%.\n"
            "Cụ thể, sản xuất đồ uống có chỉ số IIP tăng 25,1% so với cùng kỳ.")
    ytd = ("2025-01-01", "2025-09-30")
    assert found(frame_of(text, "2025-09")) == {("vn_iip", *ytd, "yoy_pct"): 8.4,
                                                ("vn_iip_manufacturing", *ytd, "yoy_pct"): 9.6,
                                                ("vn_iip_mining", *ytd, "yoy_pct"): -6.2}


def test_a_text_naming_neither_with_levels_of_the_countrys_magnitude_gives_no_province_row():
    # SYNTHETIC (giả lập): an excerpt opening on "Cụ thể", no period, no province, no country; invented figures.
    text = ("Cụ thể (giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 3,111 triệu tỉ đồng. "
            "Doanh thu du lịch lữ hành ước đạt 12.300 tỉ đồng, giảm 51,2% so với cùng kỳ năm trước.")
    with pytest.warns(UserWarning, match="country's magnitude"):
        frame = extract_report(text, "syn", "2020-08")
    assert frame.empty


def test_a_level_under_any_provinces_month_is_a_misprint_not_a_provinces_level():
    # SYNTHETIC (giả lập): the country's retail sales of a month and its goods part with the scale dropped
    # ("2,553 triệu đồng" for "triệu tỉ"); the text names neither the province nor the country; invented figures.
    text = ("Tháng 8/2020 (giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 410.200 tỉ đồng, "
            "tăng 2,1% so với cùng kỳ năm trước. Doanh thu bán lẻ hàng hóa đạt hơn 3,105 triệu đồng, tăng 4% so với "
            "cùng kỳ năm trước.")
    rows = found(frame_of(text, "2020-08"))
    month = ("2020-08-01", "2020-08-31")
    assert rows[("vn_retail_sales", *month, "value")] == 410_200
    assert not any(key[0] == "retail_sales" for key in rows)


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_doanh_thu_ban_le_hang_hoa_va_dich_vu_is_the_total_not_the_goods(variant):
    # SYNTHETIC (giả lập): a headline without a full stop, the total as "doanh thu bán lẻ hàng hóa và dịch vụ tiêu
    # dùng", then its goods part; invented figures.
    text = ("Doanh thu bán lẻ hàng hóa, dịch vụ tháng 11 tăng cao (giả lập)\n\nTheo Tổng cục Thống kê, trong tháng "
            "11/2019, doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng trong nước ước đạt 411.100 tỉ đồng, tăng 12,1% so "
            "với cùng kì năm trước. Trong đó, doanh thu bán lẻ hàng hóa đạt 311.200 tỉ đồng, tăng 13,3% so với cùng kì "
            "năm trước.")
    month = ("2019-11-01", "2019-11-30")
    assert found(frame_of(variant(text), "2019-11")) == {
        ("vn_retail_sales", *month, "value"): 411_100, ("vn_retail_sales", *month, "yoy_pct"): 12.1,
        ("vn_retail_goods", *month, "value"): 311_200, ("vn_retail_goods", *month, "yoy_pct"): 13.3}


def test_a_commoditys_exports_and_a_change_in_volume_are_not_the_countrys_exports():
    # SYNTHETIC (giả lập): crude oil's exports in a release's paragraph, then the country's exports; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), xuất khẩu dầu thô trong tháng 9 ước khoảng 600.000 tấn với tổng trị giá "
            "205 triệu USD, giảm 12% so với tháng trước. So với cùng kỳ năm 2019, lượng dầu thô xuất khẩu trong 9 "
            "tháng tăng 40% về lượng. Kim ngạch xuất khẩu hàng hóa tháng 9 ước đạt 26.100 triệu USD, tăng 2,5% so với "
            "tháng trước. Tính chung 9 tháng năm 2020, xuất khẩu hàng hóa tăng 4,1% về lượng so với cùng kỳ năm trước.")
    month = ("2020-09-01", "2020-09-30")
    assert found(frame_of(text, "2020-09")) == {("vn_exports", *month, "value"): 26_100,
                                                ("vn_exports", *month, "mom_pct"): 2.5}


def test_a_hedged_level_gives_way_to_the_same_figure_printed_exactly():
    # SYNTHETIC (giả lập): a lead rounding the quarter's goods sales ("trên 1.190 nghìn tỷ"), then the body's exact
    # figure; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), doanh thu bán lẻ hàng hóa quý I/2024 ước đạt trên 1.190 nghìn tỷ đồng. "
            "Cụ thể, quý I/2024, doanh thu bán lẻ hàng hóa ước đạt 1.191.300 tỷ đồng, tăng 7% so với cùng kỳ năm trước.")
    quarter = ("2024-01-01", "2024-03-31")
    assert found(frame_of(text, "2024-03")) == {("vn_retail_goods", *quarter, "value"): 1_191_300,
                                                ("vn_retail_goods", *quarter, "yoy_pct"): 7}


def test_the_releases_wording_does_not_take_the_rate_of_the_next_clause():
    # SYNTHETIC (giả lập): two parts in two clauses split by ";", the base named once at the end; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), doanh thu dịch vụ lưu trú, ăn uống 4 tháng đầu năm 2024 ước đạt 231.100 "
            "tỉ đồng, tăng 15,1%; doanh thu du lịch lữ hành ước đạt 19.200 tỉ đồng, tăng 48,2% so với cùng kỳ năm 2023.")
    ytd = ("2024-01-01", "2024-04-30")
    rows = found(frame_of(text, "2024-04"))
    assert rows[("vn_travel_services", *ytd, "yoy_pct")] == 48.2
    assert rows.get(("vn_accommodation_food", *ytd, "yoy_pct")) != 48.2


def test_a_text_naming_neither_but_another_province_gives_no_province_row():
    # SYNTHETIC (giả lập): no period read as the country's, the province's rate wording, other provinces named.
    text = ("(Văn bản giả lập) Chỉ số sản xuất công nghiệp tăng 6% so với cùng kỳ. Một số địa phương tăng cao như "
            "Hải Phòng tăng 11%; Bắc Ninh tăng 9,8%.")
    with pytest.warns(UserWarning, match="another province"):
        frame = extract_report(text, "syn", "2020-08")
    assert frame.empty


def test_a_quarter_named_in_brackets_is_not_the_period_of_the_sectors_after_them():
    # SYNTHETIC (giả lập): a sector's quarters in brackets, then the next sectors of the 9 months; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), tính chung 9 tháng năm 2024, chỉ số sản xuất công nghiệp (IIP) ước tính "
            "tăng 8,6% so với cùng kỳ năm trước. Trong đó, ngành chế biến, chế tạo tăng 9,9% (quý I tăng 7,2%; quý II "
            "tăng 10,3%; quý III tăng 11,4%); ngành sản xuất và phân phối điện tăng 11,1%; ngành khai khoáng giảm 6,5%.")
    rows = found(frame_of(text, "2024-09"))
    ytd, q3 = ("2024-01-01", "2024-09-30"), ("2024-07-01", "2024-09-30")
    assert rows[("vn_iip_electricity", *ytd, "yoy_pct")] == 11.1 and rows[("vn_iip_mining", *ytd, "yoy_pct")] == -6.5
    assert ("vn_iip_electricity", *q3, "yoy_pct") not in rows and ("vn_iip_mining", *q3, "yoy_pct") not in rows


def test_the_consumption_inventory_and_employment_indices_of_industry_are_not_the_iip():
    # SYNTHETIC (giả lập): the release's paragraph after the IIP; invented figures.
    text = ("Theo Cục Thống kê (giả lập), chỉ số sản xuất công nghiệp (IIP) tháng 5/2025 ước tính tăng 2,1% so với tháng "
            "trước. Chỉ số tiêu thụ toàn ngành chế biến, chế tạo tháng 5 tăng 2,2% so với tháng trước. Chỉ số sử dụng "
            "lao động của doanh nghiệp công nghiệp tháng 5 tăng 0,5% so với tháng trước.")
    assert found(frame_of(text, "2025-05")) == {("vn_iip", "2025-05-01", "2025-05-31", "mom_pct"): 2.1}


def test_the_price_indices_of_trade_and_a_base_the_contract_has_no_measure_for_give_no_row():
    # SYNTHETIC (giả lập): trade's price indices against the quarter before, then the CPI against its base year and
    # visitors against the time before the pandemic; invented figures.
    text = ("Theo Cục Thống kê (giả lập), chỉ số giá xuất khẩu hàng hóa quý I/2025 tăng 2,1% so với quý trước; chỉ số "
            "giá nhập khẩu hàng hóa tăng 1,5%. CPI tháng 3/2025 tăng 0,2% so với tháng trước và tăng 45,1% so với kỳ "
            "gốc 2019. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng quý I/2025 tăng 9,9% so với cùng kỳ năm "
            "trước và tăng 25% so với thời điểm trước dịch Covid-19.")
    assert found(frame_of(text, "2025-03")) == {("vn_cpi", "2025-03-01", "2025-03-31", "mom_pct"): 0.2,
                                                ("vn_retail_sales", "2025-01-01", "2025-03-31", "yoy_pct"): 9.9}


# SYNTHETIC reprint (invented figures; issue 24, fs6): the year to date of state-budget investment, then its parts by
# who manages them, each in a paragraph of its own, each with its share of the year's plan and its change.
BUDGET_PARTS = ("Theo Cục Thống kê (văn bản giả lập), tính chung 10 tháng năm 2025, vốn đầu tư thực hiện từ nguồn ngân "
                "sách nhà nước ước đạt 500,5 nghìn tỷ đồng, bằng 65,5% kế hoạch năm và tăng 3,3% so với cùng kỳ năm "
                "trước.\n\nCụ thể, vốn đầu tư thực hiện do Trung ương quản lý ước đạt 80,8 nghìn tỷ đồng, bằng 60,1% kế "
                "hoạch năm và tăng 4,4% so với cùng kỳ năm trước.\n\nVốn đầu tư thực hiện do địa phương quản lý ước đạt "
                "419,7 nghìn tỷ đồng, bằng 66,6% kế hoạch năm và tăng 3,1% so với cùng kỳ năm trước.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_state_budget_investment_parts_managed_by_the_centre_and_the_localities_in_the_year_to_date(variant):
    """"vốn đầu tư thực hiện do Trung ương quản lý" names the central part; a paragraph opening on a part continues
    the total's paragraph, so the part takes the total's period (the year to date)."""
    rows = found(frame_of(variant(BUDGET_PARTS)))
    assert rows[("vn_sbi_central", *YTD, "value")] == 80_800 and rows[("vn_sbi_central", *YTD, "plan_pct")] == 60.1
    assert rows[("vn_sbi_central", *YTD, "yoy_pct")] == 4.4
    assert rows[("vn_sbi_local", *YTD, "value")] == 419_700 and rows[("vn_sbi_local", *YTD, "plan_pct")] == 66.6
    assert rows[("vn_sbi_local", *YTD, "yoy_pct")] == 3.1
    assert not any(key[1] == MONTH[0] for key in rows)


# SYNTHETIC reprint (invented figures; issue 24, fs6): the year to date's CPI, then the groups' changes on the month
# before, the base named once at the head of their list.
CPI_LIST = ("Bình quân 7 tháng năm 2025, CPI tăng 3,21% so với cùng kỳ năm trước (văn bản giả lập).\nCụ thể, theo Cục "
            "Thống kê, so với tháng trước, trong 11 nhóm hàng hóa và dịch vụ tiêu dùng chính có 8 nhóm hàng tăng giá: "
            "giáo dục tăng 0,31%; hàng ăn và dịch vụ ăn uống tăng 0,44%; giao thông giảm 0,05%.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_cpi_groups_after_a_base_named_once_for_their_list_are_the_months(variant):
    """"so với tháng trước" named after the topic's 7 months: the groups' changes are of the text's month, on the
    month before, not the year to date's changes on the year before."""
    rows = found(frame_of(variant(CPI_LIST), "2025-07"))
    month = ("2025-07-01", "2025-07-31")
    assert rows[("vn_cpi_food", *month, "mom_pct")] == 0.44 and rows[("vn_cpi_education", *month, "mom_pct")] == 0.31
    assert rows[("vn_cpi_transport", *month, "mom_pct")] == -0.05
    assert not any(key[0] != "vn_cpi" and key[1] == "2025-01-01" for key in rows)


def test_a_text_naming_neither_whose_investment_is_of_the_countrys_magnitude_gives_no_province_row():
    """SYNTHETIC (giả lập, invented figures; issue 24, fs6): the country's state-budget investment of a month read
    as the province's disbursement of the year to date: 43.200 tỷ is over one month of the country's (10 nghìn tỷ);
    the province's whole year is a few thousand tỷ."""
    text = ("Luỹ kế (giả lập), vốn đầu tư từ ngân sách đã giải ngân trong 10 tháng đạt 43.200 tỷ đồng, gần bằng 66% kế "
            "hoạch năm.")
    with pytest.warns(UserWarning, match="country's magnitude"):
        frame = extract_report(text, "syn", "2025-10")
    assert not frame["indicator_id"].isin(["pubinv_disbursed"]).any()


# SYNTHETIC reprint (invented figures; issue 24, fs6): a month's retail sales and its parts, "ngàn tỷ" for "nghìn tỷ",
# the bases named once as a pair, the second rate's decimal comma printed as a point ("33.1%").
RETAIL_PAIR = ("Theo Tổng cục Thống kê (văn bản giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng "
               "8 ước tính đạt 281,2 ngàn tỷ đồng, giảm 10,1% so với tháng trước và giảm 33.1% so với cùng kỳ năm trước, "
               "trong đó: Doanh thu bán lẻ hàng hóa đạt 250,3 ngàn tỷ đồng, giảm 7,9% và giảm 25,1%; doanh thu dịch vụ "
               "lưu trú, ăn uống đạt 13,4 ngàn tỷ đồng, giảm 26,2% và giảm 66,8%.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_parts_after_a_pair_of_bases_with_a_misprinted_decimal_point_and_the_scale_ngan_ty(variant):
    """"ngàn tỷ đồng" is "nghìn tỷ đồng"; "33.1%" does not end the pair of bases, so the parts' pairs are on the
    month before, then on the year before."""
    rows = found(frame_of(variant(RETAIL_PAIR), "2021-08"))
    month = ("2021-08-01", "2021-08-31")
    assert rows[("vn_retail_sales", *month, "value")] == 281_200 and rows[("vn_retail_goods", *month, "value")] == 250_300
    assert rows[("vn_accommodation_food", *month, "value")] == 13_400
    assert rows[("vn_retail_goods", *month, "mom_pct")] == -7.9 and rows[("vn_retail_goods", *month, "yoy_pct")] == -25.1
    assert rows[("vn_accommodation_food", *month, "mom_pct")] == -26.2
    assert rows[("vn_accommodation_food", *month, "yoy_pct")] == -66.8


# SYNTHETIC reprint (invented figures; issue 24, fs6): a release hard-wrapped at a fixed width, a line break inside
# the sentences of the year to date's IIP and its sectors.
IIP_WRAPPED = ("Theo Tổng cục Thống kê (văn bản giả lập).\nTính chung 10 tháng năm 2025, IIP\nước tính tăng 3,8% so với "
               "cùng kỳ năm trước (cao hơn tốc độ tăng 2,9% của cùng\nkỳ năm 2024). Trong đó, ngành chế biến, chế tạo "
               "tăng 4,6%, đóng góp 3,8 điểm\nphần trăm; ngành sản xuất và phân phối điện tăng 4,2%; riêng ngành\nkhai "
               "khoáng giảm 6,9%.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_line_wrapped_inside_a_sentence_continues_its_paragraph(variant):
    """A line opening in lower case after a line that closes no sentence ("... của cùng" / "kỳ năm 2024). Trong đó,
    ...") continues the paragraph, so the sectors take the year to date its first line names."""
    rows = found(frame_of(variant(IIP_WRAPPED)))
    assert rows[("vn_iip_manufacturing", *YTD, "yoy_pct")] == 4.6 and rows[("vn_iip_electricity", *YTD, "yoy_pct")] == 4.2
    assert rows[("vn_iip_mining", *YTD, "yoy_pct")] == -6.9


# SYNTHETIC (invented figures; issue 24, fs6): the total's paragraph, a long paragraph of the central part and its
# ministries, then the local part and its provincial part: a share of the plan left unsaid ("bằng 49,9% và tăng").
MINISTRIES = "; ".join(f"Bộ số {n} (giả lập) đạt {n},{n} nghìn tỷ đồng, tăng {n},5%" for n in range(1, 15))
BUDGET_LONG = ("Theo Cục Thống kê (văn bản giả lập), tính chung 10 tháng năm 2025, vốn đầu tư thực hiện từ nguồn ngân "
               "sách nhà nước ước đạt 500,5 nghìn tỷ đồng, bằng 65,5% kế hoạch năm và tăng 3,3% so với cùng kỳ năm "
               "trước.\n\nCụ thể, vốn đầu tư thực hiện do Trung ương quản lý ước đạt 80,8 nghìn tỷ đồng, bằng 60,1% kế "
               f"hoạch năm và tăng 4,4% so với cùng kỳ năm trước. Trong đó, {MINISTRIES}.\n\nVốn đầu tư thực hiện do "
               "địa phương quản lý ước đạt 419,7 nghìn tỷ đồng, bằng 66,6% kế hoạch năm và tăng 3,1% so với cùng kỳ "
               "năm trước. Trong đó:\n\n- Vốn NSNN cấp tỉnh đạt 250,2 nghìn tỷ đồng, bằng 49,9% và tăng 2,2% so với "
               "cùng kỳ năm trước.")


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_parts_after_a_long_list_keep_the_period_of_their_totals_first_sentence(variant):
    """The local part's paragraph continues the total's beyond a long paragraph of ministries: the total's first
    sentence still names the period. "bằng 49,9% và tăng 2,2%": the ratio is no second change on the year before."""
    rows = found(frame_of(variant(BUDGET_LONG)))
    assert rows[("vn_sbi_local", *YTD, "value")] == 419_700 and rows[("vn_sbi_local", *YTD, "plan_pct")] == 66.6
    assert rows[("vn_sbi_provincial", *YTD, "value")] == 250_200
    assert rows[("vn_sbi_provincial", *YTD, "yoy_pct")] == 2.2


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_the_comparison_years_share_of_its_plan_and_change_in_brackets(variant):
    """SYNTHETIC (giả lập, invented figures; issue 24, fs6): "(cùng kỳ năm 2024 bằng 61,2% và tăng 4,4%)" after the
    year to date's "bằng 65,5% kế hoạch năm và tăng 3,3%": the year before's share of its plan and its change."""
    text = ("Theo Cục Thống kê (văn bản giả lập), tính chung 10 tháng năm 2025, vốn đầu tư thực hiện từ nguồn ngân sách "
            "nhà nước ước đạt 500,5 nghìn tỷ đồng, bằng 65,5% kế hoạch năm và tăng 3,3% so với cùng kỳ năm trước (cùng "
            "kỳ năm 2024 bằng 61,2% và tăng 4,4%).")
    rows = found(frame_of(variant(text)))
    before = ("2024-01-01", "2024-10-31")
    assert rows[("vn_sbi_total", *before, "plan_pct")] == 61.2 and rows[("vn_sbi_total", *before, "yoy_pct")] == 4.4
    assert rows[("vn_sbi_total", *YTD, "plan_pct")] == 65.5 and rows[("vn_sbi_total", *YTD, "yoy_pct")] == 3.3


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_releases_month_rate_whose_words_run_on_to_another_period_is_left_to_the_grammar(variant):
    """SYNTHETIC (giả lập, invented figures; issue 24, fs6): the month's rate and then the 7 months' in one clause;
    the release's wording would read the 7 months' 3,61% as the month's change on the year before."""
    text = ("Theo Tổng cục Thống kê (văn bản giả lập), chỉ số giá tiêu dùng (CPI) tháng 7/2025 tăng 0,18% so với tháng "
            "trước, bình quân 7 tháng năm 2025 tăng 3,61% so với cùng kỳ năm trước.")
    rows = found(frame_of(variant(text), "2025-07"))
    assert rows == {("vn_cpi", "2025-07-01", "2025-07-31", "mom_pct"): 0.18,
                    ("vn_cpi", "2025-01-01", "2025-07-31", "yoy_pct"): 3.61}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_iip_sectors_in_their_own_paragraph_make_a_text_naming_neither_the_countrys(variant):
    """A paragraph opening on a sector of industry ("Ngành chế biến, chế tạo tăng ...") lists the parts of the IIP of
    the paragraph before: the sectors take its month, and since the province has no such sectors the text naming
    neither place is the country's, not the province's ``iip``."""
    # SYNTHETIC (giả lập): a short reprint naming neither the province nor the country; invented figures.
    text = ("Chỉ số sản xuất công nghiệp tháng 1/2021 ước tính tăng 21,7% so với tháng 1/2020 (giả lập).\n\n"
            "Ngành chế biến, chế tạo tăng 26,4%; ngành sản xuất và phân phối điện tăng 15,9%; ngành cung cấp nước, "
            "hoạt động quản lý và xử lý rác thải, nước thải tăng 8,1%; riêng ngành khai khoáng giảm 5,8%./.")
    frame = frame_of(variant(text), "2021-01")
    jan = ("2021-01-01", "2021-01-31", "yoy_pct")
    assert found(frame) == {("vn_iip", *jan): 21.7, ("vn_iip_manufacturing", *jan): 26.4,
                            ("vn_iip_electricity", *jan): 15.9, ("vn_iip_water_waste", *jan): 8.1,
                            ("vn_iip_mining", *jan): -5.8}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_photo_caption_between_sectors_and_their_total_is_passed_over(variant):
    """A caption printing a number ("... quý IV/2022 ... Ảnh: TL.") between two paragraphs of sectors is passed
    over: the second paragraph's sectors stay those of the value added, which give no IIP row."""
    # SYNTHETIC (giả lập): the value added of industry and its sectors, a caption, more sectors; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), tốc độ tăng giá trị tăng thêm ngành công nghiệp quý IV/2022 ước đạt "
            "3,4% so với cùng kỳ năm trước.\n\nTrong đó, ngành công nghiệp chế biến, chế tạo tăng 8,2%, đóng góp 2,1 "
            "điểm phần trăm.\n\nSản xuất công nghiệp quý IV/2022 tăng chậm lại. Ảnh: TL.\n\n"
            "Ngành cung cấp nước, quản lý và xử lý rác thải, nước thải tăng 7,3%. Ngành khai khoáng tăng 5,1%.")
    rows = found(frame_of(variant(text), "2022-12"))
    assert not any(key[0].startswith("vn_iip") for key in rows), rows


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_bare_months_rate_beside_the_year_to_dates_is_on_the_year_before(variant):
    """A whole-release summary prints the month's and the year to date's rates with no base ("IIP 5 tháng tăng
    8,6% và tháng 5 tăng 9,1%"): the year to date is only compared with a year earlier, so the month is too.
    A month's bare rate alone, or the CPI's (headlined on the month before), still gives no row."""
    # SYNTHETIC (giả lập): a summary of the country's month; invented figures.
    text = ("Kinh tế cả nước tháng 5 (giả lập).\n\nChỉ số sản xuất công nghiệp (IIP) cả nước 5 tháng tăng 8,6% và "
            "tháng 5 tăng 9,1%. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 tăng 10,4% và 5 "
            "tháng tăng 9,5%. Chỉ số giá tiêu dùng (CPI) tháng 5 tăng 0,2% và 5 tháng tăng 3,1%.")
    rows = found(frame_of(variant(text), "2025-05"))
    may = ("2025-05-01", "2025-05-31")
    assert rows[("vn_iip", *may, "yoy_pct")] == 9.1 and rows[("vn_retail_sales", *may, "yoy_pct")] == 10.4
    assert not any(key[0] == "vn_cpi" and key[1:3] == may for key in rows), rows
    alone = "Kinh tế cả nước tháng 5 (giả lập).\n\nChỉ số sản xuất công nghiệp (IIP) cả nước tháng 5 tăng 9,1%."
    assert found(frame_of(variant(alone), "2025-05")) == {}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_the_consumer_price_index_is_not_the_price_index_of_trade(variant):
    """"Chỉ số giá tiêu dùng" earlier in the paragraph does not make the exports' rates after it the price index of
    exports (which "chỉ số giá xuất khẩu" names and gives no row)."""
    # SYNTHETIC (giả lập): a summary's paragraph; invented figures.
    text = ("Kinh tế cả nước tháng 5 (giả lập).\n\nChỉ số giá tiêu dùng (CPI) 5 tháng tăng bình quân 3,3%. Trong tháng "
            "5, xuất khẩu tăng 16%, nhập khẩu tăng 13,8%; 5 tháng xuất khẩu đạt 178,4 tỷ USD, tăng 13,5%.")
    rows = found(frame_of(variant(text), "2025-05"))
    may, ytd = ("2025-05-01", "2025-05-31"), ("2025-01-01", "2025-05-31")
    assert rows[("vn_exports", *may, "yoy_pct")] == 16 and rows[("vn_imports", *may, "yoy_pct")] == 13.8
    assert rows[("vn_exports", *ytd, "yoy_pct")] == 13.5
    prices = ("Kinh tế cả nước tháng 5 (giả lập).\n\nChỉ số giá xuất khẩu hàng hóa tháng 5 tăng 2,1% so với cùng kỳ "
              "năm trước.")
    assert not any(key[0] == "vn_exports" for key in found(frame_of(variant(prices), "2025-05")))


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_name_cut_by_the_rates_window_is_read_whole(variant):
    """The second rate of "tổng kim ngạch xuất, nhập khẩu ... đạt X tỉ USD, tăng a% so với tháng trước và tăng b% so
    với cùng kỳ" lies so far from the name that a window of fixed width cut it to "nhập khẩu": b is the turnover's
    change, not the imports'."""
    # SYNTHETIC (giả lập): one sentence of a reprint; invented figures.
    text = ("Thông tin thêm (giả lập), Tổng cục Thống kê nêu rõ, tổng kim ngạch xuất, nhập khẩu hàng hóa tháng 5 ước "
            "đạt 65,48 tỉ USD, tăng 8,7% so với tháng trước và tăng 21,9% so với cùng kỳ năm trước.")
    rows = found(frame_of(variant(text), "2024-05"))
    may = ("2024-05-01", "2024-05-31")
    assert rows == pytest.approx({("vn_trade_total", *may, "value"): 65_480, ("vn_trade_total", *may, "mom_pct"): 8.7,
                                  ("vn_trade_total", *may, "yoy_pct"): 21.9})


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_the_ministrys_group_of_processing_industries_is_manufacturing(variant):
    """ "nhóm ngành công nghiệp chế biến" (the ministry of industry's wording) is the IIP's manufacturing sector, and
    being the country's only, it makes a text naming neither place the country's."""
    # SYNTHETIC (giả lập): a reprint naming neither place; invented figures.
    text = ("Theo Bộ Công Thương (giả lập), chỉ số sản xuất công nghiệp tháng 11/2019 nhóm ngành công nghiệp chế "
            "biến tiếp tục tăng với tốc độ cao nhất tăng 10,2% so cùng kỳ, tiếp tục là điểm sáng của toàn ngành.")
    rows = found(frame_of(variant(text), "2019-11"))
    assert rows == {("vn_iip_manufacturing", "2019-11-01", "2019-11-30", "yoy_pct"): 10.2}


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_year_named_before_the_verb_is_not_the_month_of_the_paragraphs_base(variant):
    """A link line "CPI Việt Nam năm 2021 tăng 1,84%" after a paragraph naming "so với tháng trước" is the year's
    change, not the text's month on the month before; nor is "CPI bình quân năm 2021 tăng ... so với cùng kỳ" the
    month's year-on-year change."""
    # SYNTHETIC (giả lập): a January reprint with a link line; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), lạm phát cơ bản tháng 01/2022 tăng 0,21% so với tháng trước.\n\n"
            "  • CPI Việt Nam năm 2021 tăng 1,79%\n\n")
    year = ("vn_cpi", "2021-01-01", "2021-12-31", "yoy_pct")
    rows = found(frame_of(variant(text), "2022-01"))
    assert rows[year] == 1.79 and not any(k[0] == "vn_cpi" and k[1] == "2022-01-01" for k in rows), rows
    average = text.replace("  • CPI Việt Nam năm 2021 tăng 1,79%", "Theo đó, CPI bình quân năm 2021 tăng 1,79% so với "
                           "cùng kỳ và là mức tăng bình quân năm thấp nhất kể từ năm 2016.")
    rows = found(frame_of(variant(average), "2022-01"))
    assert rows[year] == 1.79 and not any(k[0] == "vn_cpi" and k[1] == "2022-01-01" for k in rows), rows


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_retail_parts_in_their_own_paragraphs_take_the_totals_period(variant):
    """A paragraph opening on a part of retail sales ("Doanh thu dịch vụ lưu trú, ăn uống đạt ...", "Doanh thu du
    lịch lữ hành ...") continues the total's paragraph: the parts take the period the total names."""
    # SYNTHETIC (giả lập): a reprint of the country's month, one part per paragraph; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 1/2025 "
            "ước đạt 570.100 tỉ đồng, tăng 9,2% so với cùng kỳ năm 2024.\n\n"
            "Doanh thu dịch vụ lưu trú, ăn uống đạt 66.800 tỉ đồng, tăng 14,1% so với cùng kỳ. Đà Nẵng dẫn đầu.\n\n"
            "Doanh thu du lịch lữ hành đạt 5.100 tỉ đồng, tăng 17,3% so với cùng kỳ.")
    rows = found(frame_of(variant(text), "2025-01"))
    jan = ("2025-01-01", "2025-01-31")
    assert rows[("vn_accommodation_food", *jan, "value")] == pytest.approx(66_800)
    assert rows[("vn_accommodation_food", *jan, "yoy_pct")] == 14.1
    assert rows[("vn_travel_services", *jan, "value")] == pytest.approx(5_100)
    assert rows[("vn_travel_services", *jan, "yoy_pct")] == 17.3


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_a_rate_printing_its_own_month_far_from_the_one_name_of_its_sentence(variant):
    """"Chỉ số sản xuất công nghiệp (IIP) có xu hướng giảm trong quý IV do ... , trong đó tháng 12/2022 ước giảm 1%
    so với tháng trước": the rate prints its own month and base, and its sentence names one index only, too far
    back for the rate's window: it is that index's. A sentence naming two gives no such row."""
    # SYNTHETIC (giả lập): one sentence of a December reprint; invented figures.
    text = ("Theo Tổng cục Thống kê (giả lập), chỉ số sản xuất công nghiệp (IIP) có xu hướng giảm trong quý IV do đơn "
            "hàng sụt giảm, chi phí đầu vào ở mức cao và thiếu hụt nguồn cung nguyên vật liệu, trong đó tháng 12/2022 "
            "ước giảm 1,2% so với tháng trước và chỉ tăng 0,4% so với cùng kỳ năm trước.")
    rows = found(frame_of(variant(text), "2022-12"))
    dec = ("vn_iip", "2022-12-01", "2022-12-31")
    assert rows[(*dec, "mom_pct")] == -1.2 and rows[(*dec, "yoy_pct")] == 0.4
    two = text.replace("chỉ số sản xuất công nghiệp (IIP) có", "chỉ số sản xuất công nghiệp (IIP) và tổng mức bán lẻ "
                       "hàng hóa và doanh thu dịch vụ tiêu dùng có")
    assert (*dec, "mom_pct") not in found(frame_of(variant(two), "2022-12"))


@pytest.mark.parametrize("variant", [str, strip_marks], ids=["as printed", "diacritics stripped"])
def test_an_infographics_caption_between_the_index_and_its_sectors_is_passed_over(variant):
    """An infographic's caption repeating the index's rate with no base ("... tăng 21,7% ảnh 1Nhấp chuột để xem kích
    thước chuẩn.") is passed over: the sectors after it take the base the index's own sentence names."""
    # SYNTHETIC (giả lập): a short reprint naming neither place, with a web page's caption; invented figures.
    text = ("Chỉ số sản xuất công nghiệp tháng 1/2021 ước tính tăng 21,7% so với tháng 1/2020 (giả lập).\n"
            "[Infographics] Chỉ số sản xuất công nghiệp trong tháng 1 tăng 21,7% ảnh 1Nhấp chuột để xem kích thước "
            "chuẩn.\n\nNgành chế biến, chế tạo tăng 26,4%; riêng ngành khai khoáng giảm 5,8%./.")
    jan = ("2021-01-01", "2021-01-31", "yoy_pct")
    assert found(frame_of(variant(text), "2021-01")) == {("vn_iip", *jan): 21.7, ("vn_iip_manufacturing", *jan): 26.4,
                                                         ("vn_iip_mining", *jan): -5.8}
