"""Stage 1 of the extractor, segment, on SYNTHETIC text written for these tests."""
from __future__ import annotations

import pytest

from lsreports.extract.periods import ReportMonthError
from lsreports.extract.segment import segment

TEXT = ("BÁO CÁO tháng 8 năm 2027.\nTrong tháng 8, xuất khẩu đạt 2,5 tỷ USD, tăng 10% so với tháng trước4. "
        "Nhập khẩu giảm.\n4 Trong đó: hàng nông sản đạt 1,1 tỷ USD.\n")


def test_text_is_collapsed_folded_and_dated():
    doc = segment(TEXT)
    assert "\n" not in doc.collapsed and "  " not in doc.collapsed
    assert "xuat khau dat 2,5 ty usd" in doc.folded.text
    assert (doc.report.year, doc.report.month) == (2027, 8)


def test_sentence_starts():
    doc = segment(TEXT)
    second = doc.collapsed.index("Nhập khẩu")
    assert doc.sentence_start(second + 3) == second
    assert doc.sentence_start(second - 5) == doc.collapsed.index("Trong tháng")
    assert doc.sentence_start(0) == 0


def test_a_footnote_line_carries_the_sentence_of_its_mark():
    doc = segment(TEXT)
    [footnote] = doc.footnotes
    assert footnote.start == doc.collapsed.index("4 Trong đó")
    assert footnote.context == "trong thang 8, xuat khau dat 2,5 ty usd, tang 10% so voi thang truoc"
    inside = doc.collapsed.index("1,1 tỷ")
    assert doc.footnote_at(inside, doc.sentence_start(inside)) == footnote
    assert doc.footnote_at(doc.collapsed.index("2,5 tỷ"), 0) is None


def test_the_month_must_be_known():
    with pytest.raises(ReportMonthError, match="--month"):
        segment("Xuất khẩu đạt 2,5 tỷ USD.")
    assert segment("Xuất khẩu đạt 2,5 tỷ USD.", "2027-03").report.month == 3


def test_footnotes_at_the_end_of_a_document_and_superscript_marks():
    body = ("BÁO CÁO tháng 8 năm 2027. Bán lẻ hàng hóa đạt 900 tỷ đồng, tăng 5% so với tháng trước¹. "
            + "Câu khác không có chú thích. " * 300 + "Xuất khẩu tăng 9% so với cùng kỳ².\n")
    doc = segment(body + "¹ Trong đó: lương thực đạt 50 tỷ đồng.\n² Trong đó: nông sản đạt 4 tỷ USD.\n")
    first, second = doc.footnotes
    assert first.context.endswith("tang 5% so voi thang truoc") and first.context.startswith("ban le")
    assert second.context == "xuat khau tang 9% so voi cung ky"


def test_a_footnote_whose_mark_is_missing_has_no_context():
    doc = segment("BÁO CÁO tháng 8 năm 2027. Bán lẻ đạt 900 tỷ đồng.\n3 Trong đó: lương thực đạt 50 tỷ đồng.\n")
    assert [f.context for f in doc.footnotes] == [""]


def test_open_breakdown_counts_brackets_between_two_positions():
    doc = segment("Tháng 8/2027. Thu đạt 9 tỷ đồng (dự án A đạt 2 tỷ đồng), chi (trong đó: 3 tỷ đồng) và (gồm 4 tỷ.",
                  "2027-08")
    text = doc.folded.text
    assert doc.open_breakdown(text.index("9 ty"), text.index("2 ty"))
    assert not doc.open_breakdown(text.index("9 ty"), text.index(", chi"))
    assert not doc.open_breakdown(text.index(", chi"), text.index("3 ty"))  # "(trong đó" opens the parts
    assert not doc.open_breakdown(text.index("3 ty"), text.index("4 ty"))  # "(gồm" likewise


def test_sentences_and_footnotes_may_begin_with_any_vietnamese_capital():
    doc = segment("BÁO CÁO tháng 8 năm 2027. Dự án A đã xong. Ước giải ngân đạt 40 tỷ đồng.\n"
                  "Ở các xã, thu nội địa đạt 9 tỷ đồng².\n² Ở khu vực biên giới, xuất khẩu đạt 2 tỷ USD.\n")
    assert doc.sentence_start(doc.collapsed.index("40 tỷ")) == doc.collapsed.index("Ước giải ngân")
    [footnote] = doc.footnotes
    assert footnote.start == doc.collapsed.index("² Ở") and footnote.context.startswith("o cac xa")


def test_a_line_opening_like_a_sentence_of_the_line_before_starts_where_it_is():
    """SYNTHETIC: the second line repeats the opening of the first line's second sentence."""
    from lsreports.extract.segment import line_starts

    text = ("Đối với Hà Nội, tổng mức bán lẻ hàng hóa tăng 4,6%. Tính chung 10 tháng, tổng mức bán lẻ tăng 2,7%.\n"
            "Tính chung 10 tháng, tổng mức bán lẻ tăng 2%.")
    collapsed = " ".join(text.split())
    assert line_starts(text, collapsed) == [0, collapsed.rindex("Tính chung")]
