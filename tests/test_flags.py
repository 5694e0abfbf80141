"""The one flag table (issue 21): its families on the curated data, one preferred print, breaks of basis,
plausible year ends, and flags travelling to the figures shown. Frames built here are SYNTHETIC."""
from __future__ import annotations

import io
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest

import lsreports as ls
from lsreports.analysis.checks.flags import FAMILIES, FLAG_TABLE_COLUMNS, flag_table, flags_for
from lsreports.analysis.derive import derived_rows
from lsreports.analysis.yearend.plausibility import judge
from lsreports.cli import main
from lsreports.publish.cite import FLAG_MARK, Citations
from lsreports.publish.overview import freshest, key_indicators_html, whole_months
from lsreports.sources.prints import mark_preferred, print_disagreements
from test_derive import obs

KEY = ["indicator_id", "start", "end", "measure"]


def test_the_flag_table_has_every_family_and_the_retail_vintage_finding():
    table = ls.flags()
    assert list(table.columns) == FLAG_TABLE_COLUMNS
    assert set(FAMILIES) <= set(table["family"])
    assert set(table["severity"]) <= {"error", "warning", "note"}
    assert table["reason"].str.len().gt(10).all()
    retail = table.loc[(table["family"] == "vintage") & (table["indicator_id"] == "retail_sales")]
    june = retail.loc[retail["start"] == pd.Timestamp("2025-06-01")].iloc[0]
    assert "8,233 a month" in june["reason"] and "2.6 times" in june["reason"]
    # the year end built on it is flagged too, with the arithmetic in words
    doubt = table.loc[(table["family"] == "plausibility") & (table["indicator_id"] == "retail_sales")]
    assert "50,937" in doubt["reason"].iloc[0] and "5,058 a month" in doubt["reason"].iloc[0]


def test_the_three_prints_of_trade_january_november_2025_are_one_preferred_print_and_a_flag():
    loaded = ls.load("trade_total", measure=None)
    assert not loaded.duplicated(KEY).any()
    every = ls.load("trade_total", measure=None, all_prints=True)
    assert (every.groupby(KEY)["preferred"].sum() == 1).all()
    jan_nov = every.loc[(every["end"] == pd.Timestamp("2025-11-30")) & (every["measure"] == "value")
                        & (every["start"] == pd.Timestamp("2025-01-01"))]
    assert len(jan_nov) == 3  # report 000 and two press texts
    assert jan_nov.loc[jan_nov["preferred"], "value"].tolist() == [84640.0]  # the province's own report
    assert len(ls.observations()) == len(ls.observations().drop_duplicates())  # the contract keeps every print
    flagged = ls.flags("trade_total")
    assert (flagged["check"] == "prints_disagree").sum() >= 2
    assert flagged.loc[flagged["check"] == "prints_disagree", "reason"].str.contains("86140").any()


def test_the_preference_rule_report_over_press_actual_over_estimate_later_over_earlier():
    manifest = pd.DataFrame({"id": ["a_report", "b_press", "c_report_later"], "source_kind": ["report", "web-text",
                                                                                              "report"],
                             "period_end": ["2025-06-30", "2025-12-31", "2025-11-30"], "report_date": ["", "", ""]})
    frame = obs(("x", "2025-01-01", "2025-06-30", "value", 10, "b_press"),
                ("x", "2025-01-01", "2025-06-30", "value", 11, "a_report"),
                ("y", "2025-01-01", "2025-06-30", "value", 20, "a_report"),
                ("y", "2025-01-01", "2025-06-30", "value", 21, "c_report_later"))
    marked = mark_preferred(frame, manifest)
    assert marked.loc[marked["preferred"], "value"].tolist() == [11.0, 21.0]
    revised = frame.assign(status=["estimate", "estimate", "actual", "estimate"])
    marked = mark_preferred(revised, manifest)
    assert marked.loc[marked["preferred"], "value"].tolist() == [11.0, 20.0]  # a revised figure wins
    assert len(print_disagreements(frame, manifest)) == 2  # 10 vs 11 (10 %) and 20 vs 21 (5 %)
    assert print_disagreements(frame.assign(value=[100, 100.4, 20, 20.1]), manifest).empty  # rounding


