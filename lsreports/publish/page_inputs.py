"""What every page of one briefing build shares, computed once.

The overview and each domain briefing show the consistency flags, what the latest report
changed and the year-end nowcasts. The build computes them once, for the overview, and
hands them to the notebook kernels through a file named in :data:`ENV` (:func:`shared_files`); a kernel uses it
only when it was computed from the same data files (their paths, sizes and modification
times), and computes its own otherwise (in JupyterLab, for instance).
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

import pandas as pd

#: Environment variable naming the shared context's file during a build.
ENV = "LSREPORTS_PAGE_CONTEXT"


@dataclass
class PageContext:
    """The flags, changes and year-end view of one state of the data."""

    key: tuple
    flags: pd.DataFrame
    changes: object
    year_end: pd.DataFrame
    year_end_label: str


def data_key() -> tuple:
    """Identify the data files the pages are computed from (path, modification time, size)."""
    from ..sources.paths import curated_dir, data_dir

    files = [curated_dir() / name for name in ("observations.csv", "indicators.csv", "targets.csv")]
    files += [data_dir() / "raw" / "reports.csv"]
    keys = []
    for path in files:
        try:
            stat = path.stat()
            keys.append((str(path), stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            keys.append((str(path), -1, -1))
    return tuple(keys)


def compute(obs: pd.DataFrame, catalogue: pd.DataFrame, manifest: pd.DataFrame) -> PageContext:
    """Compute the shared context from printed observations, the catalogue and the manifest."""
    from ..analysis.checks.changes import changes_since_previous
    from ..analysis.checks.consistency import consistency_flags
    from .overview import year_end_view

    flags = consistency_flags(obs, catalogue)
    year_end, label = year_end_view(obs)
    return PageContext(data_key(), flags, changes_since_previous(obs, catalogue, manifest, flags_now=flags),
                       year_end, label)


def shared(obs: pd.DataFrame, catalogue: pd.DataFrame, manifest: pd.DataFrame) -> PageContext:
    """The build's context when one is shared for these data files, else a freshly computed one."""
    path = os.environ.get(ENV)
    if path and Path(path).exists():
        with open(path, "rb") as handle:
            context = pickle.load(handle)
        if isinstance(context, PageContext) and context.key == data_key():
            return context
    return compute(obs, catalogue, manifest)


def write(context: PageContext, path: Path) -> Path:
    """Write ``context`` to ``path``, for the kernels whose :data:`ENV` names it."""
    from ..sources.atomic import write_bytes_atomic

    return write_bytes_atomic(Path(path), pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL))


@contextmanager
def shared_files() -> Iterator[tuple[Path, Path]]:
    """Name the files a build shares with its kernels, in the environment of the kernels started in the block.

    Yields the paths of the context (:func:`write`) and of the memos' results
    (:func:`lsreports.analysis.memo.write_shared`). They are written later: a kernel can start
    (and import) while the build computes them, and reads them when a notebook first asks (a file
    not written yet shares nothing). Both are removed on leaving.
    """
    from ..analysis.memo import SHARED_ENV

    with tempfile.TemporaryDirectory(prefix="lsreports-shared-") as folder:
        paths = (Path(folder) / "context.pickle", Path(folder) / "memos.pickle")
        with patch.dict(os.environ, {ENV: str(paths[0]), SHARED_ENV: str(paths[1])}):
            yield paths


__all__ = ["ENV", "PageContext", "compute", "data_key", "shared", "shared_files", "write"]
