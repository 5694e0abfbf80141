"""Assemble contract rows from a report's text: the extraction pipeline.

Every number printed with a unit, a percent sign or "lần" after "gấp" is a candidate. The
stages, one module each, can be run and tested alone (``tests/test_extract_<stage>.py``,
and ``tests/test_extract_grammar.py`` per construction):

1. :mod:`.segment`: collapse and fold the text, read its month, find sentences and footnotes;
2. :mod:`.scope`: is the text, or a sentence, about the province or the whole country; a text
   about the country goes to :mod:`.national` (the release's wording, national ``vn_`` rows);
3. :mod:`.candidates`: each printed number with the text around it;
4. :mod:`.indicator` (vocabulary in :mod:`.lexicon`, a table): a level gets the indicator whose
   phrase ends nearest before it (among indicators printed in its unit); a percentage belongs
   to the level just before it in the same sentence, or to a rate named before it;
5. :mod:`.periods`: the period named by the nearest period phrase before the number;
6. :mod:`.measure`: a percentage's measure from the words around it ("so với cùng kỳ",
   "kế hoạch", "dự toán Trung ương giao", "so với tháng trước"), and its conversion into the
   contract's measure ("bằng", "chỉ đạt", "vượt", "gấp n lần"), named in the row's note;
7. :mod:`.units`: the unit printed after a level, and its scale into the codebook unit;
8. :mod:`.confidence`: how sure the reading is, and the reason when it is not.

Footnotes inherit the context of the sentence carrying their mark. A row is kept only if
its quote, cut from the source, prints its value.
"""
from __future__ import annotations

import dataclasses
import re
import warnings
from dataclasses import dataclass

import pandas as pd

from lsreports.sources.contract import CONTRACT_COLUMNS
from lsreports.sources.provenance import value_is_printed

from .candidates import Candidate, candidates
from .indicator import Target, level_indicator, percentage_target
from .lexicon import GROWTH_ONLY, NATIONAL_ENTRIES, RATE_VALUES, STOCKS, vocabulary
from .confidence import DOUBTS, EXPLICIT, IMPLICIT, LEVEL, doubted, judge
from .measure import (CARRIED, NO_MEASURE, Converted, base_length, converted, multiple, named_month_base,
                      no_change_length, percentage_measure)
from .national import (REASON_BY_WORDING, below_floor, country_guess, foreign_spans, national_by_wording, national_rows,
                       national_units, of_country_magnitude, other_province, outside)
from .periods import Period, listed_year, period_after, period_for, reserved, year_earlier
from .quantities import other_quantity
from .scope import REASON_COUNTRY, sentence_is_national, text_scope
from .segment import Document, segment
from .text import Folded
from .units import convert, family_of, unit_of

#: The columns of a candidate row: the contract's, then status, note (a conversion made), confidence and reason.
OUTPUT_COLUMNS: tuple[str, ...] = (*CONTRACT_COLUMNS, "status", "note", "confidence", "reason")
#: A figure its sentence calls estimated ("ước", "ước đạt", "ước tính", "ước thực hiện", "dự ước", "dự tính").
_ESTIMATED = re.compile(r"\b(uoc|udc|du tinh)\b")
#: A sentence that opens on the figure before it ("Con số này", "Mức này").
_THIS_FIGURE = re.compile(r"(con so|so lieu|muc|ket qua) (nay|tren)\b")
#: Sentences that state targets rather than results ("sẽ cán mốc 500 tỷ USD": a figure still to come).
_TARGET_SENTENCE = re.compile(r"den nam 20[3-9]\d|phan dau|chi tieu chu yeu|binh quan hang nam|\bse (can moc|dat|vuot)\b")
#: A signed number in brackets: the difference from the base, not a level.
_DIFFERENCE = re.compile(r"\(\s*[+\-−]\s*$")


