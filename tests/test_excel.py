"""Excel export on the SYNTHETIC data: sheets, columns, number formats, real numbers and dates."""
import datetime as dt

import openpyxl
import pytest

from conftest import synthetic_rows, write_rows
from lsreports.publish.excel import DOMAIN_COLUMNS, as_fraction, write_workbook


@pytest.fixture
def workbook(synthetic_data, tmp_path):
    return openpyxl.load_workbook(write_workbook(tmp_path / "out" / "lsreports.xlsx"))


def test_sheets(workbook):
    assert workbook.sheetnames[0] == "README"
    assert {"Trade", "Budget", "Industry", "Indicators", "Targets", "Reports", "Derived"} <= set(workbook.sheetnames)
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_domain_sheet_columns_header_and_freeze(workbook):
    sheet = workbook["Trade"]
    assert [c.value for c in sheet[1]] == DOMAIN_COLUMNS
    assert sheet.freeze_panes == "A2"


def test_values_are_numbers_with_unit_formats_and_dates_are_dates(workbook):
    sheet = workbook["Trade"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    value, unit, start = header.index("value"), header.index("unit"), header.index("start")
    formats = {row[unit].value: row[value].number_format for row in rows}
    assert formats["USD_mn"] == "#,##0.0##" and formats["pct"] == "0.0##%"
    assert all(isinstance(row[value].value, (int, float)) and not isinstance(row[value].value, bool) for row in rows)
    assert all(isinstance(row[start].value, dt.datetime) for row in rows)


def test_quotes_are_kept_and_readme_describes_columns(workbook):
    sheet = workbook["Trade"]
    quotes = [row[DOMAIN_COLUMNS.index("quote")].value for row in sheet.iter_rows(min_row=2)]
    assert "lũy kế 11 tháng ước đạt 5.000 triệu USD" in quotes
    described = {row[0].value for row in workbook["README"].iter_rows(min_row=5)}
    assert set(DOMAIN_COLUMNS) <= described


def test_derived_sheet_carries_formulas(workbook):
    sheet = workbook["Derived"]
    header = [c.value for c in sheet[1]]
    assert "formula" in header
    assert sheet.max_row > 1


def _rows(sheet):
    header = [c.value for c in sheet[1]]
    return header, list(sheet.iter_rows(min_row=2))


def test_percentages_are_fractions_that_compute(workbook):
    """A percentage cell holds the fraction: x 100 in a formula gives the printed figure (synthetic 20,0 %)."""
    header, rows = _rows(workbook["Trade"])
    value, measure, start = header.index("value"), header.index("measure"), header.index("start")
    ytd_growth = next(r for r in rows if r[measure].value == "yoy_pct" and r[start].value == dt.datetime(2025, 1, 1))
    cell = ytd_growth[value]
    assert cell.value == pytest.approx(0.2) and cell.number_format.endswith("%")
    # what a user's formula =<cell>*100 computes, and what the percent format shows
    assert round(cell.value * 100, 10) == 20.0
    plan = next(r for r in rows if r[measure].value == "plan_pct")[value]
    assert plan.value == 1.0  # "đạt 100,0% kế hoạch": the whole plan


def test_no_number_format_prints_a_literal_percent_sign(workbook):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert '"%"' not in cell.number_format, (sheet.title, cell.coordinate)


def test_as_fraction_is_exact_for_printed_decimals():
    assert as_fraction(45.6) == 0.456 and as_fraction(166.16) == 1.6616 and as_fraction(-20.7) == -0.207


def test_readme_sheet_states_the_percent_rule(workbook):
    text = " ".join(str(c.value) for row in workbook["README"].iter_rows() for c in row if c.value)
    assert "stored as fractions" in text and "0.456" in text


def test_columns_fit_their_content_and_dates_are_dates(workbook):
    header, rows = _rows(workbook["Trade"])
    sheet = workbook["Trade"]
    for j, column in enumerate(header):
        letter = openpyxl.utils.get_column_letter(j + 1)
        shown = [10 if isinstance(r[j].value, dt.datetime) else len(str(r[j].value)) for r in rows]
        longest = max(shown)
        if column not in ("quote", "note", "name_en", "name_vi"):
            assert sheet.column_dimensions[letter].width >= min(longest, 78), column
    reports = workbook["Reports"]
    header, rows = _rows(reports)
    assert isinstance(rows[0][header.index("period_end")].value, dt.datetime)
    assert rows[0][header.index("period_end")].number_format == "yyyy-mm-dd"


def test_a_flagged_figure_is_marked_in_its_row(synthetic_data, tmp_path):
    rows = synthetic_rows()
    rows[0] = {**rows[0], "flag": "source_typo", "note": "SYNTHETIC flag for the test"}
    write_rows(synthetic_data / "curated" / "observations.csv", rows)
    book = openpyxl.load_workbook(write_workbook(tmp_path / "flagged.xlsx"))
    header, sheet_rows = _rows(book["Trade"])
    flagged = [r for r in sheet_rows if r[header.index("flag")].value]
    plain = [r for r in sheet_rows if not r[header.index("flag")].value]
    assert len(flagged) == 1 and flagged[0][header.index("flag")].font.bold
    assert {c.fill.fgColor.rgb for c in flagged[0]} == {"00FCE4CC"}
    assert all(c.fill.fgColor.rgb != "00FCE4CC" for r in plain for c in r)
