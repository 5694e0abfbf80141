"""Stage 7, confidence: how sure a candidate row is, and why not more (the row's ``reason``).

Precision first: where the period, the measure or the indicator had to be inferred, the row
says so and its confidence drops, rather than passing for a sure reading. The review file
shows the rows under :data:`LOW` first.
"""
from __future__ import annotations

import pandas as pd

#: Rows below this confidence are shown first in the review file.
LOW = 0.6
#: The starting confidence of a reading: a level with its unit, a percentage with its base printed, one without.
LEVEL, EXPLICIT, IMPLICIT = 0.8, 0.9, 0.7
#: Why a reading is doubted, and the confidence it then gets at most.
DOUBTS: dict[str, tuple[str, float]] = {
    "period_default": ("no period named in the sentence or its paragraph: read as the report's year to date", 0.5),
    "period_month": ("no period named: a change on the month before, read as the text's month", 0.5),
    "base_default": ("no base printed after the percentage: read as a change on the same period a year before", 0.7),
    "comparison_period": ("a figure printed for the comparison period ('cùng kỳ năm ...')", 0.7),
    "ratio_doubt": ("", 0.4),  # the text comes from the measure stage
    "scope_unknown": ("the text names neither the province nor the country: is the figure the province's?", 0.4),
}


def judge(start: float, doubts: list[tuple[str, str]]) -> tuple[float, str]:
    """Return (confidence, reason) of a reading that started at ``start`` with ``doubts``.

    Parameters
    ----------
    start : float
        :data:`LEVEL`, :data:`EXPLICIT` or :data:`IMPLICIT`.
    doubts : list of (key, text)
        Keys of :data:`DOUBTS`; ``text`` replaces the default wording when given.

    Returns
    -------
    (float, str)
        The lowest confidence among ``start`` and the doubts' caps; the reasons joined by "; ".
    """
    confidence, reasons = start, []
    for key, text in doubts:
        default, cap = DOUBTS[key]
        confidence = min(confidence, cap)
        reasons.append(text or default)
    return confidence, "; ".join(reasons)


def doubted(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Return candidate rows with one more doubt (a key of :data:`DOUBTS`) on every row."""
    text, cap = DOUBTS[key]
    reasons = frame["reason"].where(frame["reason"].eq(""), frame["reason"] + "; ") + text
    return frame.assign(confidence=frame["confidence"].clip(upper=cap), reason=reasons)
