"""Stage 3, indicator: which indicator a number is a figure of.

A level takes the indicator whose phrase (:mod:`.lexicon`) ends nearest before it among
those printed in its unit's family; a phrase inside a closed bracket names a breakdown of
what precedes the bracket, not what follows it. Failing that: the level before a "lũy kế"
sentence, a unit that names its indicator on its own, or a phrase right after the unit.
A percentage belongs to the level before it in its sentence, or to a rate or index named
just before it, or to a part of GRDP named just before "tăng"/"giảm".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .candidates import Candidate
from .lexicon import (FLOWS_EXCLUDED_IN_STOCK_CLAUSE, GRDP_PARTS, GROWTH_NAMED, PART_OF, RATE_VALUES, UNIT_ONLY,
                      entries, own_total)
from .periods import Period, period_for
from .segment import Document
from .measure import CHANGE
from .units import family_of


_RUNNING_TOTAL = re.compile(r"\s*(uoc )?(luy ke|lily ke|tinh chung|cong don)")
#: Words that put a sector's growth in GRDP terms ("khu vực dịch vụ tăng 7,45%", "thuế sản phẩm trừ trợ cấp").
_GRDP_CUE = re.compile(r"grdp|tong san pham|muc tang (truong )?chung|khu vuc (nong|cong nghiep|dich vu)"
                       r"|thue san pham tru tro cap")


#: A breakdown named between an indicator and a rate ("ngành hàng", "nhóm hàng", "mặt hàng"): the rate is the part's.
_BREAKDOWN_NAMED = re.compile(r"\b(nganh hang|nhom hang|mat hang)\b")


@dataclass(frozen=True)
class Target:
    """What a figure is about: the indicator, its period, where its quote starts (folded), its sentence."""

    indicator_id: str
    period: Period
    quote_start: int
    sentence: int
    number_end: int


def nearest_entry(context: str, family: str | None, limit: int | None = None) -> tuple[str, int, int] | None:
    """Return (indicator, end, start) of the ``family`` phrase ending nearest the end of ``context``.

    Only phrases starting before ``limit`` count; of two ending together, the longer wins.
    """
    best = None
    for entry in entries():
        if family is not None and entry.family != family:
            continue
        for match in entry.pattern.finditer(context):
            if limit is not None and match.start() >= limit:
                continue
            key = (match.end(), match.end() - match.start())
            if best is None or key > best[0]:
                best = (key, entry.indicator_id, match.start())
    return (best[1], best[0][0], best[2]) if best else None


def parent_of(context: str) -> str | None:
    """Return the total (a key of :data:`.lexicon.PART_OF`) named last in ``context``."""
    best = None
    for entry in entries():
        if entry.indicator_id in PART_OF:
            for match in entry.pattern.finditer(context):
                if best is None or match.end() > best[0]:
                    best = (match.end(), entry.indicator_id)
    return best[1] if best else None


def level_indicator(doc: Document, cand: Candidate, family: str, unit_length: int, previous: Target | None,
                    units: dict[str, str]) -> tuple[str, int] | None:
    """Return (indicator, start of its phrase in ``cand.before``) for a level printed in ``family``, or None."""
    found = _named_indicator(doc, cand, family, unit_length, previous, units)
    if found is None:
        return None
    indicator, keyword_start = found
    if _excluded(indicator, cand):
        return None
    if indicator.startswith("@"):
        parent = parent_of(cand.context) or own_total(cand.before[:keyword_start])
        if parent is None:
            return None
        indicator = PART_OF[parent][indicator[1:]]
    if indicator not in units or family_of(units[indicator]) != family.replace("members", "persons"):
        return None
    return indicator, keyword_start


def _named_indicator(doc: Document, cand: Candidate, family: str, unit_length: int, previous: Target | None,
                     units: dict[str, str]) -> tuple[str, int] | None:
    folded, before, end = doc.folded.text, cand.before, cand.after_start + unit_length
    searched = re.sub(r"\([^()]*\d[^()]*\)", lambda m: " " * len(m.group(0)), folded[cand.fs:end])
    found = nearest_entry(searched, family, limit=len(before))
    after = nearest_entry(folded[end:end + 25], family)
    if found is not None and after is not None and after[2] <= 3 and re.search(r"\d", before[found[1]:]):
        return after[0], len(before)  # "..., trong đó 300.000 lượt khách quốc tế": the name right after the unit wins
    if found is not None:
        return found[0], found[2]
    if previous is not None and _RUNNING_TOTAL.match(folded, doc.folded.at(cand.sentence), cand.fn) \
            and family_of(units.get(previous.indicator_id, "")) == family:
        return previous.indicator_id, 0
    if family in UNIT_ONLY:
        return UNIT_ONLY[family], len(before)
    found_after = nearest_entry(folded[end:end + 25], family)
    if found_after is None or found_after[2] > 3:
        return None
    return found_after[0], len(before)


def _excluded(indicator: str, cand: Candidate) -> bool:
    """Phrases that name the indicator's words in another sense (a stock clause, a project, forestry)."""
    before, clause = cand.before, cand.clause
    return bool(
        indicator in FLOWS_EXCLUDED_IN_STOCK_CLAUSE and re.search(r"toan tinh (co|c6|¢)|hien co|luy ke toan tinh", clause)
        or indicator.startswith(("pubinv", "enterprises")) and re.search(r"\b(du an|dy an|hop tac xa)\b", clause)
        or indicator == "merit_allowance_amount" and not re.search(r"tro cap hang thang|nguoi co cong", before)
        or indicator == "tourism_revenue" and "du lich" not in before and "khach" not in before
        or indicator in ("prod_wood", "prod_rosin") and re.search(r"khai thac|trong rung|lam nghiep", before)
        # trucks carrying goods to the gates are not the vehicles declared on the digital border platform
        or indicator == "trade_platform_vehicles" and re.search(r"\bcho hang", before)
        and not re.search(r"nen tang|khai bao", before))


