"""Vietnamese number notation (lsreports.sources.numbers): properties over generated numbers."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsreports.sources.numbers import NumberFormatError, find_numbers, format_vn_number, parse_vn_number

#: Numbers as the reports print them: up to 12 integer digits and 0-3 decimals.
DECIMALS = st.integers(min_value=0, max_value=3)
NUMBERS = st.integers(min_value=0, max_value=10**12 - 1)


@settings(max_examples=300, deadline=None)
@given(NUMBERS, DECIMALS)
def test_a_number_written_in_vietnamese_style_parses_back_to_its_value(scaled, decimals):
    value = Decimal(scaled).scaleb(-decimals)  # exact: 123456 with 2 decimals is 1234.56
    token = format_vn_number(value, decimals)
    assert parse_vn_number(token) == float(value)


@settings(max_examples=200, deadline=None)
@given(NUMBERS, DECIMALS, st.sampled_from(["tăng ", "đạt ", "(", "lũy kế: "]),
       st.sampled_from([" tỷ đồng", "%", " triệu USD;", ")"]))
def test_a_number_in_a_sentence_is_found_whole_with_its_value(scaled, decimals, before, after):
    value = Decimal(scaled).scaleb(-decimals)
    token = format_vn_number(value, decimals)
    text = f"Kim ngạch {before}{token}{after} so với cùng kỳ"
    found = find_numbers(text)
    assert [(n.token, n.value) for n in found] == [(token, float(value))]
    assert text[found[0].start:found[0].end] == token


@pytest.mark.parametrize(("value", "decimals", "printed"), [
    (1072.9, 1, "1.072,9"), (15120789, 0, "15.120.789"), (45.6, 1, "45,6"), (7, 0, "7"), (0.5, 2, "0,50"),
    (999.95, 1, "1.000,0"),  # rounding carries into a new group (half-even on the decimal value)
])
def test_format_examples(value, decimals, printed):
    assert format_vn_number(value, decimals) == printed


@pytest.mark.parametrize("token", ["1.5", "1.07", "12.3456", ",5", "1,", "1.072.9", "-3", ""])
def test_malformed_tokens_are_refused(token):
    with pytest.raises(NumberFormatError):
        parse_vn_number(token)


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf")])
def test_format_refuses_what_the_reports_never_print(value):
    with pytest.raises(ValueError):
        format_vn_number(value)
