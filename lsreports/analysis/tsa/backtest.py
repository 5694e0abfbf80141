"""Rolling-origin evaluation of the forecasting methods on long monthly series.

At each origin (the last month the forecaster sees) every method forecasts the next
1-12 months; the forecasts are compared with what was later tabulated. Parameters are
estimated afresh at the first origin and then every ``refit_every`` months; at the
origins in between, the last estimates are applied to the data up to the origin (the
states are updated, the parameters are not), as a forecaster re-using last January's
model would. Nothing after an origin enters its forecast.

Scores, per series and method:

- MASE: mean absolute error divided by the in-sample mean absolute error of the
  seasonal naive forecast (levels, at each origin), averaged over origins and horizons;
  below 1 beats "same month last year" as it did in sample;
- coverage of the 80 % and 95 % intervals: the share of outcomes inside them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .forecast import METHODS, SEASON, forecast_log, prepare

ERROR_COLUMNS = ("series", "method", "origin", "horizon", "month", "actual", "mean", "lower_80", "upper_80",
                 "lower_95", "upper_95", "scale", "status")


@dataclass
class BacktestResult:
    """The forecasts of a rolling-origin evaluation and their scores.

    Attributes
    ----------
    errors : pandas.DataFrame
        One row per series, method, origin and horizon (:data:`ERROR_COLUMNS`).
    """

    errors: pd.DataFrame

    def scores(self) -> pd.DataFrame:
        """MASE and interval coverage per series and method (see :func:`score`)."""
        return score(self.errors)


def mase_scale(levels: np.ndarray) -> float:
    """In-sample mean absolute error of the seasonal naive forecast (the MASE denominator)."""
    levels = np.asarray(levels, dtype=float)
    return float(np.mean(np.abs(levels[SEASON:] - levels[:-SEASON])))


def score(errors: pd.DataFrame) -> pd.DataFrame:
    """Score forecasts against outcomes.

    Parameters
    ----------
    errors : pandas.DataFrame
        Rows with ``series, method, actual, mean, lower_80, upper_80, lower_95, upper_95, scale, status``.

    Returns
    -------
    pandas.DataFrame
        One row per series and method: ``mase``, ``coverage_80``, ``coverage_95`` (in
        percent), ``forecasts`` scored, ``failed`` origins, ``not_converged`` fits.
    """
    done = errors.loc[errors["status"] != "failed"].dropna(subset=["actual", "mean"])
    inside = {lv: (done["actual"] >= done[f"lower_{lv}"]) & (done["actual"] <= done[f"upper_{lv}"]) for lv in (80, 95)}
    scored = done.assign(ase=(done["actual"] - done["mean"]).abs() / done["scale"], in80=inside[80], in95=inside[95])
    table = scored.groupby(["series", "method"]).agg(mase=("ase", "mean"), coverage_80=("in80", "mean"),
                                                     coverage_95=("in95", "mean"), forecasts=("ase", "size"))
    table[["coverage_80", "coverage_95"]] *= 100
    status = errors.drop_duplicates(["series", "method", "origin"]).groupby(["series", "method"])["status"]
    table["failed"] = status.apply(lambda s: int((s == "failed").sum())).reindex(table.index, fill_value=0)
    table["not_converged"] = status.apply(lambda s: int((s == "not converged").sum())).reindex(table.index,
                                                                                               fill_value=0)
    return table.reset_index()


def winners(scores: pd.DataFrame, max_failed_share: float = 0.1) -> pd.Series:
    """The method with the lowest MASE per series, among those that failed at most ``max_failed_share`` of origins."""
    origins = scores["forecasts"].groupby(scores["series"]).transform("max")
    usable = scores.loc[scores["failed"] <= max_failed_share * np.maximum(origins / SEASON, 1)]
    best = usable.sort_values(["series", "mase"]).drop_duplicates("series")
    return best.set_index("series")["method"]


def _origin_rows(name: str, method: str, origin: pd.Period, result, y_levels: pd.Series, scale: float,
                 horizon: int) -> list[dict]:
    rows = []
    months = pd.period_range(origin + 1, periods=horizon, freq="M")
    for step, month in enumerate(months, start=1):
        row = {"series": name, "method": method, "origin": origin, "horizon": step, "month": month,
               "actual": float(y_levels.get(month, np.nan)), "scale": scale, "status": result.status}
        if month in result.frame.index:
            row.update(result.frame.loc[month].to_dict())
        rows.append(row)
    return rows


def rolling_origin(series: pd.Series, origins: pd.PeriodIndex, methods: tuple[str, ...] = METHODS,
                   horizon: int = 12, refit_every: int = 12) -> BacktestResult:
    """Forecast ``series`` from every origin with every method and keep the outcomes.

    Parameters
    ----------
    series : pandas.Series
        Positive monthly levels on a ``PeriodIndex``; ``series.name`` names it in the result.
    origins : pandas.PeriodIndex
        The last month each forecast may use.
    methods : tuple of str
        Methods of :mod:`lsreports.analysis.tsa.forecast`.
    horizon : int, default 12
    refit_every : int, default 12
        Months between re-estimations of the parameters (1: at every origin).

    Returns
    -------
    BacktestResult
    """
    logs = prepare(series)
    levels = np.exp(logs)
    printed = series.astype(float)
    rows: list[dict] = []
    for method in methods:
        params, fitted_at = None, None
        for origin in origins:
            train = logs.loc[:origin]
            if fitted_at is None or (origin - fitted_at).n >= refit_every:
                params, fitted_at = None, origin
            result = forecast_log(train, method, horizon, params)
            if params is None and result.status != "failed":
                params = result.params
            elif result.status == "failed":
                params, fitted_at = None, None
            scale = mase_scale(levels.loc[:origin].to_numpy())
            # scored against the months printed, never against months the models interpolated
            rows.extend(_origin_rows(str(series.name), method, origin, result, printed, scale, horizon))
    return BacktestResult(pd.DataFrame(rows, columns=list(ERROR_COLUMNS)))


#: The national series the stored backtest covers (monthly levels, 2012-2014 to the latest release).
BACKTEST_SERIES: tuple[str, ...] = (
    "vn_retail_sales", "vn_accommodation_food", "vn_travel_services", "vn_exports", "vn_imports",
    "vn_prod_coal", "vn_prod_cement", "vn_prod_electricity_generated", "vn_prod_tap_water", "vn_sbi_total",
)
#: Origins of the stored backtest: every month of 2019-2025 (2025's forecasts scored against
#: the months the releases print; issue 23).
ORIGINS = pd.period_range("2019-01", "2025-12", freq="M")
#: Where ``benchmarks/forecast_backtest.py`` writes the scores.
SCORES_FILE = "benchmarks/results/forecast_backtest.csv"


def stored_scores() -> pd.DataFrame:
    """Return the scores of the last run of ``benchmarks/forecast_backtest.py``.

    Raises
    ------
    FileNotFoundError
        If the benchmark has not been run in this checkout (the message says how).
    """
    from ...sources.paths import PROJECT_ROOT

    path = PROJECT_ROOT / SCORES_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path}: no stored backtest; run `python benchmarks/forecast_backtest.py`")
    return pd.read_csv(path)


def default_method(series_id: str, scores: pd.DataFrame | None = None) -> str:
    """Return the backtest's winner for a series (lowest MASE), or ``stl_ets`` where it was not backtested."""
    scores = stored_scores() if scores is None else scores
    best = winners(scores)
    return str(best.get(series_id, "stl_ets"))


