"""Fault-injection probes on the curated table itself (issue 17, "Silent corruption" and
"Inputs in the wrong shape"): each edits a fresh copy of the real data (SYNTHETIC faults)
and checks that it is refused with a clear line and data/ untouched, or accepted and
``curate check`` passes."""
from __future__ import annotations

import unicodedata

import pandas as pd
import pytest

import lsreports as ls
from probe_kit import OBSERVATIONS, assert_check_passes, assert_refused, edit_line, fresh_data, line_of, row_count, run  # noqa: F401

HOUSES = "temp_housing_started,2025-06-30,2025-06-30,value,6494.0,houses"
YOY = "trade_total,2025-01-01,2025-11-30,yoy_pct,"


def _line_starting(root, prefix: str) -> int:
    return line_of(root, "\n" + prefix) + 1


def test_thousands_stored_as_a_decimal_is_refused_by_curate_check(fresh_data, capsys):
    line = _line_starting(fresh_data, HOUSES)
    edit_line(fresh_data, line, ",6494.0,houses,", ",6.494,houses,")  # "6.494 nhà" read as 6.494
    assert_refused(capsys, fresh_data, ("curate", "check"), f"line {line} (temp_housing_started",
                   "no number printed in the quote equals 6.494", "'6.494' is 6494", code=1)


def test_a_yoy_rate_ten_times_too_large_is_refused(fresh_data, capsys):
    line = _line_starting(fresh_data, YOY)
    text = fresh_data.joinpath(*OBSERVATIONS).read_text(encoding="utf-8").split("\n")[line - 1]
    value = text.split(",")[4]
    edit_line(fresh_data, line, f",{value},pct,", f",{float(value) * 10},pct,")
    assert_refused(capsys, fresh_data, ("curate", "check"), f"line {line} (trade_total",
                   f"no number printed in the quote equals {float(value) * 10}", code=1)


@pytest.mark.parametrize("command", [("summary",), ("curate", "check"), ("derive",)])
def test_a_negative_count_is_refused_by_every_reader(fresh_data, capsys, command):
    line = _line_starting(fresh_data, HOUSES)
    edit_line(fresh_data, line, ",6494.0,houses,", ",-6494.0,houses,")
    assert_refused(capsys, fresh_data, command, f"observations.csv: line {line} (temp_housing_started)",
                   "value -6494 is negative", "nonnegative")


def test_a_negative_growth_rate_is_still_accepted(fresh_data, capsys):
    line = _line_starting(fresh_data, YOY)
    value = fresh_data.joinpath(*OBSERVATIONS).read_text(encoding="utf-8").split("\n")[line - 1].split(",")[4]
    assert float(value) > 0
    rows = row_count(fresh_data)
    edit_line(fresh_data, line, f",{value},pct,", f",-{value},pct,")  # "giảm" instead of "tăng": sign is free
    assert len(ls.observations()) == rows


def _duplicate_export_row(root) -> tuple[int, int]:
    path = root.joinpath(*OBSERVATIONS)
    lines = path.read_text(encoding="utf-8").split("\n")
    first = _line_starting(root, "trade_total_export,")
    path.write_text("\n".join(lines[:-1] + [lines[first - 1], ""]), encoding="utf-8")
    return first, len(lines)


@pytest.mark.parametrize("command", [("summary",), ("curate", "check"), ("excel", "-o", "OUT/book.xlsx")])
def test_an_exact_duplicate_row_is_refused_naming_both_lines(fresh_data, capsys, command, tmp_path):
    first, second = _duplicate_export_row(fresh_data)
    argv = tuple(a.replace("OUT", str(tmp_path)) for a in command)
    assert_refused(capsys, fresh_data, argv, f"line {second} (trade_total_export): exact duplicate of line {first}")


def test_consistency_flags_count_a_duplicated_part_once(fresh_data):
    """The crash of issue 17: a duplicated part row made consistency_flags() fail."""
    obs = ls.observations()
    part = obs.loc[obs["indicator_id"] == "trade_total_export"].head(1)
    doubled = pd.concat([obs, part], ignore_index=True)
    pd.testing.assert_frame_equal(ls.consistency_flags(doubled, ls.indicators()),
                                  ls.consistency_flags(obs, ls.indicators()))


def test_a_quote_in_decomposed_unicode_is_found_and_the_note_says_why(fresh_data, capsys):
    path = fresh_data.joinpath(*OBSERVATIONS)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "quote"] = unicodedata.normalize("NFD", frame.loc[0, "quote"])
    assert frame.loc[0, "quote"] != unicodedata.normalize("NFC", frame.loc[0, "quote"])
    frame.to_csv(path, index=False, lineterminator="\n")
    out = assert_check_passes(capsys)
    assert "note: line 2 (trade_total" in out and "Unicode NFC normalisation" in out and "1 notes" in out