def test_growth_is_never_derived_across_the_break_of_basis():
    """SYNTHETIC: a 2022 level with its growth would imply a 2021 level on the old (customs-declared) basis."""
    frame = obs(("trade_total", "2022-01-01", "2022-06-30", "value", 1000),
                ("trade_total", "2022-01-01", "2022-06-30", "yoy_pct", 10),
                ("trade_total", "2025-01-01", "2025-06-30", "value", 1000),
                ("trade_total", "2025-01-01", "2025-06-30", "yoy_pct", 10))
    derived = derived_rows(frame)
    previous = derived.loc[derived["derivation"] == "prev_year_level"]
    assert previous["end"].tolist() == [pd.Timestamp("2024-06-30")]
    breaks = ls.flags("trade_total")
    assert (breaks["check"] == "break_of_basis").sum() >= 5


def test_judge_flags_a_rest_of_year_beyond_what_earlier_years_show():
    base = {"months_remaining": 7.0, "method": "growth", "projection": 50937.0, "ytd_value": 15533.45,
            "ytd_yoy_pct": 17.5}
    reason = judge(base, [("Viet Nam 2024", 1.05), ("Viet Nam 2023", 0.9)])
    assert "5,058 a month" in reason and "1.63 times" in reason
    assert judge({**base, "projection": 15533.45 * 12 / 5}, [("Viet Nam 2024", 1.05)]) == ""
    assert judge(base, []) == ""  # nothing seen, nothing to say
    assert "applied to the whole year" in judge({**base, "ytd_yoy_pct": 102.4}, [])


def test_project_csv_carries_the_flags_of_retail_and_electricity():
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["project", "--year", "2026", "--csv"]) == 0
    table = pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False)
    flags = table.set_index("indicator_id")["flags"]
    assert "vintage: implied span 2025-06" in flags["retail_sales"]
    assert "curated: conflict in source 2026 Jan-May" in flags["prod_electricity_generated"]
    electricity = table.loc[table["indicator_id"] == "prod_electricity_generated"].iloc[0]
    assert electricity["plausibility"] != "" and float(electricity["projection"]) > 0


def _planted(rows: list[tuple], frame: pd.DataFrame | None = None) -> str:
    """The built overview page (lsreports.publish.overview_page) of SYNTHETIC observations."""
    from lsreports.publish.overview_page import overview_html

    frame = obs(*rows) if frame is None else frame
    return overview_html([("trade.html", "Trade", "1")], "2026-12-07", obs=frame, catalogue=ls.indicators(),
                         manifest=ls.reports())


def _retail(doc: str = "950_synthetic") -> list[tuple]:
    return [("retail_sales", "2026-01-01", "2026-05-31", "value", 15000, doc, "VND_bn")]


def test_a_planted_curated_flag_shows_with_its_note():
    frame = obs(*_retail())
    clean = _planted([], frame)
    row = next(r for r in clean.split("<tr>") if "Retail sales" in r)
    assert FLAG_MARK not in row  # clean data: no mark
    page = _planted([], frame.assign(flag="source_typo", note="SYNTHETIC planted: unit misprinted"))
    row = next(r for r in page.split("<tr>") if "Retail sales" in r)
    assert FLAG_MARK in row and "SYNTHETIC planted: unit misprinted" in row
    assert "SYNTHETIC planted: unit misprinted" in page.split(">Sources</h2>")[1]  # on paper too


def test_a_planted_consistency_fault_shows_with_its_reason():
    page = _planted([("trade_total", "2026-01-01", "2026-05-31", "value", 1000),
                     ("trade_total_export", "2026-01-01", "2026-05-31", "value", 300),
                     ("trade_total_import", "2026-01-01", "2026-05-31", "value", 400)])
    row = next(r for r in page.split("<tr>") if "Goods trade turnover" in r)
    level = row.split("<td>")[3]
    assert FLAG_MARK in level and "do not add up" in level


def test_a_planted_vintage_fault_shows_with_its_reason():
    """SYNTHETIC: report 951 prints Jan-May 2026 = 500, report 952 Jan-Jun 2026 = 1,500 and Jan-Jul = 1,600:
    June alone would be 1,000, ten times the other months."""
    page = _planted([("retail_sales", "2026-01-01", "2026-05-31", "value", 500, "951_synthetic", "VND_bn"),
                     ("retail_sales", "2026-01-01", "2026-06-30", "value", 1500, "952_synthetic", "VND_bn"),
                     ("retail_sales", "2026-01-01", "2026-07-31", "value", 1600, "952_synthetic", "VND_bn")])
    row = next(r for r in page.split("<tr>") if "Retail sales" in r)
    level = row.split("<td>")[3]  # name, period, then the printed level itself carries the mark
    assert FLAG_MARK in level and "Combining the reports implies" in level


