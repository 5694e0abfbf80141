"""One preferred print: where several reports print the same figure, which one is shown.

The rule
--------
A *key* is ``indicator_id, start, end, measure`` (and ``derived``: a derived row never
competes with a printed one). Where more than one row has the same key, the preferred
print is chosen by, in order:

1. **the province's own report over the press**: ``source_kind == "report"`` in
   ``data/raw/reports.csv`` before a public text (``web-text``, a newspaper or an office's
   web page quoting the province);
2. **a revised figure over a first estimate**: ``status == "actual"`` before ``"estimate"``;
3. **a later report over an earlier one**: the report covering the later period
   (``period_end``), then the later ``report_date``;
4. the report id, so that the choice never depends on the row order.

Every print stays in :func:`lsreports.observations` (the data contract: one row per printed
number); :func:`lsreports.load` shows the preferred print unless ``all_prints=True``. Prints
of one key that disagree beyond rounding are flagged (:func:`print_disagreements`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: The columns that identify one figure across reports.
PRINT_KEY: list[str] = ["indicator_id", "start", "end", "measure", "derived"]
#: Relative gap between two prints of one figure above which they disagree beyond rounding.
PRINT_TOLERANCE = 0.01
#: Points by which two prints of one rate may differ (a rate may be printed to a whole percent).
PCT_TOLERANCE_PP = 0.5
#: Rank of a report's ``source_kind`` (lower is preferred); unknown kinds rank after these.
KIND_RANK: dict[str, int] = {"report": 0}


def _report_ranks(docs: pd.Series, manifest: pd.DataFrame | None) -> pd.DataFrame:
    """Per row: the kind rank, the report's period end and date (NaT when unknown)."""
    if manifest is None or manifest.empty:
        table = pd.DataFrame(index=pd.Index([], name="id"), columns=["source_kind", "period_end", "report_date"])
    else:
        table = manifest.set_index("id").reindex(columns=["source_kind", "period_end", "report_date"])
    info = table.reindex(docs.to_numpy())
    kind = info["source_kind"].map(KIND_RANK).fillna(len(KIND_RANK)).to_numpy()
    return pd.DataFrame({"_kind": kind, "_period_end": pd.to_datetime(info["period_end"], errors="coerce").to_numpy(),
                         "_date": pd.to_datetime(info["report_date"], errors="coerce").to_numpy()}, index=docs.index)


def mark_preferred(frame: pd.DataFrame, manifest: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``frame`` with a boolean ``preferred`` column: true for exactly one row per :data:`PRINT_KEY`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Observations in the contract's shape.
    manifest : pandas.DataFrame, optional
        The reports (:func:`lsreports.reports`); by default the curated manifest. Reports
        it does not list rank after the province's reports, by id.

    Returns
    -------
    pandas.DataFrame
        A copy with ``preferred`` and ``prints`` (how many rows share the key), in the
        original row order.
    """
    if manifest is None:
        from .loader import reports

        manifest = reports()
    if frame.empty:
        return frame.assign(preferred=pd.Series(dtype=bool), prints=pd.Series(dtype=int))
    frame = frame.reset_index(drop=True) if not frame.index.is_unique else frame
    ranks = _report_ranks(frame["source_doc"], manifest)
    status = frame["status"] if "status" in frame else pd.Series("", index=frame.index)
    ranked = frame[PRINT_KEY + ["source_doc"]].assign(
        _kind=ranks["_kind"], _estimate=(status.astype(object) == "estimate").astype(int),
        _period_end=ranks["_period_end"], _date=ranks["_date"], _order=np.arange(len(frame)))
    ranked = ranked.sort_values(["_kind", "_estimate", "_period_end", "_date", "source_doc"],
                                ascending=[True, True, False, False, True], na_position="last")
    preferred = np.zeros(len(frame), dtype=bool)  # by position: the caller's index may repeat labels
    preferred[ranked["_order"].to_numpy()[~ranked.duplicated(PRINT_KEY, keep="first").to_numpy()]] = True
    prints = frame.groupby(PRINT_KEY, dropna=False)["source_doc"].transform("size")
    return frame.assign(preferred=preferred, prints=prints.to_numpy(dtype=int))


def preferred_prints(frame: pd.DataFrame, manifest: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return only the preferred print of each key (see the module's rule), in the original order."""
    marked = mark_preferred(frame, manifest)
    return marked.loc[marked["preferred"]].drop(columns=["preferred", "prints"])


def print_disagreements(frame: pd.DataFrame, manifest: pd.DataFrame | None = None,
                        tolerance: float = PRINT_TOLERANCE) -> pd.DataFrame:
    """Keys printed more than once whose prints differ beyond rounding.

    Returns
    -------
    pandas.DataFrame
        One row per disagreeing print against the preferred one: ``indicator_id, start,
        end, measure, source_doc`` (the other print), ``value``, ``preferred_doc``,
        ``preferred_value`` and ``gap`` (relative to the preferred value; for a
        percentage measure, the difference in points).
    """
    marked = mark_preferred(frame.loc[~frame["derived"].astype(bool)], manifest)
    marked = marked.loc[marked["prints"] > 1]
    key = PRINT_KEY[:-1]
    best = marked.loc[marked["preferred"], key + ["source_doc", "value"]].rename(
        columns={"source_doc": "preferred_doc", "value": "preferred_value"})
    others = marked.loc[~marked["preferred"], key + ["source_doc", "value", "unit"]].merge(best, on=key)
    is_pct = others["unit"] == "pct"
    gap = np.where(is_pct, others["value"] - others["preferred_value"],
                   (others["value"] - others["preferred_value"]) / others["preferred_value"].abs().replace(0, np.nan))
    others = others.assign(gap=gap)
    beyond = np.where(is_pct, others["gap"].abs() > PCT_TOLERANCE_PP + 1e-9, others["gap"].abs() > tolerance)
    return others.loc[beyond].reset_index(drop=True)


__all__ = ["PRINT_KEY", "PRINT_TOLERANCE", "KIND_RANK", "mark_preferred", "preferred_prints", "print_disagreements"]
