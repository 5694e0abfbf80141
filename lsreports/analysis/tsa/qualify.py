"""Which of the province's monthly series can carry a model, and why not.

The reports give a few months at a time; :func:`qualification` builds each indicator's
printed month series and asks the one :func:`~lsreports.analysis.tsa.decompose.decompose`
and :func:`~lsreports.analysis.tsa.forecast.forecast` to fit it, keeping their one-line
answers (what was fitted, or the refusal with the length needed).
"""
from __future__ import annotations

import pandas as pd

from ...sources.periods import is_whole_month
from .decompose import decompose
from .forecast import forecast
from .series import monthly_series

QUALIFY_COLUMNS = ["indicator_id", "months", "gaps", "first", "last", "STL", "forecast", "stl_ok", "forecast_ok"]


def qualification(obs: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator with printed month rows of ``value``: its months, gaps and model answers.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's format (derived rows are ignored).

    Returns
    -------
    pandas.DataFrame
        :data:`QUALIFY_COLUMNS`: ``months`` observed, ``gaps`` (missing months between the
        first and the last), ``first``/``last`` (``YYYY-MM``), the one-line ``STL`` and
        ``forecast`` summaries, and whether each fitted (``stl_ok``, ``forecast_ok``).
    """
    printed = obs.loc[~obs["derived"].astype(bool)]
    months = printed.loc[(printed["measure"] == "value") & is_whole_month(printed["start"], printed["end"])]
    records = []
    for indicator_id in sorted(months["indicator_id"].unique()):
        monthly = monthly_series(obs, indicator_id)
        stl, ahead = decompose(monthly.series), forecast(monthly.series)
        records.append({"indicator_id": indicator_id, "months": len(monthly.series), "gaps": len(monthly.gaps),
                        "first": f"{monthly.series.index.min():%Y-%m}", "last": f"{monthly.series.index.max():%Y-%m}",
                        "STL": stl.summary(), "forecast": ahead.summary(), "stl_ok": stl.ok, "forecast_ok": ahead.ok})
    return pd.DataFrame(records, columns=QUALIFY_COLUMNS)
