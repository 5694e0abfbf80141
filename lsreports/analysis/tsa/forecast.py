"""Forecasts of monthly series with 80 % and 95 % prediction intervals, refusing series too short.

Methods (all on the logarithm of the level, so that seasonal swings scale with the level
and intervals stay positive; results are transformed back, the mean being the median):

- ``seasonal_naive``: next year's month equals this year's; interval from the spread of
  the series' year-on-year changes, widened by the number of years ahead;
- ``ets``: exponential smoothing with additive error, damped trend and additive
  seasonality (statsmodels ``ETSModel``);
- ``sarima``: seasonal ARIMA (1,1,1)(0,1,1)12, the "airline" model with an AR term
  (statsmodels ``SARIMAX``); ``sarima_tet`` adds the Tết holiday days of each month
  (:func:`lsreports.analysis.tsa.calendar.tet_days`) as a regressor;
- ``stl_ets``: STL decomposition, exponential smoothing (damped trend) of the seasonally
  adjusted series, last year's seasonal component added back;
- for series shorter than three years: ``ses`` (simple exponential smoothing), ``holt``
  (linear trend), ``holt_winters`` (trend and additive seasonality, no damping) and
  ``arima`` (ARIMA(1,1,1) with drift); ``auto`` takes the richest of ``holt_winters``,
  ``holt`` and ``ses`` the series' length allows.

Minimum lengths (:data:`MIN_LENGTHS`, observed months). The rule: a seasonal method needs
at least two full cycles (each month's effect seen twice) and a third to estimate
anything, and every model needs at least two points per estimated quantity (parameters,
initial states and the error variance):

- the seasonal methods, 36 (:data:`MIN_MONTHS`): additive Holt-Winters alone estimates
  alpha, beta, gamma, level, slope, 11 free seasonal states and the variance (17
  quantities: 34, so three whole years);
- ``ses`` 6: alpha, the initial level and the error variance (3 quantities);
- ``holt`` 10: adds beta and the initial slope (5 quantities); also the window statsmodels'
  heuristic initialisation uses;
- ``arima`` 24: ARIMA(1,1,1) with drift has only 4 quantities, but a non-seasonal model on
  monthly data is only defensible when two years show no seasonality it ignores.

A series too short, not positive or not monthly is refused with its reason (status
``refused``); a model that fails to converge or to fit is reported, never raised: the
:class:`~lsreports.analysis.tsa.results.TSResult` carries ``status`` (``ok``, ``not
converged``, ``failed``) and the messages.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .calendar import tet_days

from .model_cache import cached_fit
from .results import LEVELS, TSResult, check_monthly
from .threads import one_blas_thread

#: The seasonal methods, scored by the rolling-origin backtest (:mod:`lsreports.analysis.tsa.backtest`).
METHODS: tuple[str, ...] = ("seasonal_naive", "ets", "sarima", "sarima_tet", "stl_ets")
#: Fewer months than this and no seasonal model is fitted (see the module docstring).
MIN_MONTHS = 36
SEASON = 12
#: Observed months each method needs (see the module docstring for why).
MIN_LENGTHS: dict[str, int] = {**{method: MIN_MONTHS for method in METHODS}, "holt_winters": MIN_MONTHS,
                               "ses": 6, "holt": 10, "arima": 24}


def prepare(series: pd.Series, min_length: int = MIN_MONTHS) -> pd.Series:
    """Log levels on a complete monthly ``PeriodIndex``; gaps filled by linear interpolation of the logs.

    Raises
    ------
    ValueError
        If the series has a level of zero or less, or fewer than ``min_length`` months
        (:func:`~lsreports.analysis.tsa.results.check_monthly`).
    """
    reason = check_monthly(series, min_length)
    if reason:
        raise ValueError(f"{series.name}: {reason}, at least {min_length} are needed")
    series = series.dropna()
    if isinstance(series.index, pd.DatetimeIndex):
        series = series.set_axis(series.index.to_period("M"))
    months = pd.period_range(series.index.min(), series.index.max(), freq="M")
    return np.log(series).reindex(months).interpolate()


def _normal_quantile(p):
    """The standard normal's quantile (scipy.stats imported on a fit: a fit read back never needs it)."""
    from scipy.stats import norm

    return norm.ppf(p)


