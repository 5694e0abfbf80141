"""One indicator as a monthly pandas Series: the shape statsmodels, seaborn and the trends notebook need.

Built from any frame in the observations' shape (printed rows, derived rows, national
series alike): the month rows of one indicator and measure, one value per month (a printed
month beats a derived one, then the latest report wins: :func:`monthly_series`), on a
monthly :class:`pandas.PeriodIndex` from the first to the last month, with the months no
row gives left missing (NaN), never filled.

What each value is stays beside it in ``Series.attrs``:

``indicator_id``, ``measure``, ``unit``
    What the series is.
``source_doc``
    ``{"2025-11": "000_2429f5525668702d", ...}``: the report (or table) of each month.
``derived``
    ``{"2025-10": "month_from_ytd", ...}``: the months that are derived, not printed, with
    the kind of derivation (a month from two years to date, a part from its total, a
    level a year before from a growth rate); a printed month is not listed.
"""
from __future__ import annotations

import warnings

import pandas as pd

from ...errors import EmptySelectionWarning
from ...sources.periods import period_kind
from .timeseries import monthly_series


def _derivations(rows: pd.DataFrame, sources: pd.Series) -> dict[str, str]:
    """Return ``{month: derivation}`` for the kept months whose row is derived."""
    derived = rows.loc[rows["derived"].astype(bool)]
    kinds = derived["derivation"] if "derivation" in derived.columns else pd.Series("derived", index=derived.index)
    lookup = {(start.to_period("M"), doc): str(kind) for start, doc, kind in
              zip(pd.to_datetime(derived["start"]), derived["source_doc"], kinds.fillna("derived"))}
    printed = {(start.to_period("M"), doc) for start, doc in
               zip(pd.to_datetime(rows.loc[~rows["derived"].astype(bool), "start"]),
                   rows.loc[~rows["derived"].astype(bool), "source_doc"])}
    out = {}
    for month, doc in zip(sources.index, sources):
        key = (month.to_period("M"), doc)
        if key not in printed and key in lookup:
            out[str(key[0])] = lookup[key]
    return out


def _why_empty(rows: pd.DataFrame, indicator_id: str, measure: str) -> str:
    """Say what an indicator has when it has no month rows of ``measure``."""
    if rows.empty:
        return f"{indicator_id!r} has no rows"
    same = rows.loc[rows["measure"] == measure]
    if same.empty:
        measures = ", ".join(sorted(rows["measure"].unique()))
        return f"{indicator_id!r} has no {measure!r} rows; its measures: {measures}"
    kinds = sorted({period_kind(s, e) for s, e in zip(same["start"], same["end"])})
    return (f"{indicator_id!r} has no monthly {measure!r} rows, only periods of kind {', '.join(kinds)} "
            f"(ls.load({indicator_id!r}) shows them)")


def indicator_series(obs: pd.DataFrame, indicator_id: str, measure: str = "value") -> pd.Series:
    """Return one indicator and measure as a monthly Series (see the module docstring).

    Parameters
    ----------
    obs : pandas.DataFrame
        Rows in the observations' shape, printed and (optionally) derived.
    indicator_id : str
        Any id the frame holds (province or national).
    measure : str, default "value"
        The measure to take.

    Returns
    -------
    pandas.Series
        float values on a monthly ``PeriodIndex`` (``freq="M"``), gaps as NaN, named
        ``indicator_id``; ``attrs`` as described in the module docstring.

    Warns
    -----
    EmptySelectionWarning
        If there is no month row: the message names the measures and period kinds that
        exist. The Series returned is then empty.
    """
    rows = obs.loc[(obs["indicator_id"] == indicator_id)]
    monthly = monthly_series(rows, indicator_id, measure, include_derived=True)
    unit = rows.loc[rows["measure"] == measure, "unit"]
    if monthly.series.empty:
        warnings.warn(f"ls.series: {_why_empty(rows, indicator_id, measure)}.", EmptySelectionWarning, stacklevel=3)
        months = pd.PeriodIndex([], freq="M")
    else:
        months = pd.period_range(monthly.series.index.min(), monthly.series.index.max(), freq="M")
    values = pd.Series(monthly.series.to_numpy(dtype=float), index=monthly.series.index.to_period("M"))
    series = values.reindex(months).rename(indicator_id)
    series.index.name = "month"
    series.attrs = {
        "indicator_id": indicator_id, "measure": measure, "unit": str(unit.iloc[0]) if len(unit) else "",
        "source_doc": {str(month.to_period("M")): doc for month, doc in monthly.sources.items()},
        "derived": _derivations(rows.loc[rows["measure"] == measure], monthly.sources),
    }
    return series
