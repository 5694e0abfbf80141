"""The year to date and the projected year end against plan, one panel per length of year to date.

A January share of the plan and a five-month one are not comparable bars, so each length
of year to date (:func:`lsreports.publish.charts.comparable_length`) gets a panel of its
own; the projected year end (a marker with its band) is a whole year in every panel.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis.yearend.projection import TARGET_KIND_LABELS
from . import charts
from .charts import _panels, _rows_drawn, horizontal_bars, short_labels, source_block

_METHOD_MARKERS = (("growth", "o", "growth-based"), ("pro_rata", "s", "pro-rata"))


def _panel(ax: plt.Axes, part: pd.DataFrame) -> None:
    part = part.sort_values("projected_pct_of_target")
    ax.barh(part["label"], part["ytd_pct_of_target"], color="#9ecae1", label="year to date")
    ax.errorbar(part["projected_pct_of_target"], part["label"],
                xerr=[part["projected_pct_of_target"] - part["lower_pct_of_target"],
                      part["upper_pct_of_target"] - part["projected_pct_of_target"]],
                fmt="none", ecolor="#08519c", elinewidth=1, capsize=2, label="band (backtest errors)")
    for method, marker, name in _METHOD_MARKERS:
        rows = part.loc[part["method"] == method]
        if len(rows):
            ax.scatter(rows["projected_pct_of_target"], rows["label"], color="#08519c", marker=marker, zorder=3,
                       label=f"projected year end ({name})")
    ax.axvline(100, color="black", linewidth=0.8)
    horizontal_bars(ax)


def plan_view(with_target: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The projected rows with a target, labelled ``<short name> (<kind of target>)``, for :func:`year_end_chart`.

    Parameters
    ----------
    with_target : pandas.DataFrame
        Rows of :func:`lsreports.analysis.yearend.projection.year_end_projections` with a ``target_kind``.
    catalogue : pandas.DataFrame
        Indexed by ``indicator_id``, with ``name_en``.
    """
    labels = [f"{label} ({TARGET_KIND_LABELS[kind]})" for label, kind in zip(
        short_labels(catalogue.loc[with_target["indicator_id"], "name_en"]), with_target["target_kind"])]
    view = with_target.assign(label=labels)
    return view.loc[view["method"] != "not_projected"].sort_values("projected_pct_of_target")


def year_end_chart(view: pd.DataFrame, title: str, source: str, xlabel: str) -> plt.Figure:
    """Bars of the year to date's share of plan, markers of the projected year end with its band.

    Parameters
    ----------
    view : pandas.DataFrame
        Rows of :func:`lsreports.analysis.yearend.projection.year_end_projections` with a plan and a
        ``label`` column: ``ytd_start``, ``ytd_end``, ``ytd_pct_of_target``,
        ``projected_pct_of_target``, ``lower_pct_of_target``, ``upper_pct_of_target``, ``method``;
        with a ``flags`` column (:func:`lsreports.analysis.checks.flags.annotate_projections`) a flagged
        row's label carries ⚑ and its flags are among the rows drawn.
    title, source, xlabel : str
        The chart's title, source line and x-axis label.

    Returns
    -------
    matplotlib.figure.Figure
        With ``lsreports_panels`` (each panel's length and labels) and ``lsreports_rows``
        (the rows drawn, with their panel).
    """
    if view.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    if "flags" in view:  # a point resting on a flagged input carries the mark; its flags travel with the rows
        flagged = view["flags"].fillna("").astype(str) != ""
        view = view.assign(label=[f"{label} ⚑" if f else label for label, f in zip(view["label"], flagged)])
        if flagged.any():
            source = f"{source} ⚑ rests on a flagged input (lsreports flags --indicator ID gives the reason)."
    panels = _panels(view.assign(start=view["ytd_start"], end=view["ytd_end"]))
    fig = plt.figure(figsize=(8, 0.28 * len(view) + 1.4 + 0.5 * len(panels)))
    grid = fig.add_gridspec(len(panels), 1, height_ratios=[len(part) + 1.2 for _, part in panels])
    axes = [fig.add_subplot(grid[i]) for i in range(len(panels))]
    low = min(0.0, float(view["lower_pct_of_target"].min()))
    high = max(110.0, float(view[["upper_pct_of_target", "ytd_pct_of_target"]].max().max()) * 1.05)
    for ax, (length, part) in zip(axes, panels):
        _panel(ax, part)
        ax.set_xlim(low, high)  # one scale: every marker is a share of a whole year's plan
        ax.set_title(f"Year to date: {length}", loc="left", fontsize=9)
    axes[-1].set_xlabel(xlabel)
    handles = {label: handle for ax in axes for handle, label in zip(*ax.get_legend_handles_labels())}
    source_text = source_block(fig, source)
    source_height = charts.source_height(fig, source_text) * fig.get_figheight()
    fig.legend(handles.values(), handles.keys(), loc="lower left", ncol=2, fontsize=8, frameon=False,
               bbox_to_anchor=(0.01, source_height / fig.get_figheight()))
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    legend_height = (0.22 * -(-len(handles) // 2) + 0.25 + source_height) / fig.get_figheight()
    fig.tight_layout(rect=(0, legend_height, 1, 0.97))
    drawn = pd.concat([part.assign(_panel=length) for length, part in panels])
    fig.lsreports_panels = [(length, part.sort_values("projected_pct_of_target")["label"].tolist()[::-1])
                            for length, part in panels]
    fig.lsreports_rows = _rows_drawn(drawn, "label", "ytd_pct_of_target").join(
        drawn[["projected_pct_of_target", "lower_pct_of_target", "upper_pct_of_target", "method", "target_kind"]])
    return fig


__all__ = ["year_end_chart"]
