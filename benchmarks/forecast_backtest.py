"""Rolling-origin backtest of the forecasting methods on the national monthly series.

Origins: every month of 2019-2025 (scored against the months printed; a month no release
covers is not scored); horizons 1-12 months; methods seasonal naive, ETS,
SARIMA, SARIMA with the Tết regressor, STL + ETS (:mod:`lsreports.analysis.tsa.forecast`).
Parameters are re-estimated every January (see :mod:`lsreports.analysis.tsa.backtest`).
A trailing year of unresolved level errors (:mod:`lsreports.analysis.checks.level_errors`, cement
and travel services in 2024) is kept out of the fits and the scores; a fit across an interior one
is flagged, and its interval coverage is not reported. Writes the scores to ``benchmarks/results/forecast_backtest.csv`` (read by
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

from lsreports.analysis.checks.level_errors import curated_level_error_spans, fit_series  # noqa: E402
from lsreports.analysis.tsa.backtest import (BACKTEST_SERIES, ORIGINS, backtest_markdown,  # noqa: E402
                                               rolling_origin, winners)
from lsreports.analysis.tsa.series import indicator_series  # noqa: E402
from lsreports.sources.loader import national_observations  # noqa: E402
from results_file import write_measured  # noqa: E402  (beside this script)

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    """Run the backtest for every series, print and write the results."""
    started = time.perf_counter()
    frames, fit_flags, rows = [], {}, national_observations()
    spans = curated_level_error_spans()
    for indicator_id in BACKTEST_SERIES:
        t0 = time.perf_counter()
        # a trailing span of unresolved level errors (cement 2024) is kept out of fits and scores
        series, fit_flags[indicator_id] = fit_series(indicator_series(rows, indicator_id), spans)
        last = series.dropna().index.max()
        result = rolling_origin(series, ORIGINS[ORIGINS < last])
        frames.append(result.scores())
        print(f"{indicator_id}: {time.perf_counter() - t0:.0f} s", flush=True)
    scores = pd.concat(frames, ignore_index=True)
    scores.round(4).to_csv(RESULTS / "forecast_backtest.csv", index=False, lineterminator="\n")
    text = backtest_markdown(scores, winners(scores), seconds=time.perf_counter() - started, fit_flags=fit_flags)
    print(text)
    write_measured(RESULTS / "forecast_backtest.md", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
