"""Results kept by the content of the frames they were computed from.

A notebook asks for the same derivations, projections and checks several times with the
same observations; :class:`FrameMemo` keeps the last few results under a digest of the
input frames' columns and values, so a changed table is never served a stale result, and
hands out copies, so a caller's edit never reaches the next caller.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable

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


class FrameMemo:
    """The last ``size`` results of one computation, by :func:`fingerprint` of its input frames."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._results: OrderedDict[bytes, pd.DataFrame] = OrderedDict()
        _MEMOS.append(self)

    def get(self, compute: Callable[[], pd.DataFrame], *frames: pd.DataFrame) -> pd.DataFrame:
        """Return a copy of ``compute()``'s result for these ``frames``, computing it only when not kept."""
        key = fingerprint(*frames)
        if key is not None and key in self._results:
            self._results.move_to_end(key)
            return self._results[key].copy()
        out = compute()
        if key is not None:
            self._results[key] = out.copy()
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return out

    def clear(self) -> None:
        """Forget every kept result (benchmarks time cold calls)."""
        self._results.clear()


def clear_memos() -> None:
    """Forget the results kept by every :class:`FrameMemo` (benchmarks time cold calls)."""
    for memo in _MEMOS:
        memo.clear()
