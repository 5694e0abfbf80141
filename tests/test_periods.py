"""Period kinds and labels for every period shape the contract allows."""
import pandas as pd
import pytest

from lsreports.sources.periods import period_kind, period_label

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
