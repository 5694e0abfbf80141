"""Tables in words for the briefings: no id, unit code or column name reaches a reader.

The notebooks show DataFrames as the analysis returns them (``indicator_id``, ``VND_bn``,
``projected_pct_of_target``): right for the economist in JupyterLab, not for a reader. In a
briefing, every DataFrame a notebook displays is shown as :func:`readable` renders it (the
kernel adds that rendering to the DataFrame's display, :mod:`lsreports.publish.reader_format`):
the indicator's name instead of its id, units, methods, verdicts, kinds of period and checks in words, dates and periods
in words, numbers formatted for reading, and column headers from :data:`COLUMNS` — all in
the current language (:mod:`lsreports.publish.i18n`). The economist's own session shows
pandas' tables as before.
"""
from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from . import i18n, labels
from .formatting import fmt_number

#: Column name (a code, or an English header of a generated table) → (English, Vietnamese).
COLUMNS: dict[str, tuple[str, str]] = {
    "indicator_id": ("Indicator", "Chỉ tiêu"), "Indicator": ("Indicator", "Chỉ tiêu"),
    "name_en": ("Indicator", "Chỉ tiêu"), "name_vi": ("Vietnamese term", "Tên tiếng Việt"),
    "Vietnamese term": ("Vietnamese term", "Tên tiếng Việt"), "name": ("Series", "Chuỗi số liệu"),
    "series": ("Series", "Chuỗi số liệu"), "pair": ("Backtest pair", "Cặp kiểm định"),
    "unit": ("Unit", "Đơn vị"), "Unit": ("Unit", "Đơn vị"), "value": ("Level", "Giá trị"), "Level": ("Level", "Giá trị"),
    "period": ("Period", "Kỳ"), "Period": ("Period", "Kỳ"), "start": ("From", "Từ"), "end": ("To", "Đến"),
    "first": ("First month", "Tháng đầu"), "last": ("Last month", "Tháng cuối"),
    "first_period": ("First period", "Kỳ đầu tiên"), "last_period": ("Latest period", "Kỳ mới nhất"),
    "measures": ("Measures", "Loại số liệu"), "period_kinds": ("Kinds of period", "Loại kỳ"),
    "rows": ("Figures", "Số liệu"), "derived_rows": ("Of which derived", "Trong đó số tính toán"),
    "domain": ("Domain", "Lĩnh vực"), "source_doc": ("Report", "Báo cáo"), "Report": ("Report", "Báo cáo"),
    "derivation": ("Derivation", "Cách tính"), "formula": ("Formula", "Công thức"),
    "ytd_end": ("Year to date to", "Lũy kế đến"), "ytd_value": ("Year to date", "Lũy kế"),
    "Year to date": ("Year to date", "Lũy kế"),
    "method": ("Method", "Phương pháp"), "Method": ("Method", "Phương pháp"),
    "projection": ("Projected year end", "Ước cả năm"), "Projected year end": ("Projected year end", "Ước cả năm"),
    "lower": ("Band from", "Cận dưới"), "upper": ("Band to", "Cận trên"), "Band": ("Band", "Khoảng dao động"),
    "target_kind": ("Against", "So với"), "Against": ("Against", "So với"),
    "target_value": ("Plan or estimate", "Kế hoạch hoặc dự toán"),
    "projected_pct_of_target": ("Projected share of plan, %", "Ước đạt so với kế hoạch, %"),
    "Share of plan or estimate": ("Share of plan or estimate", "So với kế hoạch hoặc dự toán"),
    "Band, % of plan": ("Band, % of plan", "Khoảng dao động, % kế hoạch"),
    "verdict": ("Verdict", "Đánh giá"), "Verdict": ("Verdict", "Đánh giá"),
    "Why not growth-based": ("Why not growth-based", "Lý do không dùng tốc độ tăng"),
    "confidence": ("Confidence", "Độ tin cậy"), "reason": ("Reason", "Lý do"),
    "months_remaining": ("Months left", "Số tháng còn lại"), "pace_so_far": ("Monthly pace so far", "Bình quân tháng đến nay"),
    "pace_needed": ("Monthly pace needed", "Bình quân tháng cần đạt"),
    "last_year_pace": ("Last year's monthly pace, same months", "Bình quân tháng cùng kỳ năm trước"),
    "needed_vs_so_far": ("Needed ÷ so far", "Cần đạt ÷ đến nay"),
    "needed_vs_last_year": ("Needed ÷ last year", "Cần đạt ÷ năm trước"),
    "base_value": ("Starting level", "Mức xuất phát"), "base_yoy_pct": ("Starting change on a year earlier, %",
                                                                        "Tốc độ tăng ban đầu so với cùng kỳ, %"),
    "target_yoy_pct": ("Later change on a year earlier, %", "Tốc độ tăng kỳ sau so với cùng kỳ, %"),
    "prorata_projection": ("Pro-rata projection", "Dự báo theo tỷ lệ thời gian"),
    "growth_projection": ("Growth-based projection", "Dự báo theo tốc độ tăng"),
    "national_projection": ("National-profile projection", "Dự báo theo cơ cấu cả nước"),
    "prorata_ape": ("Pro-rata error, %", "Sai số theo tỷ lệ thời gian, %"),
    "growth_ape": ("Growth-based error, %", "Sai số theo tốc độ tăng, %"),
    "national_ape": ("National-profile error, %", "Sai số theo cơ cấu cả nước, %"),
    "oracle_ape": ("Error with hindsight, %", "Sai số khi biết trước, %"),
    "known_ape": ("National profile with the known months: error, %",
                  "Sai số theo cơ cấu cả nước và các tháng đã biết, %"),
    "known_projection": ("National profile with the known months: projection",
                         "Dự báo theo cơ cấu cả nước và các tháng đã biết"),
    "known_share": ("National share with the known months", "Tỷ trọng cả nước với các tháng đã biết"),
    "known_months": ("National months known", "Số tháng cả nước đã biết"),
    "n_oracle": ("Scores with hindsight", "Số lần chấm khi biết trước"),
    "pairs": ("Pairs", "Số cặp"),
    "trailing_growth": ("Country's growth over the last 12 months (ratio)", "Tăng 12 tháng gần nhất của cả nước (lần)"),
    "flags": ("Flags", "Lưu ý"), "check": ("What disagrees", "Điểm không khớp"), "detail": ("In words", "Diễn giải"), "n": ("Scores", "Số lần chấm"),
    "width_pct_per_year": ("Band half-width per year left, %", "Nửa độ rộng khoảng cho mỗi năm còn lại, %"),
    "quantile": ("Quantile", "Phân vị"), "errors": ("Errors scored", "Số sai số"),
    "national_ids": ("National series", "Chuỗi cả nước"), "profile_years": ("Profile years", "Các năm làm cơ cấu"),
    "national_share": ("National share of the year so far", "Tỷ trọng cả nước đến nay"),
    "derived_value": ("Derived", "Số tính toán"), "printed_value": ("Printed", "Số đã in"),
    "diff_pct": ("Difference, %", "Chênh lệch, %"), "months": ("Months", "Số tháng"), "gaps": ("Gaps", "Số tháng trống"),
    "STL": ("Seasonal decomposition", "Phân tách mùa vụ"), "forecast": ("Forecast", "Dự báo"),
    "years": ("Full years", "Số năm đủ"), "growth_avg_pct": ("Average growth a year, %", "Tăng bình quân năm, %"),
    "last_year_growth_pct": ("Growth in the last full year, %", "Tăng năm gần nhất, %"),
    "peak_month": ("Peak month", "Tháng cao nhất"), "peak_pct": ("Peak, % above trend", "Cao hơn xu hướng, %"),
    "trough_month": ("Trough month", "Tháng thấp nhất"), "trough_pct": ("Trough, % below trend", "Thấp hơn xu hướng, %"),
    "pct_per_day": ("Change per Tết day, %", "Thay đổi mỗi ngày Tết, %"), "t_stat": ("t statistic", "Thống kê t"),
    "sd_before": ("Spread before", "Độ lệch trước"), "sd_after": ("Spread after", "Độ lệch sau"),
    "sarima_mase": ("SARIMA error (MASE)", "Sai số SARIMA (MASE)"),
    "sarima_tet_mase": ("SARIMA with Tết error (MASE)", "Sai số SARIMA có Tết (MASE)"),
    "winner": ("Best method", "Phương pháp tốt nhất"), "scope": ("Scope", "Phạm vi"),
    "province": ("Province", "Tỉnh"), "country": ("Country", "Cả nước"),
    "Change on last year": ("Change on a year earlier", "So với cùng kỳ"),
    "Share of plan": ("Share of plan", "So với kế hoạch"),
}
#: Forecasting methods (the columns of the backtest's pivots) → (English, Vietnamese).
FORECAST_METHODS: dict[str, tuple[str, str]] = {
    "seasonal_naive": ("Same month last year", "Cùng tháng năm trước"), "ets": ("Exponential smoothing", "San mũ"),
    "sarima": ("SARIMA", "SARIMA"), "sarima_tet": ("SARIMA with Tết", "SARIMA có Tết"),
    "holt_winters": ("Holt-Winters", "Holt-Winters"), "naive": ("Last month", "Tháng trước"),
    "drift": ("Trend of the past", "Xu hướng quá khứ"), "stl": ("STL", "STL"),
}
#: Consistency checks → (English, Vietnamese) (the ``flags`` cells of the backtest).
#: The catalogue's domains (the band widths are pooled by domain, or over ``all``).
DOMAINS: dict[str, tuple[str, str]] = {
    "all": ("all domains", "mọi lĩnh vực"), "trade": ("trade", "thương mại qua biên giới"),
    "budget": ("budget", "ngân sách"), "industry": ("industry", "công nghiệp"), "tourism": ("tourism", "du lịch"),
    "social": ("social", "xã hội"), "commerce": ("commerce", "thương mại và doanh nghiệp"),
    "macro": ("growth (GRDP)", "tăng trưởng (GRDP)"),
}
CHECKS: dict[str, tuple[str, str]] = {
    "unit_anomaly": ("unit out of line", "đơn vị bất thường"), "implied_plan": ("plans disagree", "kế hoạch không khớp"),
    "conflict_in_source": ("report contradicts itself", "báo cáo tự mâu thuẫn"),
    "source_typo": ("misprint", "in sai"), "implied_vs_printed": ("implied level differs", "mức suy ra chênh lệch"),
    "part_rates": ("parts' rates disagree", "tốc độ thành phần không khớp"),
    "low_confidence": ("low confidence", "độ tin cậy thấp"), "high": ("high", "cao"), "low": ("low", "thấp"),
    "normal": ("normal", "bình thường"), "printed": ("printed", "in trong báo cáo"), "derived": ("derived", "tính toán"),
    "growth_against_levels": ("growth against levels", "tốc độ tăng so với mức"), "ytd_sums": ("years to date add up",
                                                                                           "cộng dồn lũy kế"),
    "misplaced_cumulative": ("cumulative figure misplaced", "số lũy kế đặt sai kỳ"),
    "implied_span": ("implied months", "các tháng suy ra"), "implausible_year_end": ("implausible year end",
                                                                                   "ước cả năm bất hợp lý"),
    "break_of_basis": ("break of basis", "thay đổi phạm vi thống kê"), "repeated_month": ("month repeated",
                                                                                        "tháng lặp lại"),
    "growth_convention": ("growth convention", "cách tính tốc độ tăng"), "missing_months": ("missing months",
                                                                                           "thiếu tháng"),
    "prints_disagree": ("prints disagree", "các bản in khác nhau"),
    "unresolved_level_error": ("unresolved level error", "lỗi mức chưa giải quyết"),
    "one_off_or_dominant_part": ("one-off or dominant part", "thành phần đột biến hoặc chi phối"),
    "spot_check": ("spot check", "kiểm tra đối chiếu"), "plan_parts": ("parts' plans disagree",
                                                                    "kế hoạch thành phần không khớp"),
    "month_vs_ytd": ("month above its year to date", "tháng lớn hơn lũy kế"),
    "parts_vs_total": ("parts against total", "thành phần so với tổng"),
    "misprint_read": ("misprint read", "đọc lại số in sai"),
}
_SNAKE = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\b\d{3}_[0-9a-f]{6,}\b")


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if i18n.lang() == "vi" else pair[0]


