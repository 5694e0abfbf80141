"""Fault-injection probes of ``lsreports extract`` and ``lsreports ingest`` (issues 12 and 17),
each on a fresh SYNTHETIC data folder (``synthetic_data``: made-up report and rows).

Every probe ends in one of two outcomes: the command refused with one line on stderr,
exit code 2, and ``data/`` byte-identical; or it succeeded and the curated table loads
and passes ``lsreports curate check``. The killed and concurrent applies run the command
in subprocesses, with the fault hooks of :mod:`lsreports.sources.commit`
(``LSREPORTS_FAULT`` kills at a named point, ``LSREPORTS_PAUSE`` pauses there).
The table of probes is in docs/reliability.md.
"""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfWriter

import lsreports as ls
from lsreports.cli import main
from lsreports.sources.commit import JOURNAL, TEMP_MARK

# SYNTHETIC reports in the style of the real ones (invented figures).
REPORT_A = ("BÁO CÁO (SYNTHETIC) Tình hình kinh tế - xã hội tháng 12 và 12 tháng năm 2025\n"
            "Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 12 đạt 600 triệu USD; lũy kế 12 tháng đạt 6,1 tỷ USD, "
            "tăng 20,0% so với cùng kỳ.\n")
REPORT_B = ("BÁO CÁO (SYNTHETIC) Tình hình kinh tế - xã hội tháng 01 năm 2026\n"
            "Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 01 đạt 700 triệu USD, tăng 15,0% so với cùng kỳ.\n")


def legacy(text: str) -> bytes:
    """SYNTHETIC Windows-1258 bytes of a Vietnamese text (tones as combining marks, as legacy editors save)."""
    return unicodedata.normalize("NFD", text).encode("cp1258", "replace")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def refused(capsys, argv: list[str], data: Path, *words: str) -> str:
    """Run the CLI; assert exit 2, one line on stderr naming ``words``, and ``data`` unchanged."""
    before = snapshot(data)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("lsreports "), err
    for word in words:
        assert word in err, err
    assert snapshot(data) == before
    return err


def reviewed(tmp_path: Path, text: str, doc_id: str, accept: str = "yes") -> tuple[Path, Path]:
    """Write a report, its review file, and mark every row with ``accept``."""
    report = tmp_path / f"{doc_id}.txt"
    report.write_text(text, encoding="utf-8")
    review = tmp_path / f"review_{doc_id}.csv"
    assert main(["ingest", str(report), "--review", str(review)]) == 0
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame["accept"] = accept
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    return report, review


def curate_check_passes() -> None:
    assert main(["curate", "check"]) == 0


