"""The overview page and its key-indicator table, on the real curated data (read only)."""
import re

import pandas as pd

import lsreports as ls
from lsreports.analysis.checks.consistency import consistency_flags
from lsreports.publish import labels
from lsreports.publish.cite import FLAG_MARK, Citations
from lsreports.publish.overview import KEY_INDICATORS, freshest, key_indicators_html


def test_the_freshest_variant_of_a_concept_is_shown_not_a_stale_one():
    """Public investment: report 004 prints January 2026 (pubinv_disbursed, 150), report 003 prints
    January-May 2026 for the current year's plan (pubinv_disbursed_current, 906): the headline takes 906."""
    rows = freshest(ls.observations(), ("pubinv_disbursed_current", "pubinv_disbursed"))
    level = rows.loc[rows["measure"] == "value"].iloc[0]
    assert (level["indicator_id"], level["end"], level["value"]) == ("pubinv_disbursed_current",
                                                                     pd.Timestamp("2026-05-31"), 906.0)
    assert set(rows["measure"]) == {"value", "plan_pct"}


def test_a_year_to_date_is_preferred_to_the_month_with_the_same_end():
    rows = freshest(ls.observations(), ("trade_declared",))
    assert (rows["start"].iloc[0], rows["end"].iloc[0]) == (pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31"))


def test_key_table_has_every_group_and_marks_the_flagged_electricity_figure():
    obs, catalogue = ls.observations(), ls.indicators()
    cites = Citations(ls.reports(), catalogue, consistency_flags(obs, catalogue))
    table = key_indicators_html(obs, catalogue, cites)
    for group in KEY_INDICATORS:
        assert f"<th colspan=\"9\"><span class=\"lsr-sticky\">{group}</span></th>" in table
    electricity = next(row for row in table.split("<tr>") if row.startswith("<td>Commercial electricity"))
    assert FLAG_MARK in electricity and "The report contradicts itself on this figure" in electricity
    assert "230.4 million kWh" in electricity and "January-May 2026" in electricity
    assert len(cites.entries) >= 20 and '<a class="lsr-src" href="#src-1"' in table


def test_overview_page_links_briefings_and_has_sources_changes_and_flags(real_overviews):
    page = real_overviews["en"]  # listing one briefing titled "Trade <b>", built 2026-12-07
    assert '<a href="trade.html">Trade &lt;b&gt;</a>' in page
    for heading in ("Key indicators", "What changed with the latest report", "Figures to read with care",
                    "Briefings", "Sources", "About this page"):
        assert f">{heading}</h2>" in page
    assert "31 May 2026" in page and "built 2026-12-07" in page
    cited = set(re.findall(r'href="#src-(\d+)"', page))
    listed = set(re.findall(r'<li id="src-(\d+)">', page))
    assert cited and cited == listed  # every figure's link leads to an entry, and every entry is cited


def test_the_overview_shows_the_countrys_prices_citing_the_latest_source():
    """No report of the province prints a price index: the overview's prices rows are the country's CPI
    and core inflation of the latest month (issue 23: the statistics office's release after the GSO
    tables end), each figure citing its source (the release's clause) and named as national."""
    obs, catalogue = ls.observations(), ls.indicators()
    assert not obs["indicator_id"].str.contains("cpi|price|inflation").any()
    cites = Citations(ls.reports(), ls.indicators(national=True))
    table = key_indicators_html(obs, catalogue, cites)
    prices = table.split("Prices (Viet Nam")[1]
    assert "<td>Viet Nam: consumer price index</td>" in prices
    cpi = next(row for row in prices.split("<tr>") if row.startswith("<td>Viet Nam: consumer price index"))
    national = ls.observations(national=True)
    cpi_rows = national.loc[national["indicator_id"] == "vn_cpi"]
    # the latest month's rate on a year earlier (the headline), not the average to date printed beside it
    months = cpi_rows.loc[cpi_rows["start"].dt.to_period("M") == cpi_rows["end"].dt.to_period("M")]
    latest = months.sort_values("end").iloc[-1]
    assert latest["end"] == cpi_rows["end"].max() and latest["end"] >= pd.Timestamp("2026-02-28")
    assert f"<td>{labels.month(latest['end'])}</td>" in cpi
    # the source is named by what it covers and its issuer (issue 25: no id on the page)
    assert f'title="“{latest["quote"]}” (' in cpi and labels.report_names(ls.reports())[latest["source_doc"]] in cpi
    entries = cites.appendix_html()
    assert latest["quote"] in entries and "Viet Nam: consumer price index" in entries
    # a domain briefing's table (groups named) keeps to the province
    assert "Prices (Viet Nam" not in key_indicators_html(obs, catalogue, Citations(ls.reports(), catalogue),
                                                          groups=("Trade",))


def test_the_trade_row_shows_the_year_to_date_its_year_end_is_built_from():
    """Issue 27: the overview's trade row showed May alone beside a year end built from the year to 14 May."""
    cites = Citations(ls.reports(), ls.indicators())
    html = key_indicators_html(ls.observations(), ls.indicators(), cites, ("Trade",))
    trade = html.split("<tr>")[2]
    assert "1 January to 14 May 2026" in trade and "40,542 million USD" in trade and "+40.0%" in trade, trade
    # issue 25: the month the report prints beside its year to date is shown under it, named as the month
    assert trade.index("40,542 million USD") < trade.index("May: ") < trade.index("10,594.3")


def test_shares_and_rates_alone_say_their_base_and_status():
    cites = Citations(ls.reports(), ls.indicators())
    html = key_indicators_html(ls.observations(), ls.indicators(), cites)
    houses = next(r for r in html.split("<tr>") if r.startswith("<td>Temporary"))
    assert "99.9% of all houses approved" in houses and "of plan" not in houses
    pubinv = next(r for r in html.split("<tr>") if r.startswith("<td>Public investment"))
    assert "of capital plan excl. carry-over" in pubinv
    from lsreports.publish.overview import rate_alone

    # SYNTHETIC rows: a rate printed without a level says its status; beside a level, the level says it
    assert rate_alone("+8.1%", {"status": "estimate"}, None) == "+8.1% (estimate)"
    assert rate_alone("+8.1%", {"status": "estimate"}, {"status": "estimate"}) == "+8.1%"
