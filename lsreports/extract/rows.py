"""Assemble contract rows from a report's text.

Every number printed with a unit or a percent sign is a candidate. A level gets the
indicator whose phrase ends nearest before it (among indicators printed in that unit)
and the period named by the nearest period phrase before it; a percentage gets its
measure from the words around it ("so với cùng kỳ", "kế hoạch", "dự toán Trung ương
giao", "so với tháng trước") and belongs to the level just before it in the same
sentence. Footnotes inherit the context of the sentence carrying their mark. A row is
kept only if its quote, cut from the source, prints its value.
"""
from __future__ import annotations

import re
import warnings

import pandas as pd

from lsreports.sources.contract import CONTRACT_COLUMNS
from lsreports.sources.numbers import find_numbers
from lsreports.sources.provenance import value_is_printed

from .lexicon import ENTRIES, PART_OF
from .periods import Period, ReportMonth, last_period, report_month
from .text import Folded, collapse
from .units import CODEBOOK_UNITS, convert, unit_after

STOCKS = {"bank_deposits", "bank_credit", "temp_housing_started", "temp_housing_completed", "poor_households",
          "near_poor_households", "poor_household_rate", "near_poor_household_rate", "trained_labour_rate"}
RATE_VALUES = {"poor_household_rate", "near_poor_household_rate", "trained_labour_rate"}
GROWTH_ONLY = {"iip", "grdp"}
UNIT_ONLY = {"vehicles": "trade_platform_vehicles", "kg": "rice_support_kg", "bricks": "prod_bricks",
             "members": "rice_support_persons"}
FLOWS_EXCLUDED_IN_STOCK_CLAUSE = {"enterprises_new", "enterprises_new_capital"}
LOOKBACK = 220
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s+(?=[A-ZĐÂĂÊÔƠƯ][^\s]*\s)")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐ0-9¹²³⁴⁵⁶⁷⁸⁹(*])")
_SO_VOI = r"^[\s%]*(,\s*)?(so\s+(voi|vai|vdi|véi|v6i|voi)\s*|so\s+)?"
_BASES = (
    (re.compile(_SO_VOI + r"(ke hoach|keé hoach|ké hoach|kh\b|muc tieu|tong so (nha|can)|tong (so )?nhu cau"
                          r"|tong so nha duoc phe duyet)"), "plan_pct"),
    (re.compile(_SO_VOI + r"(du|dy|duy) to\w*n trung (uong|wong|uwong)"), "est_central_pct"),
    (re.compile(_SO_VOI + r"(du|dy|duy) to\w*n"), "est_local_pct"),
    (re.compile(_SO_VOI + r"thang truoc"), "mom_pct"),
    (re.compile(_SO_VOI + r"(cung|cing|cling) (ky|ki)"), "yoy_pct"),
)
#: Sentences that state targets rather than results.
_TARGET_SENTENCE = re.compile(r"den nam 20[3-9]\d|phan dau|chi tieu chu yeu|binh quan hang nam")
_NO_CHANGE = re.compile(r"^[^;]{0,60}?[,\s](tuong duong|bang) (so voi )?(cung|cing) (ky|ki)")
_GRDP_PARTS = (("grdp_agriculture", r"nong,? lam nghiep va thuy san"),
               ("grdp_industry_construction", r"cong nghiep va xay dung"),
               ("grdp_services", r"\bdich vu\b"), ("grdp_product_taxes", r"thue san pham"))


def _footnote_contexts(text: str, collapsed: str, folded: Folded) -> list[tuple[int, str]]:
    """Return (start in the collapsed text, folded context of the sentence carrying the mark) per footnote."""
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
            contexts.append((start, ""))
            continue
        mark = marks[-1].start()
        sentence_start = max([m.end() for m in _SENTENCE_END.finditer(collapsed[:mark])] or [0])
        contexts.append((start, folded.text[folded.at(max(sentence_start, mark - 400)):folded.at(mark)]))
    return contexts


