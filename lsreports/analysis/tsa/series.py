"""One indicator as a monthly series: the shape statsmodels, seaborn and the trends notebook need.

:func:`monthly_series` takes the month rows of one indicator and measure from any frame in
the observations' shape, province or national, one value per month, and reports the gaps
and the rows it dropped. :func:`indicator_series` is the same as a pandas Series:

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
from dataclasses import dataclass

import pandas as pd

from ...errors import EmptySelectionWarning
from ...sources.periods import is_whole_month, period_kind


@dataclass
class MonthlySeries:
    """Month rows of one indicator and measure, one value per month, with the gaps reported.

    Attributes
    ----------
    indicator_id, measure : str
    series : pandas.Series
        Values indexed by the month's first day (observed months only, never filled).
    sources : pandas.Series
        The report each value was taken from.
    gaps : list of pandas.Timestamp
        Months between the first and the last observed month that have no value.
    duplicates : int
        Month rows dropped because a later report printed the same month.
    """

    indicator_id: str
    measure: str
    series: pd.Series
    sources: pd.Series
    gaps: list[pd.Timestamp]
    duplicates: int

    @property
    def regular(self) -> bool:
        """Whether the observed months are consecutive (no gaps)."""
        return not self.gaps


def _report_rank(obs: pd.DataFrame) -> dict[str, tuple]:
    """Order reports by the latest period they cover, then id (later = more recent)."""
    latest: dict[str, pd.Timestamp] = {}
    for doc, end in zip(obs["source_doc"], pd.to_datetime(obs["end"])):
        if doc not in latest or end > latest[doc]:
            latest[doc] = end
    return {doc: (end, doc) for doc, end in sorted(latest.items())}


def monthly_series(obs: pd.DataFrame, indicator_id: str, measure: str = "value", *,
                   include_derived: bool = False, report_rank: dict[str, object] | None = None) -> MonthlySeries:
    """Build a monthly series of one indicator and measure from the observations.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format.
    indicator_id, measure : str
        What to take.
    include_derived : bool, default False
        Also use derived month rows (e.g. a month from two years to date). Printed rows
        are preferred over derived ones for the same month.
    report_rank : dict, optional
        Sort key per ``source_doc``; the highest wins when several reports print the same
        month. Default: the latest period end a report covers, then its id.

    Returns
    -------
    MonthlySeries
        The series (observed months only), the report of each value and the gaps.
    """
    rank = report_rank or _report_rank(obs)
    wanted = (obs["indicator_id"].to_numpy() == indicator_id) & (obs["measure"].to_numpy() == measure)
    rows = obs.loc[wanted]
    derived = rows["derived"].astype(bool).to_numpy()
    starts, ends = pd.to_datetime(rows["start"]), pd.to_datetime(rows["end"])
    candidates = [(start, not flag, rank.get(doc, (pd.Timestamp.min, doc)), position)
                  for position, (start, end, flag, doc) in enumerate(zip(starts, ends, derived, rows["source_doc"]))
                  if (include_derived or not flag) and is_whole_month(start, end)]
    latest: dict[pd.Timestamp, int] = {}
    for start, _printed, _rank, position in sorted(candidates, key=lambda c: c[:3]):
        latest[start] = position  # printed beats derived, then the latest report wins
    kept = rows.iloc[list(latest.values())]
    kept = kept.assign(start=starts.iloc[list(latest.values())])
    series = pd.Series(kept["value"].to_numpy(dtype=float), index=pd.DatetimeIndex(kept["start"]), name=indicator_id)
    sources = pd.Series(kept["source_doc"].to_numpy(), index=series.index, name="source_doc")
    gaps: list[pd.Timestamp] = []
    if len(series) > 1:
        full = pd.date_range(series.index.min(), series.index.max(), freq="MS")
        gaps = list(full.difference(series.index))
    return MonthlySeries(indicator_id, measure, series, sources, gaps, len(candidates) - len(kept))



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
