"""Trend decomposition and forecasts for regular monthly series, refusing short or irregular ones.

The reports give a few months at a time, so most series are far too short for any
model. Every function here checks length and regularity itself before calling
statsmodels (STL "succeeds" on 3 points; a model fitted with NaN returns NaN forecasts
with only a warning; SimpleExpSmoothing fails cryptically on 1 point) and returns a
:class:`TSResult` with ``ok=False``, a ``reason`` and the ``min_length`` needed instead of
raising or fitting on imputed data. Gaps are never filled.

Minimum lengths (monthly points, no gaps). The rule: a seasonal method needs at least
two full cycles (each month's effect seen twice), and every model needs at least two
points per estimated quantity (parameters, initial states and the error variance),
rounded up to whole years where seasonal:

- :data:`STL_MIN_LENGTH` = 24: two cycles (also what classical ``seasonal_decompose``
  requires); with one cycle the seasonal component is each month's single value.
- :data:`SES_MIN_LENGTH` = 6: simple exponential smoothing estimates alpha, the initial
  level and the error variance (3 quantities).
- :data:`HOLT_MIN_LENGTH` = 10: Holt's linear trend adds beta and the initial slope
  (5 quantities); also the window statsmodels' heuristic initialisation uses.
- :data:`HOLT_WINTERS_MIN_LENGTH` = 36: additive Holt-Winters estimates alpha, beta,
  gamma, level, slope, 11 free seasonal states and the variance (17 quantities: 34, so
  three whole years).
- :data:`ARIMA_MIN_LENGTH` = 24: ARIMA(1,1,1) with drift has only 4 quantities, but a
  non-seasonal model on monthly data is only defensible when two years show no
  seasonality it ignores (residual autocorrelation at lag 12 can then be checked).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...sources.periods import is_whole_month

#: Minimum monthly points (see the module docstring for why).
STL_MIN_LENGTH = 24
SES_MIN_LENGTH = 6
HOLT_MIN_LENGTH = 10
HOLT_WINTERS_MIN_LENGTH = 36
ARIMA_MIN_LENGTH = 24
#: Seasonal period of monthly data.
PERIOD = 12

FORECAST_MIN_LENGTHS: dict[str, int] = {
    "ses": SES_MIN_LENGTH, "holt": HOLT_MIN_LENGTH, "holt_winters": HOLT_WINTERS_MIN_LENGTH,
    "arima": ARIMA_MIN_LENGTH,
}
DECOMPOSE_MIN_LENGTHS: dict[str, int] = {"stl": STL_MIN_LENGTH, "classical": STL_MIN_LENGTH}


@dataclass
class TSResult:
    """The outcome of a decomposition or forecast; ``ok=False`` explains why nothing was fitted.

    Attributes
    ----------
    ok : bool
        Whether a model was fitted.
    method : str
        ``stl``, ``classical``, ``ses``, ``holt``, ``holt_winters`` or ``arima``.
    reason : str
        Why the series does not qualify (empty when ``ok``).
    min_length : int
        Monthly points without gaps the method needs.
    n : int
        Points in the series given.
    components : pandas.DataFrame or None
        ``observed, trend, seasonal, resid`` (decompositions).
    forecast : pandas.DataFrame or None
        ``mean, lower, upper`` indexed by month (forecasts); ``level`` is the interval's
        coverage.
    level : float
        Coverage of the prediction interval (e.g. 0.95).
    warnings : list of str
        Warnings statsmodels raised while fitting.
    """

    ok: bool
    method: str
    reason: str = ""
    min_length: int = 0
    n: int = 0
    components: pd.DataFrame | None = None
    forecast: pd.DataFrame | None = None
    level: float = 0.95
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Return one line: what was fitted, or why not."""
        if self.ok:
            return f"{self.method}: fitted on {self.n} monthly points"
        return f"{self.method}: not fitted ({self.reason}; needs {self.min_length} monthly points without gaps)"


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


def check_monthly(series: pd.Series, min_length: int) -> str:
    """Return why ``series`` cannot be modelled as a regular monthly series, or ``""``.

    Checks, in order: a date index, no NaN or infinite values, no duplicate months, all
    observations on a month's first day, no gaps between months, and at least
    ``min_length`` points.
    """
    if not isinstance(series, pd.Series):
        return f"not a pandas Series: got {type(series).__name__}"
    index = series.index
    if isinstance(index, pd.PeriodIndex):
        index = index.to_timestamp()
    if not isinstance(index, pd.DatetimeIndex):
        return "the index is not dates"
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    if not np.isfinite(values).all():
        return f"{int((~np.isfinite(values)).sum())} missing or non-finite values (gaps are never imputed)"
    if index.has_duplicates:
        return "duplicate months"
    if len(index) and not (index.day == 1).all():
        return "dates are not month starts (not a monthly series)"
    if len(index) > 1:
        full = pd.date_range(index.min(), index.max(), freq="MS")
        missing = full.difference(index)
        if len(missing):
            shown = ", ".join(f"{m:%Y-%m}" for m in missing[:6]) + (" ..." if len(missing) > 6 else "")
            return f"{len(missing)} missing months between {index.min():%Y-%m} and {index.max():%Y-%m}: {shown}"
    if len(index) < min_length:
        return f"only {len(index)} monthly points"
    return ""


def _regular(series: pd.Series) -> pd.Series:
    index = series.index.to_timestamp() if isinstance(series.index, pd.PeriodIndex) else series.index
    out = pd.Series(series.to_numpy(dtype=float), index=pd.DatetimeIndex(index).sort_values())
    out.index.freq = "MS"
    return out


