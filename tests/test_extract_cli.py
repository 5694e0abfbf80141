"""The extract and ingest commands: on the four real reports, and the review workflow on a
temporary copy of SYNTHETIC data (the real curated table is never written)."""
from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

import lsreports as ls
from lsreports.cli import main
from lsreports.sources.paths import reports_dir
from lsreports.sources.public_texts import cached_path
from lsreports.sources.provenance import value_is_printed
from lsreports.sources.reports import collapse_whitespace

from conftest import SYNTHETIC_DOC

_MANIFEST = ls.reports().set_index("id")
#: The four full reports, and the public texts (short excerpts, month given from the manifest).
REPORTS = sorted(p for p in reports_dir().glob("*.txt") if _MANIFEST.loc[p.stem, "source_kind"] == "report")
#: The public texts are not in git: their local copies, where this checkout's cache holds them.
PUBLIC = sorted(path for path in map(cached_path, _MANIFEST.index[_MANIFEST["source_kind"] == "public_text"])
                if path.exists())
#: A public text in the register of the province's releases (SYNTHETIC: written for this test).
SYNTHETIC_PUBLIC = (
    "Tình hình kinh tế - xã hội tỉnh Lạng Sơn 6 tháng đầu năm 2025. "
    "Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tỉnh 6 tháng đầu năm 2025 ước đạt 3.500 triệu USD, "
    "tăng 25,3% so với cùng kỳ. Thu ngân sách nhà nước trên địa bàn 6 tháng đầu năm ước đạt 5.120 tỷ đồng, "
    "tăng 12,4% so với cùng kỳ, đạt 61,2% dự toán tỉnh giao.")


def _check_extracted(report: Path, out: Path) -> pd.DataFrame:
    rows = pd.read_csv(out, dtype={"quote": str})
    text = collapse_whitespace(report.read_text(encoding="utf-8"))
    assert (rows["source_doc"] == report.stem).all() and (rows["derived"] == False).all()  # noqa: E712
    for row in rows.itertuples():
        assert collapse_whitespace(row.quote) in text and len(row.quote) <= 200
        assert value_is_printed(row.value, row.measure, row.quote), row
    return rows


@pytest.mark.parametrize("report", REPORTS, ids=[p.stem[:3] for p in REPORTS])
def test_extract_command_on_each_report(report, tmp_path):
    out = tmp_path / "rows.csv"
    assert main(["extract", str(report), "-o", str(out)]) == 0
    assert len(_check_extracted(report, out)) > 50


@pytest.mark.parametrize("text", PUBLIC or [pytest.param(None, marks=pytest.mark.skip(
    reason="no public text in this checkout's .cache/texts (a clean clone): see README, 'Public texts'"))],
    ids=[p.stem for p in PUBLIC] or ["no-cache"])
def test_extract_command_on_each_cached_public_text(text, tmp_path):
    out = tmp_path / "rows.csv"
    month = f"{_MANIFEST.loc[text.stem, 'period_end']:%Y-%m}"
    assert main(["extract", str(text), "--month", month, "-o", str(out)]) == 0
    _check_extracted(text, out)


def test_extract_command_on_a_synthetic_public_text(tmp_path):
    text = tmp_path / "pub_synthetic_2025_h1.txt"
    text.write_text(SYNTHETIC_PUBLIC, encoding="utf-8")
    out = tmp_path / "rows.csv"
    assert main(["extract", str(text), "--month", "2025-06", "-o", str(out)]) == 0
    rows = _check_extracted(text, out)
    found = set(zip(rows["indicator_id"], rows["measure"], rows["value"]))
    assert {("trade_total", "value", 3500.0), ("trade_total", "yoy_pct", 25.3),
            ("budget_revenue_total", "value", 5120.0)} <= found, rows.to_string()


def test_extract_to_stdout_with_doc_id(tmp_path):
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["extract", str(REPORTS[0]), "--doc-id", "custom"]) == 0
    rows = pd.read_csv(io.StringIO(buffer.getvalue()))
    assert set(rows["source_doc"]) == {"custom"}


def test_extract_names_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\x00\x00binary")
    assert main(["extract", str(bad)]) == 2
    assert "scan.pdf" in capsys.readouterr().err


NEW_REPORT = ("BÁO CÁO Tình hình kinh tế - xã hội tháng 12 và 12 tháng năm 2025\n"
              "Tổng kim ngạch xuất nhập khẩu hàng hóa tháng 12 đạt 600 triệu USD; lũy kế 12 tháng đạt 6,1 tỷ USD, "
              "tăng 20,0% so với cùng kỳ.\n")


def _review(synthetic_data: Path, tmp_path: Path, text: str, doc_id: str) -> tuple[Path, Path]:
    report = tmp_path / f"{doc_id}.txt"
    report.write_text(text, encoding="utf-8")
    review = tmp_path / "review.csv"
    assert main(["ingest", str(report), "--doc-id", doc_id, "--review", str(review)]) == 0
    return report, review


def test_ingest_adds_only_accepted_new_rows_and_vendors_the_report(synthetic_data, tmp_path):
    report, review_path = _review(synthetic_data, tmp_path, NEW_REPORT, "005_new")
    review = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert set(review["review"]) == {"new"} and len(review) == 3
    review.loc[review["measure"] == "yoy_pct", "accept"] = "yes"
    review.to_csv(review_path, index=False, encoding="utf-8-sig")
    before = len(ls.observations())
    assert main(["ingest", str(report), "--apply", str(review_path)]) == 0
    after = ls.observations()
    assert len(after) == before + 1
    added = after.iloc[-1]
    assert (added["indicator_id"], added["measure"], added["value"], added["source_doc"]) == (
        "trade_total", "yoy_pct", 20.0, "005_new")
    assert (synthetic_data / "raw" / "reports" / "005_new.txt").read_text(encoding="utf-8") == NEW_REPORT
    assert "005_new" in set(ls.reports()["id"])


def test_ingest_refuses_to_overwrite_a_curated_row(synthetic_data, tmp_path, capsys):
    # SYNTHETIC: the same report re-extracted, with one curated figure changed in the new text
    original = (synthetic_data / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt").read_text(encoding="utf-8")
    report, review_path = _review(synthetic_data, tmp_path, original.replace("5.000 triệu USD", "5.100 triệu USD"),
                                  SYNTHETIC_DOC)
    review = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert "conflicts" in set(review["review"]) and "agrees" in set(review["review"])
    review["accept"] = "yes"
    review.to_csv(review_path, index=False, encoding="utf-8-sig")
    curated_before = (synthetic_data / "curated" / "observations.csv").read_bytes()
    assert main(["ingest", str(report), "--apply", str(review_path)]) == 2
    err = capsys.readouterr().err
    assert "refusing to overwrite the curated row trade_total 2025-01-01 2025-11-30 value" in err
    assert (synthetic_data / "curated" / "observations.csv").read_bytes() == curated_before


def test_ingest_refuses_a_different_text_under_an_existing_id(synthetic_data, tmp_path, capsys):
    report, review_path = _review(synthetic_data, tmp_path, NEW_REPORT, SYNTHETIC_DOC)
    review = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    review.loc[review["review"] == "new", "accept"] = "yes"
    review.to_csv(review_path, index=False, encoding="utf-8-sig")
    assert main(["ingest", str(report), "--apply", str(review_path)]) == 2
    assert "is already used by another text" in capsys.readouterr().err
