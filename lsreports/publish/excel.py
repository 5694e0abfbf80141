"""Export the curated and derived tables to a formatted Excel workbook (openpyxl).

One sheet per domain (printed rows with labels and quotes), the indicator catalogue, the
targets, the derived rows with their formulas, and a README sheet describing the columns.
Values are written as numbers with a number format that fits their unit, dates as dates,
and every text as a text cell: a quote or note beginning with ``=`` is never a formula
(openpyxl would otherwise store it as one; see :mod:`lsreports.sources.excel_text`).

Percentages (unit ``pct``: growth rates, shares of plan, shares, rates) are stored as
fractions with a percent format: 45.6 % is the number 0.456, shown as ``45.6%``, so that a
user's own formula (``=H3*B7``) and a chart's axis compute with the number Excel holds.
No percentage is a count of percentage points that a fraction would misrepresent, so one
rule serves every measure; the README sheet states it. Columns are as wide as their
content (long text wraps), and a row whose figure carries a curation flag is shaded and
its flag cell bold, the flag naming the known source problem.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..sources.atomic import atomic_path
from ..sources.contract import DOMAINS
from ..sources.periods import period_label
from ..sources.units import UNIT_TABLE

NUMBER_FORMATS: dict[str, str] = {code: unit.number_format for code, unit in UNIT_TABLE.items()}
#: Columns holding a figure in the row's ``unit`` (fractions where the unit is ``pct``).
VALUE_COLUMNS = ("value", "value_high")
#: Columns whose text wraps (and whose width is capped) instead of widening the column.
WRAPPED_COLUMNS = ("quote", "note", "name_en", "name_vi", "definition", "formula", "title")
FLAG_FILL = PatternFill("solid", fgColor="FCE4CC")
PERCENT_RULE = ("Percentages (unit pct: every *_pct measure, and shares and rates) are stored as fractions with "
                "a percent format: 45.6 % is the number 0.456, shown 45.6%, so formulas and charts compute "
                "with it directly (multiply by 100 for the printed figure).")
DOMAIN_COLUMNS = ["indicator_id", "name_en", "name_vi", "period", "start", "end", "measure", "value", "unit",
                  "status", "flag", "note", "source_doc", "quote"]
COLUMN_NOTES: dict[str, str] = {
    "indicator_id": "Indicator id (see the Indicators sheet).",
    "name_en": "English label.", "name_vi": "Vietnamese term used in the reports.",
    "period": "Readable period: 2025-11 (a month), 2025 Jan-Nov (year to date), 2025 H1, at 2026-05-31 (a stock).",
    "start": "First day the figure covers.", "end": "Last day the figure covers (inclusive).",
    "measure": "value = the level; yoy_pct = % change on the same period a year earlier; mom_pct = % change on "
               "the previous month; plan_pct = % of the year's plan; est_central_pct / est_local_pct = % of the "
               "central / provincial budget estimate.",
    "value": "The number, in the unit of the next column; where the unit is pct, a fraction shown as a percentage "
             "(0.456 shown 45.6%).",
    "unit": "USD_mn million USD; VND_bn billion dong; kt thousand tonnes; t tonnes; pct percent; ...",
    "status": "actual; estimate where the report says the figure is estimated (ước); proposed (đề xuất) or needed "
              "(cần) where it is not a figure done.",
    "flag": "A known source problem (unit_anomaly, conflict_in_source, source_typo); the printed value is kept "
            "and the row is shaded.",
    "note": "Curator's note: how a period or base was read, what a flag means.",
    "source_doc": "The report the figure is printed in (see the Reports sheet).",
    "quote": "The sentence of the report, verbatim, that prints the figure; for derived rows, the formula.",
    "derivation": "Derived rows only: the kind of derivation.",
    "formula": "Derived rows only: the formula with the numbers used.",
}
#: The Vietnamese workbook's column notes (``lsreports excel --lang vi``).
COLUMN_NOTES_VI: dict[str, str] = {
    "indicator_id": "Mã chỉ tiêu (xem trang Indicators).",
    "name_en": "Tên tiếng Anh.", "name_vi": "Tên chỉ tiêu theo cách gọi trong báo cáo.",
    "period": "Kỳ số liệu: 2025-11 (một tháng), 2025 Jan-Nov (lũy kế từ đầu năm), 2025 H1 (6 tháng), at 2026-05-31 "
              "(số tại một thời điểm).",
    "start": "Ngày đầu của kỳ số liệu.", "end": "Ngày cuối của kỳ số liệu (tính cả ngày này).",
    "measure": "value = giá trị; yoy_pct = % so với cùng kỳ năm trước; mom_pct = % so với tháng trước; plan_pct = % "
               "kế hoạch năm; est_central_pct / est_local_pct = % dự toán Trung ương / tỉnh giao.",
    "value": "Số liệu, theo đơn vị ở cột tiếp theo; với đơn vị pct là phân số hiển thị dạng phần trăm "
             "(0,456 hiển thị 45,6%).",
    "unit": "USD_mn triệu USD; VND_bn tỷ đồng; kt nghìn tấn; t tấn; pct phần trăm; ...",
    "status": "actual: số thực hiện; estimate: số ước (ước); proposed (đề xuất) hoặc needed (cần hỗ trợ): "
              "không phải số đã thực hiện.",
    "flag": "Vấn đề đã biết của số liệu gốc (unit_anomaly, conflict_in_source, source_typo); giữ nguyên số đã in "
            "và tô màu dòng.",
    "note": "Ghi chú biên tập: cách đọc kỳ hoặc gốc so sánh, ý nghĩa của lưu ý.",
    "source_doc": "Báo cáo công bố số liệu (xem trang Reports).",
    "quote": "Câu nguyên văn trong báo cáo công bố số liệu; với số tính toán là công thức.",
    "derivation": "Chỉ với số tính toán: cách tính.",
    "formula": "Chỉ với số tính toán: công thức với các số đã dùng.",
}
#: The Vietnamese workbook's column headers (the English workbook keeps the data's column names).
HEADERS_VI: dict[str, str] = {
    "indicator_id": "Mã chỉ tiêu", "name_en": "Tên tiếng Anh", "name_vi": "Tên chỉ tiêu", "period": "Kỳ",
    "start": "Từ ngày", "end": "Đến ngày", "measure": "Loại số liệu", "value": "Giá trị", "unit": "Đơn vị",
    "status": "Tình trạng", "flag": "Lưu ý", "note": "Ghi chú", "source_doc": "Báo cáo", "quote": "Câu trích",
    "derivation": "Cách tính", "formula": "Công thức", "domain": "Lĩnh vực", "kind": "Loại chỉ tiêu",
    "definition": "Định nghĩa", "title": "Tiêu đề", "year": "Năm", "target_kind": "Loại kế hoạch",
}
HEADER_FILL = PatternFill("solid", fgColor="1F5F8B")


def _clean(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().replace(tzinfo=None).date()
    return value


def as_fraction(percent: float) -> float:
    """Return a printed percentage as the fraction Excel's percent format expects (45.6 -> 0.456, exactly)."""
    return float(Decimal(repr(float(percent))) / 100)