def decompose(series: pd.Series, method: str = "stl", *, period: int = PERIOD) -> TSResult:
    """Split a regular monthly series into trend, seasonal and residual components.

    Parameters
    ----------
    series : pandas.Series
        Monthly values indexed by month (DatetimeIndex of month starts or PeriodIndex).
    method : {"stl", "classical"}
        Robust STL (``statsmodels.tsa.seasonal.STL``) or classical additive moving-average
        decomposition (``seasonal_decompose``).
    period : int, default 12

    Returns
    -------
    TSResult
        ``components`` with ``observed, trend, seasonal, resid`` when ``ok``; otherwise
        ``reason`` and ``min_length`` (:data:`STL_MIN_LENGTH`).
    """
    if method not in DECOMPOSE_MIN_LENGTHS:
        return TSResult(False, method, f"unknown method {method!r}; use one of {list(DECOMPOSE_MIN_LENGTHS)}")
    min_length = max(DECOMPOSE_MIN_LENGTHS[method], 2 * period)
    n = len(series) if hasattr(series, "__len__") else 0
    reason = check_monthly(series, min_length)
    if reason:
        return TSResult(False, method, reason, min_length, n)
    y = _regular(series)
    from statsmodels.tsa.seasonal import STL, seasonal_decompose

    caught: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            fit = (STL(y, period=period, robust=True).fit() if method == "stl"
                   else seasonal_decompose(y, model="additive", period=period))
        caught = [str(w.message) for w in record]
    except (ValueError, np.linalg.LinAlgError) as exc:
        return TSResult(False, method, f"statsmodels refused the series: {exc}", min_length, n)
    components = pd.DataFrame({"observed": y, "trend": fit.trend, "seasonal": fit.seasonal, "resid": fit.resid})
    return TSResult(True, method, "", min_length, n, components=components, warnings=caught)


def _choose(n: int) -> str:
    for method in ("holt_winters", "holt", "ses"):
        if n >= FORECAST_MIN_LENGTHS[method]:
            return method
    return "ses"


def forecast(series: pd.Series, horizon: int = 6, method: str = "auto", *, level: float = 0.95) -> TSResult:
    """Forecast a regular monthly series with a prediction interval.

    Parameters
    ----------
    series : pandas.Series
        Monthly values indexed by month.
    horizon : int, default 6
        Months ahead.
    method : {"auto", "ses", "holt", "holt_winters", "arima"}
        ``ses``/``holt``/``holt_winters``: additive-error ETS models
        (``statsmodels.tsa.exponential_smoothing.ets.ETSModel``) with analytic prediction
        intervals; ``arima``: ARIMA(1,1,1) with drift. ``auto`` takes the richest ETS
        model the series' length allows.
    level : float, default 0.95
        Coverage of the prediction interval.

    Returns
    -------
    TSResult
        ``forecast`` with ``mean, lower, upper`` when ``ok``; otherwise ``reason`` and
        ``min_length``. A fit whose forecasts are not finite is reported as not ``ok``.
    """
    n = len(series) if hasattr(series, "__len__") else 0
    chosen = _choose(n) if method == "auto" else method
    if chosen not in FORECAST_MIN_LENGTHS:
        return TSResult(False, method, f"unknown method {method!r}; use one of {['auto', *FORECAST_MIN_LENGTHS]}")
    min_length = FORECAST_MIN_LENGTHS[chosen]
    if horizon < 1:
        return TSResult(False, chosen, f"horizon must be at least 1: got {horizon}", min_length, n, level=level)
    reason = check_monthly(series, min_length)
    if reason:
        return TSResult(False, chosen, reason, min_length, n, level=level)
    y = _regular(series)
    try:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            frame = _fit_forecast(y, chosen, horizon, level)
        caught = [str(w.message) for w in record]
    except (ValueError, np.linalg.LinAlgError) as exc:
        return TSResult(False, chosen, f"statsmodels failed: {exc}", min_length, n, level=level)
    if not np.isfinite(frame.to_numpy(dtype=float)).all():
        return TSResult(False, chosen, "the fitted model gave non-finite forecasts", min_length, n, level=level,
                        warnings=caught)
    return TSResult(True, chosen, "", min_length, n, forecast=frame, level=level, warnings=caught)


def _fit_forecast(y: pd.Series, method: str, horizon: int, level: float) -> pd.DataFrame:
    alpha = 1 - level
    if method == "arima":
        from statsmodels.tsa.arima.model import ARIMA

        fit = ARIMA(y, order=(1, 1, 1), trend="t").fit()
        frame = fit.get_forecast(horizon).summary_frame(alpha=alpha)
        return pd.DataFrame({"mean": frame["mean"], "lower": frame["mean_ci_lower"], "upper": frame["mean_ci_upper"]})
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    spec = {"ses": {}, "holt": {"trend": "add"},
            "holt_winters": {"trend": "add", "seasonal": "add", "seasonal_periods": PERIOD}}[method]
    fit = ETSModel(y, error="add", **spec).fit(disp=False)
    frame = fit.get_prediction(start=len(y), end=len(y) + horizon - 1).summary_frame(alpha=alpha)
    return pd.DataFrame({"mean": frame["mean"], "lower": frame["pi_lower"], "upper": frame["pi_upper"]})


__all__ = ["TSResult", "MonthlySeries", "monthly_series", "check_monthly", "decompose", "forecast",
           "STL_MIN_LENGTH", "SES_MIN_LENGTH", "HOLT_MIN_LENGTH", "HOLT_WINTERS_MIN_LENGTH", "ARIMA_MIN_LENGTH"]
