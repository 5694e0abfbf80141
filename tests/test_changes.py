"""What the latest report changed, on the real curated data (read only) and a SYNTHETIC pair of reports."""
import pandas as pd

import lsreports as ls
from lsreports.analysis.checks.changes import changes_since_previous, report_order


def test_report_order_follows_the_period_covered():
    manifest = pd.DataFrame({"id": ["b", "a", "c"], "period_end": ["2026-05-31", "2026-05-31", "2025-11-30"]})
    assert report_order(manifest) == ["c", "a", "b"]


def test_the_latest_report_brings_new_figures_and_moves_some_implied_plans():
    changes = changes_since_previous(ls.observations(), ls.indicators(), ls.reports())
    assert (changes.latest[:3], changes.previous[:3]) == ("003", "004")
    assert len(changes.new_figures) > 0 and set(changes.new_figures["source_doc"]) == {changes.latest}
    moved = changes.plan_changes.set_index("indicator_id")
    # electricity sold: 73.9 / 7.4 % (January) against 230.4 / 21.7 % (January-May)
    assert round(moved.loc["prod_electricity_sold", "before"], 1) == 998.6
    assert round(moved.loc["prod_electricity_sold", "after"], 1) == 1061.8
    assert "tourism_visitors" not in moved.index  # -0.1 %: rounding of the printed shares, left out
    assert "prod_electricity_sold" in set(changes.flags_new["indicator_id"])


def test_one_report_has_nothing_to_compare_with():
    obs = ls.observations()
    only = obs.loc[obs["source_doc"] == obs["source_doc"].iloc[0]]
    changes = changes_since_previous(only, ls.indicators(), ls.reports())
    assert changes.previous == "" and changes.new_figures.empty


def test_a_latest_report_whose_plans_did_not_move_has_no_plan_changes():
    """SYNTHETIC: the latest report's rows copied as a later report (same figures, so no implied plan moves)."""
    obs, manifest = ls.observations(), ls.reports()
    latest = report_order(manifest)[-1]
    copy = obs.loc[obs["source_doc"] == latest].assign(source_doc="999_copy")
    later = manifest.loc[manifest["id"] == latest].assign(id="999_copy")
    later["period_end"] = later["period_end"] + pd.Timedelta(days=1)
    changes = changes_since_previous(pd.concat([obs, copy], ignore_index=True), ls.indicators(),
                                     pd.concat([manifest, later], ignore_index=True))
    assert changes.latest == "999_copy" and changes.previous == latest
    assert changes.plan_changes.empty and list(changes.plan_changes.columns)[:3] == ["indicator_id", "year",
                                                                                     "target_kind"]