@dataclass
class Reading:
    """What the pipeline remembers between numbers: the levels of this sentence and the last, the base carried."""

    last_level: Target | None = None
    first_level: Target | None = None
    previous_level: Target | None = None  # the first level of the previous sentence
    last_measure: str | None = None
    measure_footnote: int | None = None
    country: bool = False  # a text about the country, read with its vocabulary (:mod:`.national`)
    last_rate: Target | None = None  # the index or rate of the last percentage read in this sentence

    def enter(self, cand: Candidate) -> None:
        """Move on to ``cand``: a new sentence forgets this one's levels and carried base."""
        if self.last_level is not None and self.last_level.sentence != cand.sentence:
            self.previous_level, self.last_level, self.first_level = self.first_level, None, None
            if cand.footnote is None or cand.footnote != self.measure_footnote:
                self.last_measure = None

    def add_level(self, target: Target) -> None:
        self.last_level = target
        self.first_level = self.first_level or target


def extract_report(text: str, doc_id: str, month: str | None = None, units: dict[str, str] | None = None
                   ) -> pd.DataFrame:
    """Extract candidate rows from a report's text (see the module docstring for the stages).

    Parameters
    ----------
    text : str
        The report as received.
    doc_id : str
        Its id (``source_doc`` of every row).
    month : str, optional
        "YYYY-MM", the month the report is about, when its text does not say.
    units : dict, optional
        Indicator id → codebook unit (default: the project's catalogue).

    Returns
    -------
    pandas.DataFrame
        The contract's columns plus ``status`` (estimate / actual) and ``confidence``; empty (with a warning) when nothing is recognised.
    """
    if units is None:
        from lsreports.sources.loader import indicators

        catalogue = indicators()
        units = dict(zip(catalogue["indicator_id"], catalogue["unit"]))
    doc = segment(text, month)
    scope = text_scope(doc.folded.text, doc.collapsed)
    if scope != "province":
        national = country_rows(doc, doc_id, scope, units)
        if national is not None:
            return national
    rows = read_rows(doc, units)
    elsewhere = not_the_provinces(doc, rows) if scope == "unknown" else None
    if elsewhere:
        warnings.warn(f"{doc_id}: {elsewhere}: no row of the province is read from a text that never names it "
                      "(`lsreports curate gaps` lists its figures)", stacklevel=2)
        return _finish([], doc_id)
    frame = _finish(rows, doc_id)
    if scope == "unknown":
        frame = doubted(frame, "scope_unknown")
    if frame.empty:
        warnings.warn(f"{doc_id}: no recognisable figures found", stacklevel=2)
    return frame


def not_the_provinces(doc: Document, rows: list[dict]) -> str | None:
    """Why a text naming neither the province nor the country is not the province's, else ``None``.

    Its levels reach the country's magnitude (:func:`.national.of_country_magnitude`), or it names
    another province or city ("Hải Phòng tăng 11%; Hà Nội tăng 9,8%", ``tables/other_provinces.csv``)
    and never Lạng Sơn: a reprint of the country's release, or another province's text.
    """
    large = of_country_magnitude(rows)
    if large:
        return f"{large[0]['quote']!r} is of the country's magnitude"
    other = other_province(doc.folded.text)
    return f"it names {other!r}, another province" if other else None


def country_rows(doc: Document, doc_id: str, scope: str, units: dict[str, str]) -> pd.DataFrame | None:
    """Stage 1c (:mod:`.national`): the national rows of a text about the country, or ``None`` to read it as the province's.

    A text about the country gives national rows only (none of the province's); a text naming
    neither gives national rows, doubted, when the release's wording is found in it and its
    levels are of the country's magnitude (:func:`.national.national_by_wording`), else
    ``None`` (it is read as the province's, doubted).
    """
    country_units = {**national_units(), **units}
    rows, skipped = national_rows(doc, country_units)
    with vocabulary(NATIONAL_ENTRIES):  # the same grammar, the country's words: after the release's own wording
        grammar = [row for row in read_rows(doc, country_units, country=True) if row["indicator_id"].startswith("vn_")]
    if scope == "unknown" and not national_by_wording(rows, grammar, set(units)):
        return None
    rows, grammar = (outside(found, doc, foreign_spans(doc)) for found in (rows, grammar))  # another province's
    small = [row for row in rows + grammar if below_floor(row)]
    skipped += [f"{row['indicator_id']}: {row['value']:g} is under the country's magnitude, a misprint or another "
                f"scope's figure: {row['quote']!r}" for row in small]
    frame = _finish([row for row in rows + grammar if row not in small], doc_id)
    if scope == "unknown":
        frame = frame.assign(confidence=frame["confidence"].clip(upper=0.5), reason=REASON_BY_WORDING)
    for message in skipped:
        warnings.warn(f"{doc_id}: not read: {message}", stacklevel=3)
    if frame.empty:
        warnings.warn(f"{doc_id}: the text is {REASON_COUNTRY}; no national figure was recognised and no row of "
                      "the province is read from it (`lsreports curate gaps` lists its figures)", stacklevel=3)
    return frame


