"""Stage 2 of the extractor, candidates, on SYNTHETIC text written for these tests."""
from __future__ import annotations

from lsreports.extract.candidates import candidates
from lsreports.extract.segment import segment


def _tokens(text: str) -> list[str]:
    return [c.number.token for c in candidates(segment(text, "2027-08"))]


def test_fractions_and_numbers_glued_to_letters_are_not_candidates():
    assert _tokens("Tỷ lệ 3/5 xã; s6 liệu 1a; đã xong 12/15 nhà; đạt 7 tỷ đồng.") == ["12", "7"]


def test_windows_around_a_number():
    text = "Câu trước. Tổng thu ngân sách 8 tháng đạt 900 tỷ đồng; chi thường xuyên đạt 120 tỷ đồng, tăng 5%."
    found = {c.number.token: c for c in candidates(segment(text, "2027-08"))}
    level = found["120"]
    assert level.before.startswith("tong thu ngan sach") and level.before.endswith("chi thuong xuyen dat ")
    assert level.clause == " chi thuong xuyen dat "
    assert level.after.startswith(" ty dong, tang 5%")
    assert not level.is_percentage and found["5"].is_percentage
    assert level.sentence == text.index("Tổng thu") and level.footnote is None


def test_before_reaches_back_at_most_lookback():
    from lsreports.extract.candidates import LOOKBACK

    text = "x " * 400 + "đạt 7 tỷ đồng"
    [cand] = candidates(segment(text, "2027-08"))
    assert len(cand.before) == LOOKBACK
