"""Benchmark: a cold ``ls.observations()`` against a bare ``pandas.read_csv`` of the same file.

"Cold" means the loader's caches are emptied before every call, so each call reads and
validates ``observations.csv`` and ``indicators.csv`` from disk. Target: within 1.5× of
the bare read. Both are timed in this one process, interleaved, and the medians compared;
the result is written to ``benchmarks/results/load_observations.md``.

Run: ``python benchmarks/load_observations.py [--repeat 200]``
"""
from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import pandas as pd

import lsreports as ls
from lsreports import loader
from lsreports.paths import curated_dir

RESULTS = Path(__file__).resolve().parent / "results" / "load_observations.md"


def _cold_load() -> pd.DataFrame:
    loader._observations_cached.cache_clear()
    loader._indicators_cached.cache_clear()
    loader._catalogue_columns.cache_clear()
    return ls.observations()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    path = curated_dir() / "observations.csv"
    bare, cold = [], []
    _cold_load(), pd.read_csv(path)  # warm the OS file cache and the imports, not the loader
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        pd.read_csv(path)
        t1 = time.perf_counter()
        _cold_load()
        t2 = time.perf_counter()
        bare.append(t1 - t0)
        cold.append(t2 - t1)
    bare_ms, cold_ms = statistics.median(bare) * 1e3, statistics.median(cold) * 1e3
    ratio = cold_ms / bare_ms
    rows = len(ls.observations())
    verdict = "meets" if ratio <= 1.5 else "MISSES"
    report = (
        "# Loading benchmark\n\n"
        f"`benchmarks/load_observations.py --repeat {args.repeat}`, {rows} rows, "
        f"Python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}.\n\n"
        "| what | median per call |\n|---|---|\n"
        f"| bare `pandas.read_csv(observations.csv)` | {bare_ms:.2f} ms |\n"
        f"| cold `ls.observations()` (read + type + validate, both tables) | {cold_ms:.2f} ms |\n"
        f"| ratio | {ratio:.2f}× ({verdict} the 1.5× target) |\n"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
