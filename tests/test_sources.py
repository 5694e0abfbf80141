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
    """Every vendored text is a report of the manifest; public texts are cited, never vendored (issue 23)."""
    manifest = ls.reports()
    reports = manifest.loc[manifest["source_kind"] != "public_text", "id"]
    assert sorted(reports) == sorted(p.stem for p in reports_dir().glob("*.txt"))


def test_short_ids_are_unique_prefixes_at_underscores():
    from lsreports.sources.reports import short_id

    known = ["000_2429f5525668702d", "003_f6a0f138b97f04e0", "bao_cao_6_2026", "bao_cao_7_2026", "plain"]
    assert [short_id(k, known) for k in known] == ["000", "003", "bao_cao_6", "bao_cao_7", "plain"]
    assert short_id("000_2429f5525668702d") == "000"


def test_resolve_report_takes_a_prefix_and_names_the_candidates():
    from lsreports.errors import UnknownReportError
    from lsreports.sources.reports import resolve_report

    known = ["000_2429f5525668702d", "001_51e70314b63cc5bc"]
    assert resolve_report("001", known) == "001_51e70314b63cc5bc"
    assert resolve_report("000_2429f5525668702d", known) == "000_2429f5525668702d"
    with pytest.raises(UnknownReportError, match="ambiguous.*000_2429f5525668702d, 001_51e70314b63cc5bc"):
        resolve_report("00", known)
    with pytest.raises(UnknownReportError, match="known reports: 000_2429f5525668702d, 001_51e70314b63cc5bc"):
        resolve_report("9", known)


def test_an_id_that_also_begins_another_is_ambiguous():
    """N41: SYNTHETIC ids; '003' must not silently name a new report '003' beside 003_f6a0f138b97f04e0."""
    from lsreports.errors import UnknownReportError
    from lsreports.sources.reports import resolve_report

    with pytest.raises(UnknownReportError, match="'003' is ambiguous: it begins 003, 003_f6a0f138b97f04e0"):
        resolve_report("003", ["003", "003_f6a0f138b97f04e0"])
    assert resolve_report("003_f", ["003", "003_f6a0f138b97f04e0"]) == "003_f6a0f138b97f04e0"