def read_rows(doc: Document, units: dict[str, str], *, country: bool = False) -> list[dict]:
    """Run the candidates of a segmented report through the stages; rows before de-duplication and checks.

    ``country``: the text is about the country (read with its vocabulary, :mod:`.national`), so
    a sentence naming the country is not left out.
    """
    rows: list[dict] = []
    reading, targets = Reading(country=country), _TargetSentences(doc.folded.text)
    national = _NationalSentences(doc)
    for cand in candidates(doc):
        reading.enter(cand)
        if targets.up_to(doc.folded.at(cand.sentence), cand.fn) or not country and national.holds(cand):
            continue
        last = reading.last_level
        if last is not None and doc.open_breakdown(doc.folded.at(last.number_end), cand.fn) and not (
                cand.is_percentage and (_COMPARISON.search(cand.before) or _COMPARED_SHARE.search(cand.before))):
            continue  # a breakdown in brackets (a sub-scope, a project): not the indicator itself
        if cand.is_percentage or _MULTIPLE.match(cand.after) and _TIMES.search(cand.before[-30:]):
            rows += percentage_rows(doc, cand, reading)
        else:
            rows += level_rows(doc, cand, reading, units)
    return rows


#: A change printed for the comparison period, in brackets after the figure's own: "(cùng kỳ năm 2024 tăng 8,8%)",
#: "(cùng kỳ tăng 2,2%)".
_COMPARISON = re.compile(r"\((?:cung|cing) (?:ky|ki)(?: nam (20\d\d)| nam truoc)?\s+(?:bang [\d.,]+\s?%\s*(?:va|,)\s*)?"
                         r"(?:tang|giam|ting|glam)[^()]*$")
#: "bằng 18,6% kế hoạch năm và tăng 17,7% ... (cùng kỳ năm 2024 bằng 18,0% và tăng 4,4%)": the comparison year's share
#: of its plan, in the order of the figure's own clauses.
_COMPARED_SHARE = re.compile(r"bang [\d.,]+\s?% (?:ke hoach|du toan)[^()]*\((?:cung|cing) (?:ky|ki) nam (20\d\d) bang\s?$")
#: "nếu loại trừ yếu tố giá giảm 10,4% (cùng kỳ năm 2020 giảm 3,8%)": a comparison of the price-adjusted growth.
_PRICE_ADJUSTED = re.compile(r"loai tru (yeu to )?gia")
#: "gấp 3,22 lần": a multiple of the base (the number is followed by "lần" after "gấp").
_MULTIPLE = re.compile(r"\s?lan\b")
#: "tăng gần 41% về lượng": a change in the volume (tonnes), not in the value the indicator is.
_VOLUME = re.compile(r"\s?%\s*ve (so )?luong\b")
#: "bằng 49,2% và tăng 13,3% so với cùng kỳ": a ratio with no base before a change is not that change again (a
#: share of a plan the sentence leaves unsaid): no row rather than a guessed base.
_RATIO_BEFORE_CHANGE = re.compile(r"\s?%\s*(,|va)\s*(tang|giam) [\d.,]+\s?%")
_TIMES = re.compile(r"gap( (hon|khoang|gan|tren|xap xi))?\s*$")


