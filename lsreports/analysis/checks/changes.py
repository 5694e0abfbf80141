"""What changed with the latest report: new figures, revised implied plans, new and resolved flags.

The latest report is the one covering the latest period (``period_end`` in the manifest);
"before" is the data of every other report. Figures are compared by indicator, period and
measure; implied plans and budget estimates (``value / pct * 100``) by indicator, year and
kind, against the most recent earlier report that implies one; consistency flags by
check, indicator and period, computed with and without the latest report.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

KEY = ["indicator_id", "start", "end", "measure"]


@dataclass
class Changes:
    """The changes a report brings (see the module's docstring).

    Attributes
    ----------
    latest, previous : str
        Ids of the latest report and of the one before it ('' when there is none).
    new_figures : pandas.DataFrame
        Printed rows of the latest report whose indicator, period and measure no earlier report printed.
    plan_changes : pandas.DataFrame
        ``indicator_id``, ``year``, ``target_kind``, ``before``, ``before_doc``, ``after``,
        ``change_pct``, ``before_formula``, ``after_formula``: implied plans that moved by
        :data:`MIN_PLAN_CHANGE_PCT` or more.
    flags_new, flags_resolved : pandas.DataFrame
        Consistency flags present only with, or only without, the latest report.
    """

    latest: str
    previous: str
    new_figures: pd.DataFrame
    plan_changes: pd.DataFrame
    flags_new: pd.DataFrame
    flags_resolved: pd.DataFrame


def report_order(manifest: pd.DataFrame) -> list[str]:
    """Report ids from the oldest period covered to the latest (ties by id).

    Only the province's reports count (``source_kind == "report"`` where the manifest
    says): a public text is part of the data before, never "the latest report".
    """
    if "source_kind" in manifest:
        manifest = manifest.loc[manifest["source_kind"].fillna("report") == "report"]
    ordered = manifest.assign(_end=pd.to_datetime(manifest["period_end"])).sort_values(["_end", "id"])
    return ordered["id"].tolist()


#: Implied plans moving less than this (percent) are left out: a share printed to one
#: decimal moves the plan it implies by up to about 0.5 % for shares near 10 %.
MIN_PLAN_CHANGE_PCT = 1.0


PLAN_CHANGE_COLUMNS: list[str] = ["indicator_id", "year", "target_kind", "before", "before_doc", "after",
                                   "change_pct", "before_formula", "after_formula"]


def _plan_changes(obs: pd.DataFrame, latest: str) -> pd.DataFrame:
    """Implied plans of the latest report beside the most recent earlier one, per indicator, year and kind."""
    from ..derive import implied_targets

    targets = implied_targets(obs)
    if targets.empty:
        return pd.DataFrame(columns=PLAN_CHANGE_COLUMNS)
    keys = ["base_indicator_id", "year", "target_kind"]
    targets = targets.assign(year=targets["start"].dt.year).sort_values(["base_end", "source_doc"])
    mine = targets["source_doc"] == latest
    pairs = targets.loc[mine].drop_duplicates(keys, keep="last").merge(
        targets.loc[~mine].drop_duplicates(keys, keep="last"), on=keys, suffixes=("_a", "_b")).sort_values(keys)
    after, before = pairs["value_a"], pairs["value_b"]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = (after / before - 1) * 100
    # assign before filtering: a Series assigned to an emptied frame would bring back its index as NaN rows
    pairs = pairs.assign(change_pct=change).loc[(before != 0) & ~(change.abs() < MIN_PLAN_CHANGE_PCT)]
    if pairs.empty:
        return pd.DataFrame(columns=PLAN_CHANGE_COLUMNS)
    return pd.DataFrame({"indicator_id": pairs["base_indicator_id"], "year": pairs["year"].astype("int64"),
                         "target_kind": pairs["target_kind"], "before": pairs["value_b"],
                         "before_doc": pairs["source_doc_b"], "after": pairs["value_a"],
                         "change_pct": pairs["change_pct"], "before_formula": pairs["formula_b"],
                         "after_formula": pairs["formula_a"]}).reset_index(drop=True)


def _flag_keys(flags: pd.DataFrame) -> pd.Series:
    return flags["check"].astype(str) + "|" + flags["indicator_id"].astype(str) + "|" + flags["period"].astype(str)


def changes_since_previous(obs: pd.DataFrame, catalogue: pd.DataFrame, manifest: pd.DataFrame, *,
                           flags_now: pd.DataFrame | None = None) -> Changes:
    """Compare the data with and without the latest report.

    Parameters
    ----------
    obs, catalogue, manifest : pandas.DataFrame
        Printed observations, the indicator catalogue and the report manifest.
    flags_now : pandas.DataFrame, optional
        The consistency flags of ``obs``, when already computed (they are not computed twice).

    Returns
    -------
    Changes
        Empty frames when there are fewer than two reports.
    """
    from .consistency import consistency_flags

    order = [doc for doc in report_order(manifest) if doc in set(obs["source_doc"])]
    printed = obs.loc[~obs["derived"].astype(bool)]
    latest, previous = (order[-1] if order else ""), (order[-2] if len(order) > 1 else "")
    before = printed.loc[printed["source_doc"] != latest]
    if not previous:
        empty = printed.iloc[0:0]
        return Changes(latest, "", empty, _plan_changes(empty, latest), pd.DataFrame(), pd.DataFrame())
    seen = set(map(tuple, before[KEY].itertuples(index=False)))
    mine = printed.loc[printed["source_doc"] == latest]
    new = mine.loc[[tuple(k) not in seen for k in mine[KEY].itertuples(index=False)]]
    flags_now = consistency_flags(printed, catalogue) if flags_now is None else flags_now
    flags_then = consistency_flags(before, catalogue)
    now_keys, then_keys = _flag_keys(flags_now), _flag_keys(flags_then)
    return Changes(latest, previous, new, _plan_changes(printed, latest),
                   flags_now.loc[~now_keys.isin(set(then_keys))], flags_then.loc[~then_keys.isin(set(now_keys))])


__all__ = ["Changes", "changes_since_previous", "report_order"]
