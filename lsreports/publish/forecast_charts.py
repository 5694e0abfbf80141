"""Charts of long monthly series: decompositions and forecasts with their intervals.

Every forecast chart draws both prediction intervals (80 % darker inside 95 % lighter)
and says which method drew them; every chart is dated by its data.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..analysis.tsa.results import TSResult
from .chart_store import stored_chart
from .charts import PALETTE

MONTH_LETTERS = "JFMAMJJASOND"


def _dates(index: pd.PeriodIndex) -> pd.DatetimeIndex:
    return index.to_timestamp(how="start")


@stored_chart
def decomposition_grid(decompositions: dict[str, TSResult], labels: dict[str, str],
                       unit_labels: dict[str, str]) -> plt.Figure:
    """One row per series: level with its STL trend, seasonal profile by month, remainder over time.

    Parameters
    ----------
    decompositions : dict
        Series id to its :class:`~lsreports.analysis.tsa.results.TSResult` (:func:`~lsreports.analysis.tsa.decompose.decompose`).
    labels, unit_labels : dict
        Series id to a short English name and to its unit in words.
    """
    rows = len(decompositions)
    fig, axes = plt.subplots(rows, 3, figsize=(11, 2.3 * rows), squeeze=False,
                             gridspec_kw={"width_ratios": [2.2, 1, 1.6]})
    for (series_id, result), (left, middle, right) in zip(decompositions.items(), axes):
        parts = result.components
        dates = _dates(parts.index)
        left.plot(dates, np.exp(parts["observed"]), color=PALETTE[5], linewidth=0.8, label="month")
        left.plot(dates, np.exp(parts["trend"]), color=PALETTE[0], linewidth=1.6, label="trend")
        left.set_title(f"{labels[series_id]} ({unit_labels[series_id]})", loc="left", fontsize=9)
        profile = result.seasonal_profile()
        middle.bar(range(12), profile.to_numpy(), color=np.where(profile.to_numpy() >= 0, PALETTE[0], PALETTE[1]))
        middle.set_xticks(range(12), list(MONTH_LETTERS), fontsize=7)
        middle.axhline(0, color="black", linewidth=0.6)
        middle.set_title("seasonal, % of trend", loc="left", fontsize=9)
        right.bar(dates, (np.exp(parts["remainder"]) - 1) * 100, width=25, color=PALETTE[2])
        right.axhline(0, color="black", linewidth=0.6)
        right.set_title("remainder, %", loc="left", fontsize=9)
    axes[0][0].legend(frameon=False, fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.lsreports_rows = pd.concat(  # the components drawn, for the CSV beside the briefing
        [pd.DataFrame({"series": series_id, "month": result.components.index.astype(str),
                       "level": np.exp(result.components["observed"]).to_numpy(),
                       "trend": np.exp(result.components["trend"]).to_numpy(),
                       "remainder_pct": ((np.exp(result.components["remainder"]) - 1) * 100).to_numpy()})
         for series_id, result in decompositions.items()], ignore_index=True)
    return fig


def forecast_panel(ax: plt.Axes, history: pd.Series, result: TSResult, title: str, *, months_shown: int = 48) -> None:
    """Draw a series' last ``months_shown`` months and a forecast with its 80 % and 95 % bands."""
    recent = history.dropna().iloc[-months_shown:]
    ax.plot(_dates(recent.index), recent.to_numpy(), color=PALETTE[0], linewidth=1.2, label="tabulated")
    frame = result.frame
    if not frame.empty:
        dates = _dates(frame.index)
        ax.fill_between(dates, frame["lower_95"], frame["upper_95"], color=PALETTE[1], alpha=0.18, linewidth=0,
                        label="95 % interval")
        ax.fill_between(dates, frame["lower_80"], frame["upper_80"], color=PALETTE[1], alpha=0.35, linewidth=0,
                        label="80 % interval")
        ax.plot(dates, frame["mean"], color=PALETTE[1], linewidth=1.4, label=f"forecast ({result.method})")
    ax.set_title(title, loc="left", fontsize=9)
    ax.tick_params(labelsize=7)


@stored_chart
def forecast_grid(histories: dict[str, pd.Series], forecasts: dict[str, TSResult], titles: dict[str, str],
                  columns: int = 2) -> plt.Figure:
    """Small multiples of :func:`forecast_panel`, one per series."""
    rows = -(-len(histories) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(11, 2.9 * rows), squeeze=False)
    flat = axes.ravel()
    for ax, series_id in zip(flat, histories):
        forecast_panel(ax, histories[series_id], forecasts[series_id], titles[series_id])
    for ax in flat[len(histories):]:
        ax.set_visible(False)
    flat[0].legend(frameon=False, fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.lsreports_rows = pd.concat(  # the months and forecasts drawn, for the CSV beside the briefing
        [pd.concat([pd.DataFrame({"series": series_id, "month": recent.index.astype(str), "kind": "tabulated",
                                  "value": recent.to_numpy()}),
                    forecasts[series_id].frame.reset_index(names="month").assign(
                        series=series_id, kind="forecast", month=lambda f: f["month"].astype(str))
                    .rename(columns={"mean": "value"})], ignore_index=True)
         for series_id in histories for recent in [histories[series_id].dropna().iloc[-48:]]], ignore_index=True)
    return fig
