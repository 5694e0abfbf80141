"""Tết, the lunar new year: its dates and the holiday days it puts in each month.

Tết falls between 21 January and 20 February. Its week-long holiday closes factories,
offices and customs posts and moves spending into the weeks before it, so a January
or February compared with the same month a year earlier can swing by a third with no
change in the underlying trend. :func:`tet_days` is the regressor that measures it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: First day of the lunar year (mùng 1 Tết), Gregorian calendar.
TET_DATES: dict[int, str] = {
    2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
    2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
    2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
    2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
    2030: "2030-02-03",
}
#: The holiday window around the first day: from four days before to four days after
#: (about the public-sector holiday of 7-9 days, weekends included).
HOLIDAY_BEFORE, HOLIDAY_AFTER = 4, 4


def tet_date(year: int) -> pd.Timestamp:
    """Return the first day of the lunar year that starts in ``year``.

    Raises
    ------
    KeyError
        If the year is outside :data:`TET_DATES` (the message lists the years known).
    """
    if year not in TET_DATES:
        raise KeyError(f"no Tết date for {year}; known: {min(TET_DATES)}-{max(TET_DATES)}")
    return pd.Timestamp(TET_DATES[year])


def tet_days(months: pd.PeriodIndex) -> pd.Series:
    """Return the number of Tết holiday days that fall in each month.

    Parameters
    ----------
    months : pandas.PeriodIndex
        Monthly periods.

    Returns
    -------
    pandas.Series
        Holiday days (0 to 9) per month, indexed like ``months``.

    Examples
    --------
    >>> tet_days(pd.period_range("2025-01", "2025-03", freq="M")).tolist()
    [7, 2, 0]
    """
    out = np.zeros(len(months), dtype=float)
    for position, month in enumerate(months):
        if month.month not in (1, 2, 12):
            continue
        year = month.year + (1 if month.month == 12 else 0)
        first = tet_date(year)
        holiday = pd.date_range(first - pd.Timedelta(days=HOLIDAY_BEFORE), first + pd.Timedelta(days=HOLIDAY_AFTER))
        out[position] = float(((holiday >= month.start_time) & (holiday <= month.end_time)).sum())
    return pd.Series(out, index=months, name="tet_days")