def _interval_frame(months: pd.PeriodIndex, mean: np.ndarray, se: np.ndarray) -> pd.DataFrame:
    """Back-transformed mean and normal intervals from a log-scale mean and standard error."""
    frame = pd.DataFrame({"mean": np.exp(mean)}, index=months)
    for level in LEVELS:
        z = _normal_quantile(0.5 + level / 200)
        frame[f"lower_{level}"] = np.exp(mean - z * se)
        frame[f"upper_{level}"] = np.exp(mean + z * se)
    return frame


def _future(y: pd.Series, horizon: int) -> pd.PeriodIndex:
    return pd.period_range(y.index[-1] + 1, periods=horizon, freq="M")


def _seasonal_naive(y: pd.Series, horizon: int, params=None) -> tuple[np.ndarray, np.ndarray, object]:
    changes = (y - y.shift(SEASON)).dropna()
    sd = float(changes.std(ddof=1))
    steps = np.arange(horizon)
    mean = y.to_numpy()[len(y) - SEASON + steps % SEASON]
    return mean, sd * np.sqrt(steps // SEASON + 1), None


def _ets(y: pd.Series, horizon: int, params=None) -> tuple[np.ndarray, np.ndarray, object]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    model = ETSModel(y.reset_index(drop=True), error="add", trend="add", damped_trend=True, seasonal="add",
                     seasonal_periods=SEASON)
    result = model.fit(disp=False) if params is None else model.smooth(params)
    prediction = result.get_prediction(start=len(y), end=len(y) + horizon - 1)
    frame = prediction.summary_frame(alpha=0.05)
    se = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * _normal_quantile(0.975))
    return frame["mean"].to_numpy(), se, result.params


def _sarima(y: pd.Series, horizon: int, params=None, *, exog: bool = False) -> tuple[np.ndarray, np.ndarray, object]:
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    regressor = tet_days(y.index).to_numpy()[:, None] if exog else None
    model = SARIMAX(y.reset_index(drop=True), exog=regressor, order=(1, 1, 1), seasonal_order=(0, 1, 1, SEASON))
    result = model.fit(disp=False) if params is None else model.smooth(params)
    future = tet_days(_future(y, horizon)).to_numpy()[:, None] if exog else None
    forecast = result.get_forecast(horizon, exog=future)
    return forecast.predicted_mean.to_numpy(), np.sqrt(forecast.var_pred_mean.to_numpy()), result.params


def _stl_ets(y: pd.Series, horizon: int, params=None) -> tuple[np.ndarray, np.ndarray, object]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    from statsmodels.tsa.seasonal import STL

    seasonal = STL(y.reset_index(drop=True), period=SEASON, robust=True).fit().seasonal.to_numpy()
    adjusted = pd.Series(y.to_numpy() - seasonal)
    model = ETSModel(adjusted, error="add", trend="add", damped_trend=True)
    result = model.fit(disp=False) if params is None else model.smooth(params)
    frame = result.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=0.05)
    se = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * _normal_quantile(0.975))
    steps = np.arange(horizon)
    return frame["mean"].to_numpy() + seasonal[len(y) - SEASON + steps % SEASON], se, result.params


def _short_ets(spec: dict):
    """An ETS fitter without damping, for the short-series methods (``ses``, ``holt``, ``holt_winters``)."""
    def fit(y: pd.Series, horizon: int, params=None) -> tuple[np.ndarray, np.ndarray, object]:
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        model = ETSModel(y.reset_index(drop=True), error="add", **spec)
        result = model.fit(disp=False) if params is None else model.smooth(params)
        frame = result.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=0.05)
        se = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * _normal_quantile(0.975))
        return frame["mean"].to_numpy(), se, result.params
    return fit


def _arima(y: pd.Series, horizon: int, params=None) -> tuple[np.ndarray, np.ndarray, object]:
    from statsmodels.tsa.arima.model import ARIMA

    model = ARIMA(y.reset_index(drop=True), order=(1, 1, 1), trend="t")
    result = model.fit() if params is None else model.smooth(params)
    forecast = result.get_forecast(horizon)
    return forecast.predicted_mean.to_numpy(), np.sqrt(forecast.var_pred_mean.to_numpy()), result.params


