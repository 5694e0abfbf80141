"""Vietnamese number notation, parsed exactly.

In the reports ``.`` groups thousands and ``,`` is the decimal mark (``1.072,9`` is
1072.9, ``15.120.789`` is 15120789). ``float(token.replace(...))`` on a bare token is
not enough: ``1.072`` is one thousand and seventy-two, never 1.072, and a stray ``1.5``
in OCR text is ambiguous. Values are parsed with :class:`decimal.Decimal` so that no
binary rounding creeps in before the final conversion.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

#: A number as printed: thousands groups with '.', optional decimal part with ','.
NUMBER_PATTERN = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)")

#: Scale words (with the spellings OCR leaves behind) and their multipliers.
SCALE_WORDS: dict[str, int] = {
    "nghìn": 1_000, "ngàn": 1_000, "nghin": 1_000, "ngan": 1_000,
    "triệu": 1_000_000, "trieu": 1_000_000, "triéu": 1_000_000, "triêu": 1_000_000,
    "tỷ": 1_000_000_000, "tỉ": 1_000_000_000, "ty": 1_000_000_000, "tý": 1_000_000_000,
}


class NumberFormatError(ValueError):
    """A token is not a number in Vietnamese notation."""


@dataclass(frozen=True)
class PrintedNumber:
    """A number found in text: its span, the token as printed and its value."""

    start: int
    end: int
    token: str
    value: float


def parse_vn_number(token: str) -> float:
    """Parse one number printed in Vietnamese notation.

    Parameters
    ----------
    token : str
        For example ``"1.072,9"``, ``"15.120.789"``, ``"45,6"`` or ``"7"``.

    Returns
    -------
    float
        The value (``1072.9``, ``15120789.0``, ``45.6``, ``7.0``).

    Raises
    ------
    NumberFormatError
        If the token is not a well-formed Vietnamese number (for instance ``"1.5"``,
        whose group after the dot does not have three digits).
    """
    text = token.strip()
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", text):
        raise NumberFormatError(f"not a number in Vietnamese notation: {token!r}")
    try:
        return float(Decimal(text.replace(".", "").replace(",", ".")))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise NumberFormatError(f"not a number: {token!r}") from exc


def format_vn_number(value: float | Decimal, decimals: int = 0) -> str:
    """Write a number as the reports print it: ``.`` between thousands, ``,`` before decimals.

    Parameters
    ----------
    value : float or decimal.Decimal
        A finite, non-negative number (the reports print signs as words: "tăng", "giảm").
    decimals : int, default 0
        Digits after the decimal mark; the value is rounded half-even to them.

    Returns
    -------
    str
        For example ``format_vn_number(1072.9, 1) == "1.072,9"`` and
        ``format_vn_number(15120789) == "15.120.789"``; :func:`parse_vn_number` reads it back.

    Raises
    ------
    ValueError
        If ``value`` is negative or not finite, or ``decimals`` is negative.
    """
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite() or number < 0 or decimals < 0:
        raise ValueError(f"expected a finite non-negative number and decimals >= 0: got {value!r}, {decimals!r}")
    text = f"{number:,.{decimals}f}"  # English grouping, then swapped
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def find_numbers(text: str) -> list[PrintedNumber]:
    """Return every number printed in ``text`` with its character span.

    Parameters
    ----------
    text : str
        Any text; nothing in it raises.

    Returns
    -------
    list of PrintedNumber
        In order of appearance.
    """
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        token = match.group(1)
        found.append(PrintedNumber(match.start(1), match.end(1), token, parse_vn_number(token)))
    return found