def test_a_planted_implausible_year_end_shows_in_words_on_hover_and_on_paper():
    """SYNTHETIC: 2025 printed whole (1,200) and for 5 months (500); 2026 to May 500 at +150 %: the growth
    nowcast (3,000) implies far more a month for June-December than 2025 did."""
    page = _planted([("retail_sales", "2025-01-01", "2025-05-31", "value", 500, "953_synthetic", "VND_bn"),
                     ("retail_sales", "2025-01-01", "2025-12-31", "value", 1200, "954_synthetic", "VND_bn"),
                     ("retail_sales", "2026-01-01", "2026-05-31", "value", 1250, "955_synthetic", "VND_bn"),
                     ("retail_sales", "2026-01-01", "2026-05-31", "yoy_pct", 150, "955_synthetic")])
    row = next(r for r in page.split("<tr>") if "Retail sales" in r)
    assert FLAG_MARK in row and "is in doubt" in row
    assert "Flagged derived figures" in page and "applied to the whole year" in page.split("Flagged derived")[1]


def test_a_planted_national_flag_shows_on_the_cited_cell():
    cpi = freshest(whole_months(ls.observations(national=True)), ("vn_cpi",)).iloc[0]  # the row the overview shows
    planted = pd.DataFrame([{"family": "national", "check": "ytd_sums", "severity": "error",
                             "indicator_id": "vn_cpi", "start": cpi["start"], "end": cpi["end"],
                             "source_doc": "synthetic", "key": cpi["quote"], "evidence": "SYNTHETIC",
                             "reason": "SYNTHETIC planted national fault"}], columns=FLAG_TABLE_COLUMNS)
    cites = Citations(ls.reports(), ls.indicators(national=True), table=planted)
    page = key_indicators_html(ls.observations(), ls.indicators(), cites)
    prices = page.split("Prices (Viet Nam")[1]
    assert FLAG_MARK in prices and "SYNTHETIC planted national fault" in prices


def test_flags_for_selects_overlapping_periods_of_one_indicator():
    table = ls.flags(national=False)
    hits = flags_for(table, "retail_sales", pd.Timestamp("2025-01-01"), pd.Timestamp("2026-05-31"))
    assert set(hits["family"]) >= {"vintage", "plausibility"}
    assert flags_for(table, "retail_sales", pd.Timestamp("2019-01-01"), pd.Timestamp("2019-12-31")).empty
    assert np.isin(hits["indicator_id"], ["retail_sales"]).all()


def test_summary_counts_flags_by_family():
    out = io.StringIO()
    with redirect_stdout(out):
        main(["summary"])
    text = out.getvalue()
    assert "all flags by family" in text
    for family in FAMILIES:
        assert f"  {family}" in text


@pytest.mark.parametrize("args", [["flags", "--indicator", "retail_sales"], ["flags", "--indicator", "retail_sales",
                                                                              "--csv"]])
def test_the_flags_command_lists_reasons(args):
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(args) == 0
    assert "8,233 a month" in out.getvalue()


def test_no_national_year_to_date_cell_is_used_as_a_month_coal_2016():
    """Coal 2016-11 (35,407.1) holds the year to date as the December release revises it (39,599.3 less
    December's 3,232.5 = 36,366.8), not the month: the twelve months must sum to within 10 % of the year."""
    national = ls.observations(national=True)
    coal = national.loc[(national["indicator_id"] == "vn_prod_coal") & (national["measure"] == "value")
                        & (national["start"].dt.year == 2016)]
    months = coal.loc[coal["start"].dt.month == coal["end"].dt.month]
    year = coal.loc[(coal["start"].dt.month == 1) & (coal["end"].dt.month == 12), "value"].iloc[0]
    assert len(months) == 12 and abs(months["value"].sum() / year - 1) < 0.10
    assert months.loc[months["start"] == pd.Timestamp("2016-11-01"), "value"].iloc[0] < 10_000


def test_the_projection_table_and_sentence_carry_the_flags_of_electricity_generated():
    """Electricity generated: "unlikely: 51 % of plan" rests on 114.4 million kWh that the curated flag says may
    cover fewer months: the briefing's table and sentence show ⚑ with that reason."""
    from lsreports.analysis.yearend.projection import year_end_projections
    from lsreports.publish.cite import PLAIN
    from lsreports.publish.headline import projection_table
    from lsreports.publish.sentences import projection_sentence

    obs, catalogue = ls.observations(), ls.indicators()
    projections = year_end_projections(obs, 2026)
    table = projection_table(projections, catalogue, ["prod_electricity_generated"])
    assert table["Flags"].iloc[0].startswith(FLAG_MARK) and "fewer months" in table["Flags"].iloc[0]
    assert "but the inputs are in doubt" in table["Verdict"].iloc[0]
    from lsreports.analysis.checks.flags import annotate_projections
    row = annotate_projections(projections.loc[projections["indicator_id"] == "prod_electricity_generated"],
                               flag_table(obs, catalogue, national=False)).iloc[0]
    assert f"{FLAG_MARK} (" in projection_sentence(row, obs, "Electricity generated", writer=PLAIN)


