"""The workbook's notebooks: paired sources, execution, and drift checks.

Each notebook is a jupytext ``py:percent`` source (``notebooks/<name>.py``, the file
reviewed in diffs) paired with ``notebooks/<name>.ipynb`` (the stored outputs nbval
compares). Each other edition is stored too, executed in its language: ``notebooks/vi/<name>.ipynb``
(:func:`stored_path`), the source's cells after a hidden first cell that sets ``LSREPORTS_LANG``
(:func:`language_cell`), so that nbval, which runs every notebook in the test's environment,
checks it in its language. It is not a jupytext pair: the ``.py`` is its only source.
:func:`refresh` rebuilds the stored notebooks from the ``.py`` and executes them;
:func:`pair_drift` says whether a stored notebook has drifted from its source.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets.config import Config

from ..sources.paths import PROJECT_ROOT
from .i18n import ENV, LANGS, check_lang

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
CELL_TIMEOUT_S = 300
VERSION = re.compile(r"Version:\s*(\d+\.\d+\.\d+)")


class NotebookError(RuntimeError):
    """A notebook failed to run; the message names the notebook, the cell and the error."""


@dataclass(frozen=True)
class Pair:
    """A notebook's paired files."""

    name: str
    source: Path
    notebook: Path


def pairs(folder: Path | None = None) -> list[Pair]:
    """Return the notebook pairs of a folder: every ``*.py`` that is a jupytext percent source.

    ``folder`` defaults to :data:`NOTEBOOK_DIR`, read at the call (so a test can point it elsewhere).
    """
    found = []
    for source in sorted((NOTEBOOK_DIR if folder is None else folder).glob("*.py")):
        if "\n# %%" in "\n" + source.read_text(encoding="utf-8"):
            found.append(Pair(source.stem, source, source.with_suffix(".ipynb")))
    return found


def read_source(source: Path) -> nbformat.NotebookNode:
    """Read a ``py:percent`` source as a notebook with the project's kernel and pairing metadata."""
    notebook = jupytext.read(source, fmt="py:percent")
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata.setdefault("jupytext", {})["formats"] = "ipynb,py:percent"
    return notebook


def version_of(notebook: nbformat.NotebookNode) -> str | None:
    """Return the ``Version: x.y.z`` stated in the first cell, or None."""
    if not notebook.cells:
        return None
    match = VERSION.search(notebook.cells[0].source)
    return match.group(1) if match else None


def _config(sockets: str) -> Config:
    """Kernels talk over Unix sockets in ``sockets`` instead of TCP ports: nothing listens on the network,
    and the kernel does not print its warning about unencrypted TCP into the progress."""
    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(Path(sockets) / "kernel")
    return config


def execute(notebook: nbformat.NotebookNode, name: str, cwd: Path,
            env: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Execute a notebook in ``cwd``, in a kernel of its own; raise :class:`NotebookError` naming the failing cell.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The notebook (executed in place and returned).
    name : str
        Its name, for messages.
    cwd : pathlib.Path
        The working directory of the kernel (the notebook's folder, so relative paths resolve).
    env : dict, optional
        Variables added to the kernel's environment (a briefing's ``LSREPORTS_LANG``).
    """
    with tempfile.TemporaryDirectory(prefix="lsreports-kernel-") as sockets:
        # "immediate": the outputs are in hand once the last cell replies; a graceful
        # shutdown of ipykernel 7 sometimes stalls for its full 3 s grace period.
        client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name=KERNELSPEC["name"],
                                resources={"metadata": {"path": str(cwd)}}, shutdown_kernel="immediate",
                                config=_config(sockets))
        _run(client, name, env={**kernel_environment(), **(env or {})})
    return notebook


def _run(client: NotebookClient, name: str, **kwargs) -> None:
    """Execute ``client``'s notebook; a failing cell becomes a :class:`NotebookError` naming it."""
    notebook = client.nb
    try:
        client.execute(**kwargs)
    except CellExecutionError as exc:
        index, cell = next(((i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"
                            and any(o.get("output_type") == "error" for o in c.get("outputs", []))), (None, None))
        if index is not None:  # counted as the author sees the notebook: without a build's setup cell
            index -= sum(SETUP_TAG in c.get("metadata", {}).get("tags", []) for c in notebook.cells[:index])
        first_line = cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
        error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), {}) if cell else {}
        raise NotebookError(f"notebook {name!r}, cell {index} ({first_line!r}): "
                            f"{error.get('ename', 'error')}: {error.get('evalue', str(exc).splitlines()[-1])}") from None