def cli(*argv: str, env: dict[str, str] | None = None, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lsreports.cli", *argv], env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


# --- report ids cannot escape data/raw/reports/ -------------------------------------------


def test_doc_id_with_a_path_is_refused_before_anything_is_written(synthetic_data, tmp_path, capsys):
    report = tmp_path / "new.txt"
    report.write_text(REPORT_A, encoding="utf-8")
    review = tmp_path / "review.csv"
    refused(capsys, ["ingest", str(report), "--doc-id", "../../evil", "--month", "2023-03", "--review", str(review)],
            synthetic_data, "--doc-id '../../evil' is not a valid report id")
    refused(capsys, ["extract", str(report), "--doc-id", "../../evil"], synthetic_data, "not a valid report id")
    assert not review.exists() and not (synthetic_data / "evil.txt").exists()


def test_the_issue_command_with_doc_id_on_apply_is_refused(synthetic_data, tmp_path, capsys):
    # today's escape: ingest REPORT --doc-id ../../evil --month 2023-03 --apply review.csv wrote data/evil.txt
    report, review = reviewed(tmp_path, REPORT_A, "new")
    refused(capsys, ["ingest", str(report), "--doc-id", "../../evil", "--month", "2023-03", "--apply", str(review)],
            synthetic_data, "not a valid report id")
    assert not list(tmp_path.rglob("evil*"))


def test_source_doc_edited_into_a_path_is_refused(synthetic_data, tmp_path, capsys):
    report, review = reviewed(tmp_path, REPORT_A, "new")
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame["source_doc"] = "../../evil"
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    refused(capsys, ["ingest", str(report), "--apply", str(review)], synthetic_data,
            "source_doc '../../evil' is not a valid report id")
    assert not list(tmp_path.rglob("evil*"))


def test_an_id_taken_from_a_file_name_is_checked_too(synthetic_data, tmp_path, capsys):
    report = tmp_path / "báo cáo tháng 12.txt"
    report.write_text(REPORT_A, encoding="utf-8")
    refused(capsys, ["extract", str(report)], synthetic_data, "the report id taken from the file name", "--doc-id")
    assert main(["extract", str(report), "--doc-id", "bc_2025-12", "-o", str(tmp_path / "rows.csv")]) == 0


# --- the apply is locked, atomic and survives a kill ---------------------------------------


def test_two_concurrent_applies_do_not_interleave(synthetic_data, tmp_path):
    report_a, review_a = reviewed(tmp_path, REPORT_A, "005_a")
    report_b, review_b = reviewed(tmp_path, REPORT_B, "006_b")
    # A pauses after staging its new table (read before B's rows exist); without the lock B would write in
    # that pause and A's rename would then drop B's rows.
    first = cli("ingest", str(report_a), "--apply", str(review_a), env={"LSREPORTS_PAUSE": "staged:3"})
    assert first.stderr.readline().strip() == "paused at staged"
    second = cli("ingest", str(report_b), "--apply", str(review_b))
    assert first.wait(60) == 0 and second.wait(60) == 0, (first.stderr.read(), second.stderr.read())
    rows = ls.observations()
    assert (rows["source_doc"] == "005_a").sum() == 3 and (rows["source_doc"] == "006_b").sum() == 2
    assert {"005_a", "006_b"} <= set(ls.reports()["id"])
    curate_check_passes()


@pytest.mark.parametrize("point", ["locked", "staged", "committed", "replaced-1", "replaced-2", "replaced-3"])
def test_a_killed_apply_leaves_the_files_whole_and_the_next_apply_completes_it(point, synthetic_data, tmp_path):
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    before = snapshot(synthetic_data)
    killed = cli("ingest", str(report), "--apply", str(review), env={"LSREPORTS_FAULT": point})
    assert killed.wait(60) == -9
    after_kill = {name: data for name, data in snapshot(synthetic_data).items() if TEMP_MARK not in name}
    if point in ("locked", "staged", "committed"):  # before the first rename: every file as it was
        assert {k: v for k, v in after_kill.items() if k != JOURNAL} == before
    ls.observations()  # whatever the point, the table loads (each file is old or new, never half)
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    final = snapshot(synthetic_data)
    assert not [name for name in final if TEMP_MARK in name or name == JOURNAL]
    rows = ls.observations()
    assert (rows["source_doc"] == "005_new").sum() == 3 and list(ls.reports()["id"]).count("005_new") == 1
    curate_check_passes()


def test_applying_the_same_review_twice_adds_nothing_the_second_time(synthetic_data, tmp_path, capsys):
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    once = snapshot(synthetic_data)
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    assert "added 0 reviewed rows" in capsys.readouterr().out and snapshot(synthetic_data) == once


def test_apply_to_a_table_without_a_final_newline_starts_a_new_line(synthetic_data, tmp_path):
    table = synthetic_data / "curated" / "observations.csv"
    table.write_bytes(table.read_bytes().rstrip(b"\n"))
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    assert len(ls.observations()) == 13 + 3
    curate_check_passes()


def test_a_pdf_report_is_vendored_as_its_text_with_the_original_recorded(synthetic_data, tmp_path):
    from fpdf import FPDF
    import matplotlib

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for line in REPORT_A.splitlines():
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    report = tmp_path / "005_pdf.pdf"
    pdf.output(str(report))
    review = tmp_path / "review.csv"
    assert main(["ingest", str(report), "--review", str(review)]) == 0
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig").assign(accept="yes")
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    import hashlib

    manifest = ls.reports().set_index("id").loc["005_pdf"]
    vendored = synthetic_data / "raw" / "reports" / "005_pdf.txt"
    assert manifest["original_format"] == "pdf" and manifest["text_quality"] == "pdf-text"
    assert manifest["original_sha256"] == hashlib.sha256(report.read_bytes()).hexdigest()
    assert manifest["sha256"] == hashlib.sha256(vendored.read_bytes()).hexdigest()
    assert "600 triệu USD" in vendored.read_text(encoding="utf-8")
    assert (ls.observations()["source_doc"] == "005_pdf").sum() == 3
    curate_check_passes()


# --- text cells are never formulas in Excel ---------------------------------------------------


def test_excel_export_writes_a_formula_like_text_as_text(synthetic_data, tmp_path):
    table = synthetic_data / "curated" / "observations.csv"
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    frame.loc[0, "note"] = '=HYPERLINK("http://example.invalid","click")'
    frame.loc[1, "note"] = "+1+2"
    frame.loc[2, "note"] = "@SUM(A1)"
    frame.to_csv(table, index=False, lineterminator="\n")
    out = tmp_path / "out.xlsx"
    assert main(["excel", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["Trade"]
    notes = {cell.value: cell.data_type for cell in sheet["L"][1:] if cell.value}
    assert notes == {'=HYPERLINK("http://example.invalid","click")': "s", "+1+2": "s", "@SUM(A1)": "s"}
    with zipfile.ZipFile(out) as book:
        assert not any("<f>" in book.read(name).decode("utf-8") for name in book.namelist()
                       if name.startswith("xl/worksheets/"))


def test_the_review_file_escapes_formula_cells_and_reads_them_back(synthetic_data, tmp_path):
    text = REPORT_A.replace("Tổng kim ngạch", "=HYPERLINK(\"x\") Tổng kim ngạch")
    report, review = reviewed(tmp_path, text, "005_new", accept="")
    raw = review.read_text(encoding="utf-8-sig")
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.loc[0, "note"] = "- checked by hand"
    frame.loc[0, "accept"] = "yes"
    from lsreports.sources.excel_text import escape_frame

    escape_frame(frame).to_csv(review, index=False, encoding="utf-8-sig")  # as Excel saves the shown text
    assert not any(line.split(",")[0].startswith(("=", "+", "@")) for line in raw.splitlines())
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    added = ls.observations().query("source_doc == '005_new'")
    assert list(added["note"]) == ["- checked by hand"]


# --- bad input: one line, exit 2, nothing written ----------------------------------------------


def _encrypted(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)


def _truncated_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(REPORT_A)
    document.save(str(path))
    path.write_bytes(path.read_bytes()[:900])


def _twenty_mb(path: Path) -> None:
    line = REPORT_A.encode("utf-8")
    with path.open("wb") as handle:
        handle.write(line * (20 * 1024 * 1024 // len(line) + 1))


BAD_REPORTS = {
    "empty file": (lambda p: p.write_bytes(b""), "is empty"),
    "binary file": (lambda p: p.write_bytes(os.urandom(4096).replace(b"%PDF", b"....") + b"\x00"), "binary"),
    "directory": (lambda p: p.mkdir(), "is a directory"),
    "Windows-1258 text": (lambda p: p.write_bytes(legacy(REPORT_A)), "Windows-1258"),
    "UTF-16 text": (lambda p: p.write_bytes(REPORT_A.encode("utf-16")), "UTF-16"),
    "20 MB text": (_twenty_mb, "larger than 20 MB"),
    "encrypted PDF": (_encrypted, "encrypted PDF"),
    "corrupted DOCX": (_truncated_docx, "corrupted .docx"),
    "PDF named .txt (scan, no text)": (lambda p: _blank_pdf(p), "needs OCR"),
}


def _blank_pdf(path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    with path.open("wb") as handle:
        writer.write(handle)


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("case", list(BAD_REPORTS))
def test_bad_reports_are_refused_in_one_line(case, command, synthetic_data, tmp_path, capsys):
    make, message = BAD_REPORTS[case]
    report = tmp_path / "report_005.txt"
    make(report)
    out = tmp_path / "out.csv"
    argv = ["extract", str(report), "-o", str(out)] if command == "extract" else [
        "ingest", str(report), "--review", str(out)]
    refused(capsys, argv, synthetic_data, "report_005.txt", message)
    assert not out.exists()


def _edit(column: str, value: str):
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, column] = value
        return frame
    return edit


BAD_REVIEWS = {
    "bad unit": (_edit("unit", "VND_bn"), "unit must be"),
    "bad date": (_edit("start", "2025-02-30"), "start must be a date YYYY-MM-DD"),
    "start after end": (_edit("start", "2026-01-01"), "is after end"),
    "bad measure": (_edit("measure", "growth"), "measure must be one of"),
    "unknown id": (_edit("indicator_id", "trade_totl"), "unknown indicator_id 'trade_totl' (close: trade_total"),
    "quote not in text": (_edit("quote", "đạt 999 triệu USD"), "quote not found in the report's text"),
    "value not in quote": (_edit("value", "601"), "no number printed in the quote equals 601"),
    "value not a number": (_edit("value", "6,1"), "value must be a number"),
    "bad status": (_edit("status", "guess"), "status must be actual or estimate"),
    "accept có": (_edit("accept", "có"), "accept is 'có'"),
    "accept OK": (_edit("accept", "OK"), "accepted values: yes, no, empty"),
    "accept x": (_edit("accept", "x"), "accept is 'x'"),
    "conflicting row": (_edit("review", "conflicts"), "refusing to overwrite"),
    "missing column": (lambda f: f.drop(columns=["measure"]), "missing columns ['measure']"),
}


@pytest.mark.parametrize("case", list(BAD_REVIEWS))
def test_hand_edited_review_files_are_checked_before_anything_is_written(case, synthetic_data, tmp_path, capsys):
    edit, message = BAD_REVIEWS[case]
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    edit(frame).to_csv(review, index=False, encoding="utf-8-sig")
    refused(capsys, ["ingest", str(report), "--apply", str(review)], synthetic_data, "review_005_new.csv", message)


@pytest.mark.parametrize("case, write, message", [
    ("missing", lambda path, frame: None, "review file not found; write it first"),
    ("semicolons", lambda path, frame: frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig"),
     "separated by ';'"),
    ("cp1258", lambda path, frame: path.write_bytes(legacy(frame.to_csv(index=False))),
     "in Excel save it as 'CSV UTF-8"),
])
def test_review_files_in_the_wrong_shape_get_one_line_saying_what_to_do(case, write, message, synthetic_data,
                                                                       tmp_path, capsys):
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    review.unlink()
    write(review, frame)
    refused(capsys, ["ingest", str(report), "--apply", str(review)], synthetic_data, message)


def test_html_given_to_extract_is_converted_and_the_note_says_so(synthetic_data, tmp_path, capsys):
    page = tmp_path / "page_005.txt"  # HTML whatever the name
    page.write_text("<!DOCTYPE html><html><body>" + "".join(f"<p>{line}</p>" for line in REPORT_A.splitlines())
                    + "</body></html>", encoding="utf-8")
    out = tmp_path / "rows.csv"
    assert main(["extract", str(page), "-o", str(out)]) == 0
    assert "warning: page_005.txt: converted from HTML to text" in capsys.readouterr().err
    rows = pd.read_csv(out, dtype=str)
    assert not rows["quote"].str.contains("<").any() and "600" in set(rows["value"].str.replace(".0", ""))


def test_a_review_quote_in_decomposed_unicode_is_accepted_as_the_validator_does(synthetic_data, tmp_path):
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame["quote"] = frame["quote"].map(lambda quote: unicodedata.normalize("NFD", quote))  # as some editors save
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    assert (ls.observations()["source_doc"] == "005_new").sum() == 3
    curate_check_passes()


# --- the same report twice (issue 22, N37) --------------------------------------------------


def test_the_same_text_under_a_new_id_is_refused_naming_the_existing_id(synthetic_data, tmp_path, capsys):
    copy = tmp_path / "copy.txt"  # SYNTHETIC: the vendored synthetic report, byte for byte, under a new name
    copy.write_bytes((synthetic_data / "raw" / "reports" / "999_synthetic.txt").read_bytes())
    review = tmp_path / "review.csv"
    for argv in (["ingest", str(copy), "--review", str(review)],
                 ["ingest", str(copy), "--doc-id", "005_relabelled", "--review", str(review)]):
        refused(capsys, argv, synthetic_data, "already vendored as report '999_synthetic'", "nothing was written")
    assert not review.exists()


def test_a_review_made_before_the_same_text_was_vendored_is_refused_on_apply(synthetic_data, tmp_path, capsys):
    report_a, review_a = reviewed(tmp_path, REPORT_A, "005_a")
    twin = tmp_path / "twin"
    twin.mkdir()
    report_b, review_b = reviewed(twin, REPORT_A, "006_b")  # same text, another id, reviewed before 005_a lands
    assert main(["ingest", str(report_a), "--apply", str(review_a)]) == 0
    refused(capsys, ["ingest", str(report_b), "--apply", str(review_b)], synthetic_data,
            "already vendored as report '005_a'")
    assert (ls.observations()["source_doc"] == "006_b").sum() == 0


def test_an_existing_id_for_a_different_text_is_refused_even_when_its_text_is_not_vendored(synthetic_data, tmp_path,
                                                                                            capsys):
    (synthetic_data / "raw" / "reports" / "999_synthetic.txt").unlink()  # as a public text kept out of git
    report, review = reviewed(tmp_path, REPORT_B, "999_synthetic", accept="yes")  # a review is allowed
    refused(capsys, ["ingest", str(report), "--apply", str(review)], synthetic_data,
            "report id '999_synthetic' is already used by another text")


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f"])
def test_a_control_character_anywhere_in_a_text_is_refused_naming_where(synthetic_data, tmp_path, capsys, character):
    """N38: SYNTHETIC report with a NUL, escape or DEL after the first 8 KB (which the binary sniffing reads)."""
    filler = "Tình hình kinh tế - xã hội ổn định.\n" * 400  # about 16 KB
    report = tmp_path / "005_ctl.txt"
    report.write_text(REPORT_A + filler + f"Ghi chú{character}[31m cuối.\n", encoding="utf-8")
    line = (REPORT_A + filler).count("\n") + 1
    for argv in (["extract", str(report)], ["ingest", str(report), "--review", str(tmp_path / "r.csv")]):
        refused(capsys, argv, synthetic_data, f"control character U+{ord(character):04X} at line {line}, column 8")


@pytest.mark.parametrize("doc_id", ["999", "999_synthetic_v2"])
def test_a_doc_id_that_begins_or_extends_an_existing_id_is_refused(synthetic_data, tmp_path, capsys, doc_id):
    """N41: `--doc-id 999` beside 999_synthetic would make `curate gaps 999` name the new report."""
    report = tmp_path / "new.txt"
    report.write_text(REPORT_B, encoding="utf-8")
    refused(capsys, ["ingest", str(report), "--doc-id", doc_id, "--review", str(tmp_path / "r.csv")], synthetic_data,
            "begin alike", "curate gaps 999")
    assert main(["curate", "gaps", "999"]) == 0 and "curate gaps: " in capsys.readouterr().out
