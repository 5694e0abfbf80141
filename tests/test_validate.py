"""The validator's rules on SYNTHETIC quotes and tables (lsreports/sources/validate.py)."""
from __future__ import annotations

import unicodedata

import numpy as np
import pytest

from lsreports.errors import DataFileError
from lsreports.sources.csvread import record_lines
from lsreports.sources.validate import check_table, find_quote, quote_problem, value_is_printed


@pytest.mark.parametrize("value, measure, unit, quote, expected", [
    (6494.0, "value", "houses", "được 6.494/6.508 nhà", True),
    (6.494, "value", "houses", "được 6.494/6.508 nhà", False),        # thousands read as a decimal
    (6494000.0, "value", "persons", "6.494 nghìn người", True),        # a scale word allows the power of ten
    (9400.0, "value", "USD_mn", "đạt 9,4 tỷ USD", True),               # scaled unit and scale word
    (15120.789, "value", "VND_bn", "15.120.789 triệu đồng", True),
    (45.6, "yoy_pct", "pct", "tăng 45,6% so với cùng kỳ", True),
    (456.0, "yoy_pct", "pct", "tăng 45,6% so với cùng kỳ", False),     # rates as printed
    (4.56, "yoy_pct", "pct", "tăng 45,6% so với cùng kỳ", False),
    (58.7, "yoy_pct", "pct", "bằng 158,7% so với cùng kỳ", True),
    (-20.7, "yoy_pct", "pct", "giảm 20,7%", True),
    (0.0, "yoy_pct", "pct", "tương đương cùng kỳ", True),
    (1500.0, "value", "t", "1,5 nghìn tấn", True),
    (1.5, "value", "t", "tháng 11 ước đạt 1.5 tấn", True),             # OCR's dot decimal, as printed
    (15.0, "value", "t", "tháng 11 ước đạt 1,5 tấn", False),
    (57310.0, "value", "VND_bn", "huy động vốn đạt 57.310 tỷ đồng", True),  # the scale word gives the power
    (57.31, "value", "VND_bn", "huy động vốn đạt 57.310 tỷ đồng", False),  # never free: not 1000 times smaller
    (534030.0, "value", "kg", "hỗ trợ 534.030 kg gạo", True),
    (534.03, "value", "kg", "hỗ trợ 534.030 kg gạo", False),
    (84640.0, "value", "USD_mn", "đạt 84,64 tỷ USD", True),
    (84.64, "value", "USD_mn", "đạt 84,64 tỷ USD", False),
    (103900.0, "value", "USD_mn", "đạt 103,9 tỉ USD", True),                 # the spelling "tỉ" (fs4's press)
    (4500000.0, "value", "VND_bn", "ước đạt 4,5 triệu tỉ đồng", True),
    (4.5, "value", "VND_bn", "ước đạt 4,5 triệu tỉ đồng", False),
    (103900.0, "value", "USD_mn", "dat 103,9 ti USD", True),                  # and without diacritics
    (5.2, "value", "pct", "chiếm 5,2 tỉ lệ", True),                           # "tỉ lệ" is a ratio, not a scale
    (250000.0, "value", "VND_bn", "khoảng 250 nghìn tỷ đồng", True),         # compound scale words
    (6000.0, "value", "thousand_visits", "đạt khoảng 6.000.000 lượt người", True),  # the unit's base
    (0.0, "yoy_pct", "pct", "tăng 5,2% so với cùng kỳ", False),               # a 0 % needs words of no change
    (-0.0, "mom_pct", "pct", "tăng 5,2% so với tháng trước", False),
    (0.0, "yoy_pct", "pct", "bằng cùng kỳ năm trước (5.000 tỷ đồng)", True),
])
def test_value_is_printed_follows_the_contract_rule(value, measure, unit, quote, expected):
    assert value_is_printed(value, measure, quote, unit) is expected


def test_an_unknown_unit_allows_a_scale_for_levels_only():
    assert value_is_printed(6.494, "value", "6.494 nhà")
    assert not value_is_printed(456.0, "yoy_pct", "tăng 45,6%")


def test_find_quote_says_when_nfc_made_the_difference():
    text = "Thu ngân sách đạt 4.000 tỷ đồng"
    assert find_quote("ngân sách đạt", text) == "found"
    assert find_quote(unicodedata.normalize("NFD", "ngân sách đạt"), text) == "nfc"
    assert find_quote("chi ngân sách", text) == "missing"
    severity, message = quote_problem(4000.0, "value", "VND_bn", unicodedata.normalize("NFD", "đạt 4.000 tỷ"), text)
    assert severity == "note" and "NFC" in message
    assert quote_problem(4000.0, "value", "VND_bn", "đạt 4.000 tỷ", text) == ("", "")


def test_the_message_for_a_count_explains_the_vietnamese_reading():
    severity, message = quote_problem(6.494, "value", "houses", "6.494 nhà", "được 6.494 nhà")
    assert severity == "error" and "'6.494' is 6494" in message


def _table(tmp_path, rows):
    """A SYNTHETIC observations file and its columns."""
    header = ["indicator_id", "start", "end", "measure", "value", "unit", "source_doc", "quote", "derived"]
    path = tmp_path / "observations.csv"
    path.write_text("\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n", encoding="utf-8")
    columns = {name: np.array([r[i] for r in rows], dtype=object) for i, name in enumerate(header)}
    return path, columns, np.array([float(r[4]) for r in rows])


ROW = ["houses_x", "2025-06-30", "2025-06-30", "value", "6494", "houses", "doc", "6.494 nhà", "false"]


def test_a_negative_level_is_refused_only_for_nonnegative_indicators(tmp_path):
    negative = ROW[:4] + ["-6494"] + ROW[5:]
    path, columns, values = _table(tmp_path, [negative])
    with pytest.raises(DataFileError, match=r"line 2 \(houses_x\): value -6494 is negative"):
        check_table(path, columns, values, frozenset({"houses_x"}))
    check_table(path, columns, values, frozenset())
    rate = negative[:3] + ["yoy_pct"] + negative[4:]
    path, columns, values = _table(tmp_path, [rate])
    check_table(path, columns, values, frozenset({"houses_x"}))


def test_an_exact_duplicate_names_both_lines(tmp_path):
    other = ["other"] + ROW[1:]
    path, columns, values = _table(tmp_path, [ROW, other, ROW])
    with pytest.raises(DataFileError, match=r"line 4 \(houses_x\): exact duplicate of line 2"):
        check_table(path, columns, values, frozenset())


def test_a_repeated_key_names_both_lines(tmp_path):
    same_value = ROW[:7] + ["another quote", "false"]
    path, columns, values = _table(tmp_path, [ROW, same_value])
    with pytest.raises(DataFileError, match=r"line 3 \(houses_x\): same indicator.*as line 2; one row per figure"):
        check_table(path, columns, values, frozenset())
    other_value = ROW[:4] + ["6495"] + ROW[5:]
    path, columns, values = _table(tmp_path, [ROW, other_value])
    with pytest.raises(DataFileError, match=r"line 3 \(houses_x\): .*as line 2 with another value: got 6495"):
        check_table(path, columns, values, frozenset())


def test_record_lines_count_lines_inside_quoted_fields(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"x\ny"\n\n2,"p\u2028q\x0cr"\r\n3,z', encoding="utf-8")
    assert record_lines(path) == [2, 5, 6]
