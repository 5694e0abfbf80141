"""Benchmark: the whole test suite (``make test``) against the notebooks' own nbval run, in one run.

The suite is run once with ``--durations=0``; its total is pytest's own "in N s", the nbval
part is the sum of the durations (setup, call, teardown) of the items under ``notebooks/``:
every stored notebook's cells, kernel start included, in both editions (``notebooks/*.ipynb``
in English and, since 2026-12-07, ``notebooks/vi/*.ipynb`` in Vietnamese, which the browser
tests export instead of executing the Vietnamese edition themselves). Issue 26's target: the suite within 3× its
nbval part. CPU seconds of pytest and its children (kernels, Chromium) are recorded too: on a
shared machine they are the fairer figure. Results go to ``benchmarks/results/test_suite.md``.

Run: ``python benchmarks/test_suite.py [--save-log LOG]`` (runs the suite, minutes; keeps its output, the
per-test durations, in LOG), or
``python benchmarks/test_suite.py --log LOG [--time TIME]`` to read a saved run's output
(``--durations=0``) and, optionally, ``/usr/bin/time -f "wall %e s, user %U s, sys %S s"``'s line.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from results_file import stamp, write_measured  # beside this script

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "test_suite.md"
COMMAND = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
           "notebooks/nbval_sanitize.cfg", "tests", "notebooks", "--durations=0"]
DURATION = re.compile(r"^([\d.]+)s (setup|call|teardown)\s+(\S+?)::")
TOTAL = re.compile(r"=+ .*? in ([\d.]+)s")


def parse(log: str) -> dict[str, float]:
    """The suite's total seconds, the nbval part (items under ``notebooks/``, of which ``nbval_vi`` those under
    ``notebooks/vi/``) and the rest, from pytest's output."""
    totals = TOTAL.findall(log)
    if not totals:
        raise ValueError("no pytest summary line ('... in N s') in the log")
    nbval = nbval_vi = tests = 0.0
    for line in log.splitlines():
        found = DURATION.match(line)
        if found:
            if found.group(3).startswith("notebooks/"):
                nbval += float(found.group(1))
                nbval_vi += float(found.group(1)) if found.group(3).startswith("notebooks/vi/") else 0.0
            else:
                tests += float(found.group(1))
    if nbval == 0:
        raise ValueError("no duration of a notebook item in the log: run with --nbval ... notebooks --durations=0")
    return {"total": float(totals[-1]), "nbval": nbval, "nbval_vi": nbval_vi, "tests": tests}


def per_file(log: str, top: int = 20) -> str:
    """The ``top`` files by their items' summed seconds (setup + call + teardown), one line each."""
    sums: dict[str, float] = {}
    for line in log.splitlines():
        found = DURATION.match(line)
        if found:
            sums[found.group(3)] = sums.get(found.group(3), 0.0) + float(found.group(1))
    ranked = sorted(sums.items(), key=lambda item: -item[1])[:top]
    return "\n".join(f"{seconds:7.1f} s  {name}" for name, seconds in ranked)


def run_suite() -> tuple[str, str]:
    """Run the suite; return its output and a line of wall and CPU seconds (this process's children)."""
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(COMMAND, cwd=ROOT, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done.stdout + done.stderr, (f"wall {time.perf_counter() - start:.2f} s, user "
                                       f"{after.ru_utime - before.ru_utime:.2f} s, sys {after.ru_stime - before.ru_stime:.2f} s")


def table(parts: dict[str, float], time_line: str, load: str, outcome: str) -> str:
    """The measured part of the results file."""
    ratio = parts["total"] / parts["nbval"]
    verdict = "within" if ratio <= 3 else "MISSES"
    return (f"# Test suite against its nbval run\n\n{stamp(ROOT)}\n\n"
            f"`benchmarks/test_suite.py`: `make test` with `--durations=0`, one run; {outcome}.\n\n"
            "| what | seconds |\n|---|---|\n"
            f"| whole suite (pytest's total) | {parts['total']:.1f} |\n"
            "| nbval part: the stored notebooks' items, both editions (setup + call + teardown) | "
            f"{parts['nbval']:.1f} |\n"
            f"| of which the Vietnamese edition (`notebooks/vi/`) | {parts['nbval_vi']:.1f} |\n"
            f"| the other tests' items | {parts['tests']:.1f} |\n"
            f"| ratio suite / nbval part | {ratio:.2f}× ({verdict} the 3× target) |\n"
            f"| wall and CPU of pytest and its children (kernels, Chromium) | {time_line or 'not recorded'} |\n"
            f"| load average (1, 5, 15 min) before / after, 2 cores | {load} |\n")


def main(argv: list[str] | None = None) -> int:
    """Run (or read) the suite and write the results file; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, help="a saved run's output instead of running the suite")
    parser.add_argument("--time", type=Path, help="/usr/bin/time's output line for the saved run")
    parser.add_argument("--load", default="", help="the load averages of the saved run (before / after)")
    parser.add_argument("--save-log", type=Path, help="keep the run's output (per-test durations) in this file")
    args = parser.parse_args(argv)
    if args.log:
        log = args.log.read_text(encoding="utf-8")
        time_lines = args.time.read_text(encoding="utf-8").splitlines() if args.time else []
        time_line = next((line for line in time_lines if line.startswith("wall")), "")
        load = args.load
    else:
        load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
        log, time_line = run_suite()
        if args.save_log:
            args.save_log.write_text(log, encoding="utf-8")
        load = f"{load_before} / " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    outcome = (re.findall(r"=+ (.*? in [\d.]+s.*?) =+", log) or ["no summary"])[-1]
    text = table(parse(log), time_line, load or "not recorded", outcome)
    write_measured(RESULTS, text)
    print(text)
    print(per_file(log))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
