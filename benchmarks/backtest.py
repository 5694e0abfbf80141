"""Backtest of the year-end projection methods on the real reports.

Projects each indicator's 11-month 2025 level from its first-half 2025 level, and its
5-month 2026 level from January 2026, pro-rata and growth-based (last year's level from
the printed growth rates), compares with the printed figure, prints the table and writes
``benchmarks/results/backtest.md``. What the test can and cannot show is stated in the
result (:data:`lsreports.analysis.yearend.backtest.CAVEATS`).

Run: ``python benchmarks/backtest.py`` (reads the curated data, or ``$LSREPORTS_DATA``).
"""
from __future__ import annotations

from pathlib import Path

from lsreports.analysis.yearend.backtest import backtest_markdown, backtest_pairs
from lsreports.sources.loader import observations
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "backtest.md"


def main() -> int:
    """Compute the backtest, print it and write the Markdown result."""
    text = backtest_markdown(backtest_pairs(observations()))
    print(text)
    write_measured(RESULTS, text, provenance=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
