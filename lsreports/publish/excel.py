"""Export the curated and derived tables to a formatted Excel workbook (openpyxl).

One sheet per domain (printed rows with labels and quotes), the indicator catalogue, the
targets, the derived rows with their formulas, and a README sheet describing the columns.
Values are written as numbers with a number format that fits their unit, dates as dates,
and every text as a text cell: a quote or note beginning with ``=`` is never a formula
(openpyxl would otherwise store it as one; see :mod:`lsreports.publish.excel_text`).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..sources.atomic import atomic_path
from ..sources.contract import DOMAINS
from ..sources.periods import period_label

NUMBER_FORMATS: dict[str, str] = {
    "USD_mn": "#,##0.0##", "VND_bn": "#,##0.0##", "kt": "#,##0.0##", "t": "#,##0.0#",
    "thousand_m3": "#,##0.0#", "mn_kWh": "#,##0.0#", "mn_bricks": "#,##0.0#", "thousand_visits": "#,##0.0#",
    "persons": "#,##0", "households": "#,##0", "houses": "#,##0", "visits": "#,##0", "vehicles": "#,##0",
    "enterprises": "#,##0", "kg": "#,##0", "pct": '0.00"%"',
}
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
    "value": "The number, in the unit of the next column (percent for *_pct measures).",
    "unit": "USD_mn million USD; VND_bn billion dong; kt thousand tonnes; t tonnes; pct percent; ...",
    "status": "actual, or estimate where the report says the figure is estimated (ước).",
    "flag": "A known source problem (unit_anomaly, conflict_in_source, source_typo); the printed value is kept.",
    "note": "Curator's note: how a period or base was read, what a flag means.",
    "source_doc": "The report the figure is printed in (see the Reports sheet).",
    "quote": "The sentence of the report, verbatim, that prints the figure; for derived rows, the formula.",
    "derivation": "Derived rows only: the kind of derivation.",
    "formula": "Derived rows only: the formula with the numbers used.",
}
HEADER_FILL = PatternFill("solid", fgColor="1F5F8B")


def _clean(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().replace(tzinfo=None).date()
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


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
    sheet.append(list(frame.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    units = frame["unit"].tolist() if "unit" in frame.columns else None
    value_index = list(frame.columns).index("value") + 1 if "value" in frame.columns else None
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        sheet.append([_clean(v) for v in row])
        if value_index and units:
            sheet.cell(i, value_index).number_format = NUMBER_FORMATS.get(units[i - 2], "General")
        for j, column in enumerate(frame.columns, start=1):
            if column in ("start", "end") and sheet.cell(i, j).value is not None:
                sheet.cell(i, j).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for j, column in enumerate(frame.columns, start=1):
        width = (widths or {}).get(column, min(60, max(10, len(column) + 2)))
        sheet.column_dimensions[get_column_letter(j)].width = width
        if column in ("quote", "note", "name_en", "name_vi", "definition", "formula"):
            for cell in sheet[get_column_letter(j)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _labelled(frame: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    frame = frame.merge(catalogue[["indicator_id", "name_en", "name_vi", "domain"]], on="indicator_id", how="left")
    frame["period"] = [period_label(s, e) for s, e in zip(frame["start"], frame["end"])]
    return frame


WIDTHS = {"indicator_id": 26, "name_en": 40, "name_vi": 40, "period": 16, "start": 12, "end": 12,
          "measure": 15, "value": 14, "unit": 15, "status": 10, "flag": 16, "note": 50, "source_doc": 22,
          "quote": 80, "formula": 70, "definition": 70}


def write_workbook(path: Path) -> Path:
    """Write ``path`` (.xlsx) with the README, one sheet per domain, Indicators, Targets, Reports, Derived.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    from ..sources.loader import indicators, observations, reports, targets

    obs, catalogue = observations(), indicators()
    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    readme.append(["lsreports: figures of the Lạng Sơn socio-economic reports"])
    readme["A1"].font = Font(bold=True, size=13)
    readme.append([f"Written {dt.date.today().isoformat()} from data/curated/ (printed rows up to "
                   f"{obs['end'].max():%Y-%m-%d}). One sheet per domain; Derived holds computed rows."])
    readme.append([])
    readme.append(["column", "meaning"])
    for column, meaning in COLUMN_NOTES.items():
        readme.append([column, meaning])
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 120
    labelled = _labelled(obs, catalogue)
    for domain in DOMAINS:
        part = labelled.loc[labelled["domain"] == domain, DOMAIN_COLUMNS]
        if not part.empty:
            _sheet(workbook, domain.capitalize(), part.sort_values(["indicator_id", "end", "start", "measure"]), WIDTHS)
    _sheet(workbook, "Indicators", catalogue, WIDTHS)
    _sheet(workbook, "Targets", targets(), WIDTHS)
    _sheet(workbook, "Reports", reports(), {"title": 70, "sha256": 66, "issuer": 40, "report_date_note": 50})
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
    with atomic_path(path) as temporary:  # a killed export leaves the previous workbook whole
        workbook.save(temporary)
    return path
