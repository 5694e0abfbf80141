"""Stage 1c, the country: a text about the whole country read into national (``vn_``) rows.

A national release reprinted by the press ("Theo Cục Thống kê, tổng mức bán lẻ hàng hóa ...
tháng 10 ước đạt ...") is not the province's: :mod:`.scope` tells it by "cả nước", the
statistics office or "Việt Nam" and no province named. Such a text is read with the national
lexicon of :mod:`.national_release` (the release's own wording, ``tables/national_lexicon.csv``),
then by the extractor's own grammar with the country's vocabulary
(``tables/national_phrases.csv``, :mod:`.rows`). A text that names neither the province nor
the country is read here too, and its rows are national only if the release's wording, a
level of the country's magnitude or an index the province has no id for is found in it
(:func:`national_by_wording`; doubted, with that reason).

Unlike :func:`.national_release.read_release`, which refuses a whole release for the data,
this stage keeps what it can read: a figure of another month than the text's, or printed
with a spelling the contract cannot read, gives no row (the reason goes to the review's
warnings), and of two values printed for one figure the first is kept and doubted.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lsreports.sources.printed import value_is_printed

from .confidence import EXPLICIT, LEVEL
from .national_release import LEXICON, LexiconEntry, ReleaseError, figure, load_lexicon, matches
from .candidates import Candidate
from .indicator import Target
from .measure import named_month_base
from .periods import Period, last_period, listed_year, periods_named
from .scope import COUNTRY_SENTENCE
from .segment import Document

#: A figure its words call estimated (folded): "ước", "ước tính", "dự tính", "dự kiến".
_ESTIMATED = re.compile(r"\b(uoc|du tinh|du kien)\b", re.IGNORECASE)
REASON_BY_WORDING = ("the text names neither the province nor the country: read as the country's release by its "
                     "wording")
#: The least a level of the country prints in a month (``tables/national_floors.csv``): a text naming
#: neither the province nor the country is the country's only if its levels reach it.
FLOORS = Path(__file__).with_name("tables") / "national_floors.csv"
REASON_TWICE = "printed with another value elsewhere in the text: the first is kept"


@lru_cache(maxsize=1)
def national_lexicon() -> tuple[LexiconEntry, ...]:
    """The release's wording (``tables/national_lexicon.csv``), compiled once."""
    return tuple(load_lexicon(LEXICON))


def national_units() -> dict[str, str]:
    """The catalogue's national ids and their units."""
    from lsreports.sources.loader import indicators

    catalogue = indicators(national=True)
    return {i: u for i, u in zip(catalogue["indicator_id"], catalogue["unit"]) if i.startswith("vn_")}


def national_rows(doc: Document, units: dict[str, str], lexicon: tuple[LexiconEntry, ...] | None = None
                  ) -> tuple[list[dict], list[str]]:
    """Read a text about the country: its candidate rows, and what was not read and why.

    Parameters
    ----------
    doc : Document
        The segmented text (its collapsed text is matched; its month is the release's).
    units : dict
        Indicator id -> catalogue unit, national ids included.
    lexicon : tuple of LexiconEntry, optional
        Default: :func:`national_lexicon`.

    Returns
    -------
    (list of dict, list of str)
        Rows in the extractor's columns (``start``/``end`` as ``YYYY-MM-DD``), one per key,
        in the order of the text; and one message per figure given no row.
    """
    lexicon = national_lexicon() if lexicon is None else lexicon
    month = pd.Period(year=doc.report.year, month=doc.report.month, freq="M")
    folded, found = matches(doc.collapsed, list(lexicon))
    rows, skipped, seen = [], [], {}
    for entry, match in found:
        try:
            row = figure(doc.collapsed, folded, entry, match, month, units, "the text")
        except ReleaseError as exc:
            skipped.append(str(exc))
            continue
        if not value_is_printed(row["value"], row["measure"], row["quote"], row["unit"]):
            skipped.append(f"{entry.indicator_id}: the quote does not print the value: {row['quote']!r}")
            continue
        if ";" in row["quote"] and row["measure"] != "value":
            continue  # the rate of the next clause ("tăng 15,3%; doanh thu du lịch ... tăng 49,3%"): the grammar reads it
        if row["measure"] != "value" and _another_period(folded.text[match.start():match.end()], row, doc):
            continue  # "CPI tháng 7 tăng 0,18% ..., bình quân 7 tháng tăng 2,61%": the grammar reads it
        key = (row["indicator_id"], row["start"], row["end"], row["measure"])
        if key in seen:
            if seen[key]["value"] != row["value"]:
                seen[key]["confidence"], seen[key]["reason"] = min(seen[key]["confidence"], 0.5), REASON_TWICE
            continue
        seen[key] = _candidate(row, folded.text[match.start():match.end()])
        rows.append(seen[key])
    return rows, skipped


