"""The one table of reader's labels: units, measures, plan kinds, methods and report names.

Every page, chart and table a reader sees takes its words from here, never from the
codebook's ids: ``USD_mn`` is "million USD", ``est_local_pct`` is "share of the
provincial budget estimate", and a report is named by what it covers ("report to May
2026"), not by its id cut to three characters.
"""
from __future__ import annotations

import pandas as pd

from . import i18n
from ..sources.units import UNIT_TABLE

#: Codebook unit → words.
UNITS: dict[str, str] = {code: unit.words for code, unit in UNIT_TABLE.items()}
#: Contract measure → words.
MEASURES: dict[str, str] = {
    "value": "level", "yoy_pct": "change on a year earlier", "mom_pct": "change on the previous month",
    "plan_pct": "share of the year's plan", "est_central_pct": "share of the central budget estimate",
    "est_local_pct": "share of the provincial budget estimate",
}
#: Plan or estimate kind → words (what a year end is compared with).
TARGET_KINDS: dict[str, str] = {
    "plan": "the year's plan", "est_central": "the central budget estimate",
    "est_local": "the provincial budget estimate",
}
#: Short forms of :data:`TARGET_KINDS`, for chart labels.
TARGET_KINDS_SHORT: dict[str, str] = {"plan": "plan", "est_local": "provincial budget est.",
                                      "est_central": "central budget est."}
#: Projection or nowcast method → words.
METHODS: dict[str, str] = {
    "growth": "growth-based (last year's level times the growth so far)", "pro_rata": "pro-rata (the pace so far)",
    "seasonal_share": "seasonal share (last year's profile)", "not_projected": "not projected (not a flow)",
}
#: Short forms of :data:`METHODS`, for table cells (the full words go in the tooltip).
METHODS_SHORT: dict[str, str] = {"growth": "growth-based", "pro_rata": "pro rata", "seasonal_share": "seasonal share",
                                  "not_projected": "not projected",
                                  "prorata": "pro rata"}  # the backtest's spelling (yearend.backtest.METHODS)
#: A row's ``status`` → the word every figure of that status carries (a figure done says nothing):
#: curation guide, "Statuses" (the report's "ước", "đề xuất", "cần hỗ trợ", ...).
STATUSES: dict[str, str] = {
    "actual": "", "estimate": "estimate", "proposed": "proposed", "needed": "needed", "planned": "planned",
    "registered": "registered",
}
#: Period kind (:func:`lsreports.sources.periods.period_kind`) → words.
PERIOD_KINDS: dict[str, str] = {
    "month": "month", "ytd": "year to date", "year": "whole year", "ytd_day": "year to a stated day",
    "point": "at a date", "span": "multi-year span",
}


#: Projection verdict against plan → words.
VERDICTS: dict[str, str] = {"likely": "on track", "undetermined": "in doubt", "unlikely": "off track"}

#: The same tables in Vietnamese (the reports' own terms where they have one).
VI: dict[str, dict[str, str]] = {
    "UNITS": {
        "USD_mn": "triệu USD", "VND_bn": "tỷ đồng", "kt": "nghìn tấn", "t": "tấn", "thousand_m3": "nghìn m³",
        "mn_kWh": "triệu kWh", "mn_bricks": "triệu viên", "thousand_visits": "nghìn lượt", "persons": "người",
        "households": "hộ", "houses": "căn nhà", "visits": "lượt", "vehicles": "phương tiện",
        "enterprises": "doanh nghiệp", "kg": "kg", "pct": "%"},
    "MEASURES": {
        "value": "mức", "yoy_pct": "so với cùng kỳ", "mom_pct": "so với tháng trước",
        "plan_pct": "so với kế hoạch năm", "est_central_pct": "so với dự toán trung ương giao",
        "est_local_pct": "so với dự toán tỉnh giao"},
    "TARGET_KINDS": {"plan": "kế hoạch năm", "est_central": "dự toán trung ương giao",
                     "est_local": "dự toán tỉnh giao"},
    "TARGET_KINDS_SHORT": {"plan": "kế hoạch", "est_local": "dự toán tỉnh", "est_central": "dự toán trung ương"},
    "METHODS": {
        "growth": "theo tốc độ tăng (mức năm trước nhân tốc độ tăng lũy kế)",
        "pro_rata": "theo tỷ lệ thời gian (nhịp độ đến nay)",
        "seasonal_share": "theo tỷ trọng mùa vụ (cơ cấu năm trước)",
        "not_projected": "không dự báo (không phải chỉ tiêu dòng)"},
    "METHODS_SHORT": {"growth": "theo tốc độ tăng", "pro_rata": "theo tỷ lệ thời gian", "prorata": "theo tỷ lệ thời gian",
                      "seasonal_share": "theo mùa vụ", "not_projected": "không dự báo"},
    "PERIOD_KINDS": {"month": "tháng", "ytd": "lũy kế từ đầu năm", "year": "cả năm",
                     "ytd_day": "lũy kế đến một ngày", "point": "tại một thời điểm", "span": "nhiều năm"},
    "VERDICTS": {"likely": "có khả năng đạt", "undetermined": "chưa chắc chắn", "unlikely": "khó đạt"},
    "STATUSES": {"actual": "", "estimate": "ước tính", "proposed": "đề xuất", "needed": "cần hỗ trợ",
                 "planned": "dự kiến", "registered": "đăng ký"},
}


