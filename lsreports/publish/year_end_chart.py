"""The year to date and the projected year end against plan, one panel per length of year to date.

A January share of the plan and a five-month one are not comparable bars, so each length
of year to date (:func:`lsreports.publish.charts.comparable_length`) gets a panel of its
own; the projected year end (a marker with its band) is a whole year in every panel.
"""
from __future__ import annotations

import textwrap
from collections import Counter

import matplotlib.pyplot as plt
import pandas as pd

from . import charts, labels
from .chart_store import stored_chart
from .charts import _panels, _rows_drawn, horizontal_bars, source_block
from .i18n import pick

_METHOD_MARKERS = (("growth", "o"), ("pro_rata", "s"))
#: A label's longest line, in characters: the bars keep most of the chart's width at 390 px too.
LINE_WIDTH = 34
#: A name is cut (at a word, marked "…") to this many characters, more only where two names would clash.
NAME_WIDTH = 40


def fitted_labels(names: "pd.Series | list[str]", suffixes: "list[str] | None" = None, width: int = NAME_WIDTH,
                  line: int = LINE_WIDTH) -> list[str]:
    """Names cut at a word to ``width`` characters, each followed by its suffix (never cut), wrapped into
    lines of at most ``line`` characters.

    Two labels that would become one once cut are cut longer (by 8 characters at a time) until they
    differ, so no two bars share a label and no name is left whole because of a clash.
    """
    full = [str(name) for name in names]
    suffixes = [""] * len(full) if suffixes is None else [f" {s}" if s else "" for s in suffixes]
    widths = [width] * len(full)
    while True:
        cut = [textwrap.shorten(n, w, placeholder=" …", break_on_hyphens=False) + x
               for n, w, x in zip(full, widths, suffixes)]
        clashes = {c for c, k in Counter(cut).items() if k > 1}
        if not clashes:
            return [textwrap.fill(c, line, break_on_hyphens=False) for c in cut]
        widths = [w + 8 if c in clashes and len(c) < len(n + x) else w
                  for c, w, n, x in zip(cut, widths, full, suffixes)]
        # identical names: nothing left to cut
        if all(len(c) >= len(n + x) for c, n, x in zip(cut, full, suffixes) if c in clashes):
            return [textwrap.fill(c, line, break_on_hyphens=False) for c in cut]


def _panel(ax: plt.Axes, part: pd.DataFrame) -> None:
    part = part.sort_values("projected_pct_of_target")
    ax.barh(part["label"], part["ytd_pct_of_target"], color="#9ecae1", label=pick("year to date", "lũy kế"))
    ax.errorbar(part["projected_pct_of_target"], part["label"],
                xerr=[part["projected_pct_of_target"] - part["lower_pct_of_target"],
                      part["upper_pct_of_target"] - part["projected_pct_of_target"]],
                fmt="none", ecolor="#08519c", elinewidth=1, capsize=2,
                label=pick("band (backtest errors)", "khoảng dao động (theo sai số kiểm định)"))
    for method, marker in _METHOD_MARKERS:
        rows = part.loc[part["method"] == method]
        if len(rows):
            ax.scatter(rows["projected_pct_of_target"], rows["label"], color="#08519c", marker=marker, zorder=3,
                       label=pick(f"projected year end ({labels.method(method, short=True)})",
                                  f"ước cả năm ({labels.method(method, short=True)})"))
    ax.axvline(100, color="black", linewidth=0.8)
    horizontal_bars(ax)


def plan_view(with_target: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The projected rows with a target, labelled ``<name> (<kind of target>)`` in the current language
    (:func:`fitted_labels`: cut and wrapped), for :func:`year_end_chart`.

    Parameters
    ----------
    with_target : pandas.DataFrame
        Rows of :func:`lsreports.analysis.yearend.projection.year_end_projections` with a ``target_kind``.
    catalogue : pandas.DataFrame
        Indexed by ``indicator_id``, with ``name_en`` (and ``name_vi``, used in Vietnamese where filled).
    """
    column = labels.name_column()
    rows = catalogue.loc[with_target["indicator_id"]]
    names = rows[column].where(rows[column].fillna("").astype(str).str.strip() != "", rows["name_en"]) \
        if column in rows else rows["name_en"]
    kinds = [f"({labels.target_kind(kind, short=True)})" for kind in with_target["target_kind"]]
    view = with_target.assign(label=fitted_labels(names, kinds))
    return view.loc[view["method"] != "not_projected"].sort_values("projected_pct_of_target")


@stored_chart
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
            source = source + pick(" ⚑ rests on a flagged input (lsreports flags --indicator ID gives the reason).",
                                   " ⚑ dựa trên số liệu bị đánh dấu (lý do: lsreports flags --indicator ID).")
    panels = _panels(view.assign(start=view["ytd_start"], end=view["ytd_end"]))
    lines = view["label"].str.count("\n") + 1  # a wrapped label takes its rows' height
    fig = plt.figure(figsize=(8, 0.17 * lines.sum() + 0.12 * len(view) + 1.4 + 0.5 * len(panels)))
    grid = fig.add_gridspec(len(panels), 1, height_ratios=[
        (lines.loc[part.index].sum() * 0.17 + 0.12 * len(part)) / 0.28 + 1.2 for _, part in panels])
    axes = [fig.add_subplot(grid[i]) for i in range(len(panels))]
    low = min(0.0, float(view["lower_pct_of_target"].min()))
    high = max(110.0, float(view[["upper_pct_of_target", "ytd_pct_of_target"]].max().max()) * 1.05)
    for ax, (length, part) in zip(axes, panels):
        _panel(ax, part)
        ax.set_xlim(low, high)  # one scale: every marker is a share of a whole year's plan
        ax.set_title(charts.panel_title(length), loc="left", fontsize=9)
        ax.tick_params(axis="y", labelsize=8)
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


__all__ = ["fitted_labels", "plan_view", "year_end_chart"]
