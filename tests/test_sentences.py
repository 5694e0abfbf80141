"""Computed sentences: every figure traceable with a page's citations, plain Markdown without.

On the SYNTHETIC data of conftest.py unless a test says otherwise.
"""
import html
import re
from html.parser import HTMLParser

import pandas as pd

import lsreports as ls
from lsreports.analysis.checks.contributions import contributions
from lsreports.publish.cite import PLAIN, Citations
from lsreports.publish.sentences import (
    contribution_lines, latest_change_sentence, level_sentence, printed_row, share_lines, spread_sentence,
)

FIGURE = re.compile(r"[+-]?\d[\d,.]*\s?(%|million USD|billion VND|points)")


class _Figures(HTMLParser):
    """Collects the figures of an HTML fragment: (shown text, title, href), and the text outside them."""

    def __init__(self):
        super().__init__()
        self.figures, self.outside, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "lsr-src" in (attrs.get("class") or "") and self._open is None:
            self._open = {"tag": tag, "text": "", "title": attrs.get("title", ""), "href": attrs.get("href")}

    def handle_endtag(self, tag):
        if self._open is not None and tag == self._open["tag"]:
            self.figures.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data
        else:
            self.outside.append(data)


def _figures(markup: str) -> _Figures:
    parser = _Figures()
    parser.feed(markup)
    return parser


def _cites() -> Citations:
    return Citations(ls.reports(), ls.indicators())


def test_a_level_sentence_cites_each_printed_figure(synthetic_data):
    cites = _cites()
    sentence = level_sentence(ls.observations(), ls.indicators(), "trade_total", "2025-01-01", "2025-11-30",
                              writer=cites)
    found = _figures(sentence)
    assert [f["text"] for f in found.figures] == ["5,000 million USD1 (estimate)", "+20.0%2", "100.0%3"]
    # each links to its entry in the Sources appendix, its quote on hover
    assert [f["href"] for f in found.figures] == ["#src-1", "#src-2", "#src-3"]
    assert "lũy kế 11 tháng ước đạt 5.000 triệu USD" in found.figures[0]["title"]
    assert "tăng 20,0%" in found.figures[1]["title"] and "đạt 100,0% kế hoạch" in found.figures[2]["title"]
    assert not FIGURE.search("".join(found.outside)), "a figure outside its citation"
    appendix = cites.appendix_html()
    assert appendix.count("<li id=\"src-") == 3 and "lũy kế 11 tháng" in appendix


def test_the_plain_writer_gives_the_same_sentence_without_markup(synthetic_data):
    plain = level_sentence(ls.observations(), ls.indicators(), "trade_total", "2025-01-01", "2025-11-30")
    cited = level_sentence(ls.observations(), ls.indicators(), "trade_total", "2025-01-01", "2025-11-30",
                           writer=_cites())
    text_only = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sup>\d+</sup>", "", cited)))
    assert plain == text_only
    assert "<" not in plain


def test_a_derived_share_shows_its_formula_not_a_quote(synthetic_data):
    lines = share_lines(ls.load("trade"), "trade_total_export", "trade_total", "exports were", writer=_cites())
    found = _figures(lines)
    assert [f["text"] for f in found.figures] == ["40.0%"]
    assert found.figures[0]["href"] is None  # derived: no Sources entry to link to
    assert found.figures[0]["title"].startswith("derived: trade_total_export 2,000 / trade_total 5,000 x 100")


def test_contributions_cite_the_printed_rate_and_give_each_part_its_formula():
    """Real curated data (read only): the all-types trade of January-May 2026 and its parts."""
    obs = ls.observations()
    table = contributions(obs)
    cites = Citations(ls.reports(), ls.indicators())
    lines = contribution_lines(table, ls.indicators(), "trade_total", obs=obs, writer=cites)
    found = _figures(lines)
    printed = [f for f in found.figures if f["href"]]
    derived = [f for f in found.figures if not f["href"]]
    assert printed and all("so với cùng kỳ" in f["title"] or "%" in f["title"] for f in printed)
    assert len(derived) >= 2 * len(printed)  # at least two parts' points and a residual per period
    assert all(f["title"].startswith("derived: ") for f in derived)
    assert not FIGURE.search("".join(found.outside))


def test_quotes_render_as_text_in_a_sentence(synthetic_data):
    """SYNTHETIC: a quote carrying markup (as any text fed to the ingest could)."""
    obs = ls.observations()
    row = printed_row(obs, "trade_total", "2025-01-01", "2025-11-30", "value")
    hostile = dict(row, quote='<script>alert("x")</script> "tăng"')
    cites = _cites()
    markup = cites.figure("5,000", hostile)
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "<script>" not in cites.appendix_html()


def test_change_and_spread_sentences_cite_their_rates(synthetic_data):
    obs = ls.observations()
    cites = _cites()
    change = latest_change_sentence(obs, "trade_total", "trade", writer=cites)
    assert [f["text"] for f in _figures(change).figures] == ["+20.00%1"]  # the year to date ending with November
    rates = obs.loc[obs["measure"] == "yoy_pct"].assign(name_en=["A", "B"])
    spread = spread_sentence(rates, "series", writer=cites)
    shown = [f["text"].rstrip("0123456789") for f in _figures(spread).figures]
    assert shown == ["+20.0%", "+10.0%"]
    assert "2 of 2 series grew" in spread
    assert PLAIN.bullets(["a", "b"]) == "- a\n- b"


def test_no_printed_row_means_no_figure(synthetic_data):
    assert printed_row(ls.observations(), "trade_total", "2024-01-01", "2024-11-30", "value") is None
    assert printed_row(ls.observations(), "trade_total", pd.Timestamp("2025-01-01"), "2025-11-30", "value")["value"] == 5000


def test_a_proposal_reads_as_a_proposal():
    """Report 004's rice: a proposal and a need, never rice handed out (issue 27)."""
    obs, catalogue = ls.observations(), ls.indicators()
    for indicator, word in (("rice_support_households", "proposed"), ("rice_support_kg", "needed")):
        sentence = level_sentence(obs, catalogue, indicator, "2026-01-01", "2026-01-31")
        assert f"({word}) for January 2026" in sentence, sentence
        assert "reached" not in sentence and "given" not in sentence, sentence
    cites = _cites()
    html = level_sentence(obs, catalogue, "rice_support_households", "2026-01-01", "2026-01-31", writer=cites)
    assert '<span class="lsr-status"> (proposed)</span>' in html and "8,000 households<sup>" in html and "xuat" in cites.appendix_html()