def _last_sentence(paragraph: str) -> str:
    """The last sentence of the text before a number's sentence ("GRDP tăng 6,01%. Trong đó nông lâm nghiệp tăng ...")."""
    return re.split(r"[.!?]\s", paragraph.rstrip())[-1] if paragraph else ""


#: How far before a rate's 90 characters a name ending within them may start.
_PHRASE_REACH = 40


#: A rate whose own month and base are printed right before it ("..., trong đó tháng 12/2022 ước giảm 1%").
_OWN_MONTH = re.compile(r"thang \d{1,2}[/-]20\d\d (uoc (tinh )?)?(chi )?(tang|giam)\s*$")


def _sentence_subject(cand: Candidate) -> tuple[str, int, int] | None:
    """The one rate named in the sentence before a rate far from it that prints its own month (:data:`_OWN_MONTH`):
    "Chỉ số sản xuất công nghiệp (IIP) có xu hướng giảm trong quý IV do ..., trong đó tháng 12/2022 ước giảm 1%"."""
    if not _OWN_MONTH.search(cand.clause if cand.clause.strip() else cand.before):
        return None
    named = {entry.indicator_id for entry in entries() if entry.family == "rate" and entry.pattern.search(cand.before)}
    return nearest_entry(cand.before, "rate") if len(named) == 1 else None


def percentage_target(doc: Document, cand: Candidate, last_level: Target | None, measure: str | None,
                      explicit: bool) -> tuple[str | None, Target | None]:
    """Return (measure, target) of a percentage: the level before it, or a rate, index or GRDP part named."""
    report, target = doc.report, last_level
    window = cand.before[-90 - _PHRASE_REACH:]  # a name cut by the window ("xuất, | nhập khẩu") is read whole
    rate_near = nearest_entry(window, "rate")
    if rate_near and rate_near[1] <= len(window) - 90:
        rate_near = None  # no name ends in the last 90 characters
    if rate_near is None and target is None:
        window, rate_near = cand.before, _sentence_subject(cand)
    if rate_near and _BREAKDOWN_NAMED.search(window, rate_near[1]):
        rate_near = None  # "doanh thu bán lẻ hàng hóa ... có ngành hàng lương thực tăng 4,9%": a part of it
    if rate_near:
        rate_end = cand.fn - len(window) + rate_near[1]
        after_level = last_level is None or rate_end > doc.folded.at(last_level.number_end)
        rate_target = Target(rate_near[0], period_for(rate_near[0], cand.context, report, cand.clause,
                                                         paragraph=cand.paragraph),
                             cand.fn - len(window) + rate_near[2], cand.sentence, cand.number.end)
        if rate_near[0] in RATE_VALUES and after_level and not explicit:
            measure, target = "value", rate_target
        elif rate_near[0] in GROWTH_NAMED and after_level:
            target = rate_target
        elif target is None:
            target = rate_target
    if _GRDP_CUE.search(cand.context) or _GRDP_CUE.search(_last_sentence(cand.paragraph)):
        part = max(((m.end(), pid) for pid, pattern in GRDP_PARTS for m in re.finditer(pattern, cand.before[-60:])),
                   default=None)
        if part and measure in ("yoy_pct", None) and CHANGE.search(cand.before[-40:]) and \
                not re.search(r"[;,.]", cand.before[-60:][part[0]:]):
            target = Target(part[1], period_for("grdp", cand.context, report, cand.clause, paragraph=cand.paragraph),
                            max(cand.fs, cand.fn - 60 + part[0] - 40), cand.sentence, cand.number.end)
            measure = "yoy_pct"
    return measure, target