@functools.cache
def _catalogue_names(code: str) -> dict[str, str]:
    from ..sources.loader import indicators

    with i18n.using(code):
        return labels.indicator_names(indicators(national=True))


@functools.cache
def _report_names(code: str) -> dict[str, str]:
    from ..sources.loader import reports

    with i18n.using(code):
        return {**labels.national_table_names(), **labels.report_names(reports())}


def column_words(column: object) -> str:
    """A column header in words (a code unknown to :data:`COLUMNS` with its underscores spaced)."""
    if isinstance(column, tuple):
        return " / ".join(column_words(c) for c in column if str(c))
    key = str(column)
    if key in COLUMNS:
        return _pick(COLUMNS[key])
    if key in FORECAST_METHODS:
        return _pick(FORECAST_METHODS[key])
    return cell_words(key)


def cell_words(value: object) -> str:
    """One cell in words: an id, a unit, method, verdict, kind or check code, a date or a number."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return ("có" if value else "không") if i18n.lang() == "vi" else ("yes" if value else "no")
    if isinstance(value, pd.Timestamp):
        return labels.date(value)
    if isinstance(value, pd.Period):
        return labels.month(value.to_timestamp()) if value.freqstr.startswith("M") else str(value)
    if isinstance(value, (int, np.integer)):
        return fmt_number(float(value), 0) if abs(value) >= 10000 else str(value)
    if isinstance(value, (float, np.floating)):
        return fmt_number(float(value))
    return _text_words(str(value))


def _code_words(code: str) -> str:
    """One code (a whole token) in words, or the code itself when it is none of the known kinds."""
    names, lang = _catalogue_names(i18n.lang()), i18n.lang()
    for table in (names, _report_names(lang)):
        if code in table:
            return table[code]
    for pair_table in (FORECAST_METHODS, CHECKS, DOMAINS):
        if code in pair_table:
            return _pick(pair_table[code])
    for english, lookup in ((labels.UNITS, labels.unit), (labels.METHODS_SHORT, lambda c: labels.method(c, short=True)),
                            (labels.TARGET_KINDS, labels.target_kind), (labels.VERDICTS, labels.verdict),
                            (labels.PERIOD_KINDS, labels.period_kind), (labels.MEASURES, labels.measure)):
        if code in english:
            return lookup(code)
    return code


_VERDICT_TEXT = re.compile(r"^(likely|undetermined|unlikely)(, but the inputs are in doubt \((\d+) flags?\))?: "
                           r"(\d+) % of (.+?)(, band (\d+)-(\d+) %|, no band)? \((.+)\)$")
_PROJECTED_TEXT = re.compile(r"^projected ([\d,.]+) (.+?) \((.+)\); no plan printed$")
_NO_LEVEL = re.compile(r"no level for (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}) \(printed, or implied by a \S+ beside "
                       r"the year to date\)")


def _verdict_words(match: re.Match, vi: bool) -> str:
    """A projection's ``verdict_text`` (:mod:`lsreports.analysis.yearend.projection`) in words."""
    english_kinds = {**{words: code for code, words in labels.TARGET_KINDS.items()},
                     **{words: code for code, words in labels.TARGET_KINDS_SHORT.items()},
                     "local budget est.": "est_local", "central budget est.": "est_central"}
    kind = english_kinds.get(match[5], english_kinds.get("the " + match[5], "plan"))
    target = labels.target_kind(kind if kind in labels.TARGET_KINDS else "plan", short=True)
    doubt = ""
    if match[2]:
        doubt = (f", nhưng số liệu đầu vào có lưu ý ({match[3]})" if vi
                 else f", but the inputs are in doubt ({match[3]} flag{'s' if match[3] != '1' else ''})")
    band = (f", {'khoảng' if vi else 'band'} {match[7]}–{match[8]} %" if match[7] else
            (", không có khoảng dao động" if vi else ", no band") if match[6] else "")
    method = {"growth-based": "growth", "pro-rata": "pro_rata"}.get(match[9], match[9])
    return (f"{labels.verdict(match[1])}{doubt}: {match[4]} % {'' if vi else 'of '}{target}{band} "
            f"({labels.method(method, short=True)})")


