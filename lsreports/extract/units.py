"""Units printed after a number, and conversion into the codebook unit of an indicator."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..sources.units import UNIT_TABLE

if TYPE_CHECKING:
    from .candidates import Candidate
    from .segment import Document

#: (pattern after the number, unit family, value in base unit per printed unit, base unit)
UNIT_PATTERNS: tuple[tuple[re.Pattern, str, float, str], ...] = tuple(
    (re.compile(r"^\s?" + pattern), family, factor, base) for pattern, family, factor, base in (
        (r"ty usd", "usd", 1e9, "USD"), (r"trieu usd", "usd", 1e6, "USD"),
        (r"trieu t[yi] (dong|ddng|deng|vnd\b)", "vnd", 1e15, "VND"),
        (r"(nghin|ngan) t[yi] (dong|ddng|deng|vnd\b)", "vnd", 1e12, "VND"), (r"(t[yi]|y) (dong|ddng|deng|vnd\b)", "vnd", 1e9, "VND"),
        (r"trieu (dong|ddng|deng|vnd\b)", "vnd", 1e6, "VND"), (r"nghin (dong|ddng|deng|vnd\b)", "vnd", 1e3, "VND"),
        (r"(nghin|ngan) (tan|tin)\b", "mass", 1e3, "t"), (r"(tan|tin)\b", "mass", 1.0, "t"),
        (r"(nghin|ngan) m(3|³)", "volume", 1e3, "m3"), (r"m(3|³)", "volume", 1.0, "m3"),
        (r"trieu kwh", "energy", 1e6, "kWh"),
        (r"trieu vien", "bricks", 1e6, "brick"),
        (r"trieu luot", "visits", 1e6, "visit"), (r"(nghin|ngan) luot", "visits", 1e3, "visit"),
        (r"luot (nguoi|doi tuong)", "persons", 1.0, "person"),
        (r"luot phuong tien", "vehicles", 1.0, "vehicle"), (r"luot", "visits", 1.0, "visit"),
        (r"(nguoi|lao dong|doi tuong)\b", "persons", 1.0, "person"),
        (r"nhan khau", "members", 1.0, "person"),
        (r"ho\b", "households", 1.0, "household"),
        (r"kg\b", "kg", 1.0, "kg"),
        (r"(nha|can)\b", "houses", 1.0, "house"),
        (r"doanh nghiep", "enterprises", 1.0, "enterprise"),
        (r"phuong tien", "vehicles", 1.0, "vehicle"),
    ))

#: Codebook unit → (family, base units per codebook unit).
CODEBOOK_UNITS: dict[str, tuple[str, float]] = {
    code: (unit.family, unit.per_unit) for code, unit in UNIT_TABLE.items() if unit.family}


def unit_after(folded_after: str) -> tuple[str, float, int] | None:
    """Return (family, base-unit factor, length matched) of the unit printed at the start of the text."""
    for pattern, family, factor, _base in UNIT_PATTERNS:
        match = pattern.match(folded_after)
        if match:
            return family, factor, match.end()
    return None


def convert(value: float, factor: float, codebook_unit: str) -> float | None:
    """Convert a printed value (times ``factor`` base units) into ``codebook_unit``; None if incompatible."""
    if codebook_unit not in CODEBOOK_UNITS:
        return None
    _family, per_unit = CODEBOOK_UNITS[codebook_unit]
    return round(value * factor / per_unit, 9)


def family_of(codebook_unit: str) -> str:
    """Return the unit family of a codebook unit ("" if it has none, as for "pct")."""
    return CODEBOOK_UNITS.get(codebook_unit, ("",))[0]


def unit_of(doc: Document, cand: Candidate) -> tuple[str, float, int] | None:
    """Stage 5, unit: (family, factor, length in the folded text from the number's end) of a level's unit.

    The unit printed right after the number, or after the denominator of "12/15 nhà" (done of planned).
    """
    unit = unit_after(cand.after)
    if unit is not None:
        return unit
    number, collapsed = cand.number, doc.collapsed
    if not re.match(r"/[\d.]+ ", collapsed[number.end:number.end + 12]):
        return None
    denominator_end = doc.folded.at(collapsed.index(" ", number.end) + 1)
    unit = unit_after(doc.folded.text[denominator_end:denominator_end + 30])
    if unit is None:
        return None
    return unit[0], unit[1], unit[2] + denominator_end - cand.after_start
