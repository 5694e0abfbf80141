"""The one result object of the time-series stack: what was fitted, or why not.

Like statsmodels' results classes, :func:`~lsreports.analysis.tsa.decompose.decompose`
and :func:`~lsreports.analysis.tsa.forecast.forecast` both return a :class:`TSResult`:
a status, the method, the numbers (``components`` of a decomposition, ``frame`` of a
forecast with its 80 % and 95 % intervals) and a one-line :meth:`TSResult.summary`.
A series too short or irregular for the method is refused with its reason and the
length it needs, never fitted on imputed points and never raised.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: Interval coverages of every forecast, in percent.
LEVELS: tuple[int, ...] = (80, 95)
#: Statuses: a model was fitted (``ok``, or ``not converged``: from the last iterate), the
#: fit ``failed``, or the series was ``refused`` before fitting (too short, not positive, ...).
STATUSES: tuple[str, ...] = ("ok", "not converged", "failed", "refused")
#: Missing months are interpolated in logs only while they are at most this share of the
#: series' span (the country's tables lack a month here and there); beyond it the
#: series is refused: a model would be fitted on the interpolation, not on data.
MAX_MISSING_SHARE = 0.1


def empty_frame() -> pd.DataFrame:
    """The columns of a forecast frame, without rows (a failed or refused forecast)."""
    return pd.DataFrame(columns=["mean"] + [f"{side}_{level}" for level in LEVELS for side in ("lower", "upper")])


@dataclass
class TSResult:
    """The outcome of a decomposition or a forecast of one monthly series.

    Attributes
    ----------
    method : str
        The method asked for (``stl``, ``classical``; ``ets``, ``sarima``, ``holt_winters``, ...).
    status : str
        One of :data:`STATUSES`.
    frame : pandas.DataFrame
        Forecasts indexed by month (``PeriodIndex``): ``mean``, ``lower_80``, ``upper_80``,
        ``lower_95``, ``upper_95``, in the series' unit; empty for a decomposition or
        when nothing was fitted.
    components : pandas.DataFrame or None
        Decompositions: ``observed`` (log level), ``trend``, ``seasonal``, ``remainder`` by month.
    messages : list of str
        Warnings and errors raised while fitting; the reason of a refusal.
    min_length : int
        Monthly points the method needs.
    n : int
        Monthly points observed in the series given.
    params : object
        Fitted parameters (to re-apply them at a later origin), or None.
    tet_adjusted : bool
        Whether a decomposition removed the Tết effect first.
    """

    method: str
    status: str
    frame: pd.DataFrame = field(default_factory=empty_frame)
    components: pd.DataFrame | None = None
    messages: list[str] = field(default_factory=list)
    min_length: int = 0
    n: int = 0
    params: object = None
    tet_adjusted: bool = False

    @property
    def ok(self) -> bool:
        """Whether a model was fitted (``ok`` or ``not converged``)."""
        return self.status in ("ok", "not converged")

    @property
    def reason(self) -> str:
        """Why nothing was fitted (empty when :attr:`ok`)."""
        return "" if self.ok else "; ".join(self.messages)

    def intervals(self, level: int = 95) -> pd.DataFrame:
        """The forecast's ``lower`` and ``upper`` bounds at ``level`` percent (one of :data:`LEVELS`)."""
        if level not in LEVELS:
            raise ValueError(f"no {level} % interval; levels: {list(LEVELS)}")
        return self.frame[[f"lower_{level}", f"upper_{level}"]].set_axis(["lower", "upper"], axis=1)

    def seasonal_profile(self) -> pd.Series:
        """A decomposition's average seasonal component by calendar month, in percent of trend."""
        if self.components is None:
            raise ValueError(f"{self.method}: no decomposition to profile ({self.reason})")
        seasonal = self.components["seasonal"]
        return (np.exp(seasonal.groupby(seasonal.index.month).mean()) - 1) * 100

    def summary(self) -> str:
        """One line: what was fitted (a forecast's last month with its 95 % interval), or why not."""
        if self.status == "refused":
            needs = f"; needs {self.min_length} monthly points" if self.reason.startswith("only ") else ""
            return f"{self.method}: not fitted ({self.reason}{needs})"
        if self.components is not None:
            return f"{self.method}: fitted on {self.n} monthly points"
        if self.frame.empty:
            return f"{self.method}: {self.status} ({'; '.join(self.messages)[:200]})"
        last = self.frame.iloc[-1]
        return (f"{self.method}: {self.status}, {len(self.frame)} months to {self.frame.index[-1]}: "
                f"{last['mean']:,.1f} (95 % {last['lower_95']:,.1f} to {last['upper_95']:,.1f})")


def check_monthly(series: object, min_length: int) -> str:
    """Return why ``series`` cannot be modelled in logs as a monthly series, or ``""``.

    Checks, in order: a pandas Series on a date or monthly period index, no duplicate
    months, dates on a month's first day, no infinite and no zero or negative level
    (modelled in logs), at least ``min_length`` observed months, and at most
    :data:`MAX_MISSING_SHARE` of the months between the first and the last missing (NaN
    or absent): :func:`~lsreports.analysis.tsa.forecast.prepare` fills those few by
    interpolating the logs.
    """
    if not isinstance(series, pd.Series):
        return f"not a pandas Series: got {type(series).__name__}"
    index = series.index
    if not isinstance(index, (pd.DatetimeIndex, pd.PeriodIndex)):
        return "the index is not dates"
    if index.has_duplicates:
        return "duplicate months"
    if isinstance(index, pd.DatetimeIndex) and len(index) and not (index.day == 1).all():
        return "dates are not month starts (not a monthly series)"
    values = pd.to_numeric(series, errors="coerce").dropna().to_numpy(dtype=float)
    if np.isinf(values).any():
        return f"{int(np.isinf(values).sum())} infinite values"
    if (values <= 0).any():
        return "levels must be positive to be modelled in logs"
    if len(values) < min_length:
        return f"only {len(values)} monthly points"
    observed = pd.PeriodIndex(index[series.notna().to_numpy()], freq="M")
    span = pd.period_range(observed.min(), observed.max(), freq="M")
    missing = span.difference(observed)
    if len(missing) > MAX_MISSING_SHARE * len(span):
        shown = ", ".join(str(m) for m in missing[:6]) + (" ..." if len(missing) > 6 else "")
        return (f"{len(missing)} of the {len(span)} months between {span[0]} and {span[-1]} missing "
                f"(at most {MAX_MISSING_SHARE:.0%} are interpolated): {shown}")
    return ""