_FITTERS = {
    "seasonal_naive": _seasonal_naive, "ets": _ets, "sarima": _sarima,
    "sarima_tet": lambda y, h, params=None: _sarima(y, h, params, exog=True), "stl_ets": _stl_ets,
    "ses": _short_ets({}), "holt": _short_ets({"trend": "add"}),
    "holt_winters": _short_ets({"trend": "add", "seasonal": "add", "seasonal_periods": SEASON}), "arima": _arima,
}


def forecast_log(y: pd.Series, method: str, horizon: int = 12, params: object = None) -> TSResult:
    """Forecast a prepared log series (:func:`prepare`); ``params`` re-applies earlier estimates.

    The fit runs with one BLAS thread (:func:`~lsreports.analysis.tsa.threads.one_blas_thread`).

    Raises
    ------
    ValueError
        If ``method`` is not one of :data:`MIN_LENGTHS`.
    """
    if method not in _FITTERS:
        raise ValueError(f"unknown method {method!r}; expected one of {['auto', *MIN_LENGTHS]}")
    n = int(y.notna().sum())
    with warnings.catch_warnings(record=True) as caught, one_blas_thread():
        warnings.simplefilter("always")
        try:
            mean, se, fitted = _FITTERS[method](y, horizon, params)
        except (ValueError, np.linalg.LinAlgError, IndexError) as exc:
            return TSResult(method, "failed", messages=[f"{type(exc).__name__}: {exc}"], min_length=MIN_LENGTHS[method],
                            n=n)
    messages = sorted({str(w.message) for w in caught})
    if not (np.isfinite(mean).all() and np.isfinite(se).all()):
        return TSResult(method, "failed", messages=messages + ["non-finite forecast"], min_length=MIN_LENGTHS[method],
                        n=n)
    converged = not any("converge" in m.lower() for m in messages)
    return TSResult(method, "ok" if converged else "not converged", _interval_frame(_future(y, horizon), mean, se),
                    messages=messages, min_length=MIN_LENGTHS[method], n=n, params=fitted)


def choose_method(n: int) -> str:
    """The richest of ``holt_winters``, ``holt`` and ``ses`` that ``n`` observed months allow (``ses`` below all)."""
    for method in ("holt_winters", "holt", "ses"):
        if n >= MIN_LENGTHS[method]:
            return method
    return "ses"


def forecast(series: pd.Series, method: str = "auto", horizon: int = 12) -> TSResult:
    """Forecast a monthly series of levels ``horizon`` months past its last month.

    Parameters
    ----------
    series : pandas.Series
        Positive levels on a monthly ``PeriodIndex`` or a ``DatetimeIndex`` of month starts
        (gaps allowed; filled in logs).
    method : str, default "auto"
        One of :data:`MIN_LENGTHS`, or ``auto`` (:func:`choose_method`).
    horizon : int, default 12
        Months ahead.

    Returns
    -------
    TSResult
        The forecast with its 80 % and 95 % intervals, status and messages; status
        ``refused`` (with the reason and the length needed) when the series is too short,
        not positive or not monthly. A fit is kept by content
        (:mod:`lsreports.analysis.tsa.model_cache`): the same series forecast the same way
        again is read back.

    Raises
    ------
    ValueError
        If the method is unknown or ``horizon`` is below 1.

    See Also
    --------
    lsreports.analysis.tsa.backtest.rolling_origin : how each method scores out of sample.
    """
    n = int(series.notna().sum()) if isinstance(series, pd.Series) else 0
    chosen = choose_method(n) if method == "auto" else method
    if chosen not in MIN_LENGTHS:
        raise ValueError(f"unknown method {method!r}; expected one of {['auto', *MIN_LENGTHS]}")
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1: got {horizon}")
    reason = check_monthly(series, MIN_LENGTHS[chosen])
    if reason:
        return TSResult(chosen, "refused", messages=[reason], min_length=MIN_LENGTHS[chosen], n=n)
    return cached_fit("forecast", series, {"method": chosen, "horizon": horizon},
                      lambda: forecast_log(prepare(series, MIN_LENGTHS[chosen]), chosen, horizon))
