"""Every text cell lsreports writes is inert (issue 22, N16): one list of every CSV and XLSX output.

On a fresh copy of the real data, every quote and note is made to begin with a formula
(SYNTHETIC: ``=HYPERLINK(...)``, ``@SUM(...)``). Outputs whose text columns are all made by
lsreports (derive's and project's formulas, extract's clauses) get the hostile text from
their producer, wrapped to prefix a column (:data:`OUTPUTS` names which). Each output is
then written and read back cell by cell: no text cell may begin with ``= + - @``, a tab or
a carriage return (numbers such as ``-20.7`` excepted), and at least one escaped cell shows
that the hostile text got there (so that the test fails if an output stops carrying it, or
stops escaping it).
"""
from __future__ import annotations

import csv
import importlib
import io
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from lsreports.sources.excel_text import FORMULA_STARTS, escape_cell
from lsreports.publish.reading import CHART_DATA_MIME, chart_data_files
from probe_kit import OBSERVATIONS, fresh_data, run  # noqa: F401

HYPERLINK = '=HYPERLINK("http://evil.example","click")'
SUM = "@SUM(1+1)*cmd|' /C calc'!A0"
#: SYNTHETIC report in the style of the real ones.
REPORT = ("BÁO CÁO (SYNTHETIC) Tình hình kinh tế - xã hội tháng 5 năm 2026\n"
          "- Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 5 đạt 700 triệu USD, tăng 15,0% so với cùng kỳ.\n")


@pytest.fixture
def hostile(fresh_data: Path, tmp_path: Path) -> Path:
    """SYNTHETIC: every quote begins with a formula, every note with another; a report with formula-like lines."""
    table = fresh_data.joinpath(*OBSERVATIONS)
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    frame["quote"] = HYPERLINK + " " + frame["quote"]
    frame["note"] = SUM
    frame.to_csv(table, index=False, lineterminator="\n")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def _chart(out: Path) -> list[Path]:
    """The briefing's chart data, as the build writes it from an executed notebook."""
    rows = pd.DataFrame({"label": [HYPERLINK, SUM, "- gạch"], "value": [1.0, -2.5, 3.0]})
    output = nbformat.v4.new_output("display_data", data={CHART_DATA_MIME: rows.to_csv(index=False)})
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[output])])
    return chart_data_files(notebook, "page", out)


DERIVE = ("lsreports.analysis.derive", "derived_rows", "formula")
PROJECT = ("lsreports.analysis.yearend.projection", "year_end_projections", "formula")
EXTRACT = ("lsreports.extract", "extract_file", "quote")
#: Every CSV or XLSX output: (name, argv with {out} and {report}, file written (None: standard output),
#: the producer whose column gets the hostile text (None: it comes from the data)).
OUTPUTS = [
    ("derive -o", ("derive", "-o", "{out}/derived.csv"), "derived.csv", DERIVE),
    ("derive", ("derive",), None, DERIVE),
    ("project --csv -o", ("project", "--csv", "-o", "{out}/p.csv"), "p.csv", PROJECT),
    ("project --csv", ("project", "--csv"), None, PROJECT),
    ("project -o", ("project", "--all", "-o", "{out}/p_all.csv"), "p_all.csv", PROJECT),
    ("extract -o", ("extract", "{report}", "--doc-id", "900_synthetic", "-o", "{out}/rows.csv"), "rows.csv", EXTRACT),
    ("extract", ("extract", "{report}", "--doc-id", "900_synthetic"), None, EXTRACT),
    ("ingest --review", ("ingest", "{report}", "--doc-id", "900_synthetic", "--review", "{out}/review.csv"),
     "review.csv", EXTRACT),
    ("excel", ("excel", "-o", "{out}/book.xlsx"), "book.xlsx", None),
    ("briefing chart data", _chart, "page-chart-1.csv", None),
]


def _inject(monkeypatch: pytest.MonkeyPatch, producer: tuple[str, str, str] | None) -> None:
    """Wrap the producer so that its ``column`` begins with a formula (SYNTHETIC)."""
    if producer is None:
        return
    module, name, column = producer
    real = getattr(importlib.import_module(module), name)

    def hostile(*args, **kwargs):
        frame = real(*args, **kwargs)
        return frame.assign(**{column: HYPERLINK + " " + frame[column].astype(str)}) if len(frame) else frame

    monkeypatch.setattr(f"{module}.{name}", hostile)


def _live(cell: str) -> bool:
    """A cell a spreadsheet evaluates: it begins with a formula character and is not a plain number."""
    return cell.startswith(FORMULA_STARTS) and escape_cell(cell) != cell


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def _xlsx_live(path: Path) -> tuple[list[str], int]:
    """Text cells that Excel would evaluate, and how many hostile texts arrived as plain strings."""
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    live = [cell.value for cell in cells if cell.data_type == "f" and ("HYPERLINK" in cell.value or "SUM(1+1)" in
                                                                       cell.value)]
    return live, sum(1 for cell in cells if cell.data_type == "s" and str(cell.value).startswith(("=HYPERLINK", "@")))


@pytest.mark.parametrize("name, argv, written, producer", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_no_output_holds_a_formula(hostile, capsys, monkeypatch, name, argv, written, producer):
    _inject(monkeypatch, producer)
    out = hostile / "out"
    out.mkdir()
    if callable(argv):
        argv(out)
        stdout = ""
    else:
        code, stdout, err = run(capsys, *(a.format(out=out, report=hostile / "report.txt") for a in argv))
        assert code == 0, err
    if written and written.endswith(".xlsx"):
        live, arrived = _xlsx_live(out / written)
        assert live == [] and arrived > 0
        return
    cells = _csv_cells((out / written).read_text(encoding="utf-8") if written else stdout)
    assert [cell for cell in cells if _live(cell)] == []
    assert any(cell[:1] == "'" and cell[1:2] in "".join(FORMULA_STARTS) for cell in cells), name
