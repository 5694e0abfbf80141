"""Probes on write paths (issue 17, "Outputs that overwrite the data", "No final newline",
read-only output folder): no command but ``ingest --apply`` writes under data/, and an
apply onto a table without its final newline keeps the table whole."""
from __future__ import annotations

import os

import pandas as pd
import pytest

import lsreports as ls
from probe_kit import OBSERVATIONS, assert_check_passes, assert_refused, fresh_data, row_count, run, snapshot  # noqa: F401

REPORT_000 = "000_2429f5525668702d"


@pytest.mark.parametrize("argv", [
    ("derive", "-o", "{curated}/observations.csv"),
    ("derive", "-o", "{curated}/new_file.csv"),
    ("project", "-o", "{curated}/targets.csv"),
    ("excel", "-o", "{curated}/indicators.csv"),
    ("excel", "-o", "{raw}/reports.csv"),
    ("briefing", "-o", "{raw}/reports"),
    ("briefing", "-o", "{data}/.."),
    ("ingest", "{raw}/reports/" + REPORT_000 + ".txt", "--review", "{curated}/observations.csv"),
    ("ingest", "{raw}/reports/" + REPORT_000 + ".txt", "--review", "{raw}/reports/" + REPORT_000 + ".txt"),
    ("extract", "{raw}/reports/" + REPORT_000 + ".txt", "-o", "{raw}/reports/" + REPORT_000 + ".txt"),
])
def test_an_output_path_in_the_data_folder_is_refused(fresh_data, capsys, argv):
    places = {"data": fresh_data, "curated": fresh_data / "curated", "raw": fresh_data / "raw"}
    argv = tuple(a.format(**places) for a in argv)
    assert_refused(capsys, fresh_data, argv, "refusing to write outputs")
    assert_check_passes(capsys)


def test_an_output_over_the_input_report_is_refused(fresh_data, capsys, tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes((fresh_data / "raw" / "reports" / f"{REPORT_000}.txt").read_bytes())
    before = report.read_bytes()
    assert_refused(capsys, fresh_data, ("ingest", str(report), "--review", str(report)), "refusing to overwrite an input")
    assert report.read_bytes() == before


def test_a_read_only_output_folder_is_one_line(fresh_data, capsys, tmp_path, monkeypatch):
    """Simulated (root ignores permission bits): the temporary file cannot be created."""
    import lsreports.sources.atomic as atomic

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", kwargs.get("dir"))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    target = tmp_path / "locked" / "derived.csv"
    assert_refused(capsys, fresh_data, ("derive", "-o", str(target)), f"{target}: permission denied")
    assert not target.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permission bits")
def test_a_really_read_only_output_folder_is_one_line(fresh_data, capsys, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert_refused(capsys, fresh_data, ("excel", "-o", str(locked / "book.xlsx")), "permission denied")
    finally:
        locked.chmod(0o755)


def test_an_output_file_is_replaced_whole_never_half_written(fresh_data, capsys, tmp_path, monkeypatch):
    target = tmp_path / "derived.csv"
    target.write_text("previous output\n", encoding="utf-8")

    def killed(self, *args, **kwargs):
        raise KeyboardInterrupt  # as if the command were stopped while writing

    monkeypatch.setattr(pd.DataFrame, "to_csv", killed)
    code, _, _ = run(capsys, "derive", "-o", str(target))
    assert code == 130
    assert target.read_text(encoding="utf-8") == "previous output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".derived")] == []


SYNTHETIC_REPORT = """BÁO CÁO (SYNTHETIC PROBE REPORT) tháng 11 năm 2025
Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tháng 11 ước đạt 500 triệu USD, tăng 10,0% so với cùng kỳ.
"""


def _accepted_review(fresh_data, capsys, tmp_path):
    report = tmp_path / "999_synthetic_probe.txt"
    report.write_text(SYNTHETIC_REPORT, encoding="utf-8")
    review = tmp_path / "review.csv"
    code, out, err = run(capsys, "ingest", str(report), "--month", "2025-11", "--review", str(review))
    assert code == 0, err
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.loc[frame["review"] == "new", "accept"] = "yes"
    assert (frame["accept"] == "yes").sum() >= 1
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    return report, review, int((frame["accept"] == "yes").sum())


def test_apply_onto_a_table_without_its_final_newline_keeps_every_row(fresh_data, capsys, tmp_path):
    path = fresh_data.joinpath(*OBSERVATIONS)
    rows = row_count(fresh_data)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    report, review, accepted = _accepted_review(fresh_data, capsys, tmp_path)
    code, out, err = run(capsys, "ingest", str(report), "--apply", str(review))
    assert code == 0, err
    assert len(ls.observations()) == rows + accepted
    assert_check_passes(capsys)


def test_apply_of_a_row_whose_quote_does_not_print_its_value_is_refused(fresh_data, capsys, tmp_path):
    report, review, _ = _accepted_review(fresh_data, capsys, tmp_path)
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    first = frame.index[(frame["accept"] == "yes") & (frame["measure"] == "yoy_pct")][0]
    frame.loc[first, "value"] = str(float(frame.loc[first, "value"]) * 10)  # a rate is compared as printed
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    assert_refused(capsys, fresh_data, ("ingest", str(report), "--apply", str(review)),
                   "no number printed in the quote equals", "nothing was written")


def test_apply_of_a_negative_count_is_refused_by_the_same_check_as_the_loader(fresh_data, capsys, tmp_path):
    report, review, _ = _accepted_review(fresh_data, capsys, tmp_path)
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    first = frame.index[(frame["accept"] == "yes") & (frame["measure"] == "value")][0]
    frame.loc[first, "value"] = "-" + frame.loc[first, "value"]
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    assert_refused(capsys, fresh_data, ("ingest", str(report), "--apply", str(review)),
                   "is negative", "would make the curated table invalid")


# --- a full disk names the file (issue 22, N31) -----------------------------------------------


def test_a_full_disk_names_the_output_file(fresh_data, capsys, tmp_path, monkeypatch):
    """SIMULATED: the temporary file's writes go to /dev/full, whose error ("No space left on device") has no name."""
    from pathlib import Path

    real_open = Path.open

    def full(self, *args, **kwargs):
        if self.name.startswith(".derived.csv."):
            return open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - the writer closes it
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full)
    target = tmp_path / "derived.csv"
    assert_refused(capsys, fresh_data, ("derive", "-o", str(target)), f"{target}: No space left on device")
    assert not target.exists() and not list(tmp_path.glob(".derived.csv.*"))


def test_a_full_disk_during_an_apply_names_the_data_file(fresh_data, capsys, tmp_path, monkeypatch):
    """SIMULATED: fsync of a staged file fails as a full disk does, without a file name; nothing is changed."""
    import errno

    import lsreports.sources.commit as commit

    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    report = fresh_data / "raw" / "reports" / f"{REPORT_000}.txt"
    review = tmp_path / "review.csv"
    code, _, err = run(capsys, "ingest", str(report), "--review", str(review))
    assert code == 0, err
    frame = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    new = frame.loc[frame["review"] == "new"]
    if new.empty:
        pytest.skip("every candidate of the report is curated already")
    frame.loc[new.index[:1], "accept"] = "yes"
    frame.to_csv(review, index=False, encoding="utf-8-sig")
    monkeypatch.setattr(commit.os, "fsync", full)
    message = assert_refused(capsys, fresh_data, ("ingest", str(report), "--apply", str(review)),
                             "No space left on device")
    assert "observations.csv: No space left on device" in message or "reports.csv: No space" in message, message
    assert not [p for p in fresh_data.rglob("*") if commit.TEMP_MARK in p.name]
