"""Period kinds and labels for every period shape the contract allows."""
import pandas as pd
import pytest

from lsreports.sources.periods import PERIOD_KINDS, is_month_end, is_whole_month, period_kind, period_kinds, period_label

T = pd.Timestamp


@pytest.mark.parametrize("start, end, kind, label", [
    ("2025-11-01", "2025-11-30", "month", "2025-11"),
    ("2026-02-01", "2026-02-28", "month", "2026-02"),
    ("2025-01-01", "2025-11-30", "ytd", "2025 Jan-Nov"),
    ("2025-01-01", "2025-06-30", "ytd", "2025 H1"),
    ("2026-01-01", "2026-05-14", "ytd_day", "2026 to 14 May"),
    ("2025-01-01", "2025-12-31", "year", "2025"),
    ("2026-05-31", "2026-05-31", "point", "at 2026-05-31"),
    ("2025-01-01", "2026-01-31", "span", "2025-01-01 to 2026-01-31"),
    ("2021-01-01", "2025-12-31", "span", "2021-01-01 to 2025-12-31"),
])
def test_kind_and_label(start, end, kind, label):
    assert period_kind(T(start), T(end)) == kind
    assert period_label(T(start), T(end)) == label


def test_january_is_a_month_not_a_separate_year_to_date():
    assert period_kind(T("2026-01-01"), T("2026-01-31")) == "month"


@pytest.mark.parametrize("day, expected", [
    ("2024-02-29", True), ("2025-02-28", True), ("2024-02-28", False), ("2025-11-30", True), ("2026-05-14", False),
])
def test_month_end_of_a_day_and_of_a_column_agree(day, expected):
    assert is_month_end(T(day)) is expected
    assert is_month_end(pd.Series([T(day)])).tolist() == [expected]


@pytest.mark.parametrize("start, end, expected", [
    ("2026-02-01", "2026-02-28", True), ("2024-02-01", "2024-02-28", False), ("2025-01-01", "2025-11-30", False),
    ("2025-11-02", "2025-11-30", False), ("2025-10-01", "2025-11-30", False), ("2024-10-01", "2025-10-31", False),
])
def test_whole_month_of_a_pair_and_of_columns_agree(start, end, expected):
    assert is_whole_month(T(start), T(end)) is expected
    assert is_whole_month(pd.Series([T(start)]), pd.Series([T(end)])).tolist() == [expected]


def test_period_kinds_of_columns_match_period_kind_of_each_pair():
    pairs = [("2025-11-01", "2025-11-30"), ("2026-02-01", "2026-02-28"), ("2025-01-01", "2025-11-30"),
             ("2026-01-01", "2026-05-14"), ("2025-01-01", "2025-12-31"), ("2026-05-31", "2026-05-31"),
             ("2025-01-01", "2026-01-31"), ("2021-01-01", "2025-12-31"), ("2026-01-01", "2026-01-31"),
             ("2025-03-01", "2025-06-30")]
    start = pd.Series([T(s) for s, _ in pairs], index=range(10, 20))
    end = pd.Series([T(e) for _, e in pairs], index=range(10, 20))
    kinds = period_kinds(start, end)
    assert kinds.index.tolist() == list(range(10, 20))
    assert kinds.tolist() == [period_kind(s, e) for s, e in zip(start, end)]
    assert set(kinds) <= set(PERIOD_KINDS) and len(set(kinds)) == 6
