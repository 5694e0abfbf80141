"""Reshaping an executed notebook for readers: the version and changelog move to an
"About this briefing" footer, and each chart's rows become a CSV file beside the page.

Both work on the executed notebook just before the HTML export, so the notebooks keep
their usual shape (title, version and changelog first) for the people who edit them.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat

from ..sources.excel_text import inert_csv_text

#: The MIME type :func:`lsreports.publish.charts.show` gives a chart's rows.
CHART_DATA_MIME = "text/csv"
_VERSION_LINE = re.compile(r"^\s*Version:\s*\d")


def _about_lines(lines: list[str]) -> tuple[int, int] | None:
    """Return the (first, end) line range of "Version: ..." and the changelog after it, or None."""
    first = next((i for i, line in enumerate(lines) if _VERSION_LINE.match(line)), None)
    if first is None:
        return None
    end, in_changelog = first + 1, False
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.strip().lower().startswith("changelog"):
            in_changelog = True
        elif not (not line.strip() or (in_changelog and (line.lstrip().startswith("- ") or line.startswith("  ")))):
            break
        end = i + 1
    return first, end


def about_footer(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Move the first cell's version and changelog to an "About this briefing" cell at the end.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        An executed notebook, changed in place (and returned).
    """
    if not notebook.cells or notebook.cells[0].cell_type != "markdown":
        return notebook
    lines = notebook.cells[0].source.splitlines()
    found = _about_lines(lines)
    if found is None:
        return notebook
    first, end = found
    moved = "\n".join(lines[first:end]).strip()
    notebook.cells[0].source = "\n".join(lines[:first] + lines[end:]).strip()
    notebook.cells.append(nbformat.v4.new_markdown_cell("---\n\n## About this briefing\n\n" + moved))
    return notebook


def chart_data_files(notebook: nbformat.NotebookNode, page: str, folder: Path) -> list[Path]:
    """Write each chart's rows beside the page and put a link to them in its place.

    Every output carrying :data:`CHART_DATA_MIME` (see :func:`lsreports.publish.charts.show`)
    is written to ``<folder>/<page>-chart-<n>.csv`` (numbered in page order, every text cell
    made inert by :func:`lsreports.sources.excel_text.inert_csv_text`) and replaced by a download link.

    Returns
    -------
    list of pathlib.Path
        The CSV files written.
    """
    written = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if CHART_DATA_MIME not in data:
                continue
            path = folder / f"{page}-chart-{len(written) + 1}.csv"
            text = inert_csv_text(data[CHART_DATA_MIME])  # labels and notes may begin with "=", "@", ...
            path.write_text(text, encoding="utf-8")
            rows = max(text.count("\n") - 1, 0)
            output["data"] = {"text/html": f'<p class="lsr-data-link"><a href="{html.escape(path.name)}" download>'
                                           f"Data of this chart (CSV, {rows} rows)</a></p>"}
            output["metadata"] = {}
            written.append(path)
    return written
