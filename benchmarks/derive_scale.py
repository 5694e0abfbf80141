"""Benchmark: derivations plus consistency checks against a bare ``pandas.read_csv``, at 1×, 10× and 40×.

What is timed is what ``ls.observations(include_derived=True)`` and ``ls.consistency_flags()``
add on top of the loaded table: :func:`lsreports.analysis.derive.derived_rows` and
:func:`lsreports.analysis.checks.consistency.consistency_flags` on the loaded observations and
catalogue, with the memos of derivations and flags emptied before every call (a cold start). The
loading itself is measured by ``load_observations.py``. The reference is a bare
``pandas.read_csv`` of the same ``observations.csv``; both are timed in this one process,
interleaved, and the medians compared.

The tables are SYNTHETIC above 1×: the curated rows repeated N times, copy ``i`` with its
years shifted back ``4 * i`` (so month ends stay month ends and leap days stay leap days)
and its reports renamed ``<doc>_synthetic_copy<i>``, in a temporary data directory with
the real catalogue. 1× is the curated table itself.

Target (issue 11, item 8): at 40× at most one fifth of the 176× measured before the work
(so at most about 35× a bare read), and time growing linearly or better from 1× to 40×.
The result is written to ``benchmarks/results/derive_scale.md``.

Run: ``python benchmarks/derive_scale.py [--repeat 5] [--copies 1 10 40]``
"""
from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from lsreports.analysis.checks.consistency import consistency_flags
from lsreports.analysis.derive import derived_rows
from lsreports.analysis.memo import clear_memos
from lsreports.sources.loader import indicators, observations
from lsreports.sources.paths import curated_dir
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "derive_scale.md"
#: The ratio at 40× measured before the work (issue 11), and the goal: a fifth of it.
BEFORE_RATIO = 176.0
TARGET_RATIO = BEFORE_RATIO / 5


def synthetic_observations(rows: pd.DataFrame, copies: int) -> pd.DataFrame:
    """Return ``copies`` SYNTHETIC copies of the text table ``rows``, copy ``i`` ``4 * i`` years earlier.

    Copy 0 is ``rows`` unchanged; the others carry ``_synthetic_copy<i>`` in ``source_doc``.
    """
    frames = [rows]
    for i in range(1, copies):
        shifted = rows.copy()
        for column in ("start", "end"):
            years = shifted[column].str[:4].astype(int) - 4 * i
            shifted[column] = years.map("{:04d}".format) + shifted[column].str[4:]
        shifted["source_doc"] = shifted["source_doc"] + f"_synthetic_copy{i}"
        frames.append(shifted)
    return pd.concat(frames, ignore_index=True)


def write_synthetic_data(curated: Path, copies: int, root: Path) -> Path:
    """Write a SYNTHETIC data directory under ``root`` from the ``curated`` folder; return it.

    See :func:`synthetic_observations`; the catalogue is copied as it is.
    """
    data = root / f"data_{copies}x"
    (data / "curated").mkdir(parents=True)
    shutil.copy(curated / "indicators.csv", data / "curated" / "indicators.csv")
    rows = pd.read_csv(curated / "observations.csv", dtype=str, keep_default_na=False)
    synthetic_observations(rows, copies).to_csv(data / "curated" / "observations.csv", index=False)
    return data


def _derive_and_check(obs: pd.DataFrame, catalogue: pd.DataFrame) -> None:
    clear_memos()
    derived_rows(obs)
    consistency_flags(obs, catalogue)


def _timed(call) -> tuple[float, float]:
    """Return the CPU seconds and the wall-clock seconds of ``call()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    call()
    return time.process_time() - cpu, time.perf_counter() - wall


def _measure(data: Path, repeat: int) -> dict[str, float]:
    """Median CPU and wall seconds of a bare read and of derivations + checks on the table in ``data``."""
    os.environ["LSREPORTS_DATA"] = str(data)
    path = data / "curated" / "observations.csv"
    obs, catalogue = observations(), indicators()
    pd.read_csv(path), _derive_and_check(obs, catalogue)  # warm the file cache and the imports
    bare, work = [], []
    for _ in range(repeat):
        bare.append(_timed(lambda: pd.read_csv(path)))
        work.append(_timed(lambda: _derive_and_check(obs, catalogue)))
    median = lambda pairs, i: statistics.median(p[i] for p in pairs)  # noqa: E731
    return {"rows": len(obs), "bare": median(bare, 0), "work": median(work, 0), "bare_wall": median(bare, 1),
            "work_wall": median(work, 1)}


def _report(results: dict[int, dict[str, float]], repeat: int) -> str:
    lines = ["# Derivations and consistency checks at scale\n",
             f"`benchmarks/derive_scale.py --repeat {repeat}`, Python {platform.python_version()}, "
             f"pandas {pd.__version__}, {platform.machine()}; medians of {repeat} interleaved calls; "
             "tables above 1× are SYNTHETIC copies of the curated rows, years shifted back four per copy. "
             "Times are CPU time of this process (`time.process_time`: the machine is shared, and waiting "
             "for a core is not the code's cost); wall-clock medians in brackets.\n",
             "| table | rows | bare `read_csv` | `derived_rows` + `consistency_flags` | ratio | ms per row |",
             "|---|---:|---:|---:|---:|---:|"]
    for copies, r in sorted(results.items()):
        lines.append(f"| {copies}× | {r['rows']:,} | {r['bare'] * 1e3:.1f} ms ({r['bare_wall'] * 1e3:.1f}) | "
                     f"{r['work'] * 1e3:,.0f} ms ({r['work_wall'] * 1e3:,.0f}) | {r['work'] / r['bare']:.1f}× | "
                     f"{r['work'] / r['rows'] * 1e3:.3f} |")
    lines.append("")
    scales = sorted(results)
    for low_copies, high_copies in zip(scales, scales[1:]):
        low, high = results[low_copies], results[high_copies]
        exponent = math.log(high["work"] / low["work"]) / math.log(high["rows"] / low["rows"])
        marginal = (high["work"] - low["work"]) / (high["rows"] - low["rows"]) * 1e3
        lines.append(f"- {low_copies}× to {high_copies}×: time ∝ rows^{exponent:.2f} "
                     f"({'linear or better' if exponent <= 1.05 else 'WORSE than linear'}), "
                     f"{marginal:.3f} ms per added row.")
    if 40 in results:
        ratio = results[40]["work"] / results[40]["bare"]
        verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
        lines.append(f"- At 40×: {ratio:.1f}× a bare read ({verdict} the target of {TARGET_RATIO:.0f}×, "
                     f"a fifth of the {BEFORE_RATIO:.0f}× measured before).")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 40])
    parser.add_argument("--no-write", action="store_true", help="print the result, do not write the results file")
    args = parser.parse_args()
    results = {}
    curated = curated_dir()
    with tempfile.TemporaryDirectory() as tmp:
        for copies in args.copies:
            data = curated.parent if copies == 1 else write_synthetic_data(curated, copies, Path(tmp))
            results[copies] = _measure(data, args.repeat)
            print(f"{copies}x: {results[copies]}", flush=True)
    report = _report(results, args.repeat)
    if not args.no_write and args.copies == [1, 10, 40]:
        write_measured(RESULTS, report)
    print(report)


if __name__ == "__main__":
    main()
