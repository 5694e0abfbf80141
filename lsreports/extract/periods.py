"""Periods: the month a report is about, and the period a phrase before a number names."""
from __future__ import annotations

import calendar
import re
import dataclasses
from dataclasses import dataclass

import pandas as pd

from .lexicon import STOCKS


@dataclass(frozen=True)
class ReportMonth:
    year: int
    month: int

    @property
    def month_start(self) -> pd.Timestamp:
        return pd.Timestamp(self.year, self.month, 1)

    @property
    def month_end(self) -> pd.Timestamp:
        return pd.Timestamp(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


class ReportMonthError(ValueError):
    """The report's month can be read neither from its text nor from ``--month``."""


_TITLE_MONTH = re.compile(r"thang (\d{1,2})\b[^.]{0,60}?nam (20\d\d)")
_YTD_PHRASE = re.compile(r"(\d{1,2}) thang dau nam (20\d\d)")


def report_month(folded: str, month: str | None = None) -> ReportMonth:
    """Return the month a report is about: ``month`` ("YYYY-MM") if given, else read from the text.

    The title ("tháng 11 và 11 tháng năm 2025", "tháng 5 ... năm 2026") is read from the
    first 1,500 characters; failing that, the most frequent "N tháng đầu năm YYYY".
    """
    if month:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", month.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ReportMonthError(f"--month must be YYYY-MM, got {month!r}")
        return ReportMonth(int(match.group(1)), int(match.group(2)))
    head = folded[:1500]
    found = _TITLE_MONTH.search(head)
    if found and 1 <= int(found.group(1)) <= 12:
        return ReportMonth(int(found.group(2)), int(found.group(1)))
    counts = pd.Series([m.groups() for m in _YTD_PHRASE.finditer(folded)], dtype=object).value_counts()
    if len(counts):
        months, year = counts.index[0]
        return ReportMonth(int(year), int(months))
    raise ReportMonthError("the report's month is not stated in its title; give it with --month YYYY-MM")


@dataclass(frozen=True)
class Period:
    start: pd.Timestamp
    end: pd.Timestamp
    kind: str  # month, ytd, ytd_day, point
    inferred: bool = False  # no period phrase was found: the report's year to date by default


_DATE = r"(\d{1,2})/(\d{1,2})/(20\d\d)"
#: Numbers of months written in words ("sáu tháng", "Tám tháng năm 2025"); "năm" (five) is left out: it is also "year".
MONTH_WORDS: dict[str, int] = {"hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                               "muoi mot": 11, "muoi hai": 12}
#: Months named in words ("tháng Tám", "tháng Mười"). Left out: "tháng năm" and "tháng sáu/sau" ("năm" is also
#: "year", "sau" also "after": "tháng sau" is the next month), "tháng Giêng" and "tháng Chạp", the lunar
#: calendar's ("mùng 5 tháng Giêng"), a month after a day ("29 tháng Chạp") and "tháng tư vấn" (no April).
MONTH_NAMES: dict[str, int] = {"hai": 2, "ba": 3, "tu": 4, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
                               "muoi mot": 11, "muoi hai": 12}
PHRASES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"tu (ngay )?(\d{1,2})(?:[/-](\d{1,2}))? (den|toi) (het )?(ngay )?(\d{1,2})[/-](\d{1,2})(?:[/-](20\d\d))?\b"),
     "days"),
    # "so với quý 4/2019" is the base of a change, never the period of the figures after it (fs8: Q4 2020's CPI
    # groups after "tăng 1,38% so với quý 4/2019, trong đó ..." were read as 2019's)
    (re.compile(r"(?<!so voi )(?<!so )\bquy (iv|iii|ii|i|[1-4])\b(?:(?:[/-]| nam )(20\d\d))?"), "quarter"),
    (re.compile(r"(luy ke|lily ke|tinh) (den|dén|dén) (ngay )?" + _DATE), "ytd_day"),
    (re.compile(r"(den|dén) (ngay |het ngay )?" + _DATE), "to_day"),
    (re.compile(r"(den|dén) (het )?thang (\d{1,2})/(20\d\d)"), "to_month"),
    (re.compile(r"(den |luy ke |lily ke )?het thang (\d{1,2})\b"), "to_month_this_year"),
    # "còn 1 tháng nữa" counts the months left, not a period
    (re.compile(r"(\d{1,2}|" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r") thang (dau nam|nam|\b)(?!nua\b)"),
     "months"),
    (re.compile(r"nua (dau|dau) nam"), "first_half"),
    # "so với tháng 7/2025" is the base of a change (:func:`.measure.named_month_base`), not the figure's month
    (re.compile(r"(?<!so voi )(?<!so )thang (\d{1,2})([/-](20\d\d))?\b"), "month"),
    (re.compile(r"(?<!so voi )(?<!so )(?<!\d )\bthang (" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
                + r")\b(?! (?:ngay|lan|dau|van)\b)(?:(?:[/-]| nam )(20\d\d))?"), "month_name"),
    (re.compile(r"trong thang|thang nay|hang thang"), "this_month"),
    # "cùng kỳ năm 2024 là 1.029,6 tỷ đồng" names the period of a figure printed for it; after "so với" it is
    # the base of a comparison, never a period (nor after "so với bình quân"), and "(cùng kỳ năm 2024 tăng 8,8%)" is
    # read by rows._COMPARISON
    (re.compile(r"(?<!so voi )(?<!so )(?<!\()(?<!binh quan )(cung|cing) ky nam (20\d\d)\b(?! (tang|giam|ting|glam)\b)"),
     "same_period"),
    (re.compile(r"luy ke|lily ke|tinh chung|tu dau nam|luy ke nam|cong don"), "ytd"),
    (re.compile(r"(?<!dau )(?<!hoach )(?<!ky )(?<!ki )(?<!\d )\bnam (20\d\d)\b"), "year"),
)