class _NationalSentences:
    """Whether a candidate's sentence is about the country (:mod:`.scope`); each sentence is judged once."""

    def __init__(self, doc: Document) -> None:
        self.doc, self.judged = doc, {}

    def holds(self, cand: Candidate) -> bool:
        if cand.sentence not in self.judged:
            end = self.doc.sentence_end(cand.sentence)
            folded = self.doc.folded.text[self.doc.folded.at(cand.sentence):self.doc.folded.at(end)]
            self.judged[cand.sentence] = sentence_is_national(folded, self.doc.collapsed[cand.sentence:end])
        return self.judged[cand.sentence]


class _TargetSentences:
    """Whether a sentence, up to a number, states a target; each sentence is scanned once, however many numbers."""

    _LONGEST = 18  # the longest text :data:`_TARGET_SENTENCE` matches

    def __init__(self, folded: str) -> None:
        self.folded, self.sentence, self.scanned, self.found = folded, -1, 0, False

    def up_to(self, start: int, end: int) -> bool:
        """Whether folded ``start..end`` holds a target phrase (``end`` grows within a sentence)."""
        if start != self.sentence or end < self.scanned:
            self.sentence, self.scanned, self.found = start, start, False
        if not self.found and end > self.scanned:
            resume = max(start, self.scanned - self._LONGEST)
            self.found = _TARGET_SENTENCE.search(self.folded, resume, end) is not None
            self.scanned = end
        return self.found


def percentage_rows(doc: Document, cand: Candidate, reading: Reading) -> list[dict]:
    """The row of a percentage or of a multiple "gấp n lần" (none for percentage points or without a base or target)."""
    times = not cand.is_percentage
    if re.match(r"\s?%\s*diem", cand.after) or _VOLUME.match(cand.after):  # points, or a change in volume
        return []
    after = cand.after[_MULTIPLE.match(cand.after).end():] if times else cand.after
    measure, explicit = percentage_measure(after, cand.before, cand.context, reading.last_measure)
    if measure == NO_MEASURE:
        return []  # "so với quý trước", "so với kỳ gốc": a base the contract has no measure for
    share = _COMPARED_SHARE.search(cand.before)
    if share:
        measure, explicit = "plan_pct", True
    elif not explicit and re.search(r"\bbang\s?$", cand.before) and _RATIO_BEFORE_CHANGE.match(after):
        return []
    last = reading.last_level
    if last is None and _THIS_FIGURE.match(doc.folded.text, doc.folded.at(cand.sentence)):
        last = reading.previous_level  # "Con số này giảm 40,5%": the figure of the sentence before
    if times and measure is None:
        measure, explicit = "yoy_pct", False  # "gấp 3 lần" with no base named: on the year before
    measure, target = percentage_target(doc, cand, last, measure, explicit)
    if target is None and reading.last_rate is not None and reading.last_rate.sentence == cand.sentence:
        target = reading.last_rate  # "CPI ... giảm 0,2% so với tháng trước và so với cùng kỳ năm trước tăng 3,9%"
    if measure is None or target is None or times and measure not in ("yoy_pct", "mom_pct"):
        return []
    if other_quantity(cand.paragraph + " " + doc.folded.text[doc.folded.at(cand.sentence):cand.fn], target.indicator_id):
        return []  # the value added of industry, an industry's own index: not the indicator its words name
    if last is None or target.indicator_id != last.indicator_id:
        reading.last_rate = target
    placed = placed_rate(doc, cand, after, reading.country, measure, explicit, target)
    if placed is None:
        return []
    measure, explicit, target = placed
    comparison = _COMPARISON.search(cand.before) or share
    if comparison and measure in ("yoy_pct", "mom_pct", "plan_pct"):  # "(cùng kỳ năm 2024 tăng 8,8%)": the year before's growth
        years = target.period.end.year - int(comparison.group(1)) if comparison.group(1) else 1
        if years != 1 or reserved(target.period.end.year - 1) or _PRICE_ADJUSTED.search(cand.before[-90:]):
            return []  # another year's base, a year reserved for evaluation, or the price-adjusted figure's
        target = dataclasses.replace(target, period=year_earlier(target.period))
    indicator = target.indicator_id
    if measure == "value" and indicator not in RATE_VALUES or indicator in GROWTH_ONLY and measure not in (
            "yoy_pct", "mom_pct") or indicator in RATE_VALUES and measure != "value":
        return []  # a change of a rate is in points, not percent; an index is printed only as growth
    number = cand.number.value
    reading_ = multiple(number) if times else converted(number, measure, cand.before, explicit) if (
        measure != "value") else Converted(number)
    stripped = after.lstrip(" %")
    end = cand.after_start + len(cand.after) - len(stripped)
    end = doc.folded.span(end, end + 1)[0] if end < len(doc.folded.text) else len(doc.collapsed)
    if base_length(stripped):
        end = min(len(doc.collapsed), end + base_length(stripped))
    if measure in CARRIED:
        reading.last_measure, reading.measure_footnote = measure, cand.footnote
    doubts = [] if explicit else [("base_default", "")]
    doubts += [("comparison_period", "")] if comparison else []
    doubts += [("ratio_doubt", reading_.doubt)] if reading_.doubt else []
    guessed = "period_month" if target.period.kind == "month" else "period_default"
    doubts += [(guessed, "")] if target.period.inferred else []
    confidence, reason = judge(EXPLICIT if explicit else IMPLICIT, doubts)
    row = _row(target, measure, reading_.value, "pct", doc, cand, end, confidence, reading_.note, reason)
    return [row]


