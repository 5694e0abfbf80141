"""HTML briefings: execute every notebook against the current data and export it with the
code hidden, plus an ``index.html`` that links them.

Notebooks are executed from their ``.py`` sources (what is reviewed), in their own folder,
with nbclient; nbconvert's HTML exporter then drops every input cell and prompt. Images are
embedded, so each briefing is one self-contained file.
"""
from __future__ import annotations

import datetime as dt
import html
import time
from collections.abc import Callable
from pathlib import Path

from nbconvert import HTMLExporter

from .notebooks import Pair, execute, pairs, read_source, version_of

#: Order of the briefings in the index (others follow alphabetically).
ORDER = ("trade", "budget", "industry", "tourism", "social", "trends_forecasts")


def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def _title(notebook) -> str:
    first = notebook.cells[0].source if notebook.cells else ""
    heading = next((line.lstrip("# ").strip() for line in first.splitlines() if line.startswith("#")), "")
    return heading or "Briefing"


def build_one(pair: Pair, out_dir: Path) -> tuple[Path, str, str | None]:
    """Execute one notebook and write ``<name>.html``; return its path, title and version."""
    notebook = execute(read_source(pair.source), pair.name, pair.source.parent)
    body, _ = _exporter().from_notebook_node(notebook, resources={"metadata": {"name": _title(notebook)}})
    target = out_dir / f"{pair.name}.html"
    target.write_text(body, encoding="utf-8")
    return target, _title(notebook), version_of(notebook)


def index_html(entries: list[tuple[str, str, str | None]], latest_period: str, built: str) -> str:
    """Return the index page linking the briefings (file name, title, version)."""
    items = "\n".join(
        f'<li><a href="{html.escape(name)}">{html.escape(title)}</a>'
        f'{f" <small>v{html.escape(version)}</small>" if version else ""}</li>'
        for name, title, version in entries)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Lạng Sơn socio-economic briefings</title>
<style>body{{font-family:"DejaVu Sans",Arial,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;
color:#222}} li{{margin:.5rem 0}} small{{color:#777}}</style></head>
<body><h1>Lạng Sơn socio-economic briefings</h1>
<p>Data up to <strong>{html.escape(latest_period)}</strong>; built {html.escape(built)}.
Every figure is taken from the province's reports (quotes kept in the curated data) or derived from them.</p>
<ul>
{items}
</ul></body></html>
"""


def build_briefings(out_dir: Path, *, notebook_dir: Path | None = None,
                    progress: Callable[[str], None] = print) -> list[Path]:
    """Build every briefing and the index into ``out_dir``.

    Parameters
    ----------
    out_dir : pathlib.Path
        Created if missing.
    notebook_dir : pathlib.Path, optional
        Folder of the notebook sources (default: the project's ``notebooks/``).
    progress : callable
        Receives one line per step (default: print).

    Raises
    ------
    lsreports.publish.notebooks.NotebookError
        When a notebook fails, naming the notebook and the cell; nothing after it is built.
    """
    from ..sources.loader import observations
    from .notebooks import NOTEBOOK_DIR

    found = pairs(notebook_dir or NOTEBOOK_DIR)
    found.sort(key=lambda p: (ORDER.index(p.name) if p.name in ORDER else len(ORDER), p.name))
    out_dir.mkdir(parents=True, exist_ok=True)
    entries, written = [], []
    for number, pair in enumerate(found, start=1):
        started = time.perf_counter()
        progress(f"[{number}/{len(found)}] {pair.name}: executing and exporting ...")
        path, title, version = build_one(pair, out_dir)
        progress(f"[{number}/{len(found)}] {pair.name}: wrote {path} ({time.perf_counter() - started:.1f} s)")
        entries.append((path.name, title, version))
        written.append(path)
    latest = observations()["end"].max()
    index = out_dir / "index.html"
    index.write_text(index_html(entries, f"{latest:%d %B %Y}", dt.date.today().isoformat()), encoding="utf-8")
    progress(f"wrote {index}")
    return written + [index]
