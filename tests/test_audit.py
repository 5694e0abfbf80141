"""The audit that stays (issue 27, item 7): the overview's shown figures read back against their rows.

The overview's key table is built small (the table and its Sources, not the whole page) from the
curated data; each planted mislabel below is a SYNTHETIC edit of that HTML, and must fail.
"""
from __future__ import annotations

import pytest

import lsreports as ls
from lsreports.publish.audit import audit_figures, audit_markdown, overview_table, shown_figures
from lsreports.publish.cite import Citations
from lsreports.publish.sentences import level_sentence


@pytest.fixture(scope="module")
def built():
    html, obs = overview_table()
    return html, obs, ls.indicators(), ls.reports()


def _audit(html, built):
    return audit_figures(html, *built[1:])


def test_every_figure_of_the_overview_matches_its_row(built):
    table = _audit(built[0], built)
    assert len(table) >= 30 and table["ok"].all(), table.loc[~table["ok"], ["number", "shown", "problem"]].to_string()
    # the faults of issue 27 are not in it: the trade row is the year to 14 May, the houses' base is named
    shown = table.groupby(table["indicator_id"] + ":" + table["measure"])["shown"].agg(list)
    assert "40,542 million USD" in shown["trade_total:value"]  # the year to 14 May (May's level beside it)
    assert shown["temp_housing_completed:plan_pct"] == ["99.9% of all houses approved"]


@pytest.mark.parametrize("planted, check", [
    ("99.9% of all houses approved", "base"),   # the default "plan" the issue found
    ("40,542 million USD", "value"),
    ('<span class="lsr-status"> (estimate)</span>', "status"),
    ("481.6 thousand tonnes", "unit"),
    ("1 January to 14 May 2026", "period"),
])
def test_a_planted_mislabel_fails(built, planted, check):
    wrong = {"99.9% of all houses approved": "99.9% of plan", "40,542 million USD": "40,452 million USD",
             '<span class="lsr-status"> (estimate)</span>': "", "481.6 thousand tonnes": "481.6 tonnes",
             "1 January to 14 May 2026": "January-April 2026"}[planted]
    html = built[0]
    assert planted in html
    table = _audit(html.replace(planted, wrong, 1), built)
    failed = table.loc[~table["ok"]]
    assert len(failed) >= 1 and failed["problem"].str.contains(check).any(), failed.to_string()


def _sentence_page(indicator, start, end):
    obs, catalogue = ls.observations(), ls.indicators()
    cites = Citations(ls.reports(), catalogue)
    html = f"<p>{level_sentence(obs, catalogue, indicator, start, end, writer=cites)}</p>" + cites.appendix_html()
    return html, obs, catalogue, ls.reports()


def test_the_audit_reads_rounding_and_statuses_in_sentences():
    # ui_applications May 2026: printed "giảm 34,55%", shown -34.6% (a float would give -34.5%)
    html, *rest = _sentence_page("ui_applications", "2026-05-01", "2026-05-31")
    assert "-34.6%" in html and _audit_ok(html, rest)
    assert not _audit_ok(html.replace("-34.6%", "-34.5%"), rest)
    # report 004's rice: a proposal; the audit fails the page that drops the word
    html, *rest = _sentence_page("rice_support_households", "2026-01-01", "2026-01-31")
    assert "(proposed)" in html and _audit_ok(html, rest)
    assert not _audit_ok(html.replace(" (proposed)", ""), rest)


def _audit_ok(html, rest):
    table = audit_figures(html, *rest)
    return bool(len(table)) and bool(table["ok"].all())


def test_shown_figures_reads_the_sources_entry():
    html = ('<table><tr><td>2026 Jan-May</td><td><a class="lsr-src" href="#src-1" title="t">5 t<sup>1</sup></a></td>'
            '</tr></table><section class="lsr-sources"><ol><li id="src-1"><q>SYNTHETIC quote</q> '
            '<span class="lsr-note">— report to May 2026; Rock, salt, 2026 Jan-May, level, proposed</span></li>'
            '</ol></section>')
    row = shown_figures(html).iloc[0]
    assert (row["shown"], row["name"], row["period_text"], row["measure_text"], row["status_text"]) == (
        "5 t", "Rock, salt", "2026 Jan-May", "level", "proposed")


def test_the_audit_document_is_the_generated_table(built):
    """docs/audit.md is written by `python -m lsreports.publish.audit docs/audit.md`: it must be current."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "audit.md").read_text(encoding="utf-8")
    table = audit_markdown(_audit(built[0], built))
    assert table in doc, "docs/audit.md is stale: re-run python -m lsreports.publish.audit docs/audit.md"
