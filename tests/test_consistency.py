"""Consistency checks on SYNTHETIC rows whose inconsistencies are planted by hand."""
from __future__ import annotations

import pandas as pd

import lsreports as ls
from lsreports.analysis.checks.consistency import (
    FLAG_COLUMNS, check_implied_plans, check_implied_vs_printed, check_month_vs_ytd, check_part_rates,
    check_parts_vs_total, check_plan_parts, check_unit_anomalies,
    consistency_flags, curated_flags,
)

from conftest import synthetic_rows, write_rows


def _obs_with(synthetic_data, changes: dict[int, dict] | None = None, extra: list[dict] | None = None):
    rows = synthetic_rows()
    for index, change in (changes or {}).items():
        rows[index].update(change)
    write_rows(synthetic_data / "curated" / "observations.csv", rows + (extra or []))
    return ls.observations()


def test_parts_that_add_up_raise_no_flag(synthetic_data):
    # exports 2000 + imports 3000 = total 5000
    assert check_parts_vs_total(ls.observations()).empty


def test_parts_that_do_not_add_up_are_flagged(synthetic_data):
    obs = _obs_with(synthetic_data, {5: {"value": "2500"}})  # exports 2500 + 3000 = 5500 vs 5000
    flags = check_parts_vs_total(obs)
    assert len(flags) == 1
    assert flags.loc[0, "indicator_id"] == "trade_total"
    assert "5500" in flags.loc[0, "detail"] and "+10.0%" in flags.loc[0, "detail"]


def test_part_larger_than_total_is_an_error(synthetic_data):
    obs = _obs_with(synthetic_data, {6: {"value": "6000"}})
    flags = check_parts_vs_total(obs)
    assert "error" in set(flags["severity"])
    assert flags["detail"].str.contains("trade_total_import = 6000 exceeds").any()


def test_month_larger_than_its_ytd_is_flagged(synthetic_data):
    # the rosin month (1500 t) exceeds its 11-month total (16.5 t): the planted unit anomaly
    flags = check_month_vs_ytd(ls.observations())
    assert flags["indicator_id"].tolist() == ["prod_rosin"]
    assert flags.loc[0, "severity"] == "error"


def test_month_within_ytd_is_not_flagged(synthetic_data):
    obs = _obs_with(synthetic_data, {8: {"value": "1.5", "quote": "Nhựa thông 11 tháng ước đạt 16,5 tấn"}})
    assert check_month_vs_ytd(obs).empty


def test_implied_plans_that_disagree_are_flagged(synthetic_data):
    # 4000 / 80% = 5000 for Jan-Nov, 2000 / 50% = 4000 for Jan-May: same year, different plans
    flags = check_implied_plans(ls.observations())
    assert flags["indicator_id"].tolist() == ["budget_revenue_total"]
    assert "5,000.0" in flags.loc[0, "detail"] and "4,000.0" in flags.loc[0, "detail"]


def test_implied_plans_that_agree_are_not_flagged(synthetic_data):
    obs = _obs_with(synthetic_data, {12: {"value": "40.0", "quote": "Thu ngân sách 11 tháng ước đạt 4.000 tỷ đồng"}})
    # 2000 / 40% = 5000 = 4000 / 80%
    assert check_implied_plans(obs.assign(quote=obs["quote"])).empty


def test_unit_anomaly_names_both_periods(synthetic_data):
    flags = check_unit_anomalies(ls.observations(), ls.indicators())
    rosin = flags.loc[flags["indicator_id"] == "prod_rosin"]
    assert len(rosin) == 2  # each side is far from the other
    assert rosin["detail"].str.contains("printed value kept").all()
    assert not flags["indicator_id"].isin(["trade_total", "budget_revenue_total"]).any()


def test_curated_flags_are_listed_with_their_reason(synthetic_data):
    obs = _obs_with(synthetic_data, {7: {"flag": "unit_anomaly", "note": "tấn where other months print nghìn tấn"}})
    flags = curated_flags(obs)
    assert flags["detail"].tolist() == ["unit_anomaly: tấn where other months print nghìn tấn"]


def test_all_checks_in_one_frame(synthetic_data):
    flags = consistency_flags()
    assert list(flags.columns) == FLAG_COLUMNS
    assert {"month_vs_ytd", "implied_plan", "unit_anomaly"} <= set(flags["check"])
    before = ls.observations()
    consistency_flags()
    pd.testing.assert_frame_equal(before, ls.observations())  # checks never alter the data