@pytest.mark.parametrize("character", ["\u2028", "\x0c"])
def test_a_line_separator_or_form_feed_inside_a_quoted_field_is_kept(fresh_data, capsys, character):
    line = _line_starting(fresh_data, HOUSES)
    rows = row_count(fresh_data)
    edit_line(fresh_data, line, "đã khởi công, hoàn thành", f"đã khởi công,{character}hoàn thành")
    obs = ls.observations()
    assert len(obs) == rows
    assert character in obs.loc[obs["indicator_id"] == "temp_housing_started", "quote"].iloc[0]
    assert_check_passes(capsys)


def test_line_numbers_are_editor_lines_after_multi_line_quotes(fresh_data, capsys):
    edit_line(fresh_data, 2, "Trong tháng 11/2025, tổng", "Trong tháng 11/2025,\ntổng")
    edit_line(fresh_data, 5, "xuất khẩu đạt", "xuất\nkhẩu\r\nđạt")  # line 4 before the edit above
    assert_check_passes(capsys)  # the quotes still match after whitespace collapsing
    line = _line_starting(fresh_data, HOUSES)
    edit_line(fresh_data, line, ",6494.0,houses,", ",-6494.0,houses,")
    assert_refused(capsys, fresh_data, ("summary",), f"line {line} (temp_housing_started)")


def test_line_numbers_in_curate_check_findings_are_editor_lines(fresh_data, capsys):
    edit_line(fresh_data, 2, "Trong tháng 11/2025, tổng", "Trong tháng 11/2025,\n\ntổng")
    line = _line_starting(fresh_data, HOUSES)
    edit_line(fresh_data, line, ",6494.0,houses,", ",6.494,houses,")
    assert_refused(capsys, fresh_data, ("curate", "check"), f"line {line} (temp_housing_started", code=1)


def test_a_table_without_a_final_newline_loads(fresh_data, capsys):
    path = fresh_data.joinpath(*OBSERVATIONS)
    rows = row_count(fresh_data)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert len(ls.observations()) == rows
    assert_check_passes(capsys)


# --- periods against the quote's own words (issue 22, N21) -------------------------------------------

TRADE_NOV = "trade_total,2025-11-01,2025-11-30,"


def test_a_month_figure_dated_to_half_the_month_is_refused(fresh_data, capsys):
    line = _line_starting(fresh_data, TRADE_NOV + "value,9400.0")  # "Trong tháng 11/2025, ... đạt trên 9,4 tỷ USD"
    edit_line(fresh_data, line, TRADE_NOV, "trade_total,2025-11-15,2025-11-30,")
    assert_refused(capsys, fresh_data, ("curate", "check"), f"line {line} (trade_total",
                   "the quote names 'tháng 11', the whole month: the period must be 2025-11-01..2025-11-30", code=1)


def test_a_mom_rate_over_five_months_is_refused(fresh_data, capsys):
    line = _line_starting(fresh_data, TRADE_NOV + "mom_pct,60.7")
    edit_line(fresh_data, line, TRADE_NOV, "trade_total,2025-07-01,2025-11-30,")
    assert_refused(capsys, fresh_data, ("curate", "check"), f"line {line} (trade_total",
                   "a mom_pct compares a month with the month before", code=1)


# --- a CSV saved in another encoding (issue 22, A3) --------------------------------------------------


@pytest.mark.parametrize("name, encoding, expected", [
    ("observations.csv", "cp1258", "it looks like Windows-1258 (Vietnamese)"),
    ("targets.csv", "cp1258", "it looks like Windows-1258 (Vietnamese)"),
    ("targets.csv", "utf-16", "it looks like UTF-16"),
])
def test_a_csv_in_another_encoding_names_the_line_the_encoding_and_the_remedy(fresh_data, capsys, name, encoding,
                                                                               expected):
    path = fresh_data / "curated" / name
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode(encoding, "replace"))  # SYNTHETIC: saved by a legacy editor
    first_bad = 1 if encoding == "utf-16" else next(n for n, line in enumerate(text.split("\n"), 1) if not line.isascii())
    assert_refused(capsys, fresh_data, ("curate", "check"), f"{name}: line {first_bad}: not UTF-8 text", expected,
                   f"iconv -f {encoding.upper()} -t UTF-8")