def _table(name: str, english: dict[str, str]) -> dict[str, str]:
    """The table ``name`` in the current language (English: ``english`` itself)."""
    return VI[name] if i18n.lang() == "vi" else english


def _lookup(table: dict[str, str], key: object) -> str:
    if key is None or (isinstance(key, float) and pd.isna(key)) or key is pd.NA:
        return ""
    fallback = table
    for name, english in _ENGLISH.items():
        if table is english:
            table = _table(name, english)
            break
    return table.get(str(key)) or fallback.get(str(key), str(key).replace("_", " "))


def unit(code: object) -> str:
    """Words for a codebook unit (``USD_mn`` → ``million USD``); an unknown code with its underscores spaced."""
    return _lookup(UNITS, code)


def measure(code: object) -> str:
    """Words for a measure (``yoy_pct`` → ``change on a year earlier``)."""
    return _lookup(MEASURES, code)


def target_kind(code: object, *, short: bool = False) -> str:
    """Words for a plan kind (``est_local`` → ``the provincial budget estimate``)."""
    return _lookup(TARGET_KINDS_SHORT if short else TARGET_KINDS, code)


def method(code: object, *, short: bool = False) -> str:
    """Words for a projection method (``seasonal_share`` → ``seasonal share (last year's profile)``)."""
    return _lookup(METHODS_SHORT if short else METHODS, code)


def status(code: object) -> str:
    """The word a figure of this status carries: '' for a figure done (``actual``) or no status.

    Examples
    --------
    >>> status("proposed"), status("actual"), status(None)
    ('proposed', '', '')
    """
    return _lookup(STATUSES, code)


def share_base(row, *, short: bool = False) -> str:
    """The base of a printed share in words (``all houses approved``, ``capital plan excl. carry-over``).

    From the curated table of bases and, where it has no entry, from the row's measure and
    quote (:func:`lsreports.sources.bases.share_base`); never a default "plan" for a share
    the report measures against something else.
    """
    from ..sources.bases import share_base as base_of

    return base_of(row, short=short)


def with_status(shown: str, row) -> str:
    """``shown`` followed by its row's status word in brackets: ``8,000 households (proposed)``.

    A figure done (``actual``), a row without a status and a derived figure are shown as they
    are; so is a rate (``*_pct``), which is read beside its level and shares its status.
    """
    get = row.get if hasattr(row, "get") else (lambda key, default=None: default)
    if bool(get("derived", False)) or str(get("measure", "value")).endswith("_pct"):
        return shown
    word = status(get("status"))
    return f"{shown} ({word})" if word else shown


def period_kind(code: object) -> str:
    """Words for a period kind (``ytd`` → ``year to date``)."""
    return _lookup(PERIOD_KINDS, code)


def verdict(code: object) -> str:
    """Words for a verdict against plan (``likely`` → ``on track``; '' → '')."""
    return _lookup(VERDICTS, code) if code else ""


_ENGLISH = {"UNITS": UNITS, "MEASURES": MEASURES, "TARGET_KINDS": TARGET_KINDS,
            "TARGET_KINDS_SHORT": TARGET_KINDS_SHORT, "METHODS": METHODS, "METHODS_SHORT": METHODS_SHORT,
            "PERIOD_KINDS": PERIOD_KINDS, "VERDICTS": VERDICTS, "STATUSES": STATUSES}
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def name_column() -> str:
    """The catalogue's name column in the current language: ``name_en`` or ``name_vi``."""
    return "name_vi" if i18n.lang() == "vi" else "name_en"


def indicator_names(catalogue: pd.DataFrame) -> dict[str, str]:
    """Indicator id → its name in the current language (the English name where the Vietnamese is empty)."""
    frame = catalogue.reset_index() if "indicator_id" not in catalogue.columns else catalogue
    english = dict(zip(frame["indicator_id"], frame["name_en"]))
    if i18n.lang() != "vi" or "name_vi" not in frame:
        return english
    names = {i: v for i, v in zip(frame["indicator_id"], frame["name_vi"]) if isinstance(v, str) and v.strip()}
    for i in english:
        if i not in names:  # an implied plan's id names its indicator's plan: in the indicator's Vietnamese name
            base, kind = next(((i.removesuffix(f"_{k}"), k) for k in TARGET_KINDS if i.endswith(f"_{k}")), (i, ""))
            names[i] = (f"{names[base]}: {VI['TARGET_KINDS'][kind]} (suy ra)" if kind and base in names
                        else english[i])
    return names


def month(stamp: pd.Timestamp, *, year: bool = True) -> str:
    """A month in words: ``May 2026`` / ``tháng 5/2026`` (``May`` / ``tháng 5`` without the year)."""
    stamp = pd.Timestamp(stamp)
    if i18n.lang() == "vi":
        return f"tháng {stamp.month}/{stamp.year}" if year else f"tháng {stamp.month}"
    return f"{_MONTHS_EN[stamp.month - 1]} {stamp.year}" if year else _MONTHS_EN[stamp.month - 1]


