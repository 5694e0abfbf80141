"""Entries kept on disk under a key made of their inputs' content, trusted only if they read back whole.

The model cache (:mod:`lsreports.analysis.tsa.model_cache`) and the chart store
(:mod:`lsreports.publish.chart_store`) keep results this way. An entry is one file,
``<folder>/<key[:2]>/<key>.pkl``: the sha256 of its payload on the first line, then the
payload (a pickle of the key and the value). A missing, truncated, corrupt or foreign entry
reads back as ``None``, so its caller recomputes it and writes it again; it is never used.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from .atomic import write_bytes_atomic


def entry_path(folder: Path, key: str) -> Path:
    """Where the entry of ``key`` lives in ``folder``."""
    return folder / key[:2] / f"{key}.pkl"


def read_entry(path: Path, key: str, accept: Callable[[object], bool]) -> object | None:
    """The value stored at ``path`` under ``key``, or None if it is missing, corrupt, another key's or not accepted.

    Parameters
    ----------
    path : pathlib.Path
        The entry's file (:func:`entry_path`).
    key : str
        The key the value must have been written under.
    accept : callable
        Says whether the value read is of the expected kind (a wrong kind is not used).
    """
    try:
        data = path.read_bytes()
        digest, payload = data[:64].decode("ascii"), data[65:]
        if data[64:65] != b"\n" or hashlib.sha256(payload).hexdigest() != digest:
            return None
        stored = pickle.loads(payload)
    except (OSError, UnicodeDecodeError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError,
            ImportError, IndexError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key or not accept(stored.get("value")):
        return None
    return stored["value"]


def write_entry(path: Path, key: str, value: object) -> bool:
    """Store ``value`` under ``key`` at ``path`` (atomically); return False if the folder is not writable."""
    payload = pickle.dumps({"key": key, "value": value}, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
    except OSError:  # a read-only checkout still computes, it just does not keep the result
        return False
    return True




def kept(folder: Path | None, key: str | None, compute: Callable[[], object], accept: Callable[[object], bool],
         keep: Callable[[], bool] = lambda: True) -> object:
    """The value stored under ``key`` in ``folder``, else ``compute()``'s, stored when ``keep()`` says so.

    ``folder`` or ``key`` None: computed, not stored. ``keep`` is asked after computing (a
    computation that read something its key does not hold is not kept).
    """
    if folder is None or key is None:
        return compute()
    path = entry_path(folder, key)
    stored = read_entry(path, key, accept)
    if stored is not None:
        return stored
    value = compute()
    if keep():
        write_entry(path, key, value)
    return value


__all__ = ["entry_path", "kept", "read_entry", "write_entry"]