#: Forecasts a series-method pair needs before its interval coverage is reported (a share of a few is noise).
MIN_COVERAGE_FORECASTS = 120


def coverage_means_something(scores: pd.DataFrame, fit_flags: dict[str, list[str]] | None = None) -> pd.Series:
    """True where a coverage is worth reporting: at least :data:`MIN_COVERAGE_FORECASTS` scored forecasts and
    no fit across an unresolved level error (its outcomes would be judged against levels on another basis)."""
    flagged = {s for s, f in (fit_flags or {}).items() if any(x.startswith("fitted across") for x in f)}
    return (scores["forecasts"] >= MIN_COVERAGE_FORECASTS) & ~scores["series"].isin(flagged)


def backtest_markdown(scores: pd.DataFrame, best: pd.Series, seconds: float | None = None,
                      fit_flags: dict[str, list[str]] | None = None) -> str:
    """The scores as a Markdown results file: one table per measure, winners marked.

    Interval coverage is given only where it means something (:func:`coverage_means_something`);
    ``fit_flags`` (series -> flags of :func:`lsreports.analysis.checks.level_errors.fit_series`)
    are listed.
    """
    lines = ["# Forecast backtest: national monthly series", "",
             f"Rolling origin: every month of {ORIGINS[0]} to {ORIGINS[-1]}, horizons 1-12 months, parameters "
             "re-estimated every January. MASE below 1 beats the in-sample seasonal naive forecast; coverage is "
             "the share of outcomes inside the 80 % and 95 % intervals (nominal: 80 and 95).", ""]
    if seconds is not None:
        lines += [f"Run time: {seconds:.0f} s.", ""]
    wide = scores.pivot(index="series", columns="method", values="mase")
    lines += ["| series | " + " | ".join(wide.columns) + " | winner |", "|---" * (len(wide.columns) + 2) + "|"]
    for series, row in wide.iterrows():
        cells = [f"**{v:.2f}**" if m == best.get(series) else f"{v:.2f}" for m, v in row.items()]
        lines.append(f"| {series} | " + " | ".join(cells) + f" | {best.get(series, '')} |")
    meaningful = scores.assign(_ok=coverage_means_something(scores, fit_flags))
    lines += ["", f"Interval coverage (80 % / 95 %), where it means something: at least {MIN_COVERAGE_FORECASTS} "
              "scored forecasts and no fit across an unresolved level error (– otherwise):", "",
              "| series | " + " | ".join(wide.columns) + " |", "|---" * (len(wide.columns) + 1) + "|"]
    for series, group in meaningful.groupby("series"):
        by = group.set_index("method")
        lines.append(f"| {series} | " + " | ".join(
            f"{by.loc[m, 'coverage_80']:.0f} / {by.loc[m, 'coverage_95']:.0f}" if by.loc[m, "_ok"] else "–"
            for m in wide.columns) + " |")
    flagged = [f"{s}: {'; '.join(f)}" for s, f in sorted((fit_flags or {}).items()) if f]
    if flagged:
        lines += ["", "Unresolved level errors (lsreports.analysis.checks.level_errors): " + " | ".join(flagged)]
    failures = scores.loc[(scores["failed"] > 0) | (scores["not_converged"] > 0)]
    lines += ["", f"Fits that failed or did not converge: {len(failures)} series-method pairs"
              + ("" if failures.empty else ": " + "; ".join(f"{r.series} {r.method} ({r.failed} failed, "
                                                          f"{r.not_converged} not converged)"
                                                          for r in failures.itertuples()))]
    return "\n".join(lines) + "\n"
