"""Fitted models kept by content: a fit whose inputs did not change is read back, not redone.

A decomposition or forecast is stored in ``.cache/models/`` of the checkout (ignored by
git; :func:`cache_dir`) under a key made of what determines it: the series' content (its
months, values and name), the method and its options, the versions of numpy, scipy and
statsmodels, and the source of the modules that fit (so a change to the fitting code is a
new key). Because the key is the content, one cache serves the briefing build, the
notebooks and any data folder (``LSREPORTS_DATA`` included).

An entry is trusted only if it reads back whole: each file holds the sha256 of its
payload and the key it was written under; a truncated, corrupt or foreign entry is
recomputed and overwritten, never used. ``LSREPORTS_MODEL_CACHE`` moves the cache (a
folder) or turns it off (``off``).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ...sources.content_store import kept, read_entry
from ...sources.paths import PROJECT_ROOT
from .results import TSResult

#: Bump when the stored format changes.
FORMAT = 2
#: The modules whose source is part of every key (their code decides the fit).
FITTING_MODULES: tuple[str, ...] = ("forecast.py", "decompose.py", "results.py", "calendar.py")


def cache_dir() -> Path | None:
    """The cache folder: ``LSREPORTS_MODEL_CACHE`` if set (``off``: no cache), else ``.cache/models/``."""
    override = os.environ.get("LSREPORTS_MODEL_CACHE", "")
    if override.lower() == "off":
        return None
    return Path(override) if override else PROJECT_ROOT / ".cache" / "models"


@lru_cache(maxsize=1)
def _code_version() -> str:
    import scipy
    import statsmodels

    digest = hashlib.sha256(f"{FORMAT} {np.__version__} {scipy.__version__} {statsmodels.__version__}".encode())
    for name in FITTING_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def model_key(kind: str, series: pd.Series, options: dict) -> str:
    """The key of a fit: sha256 of the code version, ``kind``, ``options`` and the series' content."""
    digest = hashlib.sha256(_code_version().encode())
    digest.update(json.dumps([kind, options, str(series.name)], sort_keys=True, default=str).encode())
    digest.update("\n".join(map(str, series.index)).encode())
    digest.update(np.ascontiguousarray(series.to_numpy(dtype=float)).tobytes())
    return digest.hexdigest()


def _read(path: Path, key: str) -> TSResult | None:
    """The result stored at ``path`` under ``key``, or None if it is missing, corrupt or another key's."""
    return read_entry(path, key, lambda value: isinstance(value, TSResult))


def cached_fit(kind: str, series: pd.Series, options: dict, fit: Callable[[], TSResult]) -> TSResult:
    """Return the stored result of this fit, or run ``fit`` and store what it returns.

    Parameters
    ----------
    kind : str
        ``decompose`` or ``forecast``.
    series : pandas.Series
        The series fitted (its content is part of the key).
    options : dict
        The method and every option that changes the result (JSON-serialisable).
    fit : callable
        Computes the result when no valid entry exists.
    """
    folder = cache_dir()
    key = None if folder is None else model_key(kind, series, options)
    return kept(folder, key, fit, lambda value: isinstance(value, TSResult))