def period_from(kind: str, match: re.Match, report: ReportMonth) -> Period | None:
    """Turn a period phrase into a period, reading its numbers in the report's year."""
    y = report.year
    if kind == "days":
        return _days(match, report)
    if kind == "year":  # the whole year, in a report on a year's results only
        year = int(match.group(1))
        return Period(pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), "ytd") if (
            year == report.year and report.month == 12) else None
    if kind == "quarter":
        quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(match.group(1)) or int(match.group(1))
        year = int(match.group(2)) if match.group(2) else y
        return Period(pd.Timestamp(year, 3 * quarter - 2, 1), ReportMonth(year, 3 * quarter).month_end, "quarter")
    if kind in ("ytd_day", "to_day"):
        day, month, year = (int(g) for g in match.groups()[-3:])
        try:
            end = pd.Timestamp(year, month, day)
        except ValueError:
            return None
        return Period(pd.Timestamp(year, 1, 1), end, "ytd_day" if kind == "ytd_day" else "to_day")
    if kind == "to_month":
        month, year = int(match.group(3)), int(match.group(4))
        if not 1 <= month <= 12:
            return None
        rm = ReportMonth(year, month)
        return Period(pd.Timestamp(year, 1, 1), rm.month_end, "ytd")
    if kind == "to_month_this_year":
        month = int(match.group(2))
        if not 1 <= month <= 12:
            return None
        return Period(pd.Timestamp(y, 1, 1), ReportMonth(y, month).month_end, "ytd")
    if kind == "first_half":
        return Period(pd.Timestamp(y, 1, 1), ReportMonth(y, 6).month_end, "ytd") if report.month >= 6 else None
    if kind == "months":
        months = MONTH_WORDS.get(match.group(1)) or int(match.group(1))
        if not 1 <= months <= 12 or months > report.month and report.month != 12:
            return None
        return Period(pd.Timestamp(y, 1, 1), ReportMonth(y, months).month_end, "ytd")
    if kind == "month":
        month = int(match.group(1))
        year = int(match.group(3)) if match.group(3) else y
        if not 1 <= month <= 12:
            return None
        rm = ReportMonth(year, month)
        return Period(rm.month_start, rm.month_end, "month")
    if kind == "month_name":
        rm = ReportMonth(int(match.group(2)) if match.group(2) else y, MONTH_NAMES[match.group(1)])
        return Period(rm.month_start, rm.month_end, "month")
    if kind == "same_period":
        year = int(match.group(2))
        return Period(pd.Timestamp(year, 1, 1), ReportMonth(year, report.month).month_end, "ytd")
    if kind == "this_month":
        return Period(report.month_start, report.month_end, "month")
    return Period(pd.Timestamp(y, 1, 1), report.month_end, "ytd")


