"""Traceable figures: quote and report on hover, a Sources entry, formulas for derived figures,
a visible mark and reason for flagged ones, and data always escaped (SYNTHETIC rows)."""
import pandas as pd

from lsreports.publish.cite import FLAG_MARK, Citations

MANIFEST = pd.DataFrame({"id": ["900_synthetic"], "period_end": ["2026-05-31"]})
CATALOGUE = pd.DataFrame({"indicator_id": ["x"], "name_en": ["Synthetic <i>x</i>"]})


def _row(**extra):
    row = {"indicator_id": "x", "start": pd.Timestamp("2026-01-01"), "end": pd.Timestamp("2026-05-31"),
           "measure": "value", "value": 12.5, "source_doc": "900_synthetic", "derived": False,
           "quote": "đạt 12,5 tỷ <script>alert(1)</script>", "flag": pd.NA, "note": pd.NA}
    return {**row, **extra}


def test_a_printed_figure_links_to_its_source_with_the_quote_on_hover():
    cites = Citations(MANIFEST, CATALOGUE)
    shown = cites.figure("12.5", _row())
    assert shown.startswith('<a class="lsr-src" href="#src-1" title="“đạt 12,5 tỷ &lt;script&gt;')
    assert "(report to May 2026)" in shown and FLAG_MARK not in shown
    appendix = cites.appendix_html()
    assert '<li id="src-1">' in appendix and "&lt;script&gt;alert(1)&lt;/script&gt;" in appendix
    assert "<script>" not in shown + appendix and "Synthetic &lt;i&gt;x&lt;/i&gt;" in appendix
    assert cites.figure("12.5", _row()).count("#src-1") == 1 and len(cites.entries) == 1  # cited once


def test_a_derived_figure_shows_its_formula_and_no_source_entry():
    cites = Citations(MANIFEST, CATALOGUE)
    shown = cites.figure("25", {"indicator_id": "x", "derived": True, "formula": "12.5 × 2 = 25"})
    assert shown == '<span class="lsr-src" title="derived: 12.5 × 2 = 25">25</span>'
    assert cites.appendix_html() == ""


def test_a_flagged_figure_carries_the_mark_and_its_one_line_reason():
    cites = Citations(MANIFEST, CATALOGUE)
    shown = cites.figure("12.5", _row(flag="conflict_in_source", note="printed for 5 months, but " + "x " * 200))
    assert f'title="The report contradicts itself on this figure: printed for 5 months, but x' in shown and FLAG_MARK in shown
    assert FLAG_MARK in cites.appendix_html()
    flags = pd.DataFrame({"check": ["implied_plan"], "indicator_id": ["x"], "period": ["2026 Jan-May"],
                          "source_docs": ["900_synthetic, 901_other"], "detail": ["plans differ"]})
    assert "implied plan: plans differ" in Citations(MANIFEST, CATALOGUE, flags).figure("12.5", _row())
