"""Source texts: whitespace collapsing, reading, and the sha256 manifest check (SYNTHETIC data)."""
import pytest

import lsreports as ls
from lsreports.errors import DataFileError
from lsreports.sources.paths import reports_dir
from lsreports.sources.reports import collapse_whitespace, report_text, verify_manifest

from conftest import SYNTHETIC_DOC


def test_collapse_whitespace_joins_hard_line_breaks():
    assert collapse_whitespace("tăng 45,6% so\n\n với  cùng kỳ\t") == "tăng 45,6% so với cùng kỳ"


def test_report_text_is_returned_as_received(synthetic_data):
    assert report_text(SYNTHETIC_DOC).startswith("BÁO CÁO (SYNTHETIC TEST REPORT)")


def test_missing_and_non_utf8_reports_are_errors(synthetic_data):
    with pytest.raises(DataFileError, match="no source text for report 'nope'"):
        report_text("nope")
    (synthetic_data / "raw" / "reports" / "bad.txt").write_bytes(b"\xff\xfe t\xe0ng")
    with pytest.raises(DataFileError, match=r"bad\.txt: not UTF-8"):
        report_text("bad")


def test_manifest_detects_a_changed_or_missing_source(synthetic_data):
    assert verify_manifest(ls.reports())["ok"].all()
    path = synthetic_data / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("500", "501"), encoding="utf-8")
    assert not verify_manifest(ls.reports())["ok"].any()
    path.unlink()
    check = verify_manifest(ls.reports())
    assert check["actual"].tolist() == [""] and not check["ok"].any()


def test_real_manifest_records_every_vendored_report():
    assert sorted(ls.reports()["id"]) == sorted(p.stem for p in reports_dir().glob("*.txt"))
