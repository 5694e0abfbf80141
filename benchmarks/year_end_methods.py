"""The year-end methods compared on the real reports: pro-rata, growth-based, national profile, oracle.

Scores every backtest pair (:data:`lsreports.analysis.yearend.backtest.BACKTEST_PAIRS`) with the
province's own methods and with the national seasonal profile of earlier years (GSO
tables, national data up to 2024 for the 2025 pairs: no look-ahead), plus the oracle
bound; prints the table and writes ``benchmarks/results/year_end_methods.md``.

Run: ``python benchmarks/year_end_methods.py``.
"""
from __future__ import annotations

from pathlib import Path

from lsreports.analysis.yearend.backtest import backtest_pairs
from lsreports.analysis.yearend.national_profile import compare_methods, comparison_markdown, national_backtest
from lsreports.sources.loader import national_observations, observations
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "year_end_methods.md"


def main() -> int:
    """Compute the comparison, print it and write the Markdown result."""
    backtest = backtest_pairs(observations())
    text = comparison_markdown(compare_methods(backtest, national_backtest(backtest, national_observations())))
    print(text)
    write_measured(RESULTS, text, provenance=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
