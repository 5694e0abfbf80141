"""Backtest of the year-end projection methods on the real reports.

Projects each indicator's 11-month 2025 level from its first-half 2025 level (pro-rata
and seasonal share from the 2024 levels the printed growth rates imply), compares with
the printed 11-month figure, prints the table and writes ``benchmarks/results/backtest.md``.
The seasonal-share method uses the printed 11-month growth rate (look-ahead); see
:mod:`lsreports.analysis.backtest`.

Run: ``python benchmarks/backtest.py`` (reads the curated data, or ``$LSREPORTS_DATA``).
"""
from __future__ import annotations

from pathlib import Path

from lsreports.analysis.backtest import backtest_markdown, backtest_ytd
from lsreports.sources.loader import observations
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "backtest.md"


def main() -> int:
    """Compute the backtest, print it and write the Markdown result."""
    text = backtest_markdown(backtest_ytd(observations()))
    print(text)
    write_measured(RESULTS, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
