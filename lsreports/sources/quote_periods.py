"""Whether a row's period agrees with the words of its own quote.

Two rules, both checked by :func:`lsreports.sources.validate.quote_problems`:

- a ``mom_pct`` compares a month (or days of one, "1-15/12" against "1-15/11") with the
  month before, so its period lies within one calendar month;
- a quote that names "tháng N" (month N, not "N tháng", N months) speaks of the whole
  month: a row inside month N that is neither that whole month nor a single day (a stock
  "đến cuối tháng 5") is refused, e.g. a "tháng 5" figure dated 15-31 May.
"""
from __future__ import annotations

import re

import pandas as pd

from .periods import is_whole_month

__all__ = ["period_problem"]

_MONTH = re.compile(r"(?<!\d\s)(?<!\d)\btháng\s+0?(\d{1,2})(?!\s*tháng)\b", re.IGNORECASE)


def _months_named(quote: str) -> set[int]:
    return {int(m.group(1)) for m in _MONTH.finditer(quote) if 1 <= int(m.group(1)) <= 12}


def period_problem(start: pd.Timestamp, end: pd.Timestamp, measure: str, quote: str) -> str:
    """Return why ``start..end`` disagrees with the quote's words ("" when it does not).

    >>> period_problem(pd.Timestamp("2026-05-15"), pd.Timestamp("2026-05-31"), "value", "tháng 5 đạt 700 triệu USD")
    "the quote names 'tháng 5', the whole month: the period must be 2026-05-01..2026-05-31"
    >>> period_problem(pd.Timestamp("2026-01-01"), pd.Timestamp("2026-05-31"), "mom_pct", "tăng 5%")
    'a mom_pct compares a month with the month before: the period must lie within one calendar month'
    """
    same_month = (start.year, start.month) == (end.year, end.month)
    if measure == "mom_pct" and not same_month:
        return "a mom_pct compares a month with the month before: the period must lie within one calendar month"
    if same_month and start != end and not is_whole_month(start, end) and start.month in _months_named(quote):
        first, last = start.replace(day=1), start + pd.offsets.MonthEnd(0)
        return (f"the quote names 'tháng {start.month}', the whole month: the period must be "
                f"{first:%Y-%m-%d}..{last:%Y-%m-%d}")
    return ""
