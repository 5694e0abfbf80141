"""Results kept by content (lsreports.analysis.memo), on SYNTHETIC frames."""
from __future__ import annotations

import pandas as pd

from lsreports.analysis.memo import FrameMemo, clear_memos, fingerprint


def test_fingerprint_follows_values_columns_and_every_frame():
    a = pd.DataFrame({"x": [1.0, 2.0], "y": ["a", "b"]})
    assert fingerprint(a) == fingerprint(a.copy())
    assert fingerprint(a) != fingerprint(a.assign(y=["a", "c"]))
    assert fingerprint(a) != fingerprint(a.rename(columns={"x": "z"}))
    assert fingerprint(a, a) != fingerprint(a, a.assign(x=[1.0, 2.5]))
    assert fingerprint(pd.DataFrame({"x": [[1], [2]]})) is None  # unhashable values: never memoised


def test_memo_computes_once_per_content_and_hands_out_copies():
    memo, calls = FrameMemo(size=2), []

    def compute(frame):
        calls.append(1)
        return frame.assign(double=frame["x"] * 2)

    a, b, c = (pd.DataFrame({"x": [float(i)]}) for i in range(3))
    first = memo.get(lambda: compute(a), a)
    first.loc[0, "double"] = -1.0  # a caller's edit must not reach the next caller
    assert memo.get(lambda: compute(a), a.copy())["double"].tolist() == [0.0] and len(calls) == 1
    memo.get(lambda: compute(b), b), memo.get(lambda: compute(c), c)  # a is now the oldest of three: dropped
    memo.get(lambda: compute(a), a)
    assert len(calls) == 4
    clear_memos()
    memo.get(lambda: compute(a), a)
    assert len(calls) == 5