#: The tag of a cell a build adds before a notebook's own (and removes after execution).
SETUP_TAG = "lsreports-setup"


#: What a build's kernel imports as it starts (:meth:`SharedKernel.start`): what every notebook imports first.
WARM_IMPORTS: tuple[str, ...] = ("pandas", "matplotlib.pyplot", "IPython.display", "lsreports.publish.page",
                                 "lsreports.publish.charts")


class SharedKernel:
    """One kernel that executes several notebooks in turn, so the imports are paid once.

    Before each notebook a hidden cell clears the user namespace (``%reset -f``: the imported modules
    stay) and resets what a notebook can leave in them (:func:`lsreports.publish.kernel_reset.fresh`).
    Use as a context manager; the kernel starts with the first notebook and stops on leaving.

    Parameters
    ----------
    cwd : pathlib.Path
        The notebooks' folder: the kernel's working directory, set again before each notebook.
    env : dict, optional
        Variables added to the kernel's environment (a briefing's ``LSREPORTS_LANG``).
    """

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.cwd, self.env = Path(cwd), dict(env or {})
        self._sockets: tempfile.TemporaryDirectory | None = None
        self._manager = None

    def __enter__(self) -> "SharedKernel":
        from jupyter_client.manager import AsyncKernelManager

        self._sockets = tempfile.TemporaryDirectory(prefix="lsreports-kernel-")
        self._manager = AsyncKernelManager(kernel_name=KERNELSPEC["name"], config=_config(self._sockets.name))
        return self

    def __exit__(self, *exc) -> None:
        from jupyter_core.utils import run_sync

        try:
            if self._manager is not None and self._manager.has_kernel:
                run_sync(self._manager.shutdown_kernel)(now=True)  # see execute(): no graceful stall
                run_sync(self._manager.cleanup_resources)()
        finally:
            if self._sockets is not None:
                self._sockets.cleanup()
            self._manager = self._sockets = None

    def start(self, imports: tuple[str, ...] = WARM_IMPORTS) -> None:
        """Start the kernel now, importing ``imports`` as it starts, without waiting for it.

        The kernel is another process: it starts and imports on the other core while this one
        goes on (a build computes the pages' shared inputs meanwhile). The first :meth:`execute`
        waits for it to be ready.
        """
        from jupyter_core.utils import run_sync

        if self._manager is None:
            raise RuntimeError("SharedKernel.start outside its `with` block")
        lines = [f"--IPKernelApp.exec_lines=import {module}" for module in imports]
        run_sync(self._manager.start_kernel)(env={**kernel_environment(), **self.env}, cwd=str(self.cwd),
                                             extra_arguments=lines)

    def execute(self, notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
        """Execute ``notebook`` (in place) after resetting the kernel; raise :class:`NotebookError` naming the cell."""
        if self._manager is None:
            raise RuntimeError("SharedKernel.execute outside its `with` block")
        reset = (f"%reset -f\nfrom lsreports.publish.kernel_reset import fresh as _lsr_fresh\n"
                 f"_lsr_fresh({str(self.cwd)!r})\ndel _lsr_fresh")
        notebook.cells.insert(0, nbformat.v4.new_code_cell(reset, metadata={"tags": [SETUP_TAG]}))
        client = NotebookClient(notebook, km=self._manager, timeout=CELL_TIMEOUT_S, kernel_name=KERNELSPEC["name"],
                                resources={"metadata": {"path": str(self.cwd)}})
        try:
            # env and cwd start the kernel (the first notebook): this process's environment at that moment
            _run(client, name, env={**kernel_environment(), **self.env}, cwd=str(self.cwd))
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
            notebook.cells = [c for c in notebook.cells if SETUP_TAG not in c.get("metadata", {}).get("tags", [])]
        return notebook


def stored_path(pair: Pair, code: str = LANGS[0]) -> Path:
    """Where the executed notebook of edition ``code`` is stored: ``<name>.ipynb`` for English (the jupytext
    pair), ``<code>/<name>.ipynb`` beside it for another language."""
    check_lang(code)
    return pair.notebook if code == LANGS[0] else pair.notebook.parent / code / pair.notebook.name


def language_cell(code: str) -> nbformat.NotebookNode:
    """The hidden first cell of a stored edition in another language than English: it sets ``LSREPORTS_LANG``
    in the kernel before anything is imported (the library reads it at every call:
    :func:`lsreports.publish.i18n.lang`). Tagged :data:`SETUP_TAG`: a briefing drops it."""
    return nbformat.v4.new_code_cell(f"%env {ENV}={check_lang(code)}", metadata={"tags": [SETUP_TAG]})


def edition_source(pair: Pair, code: str = LANGS[0]) -> nbformat.NotebookNode:
    """The notebook stored for edition ``code``, before execution: the ``.py``'s cells (after
    :func:`language_cell` for another language than English)."""
    notebook = read_source(pair.source)
    if check_lang(code) != LANGS[0]:
        notebook.cells.insert(0, language_cell(code))
        notebook.metadata["jupytext"] = {"formats": "ipynb"}  # not a pair: jupytext writes no .py beside it
    return notebook


def refresh(pair: Pair, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Rebuild the stored notebook of each edition in ``langs`` from ``<name>.py`` and execute it (in the folder
    it is stored in, as nbval runs it), storing outputs; return their paths."""
    written = []
    for code in langs:
        target = stored_path(pair, code)
        target.parent.mkdir(exist_ok=True)
        label = pair.name if code == LANGS[0] else f"{code}/{pair.name}"
        notebook = stable(execute(edition_source(pair, code), label, target.parent))
        nbformat.write(notebook, target)
        written.append(target)
    return written


def stable(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop the cells' execution timings and give each cell an id made of its place and source (in place).

    Random ids and timings would make every refresh a diff and every build's pages different bytes.
    """
    for index, cell in enumerate(notebook.cells):
        cell.metadata.pop("execution", None)
        cell.id = hashlib.sha1(f"{index}:{cell.source}".encode("utf-8")).hexdigest()[:8]
    return notebook


def pair_drift(pair: Pair, langs: tuple[str, ...] = LANGS) -> list[str]:
    """Return how the stored notebooks of ``langs`` differ from their ``.py`` (empty when each matches it cell by
    cell, another language's after its :func:`language_cell`)."""
    source = read_source(pair.source)
    problems = []
    for code in langs:
        path = stored_path(pair, code)
        name = path.relative_to(pair.source.parent).as_posix()
        if not path.exists():
            problems.append(f"{name} is missing")
            continue
        stored = nbformat.read(path, as_version=4)
        cells = stored.cells
        if code != LANGS[0]:
            first = cells[0] if cells else None
            if first is None or SETUP_TAG not in first.get("metadata", {}).get("tags", []) \
                    or first.source.strip() != language_cell(code).source:
                problems.append(f"{name}: its first cell is not the hidden {language_cell(code).source!r}")
            else:
                cells = cells[1:]
        problems += _cell_drift(source.cells, cells, name.removesuffix(".ipynb"))
        if stored.metadata.get("kernelspec", {}).get("name") != KERNELSPEC["name"]:
            problems.append(f"{name}: kernelspec is not {KERNELSPEC['name']!r}")
    return problems


def _cell_drift(source: list, stored: list, name: str) -> list[str]:
    """How the stored cells differ from the source's: their number, a cell's type or text."""
    problems = []
    if len(source) != len(stored):
        problems.append(f"{name}: {len(source)} cells in .py, {len(stored)} in .ipynb")
    for i, (a, b) in enumerate(zip(source, stored)):
        if a.cell_type != b.cell_type or a.source.strip() != b.source.strip():
            problems.append(f"{name}: cell {i} differs ({a.source.strip()[:60]!r})")
    return problems


#: Where notebooks are rendered for storage or briefings, matplotlib draws off-screen
#: (Agg): the charts are shown as PNG bytes by :func:`lsreports.publish.charts.show`, and
#: no figure is displayed a second time by an interactive backend. Set for the kernel
#: only; importing the library changes no backend in a user's own session.
RENDER_BACKEND = "agg"


#: One thread for the linear algebra of numpy/scipy/statsmodels in a rendering kernel (unless
#: the environment says otherwise). The matrices of the notebooks' models are small: with
#: OpenBLAS's default of a thread per core, its threads spin-wait for each other, and on a
#: loaded machine the trends notebook's SARIMA fits took 15 CPU seconds instead of 1.4
#: (same results to the last bit, 2026-12-02; see benchmarks/results/briefing_build.md).
BLAS_THREADS: dict[str, str] = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def kernel_environment() -> dict[str, str]:
    """Return the environment of a kernel that renders notebooks.

    This process's environment with ``MPLBACKEND=agg``, the debugger's file validation
    off (which otherwise prints a warning into the kernel's stderr) and, unless set,
    single-threaded linear algebra (:data:`BLAS_THREADS`).
    """
    return {"PYDEVD_DISABLE_FILE_VALIDATION": "1", **BLAS_THREADS, **os.environ, "MPLBACKEND": RENDER_BACKEND}