def _analysis_text(text: str) -> str | None:
    """The projection's verdict and fallback texts (:mod:`lsreports.analysis.yearend.projection`) in words."""
    vi = i18n.lang() == "vi"
    if match := _VERDICT_TEXT.match(text):
        return _verdict_words(match, vi)
    if match := _PROJECTED_TEXT.match(text):
        return (f"{'ước' if vi else 'projected'} {fmt_number(float(match[1].replace(',', '')))} "
                f"{_code_words(match[2])} ({labels.method('pro_rata', short=True)}); "
                f"{'không có kế hoạch' if vi else 'no plan printed'}")
    parts = text.split("; ")
    if any(_REASONS[0].match(part) or any(r.match(part) for r in _REASONS) for part in parts):
        return "; ".join(_reason_words(part, vi) for part in parts)
    return None


_REASONS = (_NO_LEVEL, re.compile(r"^no level for the whole of (\d{4}) nor its first 11 months \(printed or implied\)$"),
            re.compile(r"^(growth rate|last year's same period|last year's level) flagged (\w+)$"),
            re.compile(r"^last year's share ([\d.e+-]+) outside \(0, 1\]: inputs inconsistent$"))
_REASON_WHAT = {"growth rate": ("the growth rate", "tốc độ tăng"),
                "last year's same period": ("last year's same period", "cùng kỳ năm trước"),
                "last year's level": ("last year's level", "mức năm trước")}


