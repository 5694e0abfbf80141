"""HTML briefings: execute every notebook against the current data and export it with the
code hidden, plus the overview page ``index.html`` ("Lạng Sơn at a glance").

Notebooks are executed from their ``.py`` sources (what is reviewed), in their own folder,
with nbclient, an edition's notebooks in one kernel (each from a fresh namespace: the imports
are paid once); nbconvert's HTML exporter then drops every input cell and prompt. Every
DataFrame shows the rendering in words its kernel added to its display
(:mod:`lsreports.publish.reader_format`), so the pages of either edition can also be exported from the
stored, nbval-checked notebooks without a kernel (``stored=True``: ``notebooks/<name>.ipynb`` for English,
``notebooks/vi/<name>.ipynb``, executed in Vietnamese, for the Vietnamese edition). Pages are
self-contained: images are embedded and nothing is loaded from the network (the
``briefing`` template removes the lab template's require.js, MathJax, Mermaid and widget
scripts). Each chart's rows are written beside the page as a CSV the chart links to.

The output folder stays the user's (:mod:`lsreports.publish.output_folder`): pages are
written into a staging folder inside it and moved in only when every page succeeded; only
the files a previous build listed in its manifest are replaced or removed. A failure names
the notebook and cell and leaves the previous briefings as they were. The build reads the
data under a shared lock, so that an ``ingest --apply`` cannot change it halfway.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from . import build_cache
from .notebooks import (SETUP_TAG, NotebookError, Pair, SharedKernel, execute, pair_drift, pairs, read_source,
                        stable, stored_path, version_of)
from .i18n import ENV, LANGS, check_lang, using
from .reader_format import READER_MAX_ROWS, READER_MIME
from .reading import about_footer, chart_data_files, long_tables_to_appendix

#: Order of the briefings in the index (others follow alphabetically).
ORDER = ("trade", "budget", "industry", "tourism", "social", "trends_forecasts")
TEMPLATES = Path(__file__).resolve().parent / "templates"


def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(template_name="briefing", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def _title(notebook) -> str:
    first = notebook.cells[0].source if notebook.cells else ""
    heading = next((line.lstrip("# ").strip() for line in first.splitlines() if line.startswith("#")), "")
    return heading or "Briefing"


def export_html(notebook: nbformat.NotebookNode, title: str) -> str:
    """Export an executed notebook as a self-contained HTML page without code or prompts."""
    css = (TEMPLATES / "briefing.css").read_text(encoding="utf-8")
    body, _ = _exporter().from_notebook_node(notebook, resources={"metadata": {"name": title},
                                                                   "briefing_css": css})
    return body


#: Cell tags: ``lang-en`` / ``lang-vi`` cells belong to one edition; ``exploratory`` cells to none.
HIDDEN_TAG = "exploratory"


#: The tag of a notebook's title in Vietnamese (a markdown cell holding only the ``# heading``).
TITLE_TAG = "title-vi"


def _translated_title(first: str, title: str) -> str:
    """The first cell for the Vietnamese edition: the title in Vietnamese, the version and changelog kept
    (they move to the footer, for the notebook's maintainers), the English introduction left out."""
    from .reading import _about_lines

    lines = first.splitlines()
    found = _about_lines(lines)
    kept = "\n".join(lines[found[0]:found[1]]) if found else ""
    return title.strip() + ("\n\n" + kept if kept else "")


def for_edition(notebook: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """Keep the cells of edition ``code``: drop the other languages' ``lang-xx`` cells and ``exploratory`` ones.

    A ``title-vi`` cell's heading replaces the title of the Vietnamese edition.
    """
    other = {f"lang-{c}" for c in LANGS if c != code} | {HIDDEN_TAG, TITLE_TAG}
    titles = [c.source for c in notebook.cells if TITLE_TAG in c.get("metadata", {}).get("tags", [])]
    notebook.cells = [c for c in notebook.cells if not other & set(c.get("metadata", {}).get("tags", []))]
    if code != LANGS[0] and titles and notebook.cells:
        notebook.cells[0].source = _translated_title(notebook.cells[0].source, titles[0])
    return notebook


def in_words(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Show every DataFrame as its reader sees it: each output's :data:`~lsreports.publish.reader_format.READER_MIME`
    (the frame in words, rendered by the kernel beside pandas' table) becomes its ``text/html``.

    Raises
    ------
    lsreports.publish.notebooks.NotebookError
        If a cell of notebook ``name`` shows pandas' table without the reader's (a stored notebook from before the
        reader MIME, a DataFrame displayed before lsreports was imported, or one longer than
        :data:`~lsreports.publish.reader_format.READER_MAX_ROWS`), naming the cell.
    """
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if READER_MIME in data:
                data["text/html"] = data.pop(READER_MIME)
            elif 'class="dataframe"' in data.get("text/html", ""):
                raise NotebookError(f"notebook {name!r}, cell {index}: a DataFrame without its rendering in words "
                                    f"({READER_MIME}); refresh the notebook, import lsreports before showing a "
                                    f"DataFrame, and show at most {READER_MAX_ROWS:,} rows")
    return notebook


def _edition_html(page: str, code: str, other_href: str | None) -> str:
    """Set the page's language and put the link to its other edition at the top of its body."""
    from .overview_page import edition_link

    page = re.sub(r"<html(\s[^>]*)?>", f'<html lang="{code}">', page, count=1)
    with using(code):
        link = edition_link(other_href)
    return re.sub(r"(<main[^>]*>)", lambda m: m[1] + link, page, count=1) if link else page


def stored_notebook(pair: Pair, code: str = LANGS[0]) -> nbformat.NotebookNode:
    """The executed notebook of edition ``code`` stored beside a source
    (:func:`~lsreports.publish.notebooks.stored_path`), if it matches its ``.py`` cell by cell; without its hidden
    language cell.

    Raises
    ------
    lsreports.publish.notebooks.NotebookError
        If the stored notebook is missing or has drifted from its source (refresh it first).
    """
    path = stored_path(pair, code)
    drift = pair_drift(pair, (code,))
    if drift:
        raise NotebookError(f"notebook {pair.name!r}: the stored {path.relative_to(pair.source.parent).as_posix()} "
                            f"does not match {pair.source.name} ({drift[0]}); refresh it first")
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [c for c in notebook.cells if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
    return notebook


def _executed(pair: Pair, code: str, stored: bool, kernel: SharedKernel | None = None) -> nbformat.NotebookNode:
    """The notebook of edition ``code``, executed with ``LSREPORTS_LANG`` (in ``kernel`` if given, else in a
    kernel of its own), or its stored outputs (:func:`stored_notebook`: executed in that language by
    ``lsreports notebooks --refresh`` and checked by nbval), with every DataFrame in words (:func:`in_words`)."""
    if stored:
        return in_words(for_edition(stored_notebook(pair, code), code), pair.name)
    notebook = for_edition(read_source(pair.source), code)
    if kernel is not None:
        return in_words(kernel.execute(notebook, pair.name), pair.name)
    return in_words(execute(notebook, pair.name, pair.source.parent, env=kernel_env(code)), pair.name)


def kernel_env(code: str) -> dict[str, str]:
    """The variables a build adds to its kernels: the edition's language and the folder where they keep
    charts (:mod:`lsreports.publish.build_cache`; empty where the build keeps nothing)."""
    return {ENV: code, **build_cache.kernel_variables()}


def build_one(pair: Pair, out_dir: Path, code: str = "en", other_href: str | None = None, *,
              stored: bool = False, kernel: SharedKernel | None = None) -> tuple[Path, str, str | None]:
    """Execute one notebook in language ``code`` (in ``kernel``, if given; or take its stored outputs) and write
    ``<name>.html`` and its charts' CSVs; return its path, title and version. ``other_href`` links the page to
    its other edition.
    """
    with using(code):
        notebook = _executed(pair, code, stored, kernel)
        title, version = _title(notebook), version_of(notebook)
        chart_data_files(notebook, pair.name, out_dir)
        long_tables_to_appendix(notebook)
        about_footer(notebook)
        stable(notebook)  # the same notebook, the same page bytes (and the exported page can be kept by content)
        page = build_cache.exported(nbformat.writes(notebook), code, title, lambda: export_html(notebook, title))
    target = out_dir / f"{pair.name}.html"
    target.write_text(_edition_html(page, code, other_href), encoding="utf-8")
    return target, title, version


def _ordered(found: list[Pair]) -> list[Pair]:
    return sorted(found, key=lambda p: (ORDER.index(p.name) if p.name in ORDER else len(ORDER), p.name))


def build_briefings(out_dir: Path, *, notebook_dir: Path | None = None,
                    progress: Callable[[str], None] = print, force: bool = False, stored: bool = False,
                    lang: str = "en", other_edition: str | None = None, shared_kernel: bool = True) -> list[Path]:
    """Build every briefing and the overview page into ``out_dir``, replacing only the files it owns.

    Parameters
    ----------
    out_dir : pathlib.Path
        Created if missing; its files not written by a previous build are left alone.
    notebook_dir : pathlib.Path, optional
        Folder of the notebook sources (default: the project's ``notebooks/``).
    progress : callable
        Receives one line per step (default: print).
    lang : str
        The edition's language (:data:`lsreports.publish.i18n.LANGS`): the notebooks' kernels get
        ``LSREPORTS_LANG`` and the overview is written in it.
    other_edition : str, optional
        The other edition's folder relative to ``out_dir`` (``vi/``, ``../``): each page links
        to its counterpart there.
    force : bool
        Write into a non-empty folder that has no manifest (its other files are left alone).
    stored : bool, default False
        Export each notebook's stored outputs in ``lang`` (its ``.ipynb``, or ``vi/<name>.ipynb``; it must match
        its ``.py``: :func:`stored_notebook`) instead of executing it: the pages of a checkout whose
        notebooks were just refreshed or checked by nbval, in seconds (the tests' build).
    shared_kernel : bool, default True
        Execute the notebooks in one kernel, each from a fresh namespace
        (:class:`lsreports.publish.notebooks.SharedKernel`): the imports are paid once. False: a kernel
        per notebook (the same pages, slower; kept to check that they are the same).

    Returns
    -------
    list of pathlib.Path
        The pages written (the briefings, then ``index.html``), under ``out_dir``.

    Raises
    ------
    lsreports.publish.notebooks.NotebookError
        When a notebook fails, naming the notebook and the cell; ``out_dir`` is left as it was.
    lsreports.errors.OutputPathError
        When ``out_dir`` holds files of someone else's and ``force`` is false.
    """
    from ..sources.atomic import naming
    from ..sources.commit import data_lock
    from ..sources.paths import data_dir
    from .notebooks import NOTEBOOK_DIR
    from .output_folder import owned_folder, publish

    check_lang(lang)
    found = _ordered(pairs(notebook_dir or NOTEBOOK_DIR))
    link = (lambda name: f"{other_edition.rstrip('/')}/{name}") if other_edition else (lambda name: None)
    out_dir = Path(out_dir).resolve()
    with owned_folder(out_dir, force=force) as (staging, owned), data_lock(data_dir(), shared=True):
        with naming(out_dir):  # a full disk names the output folder
            entries = _build_pages(found, staging, progress, stored, lang, link, shared_kernel and not stored)
            publish(staging, out_dir, owned)
    progress(f"wrote {len(entries)} briefings and the overview to {out_dir}/index.html")
    return [out_dir / name for name, _, _ in entries] + [out_dir / "index.html"]


def _build_pages(found: list[Pair], staging: Path, progress: Callable[[str], None], stored: bool = False,
                 lang: str = "en", link: Callable[[str], str | None] = lambda name: None, shared: bool = False
                 ) -> list[tuple[str, str, str]]:
    """Execute (in one kernel if ``shared``, or take the stored outputs of) and export every notebook, then the
    overview page, into ``staging``, in ``lang``; return the index entries. ``link(name)`` is a page's address in
    the other edition."""
    from .. import access
    from ..analysis.checks.flags import flag_table
    from ..analysis.memo import write_shared
    from ..sources.loader import indicators, reports
    from .overview_page import overview_html
    from .page_inputs import compute, shared_files, write

    entries = []
    folders = {pair.source.parent for pair in found}
    kernel = SharedKernel(found[0].source.parent, env=kernel_env(lang)) if shared and len(folders) == 1 else None
    with shared_files() as (context_file, memos_file), kernel or contextlib.nullcontext():
        if kernel is not None:
            kernel.start()  # it starts and imports on the other core while this process computes
        obs, catalogue, manifest = access.observations(), indicators(), reports()
        context = compute(obs, catalogue, manifest)  # flags, changes, year ends: once for every page
        if not stored:
            flag_table()  # the table the charts mark flags from: computed here once, shared with the kernels
        write(context, context_file)
        write_shared(memos_file)
        for number, pair in enumerate(found, start=1):
            started = time.perf_counter()
            doing = "exporting its stored outputs" if stored else "executing and exporting"
            progress(f"[{number}/{len(found)}] {pair.name}: {doing} ...")
            path, title, version = build_one(pair, staging, lang, link(f"{pair.name}.html"), stored=stored,
                                             kernel=kernel)
            progress(f"[{number}/{len(found)}] {pair.name}: done ({time.perf_counter() - started:.1f} s)")
            entries.append((path.name, title, version))
    with using(lang):
        page = overview_html(entries, dt.date.today().isoformat(), obs=obs, catalogue=catalogue, manifest=manifest,
                             context=context, other_edition=link("index.html"))
    (staging / "index.html").write_text(page, encoding="utf-8")
    return entries
