"""Benchmark: what `lsreports extract` does with a large text, and how long reading a PDF or DOCX takes.

A text larger than :data:`lsreports.extract.readers.MAX_REPORT_BYTES` (20 MB) is refused
before it is read; this measures the whole command on a 20 MiB text (the seed reports
repeated, as ``ls -lh`` shows 20M), from the call to the one-line refusal. It also times
the whole command on a 1 MB text and on the largest text accepted (just under the limit),
and the reading of each seed report as PDF and DOCX (files written for the run, as the tests do). Results:
``benchmarks/results/large_input.md``.

Run: ``python benchmarks/large_input.py [--repeat 5]``
"""
from __future__ import annotations

import argparse
import contextlib
import io
import platform
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from lsreports.cli import main as cli
from lsreports.extract.readers import MAX_REPORT_BYTES, read_document
from lsreports.sources.paths import reports_dir
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "large_input.md"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def _text_of(size: int, folder: Path, name: str) -> Path:
    seeds = b"\n".join(p.read_bytes() for p in sorted(reports_dir().glob("*.txt")))
    path = folder / name
    data = (seeds * (size // len(seeds) + 1))[:size]
    path.write_bytes(data[:data.rindex(b"\n") + 1] + b"x" * (size - data.rindex(b"\n") - 1))  # whole characters
    return path


def _timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def _refuse(path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli(["extract", str(path)]) == 2
    assert "larger than 20 MB" in err.getvalue(), err.getvalue()


def _extract(path: Path, folder: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli(["extract", str(path), "--doc-id", "large", "--month", "2025-11", "-o", str(folder / "rows.csv")])
    assert code == 0, err.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from test_readers import write_docx, write_pdf  # the tests' writers of generated reports

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        big = _text_of(20 * 1024 * 1024, folder, "big.txt")
        refusal = _timed(lambda: _refuse(big), args.repeat)
        extraction = {}
        for size in (1_000_000, MAX_REPORT_BYTES - 1000):
            text = _text_of(size, folder, f"text_{size}.txt")
            extraction[size] = _timed(lambda: _extract(text, folder), 1)[0]
        reading = {}
        for seed in sorted(reports_dir().glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            for fmt, writer in (("pdf", write_pdf), ("docx", write_docx)):
                path = writer(text, folder / f"{seed.stem}.{fmt}")
                reading[(seed.stem[:3], fmt)] = statistics.median(_timed(lambda: read_document(path), args.repeat))
    rows = "\n".join(f"| {doc} | {fmt} | {seconds:.2f} s |" for (doc, fmt), seconds in reading.items())
    write_measured(RESULTS, f"""# Large and non-text inputs

`python benchmarks/large_input.py --repeat {args.repeat}` on {platform.machine()}, Python {platform.python_version()}.

| what | result |
|---|---|
| `lsreports extract` on a 20 MiB text ({20 * 1024 * 1024:,} bytes; limit {MAX_REPORT_BYTES:,} bytes): refused | median {statistics.median(refusal) * 1000:.1f} ms (min {min(refusal) * 1000:.1f}, max {max(refusal) * 1000:.1f}; {args.repeat} runs) |
| `lsreports extract` on a 1 MB text (accepted), one run | {extraction[1_000_000]:.1f} s |
| `lsreports extract` on the largest text accepted ({MAX_REPORT_BYTES - 1000:,} bytes), one run | {extraction[MAX_REPORT_BYTES - 1000]:.1f} s |

Reading a seed report written as PDF or DOCX (median of {args.repeat}):

| report | format | read_document |
|---|---|---|
{rows}
""")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
