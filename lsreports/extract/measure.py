"""Stage 6, measure: what a percentage measures, and its sign.

The words after a percentage name its base ("so với cùng kỳ" → yoy_pct, "kế hoạch" →
plan_pct, "dự toán Trung ương giao" → est_central_pct, "dự toán" → est_local_pct, "so
với tháng trước" → mom_pct). A change with no base of its own ("tăng 10,2%") takes the
base last named in its sentence; "đạt 98%" with no base takes the plan or estimate base
named last in the sentence (or in the footnote's sentence). "giảm 4,5%" is -4.5 and
"bằng 131,2% so với cùng kỳ" is +31.2, "chỉ đạt 94,41 % so cùng kỳ" is -5.59, "vượt 22,7 %
dự toán" is 122.7 % of the estimate and "gấp 3,22 lần" is +222 % (:func:`converted`,
:func:`multiple`: each names its conversion in the row's note). "tương đương cùng kỳ" after a
level is a 0 % change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lsreports.sources.contract import PCT_MEASURES

from .lexicon import LexiconError, phrase_pattern, read_phrase_table

#: "so với" (OCR spellings; "đối với" in a reworded copy) or "so" before a base printed after a percentage.
_SO_VOI = r"^[\s%]*(,\s*)?(so\s+(voi|vai|vdi|véi|v6i|voi)\s*|doi voi\s*|so\s+)?"
#: The bases a percentage is measured against, as a table a reader extends without code: one row per phrase
#: printed after the number ("so với" optional); the first row that matches names the measure.
BASES_TABLE = Path(__file__).resolve().parent / "tables" / "measure_bases.csv"
#: The measure of a base the contract has no measure for ("so với quý trước", "so với kỳ gốc"): the rate gives no row.
NO_MEASURE = "none"


def load_bases(path: Path = BASES_TABLE) -> tuple[tuple[re.Pattern, str], ...]:
    """Read :data:`BASES_TABLE` into (pattern after the percentage, measure) pairs, in the table's order.

    Raises
    ------
    lsreports.extract.lexicon.LexiconError
        For an unknown measure or syntax, or a regex that does not compile, naming the file and line.
    """
    bases = []
    for line, row in read_phrase_table(path, ("measure", "syntax", "phrase", "note")):
        if row["measure"] not in PCT_MEASURES and row["measure"] != NO_MEASURE:
            raise LexiconError(f"{path}: line {line}: measure {row['measure']!r}, expected one of "
                               f"{sorted(PCT_MEASURES)} or {NO_MEASURE!r}")
        pattern = phrase_pattern(row["phrase"], row["syntax"], f"{path}: line {line}").pattern
        bases.append((re.compile(_SO_VOI + "(" + pattern.removeprefix(r"(?<!\w)") + ")"), row["measure"]))
    return tuple(bases)


BASES: tuple[tuple[re.Pattern, str], ...] = load_bases()
#: Measures whose base carries on to a later bare "đạt X%" in the sentence.
CARRIED = ("plan_pct", "est_central_pct", "est_local_pct")
#: Words between "tăng"/"giảm" and the number ("tăng mạnh 11,89%", "giảm khoảng 3%", "tăng tới 11,2%", "giảm nhiều
#: nhất với 2,21%").
_ADVERB = (r"(\s(manh|nhe|cao|thap|nhanh|cham|khoang|hon|gan|tren|xap xi|lan luot|tuong ung|toi"
           r"|(nhieu|cao|manh|thap) nhat( voi)?))*")
CHANGE = re.compile(r"(tang|ting|giam|glam|bang)" + _ADVERB + r"\s*$")
FALL = re.compile(r"(giam|glam)" + _ADVERB + r"\s*$")
#: "tốc độ tăng (trưởng) ... đạt 8,06%": a growth rate named before the number.
_GROWTH_RATE = re.compile(r"toc do tang|tang truong (dat|la|uoc)|muc tang")
_NO_CHANGE = re.compile(r"^[^;]{0,60}?[,\s](tuong duong|bang) (so voi )?(cung|cing) (ky|ki)")


#: A base opening the clause of a rate: "so với tháng trước, CPI tháng 2/2026 tăng 1,14%".
_HEAD_BASE = re.compile(r"(?:^|[.;:,]\s*|\|\s*|\bva\s+)so voi (thang truoc|(?:cung|cing) (?:ky|ki)(?: nam truoc)?)"
                        r"(?:\s*,[^;%]*|\s+(?:tang|giam)\s*)$")
#: The second rate of "lần lượt tăng 22,5% và 5,5%": it shares the first one's verb.
_PAIR_TAIL = re.compile(r"\btang[^;%]{0,15}\d+(,\d+)?\s?%\s*va\s*$")


#: "lần lượt tăng 2,5% và 5,5% so với tháng trước và cùng kỳ": two rates, then their bases in the same order.
_BASE_WORDS = r"(thang truoc|(?:cung|cing) (?:ky|ki)(?: nam truoc)?)"
_RESPECTIVE_FIRST = re.compile(r"^\s?%?\s*va\s+(?:tang |giam )?\d+(?:,\d+)?\s?%\s*so voi " + _BASE_WORDS
                               + r"\s*(?:,|va)\s*(?:so voi )?" + _BASE_WORDS)
_RESPECTIVE_SECOND = re.compile(r"^\s?%?\s*so voi " + _BASE_WORDS + r"\s*(?:,|va)\s*(?:so voi )?" + _BASE_WORDS)


def respective_base(after: str, before: str) -> str | None:
    """The base of a rate in "lần lượt tăng a% và b% so với X và Y" (a on X, b on Y); ``None`` otherwise."""
    if not re.search(r"lan luot", before[-60:]):
        return None
    first, second = _RESPECTIVE_FIRST.match(after), _RESPECTIVE_SECOND.match(after)
    if first and re.search(r"lan luot (tang |giam )?$", before):
        base = first.group(1)
    elif second and re.search(r"\d\s?%\s*va\s+(tang |giam )?$", before):
        base = second.group(2)
    else:
        return None
    return "mom_pct" if base == "thang truoc" else "yoy_pct"


def measure_of(after: str, before: str, context: str) -> tuple[str | None, bool]:
    """Return (measure, explicit) for a percentage from the folded text after and before it.

    A change with no base of its own ("tăng 10,2%") takes the base last named in its
    sentence or, in a footnote, in the sentence carrying the footnote's mark; "lần lượt tăng
    a% và b% so với X và Y" gives a the base X and b the base Y.
    """
    respective = respective_base(after, before)
    if respective:
        return respective, True
    for pattern, measure in BASES:
        if pattern.match(after):
            return measure, True
    head = _HEAD_BASE.search(context)
    if head and (CHANGE.search(before[-40:]) or head.group(0).endswith(("tang", "giam"))):  # "So với tháng trước, CPI tháng 2 tăng 1,14%": printed, before the rate
        return ("mom_pct" if head.group(1) == "thang truoc" else "yoy_pct"), True
    if CHANGE.search(before[-40:]) or _PAIR_TAIL.search(before[-40:]):
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


#: "so với tháng 7/2025", "so với tháng 12-2021", "so với tháng 6": a base named by its month (:func:`named_month_base`).
_NAMED_MONTH = re.compile(r"^[\s%]*(,\s*)?so(\s+v\S{1,2}i)?\s+thang (\d{1,2})(?:[/-](20\d\d))?\b(?![/-]\d)")


def named_month_base(after: str, start: pd.Timestamp, end: pd.Timestamp) -> str | None:
    """The measure of a change "so với tháng M/YYYY", given the figure's period; ``None`` if no month is named.

    Against the month before a month's figure it is ``mom_pct``; against the same month a year
    earlier, ``yoy_pct``; against any other month (December before, a month two years back) or
    for a figure that is not a month, ``""``: the contract has no such measure, so no row.
    """
    match = _NAMED_MONTH.match(after.lstrip(" %"))
    if match is None:
        return None
    month = pd.Period(end, freq="M")
    year = int(match.group(4)) if match.group(4) else end.year  # "so với tháng 6": an earlier month of the year
    named = pd.Period(year=year, month=int(match.group(3)), freq="M") if (
        1 <= int(match.group(3)) <= 12) else None
    if named is not None and not match.group(4) and named >= month:
        return ""  # a month not before the figure's, with no year: which year?
    if named is None or pd.Period(start, freq="M") != month:
        return ""
    return {month - 1: "mom_pct", month - 12: "yoy_pct"}.get(named, "")


def signed(value: float, measure: str, before: str) -> float:
    """Return the change as a signed percentage: "giảm X%" is -X, "bằng X% (so với cùng kỳ)" is X - 100."""
    return converted(value, measure, before, explicit=False).value


@dataclass(frozen=True)
class Converted:
    """A percentage in the contract's measure, the conversion made (the row's note) and a doubt, if any."""

    value: float
    note: str = ""
    doubt: str = ""


#: "bằng / đạt / chỉ đạt / ước đạt X % so với cùng kỳ": a ratio to the base, not a change.
_RATIO = re.compile(r"(bang|dat)" + _ADVERB + r"\s*$")
#: "vượt X % kế hoạch / dự toán": X above the plan, i.e. 100 + X % of it.
_EXCESS = re.compile(r"vuot" + _ADVERB + r"\s*$")
_BASE_NAMES = {"yoy_pct": "same period a year before", "mom_pct": "previous month", "plan_pct": "plan",
               "est_central_pct": "central estimate", "est_local_pct": "local estimate"}


def converted(value: float, measure: str, before: str, explicit: bool) -> Converted:
    """The grammar of measures: a printed percentage in the contract's measure, naming the conversion.

    - "giảm X %" → -X (a fall);
    - "bằng X % so với cùng kỳ" (any base), or "đạt / chỉ đạt X %" with the base printed after it
      → X - 100 ("chỉ đạt 94,41 % so cùng kỳ" is -5.59); not after "tăng trưởng / tốc độ tăng"
      ("tăng trưởng đạt 8 % so với cùng kỳ" is growth);
    - "vượt X %" of a plan or an estimate → 100 + X % of it.

    A ratio under 50 % of its base is kept but doubted (is it a change written as a ratio?).
    """
    tail = before[-40:]
    if measure in ("yoy_pct", "mom_pct"):
        if FALL.search(tail):
            return Converted(-value)
        ratio = re.search(r"bang\s*$", tail) or explicit and _RATIO.search(tail) and not _GROWTH_RATE.search(tail)
        if ratio:
            change = round(value - 100.0, 9)
            doubt = f"a ratio of {value:g} % of the base is unusual: is it a change?" if value < 50 else ""
            return Converted(change, f"printed as a ratio, {value:g} % of the {_BASE_NAMES[measure]}; stored as "
                                     f"the change {value:g} - 100 = {change:g} %", doubt)
    elif measure in _BASE_NAMES and _EXCESS.search(tail):
        share = round(100.0 + value, 9)
        return Converted(share, f"printed as 'vượt {value:g} %', above the {_BASE_NAMES[measure]}; stored as "
                                f"100 + {value:g} = {share:g} % of it")
    return Converted(value)


def multiple(value: float) -> Converted:
    """"gấp n lần (so với cùng kỳ)": n times the base, a change of (n - 1) × 100 %."""
    change = round((value - 1.0) * 100.0, 9)
    return Converted(change, f"printed as 'gấp {value:g} lần', {value:g} times the base; stored as the change "
                             f"({value:g} - 1) × 100 = {change:g} %")


def base_length(after: str) -> int:
    """Return how many characters of ``after`` (the text after "%", spaces stripped) name the base; 0 if none."""
    match = next((m for m in (p.match(after) for p, _ in BASES) if m), None)
    return match.end() if match else 0


def no_change_length(tail: str) -> int:
    """Return the length up to "tương đương cùng kỳ" when ``tail`` (after a level) says so, else 0."""
    match = _NO_CHANGE.match(tail)
    return match.end() if match else 0
