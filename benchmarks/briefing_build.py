"""Benchmark: the full briefing build against building as many empty notebooks.

Both are timed in the same run: the real build (execute every notebook, export HTML,
write the index) and, for the same number of notebooks, a notebook with one empty code
cell taken through the same path (kernel start, execution, HTML export). The ratio
shows what the workbook's own work costs on top of the fixed cost of a kernel and an
export. Target: within 3×. Results go to ``benchmarks/results/briefing_build.md``.

One untimed empty build first pays the process's one-off costs (importing nbconvert,
loading its templates), which would otherwise land on whichever build runs first. Then
the two builds alternate ``--rounds`` times and the medians are compared.

Since issue 26 each round also builds twice more, on a copy of the data folder
(``LSREPORTS_DATA``) with the model cache (``LSREPORTS_MODEL_CACHE``) and the build cache
(``LSREPORTS_BUILD_CACHE``: charts and exported pages, :mod:`lsreports.publish.build_cache`) in
fresh folders: the **first build** (nothing kept yet), then a **rebuild after a province-only
change** (one province row's note edited in the copy, the national tables untouched, so every
notebook runs again; fits, charts and pages whose inputs did not change are read back). The
rebuild is the build issue 26's 3× target is about. In the first round the changed data are
also built with nothing kept, and the rebuild's pages must equal those. The other builds keep
nothing (``LSREPORTS_BUILD_CACHE=off``; the model cache is the checkout's, as before).

Since the shared kernel (issue 26), the build executes an edition's notebooks in one kernel. The
empty-notebook floor stays as issue 11 defined it (a kernel per notebook); an empty build in one
kernel is timed too. Each round also builds the full edition with a kernel per notebook (the way
before) and, once, exports the stored notebooks without a kernel (the tests' English edition); the
pages of all three are compared (visible text, tables, image bytes) and any difference is reported.

Run: ``python benchmarks/briefing_build.py [--rounds 3]``
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from lsreports.publish.briefing import build_briefings
from lsreports.publish.notebooks import pairs
from lsreports.sources.paths import data_dir
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


def _province_only_change(source: Path, target: Path) -> None:
    """Copy the data folder to ``target`` and edit one province row's note (a change the national tables do not see)."""
    shutil.copytree(source, target)
    path = target / "curated" / "observations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0])
    rows[0]["note"] = (rows[0]["note"] + " " if rows[0]["note"] else "") + "benchmark edit (not curated)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _with_env(values: dict[str, str], build) -> None:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        build()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def page_facts(folder: Path) -> dict[str, tuple]:
    """What a reader gets from each page of a build: its visible text, its tables' cells, its images' sha256."""
    import hashlib

    from bs4 import BeautifulSoup

    facts = {}
    for page in sorted(folder.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        images = tuple(hashlib.sha256(img.get("src", "").encode()).hexdigest()[:16] for img in soup.find_all("img"))
        tables = tuple(tuple(" ".join(cell.get_text(" ").split()) for cell in table.find_all(["th", "td"]))
                       for table in soup.find_all("table"))
        for hidden in soup(["style", "script"]):
            hidden.decompose()
        facts[page.name] = (" ".join(soup.get_text(" ").split()), tables, images)
    return facts


def differences(one: dict[str, tuple], other: dict[str, tuple]) -> list[str]:
    """The pages whose text, tables or images differ between two builds (``page: what``)."""
    found = [f"{name}: only in one build" for name in sorted(set(one) ^ set(other))]
    for name in sorted(set(one) & set(other)):
        found += [f"{name}: {what}" for what, a, b in zip(("text", "tables", "images"), one[name], other[name])
                  if a != b]
    return found


def _cached_builds(scratch: Path, round_: int, quiet, firsts, rebuilds, first_cpu, rebuild_cpu) -> list[str]:
    """The first build on a copy of the data with empty caches (models, charts, pages), then the rebuild after a
    province-only change; in the first round, also the changed data built with nothing kept, whose pages the
    rebuild's must equal. Returns the differences found."""
    models, before, after = scratch / f"models_{round_}", scratch / f"data_{round_}", scratch / f"changed_{round_}"
    shutil.copytree(data_dir(), before)
    _province_only_change(data_dir(), after)
    caches = {"LSREPORTS_MODEL_CACHE": str(models), "LSREPORTS_BUILD_CACHE": str(scratch / f"build_{round_}")}
    first = {"LSREPORTS_DATA": str(before), **caches}
    firsts.append(_time(lambda: _with_env(first, lambda: build_briefings(scratch / f"first_{round_}",
                                                                         progress=quiet)), first_cpu))
    second = {"LSREPORTS_DATA": str(after), **caches}
    rebuilds.append(_time(lambda: _with_env(second, lambda: build_briefings(scratch / f"rebuild_{round_}",
                                                                            progress=quiet)), rebuild_cpu))
    if round_:
        return []
    fresh = {"LSREPORTS_DATA": str(after), "LSREPORTS_MODEL_CACHE": "off", "LSREPORTS_BUILD_CACHE": "off"}
    _with_env(fresh, lambda: build_briefings(scratch / "fresh", progress=quiet))
    return [f"the rebuild against the changed data built with nothing kept: {d}"
            for d in differences(page_facts(scratch / f"rebuild_{round_}"), page_facts(scratch / "fresh"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    count = len(pairs())
    quiet = lambda _line: None  # noqa: E731
    empties, fulls, empty_cpu, full_cpu = [], [], [], []
    firsts, rebuilds, first_cpu, rebuild_cpu = [], [], [], []
    empty_shared, empty_shared_cpu, separate, separate_cpu, diffs, pages = [], [], [], [], [], 0
    os.environ["LSREPORTS_BUILD_CACHE"] = "off"  # the full builds keep nothing; the cached builds set their own
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        empty_dir = scratch / "empty"
        empty_dir.mkdir()
        for i in range(count):
            (empty_dir / f"empty_{i}.py").write_text(EMPTY, encoding="utf-8")
        build_briefings(scratch / "warm_up", notebook_dir=empty_dir, progress=quiet, shared_kernel=False)
        started = time.perf_counter()
        build_briefings(scratch / "stored", progress=quiet, stored=True)
        stored_s, stored_facts = time.perf_counter() - started, page_facts(scratch / "stored")
        for round_ in range(args.rounds):
            empties.append(_time(lambda: build_briefings(scratch / f"empty_{round_}", notebook_dir=empty_dir,
                                                         progress=quiet, shared_kernel=False), empty_cpu))
            empty_shared.append(_time(lambda: build_briefings(scratch / f"empty_shared_{round_}",
                                                              notebook_dir=empty_dir, progress=quiet), empty_shared_cpu))
            fulls.append(_time(lambda: build_briefings(scratch / f"full_{round_}", progress=quiet), full_cpu))
            separate.append(_time(lambda: build_briefings(scratch / f"separate_{round_}", progress=quiet,
                                                          shared_kernel=False), separate_cpu))
            shared_facts = page_facts(scratch / f"full_{round_}")
            diffs += [f"round {round_ + 1}, one kernel against a kernel per notebook: {d}"
                      for d in differences(shared_facts, page_facts(scratch / f"separate_{round_}"))]
            diffs += [f"round {round_ + 1}, one kernel against the stored outputs: {d}"
                      for d in differences(shared_facts, stored_facts)]
            pages = len(shared_facts)
            diffs += _cached_builds(scratch, round_, quiet, firsts, rebuilds, first_cpu, rebuild_cpu)
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
        f"| full briefing build ({count} notebooks, one kernel) | {full:.1f} |\n"
        f"| ratio | {ratio:.2f}× ({verdict} the 3× target) |\n"
        f"| ratio within each round | median {statistics.median(per_round):.2f}×, "
        f"{min(per_round):.2f}-{max(per_round):.2f}×; {within} of {len(per_round)} rounds within 3× |\n"
        f"| CPU seconds, this process and its kernels (empty / full) | {statistics.median(empty_cpu):.1f} / "
        f"{statistics.median(full_cpu):.1f}: {statistics.median(full_cpu) / statistics.median(empty_cpu):.2f}× |\n")
    report += (
        "\n| the shared kernel (issue 26) | seconds | CPU s |\n|---|---|---|\n"
        f"| {count} empty notebooks in one kernel | {statistics.median(empty_shared):.1f} | "
        f"{statistics.median(empty_shared_cpu):.1f} |\n"
        f"| full build, a kernel per notebook (as before; rounds: {', '.join(f'{t:.1f}' for t in separate)}) | "
        f"{statistics.median(separate):.1f} | {statistics.median(separate_cpu):.1f} |\n"
        f"| English edition exported from the stored notebooks (no kernel) | {stored_s:.1f} | |\n"
        f"| pages compared each round (one kernel against a kernel per notebook, and against the stored outputs; "
        f"round 1: the rebuild against the changed data built with nothing kept): "
        f"visible text, tables, image bytes | {pages} pages | "
        f"{'identical' if not diffs else f'{len(diffs)} DIFFERENCES'} |\n")
    if diffs:
        report += "\nDifferences:\n\n" + "".join(f"- {d}\n" for d in diffs[:40])
    first, rebuild = statistics.median(firsts), statistics.median(rebuilds)
    cpu0 = statistics.median(empty_cpu)
    report += (
        "\n| with the model cache and the build cache (issue 26) | seconds | × empty | CPU s | × empty CPU |\n"
        "|---|---|---|---|---|\n"
        f"| first build, no model, chart or page kept yet (rounds: {', '.join(f'{t:.1f}' for t in firsts)}) | {first:.1f} | "
        f"{first / empty:.2f}× | {statistics.median(first_cpu):.1f} | {statistics.median(first_cpu) / cpu0:.2f}× |\n"
        f"| rebuild after a province-only change: fits, unchanged charts and pages read back (rounds: "
        f"{', '.join(f'{t:.1f}' for t in rebuilds)}) | {rebuild:.1f} | {rebuild / empty:.2f}× "
        f"({'meets' if rebuild / empty <= 3 else 'MISSES'} the 3× target) | {statistics.median(rebuild_cpu):.1f} | "
        f"{statistics.median(rebuild_cpu) / cpu0:.2f}× |\n"
        f"| load average (1 min) at the end | {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores | | | |\n")
    write_measured(RESULTS, report)
    print(report)


if __name__ == "__main__":
    main()
