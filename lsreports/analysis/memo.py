"""Results kept by the content of the frames they were computed from.

A notebook asks for the same derivations, projections and checks several times with the
same observations; :class:`FrameMemo` keeps the last few results under a digest of the
input frames' columns and values, so a changed table is never served a stale result, and
hands out copies, so a caller's edit never reaches the next caller.

A briefing build computes the pages' shared inputs once, in its own process, then runs the
notebooks in kernels that ask for the same results. The build writes its named memos'
results to a file (:func:`write_shared`) named in :data:`SHARED_ENV`; a memo that misses
looks there before computing. The file's results are keyed by the same content digests, so a
kernel whose data differ from the build's finds nothing in it and computes its own.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd


def fingerprint(*frames: pd.DataFrame) -> bytes | None:
    """Return a digest of the frames' columns and values (``None`` if a value cannot be hashed).

    Examples
    --------
    >>> a = pd.DataFrame({"x": [1.0, 2.0]})
    >>> fingerprint(a) == fingerprint(a.copy()), fingerprint(a) == fingerprint(a.assign(x=[1.0, 3.0]))
    (True, False)
    """
    digest = hashlib.blake2b(digest_size=16)
    for frame in frames:
        try:
            rows = pd.util.hash_pandas_object(frame, index=False).to_numpy()
        except TypeError:
            return None
        digest.update(rows.tobytes() + "\x1f".join(map(str, frame.columns)).encode() + b"\x1e")
    return digest.digest()


#: Every memo made, so that :func:`clear_memos` reaches them all.
_MEMOS: list[FrameMemo] = []
#: The variable naming a build's file of shared results (:func:`write_shared`).
SHARED_ENV = "LSREPORTS_SHARED_MEMOS"
#: The shared results read in this process, and the file they came from (:func:`_shared_results`).
_SHARED: dict = {}


class FrameMemo:
    """The last ``size`` results of one computation, by :func:`fingerprint` of its input frames.

    A memo with a ``name`` (unique: the computation's module and function) is shared by a
    briefing build with its kernels (:func:`write_shared`).
    """

    def __init__(self, size: int = 4, name: str | None = None) -> None:
        if name is not None and any(memo.name == name for memo in _MEMOS):
            raise ValueError(f"a FrameMemo named {name!r} exists already")
        self.size, self.name = size, name
        self._results: OrderedDict[bytes, pd.DataFrame] = OrderedDict()
        _MEMOS.append(self)

    def get(self, compute: Callable[[], pd.DataFrame], *frames: pd.DataFrame) -> pd.DataFrame:
        """Return a copy of ``compute()``'s result for these ``frames``, computing it only when not kept."""
        key = fingerprint(*frames)
        if key is not None and key in self._results:
            self._results.move_to_end(key)
            return self._results[key].copy()
        shared = _shared_results().get(self.name, {}).get(key) if key is not None and self.name else None
        out = compute() if shared is None else shared.copy()
        if key is not None:
            self._results[key] = out.copy()
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return out

    def clear(self) -> None:
        """Forget every kept result (benchmarks time cold calls)."""
        self._results.clear()


def _shared_results() -> dict[str, dict[bytes, pd.DataFrame]]:
    """The results a build shared (:data:`SHARED_ENV`), read once per file; empty outside a build or before the
    build has written them (a missing or unreadable file shares nothing: every memo computes its own)."""
    path = os.environ.get(SHARED_ENV, "")
    if not path:
        return {}
    if _SHARED.get("path") != path:
        try:
            with open(path, "rb") as handle:
                results = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}
        _SHARED.update(path=path, results=results if isinstance(results, dict) else {})
    return _SHARED["results"]


def shared_results() -> dict[str, dict[bytes, pd.DataFrame]]:
    """The results every named memo of this process keeps now, by memo name and content digest."""
    return {memo.name: dict(memo._results) for memo in _MEMOS if memo.name and memo._results}


def write_shared(path: Path) -> Path:
    """Write this process's named memos' results to ``path``, for the kernels whose :data:`SHARED_ENV` names it."""
    from ..sources.atomic import write_bytes_atomic

    return write_bytes_atomic(Path(path), pickle.dumps(shared_results(), protocol=pickle.HIGHEST_PROTOCOL))


def clear_memos() -> None:
    """Forget the results kept by every :class:`FrameMemo` (benchmarks time cold calls)."""
    for memo in _MEMOS:
        memo.clear()