def _another_period(words: str, row: dict, doc: Document) -> bool:
    """Whether the release's words name, after their first rate, a period other than the row's (its gap ran on)."""
    tail = words[words.find("%") + 1:] if "%" in words else ""
    named = periods_named(tail, doc.report, skip=("same_period",))
    return any((period.start, period.end) != (row["start"], row["end"]) for _, period in named)


def _candidate(row: dict, words: str) -> dict:
    """A national row in the extractor's columns: dates as text, status from its words, a confidence."""
    return {**row, "start": f"{row['start']:%Y-%m-%d}", "end": f"{row['end']:%Y-%m-%d}",
            "status": "estimate" if _ESTIMATED.search(words) else "actual",
            "confidence": LEVEL if row["measure"] == "value" else EXPLICIT, "reason": ""}


@lru_cache(maxsize=1)
def _floor_table() -> pd.DataFrame:
    return pd.read_csv(FLOORS, dtype={"monthly_floor": float, "province_monthly_floor": float},
                       keep_default_na=False).set_index("indicator_id")


def _floors() -> dict[str, float]:
    return _floor_table()["monthly_floor"].to_dict()


def _province_floors() -> dict[str, float]:
    """The least a province's level prints in a month: under it a level is a misprint for anyone ("2,553 triệu đồng")."""
    return _floor_table()["province_monthly_floor"].to_dict()


def below_floor(row: dict) -> bool:
    """Whether a national level is under the country's magnitude (:data:`FLOORS` times its months).

    In a text about the country such a level is a misprint ("627,8 tỷ đồng" for "627,8 nghìn tỷ")
    or another scope's figure; in a text naming neither, it is the province's.
    """
    floor = _floors().get(row["indicator_id"]) if row["measure"] == "value" else None
    if floor is None:
        return False
    months = pd.Period(row["end"], "M").ordinal - pd.Period(row["start"], "M").ordinal + 1
    return row["value"] < floor * months


def _counterparts() -> dict[str, str]:
    """The province's indicator → the country's whose floor it is held to (``province_counterparts``)."""
    table = _floor_table()["province_counterparts"]
    return {part: country for country, parts in table.items() for part in parts.split(";") if part}


def of_country_magnitude(rows: list[dict]) -> list[dict]:
    """The province's levels that reach the country's magnitude: one month of the country's counterpart.

    A text naming neither the province nor the country whose national reading found no period
    ("Cụ thể, tổng mức bán lẻ ... đạt 3,225 triệu tỉ đồng"; "vốn đầu tư từ ngân sách Nhà nước ... đạt
    41.700 tỷ đồng" read as ``pubinv_disbursed``) is still not the province's when its levels are the
    country's: the province's whole year is under one month of the country's.
    """
    counterparts, floors = _counterparts(), _floors()
    return [row for row in rows if row["measure"] == "value" and row["indicator_id"] in counterparts
            and row["value"] >= floors[counterparts[row["indicator_id"]]]]


#: The other provinces and cities, folded (``tables/other_provinces.csv``). Gia Lai, Hòa Bình, Hà Nam, Thái Bình,
#: Điện Biên and Cao Bằng are left out: folded they are also words ("giá lại", "hòa bình", "hạ năm", "trạng thái
#: bình thường", "diễn biến", "cao bằng").
OTHER_PROVINCES = FLOORS.with_name("other_provinces.csv")


@lru_cache(maxsize=1)
def _other_provinces() -> re.Pattern:
    table = pd.read_csv(OTHER_PROVINCES, dtype=str, keep_default_na=False)
    return re.compile(r"\b(?:" + "|".join(table["pattern"]) + r")\b")


def other_province(folded: str) -> str | None:
    """The first other province or city ``folded`` names (:data:`OTHER_PROVINCES`), else ``None``."""
    found = _other_provinces().search(folded)
    return found.group(0) if found else None


