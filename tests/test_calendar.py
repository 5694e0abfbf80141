"""Tết dates and holiday days per month."""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.analysis.tsa.calendar import tet_date, tet_days


def test_holiday_days_split_across_january_and_february():
    days = tet_days(pd.period_range("2024-12", "2026-03", freq="M"))
    # Tết 2025 on 29 January: 25 January to 2 February; Tết 2026 on 17 February: 13-21 February
    assert days["2025-01"] == 7 and days["2025-02"] == 2
    assert days["2026-01"] == 0 and days["2026-02"] == 9
    assert days.sum() == 18 and days["2025-03":"2025-12"].sum() == 0


def test_a_year_outside_the_table_is_an_error_naming_the_years():
    with pytest.raises(KeyError, match="known: 2010-2030"):
        tet_date(2040)
