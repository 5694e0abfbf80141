"""The folded copy of a report's text (lsreports.extract.text), on SYNTHETIC strings."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from lsreports.extract.text import Folded

PHRASE = "Tổng kim ngạch xuất nhập khẩu đạt 1.234,5 triệu USD, tăng 12,5% so với cùng kỳ"


def test_nfc_and_nfd_fold_alike_and_map_back_to_the_original():
    nfc, nfd = Folded(PHRASE), Folded(unicodedata.normalize("NFD", PHRASE))
    assert nfc.text == nfd.text == "tong kim ngach xuat nhap khau dat 1.234,5 trieu usd, tang 12,5% so voi cung ky"
    start = nfd.text.index("xuat nhap khau")
    begin, end = nfd.span(start, start + len("xuat nhap khau"))
    assert unicodedata.normalize("NFC", nfd.original[begin:end]) == "xuất nhập khẩu"
    assert nfd.at(begin) == start and nfd.at(end) == start + len("xuat nhap khau")
    assert nfc.at(len(PHRASE)) == len(nfc.text) and nfd.at(-1) == len(nfd.text)


def test_ocr_stand_ins_and_one_character_per_character():
    folded = Folded("ting 5% so v&i cùng kỳ; İstanbul")
    assert folded.text == "ting 5% so voi cung ky; istanbul"
    assert len(folded.text) == len(folded.original)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăâêôơưđ \u0300\u0301\u0303\u0309\u0323x.,5")), max_size=60))
def test_positions_round_trip(text):
    folded = Folded(text)
    kept = [i for i, char in enumerate(text) if not unicodedata.combining(char)]
    assert len(folded.text) == len(kept)
    for index, original in enumerate(kept):
        assert folded.span(index, index + 1)[0] == original
        assert folded.at(original) == index
