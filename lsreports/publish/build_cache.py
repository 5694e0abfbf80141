"""What a briefing build keeps by content: its charts and its exported pages.

A build after a change to the province's rows runs every notebook again, but most of what
they draw and most pages they give did not change. Both are kept in one folder, each under
the sha256 of everything that decides it, and read back instead of redone:

- charts, in ``charts/`` (:mod:`lsreports.publish.chart_store`: in the build's kernels);
- exported pages, in ``pages/`` (:func:`exported`: an executed notebook already exported,
  byte for byte, is not exported again).

Every key holds :func:`code_version`: the library's source and templates and the versions of
the libraries that draw and export, so a change to any of them is a new key. Entries are read
back only whole (:mod:`lsreports.sources.content_store`). ``LSREPORTS_BUILD_CACHE`` names the
folder (default ``.cache/build/`` of the checkout, ignored by git); ``off`` keeps nothing.
Charts are kept only in a build's kernels (:func:`kernel_variables`); elsewhere (JupyterLab, nbval,
the tests) they are drawn as before.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..sources.content_store import kept
from ..sources.paths import PROJECT_ROOT

#: The variable naming the folder (``off``: nothing kept).
ENV = "LSREPORTS_BUILD_CACHE"
#: The variable a build sets for its kernels only, naming the folder where their charts are kept.
KERNEL_ENV = "LSREPORTS_BUILD_KERNEL_CACHE"
#: Bump when what an entry holds changes.
FORMAT = 1
#: The libraries whose versions are part of every key.
LIBRARIES: tuple[str, ...] = ("matplotlib", "seaborn", "pandas", "numpy", "nbconvert", "jinja2")


def default_dir() -> Path:
    """The folder a build uses unless ``LSREPORTS_BUILD_CACHE`` says otherwise."""
    return PROJECT_ROOT / ".cache" / "build"


def for_build() -> Path | None:
    """The folder of a build: ``LSREPORTS_BUILD_CACHE`` if set (``off``: None), else :func:`default_dir`."""
    value = os.environ.get(ENV, "").strip()
    return None if value.lower() == "off" else Path(value) if value else default_dir()


def in_this_process() -> Path | None:
    """The folder where this process keeps charts: only in a build's kernels (:data:`KERNEL_ENV`), else None."""
    value = os.environ.get(KERNEL_ENV, "").strip()
    return Path(value) if value else None


def kernel_variables() -> dict[str, str]:
    """What a build adds to its kernels' environment: :data:`KERNEL_ENV` naming its folder (empty: keep nothing)."""
    folder = for_build()
    return {KERNEL_ENV: "" if folder is None else str(folder)}


@lru_cache(maxsize=1)
def code_version() -> str:
    """The sha256 of the library's files (source, templates, word tables) and of the drawing and exporting libraries' versions."""
    from importlib.metadata import version  # seaborn's version without importing it (1-2 s)

    digest = hashlib.sha256(f"{FORMAT} ".encode() + " ".join(version(name) for name in LIBRARIES).encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def exported(notebook_text: str, lang: str, title: str, export: Callable[[], str]) -> str:
    """The page ``export()`` gives for this executed notebook (its ``nbformat`` text), kept by content."""
    folder = for_build()
    key = hashlib.sha256(f"page\n{code_version()}\n{lang}\n{title}\n".encode() + notebook_text.encode()).hexdigest()
    return kept(None if folder is None else folder / "pages", key, export, lambda value: isinstance(value, str))


__all__ = ["ENV", "FORMAT", "KERNEL_ENV", "LIBRARIES", "code_version", "default_dir", "exported", "for_build",
           "in_this_process", "kernel_variables"]
