"""Quote verification and coverage gaps, on the SYNTHETIC report."""
from __future__ import annotations

import lsreports as ls
from lsreports.sources.provenance import quote_problems, uncovered_numbers, value_is_printed

from conftest import SYNTHETIC_DOC, synthetic_rows, write_rows


def test_value_is_printed_handles_scale_and_bases():
    assert value_is_printed(9400.0, "value", "đạt 9,4 tỷ USD")
    assert value_is_printed(58.7, "yoy_pct", "bằng 158,7% so với cùng kỳ")
    assert value_is_printed(-20.7, "yoy_pct", "giảm 20,7%")
    assert value_is_printed(0.0, "yoy_pct", "tương đương cùng kỳ")
    assert not value_is_printed(94.1, "value", "đạt 9,4 tỷ USD")
    assert not value_is_printed(0.0, "value", "đạt 9,4 tỷ USD")


def test_synthetic_rows_have_no_quote_problems(synthetic_data):
    assert quote_problems(ls.observations()).empty


def test_quote_not_in_source_is_reported(synthetic_data):
    rows = synthetic_rows()
    rows[0]["quote"] = "tháng 11 ước đạt 510 triệu USD"
    rows[1]["value"] = "11.0"
    write_rows(synthetic_data / "curated" / "observations.csv", rows)
    problems = quote_problems(ls.observations())
    assert problems["row"].tolist() == [0, 1]
    assert problems["problem"].tolist() == ["quote not found in the source text",
                                            "no number printed in the quote equals 11.0"]


def test_quote_matches_across_line_breaks(synthetic_data):
    rows = synthetic_rows()[:1]
    rows[0].update(indicator_id="trade_total", measure="yoy_pct", unit="pct", value="20.0",
                   quote="tăng 20,0% so với cùng kỳ")  # the source breaks a line after 'so'
    write_rows(synthetic_data / "curated" / "observations.csv", rows)
    assert quote_problems(ls.observations()).empty


def test_gaps_list_uncovered_numbers_only(synthetic_data):
    rows = [r for r in synthetic_rows() if r["indicator_id"] != "prod_rosin"]
    write_rows(synthetic_data / "curated" / "observations.csv", rows)
    gaps = uncovered_numbers(SYNTHETIC_DOC, ls.observations())
    assert gaps["numbers"].tolist() == ["16,5", "1,5"]
    assert gaps["sentence"].tolist()[0].startswith("Nhựa thông 11 tháng ước đạt 16,5 tấn;")
