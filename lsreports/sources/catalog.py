"""The catalogue as a newcomer's map: one row per indicator with what the data holds for it,
and which indicators are parts of which totals (:data:`PART_GROUPS`, :data:`PLAN_PART_GROUPS`)."""
from __future__ import annotations

import pandas as pd

from .periods import period_kind, period_label

#: Columns of :func:`indicator_catalog`, in order.
CATALOG_COLUMNS: tuple[str, ...] = (
    "indicator_id", "domain", "name_en", "name_vi", "unit", "kind", "measures", "period_kinds",
    "first_period", "last_period", "first_day", "last_day", "rows", "derived_rows",
)

#: Totals and the components that add up to them.
PART_GROUPS: dict[str, tuple[str, ...]] = {
    "trade_total": ("trade_total_export", "trade_total_import"),
    "trade_declared": ("trade_declared_export", "trade_declared_import"),
    "budget_revenue_total": ("budget_revenue_domestic", "budget_revenue_trade", "budget_revenue_contributions"),
    "pubinv_disbursed": ("pubinv_disbursed_carryover", "pubinv_disbursed_current"),
}

#: Totals whose plan (or budget estimate) is the sum of their parts' plans. The headline
#: disbursement of a year's plan is measured against the current-year plan only, so its
#: carried-over and current parts are left out; the local and central capital are its parts.
PLAN_PART_GROUPS: dict[str, tuple[str, ...]] = {
    **{total: parts for total, parts in PART_GROUPS.items() if total != "pubinv_disbursed"},
    "budget_spending_total": ("budget_spending_balanced", "budget_spending_targeted"),
    "pubinv_disbursed": ("pubinv_disbursed_local", "pubinv_disbursed_central"),
    "pubinv_disbursed_current": ("pubinv_disbursed_local", "pubinv_disbursed_central"),
}


def _summaries(obs: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: measures, period kinds, first and last period, printed and derived rows."""
    spans = pd.MultiIndex.from_arrays([obs["start"], obs["end"]])
    kinds = {span: period_kind(*span) for span in spans.unique()}  # a few hundred distinct periods
    frame = obs.assign(period_kind=[kinds[span] for span in spans], printed=~obs["derived"].astype(bool))
    groups = frame.sort_values(["end", "start"]).groupby("indicator_id", sort=True)
    first, last = groups.head(1).set_index("indicator_id"), groups.tail(1).set_index("indicator_id")
    return pd.DataFrame({
        "measures": groups["measure"].agg(lambda m: ", ".join(sorted(set(m)))),
        "period_kinds": groups["period_kind"].agg(lambda k: ", ".join(sorted(set(k)))),
        "first_period": pd.Series([period_label(s, e) for s, e in zip(first["start"], first["end"])], first.index),
        "last_period": pd.Series([period_label(s, e) for s, e in zip(last["start"], last["end"])], last.index),
        "first_day": groups["start"].min(), "last_day": groups["end"].max(),
        "rows": groups["printed"].sum(), "derived_rows": groups["printed"].agg(lambda p: int((~p).sum())),
    })


def indicator_catalog(catalogue: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """Return one row per catalogued indicator with what ``obs`` holds for it.

    Parameters
    ----------
    catalogue : pandas.DataFrame
        The indicator catalogue (:func:`lsreports.indicators`).
    obs : pandas.DataFrame
        Rows in the observations' shape (printed, and derived if wanted).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CATALOG_COLUMNS`: the catalogue's labels and unit; ``measures``
        and ``period_kinds`` present (comma-separated); ``first_period`` /
        ``last_period`` (labels of the earliest- and latest-ending periods) and
        ``first_day`` / ``last_day``; ``rows`` (printed) and ``derived_rows``. An
        indicator without rows is listed with ``rows == 0`` and missing periods.
        Sorted by domain and indicator id.
    """
    summary = _summaries(obs) if len(obs) else pd.DataFrame(columns=CATALOG_COLUMNS[6:])
    out = catalogue.join(summary, on="indicator_id")
    out[["rows", "derived_rows"]] = out[["rows", "derived_rows"]].fillna(0).astype(int)
    for column in ("measures", "period_kinds", "first_period", "last_period"):
        out[column] = out[column].astype("string")
    return out.loc[:, list(CATALOG_COLUMNS)].sort_values(["domain", "indicator_id"]).reset_index(drop=True)