def test_level_implied_by_growth_is_compared_with_the_level_printed_elsewhere(synthetic_data):
    # SYNTHETIC: 5000 in Jan-Nov 2025 at +20% implies 4166.7 for Jan-Nov 2024; another report prints 4000
    earlier = dict(synthetic_rows()[2], start="2024-01-01", end="2024-11-30", value="4000", source_doc="998_other")
    obs = _obs_with(synthetic_data, extra=[earlier])
    flags = check_implied_vs_printed(obs)
    row = flags.loc[flags["indicator_id"] == "trade_total"].iloc[0]
    assert row["period"] == "2024 Jan-Nov"
    assert "derived 4166.67 vs printed 4000 (+4.2%)" in row["detail"]
    assert "998_other" in row["source_docs"] and "999_synthetic" in row["source_docs"]


def test_matching_implied_level_is_not_flagged(synthetic_data):
    earlier = dict(synthetic_rows()[2], start="2024-01-01", end="2024-11-30", value="4166.67", source_doc="998_other")
    flags = check_implied_vs_printed(_obs_with(synthetic_data, extra=[earlier]))
    assert "trade_total" not in set(flags["indicator_id"])


def _with_parts_measure(synthetic_data, measure: str, exports: str, imports: str,
                        changes: dict[int, dict] | None = None):
    """SYNTHETIC: a percentage ``measure`` for both parts of the 11-month total (5000 = 2000 + 3000)."""
    pct = {"start": "2025-01-01", "end": "2025-11-30", "measure": measure, "unit": "pct",
           "source_doc": "999_synthetic", "derived": "false", "status": "", "flag": "", "note": ""}
    extra = [{**pct, "indicator_id": "trade_total_export", "value": exports,
              "quote": "xuất khẩu 2.000 triệu USD"},
             {**pct, "indicator_id": "trade_total_import", "value": imports,
              "quote": "nhập khẩu 3.000 triệu USD"}]
    return _obs_with(synthetic_data, changes, extra)


def _with_part_rates(synthetic_data, total: str, exports: str, imports: str):
    """SYNTHETIC: year-on-year rates for the 11-month total (row 3) and for both of its parts."""
    rows = synthetic_rows()
    assert (rows[3]["indicator_id"], rows[3]["measure"]) == ("trade_total", "yoy_pct")
    return _with_parts_measure(synthetic_data, "yoy_pct", exports, imports, {3: {"value": total}})


def test_a_total_rate_between_its_parts_rates_is_not_flagged(synthetic_data):
    assert check_part_rates(_with_part_rates(synthetic_data, "20.0", "15", "24")).empty
    assert check_part_rates(_with_part_rates(synthetic_data, "15.05", "15.1", "24")).empty  # rounding


def test_a_total_rate_outside_its_parts_rates_is_flagged(synthetic_data):
    # the November 2025 case of report 000: total +60,7 % with parts -2,47 % and +11,6 %
    flags = check_part_rates(_with_part_rates(synthetic_data, "60.7", "-2.47", "11.6"))
    assert flags["indicator_id"].tolist() == ["trade_total"]
    assert "+60.7%" in flags.loc[0, "detail"] and "trade_total_export -2.47%" in flags.loc[0, "detail"]
    assert "xuất khẩu 2.000 triệu USD" in flags.loc[0, "evidence"]


def _with_part_plans(synthetic_data, exports_pct: str, imports_pct: str):
    """SYNTHETIC: plan shares for both parts of the 11-month total (5000 at 100 % of plan)."""
    return _with_parts_measure(synthetic_data, "plan_pct", exports_pct, imports_pct)


def test_part_plans_that_add_up_to_the_total_plan_are_not_flagged(synthetic_data):
    # 2000 / 80 % + 3000 / 120 % = 2500 + 2500 = 5000 / 100 %
    assert check_plan_parts(_with_part_plans(synthetic_data, "80", "120")).empty


def test_part_plans_that_do_not_add_up_are_flagged(synthetic_data):
    # 2000 / 50 % + 3000 / 120 % = 6500, against 5000 for the total
    flags = check_plan_parts(_with_part_plans(synthetic_data, "50", "120"))
    assert flags["indicator_id"].tolist() == ["trade_total"]
    assert "5,000.0" in flags.loc[0, "detail"] and "6,500.0" in flags.loc[0, "detail"]


def test_median_of_the_others_is_numpys_median_without_each_element():
    """SYNTHETIC rates, ties and odd and even counts included."""
    import numpy as np

    from lsreports.analysis.checks.consistency import _median_of_others

    rng = np.random.default_rng(11)
    for size in range(2, 30):
        for values in (rng.random(size) * 100, np.round(rng.random(size) * 4) + 1):
            expected = [np.median(np.delete(values, i)) for i in range(size)]
            assert _median_of_others(values).tolist() == expected
