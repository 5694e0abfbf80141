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

from .i18n import t
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
    from .i18n import lang

    if lang() != "en":  # the version history is written in English, for the notebook's maintainers: marked so
        moved = f'{t("about.history_en")}\n\n<div lang="en">\n\n{moved}\n\n</div>'
    notebook.cells.append(nbformat.v4.new_markdown_cell(f"---\n\n## {t('about.heading')}\n\n" + moved))
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
                                           f"{t('chart.data_link', rows=rows)}</a></p>"}
            output["metadata"] = {}
            written.append(path)
    return written


#: A table of more rows than this moves to the page's appendix (:func:`long_tables_to_appendix`).
APPENDIX_ROWS = 15


def _table_rows(markup: str) -> int:
    """Body rows of a reader's table (:mod:`lsreports.publish.reader_tables`), 0 for any other output."""
    if 'lsr-reader"' not in markup:
        return 0
    return max(markup.count("<tr") - 1, 0)


def _heading(cell) -> str | None:
    """The last heading of a markdown cell, without its #s."""
    lines = [line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#")]
    return lines[-1] if lines else None


def long_tables_to_appendix(notebook: nbformat.NotebookNode, max_rows: int = APPENDIX_ROWS) -> int:
    """Move every reader's table longer than ``max_rows`` to an appendix before the page's Sources.

    Each moved table leaves a link to it ("Table 2 (47 rows): in the appendix") and is
    titled there with the heading of the section it came from, so the page reads as
    findings, with the detail after them. Returns how many tables moved.
    """
    moved, heading = [], ""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            heading = _heading(cell) or heading
            continue
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html", "")
            rows = _table_rows(markup if isinstance(markup, str) else "".join(markup))
            if rows > max_rows:
                k = len(moved) + 1
                moved.append((k, heading.removeprefix("Appendix: "), output["data"]["text/html"]))
                output["data"] = {"text/html": f'<p class="lsr-note"><a href="#appendix-{k}">'
                                               f"{html.escape(t('appendix.link', k=k, rows=rows))}</a></p>"}
    if not moved:
        return 0
    body = f"<h2>{html.escape(t('appendix.heading'))}</h2>" + "".join(
        f'<h3 id="appendix-{k}">{html.escape(t("appendix.table", k=k, caption=caption))}</h3>{"".join(table)}'
        for k, caption, table in moved)
    cell = nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output("display_data", data={"text/html": body})])
    sources = [i for i, c in enumerate(notebook.cells) if any(
        "lsr-sources" in str(o.get("data", {}).get("text/html", "")) for o in c.get("outputs", []))]
    notebook.cells.insert(sources[-1] if sources else len(notebook.cells), cell)
    return len(moved)