def foreign_spans(doc: Document) -> list[tuple[int, int]]:
    """Where a national text speaks of another province (collapsed spans): its figures are not the country's.

    A paragraph whose first sentence names another province or city ("Đối với Hà Nội, tổng mức bán lẻ ...")
    is that province's to its end; elsewhere, a sentence naming one ("Đà Nẵng dẫn đầu với mức tăng 17,7%").
    A sentence naming the country as well ("cả nước") stays the country's.
    """
    def foreign(start: int, end: int) -> bool:
        folded = doc.folded.text[doc.folded.at(start):doc.folded.at(end)]
        return _other_provinces().search(folded) is not None and COUNTRY_SENTENCE.search(folded) is None

    spans, bounds = [], sorted(set(doc.paragraphs) | {0, len(doc.collapsed)})
    for start, end in zip(bounds, bounds[1:]):
        if foreign(start, min(doc.sentence_end(start), end)):
            spans.append((start, end))
            continue
        position = start
        while position < end:
            stop = min(max(doc.sentence_end(position), position + 1), end)
            spans += [(position, stop)] if foreign(position, stop) else []
            position = stop
    return spans


def outside(rows: list[dict], doc: Document, spans: list[tuple[int, int]]) -> list[dict]:
    """The rows whose quote lies outside ``spans`` (:func:`foreign_spans`)."""
    def at(row: dict) -> int:
        return doc.collapsed.find(row["quote"])
    return [row for row in rows if not any(start <= at(row) < end for start, end in spans)]


def national_by_wording(release: list[dict], grammar: list[dict], province: set[str] | frozenset[str] = frozenset()
                        ) -> bool:
    """Whether a text naming neither the province nor the country is the country's.

    ``release``: its rows read in the release's own wording (:func:`national_rows`); ``grammar``:
    those read with the country's vocabulary; ``province``: the province's indicator ids. It is
    the country's when the release's wording is found, a level reaches the country's magnitude
    or a figure has no counterpart among the province's (the CPI, core inflation), and no level
    falls short of one month of the country's magnitude: a level under :data:`FLOORS`
    ("tổng kim ngạch xuất nhập khẩu hàng hóa tháng 8 đạt 2,5 tỷ USD") is a province's. A level
    between one month's floor and its period's (its period misread: "tháng Tám" taken for "8
    tháng") is neither a province's nor evidence of the country; nor is a level under any province's
    month (``province_monthly_floor``: "doanh thu bán lẻ hàng hóa đạt hơn 2,553 triệu đồng", a
    dropped "tỉ"), a misprint.
    """
    levels = [row for row in release + grammar if row["measure"] == "value" and row["indicator_id"] in _floors()]
    levels = [row for row in levels if row["value"] >= _province_floors()[row["indicator_id"]]]  # no misprint
    if any(row["value"] < _floors()[row["indicator_id"]] for row in levels):
        return False
    reached = [row for row in levels if not below_floor(row)]
    only_national = [row for row in grammar if row["indicator_id"].removeprefix("vn_") not in province]
    return bool(release or reached or only_national)


#: A base named in the paragraph without a figure of its own ("có 2 nhóm hàng giảm giá so với tháng trước").
_PARAGRAPH_BASE = re.compile(r"\b(?:so|so voi|doi voi) (thang truoc|(cung|cing) (ky|ki))")


#: A base named by its month ("so với tháng 1/2018"): a rate after it with no base of its own is ambiguous.
_NAMED_MONTH_BASE = re.compile(r"so voi thang \d{1,2}[/-]20\d\d")
#: Two bases named in order ("tăng 0,8% so với tháng trước và tăng 12,6% so với cùng kỳ"); a point between digits
#: ("giảm 33.7%": a decimal misprinted) does not end the clause.
_IN_CLAUSE = r"(?:[^;.]|(?<=\d)\.(?=\d))"
_BASE_PAIR = re.compile(r"so voi (thang truoc|(?:cung|cing) (?:ky|ki))" + _IN_CLAUSE + r"{0,60}? va " + _IN_CLAUSE
                        + r"{0,30}?so voi (thang truoc|(?:cung|cing) (?:ky|ki))")
#: A number that opens or closes a pair of rates with no base ("tăng 0,7% và tăng 13,2%", "lần lượt tăng 22,5% và 5,5%").
_PAIR_FIRST = re.compile(r"^\s?%\s*va\s+((tang|giam)\s+)?\d")
_PAIR_SECOND = re.compile(r"\d\s?%\s*va\s+((tang|giam)\s+)?$")


