"""Reading a report and the folded copy of its text that rules match against.

The folded text has exactly one character per character of the collapsed text, so a
match found in it is a span of the original: quotes are always cut from the original.
Folding lowercases, drops diacritics (đ → d) and maps the characters OCR puts in place
of Vietnamese vowels ("v&i" → "voi", "ting" stays and is matched as a variant of "tang").
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ..sources.reports import collapse_whitespace as collapse  # quotes are matched after this collapsing

__all__ = ["Folded", "ReportTextError", "collapse", "read_report"]

_OCR_VOWELS = str.maketrans({"&": "o", "¢": "e", "€": "e", "@": "a", "|": "l"})


class ReportTextError(ValueError):
    """A report file cannot be read as text; the message names the file."""


def read_report(path: Path) -> str:
    """Read a report as UTF-8 text, refusing binary, empty and non-UTF-8 files clearly."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportTextError(f"{path}: cannot read the report ({exc.strerror})") from exc
    if not data.strip():
        raise ReportTextError(f"{path}: the report is empty")
    if b"\x00" in data[:4096]:
        raise ReportTextError(f"{path}: looks binary (NUL bytes), expected the report as UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportTextError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                              "convert the report to UTF-8 first") from exc


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", char)[0].lower()


class Folded:
    """The matching copy of a text, with the way back to the original's positions.

    Lowercase, no diacritics (NFC or NFD input alike), đ → d, OCR stand-ins for vowels
    mapped ("v&i" → "voi"). ``span(start, end)`` turns a match in the folded copy into
    the span of the original text it came from.
    """

    def __init__(self, text: str) -> None:
        chars, positions = [], []
        for index, char in enumerate(text):
            if unicodedata.combining(char):
                continue
            chars.append(_fold_char(char))
            positions.append(index)
        self.text = "".join(chars).translate(_OCR_VOWELS)
        self.original = text
        self._positions = positions + [len(text)]
        inverse, folded_index = [], 0
        for index in range(len(text) + 1):
            while folded_index < len(positions) and positions[folded_index] < index:
                folded_index += 1
            inverse.append(folded_index)
        self._inverse = inverse

    def at(self, original_index: int) -> int:
        """Return the folded position of an original position."""
        return self._inverse[original_index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of folded positions ``start..end``."""
        original_end = self._positions[end - 1] + 1 if end > start else self._positions[start]
        while original_end < len(self.original) and unicodedata.combining(self.original[original_end]):
            original_end += 1
        return self._positions[start], original_end
