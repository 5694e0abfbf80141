"""Checks of the national extract, each on SYNTHETIC cells that pass and then fail it."""
from __future__ import annotations

import pandas as pd

from lsreports.sources import national_checks as checks


def cell(indicator, month, period, measure, value, status="estimate", ref="syn.csv:2:X"):
    """One SYNTHETIC cell in the shape of ``national_cells``."""
    month = pd.Period(month, freq="M")
    start = month.start_time if period == "month" else pd.Timestamp(month.year, 1, 1)
    return {"indicator_id": indicator, "month": month, "period": period, "measure": measure, "value": value,
            "status": status, "ref": ref, "start": start, "end": month.end_time.normalize()}


def frame(*cells):
    return pd.DataFrame(list(cells))


def test_ytd_equals_revised_months_plus_the_first_estimate():
    good = frame(cell("x", "2024-01", "month", "value", 100, "revised"),
                 cell("x", "2024-01", "month", "value", 98),
                 cell("x", "2024-02", "month", "value", 50),
                 cell("x", "2024-02", "ytd", "value", 150))
    assert checks.ytd_sums(good).empty
    bad = good.copy()
    bad.loc[3, "value"] = 160
    flags = checks.ytd_sums(bad)
    assert len(flags) == 1 and flags.iloc[0]["severity"] == "error"
    assert "the 2 months sum to 150" in flags.iloc[0]["evidence"]


def test_growth_rate_is_compared_with_levels_a_year_apart():
    base = [cell("x", "2023-03", "month", "value", 200), cell("x", "2024-03", "month", "value", 220)]
    assert checks.growth_against_levels(frame(*base, cell("x", "2024-03", "month", "yoy_pct", 10.5))).empty
    flags = checks.growth_against_levels(frame(*base, cell("x", "2024-03", "month", "yoy_pct", 14.0)))
    assert len(flags) == 1 and flags.iloc[0]["severity"] == "revision"
    assert "imply +10.00 %" in flags.iloc[0]["evidence"]
    wild = checks.growth_against_levels(frame(*base, cell("x", "2024-03", "month", "yoy_pct", 40.0)))
    assert wild.iloc[0]["severity"] == "error"


def test_month_on_month_uses_the_previous_month():
    cells = frame(cell("x", "2024-02", "month", "value", 100), cell("x", "2024-03", "month", "value", 90),
                  cell("x", "2024-03", "month", "mom_pct", 10.0))
    flags = checks.growth_against_levels(cells)
    assert len(flags) == 1 and "imply -10.00 %" in flags.iloc[0]["evidence"]


def test_missing_months_are_listed_as_spans():
    months = ["2024-01", "2024-02", "2024-05", "2024-07"]
    flags = checks.missing_months(frame(*[cell("x", m, "month", "value", 1) for m in months]))
    assert list(flags["evidence"]) == ["2 month(s) absent: 2024-03 to 2024-04", "1 month(s) absent: 2024-06"]
    assert flags.iloc[0]["start"] == pd.Timestamp("2024-03-01") and flags.iloc[0]["end"] == pd.Timestamp("2024-04-30")


def test_series_without_levels_are_checked_on_their_growth_rates():
    months = ["2024-01", "2024-03"]
    flags = checks.missing_months(frame(*[cell("cpi", m, "month", "yoy_pct", 3.0) for m in months]))
    assert list(flags["measure"]) == ["yoy_pct"] and len(flags) == 1
