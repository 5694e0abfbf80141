"""The multi-file commit and the data-folder lock (SYNTHETIC files in a temporary folder)."""
from __future__ import annotations

import fcntl
import json
import os

import pytest

from lsreports.errors import DataBusyError, DataFileError
from lsreports.sources import journal
from lsreports.sources.commit import JOURNAL, TEMP_MARK, Commit, appended, data_lock, recover, settle


def test_a_commit_replaces_every_staged_file_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old a\n")
    commit = Commit(tmp_path)
    staged = commit.stage(tmp_path / "a.csv", b"new a\n")
    commit.stage(tmp_path / "sub" / "b.txt", b"new b\n")
    assert staged.read_bytes() == b"new a\n" and (tmp_path / "a.csv").read_bytes() == b"old a\n"
    commit.apply()
    assert (tmp_path / "a.csv").read_bytes() == b"new a\n" and (tmp_path / "sub" / "b.txt").read_bytes() == b"new b\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.csv", "b.txt", "sub"]


def test_an_abandoned_commit_changes_nothing(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old\n")
    commit = Commit(tmp_path)
    commit.stage(tmp_path / "a.csv", b"new\n")
    commit.abandon()
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"] and (tmp_path / "a.csv").read_bytes() == b"old\n"


def test_recover_finishes_a_journalled_commit_and_removes_stale_temporaries(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old\n")
    staged = tmp_path / f".a.csv{TEMP_MARK}x1"
    staged.write_bytes(b"new\n")
    stale = tmp_path / f".b.csv{TEMP_MARK}x2"
    stale.write_bytes(b"half")
    (tmp_path / JOURNAL).write_bytes(journal.dump(tmp_path, [(staged, tmp_path / "a.csv")]))
    assert json.loads((tmp_path / JOURNAL).read_text())["entries"][0]["target"] == "a.csv"  # relative
    done = recover(tmp_path)
    assert done == "finished an interrupted commit of 1 files; removed 1 temporary files of an interrupted write"
    assert (tmp_path / "a.csv").read_bytes() == b"new\n" and [p.name for p in tmp_path.iterdir()] == ["a.csv"]
    assert recover(tmp_path) == ""


def test_recover_refuses_to_replay_over_a_target_edited_since(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"old\n")
    staged = tmp_path / f".a.csv{TEMP_MARK}x1"
    staged.write_bytes(b"new\n")
    (tmp_path / JOURNAL).write_bytes(journal.dump(tmp_path, [(staged, tmp_path / "a.csv")]))
    (tmp_path / "a.csv").write_bytes(b"hand edit\n")
    with pytest.raises(DataFileError, match="a.csv was edited since the interrupted commit; nothing was replayed"):
        recover(tmp_path)
    assert (tmp_path / "a.csv").read_bytes() == b"hand edit\n" and staged.exists() and (tmp_path / JOURNAL).exists()
    assert settle(tmp_path).startswith("warning: ")  # a reader is told, and goes on


def test_appended_adds_the_missing_final_newline(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"h\nlast")
    assert appended(path, "new\n") == b"h\nlast\nnew\n"
    path.write_bytes(b"h\n")
    assert appended(path, "new\n") == b"h\nnew\n"


def test_the_lock_waits_then_says_another_apply_is_writing(tmp_path):
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        with pytest.raises(DataBusyError, match="another lsreports command .* has held it"):
            with data_lock(tmp_path, timeout=0.2):
                pass
    finally:
        os.close(holder)
    with data_lock(tmp_path, timeout=0.2):  # free again
        pass
