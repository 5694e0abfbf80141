"""Strict CSV reading: the fast pandas reader and the line-by-line reader agree on what is wrong.

Every file here is SYNTHETIC, written by the test.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lsreports.sources.csvread import check_separators, read_columns, read_frame
from lsreports.errors import DataFileError

REQUIRED = ("name", "value")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _separators(path: Path) -> None:
    frame, data = read_frame(path, REQUIRED)
    check_separators(path, data, list(frame.columns), [frame[c].to_numpy() for c in ("name", "note")])


def test_fields_are_kept_as_written(tmp_path):
    path = _write(tmp_path, 'name,value,note\nA,1.50,"a, b"\nB,007,\n')
    frame, _ = read_frame(path, REQUIRED)
    assert frame["value"].tolist() == ["1.50", "007"]  # no numeric parsing, no NaN for empty fields
    assert frame["note"].tolist() == ["a, b", ""]
    assert read_columns(path, REQUIRED)["value"].tolist() == ["1.50", "007"]


def test_quoted_commas_and_blank_lines_pass_the_separator_check(tmp_path):
    _separators(_write(tmp_path, 'name,value,note\n"x, y",1,"p, q, r"\n\nB,2,\n'))


def test_short_line_is_named_although_pandas_pads_it(tmp_path):
    path = _write(tmp_path, "name,value,note\nA,1,n\nB,2\nC,3,m\n")
    frame, data = read_frame(path, REQUIRED)
    assert frame["note"].tolist() == ["n", "", "m"]  # what the C parser silently does
    with pytest.raises(DataFileError, match=r"table\.csv: line 3: 2 fields, the header has 3"):
        check_separators(path, data, list(frame.columns), [frame[c].to_numpy() for c in ("name", "note")])


def test_long_line_is_named(tmp_path):
    path = _write(tmp_path, "name,value,note\nA,1,n\nB,2,m,extra\n")
    with pytest.raises(DataFileError, match=r"line 3: 4 fields, the header has 3"):
        read_frame(path, REQUIRED)


def test_a_long_line_on_every_row_is_not_taken_as_an_index(tmp_path):
    # pandas would silently use the first column as the index here
    path = _write(tmp_path, "name,value\nA,1,x\nB,2,y\n")
    with pytest.raises(DataFileError, match=r"line 2: 3 fields, the header has 2"):
        read_frame(path, REQUIRED)


@pytest.mark.parametrize("content, expected", [
    (None, r"table\.csv: file not found"),
    (b"", r"table\.csv: empty file"),
    (b"\xef\xbb\xbfname,value\nA,1\n", "byte-order mark"),
    ("name,value\nTh\u00e0nh,1\n".encode("cp1258"), "not UTF-8"),
    (b"name,amount\nA,1\n", r"line 1: missing columns \['value'\]"),
    (b'name,value\n"A,1\n', "malformed CSV|fields"),
])
def test_bad_files_get_the_same_message_from_both_readers(tmp_path, content, expected):
    path = tmp_path / "table.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataFileError, match=expected):
        read_frame(path, REQUIRED)
    with pytest.raises(DataFileError, match=expected):
        read_columns(path, REQUIRED)


def test_header_only_file_is_an_empty_table(tmp_path):
    path = _write(tmp_path, "name,value,note\n")
    frame, data = read_frame(path, REQUIRED)
    assert len(frame) == 0 and list(frame.columns) == ["name", "value", "note"]
    check_separators(path, data, list(frame.columns), [np.array([], dtype=object)])