def _days(match: re.Match, report: ReportMonth) -> Period | None:
    """"từ ngày 8/2 đến ngày 14/2", "từ ngày 1 đến hết 15-12": the days between, in the report's year."""
    first, first_month, last, month, year = (match.group(i) for i in (2, 3, 7, 8, 9))
    year = int(year) if year else report.year
    try:
        start = pd.Timestamp(year, int(first_month or month), int(first))
        end = pd.Timestamp(year, int(month), int(last))
    except ValueError:
        return None
    return Period(start, end, "span") if start <= end else None


def periods_named(folded: str, report: ReportMonth, skip: tuple[str, ...] = ()) -> list[tuple[int, Period]]:
    """Every period phrase in ``folded`` of a kind not in ``skip``: (where it ends, its period), in the text's order."""
    named = []
    for pattern, kind in PHRASES:
        if kind in skip:
            continue
        for match in pattern.finditer(folded):
            period = period_from(kind, match, report)
            if period is not None:
                named.append((match.end(), period))
    return sorted(named, key=lambda found: found[0])


def last_period(folded: str, report: ReportMonth, skip: tuple[str, ...] = ()) -> Period | None:
    """The period named by the last period phrase in ``folded`` (the text before a number), of a kind not in ``skip``."""
    named = periods_named(folded, report, skip)
    return max(named, key=lambda found: found[0])[1] if named else None


def carried_period(paragraph: str, report: ReportMonth) -> Period | None:
    """The period a sentence without one takes from the earlier sentences of its paragraph.

    The last sentence that names a period gives it, the last it names ("quý III ... ; tính chung 9
    tháng ...": the 9 months; "tháng 10 tăng 10,8% ... và tăng 9,2% trong 10 tháng": the 10 months). When it names several periods of that kind ("Quý II chỉ ghi nhận
    hơn 57.000 lượt khách, quý III là 51.000 lượt": parts named in passing), which one the next
    sentence means is a guess: the last, marked ``inferred``.
    """
    for sentence in reversed(re.split(r"(?<=[.!?])\s+", paragraph)):
        named = periods_named(sentence, report, skip=("same_period",))  # a base compared with is no topic
        named += [(sign.end(), later) for sign in re.finditer("%", sentence)  # "tăng 9,2% trong 10 tháng"
                  if (later := period_after(sentence[sign.start():], report)) is not None]
        if named:
            period = max(named, key=lambda found: found[0])[1]
            spans = {(other.start, other.end) for _, other in named if other.kind == period.kind}
            return period if len(spans) == 1 else dataclasses.replace(period, inferred=True)
    return None


_CLOSED_BRACKET = re.compile(r"\([^()]*\)")


