"""Benchmark: a cold ``ls.observations()`` against a bare ``pandas.read_csv`` of the same file.

"Cold" means the loader's caches are emptied before every call, so each call reads and
validates ``observations.csv`` and ``indicators.csv`` from disk. Target: within 1.5× of
the bare read. Both are timed in this one process, interleaved, and the medians compared;
the result is written to ``benchmarks/results/load_observations.md``.

Run: ``python benchmarks/load_observations.py [--repeat 200]``

``--copies N`` times a SYNTHETIC table instead: the curated rows repeated N times (each
copy under its own ``source_doc``) in a temporary data directory, to see how the ratio
moves with the table's size. That result is printed, not written to the results file.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

import lsreports as ls
from lsreports.sources import loader
from lsreports.sources.paths import curated_dir
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "load_observations.md"


def _cold_load() -> pd.DataFrame:
    loader._observations_cached.cache_clear()
    loader._indicators_cached.cache_clear()
    loader._catalogue_columns.cache_clear()
    return ls.observations()


def _synthetic_copies(copies: int, root: Path) -> None:
    """Write a SYNTHETIC data directory: the curated rows ``copies`` times, and the real catalogue."""
    (root / "curated").mkdir(parents=True)
    shutil.copy(curated_dir() / "indicators.csv", root / "curated" / "indicators.csv")
    rows = pd.read_csv(curated_dir() / "observations.csv", dtype=str, keep_default_na=False)
    pd.concat([rows.assign(source_doc=rows["source_doc"] + f"_synthetic_copy{i}") for i in range(copies)],
              ignore_index=True).to_csv(root / "curated" / "observations.csv", index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--copies", type=int, default=1, help="time a synthetic table this many times larger")
    args = parser.parse_args()
    if args.copies > 1:
        with tempfile.TemporaryDirectory() as tmp:
            _synthetic_copies(args.copies, Path(tmp) / "data")
            os.environ["LSREPORTS_DATA"] = str(Path(tmp) / "data")
            _measure(args.repeat, write=False)
    else:
        _measure(args.repeat, write=True)


def _measure(repeat: int, write: bool) -> None:
    path = curated_dir() / "observations.csv"
    bare, cold = [], []
    _cold_load(), pd.read_csv(path)  # warm the OS file cache and the imports, not the loader
    for _ in range(repeat):
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
        f"`benchmarks/load_observations.py --repeat {repeat}`, {rows} rows, "
        f"Python {platform.python_version()}, pandas {pd.__version__}, {platform.machine()}.\n\n"
        "| what | median per call |\n|---|---|\n"
        f"| bare `pandas.read_csv(observations.csv)` | {bare_ms:.2f} ms |\n"
        f"| cold `ls.observations()` (read + type + validate, both tables) | {cold_ms:.2f} ms |\n"
        f"| ratio | {ratio:.2f}× ({verdict} the 1.5× target) |\n"
    )
    if write:
        write_measured(RESULTS, report)
    print(report)


if __name__ == "__main__":
    main()