def placed_rate(doc: Document, cand: Candidate, after: str, country: bool, measure: str, explicit: bool,
                target: Target) -> tuple[str, bool, Target] | None:
    """The period and base a rate's words name around it: (measure, explicit, target), or ``None`` for no row.

    A period printed after the rate ("tăng 7,2% trong 2 tháng đầu năm 2025"); in a national text a
    year of a list or named before the verb (:func:`.periods.listed_year`; a reserved year: no row);
    a base named by its month ("so với tháng 7/2025"); in a national text the base its paragraph
    names (:func:`.national.country_guess`); a change on the month before only for a month (:func:`month_base`).
    """
    later = period_after(after, doc.report)
    if later is not None:
        target = dataclasses.replace(target, period=later)
    listed = listed_year(cand.before, doc.report) if country else None
    if listed is not None:
        if reserved(listed.start.year):
            return None
        target = dataclasses.replace(target, period=listed)
    named = named_month_base(after, target.period.start, target.period.end)
    if named is not None:  # the month before, the same month a year earlier, or no measure
        if not named:
            return None
        measure, explicit = named, True
    if country:
        guessed = country_guess(doc, cand, measure, explicit, target)
        if guessed is None:
            return None
        measure, target = guessed
    measure = month_base(measure, explicit, target.period)
    return None if measure is None else (measure, explicit, target)


def month_base(measure: str, explicit: bool, period: Period) -> str | None:
    """A change on the month before belongs to a month: over a longer period it is on the year before.

    "CPI tháng 5 giảm 0,03% so với tháng trước nhưng CPI bình quân 5 tháng vẫn tăng 4,39%": the
    second rate took the base of the first, but a year to date is compared with the same period a
    year earlier. A base printed after a longer period's rate ("CPI quý I tăng 1,92% So với tháng
    trước, ...": a headline running into the next sentence) contradicts it: no row (``None``).
    """
    if measure != "mom_pct" or period.start.to_period("M") == period.end.to_period("M"):
        return measure
    return None if explicit else "yoy_pct"