def _measure_of(after: str, before: str, context: str) -> tuple[str | None, bool]:
    """Return (measure, explicit) for a percentage from the folded text after and before it.

    A change with no base of its own ("tăng 10,2%") takes the base last named in its
    sentence or, in a footnote, in the sentence carrying the footnote's mark.
    """
    for pattern, measure in _BASES:
        if pattern.match(after):
            return measure, True
    if re.search(r"(tang|ting|giam|glam|bang)\s*$", before[-14:]):
        bases = [(m.end(), "mom_pct" if "truoc" in m.group(0) else "yoy_pct")
                 for m in re.finditer(r"thang truoc|(cung|cing|cling) (ky|ki)", context)]
        return (max(bases)[1] if bases else "yoy_pct"), False
    return None, False


def _signed(value: float, measure: str, before: str) -> float:
    tail = before[-14:]
    if measure in ("yoy_pct", "mom_pct"):
        if re.search(r"(giam|glam)\s*$", tail):
            return -value
        if re.search(r"bang\s*$", tail):
            return round(value - 100.0, 9)
    return value


def _nearest_entry(context: str, family: str | None, limit: int | None = None) -> tuple[str, int, int] | None:
    """The entry of ``family`` whose phrase ends nearest the end of ``context`` (starting before ``limit``)."""
    best = None
    for entry in ENTRIES:
        if family is not None and entry.family != family:
            continue
        for match in entry.pattern.finditer(context):
            if limit is not None and match.start() >= limit:
                continue
            key = (match.end(), match.end() - match.start())
            if best is None or key > best[0]:
                best = (key, entry.indicator_id, match.start())
    return (best[1], best[0][0], best[2]) if best else None


def _parent(context: str) -> str | None:
    best = None
    for entry in ENTRIES:
        if entry.indicator_id in PART_OF:
            for match in entry.pattern.finditer(context):
                if best is None or match.end() > best[0]:
                    best = (match.end(), entry.indicator_id)
    return best[1] if best else None


def _period_for(indicator_id: str, context: str, report: ReportMonth, clause: str = "", ahead: str = "",
                lead: Period | None = None) -> Period:
    """The period of a number: a phrase in its clause, else "lũy kế" later in the clause (so this is the
    month), else a phrase earlier in the sentence or the footnote's anchor, else the year to date."""
    period = last_period(clause, report) if clause else None
    if period is None and re.search(r"\b(luy ke|lily ke)\b", ahead):
        period = Period(report.month_start, report.month_end, "month")
    if period is None and lead is not None:
        period = lead
    if period is None:
        period = last_period(context, report)
    if period is None:
        period = Period(pd.Timestamp(report.year, 1, 1), report.month_end, "ytd")
    if indicator_id in STOCKS:
        years = [int(y) for y in re.findall(r"\bnam (20\d\d)\b", clause or context)]
        if years and years[-1] < report.year and period.kind != "to_day":
            return Period(pd.Timestamp(years[-1], 12, 31), pd.Timestamp(years[-1], 12, 31), "point")
        return Period(period.end, period.end, "point")
    if indicator_id.startswith("pubinv"):
        plan = re.findall(r"ke hoach (von )?(nam|ndm) (20\d\d)", context)
        if plan and int(plan[-1][2]) < period.end.year:
            period = Period(pd.Timestamp(int(plan[-1][2]), 1, 1), period.end, "span")
    if period.kind == "to_day":
        return Period(pd.Timestamp(period.end.year, 1, 1), period.end, "ytd_day")
    return period


