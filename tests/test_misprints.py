"""A known misprint is one fact (issue 27, item 4): read by a documented rule, the printed row kept.

The rosin rows are the curated data (report 000's "16,5 tấn" for 11 months of 2025);
the pace guard and the rule checks use SYNTHETIC rows, labelled as such.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import lsreports as ls
from lsreports.analysis.checks.consistency import consistency_flags
from lsreports.analysis.derive import READ_FLAG, derived_rows, read_misprints
from lsreports.analysis.yearend.pace import pace_needed
from lsreports.analysis.yearend.projection import year_end_projections
from lsreports.sources.misprints import RULES, misprints
from test_derive import obs
from test_projection import BANDS

ROSIN_11M = dict(indicator_id="prod_rosin", start=pd.Timestamp("2025-01-01"), end=pd.Timestamp("2025-11-30"))


def test_every_misprint_names_a_printed_flagged_row_and_a_known_rule():
    table, printed = misprints(), ls.observations()
    assert len(table) and set(table["rule"]) <= set(RULES)
    for entry in table.to_dict("records"):
        row = printed.loc[(printed["indicator_id"] == entry["indicator_id"]) & (printed["start"] == entry["start"])
                          & (printed["end"] == entry["end"]) & (printed["measure"] == entry["measure"])
                          & (printed["source_doc"] == entry["source_doc"])]
        assert len(row) == 1 and row["value"].iloc[0] == entry["printed_value"], entry
        assert row["flag"].iloc[0], f"{entry['indicator_id']}: the printed row of a misprint must carry its flag"
        assert entry["reading"] == pytest.approx(entry["printed_value"] * entry["factor"])


def test_the_reading_is_a_derived_row_beside_the_printed_one():
    printed = ls.observations()
    derived = derived_rows(printed)
    reading = derived.loc[(derived["indicator_id"] == "prod_rosin") & (derived["derivation"] == "misprint_reading")]
    assert len(reading) == 1
    row = reading.iloc[0]
    assert (row["start"], row["end"], row["value"], row["flag"]) == (ROSIN_11M["start"], ROSIN_11M["end"], 16500,
                                                                       READ_FLAG)
    assert bool(row["derived"]) and row["quote"].startswith("derived:") and row["formula"] == "16.5 x 1000 = 16500"
    assert "16,5 tấn" in row["note"]
    kept = printed.loc[(printed["indicator_id"] == "prod_rosin") & (printed["end"] == ROSIN_11M["end"])
                       & (printed["measure"] == "value")]
    assert kept["value"].tolist() == [16.5]  # the printed row stays for provenance
    # the other derivations read it: last year's 11 months from 16,500 / 1.002, the 2025 plan from 16,500 / 78.6 %
    prev = derived.loc[(derived["indicator_id"] == "prod_rosin") & (derived["end"] == "2024-11-30")]
    assert prev["value"].iloc[0] == pytest.approx(16500 / 1.002)


def test_rosin_year_end_uses_the_reading():
    """Growth-based: 2025 = 16,500 x 12/11; 2026 = 18,000 x 3,600 / (3,600 / 1.364) = 24,552 t, 99.6 % of plan."""
    projections = year_end_projections(ls.observations())
    rosin = projections.loc[(projections["indicator_id"] == "prod_rosin") & (projections["year"] == 2026)].iloc[0]
    assert rosin["method"] == "growth" and rosin["reason"] == ""
    assert rosin["projection"] == pytest.approx(16500 * 12 / 11 * 1.364)
    assert rosin["projected_pct_of_target"] == pytest.approx(rosin["projection"] / (3600 / 14.6 * 100) * 100)
    assert round(rosin["projected_pct_of_target"], 1) == 99.6 and rosin["verdict"] == "undetermined"


def test_no_pace_is_ever_negative_on_the_curated_data():
    pace = pace_needed(year_end_projections(ls.observations()))
    for column in ("pace_so_far", "pace_needed", "last_year_pace"):
        assert not (pace[column] < 0).any(), pace.loc[pace[column] < 0, ["indicator_id", "year", column]]
    rosin = pace.loc[(pace["indicator_id"] == "prod_rosin") & (pace["year"] == 2026)].iloc[0]
    assert rosin["last_year_pace"] == pytest.approx((16500 * 12 / 11 - 3600 / 1.364) / 7)


def test_an_impossible_pace_is_missing_with_its_reason():
    # SYNTHETIC: last year's whole year (300) below last year's first 5 months (400 = 500 / 1.25)
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "yoy_pct", 25, "903_synthetic"),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40, "903_synthetic"),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 300, "902_synthetic"))
    projections = year_end_projections(frame, 2026, widths=BANDS)
    projections = projections.assign(method="pro_rata")  # the nowcast refuses these inputs; the pace still runs
    row = pace_needed(projections).iloc[0]
    assert np.isnan(row["last_year_pace"]) and "inconsistent" in row["note"]
    # SYNTHETIC: a target already reached needs 0 a month, never a negative pace
    reached = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500, "903_synthetic"),
                  ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 125, "903_synthetic"))
    row = pace_needed(year_end_projections(reached, 2026, widths=BANDS)).iloc[0]
    assert row["reached"] and row["pace_needed"] == 0 and "reached" in row["note"]


def test_read_with_care_reports_the_misprint_once():
    flags = consistency_flags(ls.observations())
    rosin_2025 = flags.loc[(flags["indicator_id"] == "prod_rosin") & flags["period"].astype(str).str.startswith("2025")]
    assert len(rosin_2025) == 1 and rosin_2025["detail"].iloc[0].startswith(READ_FLAG), rosin_2025.to_string()


def test_reading_is_idempotent_and_leaves_other_rows_alone():
    frame = ls.observations()
    once = read_misprints(frame)
    twice = read_misprints(once)
    assert once["value"].tolist() == twice["value"].tolist()
    changed = once.loc[once["value"].to_numpy() != frame["value"].to_numpy()]
    assert changed[["indicator_id", "measure"]].values.tolist() == [["prod_rosin", "value"]]
