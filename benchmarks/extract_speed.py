"""Benchmark: time to extract all four vendored reports (target: well under a second in total).

Each report is read and extracted ``--repeat`` times; the median total is recorded in
``benchmarks/results/extract_speed.md``.

Run: ``python benchmarks/extract_speed.py [--repeat 5]``
"""
from __future__ import annotations

import argparse
import platform
import statistics
import time
import warnings
from pathlib import Path

import lsreports as ls
from lsreports.extract import extract_file
from lsreports.sources.paths import report_path
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "extract_speed.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    docs = sorted(ls.reports()["id"])
    warnings.simplefilter("ignore")
    extract_file(report_path(docs[0]), docs[0])  # imports and the catalogue, not the extraction
    per_doc = {doc: [] for doc in docs}
    totals = []
    for _ in range(args.repeat):
        total = 0.0
        for doc in docs:
            started = time.perf_counter()
            extract_file(report_path(doc), doc)
            elapsed = time.perf_counter() - started
            per_doc[doc].append(elapsed)
            total += elapsed
        totals.append(total)
    lines = ["# Extraction speed", "",
             f"`benchmarks/extract_speed.py --repeat {args.repeat}`, Python {platform.python_version()}, "
             f"{platform.machine()}; median of the runs.", "", "| report | characters | seconds |", "|---|---:|---:|"]
    for doc in docs:
        size = len(report_path(doc).read_text(encoding="utf-8"))
        lines.append(f"| {doc} | {size:,} | {statistics.median(per_doc[doc]):.3f} |")
    median = statistics.median(totals)
    lines.append(f"| all four | | {median:.3f} ({'meets' if median < 1 else 'MISSES'} the < 1 s target) |")
    write_measured(RESULTS, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
