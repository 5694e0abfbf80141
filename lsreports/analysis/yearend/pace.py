"""The pace still needed to reach a plan, and the cumulative path against plan, month by month.

*Pace still needed*: for a year to date ``YTD`` after ``m`` months with target ``T``,
the monthly level needed for the rest of the year is ``(T - YTD) / (12 - m)``; it is
compared with the pace so far, ``YTD / m``, and with last year's pace over the same
remaining months, ``(A_{y-1} - YTD_{y-1}) / (12 - m)``, where last year's levels are the
ones the projection used (:mod:`lsreports.analysis.yearend.nowcast`).

*Cumulative against plan*: the printed "% of plan" of every year to date, by the months
it covers (beyond 12 where a year's plan is still being disbursed in January of the
next year), against the straight on-pace line ``months / 12 * 100``. Percentages of
plan are unit-free, so the path survives a level printed in the wrong unit.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...sources.contract import normalise_observations, printed_rows

PACE_COLUMNS: list[str] = [
    "indicator_id", "year", "ytd_end", "target_kind", "target_value", "unit", "months_elapsed", "months_remaining",
    "pace_so_far", "pace_needed", "last_year_pace", "needed_vs_so_far", "needed_vs_last_year", "reached", "note",
]
PATH_COLUMNS: list[str] = ["indicator_id", "year", "end", "months", "pct", "on_pace_pct", "measure", "source_doc"]


def pace_needed(projections: pd.DataFrame) -> pd.DataFrame:
    """The monthly level needed for the rest of the year, against the pace so far and last year's.

    Parameters
    ----------
    projections : pandas.DataFrame
        From :func:`lsreports.analysis.yearend.projection.year_end_projections` (rows with a target
        and a projection method are used).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PACE_COLUMNS`, levels per month in the indicator's unit;
        ``needed_vs_*`` are ratios (1.2: 20 % faster than that pace); ``reached`` where
        the year to date already meets the target (the pace needed is then 0). No pace is
        ever negative: a pace the inputs make impossible (last year's rest of the year
        below zero, i.e. its year level under its year to date) is missing (NaN) and
        ``note`` says why.
    """
    rows = projections.loc[(projections["target_kind"] != "") & (projections["method"] != "not_projected")
                           & (projections["months_remaining"] > 0)]
    elapsed = 12 - rows["months_remaining"]
    so_far = rows["ytd_value"] / elapsed
    needed = (rows["target_value"] - rows["ytd_value"]) / rows["months_remaining"]
    last_year = (rows["prev_annual_value"] - rows["prev_ytd_value"]) / rows["months_remaining"]
    reached = rows["ytd_value"] >= rows["target_value"]
    needed, last_year, note = _guard(needed, last_year, reached, rows)
    out = pd.DataFrame({
        "indicator_id": rows["indicator_id"], "year": rows["year"], "ytd_end": rows["ytd_end"],
        "target_kind": rows["target_kind"], "target_value": rows["target_value"], "unit": rows["unit"],
        "months_elapsed": elapsed, "months_remaining": rows["months_remaining"], "pace_so_far": so_far,
        "pace_needed": needed, "last_year_pace": last_year, "needed_vs_so_far": needed / so_far,
        "needed_vs_last_year": needed / last_year.where(last_year > 0, np.nan),
        "reached": reached, "note": note})
    return out.reset_index(drop=True)[PACE_COLUMNS]


def _guard(needed: pd.Series, last_year: pd.Series, reached: pd.Series,
           rows: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """No negative pace: 0 still needed once the target is reached; an impossible last year's pace is NaN, said why."""
    needed = needed.where(~reached, 0.0)
    impossible = last_year < 0
    note = pd.Series("", index=rows.index, dtype=object)
    note = note.where(~reached, "target already reached: nothing more needed")
    why = [f"last year's pace not shown: its year level {a:,.6g} is below its year to date {y:,.6g} "
           f"({f or 'printed'}): the inputs are inconsistent"
           for a, y, f in zip(rows["prev_annual_value"], rows["prev_ytd_value"], rows["prev_annual_from"])]
    note = note.where(~impossible, pd.Series(why, index=rows.index, dtype=object)
                      .str.cat(note.where(note != "", None), sep="; ", na_rep="").str.rstrip("; "))
    return needed, last_year.where(~impossible, np.nan), note


def plan_paths(obs: pd.DataFrame, indicator_ids: list[str] | None = None,
               measures: tuple[str, ...] = ("plan_pct",)) -> pd.DataFrame:
    """Cumulative % of plan by the months each printed year to date covers.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (printed rows are used).
    indicator_ids : list of str, optional
        Indicators to keep (default: all with a printed percentage of plan).
    measures : tuple of str
        The percentage measures read (``plan_pct``; ``est_local_pct`` for budget lines).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PATH_COLUMNS`: ``year`` of the plan (the period's first day),
        ``months`` covered from 1 January (13 for a year's plan to 31 January of the
        next year), the printed ``pct`` and the straight ``on_pace_pct``.
    """
    printed = printed_rows(normalise_observations(obs))
    rows = printed.loc[printed["measure"].isin(measures) & (printed["start"].dt.month == 1)
                       & (printed["start"].dt.day == 1) & (printed["start"] != printed["end"])]
    if indicator_ids is not None:
        rows = rows.loc[rows["indicator_id"].isin(indicator_ids)]
    months = ((rows["end"].dt.year - rows["start"].dt.year) * 12 + rows["end"].dt.month - 1
              + rows["end"].dt.day / rows["end"].dt.days_in_month)
    out = pd.DataFrame({"indicator_id": rows["indicator_id"], "year": rows["start"].dt.year, "end": rows["end"],
                        "months": months, "pct": rows["value"], "on_pace_pct": months / 12 * 100,
                        "measure": rows["measure"], "source_doc": rows["source_doc"]})
    return out.sort_values(["indicator_id", "year", "end", "source_doc"]).reset_index(drop=True)[PATH_COLUMNS]


__all__ = ["pace_needed", "plan_paths", "PACE_COLUMNS", "PATH_COLUMNS"]
