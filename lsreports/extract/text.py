"""Reading a report and the folded copy of its text that rules match against.

The folded text has exactly one character per character of the collapsed text, so a
match found in it is a span of the original: quotes are always cut from the original.
Folding lowercases, drops diacritics (đ → d) and maps the characters OCR puts in place
of Vietnamese vowels ("v&i" → "voi", "ting" stays and is matched as a variant of "tang").
"""
from __future__ import annotations

import bisect
import re
import unicodedata

from ..sources.reports import collapse_whitespace as collapse  # quotes are matched after this collapsing

__all__ = ["Folded", "ReportTextError", "collapse", "strip_marks"]

_OCR_VOWELS = str.maketrans({"&": "o", "¢": "e", "€": "e", "@": "a", "|": "l"})


class ReportTextError(ValueError):
    """A report file cannot be read as text; the message names the file."""


def _fold_char(char: str, lower: bool = True) -> str:
    """Fold one character into one character (combining marks are dropped before)."""
    if char in "đĐ":
        return "d" if lower or char == "đ" else "D"
    base = unicodedata.normalize("NFD", char)[0]
    return base.lower()[:1] if lower else base


def strip_marks(text: str) -> str:
    """``text`` without its diacritics, case kept (đ → d, Đ → D): how a pattern written with them is folded."""
    return "".join(_fold_char(c, lower=False) for c in text if not unicodedata.combining(c))


class Folded:
    """The matching copy of a text, with the way back to the original's positions.

    Lowercase, no diacritics (NFC or NFD input alike), đ → d, OCR stand-ins for vowels
    mapped ("v&i" → "voi"); ``lower=False`` keeps the case (the national release's month names,
    "tháng Năm", are told from "năm" by their capital). ``span(start, end)`` turns a match in the folded copy into
    the span of the original text it came from. Built in time linear in the text: one
    translation table for its distinct characters; the positions of the combining marks
    it drops (NFD input) map positions both ways by bisection.
    """

    def __init__(self, text: str, *, lower: bool = True) -> None:
        distinct = set(text)
        marks = {char for char in distinct if unicodedata.combining(char)}
        table = {ord(char): "" if char in marks else _fold_char(char, lower) for char in distinct}
        self.text = text.translate(table).translate(_OCR_VOWELS)
        self.original = text
        #: original positions of the dropped marks, and how many characters are kept before each
        self._dropped = [m.start() for m in re.finditer("[" + "".join(sorted(marks)) + "]", text)] if marks else []
        self._kept_before = [position - index for index, position in enumerate(self._dropped)]

    def at(self, original_index: int) -> int:
        """Return the folded position of an original position."""
        if original_index < 0:
            original_index += len(self.original) + 1
        return original_index - bisect.bisect_left(self._dropped, original_index)

    def _original(self, folded_index: int) -> int:
        return folded_index + bisect.bisect_right(self._kept_before, folded_index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of folded positions ``start..end``."""
        original_end = self._original(end - 1) + 1 if end > start else self._original(start)
        while original_end < len(self.original) and unicodedata.combining(self.original[original_end]):
            original_end += 1
        return self._original(start), original_end
