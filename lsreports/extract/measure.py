"""Stage 6, measure: what a percentage measures, and its sign.

The words after a percentage name its base ("so với cùng kỳ" → yoy_pct, "kế hoạch" →
plan_pct, "dự toán Trung ương giao" → est_central_pct, "dự toán" → est_local_pct, "so
với tháng trước" → mom_pct). A change with no base of its own ("tăng 10,2%") takes the
base last named in its sentence; "đạt 98%" with no base takes the plan or estimate base
named last in the sentence (or in the footnote's sentence). "giảm 4,5%" is -4.5 and
"bằng 131,2% so với cùng kỳ" is +31.2. "tương đương cùng kỳ" after a level is a 0 %
change.
"""
from __future__ import annotations

import re

_SO_VOI = r"^[\s%]*(,\s*)?(so\s+(voi|vai|vdi|véi|v6i|voi)\s*|so\s+)?"
BASES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(_SO_VOI + r"(ke hoach|keé hoach|ké hoach|kh\b|muc tieu|tong so (nha|can)|tong (so )?nhu cau"
                          r"|tong so nha duoc phe duyet)"), "plan_pct"),
    (re.compile(_SO_VOI + r"(du|dy|duy) to\w*n trung (uong|wong|uwong)"), "est_central_pct"),
    (re.compile(_SO_VOI + r"(du|dy|duy) to\w*n"), "est_local_pct"),
    (re.compile(_SO_VOI + r"(thang truoc|(cung|cing|cling) (ky|ki) thang \d{1,2}\b(?! nam))"), "mom_pct"),
    (re.compile(_SO_VOI + r"(cung|cing|cling) (ky|ki)"), "yoy_pct"),
)
#: Measures whose base carries on to a later bare "đạt X%" in the sentence.
CARRIED = ("plan_pct", "est_central_pct", "est_local_pct")
#: Words between "tăng"/"giảm" and the number ("tăng mạnh 11,89%", "giảm khoảng 3%").
_ADVERB = r"(\s(manh|nhe|cao|thap|nhanh|cham|khoang|hon|gan|tren|xap xi|lan luot|tuong ung))*"
CHANGE = re.compile(r"(tang|ting|giam|glam|bang)" + _ADVERB + r"\s*$")
FALL = re.compile(r"(giam|glam)" + _ADVERB + r"\s*$")
#: "tốc độ tăng (trưởng) ... đạt 8,06%": a growth rate named before the number.
_GROWTH_RATE = re.compile(r"toc do tang|tang truong (dat|la|uoc)|muc tang")
_NO_CHANGE = re.compile(r"^[^;]{0,60}?[,\s](tuong duong|bang) (so voi )?(cung|cing) (ky|ki)")


def measure_of(after: str, before: str, context: str) -> tuple[str | None, bool]:
    """Return (measure, explicit) for a percentage from the folded text after and before it.

    A change with no base of its own ("tăng 10,2%") takes the base last named in its
    sentence or, in a footnote, in the sentence carrying the footnote's mark.
    """
    for pattern, measure in BASES:
        if pattern.match(after):
            return measure, True
    if CHANGE.search(before[-40:]):
        bases = [(m.end(), "mom_pct" if "truoc" in m.group(0) else "yoy_pct")
                 for m in re.finditer(r"thang truoc|(cung|cing|cling) (ky|ki)", context)]
        return (max(bases)[1] if bases else "yoy_pct"), False
    return None, False


def percentage_measure(after: str, before: str, context: str, carried: str | None) -> tuple[str | None, bool]:
    """:func:`measure_of`, with a bare "đạt X%" taking the ``carried`` base of its sentence."""
    measure, explicit = measure_of(after.lstrip(" %"), before, context)
    if measure is None and re.search(r"dat\s*$", before[-8:]) and carried is not None:
        return carried, False
    if measure is None and _GROWTH_RATE.search(re.split(r"[;%]", before)[-1]):
        return "yoy_pct", False
    return measure, explicit


def signed(value: float, measure: str, before: str) -> float:
    """Return the change as a signed percentage: "giảm X%" is -X, "bằng X% (so với cùng kỳ)" is X - 100."""
    tail = before[-40:]
    if measure in ("yoy_pct", "mom_pct"):
        if FALL.search(tail):
            return -value
        if re.search(r"bang\s*$", tail):
            return round(value - 100.0, 9)
    return value


def base_length(after: str) -> int:
    """Return how many characters of ``after`` (the text after "%", spaces stripped) name the base; 0 if none."""
    match = next((m for m in (p.match(after) for p, _ in BASES) if m), None)
    return match.end() if match else 0


def no_change_length(tail: str) -> int:
    """Return the length up to "tương đương cùng kỳ" when ``tail`` (after a level) says so, else 0."""
    match = _NO_CHANGE.match(tail)
    return match.end() if match else 0
