"""Stage 5 of the extractor, units, on SYNTHETIC text written for these tests."""
from __future__ import annotations

import pytest

from lsreports.extract.candidates import candidates
from lsreports.extract.segment import segment
from lsreports.extract.units import convert, family_of, unit_after, unit_of


@pytest.mark.parametrize("after, family, factor", [
    (" ty usd, tang", "usd", 1e9), (" nghin ty dong", "vnd", 1e12), (" trieu dong", "vnd", 1e6),
    (" nghin ty vnd, giam", "vnd", 1e12), (" ty vnd", "vnd", 1e9),
    (" nghin tan xi mang", "mass", 1e3), (" tan.", "mass", 1.0), (" trieu kwh", "energy", 1e6),
    (" luot nguoi", "persons", 1.0), (" luot khach", "visits", 1.0), (" ho ngheo", "households", 1.0)])
def test_units_after_a_number(after, family, factor):
    assert unit_after(after)[:2] == (family, factor)


def test_no_unit_and_a_word_that_only_starts_like_one():
    assert unit_after(" xa") is None and unit_after(" tang 5%") is None
    assert unit_after(" tanh") is None


def test_conversion_into_the_codebook_unit():
    assert convert(1.2, 1e9, "USD_mn") == 1200
    assert convert(812.4, 1e3, "kt") == 812.4
    assert convert(5, 1.0, "bogus") is None
    assert family_of("VND_bn") == "vnd" and family_of("pct") == ""


def test_the_unit_of_a_done_of_planned_fraction_follows_the_denominator():
    doc = segment("Đã khởi công 12/15 nhà tạm.", "2027-08")
    [cand] = candidates(doc)
    family, factor, length = unit_of(doc, cand)
    assert (family, factor) == ("houses", 1.0)
    assert doc.folded.text[cand.after_start:cand.after_start + length] == "/15 nha"
