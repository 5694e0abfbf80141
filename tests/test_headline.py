"""Headline tables and computed sentences, on the SYNTHETIC data of conftest.py."""
import lsreports as ls
from lsreports.publish.headline import headline_table, latest_rows
from lsreports.publish.sentences import implied_scope_lines, latest_level_sentence, level_sentence, share_lines


def test_latest_rows_keep_the_month_and_its_year_to_date(synthetic_data):
    rows = latest_rows(ls.observations(), ["trade_total"])
    assert set(zip(rows["start"].dt.strftime("%m-%d"), rows["measure"])) == {
        ("11-01", "value"), ("11-01", "yoy_pct"), ("01-01", "value"), ("01-01", "yoy_pct"), ("01-01", "plan_pct")}


def test_headline_table_formats_level_change_and_plan(synthetic_data):
    table = headline_table(ls.observations(), ls.indicators(), ["trade_total"])
    ytd = table.loc[table["Period"] == "2025 Jan-Nov"].iloc[0]
    assert (ytd["Level"], ytd["Unit"], ytd["Change on last year"], ytd["Share of plan"]) == (
        "5,000", "million USD", "+20.0%", "100.0%")
    month = table.loc[table["Period"] == "2025-11"].iloc[0]
    assert (month["Level"], month["Change on last year"], month["Share of plan"]) == ("500", "+10.0%", "–")


def test_level_sentence_reads_like_the_report(synthetic_data):
    sentence = level_sentence(ls.observations(), ls.indicators(), "trade_total", "2025-01-01", "2025-11-30")
    assert sentence == ("Goods trade turnover through the province, all types reached 5,000 million USD (estimate) in "
                        "January-November 2025, +20.0% on a year earlier, 100.0% of the year's plan (report to November 2025).")


def test_latest_sentence_prefers_the_latest_period(synthetic_data):
    sentence = latest_level_sentence(ls.observations(), ls.indicators(), "trade_total", kinds=("month",))
    assert "500 million USD (estimate) in November 2025" in sentence
    missing = latest_level_sentence(ls.observations(), ls.indicators(), "tourism_revenue")
    assert missing.endswith("no level printed in the reports.")


def test_share_lines(synthetic_data):
    frame = ls.load("trade")
    assert share_lines(frame, "trade_total_export", "trade_total", "exports were") == (
        "- January-November 2025 (report to November 2025): exports were 40.0% of the total.")


def test_implied_scope_needs_both_count_and_share(synthetic_data):
    assert implied_scope_lines(ls.observations(), "temp_housing_started", "houses").startswith("No report prints")


def test_projection_table_names_method_target_and_verdict(synthetic_data):
    from lsreports.publish.headline import projection_table
    from lsreports.analysis.yearend.projection import year_end_projections

    table = projection_table(year_end_projections(ls.observations(), 2025), ls.indicators(), ["trade_total"])
    row = table.loc["Goods trade turnover through the province, all types"]
    assert row["Year to date"] == "5,000 million USD (2025 Jan-Nov)"
    assert row["Method"] == "growth-based"
    # SYNTHETIC: 11M 2024 = 5000 / 1.2 (the +20 % beside it) -> 2024 = that x 12/11 (December estimated);
    # x 1.2 -> 5000 * 12/11 = 5454.5; plan implied by 100% -> 5000 -> 109.1%
    assert row["Projected year end"] == "5,455"
    assert row["Against"] == "the year's plan"
    assert row["Share of plan or estimate"] == "109.1%"


def test_a_concept_headline_takes_its_freshest_variant_and_marks_a_flagged_level():
    """Real curated data (read only): public investment of January 2026 (report 004, variant including
    carry-over) is older than January-May 2026 (report 003, current year's plan); electricity sold for
    January-May 2026 is flagged in the curated data."""
    obs, catalogue = ls.observations(), ls.indicators()
    sentence = latest_level_sentence(obs, catalogue, ("pubinv_disbursed_current", "pubinv_disbursed"))
    assert "reached 906 billion VND (estimate) in January-May 2026" in sentence and "current year" in sentence
    flagged = latest_level_sentence(obs, catalogue, "prod_electricity_sold")
    assert "230.4 million kWh" in flagged and "⚑ The report contradicts itself on this figure" in flagged
