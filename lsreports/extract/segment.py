"""Stage 1, segment: a report's text as the later stages read it.

The collapsed text (whitespace runs → one space, as quotes are matched), its folded copy
(what the rules match), the month the report is about, where its sentences begin and
which sentence each footnote belongs to. A footnote line ("4 Trong đó: xuất khẩu ...")
carries on the sentence holding its mark ("... so với tháng trước4."): the numbers in it
read their base and period from that sentence.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .periods import ReportMonth, report_month
from .text import Folded, collapse

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s+(?=[^\W\d_][^\s]*\s)")  # then a capital
#: Capital letters with Vietnamese diacritics ("Ư", "Ở", "Đ", ...): a sentence may begin with any of them.
_CAPITALS = "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper()
                            and "A" <= unicodedata.normalize("NFD", c)[0] <= "Z"} | {"Đ"}))
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z" + _CAPITALS + r"0-9¹²³⁴⁵⁶⁷⁸⁹(*])")
_BREAKDOWN = re.compile(r"\(\*?\s*(trong (do|d6|de)|gom)")


@dataclass(frozen=True)
class Footnote:
    """A footnote line: where it starts in the collapsed text, and the folded text of the sentence marking it."""

    start: int
    context: str


@dataclass
class Document:
    """A report segmented for extraction (see the module docstring)."""

    collapsed: str
    folded: Folded
    report: ReportMonth
    boundaries: list[int] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)  # where each line of the text starts (collapsed)

    def __post_init__(self) -> None:
        self._footnote_starts = [footnote.start for footnote in self.footnotes]

    def paragraph_start(self, position: int) -> int:
        """Return where the line (paragraph) holding collapsed ``position`` starts."""
        index = bisect.bisect_right(self.paragraphs, position)
        return self.paragraphs[index - 1] if index else 0

    @cached_property
    def _brackets(self) -> tuple[list[int], list[int], list[tuple[int, int]]]:
        text = self.folded.text
        return ([m.start() for m in re.finditer(r"\(", text)], [m.start() for m in re.finditer(r"\)", text)],
                [m.span() for m in _BREAKDOWN.finditer(text)])

    def open_breakdown(self, start: int, end: int) -> bool:
        """Whether folded ``start..end`` opens more brackets than it closes, none of them "(trong đó" or "(gồm"."""
        opens, closes, named = self._brackets
        if bisect.bisect_left(opens, end) - bisect.bisect_left(opens, start) <= \
                bisect.bisect_left(closes, end) - bisect.bisect_left(closes, start):
            return False
        index = bisect.bisect_left(named, (start, -1))
        return not (index < len(named) and named[index][1] <= end)

    def sentence_start(self, position: int) -> int:
        """Return where the sentence holding collapsed ``position`` starts (0 for the first)."""
        index = bisect.bisect_right(self.boundaries, position)
        return self.boundaries[index - 1] if index else 0

    def sentence_end(self, position: int) -> int:
        """Return where the sentence holding collapsed ``position`` ends (the next sentence's start)."""
        index = bisect.bisect_right(self.boundaries, position)
        return self.boundaries[index] if index < len(self.boundaries) else len(self.collapsed)

    def footnote_at(self, position: int, sentence_start: int) -> Footnote | None:
        """Return the footnote line ``position`` lies in, if it starts within this sentence."""
        index = bisect.bisect_right(self._footnote_starts, position)
        if index and self.footnotes[index - 1].start >= sentence_start - 2:
            return self.footnotes[index - 1]
        return None


def segment(text: str, month: str | None = None) -> Document:
    """Collapse, fold and segment ``text``; ``month`` ("YYYY-MM") when the text does not name it.

    Raises
    ------
    ReportMonthError
        If the month is neither in the text nor given.
    """
    collapsed = collapse(text)
    folded = Folded(collapsed)
    report = report_month(folded.text, month)
    boundaries = [m.end() for m in SENTENCE_END.finditer(collapsed)]
    return Document(collapsed, folded, report, boundaries, footnote_contexts(text, collapsed, folded, boundaries),
                    line_starts(text, collapsed))


def line_starts(text: str, collapsed: str) -> list[int]:
    """Where each non-blank line of ``text`` starts in the collapsed text (in order), wrapped lines left out."""
    starts, cursor, previous = [], 0, ""
    for line in text.splitlines():
        whole = collapse(line)
        if not whole:
            continue
        wrapped = _wrapped(previous, whole)
        previous = whole
        start = collapsed.find(whole[:40], cursor)
        if start >= 0:  # past the whole line: a later line opening like a sentence of this one is not found in it
            if not wrapped:
                starts.append(start)
            cursor = start + len(whole)
    return starts


def _wrapped(previous: str, line: str) -> bool:
    """Whether ``line`` continues a sentence the line before broke off (a hard-wrapped text: "... (cùng" / "kỳ năm
    2020 tăng 4,1%)"): the line before ends on no mark that closes a sentence and this one opens in lower case."""
    return bool(previous) and not re.search(r"[.!?:;…|]\W*$", previous) and line[:1].islower()


def footnote_contexts(text: str, collapsed: str, folded: Folded, boundaries: list[int]) -> list[Footnote]:
    """Return each footnote line of ``text`` with the folded context of the sentence carrying its mark.

    The mark is the last footnote number printed before the line, glued to a word ("trước4.").
    Marks are indexed in one pass, so a text with many footnotes is read in linear time.
    """
    contexts, cursor, marks = [], 0, _marks(collapsed)
    for line in text.splitlines():
        match = _FOOTNOTE_LINE.match(line)
        if not match or not line[match.end()].isupper():  # any capital: "Ước", "Ở" as well as "Trong"
            continue
        start = collapsed.find(collapse(line)[:40], cursor)
        if start < 0:
            continue
        cursor = start + 1
        mark = _last_mark(marks, collapsed, match.group(1), start)
        if mark is None:
            contexts.append(Footnote(start, ""))
            continue
        index = bisect.bisect_right(boundaries, mark)
        sentence_start = boundaries[index - 1] if index else 0
        contexts.append(Footnote(start, folded.text[folded.at(max(sentence_start, mark - 400)):folded.at(mark)]))
    return contexts


_MARK_BEFORE = r"(?<=[^\s\d.,/(:%-])"
_MARK_AFTER = r"(?=[\s;,.:)]|$)"
_DIGIT_MARK = re.compile(_MARK_BEFORE + r"(\d{1,2})" + _MARK_AFTER)
_SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+" + _MARK_AFTER)
_NOT_BEFORE_A_MARK = re.compile(r"[\s\d.,/(:%-]")


def _marks(collapsed: str) -> dict[str, list[int]]:
    """Where each possible footnote mark (1-2 digits or superscripts after a word) starts, in order."""
    found: dict[str, list[int]] = {}
    for match in _DIGIT_MARK.finditer(collapsed):
        found.setdefault(match.group(1), []).append(match.start())
    for match in _SUPERSCRIPT_RUN.finditer(collapsed):
        for length in (2, 1):  # a superscript mark may follow another superscript ("¹⁴" holds "⁴")
            start = match.end() - length
            if start > match.start() or start == match.start() and start > 0 and \
                    not _NOT_BEFORE_A_MARK.match(collapsed[start - 1]):
                found.setdefault(match.group(0)[-length:], []).append(start)
    for starts in found.values():
        starts.sort()
    return found


def _last_mark(marks: dict[str, list[int]], collapsed: str, printed: str, start: int) -> int | None:
    """The start of the last mark of footnote ``printed`` ("4" or "⁴") before ``start`` (or None)."""
    number = printed.translate(_SUPERSCRIPTS)
    best = None
    for token in {number, printed}:
        starts = marks.get(token, [])
        index = bisect.bisect_left(starts, start - len(token))  # wholly before the line, not touching it
        if index:
            best = max(best or 0, starts[index - 1])
    pattern = re.compile(_MARK_BEFORE + "(" + re.escape(number) + "|" + re.escape(printed) + ")" + _MARK_AFTER)
    touching = [m.start() for m in pattern.finditer(collapsed, max(0, start - 4), start) if m.end() == start]
    return max([best] + touching if best is not None else touching, default=None)
