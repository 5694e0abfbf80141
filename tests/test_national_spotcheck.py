"""The spot-check against the original workbooks, on a SYNTHETIC workbook and extract."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from lsreports.sources import national_spotcheck as spot
from test_national import synthetic_national  # noqa: F401  (fixture)


def write_workbook(path: Path, rows: list[list[object]], sheet: str = "26.Tongmuc") -> None:
    """A SYNTHETIC release workbook: a title, a quarterly decoy sheet and the monthly table."""
    book = Workbook()
    book.active.title = "27.TM_Quy"
    book.active.append(["TỔNG SỐ", 1, 2, 3])
    table = book.create_sheet(sheet)
    table.append(["26. Tổng mức bán lẻ (SYNTHETIC)"])
    for row in rows:
        table.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def test_labels_are_compared_without_accents_numbering_or_case():
    assert spot.plain("  3. Vốn ĐẦU TƯ  thực hiện ") == "von dau tu thuc hien"
    rows = [["Dịch vụ khác", 5.0], ["Thương nghiệp", 1.0, 2.5], ["cung cấp nước; hoạt động quản lý và xử lý"],
            [None, 7.0, 8.0]]
    assert spot.row_numbers(rows, "Bán lẻ hàng hóa") == [1.0, 2.5]           # an older wording
    assert spot.row_numbers(rows, "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải") == [7.0, 8.0]
    assert spot.row_numbers(rows, "Khai khoáng") is None


def test_a_cell_agrees_as_printed_as_an_index_or_rounded():
    assert spot.agrees(9.03, [109.03]) and spot.agrees(1234.5678, [1234.57])
    assert not spot.agrees(9.03, [19.03, 90.3])


def test_spot_check_reads_the_release_workbook_and_keeps_the_evidence(synthetic_national, tmp_path):
    # SYNTHETIC February 2025 release: E-M 110 and YTD 215 printed, M-YOY printed as 110,
    # YTD-YOY printed as 108 where the extract has 7
    write_workbook(tmp_path / "repo" / "datas" / "2025-02-28-Bieu.xlsx", [["TỔNG SỐ", 110, 215, 110, 108]])
    result = spot.spot_check(tmp_path / "repo", [__import__("pandas").Period("2025-02", "M")])
    outcome = dict(zip(result["column"], result["outcome"]))
    assert outcome["E-M"] == outcome["YTD"] == outcome["M-YOY"] == "agrees"
    assert outcome["YTD-YOY"] == "differs" and outcome["E-MOM"] == "not printed"
    differs = result.loc[result["column"] == "YTD-YOY"].iloc[0]
    assert differs["sheet"] == "26.Tongmuc" and differs["workbook_numbers"] == "110 215 110 108"
    assert differs["cell"] == "syn_retail.csv:2:YTD-YOY"


def test_a_missing_sheet_is_reported_not_raised(synthetic_national, tmp_path):
    write_workbook(tmp_path / "repo" / "datas" / "2025-02-28-Bieu.xlsx", [["TỔNG SỐ", 110]], sheet="Khác")
    result = spot.spot_check(tmp_path / "repo", [__import__("pandas").Period("2025-02", "M")])
    assert set(result["outcome"]) == {"sheet not found"}


@pytest.mark.parametrize("name", ["26.Tongmuc", "TM", "Tongmuc"])
def test_retail_sheets_over_the_years(name):
    assert spot.table_sheets({name: [], "27.TM_Quy": []}, "retail") == [name]
