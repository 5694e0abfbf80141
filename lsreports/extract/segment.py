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
from dataclasses import dataclass, field

from .periods import ReportMonth, report_month
from .text import Folded, collapse

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s+(?=[A-ZĐÂĂÊÔƠƯ][^\s]*\s)")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐ0-9¹²³⁴⁵⁶⁷⁸⁹(*])")


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

    def __post_init__(self) -> None:
        self._footnote_starts = [footnote.start for footnote in self.footnotes]

    def sentence_start(self, position: int) -> int:
        """Return where the sentence holding collapsed ``position`` starts (0 for the first)."""
        index = bisect.bisect_right(self.boundaries, position)
        return self.boundaries[index - 1] if index else 0

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
    return Document(collapsed, folded, report, boundaries, footnote_contexts(text, collapsed, folded))


def footnote_contexts(text: str, collapsed: str, folded: Folded) -> list[Footnote]:
    """Return each footnote line of ``text`` with the folded context of the sentence carrying its mark."""
    contexts, cursor = [], 0
    for line in text.splitlines():
        match = _FOOTNOTE_LINE.match(line)
        if not match:
            continue
        head = collapse(line)[:40]
        start = collapsed.find(head, cursor)
        if start < 0:
            continue
        cursor = start + 1
        number = match.group(1).translate(_SUPERSCRIPTS)
        marks = list(re.finditer(r"(?<=[^\s\d.,/(:%-])(" + number + r"|" + re.escape(match.group(1)) + r")(?=[\s;,.:)]|$)",
                                 collapsed[:start]))
        if not marks:
            contexts.append(Footnote(start, ""))
            continue
        mark = marks[-1].start()
        sentence_start = max([m.end() for m in SENTENCE_END.finditer(collapsed[:mark])] or [0])
        contexts.append(Footnote(start, folded.text[folded.at(max(sentence_start, mark - 400)):folded.at(mark)]))
    return contexts
