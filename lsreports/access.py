"""The user-facing tables: one call returns a tidy frame, printed and derived rows alike.

This module sits above both stages it combines: :mod:`lsreports.sources.loader` reads and
checks the curated files, :mod:`lsreports.analysis.derive` computes what they imply.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .analysis.derive import derived_rows
from .errors import EmptySelectionWarning, UnknownIndicatorError
from .sources.contract import EXTRA_COLUMNS, MEASURES
from .sources.loader import indicators, is_national, national_observations, resolve_name
from .sources.loader import observations as printed_observations
from .sources.periods import period_kind, period_label


def observations(include_derived: bool = False, *, national: bool = False) -> pd.DataFrame:
    """Return the curated observations in the contract's shape.

    Parameters
    ----------
    include_derived : bool, default False
        Also return the rows :mod:`lsreports.analysis.derive` computes from the printed ones
        (``derived == True``, formula in ``quote`` and ``formula``).
    national : bool, default False
        Return the GSO's national monthly series instead (ids ``vn_*``, ``quote`` the
        cell reference ``<file>:<line>:<column>``); nothing is derived from them.

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator_id, start, end, measure, value, unit, source_doc, quote,
        derived`` (``start``/``end`` as datetime64, ``value`` float, ``derived`` bool)
        followed by ``status, flag, note`` (text; missing is ``pd.NA``, never ``""``)
        and, with derived rows, ``derivation, formula`` (missing on printed rows).

    Raises
    ------
    DataFileError
        If ``observations.csv`` or ``indicators.csv`` is missing or malformed; the
        message names the file, the line and what was expected.

    See Also
    --------
    load : one domain or indicator, labelled.
    """
    if national:
        return missing_as_na(national_observations())
    frame = printed_observations()
    if include_derived:
        frame = pd.concat([frame, derived_rows(frame)], ignore_index=True)
    return missing_as_na(frame)


#: Optional text columns: an empty cell is missing (``pd.NA``), not an empty string.
OPTIONAL_TEXT_COLUMNS: tuple[str, ...] = EXTRA_COLUMNS + ("derivation", "formula")


def missing_as_na(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with empty optional text (``status, flag, note, derivation, formula``) as ``pd.NA``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Observations; columns it lacks are skipped.

    Returns
    -------
    pandas.DataFrame
        A copy whose optional text columns use pandas' string dtype, so that
        ``frame["flag"].notna()`` selects the flagged rows.
    """
    columns = {}
    for name in (c for c in OPTIONAL_TEXT_COLUMNS if c in frame.columns):
        text = frame[name].to_numpy(dtype=object)
        columns[name] = pd.array(np.where((text == "") | pd.isna(text), None, text), dtype="string")
    return frame.assign(**columns)


def ordered_periods(start: pd.Series, end: pd.Series) -> pd.Categorical:
    """Return the period labels of ``start``/``end`` as an ordered categorical in time order.

    Labels sort by the period's end, then its start (``2025 Jan-Nov`` before ``2025-11``,
    both before ``2026-01``), so that ``sort_values``, ``groupby``, pivots and seaborn's
    category axes follow the calendar rather than the alphabet.

    Parameters
    ----------
    start, end : pandas.Series
        First and last days of each period.

    Returns
    -------
    pandas.Categorical
        Labels as :func:`lsreports.sources.periods.period_label` writes them.
    """
    labels = [period_label(s, e) for s, e in zip(start, end)]
    order = sorted(set(zip(end, start, labels)))
    categories = list(dict.fromkeys(label for _, _, label in order))
    return pd.Categorical(labels, categories=categories, ordered=True)


