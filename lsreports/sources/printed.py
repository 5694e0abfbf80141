"""Whether a quote prints a value: the contract's rule (``../shared/tools/check_contract.py``), once.

Numbers are read in Vietnamese notation ("6.494" is 6494, "9,4" is 9.4); a ``1.5``-style
token is also read with a decimal point, as OCR and PDF text sometimes print it.

The power of ten between the printed number and the stored value is never free: it comes
from the scale word printed right after the number (nghìn 10³, triệu 10⁶, tỷ 10⁹, OCR's
spellings included) and the row's unit. "57.310 tỷ đồng" in ``VND_bn`` is 57310, never
57.31; "84,64 tỷ USD" in ``USD_mn`` is 84640. Without a scale word the number is in the
unit's own scale or its base ("tấn" into ``kt``). Counts, tonnes and percentages are
compared as printed, or with the scale word's power. A rate is compared as printed or as
``100 + value`` ("bằng 158,7% so với cùng kỳ" is 58.7), and a 0 % needs words of no change
("tương đương", "bằng cùng kỳ") or no number at all in the quote.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator

from .contract import PCT_MEASURES
from .numbers import NUMBER_PATTERN, parse_vn_number
from .units import UNIT_TABLE

__all__ = ["UNIT_POWER", "UNSCALED_UNITS", "allowed_powers", "printed_numbers", "value_is_printed"]

#: Units without a scale of their own: a power of ten only from a scale word after the number (the unit
#: table's, and the shared contract checker's generic ``unit``, which the codebook does not use).
UNSCALED_UNITS: frozenset[str] = frozenset({code for code, unit in UNIT_TABLE.items() if unit.unscaled} | {"unit"})
#: Power of ten of a scaled unit over its base, from the unit table (``thousand_*`` 3 and ``mn_*`` 6 by their
#: names for a unit outside it).
UNIT_POWER: dict[str, int] = {code: round(math.log10(unit.per_unit)) for code, unit in UNIT_TABLE.items()
                              if not unit.unscaled}
#: Scale words as printed, OCR-damaged spellings and the spelling "tỉ" included ("triéu", "tri€u", "nghin").
_SCALE_AFTER = re.compile(r"\s*(?P<w>ngh\S{0,2}n|ng\S{0,2}n|tri\S{0,2}u|t[ỷyýỳỹỉi](?!\s*l))(?=[\s,.;:)]|$)",
                          re.IGNORECASE)
_DOT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d]|[.,]\d)")
#: Words under which a percentage is printed in another form than the contract's (see :func:`value_is_printed`).
_EXCESS = re.compile(r"(?i)\bv(ượ|uo)t\b")
_MULTIPLE = re.compile(r"(?i)\bg(ấ|a)p\b[^%]{0,20}\bl(ầ|a)n\b")
_NO_CHANGE = re.compile(r"tương đương|bằng\s+(?:so|cùng)|tuong duong|bang\s+(?:so|cung)", re.IGNORECASE)


def _scale_power(quote: str, end: int) -> int | None:
    """The power of ten of the scale words right after position ``end`` ("nghìn tỷ" is 12; ``None`` if none)."""
    power = None
    while match := _SCALE_AFTER.match(quote, end):
        word = match.group("w").lower()
        power = (power or 0) + (3 if word.startswith("ng") else 6 if word.startswith("tri") else 9)
        end = match.end()
    return power


def _unit_power(unit: str) -> int | None:
    return UNIT_POWER.get(unit, 3 if unit.startswith("thousand_") else 6 if unit.startswith("mn_") else None)


def allowed_powers(quote: str, end: int, unit: str | None) -> set[int]:
    """Powers of ten that turn the number printed before ``end`` in ``quote`` into ``unit``.

    ``None`` (unit unknown, as for the extractor's own check) allows any power from -9 to 9.
    """
    if unit is None:
        return set(range(-9, 10))
    word = _scale_power(quote, end)
    if unit in UNSCALED_UNITS:
        return {word or 0}
    base = _unit_power(unit)
    if base is None:
        return set(range(-9, 10))
    return {word - base} if word is not None else {0, -base}


def _readings(quote: str) -> Iterator[tuple[float, int]]:
    """Each reading of each number printed in ``quote``, with the position after it."""
    for match in NUMBER_PATTERN.finditer(quote):
        yield parse_vn_number(match.group(0)), match.end()
    for match in _DOT_DECIMAL.finditer(quote):
        yield float(match.group(0)), match.end()


def printed_numbers(quote: str) -> list[tuple[float, bool]]:
    """Return the numbers a quote prints, each with whether a scale word follows it."""
    return [(value, _scale_power(quote, end) is not None) for value, end in _readings(quote)]


def value_is_printed(value: float, measure: str, quote: str, unit: str | None = None) -> bool:
    """Return True if ``quote`` prints ``value`` under the contract's rule (see the module docstring).

    Parameters
    ----------
    value : float
        The row's value.
    measure : str
        The row's measure; ``*_pct`` values are never rescaled, and may be printed as
        ``100 + value`` ("bằng 94,2 % so với cùng kỳ" is -5.8), as ``value - 100`` after
        "vượt" ("vượt 22,7 % dự toán" is 122.7 % of it), as ``value / 100 + 1`` in "gấp n
        lần" ("gấp 3,22 lần" is +222 %); a 0 % needs words of no change.
    quote : str
        The verbatim quote.
    unit : str, optional
        The row's unit; ``None`` (unknown) allows any power of ten for a level.
    """
    quote = unicodedata.normalize("NFC", quote)  # scale words in decomposed form are still scale words
    pct = measure in PCT_MEASURES
    if pct and value == 0:
        return not any(True for _ in _readings(quote)) or bool(_NO_CHANGE.search(quote))
    targets = [abs(value)] + ([abs(value + 100.0)] if pct else [])
    if pct and _EXCESS.search(quote):  # "vượt 22,7 % dự toán": 122.7 % of the estimate
        targets.append(abs(value - 100.0))
    if pct and _MULTIPLE.search(quote):  # "gấp 3,22 lần": a change of +222 %
        targets.append(abs(value / 100.0 + 1.0))
    for printed, end in _readings(quote):
        for power in ({0} if pct else allowed_powers(quote, end, unit)):
            if any(math.isclose(printed * 10.0 ** power, t, rel_tol=1e-6, abs_tol=1e-9) for t in targets):
                return True
    return False
