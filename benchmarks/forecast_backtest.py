"""Rolling-origin backtest of the forecasting methods on the national monthly series.

Origins: every month of 2019-2024; horizons 1-12 months; methods seasonal naive, ETS,
SARIMA, SARIMA with the Tết regressor, STL + ETS (:mod:`lsreports.analysis.tsa.forecast`).
Parameters are re-estimated every January (see :mod:`lsreports.analysis.tsa.backtest`).
Writes the scores to ``benchmarks/results/forecast_backtest.csv`` (read by
``lsreports.analysis.tsa.backtest.stored_scores`` to pick each series' default method)
and a table to ``benchmarks/results/forecast_backtest.md``.

Run: ``python benchmarks/forecast_backtest.py`` (a few minutes on one core).
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one fit at a time: threads only contend
os.environ.setdefault("OMP_NUM_THREADS", "1")

import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402

from lsreports.analysis.tsa.backtest import (BACKTEST_SERIES, ORIGINS, backtest_markdown,  # noqa: E402
                                               rolling_origin, winners)
from lsreports.analysis.tsa.series import indicator_series  # noqa: E402
from lsreports.sources.loader import national_observations  # noqa: E402
from results_file import write_measured  # noqa: E402  (beside this script)

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    """Run the backtest for every series, print and write the results."""
    started = time.perf_counter()
    frames, rows = [], national_observations()
    for indicator_id in BACKTEST_SERIES:
        t0 = time.perf_counter()
        result = rolling_origin(indicator_series(rows, indicator_id), ORIGINS)
        frames.append(result.scores())
        print(f"{indicator_id}: {time.perf_counter() - t0:.0f} s", flush=True)
    scores = pd.concat(frames, ignore_index=True)
    scores.round(4).to_csv(RESULTS / "forecast_backtest.csv", index=False, lineterminator="\n")
    text = backtest_markdown(scores, winners(scores), seconds=time.perf_counter() - started)
    print(text)
    write_measured(RESULTS / "forecast_backtest.md", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
