"""Fitted forecasts of monthly series, with 80 % and 95 % prediction intervals.

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
  adjusted series, last year's seasonal component added back.

A model that fails to converge or to fit is reported, never raised: the result carries
``status`` (``ok``, ``not converged`` or ``failed``) and the messages.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import norm

from .calendar import tet_days

METHODS: tuple[str, ...] = ("seasonal_naive", "ets", "sarima", "sarima_tet", "stl_ets")
LEVELS: tuple[int, ...] = (80, 95)
#: Fewer months than this and no model is fitted (three full years: STL and the seasonal
#: models need at least two cycles, a third to estimate anything).
MIN_MONTHS = 36
SEASON = 12


@dataclass
class Forecast:
    """A forecast of one series by one method.

    Attributes
    ----------
    method : str
        One of :data:`METHODS`.
    frame : pandas.DataFrame
        Indexed by month (``PeriodIndex``): ``mean``, ``lower_80``, ``upper_80``,
        ``lower_95``, ``upper_95``, in the series' unit.
    status : str
        ``ok``, ``not converged`` (a forecast, from the last iterate) or ``failed`` (no frame rows).
    messages : list of str
        Warnings and errors raised while fitting.
    params : object
        The fitted parameters (to re-apply them at a later origin), or None.
    """

    method: str
    frame: pd.DataFrame
    status: str = "ok"
    messages: list[str] = field(default_factory=list)
    params: object = None

    def summary(self) -> str:
        """One line: method, status, horizon and the last month's forecast with its 95 % interval."""
        if self.frame.empty:
            return f"{self.method}: {self.status} ({'; '.join(self.messages)[:200]})"
        last = self.frame.iloc[-1]
        return (f"{self.method}: {self.status}, {len(self.frame)} months to {self.frame.index[-1]}: "
                f"{last['mean']:,.1f} (95 % {last['lower_95']:,.1f} to {last['upper_95']:,.1f})")


def prepare(series: pd.Series) -> pd.Series:
    """Log levels on a complete monthly index; gaps filled by linear interpolation of the logs.

    Raises
    ------
    ValueError
        If the series has a level of zero or less, or fewer than :data:`MIN_MONTHS` months.
    """
    series = series.dropna()
    if (series <= 0).any():
        raise ValueError(f"{series.name}: levels must be positive to be modelled in logs")
    if len(series) < MIN_MONTHS:
        raise ValueError(f"{series.name}: {len(series)} months, at least {MIN_MONTHS} are needed")
    months = pd.period_range(series.index.min(), series.index.max(), freq="M")
    return np.log(series).reindex(months).interpolate()


def _interval_frame(months: pd.PeriodIndex, mean: np.ndarray, se: np.ndarray) -> pd.DataFrame:
    """Back-transformed mean and normal intervals from a log-scale mean and standard error."""
    frame = pd.DataFrame({"mean": np.exp(mean)}, index=months)
    for level in LEVELS:
        z = norm.ppf(0.5 + level / 200)
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
    se = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * norm.ppf(0.975))
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
    se = (frame["pi_upper"] - frame["pi_lower"]).to_numpy() / (2 * norm.ppf(0.975))
    steps = np.arange(horizon)
    return frame["mean"].to_numpy() + seasonal[len(y) - SEASON + steps % SEASON], se, result.params


_FITTERS = {
    "seasonal_naive": _seasonal_naive, "ets": _ets, "sarima": _sarima,
    "sarima_tet": lambda y, h, params=None: _sarima(y, h, params, exog=True), "stl_ets": _stl_ets,
}


def forecast_log(y: pd.Series, method: str, horizon: int = 12, params: object = None) -> Forecast:
    """Forecast a prepared log series (:func:`prepare`); ``params`` re-applies earlier estimates.

    Raises
    ------
    ValueError
        If ``method`` is not one of :data:`METHODS`.
    """
    if method not in _FITTERS:
        raise ValueError(f"unknown method {method!r}; expected one of {list(METHODS)}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            mean, se, fitted = _FITTERS[method](y, horizon, params)
        except (ValueError, np.linalg.LinAlgError, IndexError) as exc:
            empty = pd.DataFrame(columns=["mean"] + [f"{s}_{lv}" for lv in LEVELS for s in ("lower", "upper")])
            return Forecast(method, empty, "failed", [f"{type(exc).__name__}: {exc}"])
    messages = sorted({str(w.message) for w in caught})
    if not (np.isfinite(mean).all() and np.isfinite(se).all()):
        empty = pd.DataFrame(columns=["mean"] + [f"{s}_{lv}" for lv in LEVELS for s in ("lower", "upper")])
        return Forecast(method, empty, "failed", messages + ["non-finite forecast"])
    converged = not any("converge" in m.lower() for m in messages)
    return Forecast(method, _interval_frame(_future(y, horizon), mean, se), "ok" if converged else "not converged",
                    messages, fitted)


def forecast(series: pd.Series, method: str, horizon: int = 12) -> Forecast:
    """Forecast a monthly series of levels ``horizon`` months past its last month.

    Parameters
    ----------
    series : pandas.Series
        Positive levels on a monthly ``PeriodIndex`` (gaps allowed; filled in logs).
    method : str
        One of :data:`METHODS`.
    horizon : int, default 12
        Months ahead.

    Returns
    -------
    Forecast
        The forecast with its 80 % and 95 % intervals, status and messages.

    Raises
    ------
    ValueError
        If the series is too short or not positive (see :func:`prepare`), or the method unknown.

    See Also
    --------
    lsreports.analysis.backtest_national.rolling_origin : how each method scores out of sample.
    """
    return forecast_log(prepare(series), method, horizon)
