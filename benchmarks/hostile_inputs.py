"""Benchmark: a 5 MB input of every format, hostile ones included, finishes in under a minute (issue 22).

Each SYNTHETIC file (written by ``tests/reliability/hostile_files.py``) goes through the
whole ``lsreports extract`` command, in-process, once; the table gives the file's size,
the outcome (rows written, or the one-line refusal) and the wall-clock time. Hostile files:
a PDF whose 100 pages share one 5 MB content stream, the largest PDF the caps accept (4
pages sharing a stream just under 1 MB), a .docx zip bomb (1 GB unpacked), HTML nested
450 000 levels deep, an AES-encrypted PDF. Plain inputs: 5 MB of text, of HTML paragraphs,
and a 5 MB .docx. Results: ``benchmarks/results/hostile_inputs.md``.

Run: ``python benchmarks/hostile_inputs.py`` (about three minutes).
"""
from __future__ import annotations

import contextlib
import io
import os
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path

from lsreports.cli import main as cli
from results_file import write_measured  # beside this script

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "hostile_inputs.md"
sys.path.insert(0, str(HERE.parent / "tests" / "reliability"))
sys.path.insert(0, str(HERE.parent / "tests"))
LIMIT_S = 60.0


def _inputs(folder: Path) -> list[tuple[str, Path]]:
    import hostile_files as h
    from test_readers import write_docx  # the tests' writer of generated reports

    line = h.LINE + "\n"
    return [
        ("text, 5 MB", h.text_of(folder / "a.txt")),
        ("HTML paragraphs, 5 MB", h.html_flat(folder / "a.html")),
        (".docx holding 5 MB of text", write_docx(line * int(5e6 / len(line)), folder / "a.docx")),
        ("PDF: 100 pages share one 5 MB content stream", h.pdf_shared_stream(folder / "shared.pdf")),
        ("PDF: 4 pages share a 0.98 MB stream (largest accepted)", h.pdf_shared_stream(folder / "edge.pdf", 4, 0.8)),
        ("PDF encrypted with AES-256 (empty user password)", h.pdf_text(folder / "aes.pdf", lines=2000, password="")),
        (".docx zip bomb, 1 GB unpacked", h.docx_bomb(folder / "bomb.docx", 1000)),
        ("HTML, 450 000 nested <div>", h.html_nested(folder / "deep.html", 450_000)),
    ]


def _run(path: Path, folder: Path) -> tuple[float, str]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli(["extract", str(path), "--doc-id", "900_bench", "--month", "2026-05", "-o", str(folder / "r.csv")])
    seconds = time.perf_counter() - start
    if code == 0:
        rows = (folder / "r.csv").read_text(encoding="utf-8").count("\n") - 1
        return seconds, f"read: {rows} candidate rows"
    message = err.getvalue().strip().splitlines()[-1].split("error: ", 1)[-1].replace(str(path), path.name)
    return seconds, f"refused: {message[:150]}"


def main() -> None:
    warnings.simplefilter("ignore")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, path in _inputs(folder):
            seconds, outcome = _run(path, folder)
            rows.append(f"| {name} | {os.path.getsize(path) / 1e6:.2f} MB | {outcome} | {seconds:.1f} s |")
            print(rows[-1], flush=True)
    slowest = max(float(r.rsplit("|", 2)[-2].strip(" s")) for r in rows)
    write_measured(RESULTS, f"""# Hostile and 5 MB inputs

`python benchmarks/hostile_inputs.py` on {platform.machine()}, Python {platform.python_version()}, one run each
of the whole `lsreports extract` command (in-process). Target: every input finishes in under
{LIMIT_S:.0f} s; slowest here {slowest:.1f} s ({'met' if slowest < LIMIT_S else 'NOT met'}).

| input (SYNTHETIC) | file | outcome | time |
|---|---|---|---|
""" + "\n".join(rows) + "\n")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
