"""Excel export on the SYNTHETIC data: sheets, columns, number formats, real numbers and dates."""
import datetime as dt

import openpyxl
import pytest

from lsreports.publish.excel import DOMAIN_COLUMNS, write_workbook


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
    assert formats["USD_mn"] == "#,##0.0##" and formats["pct"] == '0.00"%"'
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