def load(name: str, measure: str | list[str] | None = "value", *, include_derived: bool = False,
         source_doc: str | None = None, national: bool = False, all_prints: bool = False) -> pd.DataFrame:
    """Return a tidy frame of one domain or one indicator, labelled and ready to plot.

    Parameters
    ----------
    name : str
        A domain (``"trade"``, ``"budget"``, ``"industry"``, ``"tourism"``, ``"social"``,
        ``"commerce"``, ...) or an indicator id (``"trade_total"``).
    measure : str, list of str or None, default "value"
        The measure(s) to keep; ``None`` keeps all. The default is the level, what a
        chart of a domain usually wants; a domain or indicator printed only as rates
        (``macro``: GRDP growth) has none, and then an :class:`EmptySelectionWarning`
        names the measures it has, so that an empty frame never comes back unexplained.
    include_derived : bool, default False
        Include derived rows (flagged ``derived``, formula in ``quote``).
    source_doc : str, optional
        Keep only the rows of one report.
    national : bool, default False
        With a domain, add the country's series of that domain (``vn_*`` ids) beside the
        province's. A ``vn_*`` id or ``"national"`` loads national rows without it.
    all_prints : bool, default False
        Where several reports print the same indicator, period and measure, return every
        print with a boolean ``preferred`` column (true for exactly one per key) instead of
        the preferred print alone. The rule (the province's own report over the press, a
        revised figure over a first estimate, a later report over an earlier one) is
        :mod:`lsreports.sources.prints`; :func:`observations` always keeps every print.

    Returns
    -------
    pandas.DataFrame
        The observation columns plus ``name_en``, ``name_vi``, ``domain``, ``scope``
        (``province`` or ``national``),
        ``period_kind`` and ``period``, sorted by indicator, period end and start.
        ``period`` is an ordered categorical in time order (see :func:`ordered_periods`);
        ``status``, ``flag`` and ``note`` are missing (``pd.NA``) where empty.

    Raises
    ------
    UnknownIndicatorError
        If ``name`` is unknown (the message lists close matches), or ``measure`` is not
        a contract measure.

    Warns
    -----
    EmptySelectionWarning
        If nothing matches: the message names the measures the selection has, or says
        that a domain has no indicators yet.

    See Also
    --------
    catalog : what each indicator has (measures, periods, rows).
    series : one indicator as a monthly series.

    Examples
    --------
    >>> import lsreports as ls
    >>> trade = ls.load("trade")
    >>> trade["period"].cat.ordered           # periods sort in time order
    True
    """
    catalogue = indicators(national=True)
    ids = resolve_name(name, catalogue, national=national)
    measures = [measure] if isinstance(measure, str) else measure
    if measures is not None:
        unknown = [m for m in measures if m not in MEASURES]
        if unknown:
            raise UnknownIndicatorError(f"unknown measure {unknown[0]!r}; expected one of {list(MEASURES)}")
    frames = []
    if not ids or any(not is_national(i) for i in ids):
        frames.append(observations(include_derived=include_derived))
    if any(is_national(i) for i in ids):
        frames.append(observations(national=True))
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    keep = frame["indicator_id"].isin(ids)
    if source_doc is not None:
        keep &= frame["source_doc"] == source_doc
    selected = keep if measures is None else keep & frame["measure"].isin(measures)
    if not selected.any():
        _warn_empty(name, ids, measures or [], frame.loc[keep], source_doc)
    frame = _one_print(frame.loc[selected], all_prints)
    labels = catalogue.set_index("indicator_id")[["name_en", "name_vi", "domain"]]
    frame = frame.join(labels, on="indicator_id")
    frame["scope"] = np.where(frame["indicator_id"].str.startswith("vn_"), "national", "province")
    frame["period_kind"] = [period_kind(s, e) for s, e in zip(frame["start"], frame["end"])]
    frame = frame.sort_values(["indicator_id", "end", "start", "measure", "source_doc"]).reset_index(drop=True)
    frame["period"] = ordered_periods(frame["start"], frame["end"])
    return frame


def _one_print(frame: pd.DataFrame, all_prints: bool) -> pd.DataFrame:
    """The preferred print of each key, or every print with its ``preferred`` mark."""
    from .sources.prints import mark_preferred

    if frame.empty:
        return frame.assign(preferred=pd.Series(dtype=bool)) if all_prints else frame
    national = frame["indicator_id"].map(is_national).to_numpy(dtype=bool)
    # the country's cells have no manifest entry: their prints are ranked by table and cell
    marked = mark_preferred(frame).drop(columns="prints")
    return marked if all_prints else marked.loc[marked["preferred"] | national].drop(columns="preferred")