def extract_report(text: str, doc_id: str, month: str | None = None, units: dict[str, str] | None = None
                   ) -> pd.DataFrame:
    """Extract candidate rows from a report's text (see the module docstring for the rules).

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
        The contract's columns plus ``confidence``; empty (with a warning) when nothing is recognised.
    """
    if units is None:
        from lsreports.sources.loader import indicators

        catalogue = indicators()
        units = dict(zip(catalogue["indicator_id"], catalogue["unit"]))
    collapsed = collapse(text)
    folded = Folded(collapsed)
    report = report_month(folded.text, month)
    footnotes = _footnote_contexts(text, collapsed, folded)
    boundaries = [m.end() for m in _SENTENCE_END.finditer(collapsed)]
    rows: list[dict] = []
    last_level: dict | None = None
    previous_level: dict | None = None
    first_level: dict | None = None
    measure_footnote: int | None = None
    last_measure: str | None = None
    numbers = find_numbers(collapsed)
    for index, number in enumerate(numbers):
        if collapsed[number.start - 1:number.start] == "/" or collapsed[number.end:number.end + 1] == "/" and \
                not re.match(r"/[\d.]+ (nha|nhà|căn)", collapsed[number.end:number.end + 12]):
            continue
        if re.match(r"[^\W\d_]", collapsed[number.start - 1:number.start] or " ") or \
                re.match(r"[^\W\d_]", collapsed[number.end:number.end + 1] or " "):
            continue  # glued to letters: an OCR misreading ("s6" for "số", "1a" for "là") or a footnote mark
        sentence_start = max([b for b in boundaries if b <= number.start] or [0])
        footnote = [(s, c) for s, c in footnotes if s <= number.start and s >= sentence_start - 2]
        if footnote:
            sentence_start = max(sentence_start, footnote[-1][0])
        fn, fs = folded.at(number.start), folded.at(max(sentence_start, number.start - LOOKBACK))
        before = folded.text[fs:fn]
        clause = re.split(r";|\(\*?trong (do|d6|dé)", before)[-1]
        ahead = re.split(r"\.\s", folded.text[folded.at(number.end):folded.at(number.end) + 70])[0]
        context = (footnote[-1][1] + " | " + before) if footnote else before
        after_start = folded.at(number.end)
        after = folded.text[after_start:after_start + 60]
        current_footnote = footnote[-1][0] if footnote else None
        if last_level is not None and last_level["sentence"] != sentence_start:
            previous_level, last_level = first_level, None
            first_level = None
            if current_footnote is None or current_footnote != measure_footnote:
                last_measure = None
        if _TARGET_SENTENCE.search(folded.text[folded.at(sentence_start):fn]):
            continue
        if last_level is not None:
            between = folded.text[folded.at(last_level["number_end"]):fn]
            if between.count("(") > between.count(")") and not re.search(r"\(\*?\s*(trong (do|d6|de)|gom)", between):
                continue  # a breakdown in brackets (a sub-scope, a project): not the indicator itself
        if re.match(r"\s?%", after):
            if re.match(r"\s?%\s*diem", after):  # percentage points, not a rate of change
                continue
            measure, explicit = _measure_of(after.lstrip(" %"), before, context)
            if measure is None and re.search(r"dat\s*$", before[-8:]):
                measure, explicit = last_measure, False
            target = last_level
            window = before[-90:]
            rate_near = _nearest_entry(window, "rate")
            rate_target = None
            if rate_near:
                rate_end_folded = fn - len(window) + rate_near[1]
                after_level = last_level is None or rate_end_folded > folded.at(last_level["number_end"])
                rate_target = {"indicator_id": rate_near[0],
                               "period": _period_for(rate_near[0], context, report, clause),
                               "quote_start": fn - len(window) + rate_near[2], "sentence": sentence_start,
                               "number_end": number.end}
                if rate_near[0] in RATE_VALUES and after_level and not explicit:
                    measure, target = "value", rate_target
                elif rate_near[0] in GROWTH_ONLY and after_level:
                    target = rate_target
                elif target is None:
                    target = rate_target
            if "grdp" in context or "tong san pham" in context:
                part = max(((m.end(), pid) for pid, pattern in _GRDP_PARTS for m in re.finditer(pattern, before[-60:])),
                           default=None)
                if part and measure in ("yoy_pct", None) and re.search(r"(tang|giam)\s*$", before[-10:]):
                    target = {"indicator_id": part[1], "period": _period_for("grdp", context, report, clause),
                              "quote_start": max(fs, fn - 60 + part[0] - 40), "sentence": sentence_start,
                              "number_end": number.end}
                    measure = "yoy_pct"
            if measure is None or target is None:
                continue
            if measure == "value" and target["indicator_id"] not in RATE_VALUES:
                continue
            if target["indicator_id"] in GROWTH_ONLY and measure not in ("yoy_pct", "mom_pct"):
                continue
            if target["indicator_id"] in RATE_VALUES and measure != "value":
                continue  # a change of a rate is in points, not percent
            value = _signed(number.value, measure, before) if measure != "value" else number.value
            end = number.end + 1 + len(after) - len(after.lstrip(" %"))
            match = next((m for m in (p.match(after.lstrip(" %")) for p, _ in _BASES) if m), None)
            if match:
                end = min(len(collapsed), end + match.end())
            rows.append(_row(target, measure, value, "pct", doc_id, collapsed, folded, number, end,
                             0.9 if explicit else 0.7))
            if measure in ("plan_pct", "est_central_pct", "est_local_pct"):
                last_measure, measure_footnote = measure, current_footnote
            continue
        unit = unit_after(after)
        if unit is None:
            if re.match(r"/[\d.]+ ", collapsed[number.end:number.end + 12]):
                denominator_end = number.end + collapsed[number.end:].index(" ") + 1
                unit = unit_after(folded.text[folded.at(denominator_end):folded.at(denominator_end) + 30])
                if unit is not None:
                    unit = (unit[0], unit[1], unit[2] + folded.at(denominator_end) - after_start)
            if unit is None:
                continue
        family, factor, unit_length = unit
        if last_level is not None and re.search(r"(cung|cing) (ky|ki)\s*\($", before) and \
                CODEBOOK_UNITS.get(units.get(last_level["indicator_id"], ""), ("",))[0] == family:
            shown = last_level["period"]
            earlier = {**last_level, "period": Period(shown.start - pd.DateOffset(years=1),
                                                       shown.end - pd.DateOffset(years=1) + pd.offsets.MonthEnd(0)
                                                       if shown.end.is_month_end else shown.end - pd.DateOffset(years=1),
                                                       shown.kind)}
            value = convert(number.value, factor, units[last_level["indicator_id"]])
            end = folded.span(after_start, min(len(folded.text), after_start + unit_length))[1]
            rows.append(_row(earlier, "value", value, units[last_level["indicator_id"]], doc_id, collapsed, folded,
                             number, end, 0.7))
            continue
        # a closed bracket is a breakdown of what precedes it: its phrases do not name what follows it
        searched = re.sub(r"\([^()]*\d[^()]*\)", lambda m: " " * len(m.group(0)), folded.text[fs:after_start + unit_length])
        found = _nearest_entry(searched, family, limit=len(before))
        if found is None and previous_level is not None and re.match(
                r"\s*(uoc )?(luy ke|lily ke|tinh chung)", folded.text[folded.at(sentence_start):fn]) \
                and CODEBOOK_UNITS.get(units.get(previous_level["indicator_id"], ""), ("",))[0] == family:
            found = (previous_level["indicator_id"], 0, 0)
        if found is None and family in UNIT_ONLY:
            found = (UNIT_ONLY[family], len(before), len(before))
        if found is None:
            following = folded.text[after_start + unit_length:after_start + unit_length + 25]
            found_after = _nearest_entry(following, family)
            if found_after is None or found_after[2] > 3:
                continue
            found = (found_after[0], len(before), len(before))
        indicator, _, keyword_start = found
        if indicator in FLOWS_EXCLUDED_IN_STOCK_CLAUSE and re.search(r"toan tinh (co|c6|¢)|hien co|luy ke toan tinh", clause):
            continue
        if (indicator.startswith(("pubinv", "enterprises")) and re.search(r"\b(du an|dy an|hop tac xa)\b", clause)):
            continue
        if indicator == "merit_allowance_amount" and not re.search(r"tro cap hang thang|nguoi co cong", before):
            continue
        if indicator == "tourism_revenue" and "du lich" not in before and "khach" not in before:
            continue
        if indicator in ("prod_wood", "prod_rosin") and re.search(r"khai thac|trong rung|lam nghiep", before):
            continue
        if indicator.startswith("@"):
            parent = _parent(context)
            if parent is None:
                continue
            indicator = PART_OF[parent][indicator[1:]]
        if indicator not in units or CODEBOOK_UNITS.get(units[indicator], ("",))[0] != family.replace("members", "persons"):
            continue
        value = convert(number.value, factor, units[indicator])
        same_clause = last_level is not None and ";" not in collapsed[last_level["number_end"]:number.start]
        lead = last_level["period"] if last_level is not None and last_level["indicator_id"] not in STOCKS and (
            same_clause or CODEBOOK_UNITS.get(units.get(last_level["indicator_id"], ""), ("",))[0] == family) else None
        period = _period_for(indicator, context, report, clause, ahead, lead)
        quote_start = fs + keyword_start if keyword_start <= len(before) else fs
        target = {"indicator_id": indicator, "period": period, "quote_start": quote_start, "sentence": sentence_start,
                  "number_end": number.end}
        end = min(len(collapsed), folded.span(after_start, min(len(folded.text), after_start + unit_length))[1])
        rows.append(_row(target, "value", value, units[indicator], doc_id, collapsed, folded, number, end, 0.8))
        last_level = target
        first_level = first_level or target
        tail = re.split(r";|\.\s", folded.text[after_start + unit_length:after_start + unit_length + 80])[0]
        no_change = _NO_CHANGE.match(tail)
        if no_change:
            change_end = folded.span(after_start + unit_length, after_start + unit_length + no_change.end())[1]
            rows.append(_row(target, "yoy_pct", 0.0, "pct", doc_id, collapsed, folded, number, change_end, 0.8))
    frame = _finish(rows, collapsed)
    if frame.empty:
        warnings.warn(f"{doc_id}: no recognisable figures found", stacklevel=2)
    return frame


