"""A briefing page's traceable parts share one numbering of sources (SYNTHETIC data of conftest.py)."""
import re

import pytest

from lsreports.publish.page import BriefingPage


def test_sentences_tables_and_sources_share_one_numbering(synthetic_data):
    page = BriefingPage("trade")
    table = page.headline(["trade_total"]).data
    sentence = page.sentences(["trade_total"]).data
    cited = re.findall(r'href="#src-(\d+)"', table + sentence)
    listed = re.findall(r'<li id="src-(\d+)">', page.sources().data)
    assert cited and set(cited) == set(listed)
    # the sentence's level is the table's (same row, same number), not a second entry
    assert len(listed) == len(set(cited))


def test_a_composed_sentence_cites_a_printed_figure_and_refuses_a_missing_one(synthetic_data):
    page = BriefingPage("trade")
    shown = page.say("Turnover: " + page.figure("5,000 million USD", "trade_total", "2025-01-01", "2025-11-30",
                                                "value") + ", " + page.derived("+9.1 %", "5,454.5 / 5,000 - 1"))
    assert 'title="“lũy kế 11 tháng ước đạt 5.000 triệu USD”' in shown.data
    assert 'title="derived: 5,454.5 / 5,000 - 1"' in shown.data
    with pytest.raises(KeyError, match="trade_total for 2024-01-01..2024-11-30"):
        page.figure("4,000", "trade_total", "2024-01-01", "2024-11-30", "value")
