"""Benchmark: the full briefing build against building as many empty notebooks.

Both are timed in the same run: the real build (execute every notebook, export HTML,
write the index) and, for the same number of notebooks, a notebook with one empty code
cell taken through the same path (kernel start, execution, HTML export). The ratio
shows what the workbook's own work costs on top of the fixed cost of a kernel and an
export. Target: within 3×. Results go to ``benchmarks/results/briefing_build.md``.

One untimed empty build first pays the process's one-off costs (importing nbconvert,
loading its templates), which would otherwise land on whichever build runs first. Then
the two builds alternate ``--rounds`` times and the medians are compared.

Run: ``python benchmarks/briefing_build.py [--rounds 3]``
"""
from __future__ import annotations

import argparse
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path

from lsreports.publish.briefing import build_briefings
from lsreports.publish.notebooks import pairs
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "briefing_build.md"
EMPTY = "# %% [markdown]\n# # Empty\n\n# %%\npass\n"


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the notebooks' kernels)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _time(build, cpu_seconds: list[float]) -> float:
    started, cpu = time.perf_counter(), _cpu()
    build()
    cpu_seconds.append(_cpu() - cpu)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    count = len(pairs())
    quiet = lambda _line: None  # noqa: E731
    empties, fulls, empty_cpu, full_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        empty_dir = scratch / "empty"
        empty_dir.mkdir()
        for i in range(count):
            (empty_dir / f"empty_{i}.py").write_text(EMPTY, encoding="utf-8")
        build_briefings(scratch / "warm_up", notebook_dir=empty_dir, progress=quiet)
        for round_ in range(args.rounds):
            empties.append(_time(lambda: build_briefings(scratch / f"empty_{round_}", notebook_dir=empty_dir,
                                                         progress=quiet), empty_cpu))
            fulls.append(_time(lambda: build_briefings(scratch / f"full_{round_}", progress=quiet), full_cpu))
    empty, full = statistics.median(empties), statistics.median(fulls)
    ratio = full / empty
    verdict = "meets" if ratio <= 3 else "MISSES"
    per_round = [f / e for f, e in zip(fulls, empties)]
    within = sum(r <= 3 for r in per_round)
    report = (
        "# Briefing build benchmark\n\n"
        f"`benchmarks/briefing_build.py`, {count} notebooks, Python {platform.python_version()}, "
        f"{platform.machine()}, medians of {args.rounds} alternating rounds after one untimed warm-up build "
        f"(each round: empty {', '.join(f'{t:.1f}' for t in empties)} s; "
        f"full {', '.join(f'{t:.1f}' for t in fulls)} s).\n\n"
        "| build | seconds |\n|---|---|\n"
        f"| {count} empty notebooks (kernel start + execute + HTML export + index) | {empty:.1f} |\n"
        f"| full briefing build ({count} notebooks) | {full:.1f} |\n"
        f"| ratio | {ratio:.2f}× ({verdict} the 3× target) |\n"
        f"| ratio within each round | median {statistics.median(per_round):.2f}×, "
        f"{min(per_round):.2f}-{max(per_round):.2f}×; {within} of {len(per_round)} rounds within 3× |\n"
        f"| CPU seconds, this process and its kernels (empty / full) | {statistics.median(empty_cpu):.1f} / "
        f"{statistics.median(full_cpu):.1f}: {statistics.median(full_cpu) / statistics.median(empty_cpu):.2f}× |\n")
    write_measured(RESULTS, report)
    print(report)


if __name__ == "__main__":
    main()
