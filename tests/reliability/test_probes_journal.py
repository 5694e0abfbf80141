"""Probes of the recovery journal (issue 22: N35, N36), each on a fresh SYNTHETIC data folder.

A killed ``ingest --apply`` leaves ``data/.lsreports-commit.json``. The journal can only
finish its own commit: its entries are relative to the data folder and refused if they
leave it, and an entry is replayed only over the very bytes it meant to replace. Every
command that reads data/ first finishes a pending commit, or says why it cannot.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import lsreports as ls
from lsreports.cli import main
from lsreports.sources.commit import JOURNAL, TEMP_MARK

from test_ingest_probes import REPORT_A, cli, curate_check_passes, reviewed, snapshot


def killed_apply(tmp_path: Path, point: str) -> tuple[Path, Path]:
    """Apply a SYNTHETIC review, killed at ``point``; return the report and the review file."""
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    assert cli("ingest", str(report), "--apply", str(review), env={"LSREPORTS_FAULT": point}).wait(60) == -9
    return report, review


def test_a_read_command_finishes_a_pending_commit_and_says_so(synthetic_data, tmp_path, capsys):
    killed_apply(tmp_path, "replaced-1")
    assert (synthetic_data / JOURNAL).exists()
    assert main(["summary"]) == 0
    err = capsys.readouterr().err
    assert "finished an interrupted commit of 3 files" in err, err
    assert not (synthetic_data / JOURNAL).exists()
    assert not [p for p in synthetic_data.rglob(f"*{TEMP_MARK}*")]
    assert (ls.observations()["source_doc"] == "005_new").sum() == 3
    curate_check_passes()


def test_a_target_edited_after_the_kill_is_reported_and_nothing_replayed_over_it(synthetic_data, tmp_path, capsys):
    report, review = killed_apply(tmp_path, "replaced-2")  # report text and manifest renamed, the table not yet
    table = synthetic_data / "curated" / "observations.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",estimate,,\n", ",estimate,,a hand-edited note\n", 1), encoding="utf-8")
    edited = table.read_bytes()
    assert main(["curate", "check"]) in (0, 1)
    err = capsys.readouterr().err
    assert "curated/observations.csv was edited since the interrupted commit" in err, err
    assert "nothing was replayed" in err and table.read_bytes() == edited
    before = snapshot(synthetic_data)
    assert main(["ingest", str(report), "--apply", str(review)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "edited since the interrupted commit" in err, err
    assert snapshot(synthetic_data) == before and table.read_bytes() == edited


def _crafted(root: Path, staged: str, target: str) -> None:
    entry = {"staged": staged, "target": target, "staged_sha256": "0" * 64, "target_sha256": None}
    (root / JOURNAL).write_text(json.dumps({"version": 2, "entries": [entry]}), encoding="utf-8")


def test_a_crafted_journal_touches_nothing_outside_data(synthetic_data, tmp_path, capsys):
    victim, evil = tmp_path / "victim.txt", tmp_path / "evil_src"
    victim.write_text("the user's file\n", encoding="utf-8")
    evil.write_text("evil\n", encoding="utf-8")
    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    cases = [(str(evil), str(victim)), ("../evil_src", "../victim.txt"), ("curated/x", "../victim.txt")]
    for staged, target in cases:
        _crafted(synthetic_data, staged, target)
        before = snapshot(synthetic_data)
        assert main(["ingest", str(report), "--apply", str(review)]) == 2
        err = capsys.readouterr().err
        assert "leaves the data folder" in err and "nothing was replayed" in err, err
        assert snapshot(synthetic_data) == before
    # the journal of an older lsreports (absolute pairs) is not trusted either
    (synthetic_data / JOURNAL).write_text(json.dumps([[str(evil), str(victim)]]), encoding="utf-8")
    assert main(["ingest", str(report), "--apply", str(review)]) == 2
    assert "not a commit journal this lsreports can finish" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "the user's file\n" and evil.exists()


def test_a_copied_data_folder_finishes_its_commit_in_the_copy_never_in_the_origin(synthetic_data, tmp_path,
                                                                                   monkeypatch, capsys):
    report, review = killed_apply(tmp_path, "committed")
    copy = tmp_path / "copy" / "data"
    shutil.copytree(synthetic_data, copy, symlinks=True)  # cp -a
    origin = snapshot(synthetic_data)
    monkeypatch.setenv("LSREPORTS_DATA", str(copy))
    assert main(["ingest", str(report), "--apply", str(review)]) == 0
    assert snapshot(synthetic_data) == origin
    assert (ls.observations()["source_doc"] == "005_new").sum() == 3 and not (copy / JOURNAL).exists()
    curate_check_passes()


def test_an_apply_waits_for_a_build_reading_the_data(synthetic_data, tmp_path):
    """N26: a briefing build holds the data lock shared, so an apply cannot change data/ halfway through it."""
    import time

    from lsreports.sources.commit import data_lock

    report, review = reviewed(tmp_path, REPORT_A, "005_new")
    before = snapshot(synthetic_data)
    with data_lock(synthetic_data, shared=True), data_lock(synthetic_data, timeout=1, shared=True):  # readers share
        apply = cli("ingest", str(report), "--apply", str(review))
        time.sleep(2)
        assert apply.poll() is None and snapshot(synthetic_data) == before  # waiting, nothing written
    assert apply.wait(60) == 0, apply.stderr.read()
    assert (ls.observations()["source_doc"] == "005_new").sum() == 3