def test_bands_for_a_year_come_only_from_outcomes_known_before_it():
    from lsreports.analysis.yearend.projection import year_end_projections

    projections = year_end_projections(ls.observations()).dropna(subset=["lower"])
    for year, group in projections.groupby("year"):
        used = " ".join(group["band_from"])
        assert f"-> {year}-" not in used and f"-> {year + 1}-" not in used, (year, used[:300])
    assert (projections["year"] == 2026).any() and (projections["year"] == 2025).any()


def test_a_trailing_year_of_level_errors_is_kept_out_of_fits_and_an_interior_one_flagged():
    """SYNTHETIC flags: 2024 in error in 12 months (nothing clean after it) and 2022 in 7 (clean years after)."""
    from lsreports.analysis.checks.level_errors import fit_series, level_error_spans

    def flag(year, month, printed, implied):
        return {"indicator_id": "vn_x", "start": f"{year}-01-01", "end": f"{year}-{month:02d}-28",
                "measure": "yoy_pct", "check": "growth_against_levels",
                "evidence": f"printed {printed:+.2f} % (cell); the levels 2 and 1 imply {implied:+.2f} %"}

    rows = [flag(2024, m, 3.5, 50.0) for m in range(1, 13)] + [flag(2022, m, 5.0, 40.0) for m in range(1, 8)]
    rows += [flag(2020, m, 5.0, 6.0) for m in range(1, 13)]  # within rounding of a revision: not a level error
    spans = level_error_spans(pd.DataFrame(rows))
    assert sorted(spans["start"].dt.year) == [2022, 2024]
    series = pd.Series(1.0, index=pd.period_range("2015-01", "2025-02", freq="M"), name="vn_x")
    cut, notes = fit_series(series, spans)
    assert cut.index.max() == pd.Period("2023-12", freq="M")
    assert notes[0].startswith("fitted across 2022") and notes[1].startswith("2024 left out of the fit")
    assert "unresolved_level_error" in set(ls.flags("vn_prod_cement")["check"])


def test_the_overview_shows_the_four_numbers_of_the_issue_flagged_with_their_reasons(real_overviews):
    page = real_overviews["en"]  # the real overview, built once per session
    rows = {name: next(r for r in page.split("<tr>") if r.startswith(f"<td>{name}"))
            for name in ("Retail sales", "Electricity generated", "State budget revenue")}
    assert "50,937" in rows["Retail sales"] and FLAG_MARK in rows["Retail sales"]
    assert "is in doubt: it implies 5,058 a month" in rows["Retail sales"]
    assert "51" in rows["Electricity generated"] and "may cover fewer months" in rows["Electricity generated"]
    assert "271" in rows["State budget revenue"] and "applied to the whole year" in rows["State budget revenue"]
    assert "9,400 (80%) of it is budget revenue trade" in rows["State budget revenue"]
    prints = page.split("Several prints of one figure")[1]
    assert "84640" in prints and "86140" in prints and FLAG_MARK in prints
    # on paper: the year ends' reasons are under Sources
    assert "Flagged derived figures" in page and "50,937 billion VND" in page.split("Flagged derived figures")[1]


def test_one_off_receipts_named_in_a_report_are_said_beside_the_year_end():
    from lsreports.analysis.yearend.plausibility import one_off_note, parts_note

    quotes = ["SYNTHETIC: thu ngân sách 5 tháng đạt 11.814 tỷ đồng, trong đó thu tiền sử dụng đất 2.000 tỷ đồng"]
    assert "tiền sử dụng đất" in one_off_note("budget_revenue_total", quotes)
    assert one_off_note("budget_revenue_total", ["SYNTHETIC: thu nội địa tăng"]) == ""
    assert one_off_note("retail_sales", quotes) == ""  # the terms are budget revenue's
    parts = obs(("budget_revenue_trade", "2026-01-01", "2026-05-31", "value", 9400, "x", "VND_bn"),
                ("budget_revenue_trade", "2026-01-01", "2026-05-31", "yoy_pct", 125.45, "x"),
                ("budget_revenue_trade", "2026-01-01", "2026-05-31", "est_local_pct", 97.9, "x"))
    note = parts_note(11814.787, parts)
    assert "9,400 (80%)" in note and "+125.5 %" in note and "97.9 % of its estimate" in note
    assert parts_note(11814.787, parts.assign(value=[9400, 5.0, 40.0])) == ""  # nothing unusual: no note