def period_for(indicator_id: str, context: str, report: ReportMonth, clause: str = "", ahead: str = "",
               lead: Period | None = None, paragraph: str = "") -> Period:
    """Stage 4, period: the period of a number of ``indicator_id``.

    A phrase in its clause, else "lũy kế" later in the clause (so this is the month), else the
    period of the level it follows (``lead``), else a phrase earlier in the sentence or the
    footnote's anchor, else one in the earlier sentences of its paragraph, else the year to date. A stock is read at the period's end (or at the end
    of an earlier year it names); public investment against an earlier year's plan spans from
    that year.
    """
    period = last_period(clause, report) if clause else None
    if period is None and re.search(r"\b(luy ke|lily ke)\b", ahead):
        period = Period(report.month_start, report.month_end, "month")
    if period is None and lead is not None:
        period = lead
    if period is None:  # a period inside a closed bracket is the bracket's ("(quý III tăng 11,4%)"), not a later figure's
        period = last_period(_CLOSED_BRACKET.sub(" ", context), report)
    if period is None and paragraph:
        period = carried_period(paragraph, report)
    if period is None:
        period = Period(pd.Timestamp(report.year, 1, 1), report.month_end, "ytd", inferred=True)
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


#: A period printed right after a rate: "tăng 7,2% trong 2 tháng đầu năm 2025", "tăng 9,2% trong 10 tháng".
_AFTER_RATE = re.compile(r"^\s?%\s*(so voi cung ky( nam truoc)?\s*)?trong (\d{1,2}|"
                         + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r") thang( dau nam)?( (nam )?(20\d\d))?\b")


def period_after(after: str, report: ReportMonth) -> Period | None:
    """The year to date a rate names right after itself ("tăng 9,2% trong 10 tháng"), else ``None``."""
    match = _AFTER_RATE.match(after)
    if match is None:
        return None
    months = MONTH_WORDS.get(match.group(3)) or int(match.group(3))
    year = int(match.group(7)) if match.group(7) else report.year
    if not 1 <= months <= 12 or year == report.year and months > report.month:
        return None
    return Period(pd.Timestamp(year, 1, 1), ReportMonth(year, months).month_end, "ytd")


#: "các năm 2016-2021 so với năm trước lần lượt là: tăng 2,66%; tăng 3,53%; ...": one rate per year, in order.
_YEAR_LIST = re.compile(r"cac nam (20\d\d)\s*[-–]\s*(20\d\d)\b[^.%]{0,80}?lan luot( la)?\s*:?")
#: "CPI năm 2024 tăng 3,66%": the rate of a year named right before its verb.
_YEAR_BEFORE_VERB = re.compile(r"(?<!ky )(?<!ki )(?<!voi )(?<!so )(?<!voi binh quan )(?<!hoach )"
                               r"\bnam (20\d\d),?\s+(tang|giam)( nhe| manh)?\s*$")


def listed_year(before: str, report: ReportMonth) -> Period | None:
    """The year of a rate in a list of years ("các năm 2016-2021 ... lần lượt là: tăng a%; tăng b%; ...") or of
    an earlier year named right before its verb ("CPI năm 2024 tăng 3,66%"), else ``None``.

    The list's rates are counted from its opening; a rate beyond its last year is not placed.
    """
    opening = None
    for opening in _YEAR_LIST.finditer(before):
        pass
    if opening is not None:
        year = int(opening.group(1)) + before[opening.end():].count("%")
        return Period(pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), "ytd") if (
            year <= int(opening.group(2))) else None
    named = _YEAR_BEFORE_VERB.search(before)
    if named and int(named.group(1)) < report.year:
        year = int(named.group(1))
        return Period(pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), "ytd")
    return None


def reserved(year: int) -> bool:
    """Whether a year is reserved for evaluation (2023, and before 2019): a comparison's figure of it gives no row."""
    return year == 2023 or year < 2019


def year_earlier(period: Period) -> Period:
    """The same period a year before (a month's end stays a month's end)."""
    end = period.end - pd.DateOffset(years=1)
    if period.end.is_month_end:
        end = end + pd.offsets.MonthEnd(0)
    return Period(period.start - pd.DateOffset(years=1), end, period.kind)