def _warn_empty(name: str, ids: list[str], measures: list[str], rows: pd.DataFrame, source_doc: str | None) -> None:
    """Warn that a selection is empty, naming the measures that do exist (or why nothing does)."""
    if not ids:
        why = f"{name!r} has no indicators in the catalogue"
    elif rows.empty:
        why = f"{name!r} has no rows" + (f" from report {source_doc!r}" if source_doc else "")
    else:
        counts = rows["measure"].value_counts()
        found = ", ".join(f"{m} ({n} rows)" for m, n in counts.items())
        why = (f"{name!r} has no {' or '.join(map(repr, measures))} rows; its measures are: {found}. "
               f"Pass measure=None for all of them, or measure={counts.index[0]!r}")
    warnings.warn(f"ls.load: {why}.", EmptySelectionWarning, stacklevel=3)


def catalog(include_derived: bool = True, *, national: bool = True) -> pd.DataFrame:
    """Return the map of the data: one row per indicator with what the tables hold for it.

    Parameters
    ----------
    include_derived : bool, default True
        Count derived rows too (in ``derived_rows``; their measures and periods are
        listed with the printed ones). Implied plans have derived rows only.
    national : bool, default True
        List the country's series (ids ``vn_*``, ``scope == "national"``) after the
        province's.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, domain, name_en, name_vi, unit, kind``, the ``measures`` and
        ``period_kinds`` present, ``first_period`` / ``last_period`` (labels) and
        ``first_day`` / ``last_day``, ``rows`` (printed) and ``derived_rows``; sorted by
        domain and id (see :func:`lsreports.sources.catalog.indicator_catalog`), then
        ``scope`` (``province`` or ``national``).

    See Also
    --------
    load : the rows of a domain or indicator.
    series : one indicator as a monthly series.

    Examples
    --------
    >>> import lsreports as ls
    >>> table = ls.catalog()
    >>> int(table.loc[table["indicator_id"] == "trade_total", "rows"].iloc[0]) > 0
    True
    """
    from .sources.catalog import indicator_catalog

    rows = [observations(include_derived=include_derived)] + ([observations(national=True)] if national else [])
    table = indicator_catalog(indicators(national=national), pd.concat(rows, ignore_index=True))
    table = table.assign(scope=np.where(table["indicator_id"].map(is_national), "national", "province"))
    return table.sort_values(["scope", "domain", "indicator_id"], ascending=[False, True, True], ignore_index=True)


def series(indicator: str, measure: str = "value") -> pd.Series:
    """Return one indicator as a monthly Series on a ``PeriodIndex``, gaps missing.

    Parameters
    ----------
    indicator : str
        An indicator id (``"trade_total"``, or a national one such as
        ``"vn_retail_sales"``; see :func:`catalog`).
    measure : str, default "value"
        The measure (``"yoy_pct"`` for the growth on a year earlier, ...).

    Returns
    -------
    pandas.Series
        One float per month from the first to the last month any row gives (printed
        months, and months derived from years to date or from growth rates), months
        without a value as NaN. ``attrs["derived"]`` maps each derived month to its
        derivation and ``attrs["source_doc"]`` each month to its report; ``attrs["unit"]``
        and ``attrs["measure"]`` say what the values are (see
        :mod:`lsreports.analysis.tsa.series`).

    Raises
    ------
    UnknownIndicatorError
        If ``indicator`` is not an indicator id (the message lists close matches).

    Warns
    -----
    EmptySelectionWarning
        If the indicator has no month rows of ``measure`` (the Series is then empty); the
        message names the measures and period kinds it has.

    Examples
    --------
    >>> import lsreports as ls
    >>> trade = ls.series("trade_total")
    >>> str(trade.index.freq), trade.attrs["unit"]
    ('<MonthEnd>', 'USD_mn')
    """
    from .analysis.tsa.series import indicator_series

    catalogue = indicators(national=True)
    if indicator not in set(catalogue["indicator_id"]):
        resolve_name(indicator, catalogue, national=True)  # raises, listing close matches
        raise UnknownIndicatorError(f"{indicator!r} is a domain; ls.series takes one indicator id "
                                    f"(ls.catalog() lists them)")
    if measure not in MEASURES:
        raise UnknownIndicatorError(f"unknown measure {measure!r}; expected one of {list(MEASURES)}")
    if is_national(indicator):
        return indicator_series(observations(national=True), indicator, measure)
    return indicator_series(observations(include_derived=True), indicator, measure)