def test_a_derived_row_refers_to_the_flag_of_its_input():
    """SYNTHETIC: a flagged 2026 level with its growth implies a 2025 level; the derived row says so."""
    frame = obs(("retail_sales", "2026-01-01", "2026-05-31", "value", 1000, "960_synthetic", "VND_bn"),
                ("retail_sales", "2026-01-01", "2026-05-31", "yoy_pct", 25, "960_synthetic"))
    previous = derived_rows(frame)
    assert previous["note"].fillna("").eq("").all()  # clean inputs: nothing to refer to
    frame.loc[0, ["flag", "note"]] = ["conflict_in_source", "SYNTHETIC: may cover fewer months"]
    previous = derived_rows(frame).iloc[0]
    assert previous["value"] == pytest.approx(800)
    assert "input flagged: conflict_in_source (retail_sales 2026-01-01..2026-05-31)" in previous["note"]


def test_the_national_family_is_read_again_when_its_file_changes(tmp_path, monkeypatch):
    """Kept by the files it reads, never trusted stale: a row added to national_flags.csv shows at once."""
    import shutil

    from lsreports.analysis.checks.flags import national_family

    from lsreports.sources.paths import curated_dir

    shutil.copytree(curated_dir(), tmp_path / "curated")
    monkeypatch.setenv("LSREPORTS_DATA", str(tmp_path))
    before = national_family()
    before.loc[:, "reason"] = "mutated by the caller"  # a caller's copy: the cache must not see it
    again = national_family()
    assert len(again) == len(before) and not (again["reason"] == "mutated by the caller").any()
    with open(tmp_path / "curated" / "national_flags.csv", "a", encoding="utf-8") as out:
        out.write("vn_cpi,2024-01-01,2024-01-31,yoy_pct,ytd_sums,error,SYNTHETIC planted,SYNTHETIC.csv:2:3\n")
    after = national_family()
    assert len(after) == len(before) + 1
    assert (after["evidence"] == "SYNTHETIC planted").sum() == 1


def _figure_flags_by_masks(flags: pd.DataFrame, row: dict) -> pd.DataFrame:
    """The rule of figure_flags written out in pandas masks, one row at a time: the reference the prepared
    index (FigureFlags) must agree with."""
    indicator, doc = row["indicator_id"], str(row.get("source_doc", ""))
    start, end = pd.Timestamp(row["start"]), pd.Timestamp(row["end"])
    mine = flags.loc[flags["indicator_id"] == indicator]
    names_doc = mine["source_doc"].astype(str).str.contains(doc, regex=False) if doc else False
    overlaps = (mine["start"] <= end) & (mine["end"] >= start)
    year_before = (mine["start"] <= end) & (mine["end"] >= start - pd.DateOffset(years=1))
    per_row = ((mine["family"] == "consistency") | (mine["check"] == "break_of_basis")) & names_doc & overlaps
    vintage = (mine["family"] == "vintage") & names_doc & year_before
    quote = str(row.get("quote", ""))
    national = (mine["family"] == "national") & mine["key"].astype(str).str.contains(quote, regex=False) \
        if quote else False
    return mine.loc[per_row | vintage | national]


def test_the_prepared_flag_index_selects_what_the_rule_selects_for_every_figure():
    from lsreports.analysis.checks.flags import FigureFlags, figure_flags

    table = flag_table()
    index = FigureFlags(table)
    national = ls.observations(national=True)
    flagged = set(table["indicator_id"])
    province = ls.observations()
    rows = pd.concat([province.loc[province["indicator_id"].isin(flagged)],
                      national.loc[national["indicator_id"].isin(
                          table.loc[table["family"] == "national", "indicator_id"].unique()[:3])].iloc[::4]])
    assert len(rows) > 200
    carried = 0
    for row in rows.to_dict("records"):
        expected = list(_figure_flags_by_masks(table, row).index)
        assert list(index.of(row).index) == expected and list(figure_flags(table, row).index) == expected, row
        carried += bool(expected)
    assert carried >= 20  # the comparison covers figures that do carry flags, of every kind
