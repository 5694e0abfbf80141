"""Contributions of a total's parts to its growth, in percentage points.

Method
------
Where a total and its parts are printed for the same period and report, each with a
growth rate on the same period of the previous year (``yoy_pct``), last year's levels are
implied (``level / (1 + g/100)``) and each part contributes

    ``(part - part_prev) / total_prev * 100``

percentage points to the total's growth, with ``total_prev`` implied by the total's own
rate. The contributions add up to the total's rate only when the printed figures agree;
the gap is shown as ``residual_pp`` (parts without a printed rate, rounding, or a
contradiction). The groups of parts are :data:`lsreports.sources.catalog.PART_GROUPS`.
"""
from __future__ import annotations

import pandas as pd

from ...sources.contract import normalise_observations, printed_rows
from ...sources.catalog import PART_GROUPS

CONTRIBUTION_COLUMNS: list[str] = [
    "total_id", "part_id", "start", "end", "source_doc", "total_value", "total_yoy_pct", "total_prev", "part_value",
    "part_yoy_pct", "part_prev", "contribution_pp", "sum_pp", "residual_pp", "formula",
]


def _with_rates(printed: pd.DataFrame) -> pd.DataFrame:
    keys = ["indicator_id", "start", "end", "source_doc"]
    levels = printed.loc[printed["measure"] == "value", keys + ["value"]]
    rates = printed.loc[printed["measure"] == "yoy_pct", keys + ["value"]].rename(columns={"value": "yoy"})
    return levels.merge(rates, on=keys, how="left").drop_duplicates(keys)


def contributions(obs: pd.DataFrame, groups: dict[str, tuple[str, ...]] = PART_GROUPS) -> pd.DataFrame:
    """Each part's contribution to its total's growth, in percentage points.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (printed rows are used).
    groups : dict
        Total id -> part ids.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CONTRIBUTION_COLUMNS`, one row per part with a printed level and
        rate, for every total printed with a rate in the same period and report.
        ``sum_pp`` is the sum over the group's parts, ``residual_pp`` the total's rate
        minus that sum.
    """
    levels = _with_rates(printed_rows(normalise_observations(obs)))
    levels = levels.set_index(["indicator_id", "start", "end", "source_doc"])
    rows = []
    for total_id, part_ids in groups.items():
        totals = levels.loc[levels.index.get_level_values(0) == total_id].dropna(subset=["yoy"])
        for (_, start, end, doc), total in totals.iterrows():
            rows.extend(_group_rows(levels, total_id, part_ids, (start, end, doc), total))
    return pd.DataFrame(rows, columns=CONTRIBUTION_COLUMNS)


def _group_rows(levels: pd.DataFrame, total_id: str, part_ids: tuple[str, ...], key: tuple,
                total: pd.Series) -> list[dict]:
    start, end, doc = key
    total_prev = total["value"] / (1 + total["yoy"] / 100)
    rows = []
    for part_id in part_ids:
        if (part_id, start, end, doc) not in levels.index:
            continue
        part = levels.loc[(part_id, start, end, doc)]
        if pd.isna(part["yoy"]):
            continue
        part_prev = part["value"] / (1 + part["yoy"] / 100)
        pp = (part["value"] - part_prev) / total_prev * 100
        rows.append({"total_id": total_id, "part_id": part_id, "start": start, "end": end, "source_doc": doc,
                     "total_value": total["value"], "total_yoy_pct": total["yoy"], "total_prev": total_prev,
                     "part_value": part["value"], "part_yoy_pct": part["yoy"], "part_prev": part_prev,
                     "contribution_pp": pp,
                     "formula": f"({part['value']:,.6g} - {part['value']:,.6g} / (1 + {part['yoy']:g}/100)) / "
                                f"({total['value']:,.6g} / (1 + {total['yoy']:g}/100)) x 100 = {pp:.1f} pp"})
    total_pp = sum(r["contribution_pp"] for r in rows)
    for r in rows:
        r["sum_pp"] = total_pp
        r["residual_pp"] = total["yoy"] - total_pp
    return rows


__all__ = ["contributions", "CONTRIBUTION_COLUMNS"]
