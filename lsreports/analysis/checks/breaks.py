"""Breaks of basis: where an indicator's printed figures change definition or scale.

A series whose definition changed is two series: nothing is derived across the break
(:mod:`lsreports.analysis.derive` drops a growth or a previous-year level whose two ends
lie on different sides), charts draw each side apart, and every row before the break
carries a ``break_of_basis`` flag (family ``curated``) in :func:`lsreports.flags`.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class BasisBreak:
    """A change of basis: rows of ``indicator_id`` ending before ``first_day`` are on the old basis."""

    indicator_id: str
    first_day: pd.Timestamp
    old_basis: str
    reason: str


#: The known breaks, by indicator. The 2019-2021 public texts print "kim ngạch qua địa bàn" at the
#: scale of the goods declared at Lạng Sơn customs (about 500 million USD a month in April 2019); the
#: province's 2025-2026 reports print all types of trade through the province (9,400 in November 2025).
BREAKS: dict[str, BasisBreak] = {
    "trade_total": BasisBreak(
        "trade_total", pd.Timestamp("2022-01-01"), "2019-2021: customs-declared scale",
        "the 2019-2021 'kim ngạch qua địa bàn' figures are at the scale of goods declared at Lạng Sơn customs "
        "(about 500 million USD a month in 2019), not all types of trade through the province as printed from "
        "2024 (about 9,400 million USD in November 2025): a change of basis, not growth"),
}


def basis_side(indicator_id: str, end: pd.Timestamp | pd.Series) -> int | pd.Series:
    """0 for a period on an indicator's old basis (ending before its break), 1 otherwise (and without a break)."""
    brk = BREAKS.get(indicator_id)
    if brk is None:
        return 1 if isinstance(end, pd.Timestamp) else pd.Series(1, index=end.index)
    return int(end >= brk.first_day) if isinstance(end, pd.Timestamp) else (end >= brk.first_day).astype(int)


def crosses_break(indicator_id: str, end_a: pd.Timestamp, end_b: pd.Timestamp) -> bool:
    """Whether two periods of one indicator lie on different sides of a break of basis."""
    return basis_side(indicator_id, pd.Timestamp(end_a)) != basis_side(indicator_id, pd.Timestamp(end_b))


def basis_labels(indicator_id: str, end: pd.Series) -> pd.Series:
    """Name each period's basis: the old basis in words before a break, else ``"current basis"``."""
    brk = BREAKS.get(indicator_id)
    if brk is None:
        return pd.Series("current basis", index=end.index)
    return pd.Series(["current basis" if e >= brk.first_day else brk.old_basis for e in end], index=end.index)


def break_flags(obs: pd.DataFrame) -> pd.DataFrame:
    """One ``break_of_basis`` flag per printed row on the old side of a break.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, start, end, measure, source_doc, value, old_basis, reason``.
    """
    rows = []
    for indicator_id, brk in BREAKS.items():
        old = obs.loc[(obs["indicator_id"] == indicator_id) & (obs["end"] < brk.first_day) & ~obs["derived"]]
        rows += [{"indicator_id": indicator_id, "start": r.start, "end": r.end, "measure": r.measure,
                  "source_doc": r.source_doc, "value": r.value, "old_basis": brk.old_basis, "reason": brk.reason}
                 for r in old.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["indicator_id", "start", "end", "measure", "source_doc", "value", "old_basis",
                                       "reason"])


__all__ = ["BasisBreak", "BREAKS", "basis_side", "basis_labels", "crosses_break", "break_flags"]
