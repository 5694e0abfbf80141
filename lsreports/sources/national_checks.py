"""Checks of the third-party extract of the GSO's tables against itself.

Each check takes the cells of :func:`lsreports.sources.national.national_cells` (or
synthetic cells of the same shape) and returns flags, one row per disagreement, with the
arithmetic as evidence and the cells involved:

- :func:`ytd_sums`: a release's year to date equals the months before it (as revised)
  plus the month's first estimate;
- :func:`growth_against_levels`: a printed growth rate agrees with the levels twelve
  months (``yoy_pct``) or one month (``mom_pct``) apart;
- :func:`missing_months`: months absent between a series' first and last month (a month
  printed twice is flagged on the curated row itself, see ``national.build_rows``);
- the growth conventions (an index such as 109.03 against a change such as 9.03) are
  normalised when the cells are read, and each re-reading is flagged there.

The tolerances are stated beside each check: the GSO revises months after their
release, so a year to date and the months summed later need not agree to the unit.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

FLAG_COLUMNS = ("indicator_id", "start", "end", "measure", "check", "severity", "evidence", "cells")
#: Relative tolerance of :func:`ytd_sums` (revisions of earlier months move a year to date a little).
YTD_TOLERANCE = 0.005
#: Tolerance of :func:`growth_against_levels`, in percentage points.
GROWTH_TOLERANCE_PP = 2.0
#: Beyond these a disagreement is an ``error`` (a cell misread or misplaced by the extract, a
#: unit slip); within them a ``revision`` (the GSO revises levels after a growth rate is printed).
YTD_ERROR = 0.02
GROWTH_ERROR_PP = 10.0

_PRECEDENCE = {"revised": 0, "actual": 0, "estimate": 1}


def _usable(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells the curated rows may use (not those marked ``misplaced``)."""
    return cells.loc[cells["status"] != "misplaced"] if "status" in cells.columns else cells


def _flags(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(FLAG_COLUMNS))


def _best(cells: pd.DataFrame, period: str) -> pd.DataFrame:
    """One level per series and month: the revised cell where there is one."""
    levels = cells.loc[(cells["measure"] == "value") & (cells["period"] == period)]
    levels = levels.assign(_rank=levels["status"].map(_PRECEDENCE)).sort_values(["_rank", "ref"], kind="stable")
    return levels.drop_duplicates(["indicator_id", "month"]).set_index(["indicator_id", "month"])


def ytd_sums(cells: pd.DataFrame, tolerance: float = YTD_TOLERANCE) -> pd.DataFrame:
    """Flag years to date that differ from their months' sum by more than ``tolerance``.

    For the release of month *m*, the expected year to date is the sum of January to
    *m*-1 (each as revised, else as first estimated) plus *m*'s first estimate, the way
    the GSO compiles it. Years with a month missing are not checked.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FLAG_COLUMNS`.
    """
    cells = _usable(cells)
    best = _best(cells, "month")
    first = cells.loc[(cells["measure"] == "value") & (cells["period"] == "month") & (cells["status"] == "estimate")]
    first = first.drop_duplicates(["indicator_id", "month"]).set_index(["indicator_id", "month"])
    ytd = cells.loc[(cells["measure"] == "value") & (cells["period"] == "ytd")]
    out = []
    for row in ytd.drop_duplicates(["indicator_id", "month"]).itertuples(index=False):
        months = [pd.Period(year=row.month.year, month=k, freq="M") for k in range(1, row.month.month)]
        keys = [(row.indicator_id, m) for m in months]
        this = (row.indicator_id, row.month)
        if not all(k in best.index for k in keys) or (this not in first.index and this not in best.index):
            continue
        current = first.loc[this] if this in first.index else best.loc[this]
        parts = [best.loc[k, "value"] for k in keys] + [current["value"]]
        expected = float(np.sum(parts))
        if abs(row.value - expected) > tolerance * abs(row.value):
            refs = [best.loc[k, "ref"] for k in keys] + [current["ref"]]
            out.append({"indicator_id": row.indicator_id, "start": row.start, "end": row.end, "measure": "value",
                        "check": "ytd_sums",
                        "severity": "error" if abs(row.value / expected - 1) > YTD_ERROR else "revision",
                        "evidence": f"year to date {row.value:.10g} ({row.ref}); the {len(parts)} months sum to "
                                    f"{expected:.10g} ({(row.value / expected - 1) * 100:+.2f} %)",
                        "cells": "; ".join([row.ref, refs[0], "...", refs[-1]] if len(refs) > 2 else [row.ref, *refs])})
    return _flags(out)


