"""Trend, seasonal and remainder of a monthly series (STL), and what Tết does to it.

STL (seasonal-trend decomposition by Loess, robust) runs on the logarithm of the level,
so the seasonal and remainder components read as proportional deviations: a seasonal
value of 0.10 is a month about 10 % above trend.

Tết moves between January and February, so a fixed monthly seasonal pattern cannot
hold it: the seasonal component averages Tết-Januaries and Tết-Februaries and the
difference lands in the remainder. :func:`tet_effect` measures this by regressing the
January and February remainder on the Tết holiday days of each month; a significant
coefficient says a calendar adjustment helps, and the remainder's spread in January and
February with and without it shows by how much.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.tsa.seasonal import STL

from .calendar import tet_days
from .forecast import SEASON, prepare


#: Length of STL's seasonal smoother (odd, in years of each calendar month): long enough that
#: the seasonal pattern changes slowly and a holiday moving between January and February
#: shows in the remainder instead of being absorbed into a wandering seasonal component.
SEASONAL_SMOOTHER = 25


@dataclass
class Decomposition:
    """An STL decomposition of log levels.

    Attributes
    ----------
    components : pandas.DataFrame
        Indexed by month: ``observed`` (log level), ``trend``, ``seasonal``, ``remainder``.
    tet_adjusted : bool
        Whether the series was adjusted for Tết before decomposing.
    """

    components: pd.DataFrame
    tet_adjusted: bool = False

    def seasonal_profile(self) -> pd.Series:
        """Average seasonal component by calendar month, in percent of trend."""
        seasonal = self.components["seasonal"]
        return (np.exp(seasonal.groupby(seasonal.index.month).mean()) - 1) * 100


def decompose(series: pd.Series, *, adjust_tet: bool = False) -> Decomposition:
    """Decompose a monthly series of levels with robust STL on its logarithm.

    Parameters
    ----------
    series : pandas.Series
        Positive levels on a monthly ``PeriodIndex`` (at least three years).
    adjust_tet : bool, default False
        Remove the estimated Tết effect (:func:`tet_effect`) before decomposing.

    Returns
    -------
    Decomposition
    """
    logs = prepare(series)
    if adjust_tet:
        logs = logs - tet_effect(series)["coefficient"] * tet_days(logs.index)
    fit = STL(logs.reset_index(drop=True), period=SEASON, seasonal=SEASONAL_SMOOTHER, robust=True).fit()
    components = pd.DataFrame({"observed": logs.to_numpy(), "trend": fit.trend.to_numpy(),
                               "seasonal": fit.seasonal.to_numpy(), "remainder": fit.resid.to_numpy()},
                              index=logs.index)
    return Decomposition(components, adjust_tet)


def tet_effect(series: pd.Series) -> dict[str, float]:
    """Estimate the effect of one Tết holiday day on a month's level, from the STL remainder.

    The January and February remainders (log scale) are regressed on the month's Tết
    holiday days less their average for that calendar month, so that the fixed seasonal
    pattern keeps what every January or February has in common.

    Returns
    -------
    dict
        ``coefficient`` (log points per holiday day), ``pct_per_day`` (percent),
        ``t_stat``, ``months`` used, and the standard deviation of the January-February
        remainder before (``sd_before``) and after (``sd_after``) removing the effect.
    """
    components = decompose(series).components
    months = components.index
    days = tet_days(months)
    early = np.isin(months.month, (1, 2))
    x = (days - days.groupby(months.month).transform("mean"))[early].to_numpy()
    y = components["remainder"][early].to_numpy()
    coefficient = float(np.dot(x, y) / np.dot(x, x)) if np.dot(x, x) > 0 else 0.0
    residual = y - coefficient * x
    dof = max(len(y) - 1, 1)
    se = float(np.sqrt(np.sum(residual ** 2) / dof / np.dot(x, x))) if np.dot(x, x) > 0 else float("inf")
    return {"coefficient": coefficient, "pct_per_day": (np.exp(coefficient) - 1) * 100,
            "t_stat": coefficient / se if se > 0 else 0.0, "months": int(early.sum()),
            "sd_before": float(np.std(y, ddof=1)), "sd_after": float(np.std(residual, ddof=1))}