def _reason_words(part: str, vi: bool) -> str:
    """One reason a projection falls back to pro-rata (:mod:`lsreports.analysis.yearend.projection`) in words."""
    if match := _REASONS[0].search(part):
        template = ("không có mức của {} (in trong báo cáo hoặc suy ra từ tốc độ tăng)" if vi
                    else "no level for {} (printed, or implied by the change printed beside the year to date)")
        return _REASONS[0].sub(lambda m: template.format(labels.period(m[1], m[2])), part)
    if match := _REASONS[1].match(part):
        return (f"không có mức cả năm {match[1]} hay 11 tháng đầu năm (in trong báo cáo hoặc suy ra)" if vi
                else f"no level for the whole of {match[1]} nor its first 11 months (printed or implied)")
    if match := _REASONS[2].match(part):
        what = _REASON_WHAT[match[1]][1 if vi else 0]
        return f"{what} {'có lưu ý' if vi else 'is flagged'}: {_code_words(match[2])}"
    if match := _REASONS[3].match(part):
        return (f"tỷ trọng năm trước {fmt_number(float(match[1]))} nằm ngoài (0, 1]: số liệu đầu vào không khớp" if vi
                else f"last year's share {fmt_number(float(match[1]))} is outside (0, 1]: the inputs disagree")
    return _text_words(part) if ";" not in part else part


