"""The trends notebook's own charts: the backtest's errors by method, and the province's months as printed.

Beside :mod:`lsreports.publish.charts` (the report style, source lines, month ticks) and
:mod:`lsreports.publish.forecast_charts` (the country's decompositions and forecasts).
Each figure carries the rows it draws (``fig.lsreports_rows``) for the CSV beside the briefing.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..analysis.tsa.series import monthly_series
from . import charts, labels
from .chart_store import stored_chart

#: The columns of the backtest rows written beside the chart.
BACKTEST_DRAWN = ["pair", "indicator_id", "unit", "base_value", "target_value", "prorata_projection",
                  "growth_projection", "prorata_ape", "growth_ape"]


def backtest_errors(backtest: pd.DataFrame, pair: str) -> pd.DataFrame:
    """The unflagged rows of one backtest pair that both methods scored, smallest pro-rata error first."""
    scored = backtest.loc[(backtest["flags"] == "") & backtest["growth_ape"].notna() & (backtest["pair"] == pair)]
    return scored.sort_values("prorata_ape")


@stored_chart
def backtest_chart(scored: pd.DataFrame, catalogue: pd.DataFrame, title: str, xlabel: str,
                   manifest: pd.DataFrame) -> plt.Figure:
    """Absolute errors of pro-rata and growth-based projections, two bars an indicator.

    Parameters
    ----------
    scored : pandas.DataFrame
        Backtest rows (:func:`backtest_errors`), with ``prorata_ape``, ``growth_ape`` and
        the reports compared (``base_doc``, ``target_doc``; the source line names them).
    catalogue : pandas.DataFrame
        Indexed by ``indicator_id``, with ``name_en``.
    title, xlabel : str
    manifest : pandas.DataFrame
        The reports' manifest (for the source line).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if scored.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    positions = np.arange(len(scored))
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(scored) + 1))
    ax.barh(positions - 0.2, scored["prorata_ape"], height=0.4, color="#fdae6b", label="pro-rata")
    ax.barh(positions + 0.2, scored["growth_ape"], height=0.4, color="#3182bd", label="growth-based")
    ax.set_yticks(positions, charts.short_labels(catalogue.loc[scored["indicator_id"], "name_en"]))
    charts.horizontal_bars(ax)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    docs = sorted(set(scored["target_doc"]) | set(scored["base_doc"]))
    charts.add_source(fig, charts.source_line(docs, manifest))
    fig.lsreports_rows = scored[BACKTEST_DRAWN]
    return fig


@stored_chart
def monthly_panels(obs: pd.DataFrame, indicator_ids: list[str], catalogue: pd.DataFrame, title: str,
                   manifest: pd.DataFrame) -> plt.Figure:
    """One panel an indicator of its printed month levels, the months no report gives left empty.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations (printed month rows are used: :func:`~lsreports.analysis.tsa.series.monthly_series`).
    indicator_ids : list of str
        One panel each, in order.
    catalogue : pandas.DataFrame
        Indexed by ``indicator_id``, with ``name_en`` and ``unit``.
    title : str
    manifest : pandas.DataFrame
        The reports' manifest (for the source line).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if not indicator_ids:
        raise ValueError(f"nothing to plot for {title!r}")
    fig, axes = plt.subplots(len(indicator_ids), 1, figsize=(8, 2.2 * len(indicator_ids)), sharex=True)
    months, drawn = [], []
    for ax, indicator_id in zip(np.atleast_1d(axes), indicator_ids):
        monthly = monthly_series(obs, indicator_id)
        full = pd.date_range(monthly.series.index.min(), monthly.series.index.max(), freq="MS")
        ax.plot(full, monthly.series.reindex(full), marker="o", color="#08519c")
        drawn.append(pd.DataFrame({"indicator_id": indicator_id, "month": full.strftime("%Y-%m"),
                                   "value": monthly.series.reindex(full).to_numpy()}))
        ax.set_title(f"{catalogue.loc[indicator_id, 'name_en']} ({labels.unit(catalogue.loc[indicator_id, 'unit'])})",
                     fontsize=9)
        months.extend([full.min(), full.max()])
    charts.month_ticks(np.atleast_1d(axes)[-1], min(months), max(months))
    fig.suptitle(title)
    charts.add_source(fig, charts.source_line(obs.loc[obs["indicator_id"].isin(indicator_ids), "source_doc"],
                                              manifest))
    fig.lsreports_rows = pd.concat(drawn, ignore_index=True)
    return fig


__all__ = ["backtest_errors", "backtest_chart", "monthly_panels"]
