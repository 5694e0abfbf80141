"""Unresolved level errors in the country's tables: years whose levels contradict their own growth rates.

A national table prints, for each month, the level and the growth on a year earlier. Where
the levels of a year imply a growth more than :data:`GAP_PP` points away from the one printed
beside them in at least :data:`MIN_MONTHS` months (the ``growth_against_levels`` checks of
``data/curated/national_flags.csv``), the year's levels are on another basis than the year
before: cement's 2024 year to date is 184,231 against 120,085 in 2023 while the GSO prints
+3.5 %. Such a year is an *unresolved level error*: a model fitted across it learns a jump
that is not there. :func:`fit_series` keeps a trailing span out of the fit (the series ends
before it) and names an interior one, so that the fit is flagged.
"""
from __future__ import annotations

import re

import pandas as pd

#: Points between the printed growth and the growth the levels imply, beyond which a month's level is in error.
GAP_PP = 20.0
#: Months of a year in error before the year's levels count as an unresolved level error.
MIN_MONTHS = 6

_RATES = re.compile(r"printed ([+-]?[\d.]+) %.*?imply ([+-]?[\d.]+) %")


def level_error_spans(flags: pd.DataFrame) -> pd.DataFrame:
    """Years of national series whose levels contradict their printed growth rates.

    Parameters
    ----------
    flags : pandas.DataFrame
        ``data/curated/national_flags.csv`` as read (``indicator_id, start, end, measure, check, evidence``).

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, start, end`` (the year), ``months`` in error and ``reason`` in words.
    """
    rows = flags.loc[(flags["check"] == "growth_against_levels") & (flags["measure"] == "yoy_pct")]
    rates = rows["evidence"].astype(str).str.extract(_RATES).astype(float)
    gap = (rates[0] - rates[1]).abs()
    bad = rows.loc[gap > GAP_PP].assign(year=pd.to_datetime(rows["start"]).dt.year,
                                        month=pd.to_datetime(rows["end"]).dt.month)
    counts = bad.groupby(["indicator_id", "year"])["month"].nunique()
    counts = counts.loc[counts >= MIN_MONTHS]
    out = [{"indicator_id": i, "start": pd.Timestamp(year=y, month=1, day=1),
            "end": pd.Timestamp(year=y, month=12, day=31), "months": int(n),
            "reason": f"in {n} months of {y} the levels imply a growth more than {GAP_PP:g} points away from the "
                      "growth printed beside them: the year's levels are on another basis (unresolved level error)"}
           for (i, y), n in counts.items()]
    return pd.DataFrame(out, columns=["indicator_id", "start", "end", "months", "reason"])


def curated_level_error_spans() -> pd.DataFrame:
    """:func:`level_error_spans` of the curated national flags (empty without the file)."""
    from ...sources.paths import curated_dir

    path = curated_dir() / "national_flags.csv"
    if not path.exists():
        return level_error_spans(pd.DataFrame(columns=["indicator_id", "start", "end", "measure", "check",
                                                       "evidence"]))
    return level_error_spans(pd.read_csv(path, dtype=str, keep_default_na=False))


def fit_series(series: pd.Series, spans: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """The part of a monthly series a model may be fitted on, and the flags of the fit.

    A span of level errors with no clean year after it (cement 2024) is cut off: the series
    ends before it. A span followed by clean years stays (cutting it would lose them) and
    is named in the flags returned, so that the fit is flagged.
    """
    mine = spans.loc[spans["indicator_id"] == series.name].sort_values("start")
    flags: list[str] = []
    cut = series
    for span in mine.itertuples(index=False):
        after = cut.loc[cut.index > pd.Period(span.end, freq="M")].dropna()
        if len(after) < 12:  # nothing clean after it: keep it out of the fit
            cut = cut.loc[cut.index < pd.Period(span.start, freq="M")]
            flags.append(f"{span.start:%Y} left out of the fit: {span.reason}")
        else:
            flags.append(f"fitted across {span.start:%Y}: {span.reason}")
    return cut, flags


__all__ = ["GAP_PP", "MIN_MONTHS", "level_error_spans", "curated_level_error_spans", "fit_series"]
