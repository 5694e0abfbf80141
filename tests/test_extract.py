"""The extractor on SYNTHETIC report snippets written for these tests (not taken from the four
reports), one phrase family at a time, plus robustness on arbitrary input."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsreports.extract import ReportMonthError, ReportTextError, extract_file, extract_report

HEAD = "BÁO CÁO Tình hình kinh tế - xã hội tháng 8 và 8 tháng năm 2027\n"


def rows(text: str, month: str | None = None) -> dict[tuple, float]:
    frame = extract_report(HEAD + text if month is None else text, "syn", month)
    return {(r.indicator_id, r.start, r.end, r.measure): r.value for r in frame.itertuples()}


def test_month_and_year_to_date_with_parts_and_rates():
    found = rows("Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 8 đạt 1.234,5 triệu USD (trong đó: xuất khẩu "
                 "đạt 400 triệu USD, nhập khẩu đạt 834,5 triệu USD); lũy kế 8 tháng đạt 9,1 tỷ USD, tăng 12,5% so "
                 "với cùng kỳ, đạt 70,2% kế hoạch.")
    assert found[("trade_total", "2027-08-01", "2027-08-31", "value")] == 1234.5
    assert found[("trade_total_export", "2027-08-01", "2027-08-31", "value")] == 400
    assert found[("trade_total_import", "2027-08-01", "2027-08-31", "value")] == 834.5
    assert found[("trade_total", "2027-01-01", "2027-08-31", "value")] == 9100
    assert found[("trade_total", "2027-01-01", "2027-08-31", "yoy_pct")] == 12.5
    assert found[("trade_total", "2027-01-01", "2027-08-31", "plan_pct")] == 70.2


def test_budget_units_estimates_and_bang():
    found = rows("Tổng thu ngân sách nhà nước trên địa bàn lũy kế 8 tháng là 9.876.543 triệu đồng, đạt 81,5% so "
                 "với dự toán Trung ương giao, đạt 75,25% dự toán tỉnh giao, bằng 131,2% so với cùng kỳ.")
    key = ("budget_revenue_total", "2027-01-01", "2027-08-31")
    assert found[key + ("value",)] == pytest.approx(9876.543)
    assert found[key + ("est_central_pct",)] == 81.5
    assert found[key + ("est_local_pct",)] == 75.25
    assert found[key + ("yoy_pct",)] == pytest.approx(31.2)


def test_falls_no_change_and_month_on_month():
    found = rows("Doanh thu vận tải, kho bãi tháng 8 đạt 300 tỷ đồng, giảm 4,5% so với cùng kỳ. Kim ngạch hàng "
                 "hóa mở tờ khai tại Lạng Sơn tháng 8 đạt 700 triệu USD, tăng 3,3% so với tháng trước. Hàng địa "
                 "phương xuất khẩu 8 tháng đạt 90 triệu USD, tương đương cùng kỳ.")
    assert found[("transport_revenue", "2027-08-01", "2027-08-31", "yoy_pct")] == -4.5
    assert found[("trade_declared", "2027-08-01", "2027-08-31", "mom_pct")] == 3.3
    assert found[("trade_local_export", "2027-01-01", "2027-08-31", "yoy_pct")] == 0


def test_scale_words_and_tourism():
    found = rows("Lũy kế 8 tháng tổng lượng khách du lịch đạt 4,25 triệu lượt, tăng 6% so với cùng kỳ; trong đó "
                 "khách quốc tế 310 nghìn lượt. Xi măng đạt 812,4 nghìn tấn; Bột đá mài đạt 1.250,5 tấn.")
    assert found[("tourism_visitors", "2027-01-01", "2027-08-31", "value")] == 4250
    assert found[("tourism_visitors_international", "2027-01-01", "2027-08-31", "value")] == 310
    assert found[("prod_cement", "2027-01-01", "2027-08-31", "value")] == 812.4
    assert found[("prod_grinding_powder", "2027-01-01", "2027-08-31", "value")] == 1250.5


def test_stated_days_and_stocks():
    found = rows("Lũy kế đến ngày 20/8/2027, toàn tỉnh đăng ký thành lập mới 410 doanh nghiệp. Tổng nguồn vốn "
                 "huy động của các tổ chức tín dụng đến 31/8/2027 đạt 61.000 tỷ đồng, tăng 9,1% so với cùng kỳ.")
    assert found[("enterprises_new", "2027-01-01", "2027-08-20", "value")] == 410
    assert found[("bank_deposits", "2027-08-31", "2027-08-31", "value")] == 61000
    assert found[("bank_deposits", "2027-08-31", "2027-08-31", "yoy_pct")] == 9.1


def test_footnote_inherits_the_base_of_its_sentence():
    text = ("Trong tháng 8, tổng kim ngạch xuất nhập khẩu hàng hóa đạt 2,5 tỷ USD, tăng 10% so với tháng trước4.\n"
            "4 Trong đó: xuất khẩu đạt 1,1 tỷ USD, giảm 2,5%; nhập khẩu đạt 1,4 tỷ USD, tăng 20%.\n")
    found = rows(text)
    assert found[("trade_total_export", "2027-08-01", "2027-08-31", "mom_pct")] == -2.5
    assert found[("trade_total_import", "2027-08-01", "2027-08-31", "mom_pct")] == 20


def test_ocr_text_without_diacritics():
    text = ("BAO CAO Tinh hinh kinh té - x& hi thang 03 nam 2027.\n"
            "Trong thang, tong kim ngach xuat nhap khau hang hoa tat ca c4c loai hinh dat 4,1 ty USD, ting 12,4% "
            "so v&i cung Ky. Luy ké 3 thang, téng mic ban le hang hda va doanh thu dich vu tiéu dung dat 3.600,5 ty "
            "ddng, ting 9,1% so vai cung ky.")
    found = {(r.indicator_id, r.start, r.end, r.measure): r.value for r in extract_report(text, "ocr").itertuples()}
    assert found[("trade_total", "2027-03-01", "2027-03-31", "value")] == 4100
    assert found[("trade_total", "2027-03-01", "2027-03-31", "yoy_pct")] == 12.4
    assert found[("retail_sales", "2027-01-01", "2027-03-31", "value")] == 3600.5
    assert found[("retail_sales", "2027-01-01", "2027-03-31", "yoy_pct")] == 9.1


def test_month_can_be_given_for_an_excerpt():
    excerpt = "Chỉ số sản xuất công nghiệp (IIP) tháng 4 tăng 7,2% so với cùng kỳ."
    with pytest.raises(ReportMonthError, match="--month"):
        extract_report(excerpt, "excerpt")
    found = {(r.indicator_id, r.start, r.measure): r.value for r in extract_report(excerpt, "excerpt", "2027-04").itertuples()}
    assert found[("iip", "2027-04-01", "yoy_pct")] == 7.2


def test_targets_and_percentage_points_are_not_observations():
    with pytest.warns(UserWarning, match="no recognisable figures"):
        found = rows("Phấn đấu đến năm 2030 lượng khách du lịch đạt 6.000.000 lượt. Tỷ lệ giải ngân tăng 5,5% điểm "
                     "so với cùng kỳ.")
    assert found == {}


def test_every_quote_prints_its_value():
    from lsreports.sources.provenance import value_is_printed

    frame = extract_report(HEAD + "Tổng kim ngạch xuất nhập khẩu 8 tháng đạt 9,1 tỷ USD, tăng 12,5% so với cùng kỳ.", "syn")
    assert len(frame) == 2
    assert all(value_is_printed(r.value, r.measure, r.quote) for r in frame.itertuples())


def test_no_figures_gives_zero_rows_and_a_warning():
    with pytest.warns(UserWarning, match="no recognisable figures"):
        frame = extract_report(HEAD + "Không có số liệu nào ở đây.", "empty")
    assert frame.empty and "indicator_id" in frame.columns


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"), (b"\x00\x01binary\x00", "binary"), ("tăng 5%".encode("cp1258"), "not UTF-8")])
def test_bad_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportTextError, match=rf"bad\.txt.*{message}"):
        extract_file(path)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,% ;()/\nabcdtháng nămtỷUSDđồngtăng giảm kế hoạch")),
               max_size=400) | st.text(max_size=400))
def test_extractor_never_crashes_on_arbitrary_text(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = extract_report(text, "fuzz", month="2027-08")
    assert isinstance(frame, pd.DataFrame)


def test_a_target_phrase_drops_the_numbers_after_it_in_its_sentence_only():
    found = rows("Tổng kim ngạch xuất nhập khẩu 8 tháng đạt 9,1 tỷ USD, tăng 12,5% so với cùng kỳ, phấn đấu đạt "
                 "12 tỷ USD. Xi măng đạt 812,4 nghìn tấn.")
    assert found[("trade_total", "2027-01-01", "2027-08-31", "value")] == 9100
    assert found[("trade_total", "2027-01-01", "2027-08-31", "yoy_pct")] == 12.5
    assert found[("prod_cement", "2027-01-01", "2027-08-31", "value")] == 812.4
    assert 12000 not in found.values()


def test_a_level_inside_a_bracket_opened_after_a_level_is_a_breakdown():
    found = rows("Tổng thu ngân sách 8 tháng đạt 900 tỷ đồng (riêng thu nội địa của dự án 50 tỷ đồng), tăng 5% so "
                 "với cùng kỳ.")
    assert found[("budget_revenue_total", "2027-01-01", "2027-08-31", "value")] == 900
    assert ("budget_revenue_domestic", "2027-01-01", "2027-08-31", "value") not in found


# Wider phrasing (issue 12): SYNTHETIC sentences in the styles of press and statistics-office releases.
PRESS = ("Lượng khách du lịch trong dịp lễ tính từ ngày 3/8 đến ngày 9/8 ước đạt 40.000 lượt, tăng 12% so với cùng "
         "kỳ năm 2026. Doanh thu từ du lịch đạt 30 tỉ đồng.\n"
         "Kim ngạch chung xuất nhập khẩu từ ngày 1 đến hết 15-8 đạt 900 triệu USD. Con số này giảm 10% so với "
         "cùng kỳ tháng 7 và tăng 4% so với cùng kỳ năm 2026.\n"
         "Chỉ số sản xuất công nghiệp quý II/2027 tăng 5,5% so với cùng kỳ.\nXuất khẩu hàng hóa địa phương đạt "
         "hơn 70 triệu USD, tăng 3,1%.\n")


def _strip(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace("đ", "d")


@pytest.mark.parametrize("variant", [lambda t: t, _strip], ids=["as printed", "diacritics stripped"])
def test_press_phrasing_day_spans_quarters_and_this_figure(variant):
    found = {(r.indicator_id, r.start, r.end, r.measure): (r.value, r.status)
             for r in extract_report(variant(PRESS), "syn", "2027-08").itertuples()}
    week = ("2027-08-03", "2027-08-09")
    assert found[("tourism_visitors", *week, "value")] == (40, "estimate")
    assert found[("tourism_visitors", *week, "yoy_pct")] == (12, "estimate")
    assert found[("tourism_revenue", *week, "value")] == (30, "actual")  # the paragraph's days
    half = ("2027-08-01", "2027-08-15")
    assert found[("trade_total", *half, "value")] == (900, "actual")
    assert found[("trade_total", *half, "mom_pct")] == (-10, "actual")
    assert found[("trade_total", *half, "yoy_pct")] == (4, "actual")
    assert found[("iip", "2027-04-01", "2027-06-30", "yoy_pct")] == (5.5, "actual")
    assert found[("trade_local_export", "2027-01-01", "2027-08-31", "value")][0] == 70
    assert found[("trade_local_export", "2027-01-01", "2027-08-31", "yoy_pct")][0] == 3.1


def test_growth_rates_named_before_the_number_and_grdp_sectors():
    text = ("Tốc độ tăng trưởng GRDP ước đạt 7,1%. Trong mức tăng trưởng chung, khu vực công nghiệp - xây dựng tăng "
            "mạnh 9,2%; nông lâm nghiệp tăng 3%; thuế sản phẩm trừ trợ cấp sản phẩm giảm nhẹ 1,5%.")
    found = {(r.indicator_id, r.measure): (r.value, r.status) for r in extract_report(text, "syn", "2027-12").itertuples()}
    assert found[("grdp", "yoy_pct")] == (7.1, "estimate")
    assert found[("grdp_industry_construction", "yoy_pct")] == (9.2, "estimate")  # sectors of an estimated GRDP
    assert found[("grdp_agriculture", "yoy_pct")] == (3, "estimate")
    assert found[("grdp_product_taxes", "yoy_pct")] == (-1.5, "estimate")


def test_status_follows_the_words_of_the_sentence():
    frame = extract_report(HEAD + "Xi măng ước đạt 80 nghìn tấn. Clinker đạt 50 nghìn tấn. Dự ước thu nội địa "
                                  "đạt 900 tỷ đồng.", "syn")
    status = dict(zip(frame["indicator_id"], frame["status"]))
    assert status == {"prod_cement": "estimate", "prod_clinker": "actual", "budget_revenue_domestic": "estimate"}