def date(stamp: pd.Timestamp) -> str:
    """A day in words: ``31 May 2026`` / ``ngày 31/5/2026``."""
    stamp = pd.Timestamp(stamp)
    if i18n.lang() == "vi":
        return f"ngày {stamp.day}/{stamp.month}/{stamp.year}"
    return f"{stamp.day} {_MONTHS_EN[stamp.month - 1]} {stamp.year}"


def period(start: object, end: object) -> str:
    """A period in words: ``January-May 2026``, ``May 2026``, ``2025``; Vietnamese ``5 tháng đầu năm 2026``.

    (:func:`lsreports.sources.periods.period_label` stays the short key the flags use.)
    """
    from ..sources.periods import period_kind as kind_of

    start, end = pd.Timestamp(start), pd.Timestamp(end)
    kind, vi = kind_of(start, end), i18n.lang() == "vi"
    if kind == "month":
        return month(start)
    if kind == "year":
        return f"năm {start.year}" if vi else f"{start.year}"
    if kind == "ytd":
        if vi:
            return f"{end.month} tháng đầu năm {start.year}" if end.month > 1 else f"tháng 1/{start.year}"
        return f"January-{_MONTHS_EN[end.month - 1]} {start.year}" if end.month > 1 else f"January {start.year}"
    if kind == "ytd_day":
        return (f"từ đầu năm đến ngày {end.day}/{end.month}/{end.year}" if vi
                else f"1 January to {end.day} {_MONTHS_EN[end.month - 1]} {end.year}")
    if kind == "point":
        return date(start) if vi else f"at {date(start)}"
    return f"{date(start)} – {date(end)}"


def report_names(manifest: pd.DataFrame) -> dict[str, str]:
    """Name every report of the manifest by the period it covers: ``report to May 2026``.

    A public text (``source_kind == "public_text"``) is named ``public text to December 2025``.

    Parameters
    ----------
    manifest : pandas.DataFrame
        The frame :func:`lsreports.reports` returns (``id``, ``period_end``, ``title``).

    Returns
    -------
    dict
        Report id → name. Two reports covering the same month are told apart by their
        issuers (``public text to December 2025 (CafeF)``), then by a number (``(CafeF, 2)``).
    """
    ends = pd.to_datetime(manifest["period_end"])
    kinds = manifest["source_kind"] if "source_kind" in manifest else pd.Series("report", index=manifest.index)
    vi = i18n.lang() == "vi"
    nouns = ({"report": "báo cáo", "public_text": "văn bản công khai"} if vi
             else {"report": "report", "public_text": "public text"})
    names = {doc: f"{nouns.get(kind, nouns['report'])} {'đến' if vi else 'to'} {month(end)}"
             for doc, end, kind in zip(manifest["id"], ends, kinds)}
    counts = pd.Series(list(names.values())).value_counts()
    issuers = dict(zip(manifest["id"], manifest["issuer"])) if "issuer" in manifest else {}
    # two reports covering the same month are told apart by their issuer ("CafeF"), else by their full id
    told = {doc: (f"{name} ({str(issuers.get(doc) or doc).split(' (')[0]})" if counts[name] > 1 else name)
            for doc, name in names.items()}
    seen: dict[str, int] = {}
    numbered = {}
    for doc in sorted(told):  # still alike (one issuer, one month): numbered, never an id on the page
        seen[told[doc]] = seen.get(told[doc], 0) + 1
        numbered[doc] = told[doc] if seen[told[doc]] == 1 else f"{told[doc][:-1]}, {seen[told[doc]]})"
    again = pd.Series(list(told.values())).value_counts()
    return {doc: (numbered[doc] if again[name] > 1 else name) for doc, name in told.items()}


def national_table_names() -> dict[str, str]:
    """Name every vendored GSO table (``data/raw/national.csv``): ``GSO monthly table: <title>``.

    Returns an empty dict when the data holds no national manifest (a synthetic test tree).
    """
    from ..sources.paths import data_dir

    path = data_dir() / "raw" / "national.csv"
    if not path.exists():
        return {}
    tables = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {doc: f"GSO monthly table: {title}" for doc, title in zip(tables["id"], tables["title"])}


def report_name(doc: str, manifest: pd.DataFrame | None = None) -> str:
    """Name one report (see :func:`report_names`); a report missing from the manifest keeps its full id."""
    if manifest is None:
        from ..sources.loader import reports

        manifest = reports()
    return report_names(manifest).get(doc, f"report {doc}")


__all__ = ["VERDICTS", "VI", "verdict", "name_column", "indicator_names", "month", "date", "period",
           "STATUSES", "status", "with_status", "share_base", "UNITS", "MEASURES", "TARGET_KINDS", "TARGET_KINDS_SHORT", "METHODS", "METHODS_SHORT", "PERIOD_KINDS", "unit", "measure",
           "target_kind", "method", "period_kind", "report_names", "report_name",
           "national_table_names"]