@functools.cache
def _english_names(code: str) -> dict[str, str]:
    """An indicator's English name → its name in ``code`` (frames that show ``name_en``)."""
    from ..sources.loader import indicators

    catalogue = indicators(national=True)
    with i18n.using(code):
        names = labels.indicator_names(catalogue)
    return {english: names[i] for i, english in zip(catalogue["indicator_id"], catalogue["name_en"])}


def _text_words(text: str) -> str:
    """A text cell: a whole code in words; codes inside a longer text (lists, reasons) too."""
    if i18n.lang() == "vi" and text in _english_names("vi"):
        return _english_names("vi")[text]
    if (words := _analysis_text(text)) is not None:
        return words
    whole = _code_words(text.strip())
    if whole != text.strip():
        return whole
    if ", " in text and all(_code_words(part) != part for part in text.split(", ")):
        return ", ".join(_code_words(part) for part in text.split(", "))
    return _SNAKE.sub(lambda m: _code_words(m[0]) if _code_words(m[0]) != m[0] else m[0].replace("_", " "), text)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as a reader sees it: index made a column, headers and cells in words (strings).

    Parameters
    ----------
    frame : pandas.DataFrame
        Any frame a notebook displays.

    Returns
    -------
    pandas.DataFrame
        Same rows, every cell a string in the current language; a default (range) index is
        dropped, any other index becomes the first column.
    """
    shown = _flags_in_words(frame.copy())
    if not isinstance(shown.index, pd.RangeIndex) or any(n is not None for n in shown.index.names):
        shown = shown.reset_index(names=[n if n is not None else "" for n in shown.index.names]
                                  if shown.index.nlevels > 1 else (shown.index.name or "Indicator"))
    shown = shown.reset_index(drop=True)
    cells = {i: [cell_words(v) for v in shown.iloc[:, i].tolist()] for i in range(shown.shape[1])}
    result = pd.DataFrame({i: cells[i] for i in range(shown.shape[1])})
    result.columns = [column_words(c) for c in shown.columns]
    return result


def _flags_in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """A flag table (``check``, ``detail``): the detail as a sentence in words, the curators' columns dropped."""
    if not {"check", "detail"} <= set(frame.columns):
        return frame
    from .flag_words import flag_sentence

    frame["detail"] = [flag_sentence(row) for row in frame.to_dict("records")]
    return frame.drop(columns=[c for c in ("evidence", "source_docs", "severity") if c in frame.columns])