def _row(target: dict, measure: str, value: float, unit: str, doc_id: str, collapsed: str, folded: Folded,
         number, end: int, confidence: float) -> dict:
    start = folded.span(target["quote_start"], target["quote_start"] + 1)[0] if target["quote_start"] < len(
        folded.text) else number.start
    start = min(start, number.start)
    if end - start > 200:
        start = max(number.start - (200 - (end - number.start)), 0) if end - number.start < 200 else number.start
        end = min(end, start + 200)
    period = target["period"]
    return {"indicator_id": target["indicator_id"], "start": period.start.strftime("%Y-%m-%d"),
            "end": period.end.strftime("%Y-%m-%d"), "measure": measure, "value": value, "unit": unit,
            "source_doc": doc_id, "quote": collapsed[start:end].strip().rstrip(",;: "), "derived": False,
            "confidence": confidence}


def _finish(rows: list[dict], collapsed: str) -> pd.DataFrame:
    columns = list(CONTRACT_COLUMNS) + ["confidence"]
    kept, seen = [], set()
    for row in rows:
        key = (row["indicator_id"], row["start"], row["end"], row["measure"])
        if key in seen or row["value"] is None:
            continue
        if not row["quote"] or row["quote"] not in collapsed or not value_is_printed(row["value"], row["measure"],
                                                                                        row["quote"]):
            continue
        seen.add(key)
        kept.append(row)
    return pd.DataFrame(kept, columns=columns)