def pair_base(cand: Candidate, earlier: str) -> str | None:
    """The base of a rate in a pair "a% và b%" printed without bases: the order of the last pair of bases named.

    A release names the bases once ("tăng 0,8% so với tháng trước và tăng 12,6% so với cùng kỳ
    ..., trong đó: Doanh thu bán lẻ hàng hóa ... tăng 0,7% và tăng 13,2%"): its parts follow
    the same order. ``None`` when the number is not in such a pair or no pair of bases was named.
    """
    position = 0 if _PAIR_FIRST.match(cand.after) else 1 if _PAIR_SECOND.search(cand.before) else None
    pairs = list(_BASE_PAIR.finditer(earlier)) if position is not None else []
    if not pairs:
        return None
    return "mom_pct" if pairs[-1].group(position + 1) == "thang truoc" else "yoy_pct"


#: The release's frame for the CPI's groups: "Trong mức giảm 0,03% của CPI tháng 5 so với tháng trước, có 4/11
#: nhóm ...".
#: Also a count of the groups with the base ("Trong 11 nhóm hàng ..., 10 nhóm có chỉ số giá tăng nhẹ, riêng nhóm
#: giao thông giảm giá so với tháng trước") and the CPI's base right before the groups ("CPI tháng 8/2024 ổn định so
#: với tháng trước. Các nhóm hàng hóa và dịch vụ có chỉ số giá tăng như: ...").
_GROUP_FRAME = re.compile(r"trong muc (?:tang|giam) \d+(?:,\d+)?\s?% cua (?:cpi|chi so gia tieu dung)[^.%]{0,40}?"
                          r"so voi (thang truoc|(?:cung|cing) (?:ky|ki))"
                          r"|(?:\b\d{1,2}(?:/11)?|\bcac|trong 11) nhom hang[^.%]{0,120}?"
                          r"so voi (thang truoc|(?:cung|cing) (?:ky|ki))"
                          r"|so voi (thang truoc|(?:cung|cing) (?:ky|ki))[^.%]{0,20}\.\s*(?:cac|co \d{1,2}(?:/11)?) "
                          r"nhom hang")


def group_frame(doc: Document, cand: Candidate, indicator_id: str) -> str | None:
    """The base of the last frame of the CPI's groups before a group's rate (:data:`_GROUP_FRAME`), else ``None``.

    The groups are listed over several paragraphs after the frame names the base once; a base
    named since ("So với cùng kỳ năm 2024, CPI tháng 2 tăng 2,91%. ... Nhóm ... tăng 6,36%") takes over.
    """
    if not indicator_id.startswith("vn_cpi_"):
        return None
    frames = list(_GROUP_FRAME.finditer(doc.folded.text, 0, cand.fn))
    if not frames:
        return None
    later = list(_PARAGRAPH_BASE.finditer(doc.folded.text, frames[-1].end(), cand.fn))  # a base named since
    base = later[-1].group(1) if later else next(group for group in frames[-1].groups() if group)
    return "mom_pct" if base == "thang truoc" else "yoy_pct"


def _guessed_base(doc: Document, cand: Candidate, measure: str, target: Target) -> tuple[str, bool] | None:
    """The base of a rate printed without one: (measure, whether the groups' frame named it), or ``None`` for no row.

    The last base its paragraph names, the order of a pair of bases, a named month, or the frame of
    the CPI's groups (:func:`group_frame`); a month's change with none of these gives no row.
    """
    earlier = cand.paragraph + " " + doc.folded.text[doc.folded.at(cand.sentence):cand.fn]
    bases = list(_PARAGRAPH_BASE.finditer(earlier))
    if bases:
        measure = "mom_pct" if bases[-1].group(1) == "thang truoc" else "yoy_pct"
    measure = pair_base(cand, earlier) or measure
    named = list(_NAMED_MONTH_BASE.finditer(earlier))
    framed = group_frame(doc, cand, target.indicator_id) if not (bases or named) else None
    measure = framed or measure
    if not (bases or named or framed or pair_base(cand, earlier)) and target.period.kind == "month":
        # a month's change with no base named in its paragraph: month or year before? Unless beside the year to date
        return ("yoy_pct", False) if beside_year_to_date(doc, cand, target) else None
    if named and (not bases or named[-1].start() > bases[-1].start()):  # the last base named is a month
        measure = named_month_base(earlier[named[-1].start():], target.period.start, target.period.end)
        if not measure:
            return None  # neither the month before nor a year before: ambiguous
    return measure, framed is not None


#: Indicators whose month's rate printed bare is on the month before, as the release headlines it ("CPI tháng 5 tăng
#: 0,16%"): :func:`beside_year_to_date` does not apply to them.
_BARE_MONTH_ON_MONTH_BEFORE = re.compile(r"^vn_(cpi|core_inflation)")


