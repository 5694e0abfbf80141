"""Stage 2, candidates: each printed number with the windows of text the later stages read.

A number glued to letters (an OCR misreading such as "s6" for "số", or a footnote mark)
or written as a fraction ("3/5") is not a candidate; "12/15 nhà" (done of planned
houses) is. Windows are cut from the folded text: ``before`` reaches back to the start
of the sentence (at most :data:`LOOKBACK` characters), ``clause`` is the part of it after
the last ";" or "(trong đó", ``after`` and ``ahead`` look forward.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lsreports.sources.numbers import PrintedNumber, find_numbers

from .segment import Document

LOOKBACK = 220
PARAGRAPH_LOOKBACK = 600
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Candidate:
    """A number and its surroundings; positions ``fn``, ``fs``, ``after_start`` are in the folded text."""

    number: PrintedNumber
    sentence: int  # start of its sentence (or footnote line) in the collapsed text
    footnote: int | None  # start of the footnote line it is in, if any
    fn: int  # the number's start
    fs: int  # the start of ``before``
    before: str
    clause: str
    ahead: str
    context: str  # ``before``, preceded by the marking sentence for a number in a footnote
    paragraph: str  # the earlier sentences of its paragraph (at most PARAGRAPH_LOOKBACK characters)
    after_start: int  # the number's end
    after: str

    @property
    def is_percentage(self) -> bool:
        """Whether a percent sign follows the number."""
        return re.match(r"\s?%", self.after) is not None


def candidates(doc: Document) -> Iterator[Candidate]:
    """Yield the candidate numbers of ``doc`` in order of appearance."""
    for number in find_numbers(doc.collapsed):
        if not _is_fraction(doc.collapsed, number) and not _glued_to_letters(doc.collapsed, number):
            yield candidate_at(doc, number)


def _is_fraction(collapsed: str, number: PrintedNumber) -> bool:
    return collapsed[number.start - 1:number.start] == "/" or collapsed[number.end:number.end + 1] == "/" and \
        not re.match(r"/[\d.]+ (nha|nhà|căn)", collapsed[number.end:number.end + 12])


def _glued_to_letters(collapsed: str, number: PrintedNumber) -> bool:
    return bool(_LETTER.match(collapsed[number.start - 1:number.start] or " ")
                or _LETTER.match(collapsed[number.end:number.end + 1] or " "))


#: A paragraph that opens on "Trong đó", "Cụ thể" (or on a list of the CPI's groups: "Các nhóm hàng hóa và dịch vụ
#: có chỉ số giá tăng: ...", or on a part of state-budget investment by who manages it: "Vốn đầu tư thực hiện do
#: địa phương quản lý ...", "- Vốn NSNN cấp tỉnh ...", or on a sector of industry: "Ngành chế biến, chế tạo tăng 27,2%;
#: ngành sản xuất và phân phối điện ...", or on a part of retail sales: "(Bên cạnh đó,) doanh thu dịch vụ lưu trú, ăn
#: uống đạt ...", "Doanh thu du lịch lữ hành ...") lists the parts of the figure the paragraph before ends on.
_PARTS_OPENING = re.compile(r"[\s\-–+•]*(trong (do|so do)|rieng|cu the|cac nhom hang( hoa)?( va dich vu)? co chi so gia"
                            r"|von (dau tu )?(thuc hien )?(do )?(ngan sach )?(trung uong|dia phuong) quan ly"
                            r"|von (ngan sach (nha nuoc )?|nsnn )cap (tinh|huyen|xa)"
                            r"|(nganh )?(khai khoang|(cong nghiep )?che bien,? che tao|san xuat (va )?phan phoi dien"
                            r"|cung cap nuoc)"
                            r"|((ben canh do|ngoai ra),? )?(doanh thu )?(dich vu luu tru,? an uong|du lich lu hanh"
                            r"|(cac )?dich vu khac))\b")
_NUMBER = re.compile(r"\d")
#: A photo's caption, which may print a number ("Sản xuất công nghiệp quý IV/2022 tăng chậm lại. Ảnh: TL."; an
#: infographic's "... tăng 22,2% ảnh 1Nhấp chuột để xem kích thước chuẩn."; folded).
_CAPTION = re.compile(r"\b(anh|nguon)( minh hoa)?\s?:[^.:]{0,40}\.?\s*$|nhap chuot de xem")


def _passed_over(doc: Document, start: int, end: int) -> bool:
    """Whether the line ``start..end`` between parts and their total is passed over: no number, or a caption."""
    return not _NUMBER.search(doc.collapsed, start, end) or _CAPTION.search(
        doc.folded.text[doc.folded.at(start):doc.folded.at(end)]) is not None


def _topic_start(doc: Document, position: int) -> int:
    """Where the paragraph holding ``position`` starts, or the one before when it opens on "Trong đó".

    A line between them that prints no number ("Nguồn: Tổng cục Thống kê", "Ảnh minh họa.") or is a photo's caption
    ("... quý IV/2022 tăng chậm lại. Ảnh: TL.") is passed over.
    """
    start = doc.paragraph_start(position)
    while start > 0 and _PARTS_OPENING.match(doc.folded.text, doc.folded.at(start)):
        before = doc.paragraph_start(start - 1)
        while before > 0 and _passed_over(doc, before, start):
            start, before = before, doc.paragraph_start(before - 1)
        if before == start or not _PARTS_OPENING.match(doc.folded.text, doc.folded.at(before)):
            return before
        start = before  # a list of parts in several paragraphs, each opening on a part: back to their total
    return start


def _paragraph(doc: Document, position: int, sentence_start: int) -> str:
    """The folded text before the sentence that its topic spans: its paragraph, or from its total's (see
    :func:`_topic_start`), the last :data:`PARAGRAPH_LOOKBACK` characters; a total's paragraph beyond them
    (a long list of parts between) keeps its first sentence, which names the period of the parts."""
    folded, topic = doc.folded, _topic_start(doc, position)
    start = max(topic, sentence_start - PARAGRAPH_LOOKBACK)
    near = folded.text[folded.at(start):folded.at(sentence_start)]
    if topic >= start or topic >= doc.paragraph_start(position):
        return near
    head_end = min(doc.sentence_end(topic), start)
    return folded.text[folded.at(topic):folded.at(head_end)] + " " + near


def candidate_at(doc: Document, number: PrintedNumber) -> Candidate:
    """Cut the windows around ``number`` (see the module docstring)."""
    folded = doc.folded
    sentence_start = doc.sentence_start(number.start)
    footnote = doc.footnote_at(number.start, sentence_start)
    if footnote is not None:
        sentence_start = max(sentence_start, footnote.start)
    fn, fs = folded.at(number.start), folded.at(max(sentence_start, number.start - LOOKBACK))
    before = folded.text[fs:fn]
    clause = re.split(r";|\(\*?trong (do|d6|dé)", before)[-1]
    after_start = folded.at(number.end)
    ahead = re.split(r"\.\s", folded.text[after_start:after_start + 70])[0]
    context = (footnote.context + " | " + before) if footnote is not None else before
    paragraph = _paragraph(doc, number.start, sentence_start) if footnote is None else ""
    return Candidate(number, sentence_start, footnote.start if footnote is not None else None, fn, fs, before,
                     clause, ahead, context, paragraph, after_start, folded.text[after_start:after_start + 60])