def growth_against_levels(cells: pd.DataFrame, tolerance_pp: float = GROWTH_TOLERANCE_PP) -> pd.DataFrame:
    """Flag growth rates that differ from the levels' own growth by more than ``tolerance_pp`` points.

    ``yoy_pct`` of a month or a year to date is compared with the same kind of level
    twelve months earlier; ``mom_pct`` with the previous month's level.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FLAG_COLUMNS`.
    """
    cells = _usable(cells)
    levels = {period: _best(cells, period) for period in ("month", "ytd")}
    growth = cells.loc[cells["measure"].isin(["yoy_pct", "mom_pct"])]
    out = []
    for row in growth.itertuples(index=False):
        lag = 12 if row.measure == "yoy_pct" else 1
        table = levels[row.period]
        now, base = (row.indicator_id, row.month), (row.indicator_id, row.month - lag)
        if now not in table.index or base not in table.index or table.loc[base, "value"] <= 0:
            continue
        implied = (table.loc[now, "value"] / table.loc[base, "value"] - 1.0) * 100.0
        if abs(row.value - implied) > tolerance_pp:
            out.append({"indicator_id": row.indicator_id, "start": row.start, "end": row.end,
                        "measure": row.measure, "check": "growth_against_levels",
                        "severity": "error" if abs(row.value - implied) > GROWTH_ERROR_PP else "revision",
                        "evidence": f"printed {row.value:+.2f} % ({row.ref}); the levels "
                                    f"{table.loc[now, 'value']:.10g} and {table.loc[base, 'value']:.10g} imply "
                                    f"{implied:+.2f} %",
                        "cells": "; ".join([row.ref, table.loc[now, "ref"], table.loc[base, "ref"]])})
    return _flags(out)


def missing_months(cells: pd.DataFrame) -> pd.DataFrame:
    """List the months absent between each series' first and last monthly figure.

    A series is its indicator's monthly levels, or, where it has none (IIP, CPI), its
    monthly ``yoy_pct``. Consecutive missing months are reported as one span.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FLAG_COLUMNS` (``start``/``end`` the span missing).
    """
    monthly = cells.loc[cells["period"] == "month"]
    out = []
    for indicator, group in monthly.groupby("indicator_id", sort=True):
        measure = "value" if (group["measure"] == "value").any() else "yoy_pct"
        months = pd.PeriodIndex(sorted(set(group.loc[group["measure"] == measure, "month"])), freq="M")
        if len(months) < 2:
            continue
        absent = pd.period_range(months.min(), months.max(), freq="M").difference(months)
        for span in _spans(absent):
            out.append({"indicator_id": indicator, "start": span[0].start_time, "end": span[-1].end_time.normalize(),
                        "measure": measure, "check": "missing_months", "severity": "gap",
                        "evidence": f"{len(span)} month(s) absent: {span[0]}" + (f" to {span[-1]}" if len(span) > 1
                                                                                   else ""),
                        "cells": ""})
    return _flags(out)


def _spans(months: pd.PeriodIndex) -> list[list[pd.Period]]:
    spans: list[list[pd.Period]] = []
    for month in months:
        if spans and (month - spans[-1][-1]).n == 1:
            spans[-1].append(month)
        else:
            spans.append([month])
    return spans


def convention_flags(rows: pd.DataFrame) -> pd.DataFrame:
    """The curated rows whose growth convention was re-read or whose month the table repeats."""
    flagged = rows.loc[rows["flag"].fillna("") != ""]
    check = np.select([flagged["flag"].str.startswith("printed as"), flagged["flag"].str.contains("previous-month cell")],
                      ["growth_convention", "misplaced_cumulative"], "repeated_month")
    return pd.DataFrame({"indicator_id": flagged["indicator_id"], "start": flagged["start"], "end": flagged["end"],
                         "measure": flagged["measure"], "check": check,
                         "severity": np.select([check == "growth_convention", check == "misplaced_cumulative"],
                                               ["normalised", "error"], "repeated"),
                         "evidence": flagged["flag"],
                         "cells": flagged["quote"]}, columns=list(FLAG_COLUMNS)).reset_index(drop=True)


def spot_check_flags(spot: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """The cells the original workbooks contradict (``differs`` in ``national_spotcheck.csv``), as flags.

    Parameters
    ----------
    spot : pandas.DataFrame
        The stored spot-check (:func:`lsreports.sources.national_spotcheck.spot_check`).
    cells : pandas.DataFrame
        The national cells (for each checked cell's period and measure).
    """
    differs = spot.loc[spot["outcome"] == "differs"]
    located = differs.merge(cells[["ref", "start", "end", "measure"]], left_on="cell", right_on="ref", how="left")
    evidence = ("the extract's " + located["extract_value"].map("{:.10g}".format) + " is not among the numbers "
                "the workbook " + located["workbook"] + " prints on the row of " + located["label"] + " (sheet "
                + located["sheet"] + "): " + located["workbook_numbers"].fillna("none"))
    return pd.DataFrame({"indicator_id": located["indicator_id"], "start": located["start"], "end": located["end"],
                         "measure": located["measure"], "check": "spot_check", "severity": "error",
                         "evidence": evidence, "cells": located["cell"]}, columns=list(FLAG_COLUMNS))


def all_checks(cells: pd.DataFrame, rows: pd.DataFrame, spot: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check's flags in one frame, sorted by indicator, check and period.

    ``spot`` is the stored spot-check against the original workbooks, where there is one.
    """
    frames = [ytd_sums(cells), growth_against_levels(cells), missing_months(cells), convention_flags(rows)]
    if spot is not None:
        frames.append(spot_check_flags(spot, cells))
    out = pd.concat([f for f in frames if not f.empty], ignore_index=True) if any(not f.empty for f in frames) \
        else _flags([])
    return out.sort_values(["indicator_id", "check", "end", "start", "measure"], kind="stable").reset_index(drop=True)
