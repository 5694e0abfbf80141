"""Trend, seasonal and remainder of a monthly series (STL), and what Tết does to it.

STL (seasonal-trend decomposition by Loess, robust) runs on the logarithm of the level,
so the seasonal and remainder components read as proportional deviations: a seasonal
value of 0.10 is a month about 10 % above trend. A series shorter than two seasonal cycles
(:data:`MIN_LENGTH`), not positive or not monthly is refused with its reason (a
:class:`~lsreports.analysis.tsa.results.TSResult` with status ``refused``), never
decomposed on imputed points: with one cycle the seasonal component is each month's
single value.

Tết moves between January and February, so a fixed monthly seasonal pattern cannot
hold it: the seasonal component averages Tết-Januaries and Tết-Februaries and the
difference lands in the remainder. :func:`tet_effect` measures this by regressing the
January and February remainder on the Tết holiday days of each month; a significant
coefficient says a calendar adjustment helps, and the remainder's spread in January and
February with and without it shows by how much.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .calendar import tet_days
from .forecast import SEASON, prepare
from .model_cache import cached_fit
from .results import TSResult, check_monthly
from .threads import one_blas_thread


#: Length of STL's seasonal smoother (odd, in years of each calendar month): long enough that
#: the seasonal pattern changes slowly and a holiday moving between January and February
#: shows in the remainder instead of being absorbed into a wandering seasonal component.
SEASONAL_SMOOTHER = 25
#: Observed months a decomposition needs: two seasonal cycles (also what classical
#: ``seasonal_decompose`` requires).
MIN_LENGTH = 2 * SEASON
METHODS: tuple[str, ...] = ("stl", "classical")


def decompose(series: pd.Series, method: str = "stl", *, adjust_tet: bool = False) -> TSResult:
    """Decompose a monthly series of levels on its logarithm.

    Parameters
    ----------
    series : pandas.Series
        Positive levels on a monthly ``PeriodIndex`` or a ``DatetimeIndex`` of month starts
        (gaps allowed; filled in logs).
    method : {"stl", "classical"}
        Robust STL (``statsmodels.tsa.seasonal.STL``, seasonal smoother
        :data:`SEASONAL_SMOOTHER`) or the classical additive moving-average decomposition
        (``seasonal_decompose``; its trend is missing for the first and last six months).
    adjust_tet : bool, default False
        Remove the estimated Tết effect (:func:`tet_effect`) before decomposing.

    Returns
    -------
    TSResult
        ``components`` (``observed`` log level, ``trend``, ``seasonal``, ``remainder``) by
        month; status ``refused`` with the reason when the series is shorter than
        :data:`MIN_LENGTH` observed months, not positive or not monthly. A fit is kept by
        content (:mod:`lsreports.analysis.tsa.model_cache`): the same series decomposed the same
        way again is read back.

    Raises
    ------
    ValueError
        If the method is unknown.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {list(METHODS)}")
    n = int(series.notna().sum()) if isinstance(series, pd.Series) else 0
    reason = check_monthly(series, MIN_LENGTH)
    if reason:
        return TSResult(method, "refused", messages=[reason], min_length=MIN_LENGTH, n=n)
    return cached_fit("decompose", series, {"method": method, "adjust_tet": adjust_tet, "seasonal": SEASONAL_SMOOTHER},
                      lambda: _decompose(series, method, adjust_tet, n))


def _decompose(series: pd.Series, method: str, adjust_tet: bool, n: int) -> TSResult:
    logs = prepare(series, MIN_LENGTH)
    if adjust_tet:
        logs = logs - tet_effect(series)["coefficient"] * tet_days(logs.index)
    from statsmodels.tsa.seasonal import STL, seasonal_decompose

    with one_blas_thread():
        values = logs.reset_index(drop=True)
        fit = (STL(values, period=SEASON, seasonal=SEASONAL_SMOOTHER, robust=True).fit() if method == "stl"
               else seasonal_decompose(values, model="additive", period=SEASON))
    components = pd.DataFrame({"observed": logs.to_numpy(), "trend": np.asarray(fit.trend),
                               "seasonal": np.asarray(fit.seasonal), "remainder": np.asarray(fit.resid)},
                              index=logs.index)
    return TSResult(method, "ok", components=components, min_length=MIN_LENGTH, n=n, tet_adjusted=adjust_tet)


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

    Raises
    ------
    ValueError
        If the series cannot be decomposed (:func:`decompose` refused it).
    """
    result = decompose(series)
    if result.components is None:
        raise ValueError(f"{series.name}: cannot measure the Tết effect: {result.reason}")
    components = result.components
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