def level_rows(doc: Document, cand: Candidate, reading: Reading, units: dict[str, str]) -> list[dict]:
    """The row of a level printed with a unit, and a 0 % change if "tương đương cùng kỳ" follows it."""
    unit = unit_of(doc, cand)
    if unit is None or _DIFFERENCE.search(doc.collapsed, max(0, cand.number.start - 4), cand.number.start):
        return []  # no unit; or "(+9,3 triệu kWh)": a difference in brackets, not a level
    family, factor, unit_length = unit
    unit_end = doc.folded.span(cand.after_start, min(len(doc.folded.text), cand.after_start + unit_length))[1]
    last = reading.last_level
    if last is not None and re.search(r"(cung|cing) (ky|ki)\s*\($", cand.before) and \
            family_of(units.get(last.indicator_id, "")) == family:  # "(cùng kỳ 12,3 tỷ đồng)": the year before
        value = convert(cand.number.value, factor, units[last.indicator_id])
        earlier = dataclasses.replace(last, period=year_earlier(last.period))
        if reserved(earlier.period.start.year):
            return []  # a figure of a year reserved for evaluation
        confidence, reason = judge(IMPLICIT, [("comparison_period", "")])
        return [_row(earlier, "value", value, units[last.indicator_id], doc, cand, unit_end, confidence, reason=reason)]
    found = level_indicator(doc, cand, family, unit_length, reading.previous_level, units)
    if found is None:
        return []
    indicator, keyword_start = found
    same_clause = last is not None and ";" not in doc.collapsed[last.number_end:cand.number.start]
    lead = last.period if last is not None and last.indicator_id not in STOCKS and (
        same_clause or family_of(units.get(last.indicator_id, "")) == family) else None
    period = period_for(indicator, cand.context, doc.report, cand.clause, cand.ahead, lead, cand.paragraph)
    if reading.country and period.inferred:
        return []  # a national figure whose period is only guessed: no row (precision first)
    quote_start = cand.fs + keyword_start if keyword_start <= len(cand.before) else cand.fs
    target = Target(indicator, period, quote_start, cand.sentence, cand.number.end)
    value = convert(cand.number.value, factor, units[indicator])
    confidence, reason = judge(LEVEL, [("period_default", "")] if period.inferred else [])
    rows = [_row(target, "value", value, units[indicator], doc, cand, min(len(doc.collapsed), unit_end), confidence,
                 reason=reason)]
    reading.add_level(target)
    after_unit = cand.after_start + unit_length
    tail = re.split(r";|\.\s", doc.folded.text[after_unit:after_unit + 80])[0]
    if no_change_length(tail):
        change_end = doc.folded.span(after_unit, after_unit + no_change_length(tail))[1]
        rows.append(_row(target, "yoy_pct", 0.0, "pct", doc, cand, change_end, LEVEL,
                         "printed as 'tương đương cùng kỳ' (level with the year before): a change of 0 %"))
    return rows


def _row(target: Target, measure: str, value: float, unit: str, doc: Document, cand: Candidate, end: int,
         confidence: float, note: str = "", reason: str = "") -> dict:
    """A contract row; its quote runs from the indicator's phrase to ``end`` (at most 200 characters)."""
    number = cand.number
    start = doc.folded.span(target.quote_start, target.quote_start + 1)[0] if target.quote_start < len(
        doc.folded.text) else number.start
    start = min(start, number.start)
    if end - start > 200:
        start = max(number.start - (200 - (end - number.start)), 0) if end - number.start < 200 else number.start
        end = min(end, start + 200)
    period = target.period
    return {"indicator_id": target.indicator_id, "start": period.start.strftime("%Y-%m-%d"),
            "end": period.end.strftime("%Y-%m-%d"), "measure": measure, "value": value, "unit": unit,
            "source_doc": None, "quote": doc.collapsed[start:end].strip().rstrip(",;: "), "derived": False,
            "status": status_of(doc, cand, target.indicator_id), "note": note, "confidence": confidence,
            "reason": reason}


