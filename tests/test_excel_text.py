"""Formula escaping of CSV cells for Excel users (OWASP CSV-injection advice)."""
from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from lsreports.sources.excel_text import FORMULA_STARTS, escape_cell, escape_frame, unescape_cell, unescape_frame

PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@given(st.text())
def test_escape_round_trips_and_never_leaves_a_formula_start(text):
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(FORMULA_STARTS) or PLAIN_NUMBER.fullmatch(text)  # a number is left as it is


def test_cells_that_start_like_formulas_are_prefixed_numbers_are_not():
    assert [escape_cell(v) for v in ["=1+1", "+84 912", "-  xuất khẩu", "@SUM(A1)", "\tx", "-20.7", "1e5", "tăng"]] == [
        "'=1+1", "'+84 912", "'-  xuất khẩu", "'@SUM(A1)", "'\tx", "-20.7", "1e5", "tăng"]
    assert escape_cell(3.5) == 3.5 and unescape_cell("'plain") == "'plain"


def test_frames_escape_text_columns_only():
    frame = pd.DataFrame({"quote": ["=x", "y"], "value": [-1.0, 2.0]})
    escaped = escape_frame(frame)
    assert escaped["quote"].tolist() == ["'=x", "y"] and escaped["value"].tolist() == [-1.0, 2.0]
    assert unescape_frame(escaped.astype(str))["quote"].tolist() == ["=x", "y"]