def readable_html(frame: pd.DataFrame) -> str:
    """:func:`readable` as an HTML table (the briefings' DataFrame format)."""
    return readable(frame).to_html(index=False, escape=True, border=0, classes="lsr-reader")


__all__ = ["COLUMNS", "FORECAST_METHODS", "CHECKS", "BARE_CODES", "table_codes", "column_words", "cell_words", "readable",
           "readable_html"]


#: Codes a whole cell may be without an underscore (methods, kinds, verdicts, unit codes).
BARE_CODES = frozenset({"growth", "pro_rata", "prorata", "plan", "value", "ytd", "ytd_day", "month", "point", "span", "likely",
                        "unlikely", "undetermined", "kt", "t", "pct", "est_local", "est_central", "yoy_pct"})
_CODE = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\b\d{3}_[0-9a-f]{6,}\b")


def table_codes(html: str) -> list[str]:
    """Every table header or cell of an HTML page that shows a code: ``"<cell text>"`` per offence.

    A code is a snake_case id or column name (``budget_revenue_domestic``, ``projected_pct_of_target``),
    a unit code (``VND_bn``), a report id (``003_f6a0f138``), or a whole cell that is a bare code
    of :data:`BARE_CODES` (``growth``, ``likely``).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    found = []
    for cell in soup.find_all(["th", "td"]):
        words = " ".join(cell.get_text(" ").split())
        if _CODE.search(words) or words in BARE_CODES:
            found.append(words)
    return found