def status_of(doc: Document, cand: Candidate, indicator_id: str = "") -> str:
    """Return "estimate" when the figure is called estimated ("ước ..."), else "actual".

    Read in the number's sentence up to it and in its footnote's marking sentence; a sector
    of GRDP shares the status of the GRDP its paragraph states ("GRDP ước tính tăng 6,72%.
    ... khu vực dịch vụ tăng 7,20%").
    """
    sentence = doc.folded.text[doc.folded.at(cand.sentence):cand.fn]
    footnote = cand.context[:len(cand.context) - len(cand.before)] if cand.footnote is not None else ""
    part = indicator_id.startswith("grdp_") and _ESTIMATED.search(cand.paragraph)
    return "estimate" if _ESTIMATED.search(sentence) or _ESTIMATED.search(footnote) or part else "actual"


def _finish(rows: list[dict], doc_id: str) -> pd.DataFrame:
    """Keep the first row per (indicator, start, end, measure) whose quote is in the text and prints its value.

    A converted value ("vượt 22,7 %", "gấp 3,22 lần") is printed in the form
    :func:`lsreports.sources.validate.value_is_printed` knows; the row's note names the conversion.
    """
    columns = list(OUTPUT_COLUMNS)
    kept, seen = [], set()
    for row in _exact_wins(rows):
        key = (row["indicator_id"], row["start"], row["end"], row["measure"])
        if key in seen or row["value"] is None:
            continue
        if not row["quote"] or not value_is_printed(row["value"], row["measure"], row["quote"]):
            continue  # (a quote is cut from the collapsed text, so it is always in it)
        seen.add(key)
        kept.append({**{c: row.get(c, "") for c in columns}, "source_doc": doc_id})
    return pd.DataFrame(_named_base_wins(_named_period_wins(kept)), columns=columns)


#: A level hedged just before its number ("ước vượt 1 triệu tỷ đồng", "đạt trên 1.190 nghìn tỷ"): a rounded restatement.
_HEDGED = re.compile(r"\b(tren|vuot|hon|gan|khoang|xap xi)\s+\d[\d.,]*\D*$")


def _exact_wins(rows: list[dict]) -> list[dict]:
    """Drop a hedged level when the same figure is printed exactly elsewhere in the text.

    A release's headline or lead rounds ("ước vượt 1 triệu tỷ đồng") what its body prints
    ("ước đạt 1.030,5 nghìn tỷ đồng"): the exact figure is the row, whichever comes first.
    """
    def key(row: dict) -> tuple:
        return row["indicator_id"], row["start"], row["end"], row["measure"]

    def hedged(row: dict) -> bool:
        return row["measure"] == "value" and _HEDGED.search(Folded(row["quote"] or "").text) is not None

    exact = {key(row) for row in rows if row["measure"] == "value" and row["quote"] and not hedged(row)}
    return [row for row in rows if not (hedged(row) and key(row) in exact)]


def _named_base_wins(rows: list[dict]) -> list[dict]:
    """Drop a change whose base was guessed when the same figure is printed again with its base named.

    A headline ("CPI tháng 2/2026 tăng 1,14%") repeats a change its body names the base of
    ("so với tháng trước, CPI tháng 2/2026 tăng 1,14%"): the body's reading is the figure's.
    """
    guessed = DOUBTS["base_default"][0]
    named = {(r["indicator_id"], r["start"], r["end"], r["value"]) for r in rows if guessed not in r["reason"]}
    return [r for r in rows if guessed not in r["reason"] or (r["indicator_id"], r["start"], r["end"], r["value"])
            not in named]


def _named_period_wins(rows: list[dict]) -> list[dict]:
    """Drop a row whose period was guessed when the same figure is printed again with its period named.

    A headline ("Lạng Sơn đón 75 ngàn lượt khách ... Tết Nguyên đán 2024") repeats a figure the
    body dates ("từ ngày 8/2 đến ngày 14/2 ... 75.000 lượt"): the body's reading is the figure's.
    """
    guessed = DOUBTS["period_default"][0]
    named = {(r["indicator_id"], r["measure"], r["value"]) for r in rows if guessed not in r["reason"]}
    return [r for r in rows if guessed not in r["reason"] or (r["indicator_id"], r["measure"], r["value"]) not in named]