def beside_year_to_date(doc: Document, cand: Candidate, target: Target) -> bool:
    """Whether a month's rate with no base shares its sentence with the year to date's ("IIP 5 tháng tăng 8,8% và
    tháng 5 tăng 9,4%"; "Trong tháng 5, xuất khẩu tăng 17%, ...; 5 tháng xuất khẩu ... tăng 14%").

    A whole-release summary prints both bare, the year to date with a figure of its own: the year to date is only ever compared with the same
    period a year earlier, so the month beside it is too. The month must be named, not the report's month
    guessed; not the CPI (:data:`_BARE_MONTH_ON_MONTH_BEFORE`).
    """
    if target.period.inferred or _BARE_MONTH_ON_MONTH_BEFORE.match(target.indicator_id):
        return False  # the month guessed (the year to date named, the rate's own period unread), or the CPI
    folded = doc.folded
    sentence = folded.text[folded.at(doc.sentence_start(cand.number.start)):folded.at(doc.sentence_end(cand.number.start))]
    month = target.period.end.month
    ytd = rf"(?<!thang )\b{month} thang\b(?! (truoc|qua|toi|gan day))[^;.%]{{0,50}}?\b(tang|giam|dat)\b[^;%]{{0,30}}?\d"
    return re.search(ytd, sentence) is not None  # the year to date with a figure of its own, not the rate's period


def month_of_the_base(doc: Document, cand: Candidate, measure: str, target: Target) -> Target:
    """A change on the month before whose base was named after the last period: of the text's month.

    "Bình quân 7 tháng năm 2019, CPI tăng 2,61% ... Cụ thể, so với tháng trước, ... có 9 nhóm hàng tăng giá:
    ... giáo dục tăng 0,22%": the base named once for the list is the month's; the 7 months before it are
    the topic's period, and a year to date has no change on the month before. A year named right before the
    rate's verb ("CPI Việt Nam năm 2021 tăng 1,84%") is the rate's own period, not the topic's: kept.
    """
    period = target.period
    if measure != "mom_pct" or period.inferred or period.start.to_period("M") == period.end.to_period("M") or \
            listed_year(cand.before, doc.report) is not None:
        return target
    earlier = cand.paragraph + " " + doc.folded.text[doc.folded.at(cand.sentence):cand.fn]
    bases = list(_PARAGRAPH_BASE.finditer(earlier))
    named = periods_named(earlier, doc.report, skip=("same_period",))
    if not bases or named and max(end for end, _ in named) > bases[-1].start():
        return target
    month = Period(doc.report.month_start, doc.report.month_end, "month")
    return Target(target.indicator_id, month, target.quote_start, target.sentence, target.number_end)


def country_guess(doc: Document, cand: Candidate, measure: str, explicit: bool, target: Target
                  ) -> tuple[str, Target] | None:
    """A national percentage with no base printed after it: the base named last in its paragraph.

    A release names the base once for a list ("Theo Tổng cục Thống kê, có 2 nhóm hàng giảm giá so
    với tháng trước. Trong đó, nhóm hàng ăn ... tăng 0,15%"). With no period named either, a
    change on the month before is the text's month; any other figure whose period is only
    guessed gives no row (precision first). A period named earlier in a long sentence, beyond the
    candidate's window ("IIP tháng 4/2021 ... , trong đó ngành khai khoáng ...; ngành sản xuất và
    phân phối điện tăng 2,6% và tăng 16,4%"), is named, not guessed. A month's change whose
    paragraph names no base at all ("so (với)", "đối với" tháng trước / cùng kỳ) gives no row:
    on the month before or the year before is a guess. A group of the CPI whose base the release's
    frame names is of the text's month.
    """
    framed = False
    if not explicit:
        based = _guessed_base(doc, cand, measure, target)
        if based is None:
            return None
        measure, framed = based
    target = month_of_the_base(doc, cand, measure, target)
    if target.period.inferred:
        cut = doc.folded.text[doc.folded.at(cand.sentence):cand.fs]  # the sentence beyond the candidate's window
        named = last_period(cut, doc.report, skip=("same_period",)) if cut else None
        if named is None and measure != "mom_pct" and not framed:
            return None
        named = named or Period(doc.report.month_start, doc.report.month_end, "month", inferred=True)
        target = Target(target.indicator_id, named, target.quote_start, target.sentence, target.number_end)
    return measure, target

