"""Stage 1c of the extractor: a text about the whole country read into national (``vn_``) rows (issue 24).

Every text here is SYNTHETIC (marked "giả lập"): written for the test in the register of the
statistics office's monthly release and of the press reprinting it, with invented figures.
"""
from __future__ import annotations

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


def test_a_figure_of_another_month_gives_no_row_and_a_warning():
    with pytest.warns(UserWarning, match="not read: .*tháng 10 of 2025"):
        frame = extract_report(REPRINT, "syn", "2025-11")
    assert frame.empty


def test_a_text_naming_neither_is_the_countrys_by_the_releases_wording_and_magnitude_but_doubted():
    text = REPRINT.replace("Theo Cục Thống kê (văn bản giả lập), t", "(Văn bản giả lập) T")
    frame = frame_of(text)
    assert set(frame["indicator_id"]) == {"vn_retail_sales"} and len(frame) == 4
    assert (frame["confidence"] < LOW).all() and frame["reason"].str.contains("read as the country's release").all()


def test_a_text_naming_neither_with_a_provinces_magnitude_is_not_the_countrys():
    text = ("(Văn bản giả lập) Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành tháng 10 "
            "ước đạt 2,5 nghìn tỷ đồng, tăng 6,6% so với cùng kỳ năm trước.")
    assert not any(i.startswith("vn_") for i in frame_of(text)["indicator_id"])
