"""Tests of lsreports.analysis.derive on SYNTHETIC frames (invented figures; expected values by hand)."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import REAL_DATA, SYNTHETIC_DOC, SYNTHETIC_REPORT, synthetic_rows, write_rows
from helpers import obs
from lsreports.sources.contract import OBSERVATION_COLUMNS
from lsreports.sources.periods import shift_period_back, shift_periods_back, shift_year_back
from lsreports.analysis.derive import (DERIVED_COLUMNS, SHARE_INDICATORS, compare_derived_with_printed, derived_rows,
                              implied_targets)

#: The shared contract checker, found beside the checkout (``../shared``) as CI lays it out.
CHECKER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "check_contract.py"


KNOWN = {"trade_total", "trade_total_export", "trade_total_import", "budget_revenue_total", "retail_sales",
         "budget_revenue_domestic", *SHARE_INDICATORS, "trade_total_plan", "budget_revenue_total_est_central",
         "budget_revenue_total_est_local"}


def one(frame: pd.DataFrame, **where) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == (pd.Timestamp(value) if column in ("start", "end") else value)
    assert mask.sum() == 1, frame.loc[:, ["indicator_id", "start", "end", "derivation", "value"]]
    return frame.loc[mask].iloc[0]


@pytest.mark.parametrize("day, expected", [
    ("2025-02-28", "2024-02-29"),  # month-end to month-end in a leap year
    ("2024-02-29", "2023-02-28"),
    ("2025-11-30", "2024-11-30"),
    ("2026-05-14", "2025-05-14"),
    ("2024-03-31", "2023-03-31"),
])
def test_shift_year_back_keeps_month_ends(day, expected):
    assert shift_year_back(pd.Timestamp(day)) == pd.Timestamp(expected)


def test_shift_period_back_of_a_point_stays_a_point():
    assert shift_period_back(pd.Timestamp("2024-02-29"), pd.Timestamp("2024-02-29")) == (
        pd.Timestamp("2023-02-28"), pd.Timestamp("2023-02-28"))


def test_previous_year_level_from_yoy_synthetic():
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 9400),
                ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", 45.6))
    out = derived_rows(frame, known_ids=KNOWN)
    row = one(out, derivation="prev_year_level")
    assert (row["start"], row["end"]) == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-11-30"))
    assert row["value"] == pytest.approx(6456.043956, rel=1e-9)  # 9400 / 1.456 by hand
    assert row["derived"] and row["unit"] == "USD_mn" and row["measure"] == "value"
    assert row["quote"].startswith("derived: previous-year level = value / (1 + yoy_pct/100) from trade_total "
                                   "2025-01-01..2025-11-30 (900_synthetic)")
    assert list(out.columns) == list(DERIVED_COLUMNS)


def test_previous_year_of_february_ytd_ends_on_29_february():
    frame = obs(("trade_total", "2025-01-01", "2025-02-28", "value", 200),
                ("trade_total", "2025-01-01", "2025-02-28", "yoy_pct", -20))
    row = one(derived_rows(frame, known_ids=KNOWN), derivation="prev_year_level")
    assert row["end"] == pd.Timestamp("2024-02-29") and row["value"] == pytest.approx(250)


def test_no_previous_year_level_for_a_rate_or_minus_100():
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 10),
                ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", -100))
    assert derived_rows(frame, known_ids=KNOWN).empty


def test_month_from_consecutive_ytd_synthetic():
    frame = obs(("retail_sales", "2026-01-01", "2026-04-30", "value", 400, "900_synthetic", "VND_bn"),
                ("retail_sales", "2026-01-01", "2026-05-31", "value", 520, "900_synthetic", "VND_bn"))
    row = one(derived_rows(frame, known_ids=KNOWN), derivation="month_from_ytd")
    assert (row["start"], row["end"], row["value"]) == (pd.Timestamp("2026-05-01"), pd.Timestamp("2026-05-31"), 120)


def test_ytd_minus_month_gives_previous_ytd_and_negative_results_are_dropped():
    frame = obs(("retail_sales", "2026-01-01", "2026-05-31", "value", 520, "900_synthetic", "VND_bn"),
                ("retail_sales", "2026-05-01", "2026-05-31", "value", 120, "900_synthetic", "VND_bn"),
                ("trade_total", "2026-01-01", "2026-05-31", "value", 16.5),   # unit anomaly: month > YTD
                ("trade_total", "2026-05-01", "2026-05-31", "value", 1500))
    out = derived_rows(frame, known_ids=KNOWN)
    row = one(out, indicator_id="retail_sales", derivation="ytd_from_month")
    assert (row["end"], row["value"]) == (pd.Timestamp("2026-04-30"), 400)
    assert not (out["indicator_id"] == "trade_total").any()


def test_implied_plan_and_budget_estimates_synthetic():
    frame = obs(("trade_total", "2026-01-01", "2026-05-31", "value", 500),
                ("trade_total", "2026-01-01", "2026-05-31", "plan_pct", 40),
                ("budget_revenue_total", "2026-01-01", "2026-05-31", "value", 3000, "900_synthetic", "VND_bn"),
                ("budget_revenue_total", "2026-01-01", "2026-05-31", "est_central_pct", 60),
                ("budget_revenue_total", "2026-01-01", "2026-05-31", "est_local_pct", 50))
    targets = implied_targets(frame)
    assert sorted(targets["target_kind"]) == ["est_central", "est_local", "plan"]
    assert one(targets, target_kind="plan")["value"] == pytest.approx(1250)       # 500 / 40 * 100
    assert one(targets, target_kind="est_central")["value"] == pytest.approx(5000)  # 3000 / 60 * 100
    assert one(targets, target_kind="est_local")["value"] == pytest.approx(6000)    # 3000 / 50 * 100
    out = derived_rows(frame, known_ids=KNOWN)
    plan = one(out, indicator_id="trade_total_plan", derivation="implied_plan")
    assert (plan["start"], plan["end"]) == (pd.Timestamp("2026-01-01"), pd.Timestamp("2026-12-31"))
    assert plan["value"] == pytest.approx(1250) and plan["unit"] == "USD_mn" and plan["measure"] == "value"
    assert "plan" in plan["note"] and "plan_pct" in plan["quote"]
    # a report printing both budget estimates implies two numbers, and both are kept
    assert one(out, indicator_id="budget_revenue_total_est_central")["value"] == pytest.approx(5000)
    assert one(out, indicator_id="budget_revenue_total_est_local")["value"] == pytest.approx(6000)
    assert not out["indicator_id"].isin(["trade_total", "budget_revenue_total"]).any()  # no plan posing as a level
    unregistered = derived_rows(frame, known_ids=KNOWN - {"trade_total_plan"})
    assert not (unregistered["derivation"] == "implied_plan").any()


def test_missing_part_and_share_synthetic():
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 100),
                ("trade_total_export", "2025-01-01", "2025-11-30", "value", 30))
    out = derived_rows(frame, known_ids=KNOWN)
    assert one(out, indicator_id="trade_total_import")["value"] == pytest.approx(70)
    share = one(out, indicator_id="trade_total_export_share")
    assert share["value"] == pytest.approx(30) and share["unit"] == "pct"
    without_share_ids = derived_rows(frame, known_ids=KNOWN - set(SHARE_INDICATORS))
    assert not without_share_ids["indicator_id"].isin(list(SHARE_INDICATORS)).any()


def test_total_from_parts_and_share_from_derived_part():
    frame = obs(("trade_total_export", "2025-01-01", "2025-06-30", "value", 40),
                ("trade_total_import", "2025-01-01", "2025-06-30", "value", 60))
    out = derived_rows(frame, known_ids=KNOWN)
    assert one(out, indicator_id="trade_total")["value"] == pytest.approx(100)
    assert one(out, indicator_id="trade_total_export_share")["value"] == pytest.approx(40)


def test_printed_key_is_never_overwritten_and_is_compared():
    frame = obs(("retail_sales", "2026-01-01", "2026-04-30", "value", 400, "900_synthetic", "VND_bn"),
                ("retail_sales", "2026-01-01", "2026-05-31", "value", 520, "900_synthetic", "VND_bn"),
                ("retail_sales", "2026-05-01", "2026-05-31", "value", 110, "901_synthetic", "VND_bn"))
    out = derived_rows(frame, known_ids=KNOWN)
    may = (out["start"] == pd.Timestamp("2026-05-01")) & (out["end"] == pd.Timestamp("2026-05-31"))
    assert not may.any()
    comparison = compare_derived_with_printed(frame)
    row = one(comparison, derivation="month_from_ytd")
    assert (row["derived_value"], row["printed_value"]) == (120, 110)
    assert row["diff_pct"] == pytest.approx(10 / 110 * 100)
    assert (row["derived_source_doc"], row["printed_source_doc"]) == ("900_synthetic", "901_synthetic")


def test_compare_leaves_out_implied_plans():
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 900),
                ("trade_total", "2025-01-01", "2025-11-30", "plan_pct", 90),
                ("trade_total", "2025-01-01", "2025-12-31", "value", 1100))
    assert compare_derived_with_printed(frame).empty
    out = derived_rows(frame, known_ids=KNOWN)
    # the plan (1000) has its own id, so the printed annual level (1100) neither hides nor is confused with it
    assert one(out, derivation="implied_plan")["indicator_id"] == "trade_total_plan"
    assert one(out, derivation="implied_plan")["value"] == pytest.approx(1000)
    assert one(out, derivation="month_from_ytd")["value"] == pytest.approx(200)  # December = year - 11 months


def test_derived_rows_of_empty_or_derived_only_input():
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 900),
                ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", 10))
    frame["derived"] = True
    assert derived_rows(frame, known_ids=KNOWN).empty
    assert compare_derived_with_printed(frame.iloc[:0]).empty


@pytest.mark.skipif(not CHECKER.exists(), reason=f"shared contract checker not found at {CHECKER} "
                    "(../shared beside the checkout)")
def test_printed_plus_derived_rows_pass_the_contract_checker(tmp_path):
    """SYNTHETIC report and rows (tests/conftest.py) plus their derived rows pass check_contract.py."""
    root = tmp_path / "project"
    (root / "data" / "curated").mkdir(parents=True)
    (root / "data" / "raw" / "reports").mkdir(parents=True)
    (root / "data" / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt").write_text(SYNTHETIC_REPORT, encoding="utf-8")
    catalogue = root / "data" / "curated" / "indicators.csv"
    shutil.copy(REAL_DATA / "curated" / "indicators.csv", catalogue)
    with catalogue.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for share_id in SHARE_INDICATORS:
            writer.writerow([share_id, "trade", "share", "pct", share_id, share_id, "", "", "false"])
    printed = synthetic_rows()
    frame = pd.DataFrame(printed)
    derived = derived_rows(frame, known_ids=set(frame["indicator_id"]) | set(SHARE_INDICATORS))
    assert len(derived) >= 4 and derived["indicator_id"].isin(list(SHARE_INDICATORS)).any()
    rows = derived.assign(start=derived["start"].dt.strftime("%Y-%m-%d"), end=derived["end"].dt.strftime("%Y-%m-%d"),
                          derived="true", value=derived["value"].map(repr))
    write_rows(root / "data" / "curated" / "observations.csv",
               printed + rows[list(OBSERVATION_COLUMNS)].to_dict("records"))
    result = subprocess.run([sys.executable, str(CHECKER), "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


@pytest.mark.skipif(not (REAL_DATA / "curated" / "observations.csv").exists(), reason="curated data not present")
def test_real_data_gives_derived_rows_and_the_commands_run(capsys):
    """Integration: the real curated data derives rows without error; ``derive`` and ``project`` run."""
    from lsreports.cli import main
    from lsreports.sources.loader import observations

    frame = observations()
    out = derived_rows(frame)
    assert len(out) > 0 and out["derived"].all()
    printed = set(map(tuple, frame[["indicator_id", "start", "end", "measure"]].itertuples(index=False)))
    # only a known misprint's reading sits beside its printed row (data/curated/misprints.csv)
    beside = [tuple(k) in printed for k in out[["indicator_id", "start", "end", "measure"]].itertuples(index=False)]
    assert set(out.loc[beside, "derivation"]) == {"misprint_reading"}
    assert not out.duplicated(["indicator_id", "start", "end", "measure", "source_doc"]).any()
    assert main(["derive"]) == 0 and capsys.readouterr().out.startswith("indicator_id,start,end,measure,value")
    assert main(["project", "--year", "2026"]) == 0 and "of target %" in capsys.readouterr().out


def test_memoised_candidates_follow_the_data_and_are_not_shared():
    """SYNTHETIC: a changed value gives new derivations; editing a result leaves the memo intact."""
    frame = obs(("retail_sales", "2026-01-01", "2026-04-30", "value", 400, "900_synthetic", "VND_bn"),
                ("retail_sales", "2026-01-01", "2026-05-31", "value", 520, "900_synthetic", "VND_bn"))
    from lsreports.analysis.derive import derivation_candidates

    for _ in range(2):  # the first call computes, the second is served from the memo
        result = derivation_candidates(frame)
        result.loc[:, "value"] = -1.0  # a caller's edit must not reach the next call
    assert (derivation_candidates(frame)["value"] > 0).all()
    assert one(derived_rows(frame, known_ids=KNOWN), derivation="month_from_ytd")["value"] == 120
    changed = frame.copy()
    changed.loc[1, "value"] = 600.0
    assert one(derived_rows(changed, known_ids=KNOWN), derivation="month_from_ytd")["value"] == 200


def test_without_known_ids_a_missing_catalogue_is_an_error_not_an_unfiltered_table(tmp_path, monkeypatch):
    """SYNTHETIC rows; a data directory without ``indicators.csv`` is named in the error."""
    from lsreports.errors import DataFileError

    monkeypatch.setenv("LSREPORTS_DATA", str(tmp_path / "data"))
    frame = obs(("trade_total", "2025-01-01", "2025-11-30", "value", 9400),
                ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", 45.6))
    with pytest.raises(DataFileError, match="indicators.csv"):
        derived_rows(frame)
    assert len(derived_rows(frame, known_ids=KNOWN)) == 1


def test_columns_shifted_back_a_year_match_each_period_shifted_back():
    starts = ["2025-01-01", "2025-02-01", "2024-02-29", "2026-05-14", "2025-01-01"]
    ends = ["2025-02-28", "2025-02-28", "2024-02-29", "2026-05-14", "2025-12-31"]
    start, end = pd.Series(pd.to_datetime(starts)), pd.Series(pd.to_datetime(ends))
    new_start, new_end = shift_periods_back(start, end)
    assert list(zip(new_start, new_end)) == [shift_period_back(s, e) for s, e in zip(start, end)]
    assert new_end[0] == pd.Timestamp("2024-02-29") and new_start[2] == new_end[2] == pd.Timestamp("2023-02-28")