def _excel_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with percentages as fractions (see the module docstring)."""
    if "unit" not in frame.columns:
        return frame
    pct = (frame["unit"] == "pct").to_numpy()
    out = frame.copy()
    for column in (c for c in VALUE_COLUMNS if c in frame.columns):
        out[column] = [as_fraction(v) if is_pct and pd.notna(v) else v for v, is_pct in zip(frame[column], pct)]
    return out


def _header(sheet, columns) -> None:
    from .i18n import lang

    sheet.append([HEADERS_VI.get(c, c) if lang() == "vi" else c for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL


def _format_row(sheet, i: int, columns: list[str], unit: str | None, flagged: bool) -> None:
    """Number formats by unit, dates as dates, and the mark of a flagged figure, for row ``i``."""
    for j, column in enumerate(columns, start=1):
        cell = sheet.cell(i, j)
        if column in VALUE_COLUMNS and unit:
            cell.number_format = NUMBER_FORMATS.get(unit, "General")
        elif isinstance(cell.value, (dt.date, dt.datetime)):
            cell.number_format = "yyyy-mm-dd"
        if flagged:
            cell.fill = FLAG_FILL
            if column == "flag":
                cell.font = Font(bold=True)


def _widths(sheet, frame: pd.DataFrame, widths: dict[str, int]) -> None:
    """Size each column to its longest entry (dates 12); wrapped text stops at its preset width."""
    for j, column in enumerate(frame.columns, start=1):
        texts = [str(v) for v in frame[column] if _clean(v) is not None]
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            longest = 10
        else:
            longest = max((len(t) for t in texts), default=0)
        width = max(len(column), longest) + 2
        cap = widths.get(column, 60) if column in WRAPPED_COLUMNS else 80
        sheet.column_dimensions[get_column_letter(j)].width = min(max(width, 8), cap)
        if column in WRAPPED_COLUMNS:
            for cell in sheet[get_column_letter(j)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def text_cells_as_text(workbook: Workbook) -> int:
    """Type every text cell that openpyxl took for a formula (it begins with ``=``) as text; return how many."""
    count = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.data_type = "s"
                    count += 1
    return count


def _sheet(workbook: Workbook, title: str, frame: pd.DataFrame, widths: dict[str, int] | None = None) -> None:
    if len(title) > 31 or "/" in title:
        raise ValueError(f"sheet title {title!r}: at most 31 characters, no '/'")
    sheet = workbook.create_sheet(title)
    _header(sheet, frame.columns)
    stored = _excel_frame(frame)
    units = frame["unit"].tolist() if "unit" in frame.columns else [None] * len(frame)
    flags = frame["flag"].fillna("").astype(str).tolist() if "flag" in frame.columns else [""] * len(frame)
    columns = list(frame.columns)
    for i, row in enumerate(stored.itertuples(index=False), start=2):
        sheet.append([_clean(v) for v in row])
        _format_row(sheet, i, columns, units[i - 2], bool(flags[i - 2]))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, frame, widths or {})


def _labelled(frame: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    frame = frame.merge(catalogue[["indicator_id", "name_en", "name_vi", "domain"]], on="indicator_id", how="left")
    frame["period"] = [period_label(s, e) for s, e in zip(frame["start"], frame["end"])]
    return frame


WIDTHS = {"indicator_id": 26, "name_en": 40, "name_vi": 40, "period": 16, "start": 12, "end": 12,
          "measure": 15, "value": 14, "unit": 15, "status": 10, "flag": 16, "note": 50, "source_doc": 22,
          "quote": 80, "formula": 70, "definition": 70}


def _readme(readme, obs: pd.DataFrame) -> None:
    """The README sheet in the current language (:mod:`lsreports.publish.i18n`)."""
    from .i18n import lang, t

    readme.append([t("excel.title")])
    readme["A1"].font = Font(bold=True, size=13)
    readme.append([t("excel.written", date=dt.date.today().isoformat(), latest=f"{obs['end'].max():%Y-%m-%d}")])
    readme.append([t("excel.percent_rule")])
    readme.append([t("excel.flag_rule")])
    readme.append([])
    readme.append([t("excel.column"), t("excel.meaning")])
    for column, meaning in (COLUMN_NOTES_VI if lang() == "vi" else COLUMN_NOTES).items():
        readme.append([column, meaning])


def write_workbook(path: Path, progress: Callable[[str], None] = lambda _line: None, lang: str = "en") -> Path:
    """Write ``path`` (.xlsx) with the README, one sheet per domain, Indicators, Targets, Reports, Derived.

    Parameters
    ----------
    path : pathlib.Path
        The workbook to write (replaced atomically).
    progress : callable, optional
        Receives one line per step (the command line passes ``print``).
    lang : str
        The language of the README sheet and the column headers (``en``: the data's column names).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    from .i18n import using

    with using(lang):
        return _write(path, progress)


def _write(path: Path, progress: Callable[[str], None]) -> Path:
    from ..sources.loader import indicators, observations, reports, targets

    obs, catalogue = observations(), indicators()
    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    _readme(readme, obs)
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 120
    labelled = _labelled(obs, catalogue)
    progress(f"[1/3] writing {len(labelled)} printed rows, one sheet per domain ...")
    for domain in DOMAINS:
        part = labelled.loc[labelled["domain"] == domain, DOMAIN_COLUMNS]
        if not part.empty:
            _sheet(workbook, domain.capitalize(), part.sort_values(["indicator_id", "end", "start", "measure"]), WIDTHS)
    _sheet(workbook, "Indicators", catalogue, WIDTHS)
    _sheet(workbook, "Targets", targets(), WIDTHS)
    _sheet(workbook, "Reports", reports(), {"title": 70, "sha256": 66, "issuer": 40, "report_date_note": 50})
    progress("[2/3] deriving rows for the Derived sheet ...")
    try:
        from ..analysis.derive import derived_rows
    except ImportError:  # pragma: no cover - derive ships with the package
        derived = None
    else:
        derived = _labelled(derived_rows(obs), catalogue)
    if derived is not None and not derived.empty:
        columns = DOMAIN_COLUMNS[:-1] + [c for c in ("derivation", "formula") if c in derived.columns]
        _sheet(workbook, "Derived", derived[columns], WIDTHS)
    text_cells_as_text(workbook)
    progress(f"[3/3] saving {path} ...")
    with atomic_path(path) as temporary:  # a killed export leaves the previous workbook whole
        workbook.save(temporary)
    return path
