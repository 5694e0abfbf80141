"""Atomic writes: a failed write leaves the previous file whole and no temporary file behind."""
from __future__ import annotations

import pytest

from lsreports.sources.atomic import atomic_path, write_atomic, write_text_atomic


def test_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    write_text_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failure_halfway_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")

    def half_then_fail(handle):
        handle.write("half a fi")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_atomic(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_the_temporary_file_is_in_the_target_folder_and_the_folder_is_created(tmp_path):
    target = tmp_path / "new" / "book.xlsx"
    with atomic_path(target) as temporary:
        assert temporary.parent == target.parent and temporary != target
        temporary.write_bytes(b"x")
    assert target.read_bytes() == b"x"


def test_permissions_of_a_replaced_file_are_kept(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640
