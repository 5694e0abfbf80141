"""The user-facing tables: one call returns a tidy frame, printed and derived rows alike.

This module sits above both stages it combines: :mod:`lsreports.sources.loader` reads and
checks the curated files, :mod:`lsreports.analysis.derive` computes what they imply.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .analysis.derive import derived_rows
from .errors import UnknownIndicatorError
from .sources.contract import MEASURES
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
        followed by ``status, flag, note``.

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
        return national_observations()
    frame = printed_observations()
    if include_derived:
        frame = pd.concat([frame, derived_rows(frame)], ignore_index=True)
    return frame


def load(name: str, measure: str | list[str] | None = "value", *, include_derived: bool = False,
         source_doc: str | None = None, national: bool = False) -> pd.DataFrame:
    """Return a tidy frame of one domain or one indicator, labelled and ready to plot.

    Parameters
    ----------
    name : str
        A domain (``"trade"``, ``"budget"``, ``"industry"``, ``"tourism"``, ``"social"``,
        ``"commerce"``, ...) or an indicator id (``"trade_total"``).
    measure : str, list of str or None, default "value"
        The measure(s) to keep; ``None`` keeps all.
    include_derived : bool, default False
        Include derived rows (flagged ``derived``, formula in ``quote``).
    source_doc : str, optional
        Keep only the rows of one report.
    national : bool, default False
        With a domain, add the country's series of that domain (``vn_*`` ids) beside the
        province's. A ``vn_*`` id or ``"national"`` loads national rows without it.

    Returns
    -------
    pandas.DataFrame
        The observation columns plus ``name_en``, ``name_vi``, ``domain``, ``scope``
        (``province`` or ``national``),
        ``period_kind`` and ``period``, sorted by indicator, period end and start.

    Raises
    ------
    UnknownIndicatorError
        If ``name`` is unknown (the message lists close matches), or ``measure`` is not
        a contract measure.
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
        frames.append(national_observations())
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    keep = frame["indicator_id"].isin(ids)
    if measures is not None:
        keep &= frame["measure"].isin(measures)
    if source_doc is not None:
        keep &= frame["source_doc"] == source_doc
    frame = frame.loc[keep]
    labels = catalogue.set_index("indicator_id")[["name_en", "name_vi", "domain"]]
    frame = frame.join(labels, on="indicator_id")
    frame["scope"] = np.where(frame["indicator_id"].str.startswith("vn_"), "national", "province")
    frame["period_kind"] = [period_kind(s, e) for s, e in zip(frame["start"], frame["end"])]
    frame["period"] = [period_label(s, e) for s, e in zip(frame["start"], frame["end"])]
    return frame.sort_values(["indicator_id", "end", "start", "measure", "source_doc"]).reset_index(drop=True)
