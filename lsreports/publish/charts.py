"""Charts for the notebooks and briefings: honest bars by period, units on every axis,
a source line naming the reports, and deterministic PNG output.

The reports give a handful of periods per indicator, so the charts are bars by period
and report, never lines drawn through gaps. Text uses DejaVu Sans (bundled with
matplotlib), which covers Vietnamese; tick labels are formatted explicitly.
"""
from __future__ import annotations

import io
import textwrap
from collections import Counter

# No backend is chosen here: importing the library must not switch a user's inline
# backend off. Figures are closed once rendered (png_bytes); where notebooks are rendered
# for storage or briefings, the kernel runs with MPLBACKEND=agg (publish.notebooks).
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from .formatting import fmt_number, unit_label
from ..sources.periods import period_label

FONT = "DejaVu Sans"
PALETTE = ["#1f5f8b", "#e07b39", "#4c9a5b", "#8e5ea2", "#c44e52", "#7f7f7f"]


def use_report_style() -> None:
    """Set the fonts, sizes and colours every chart uses, and let tables show full labels.

    Figures are laid out and saved at one resolution, so the text measured for the
    layout is not measured again when the PNG is drawn.
    """
    pd.set_option("display.max_colwidth", 90)
    plt.rcParams.update({
        "font.family": FONT, "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "axes.grid.axis": "y",
        "grid.alpha": 0.3, "figure.dpi": 110, "savefig.dpi": "figure", "axes.prop_cycle": plt.cycler(color=PALETTE),
    })


def source_line(docs, manifest: pd.DataFrame) -> str:
    """Return "Source: Lạng Sơn reports 000 (to 2025-11), ..." for the reports a chart uses."""
    periods = manifest.set_index("id")["period_end"]
    names = [f"{doc[:3]} (to {periods[doc]:%Y-%m})" if doc in periods.index else doc[:3]
             for doc in sorted(set(docs))]
    return "Source: Lạng Sơn socio-economic reports " + ", ".join(names) + "; lsreports curated data."


def fit_layout(fig: plt.Figure, ax: plt.Axes, rect: tuple[float, float, float, float] = (0, 0, 1, 1), *,
               passes: int = 1) -> None:
    """Size a figure's one axes so that it and its labels fill ``rect`` (figure fractions).

    What ``Figure.tight_layout`` does for a single axes, measured with the canvas's own
    renderer, which the PNG is then drawn with (tight_layout first renders the figure in
    a dry run). The padding is tight_layout's: 1.08 × the font size. A second pass
    settles labels whose overhang depends on the axes' width (value labels at bar ends).
    """
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    pad = 1.08 * plt.rcParams["font.size"] * fig.dpi / 72
    for _ in range(passes):
        _keep_titles_within(ax, renderer, rect[0] * width + pad, rect[2] * width - pad)
        tight = ax.get_tightbbox(renderer)
        params = fig.subplotpars
        fig.subplots_adjust(left=params.left + (rect[0] * width + pad - tight.x0) / width,
                            right=params.right + (rect[2] * width - pad - tight.x1) / width,
                            bottom=params.bottom + (rect[1] * height + pad - tight.y0) / height,
                            top=params.top + (rect[3] * height - pad - tight.y1) / height)
        _keep_titles_within(ax, renderer, rect[0] * width + pad, rect[2] * width - pad)


def _keep_titles_within(ax: plt.Axes, renderer, left: float, right: float) -> None:
    """Shift an axes title or x-axis label sideways, as little as needed, to lie within ``left``..``right`` (px).

    A title is anchored to the axes, not the figure: over long category labels the axes
    start far from the figure's edge, and no margin makes room for a title that is wider
    than the axes and the space to their right. Shifted, it runs over the labels' column.
    """
    # the left and right titles have no public handle (set_title(loc=...) fills them); the
    # x-axis label is centred under the axes and, like a title, left out of their tight box
    for title in (ax.title, ax._left_title, ax._right_title, ax.xaxis.label):
        if not title.get_text():
            continue
        extent = title.get_window_extent(renderer)
        target = min(max(extent.x0, left), max(left, right - extent.width))
        if target != extent.x0:
            title.set_x(title.get_position()[0] + (target - extent.x0) / ax.bbox.width)


def _finish(fig: plt.Figure, ax: plt.Axes, title: str, ylabel: str, source: str) -> plt.Figure:
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_number(v)))
    fig.text(0.01, 0.01, source, fontsize=7.5, color="#555555", ha="left", va="bottom")
    fit_layout(fig, ax, rect=(0, 0.05, 1, 1))
    return fig


def bars_by_period(frame: pd.DataFrame, title: str, source: str, *, label_column: str = "name_en",
                   value_column: str = "value", ylabel: str | None = None) -> plt.Figure:
    """Grouped bars: one group per period (in time order), one bar per series.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows with ``start``, ``end``, ``unit``, the label and the value columns (as
        :func:`lsreports.load` returns); all rows must share one unit.
    title, source : str
        Chart title and source line.
    label_column, value_column : str
        Columns naming the series and holding the values.
    ylabel : str, optional
        Axis label; defaults to the unit's label.

    Raises
    ------
    ValueError
        If the frame is empty or mixes units (bars in different units on one axis mislead).
    """
    if frame.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    units = frame["unit"].unique()
    if len(units) != 1:
        raise ValueError(f"{title!r} mixes units {sorted(units)}: plot them on separate charts")
    frame = frame.sort_values(["end", "start"])
    periods = list(dict.fromkeys(period_label(s, e) for s, e in zip(frame["start"], frame["end"])))
    series = list(dict.fromkeys(frame[label_column]))
    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(9, 4.6))
    x = np.arange(len(periods))
    value_labels = []
    for i, name in enumerate(series):
        part = frame.loc[frame[label_column] == name]
        labels = [period_label(s, e) for s, e in zip(part["start"], part["end"])]
        positions = [periods.index(label) + (i - (len(series) - 1) / 2) * width for label in labels]
        bars = ax.bar(positions, part[value_column], width=width * 0.95, label=name)
        value_labels.append((bars, [fmt_number(v) for v in part[value_column]]))
    ax.set_xticks(x, periods)
    top = float(frame[value_column].max())
    ax.set_ylim(0, top * (1.12 + 0.09 * len(series)))  # headroom for value labels and the legend
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=8.5, loc="upper left")
    _finish(fig, ax, title, ylabel or unit_label(units[0]), source)
    for bars, texts in value_labels:  # inside the axes (the headroom above), so added after the layout
        ax.bar_label(bars, labels=texts, fontsize=7.5, padding=2)
    return fig


def change_bars(frame: pd.DataFrame, title: str, source: str, *, label_column: str = "name_en",
                value_column: str = "value", xlabel: str = "% change on the same period a year earlier"
                ) -> plt.Figure:
    """Horizontal bars of percentage changes (or shares), one per row, labelled with their value."""
    if frame.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    frame = frame.iloc[::-1]
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(frame) + 1.6))
    colours = [PALETTE[0] if v >= 0 else PALETTE[4] for v in frame[value_column]]
    bars = ax.barh(frame[label_column], frame[value_column], color=colours)
    ax.axvline(0, color="#333333", linewidth=0.8)
    horizontal_bars(ax)
    ax.margins(x=0.15)  # room for the value labels at both ends
    # the value labels can reach past the x margins, so the layout measures them
    ax.bar_label(bars, labels=[f"{v:+.1f}%" if "change" in xlabel else f"{v:.1f}%" for v in frame[value_column]],
                 fontsize=8, padding=2)
    heading = fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}%"))
    fig.text(0.01, 0.01, source, fontsize=7.5, color="#555555", ha="left", va="bottom")
    below_heading = heading.get_window_extent(fig.canvas.get_renderer()).y0 / fig.bbox.height
    fit_layout(fig, ax, rect=(0, 0.05, 1, below_heading), passes=2)
    return fig


def plan_path_chart(paths: pd.DataFrame, catalogue: pd.DataFrame, title: str, source: str) -> plt.Figure:
    """Cumulative % of plan by months covered, one panel per indicator and one line per plan year.

    ``paths`` is :func:`lsreports.analysis.pace.plan_paths`. Each panel has the straight
    on-pace line (dashed) and 100 % of plan; points are the printed percentages, joined
    only within a plan year (a year's first point is joined to the origin).
    """
    if paths.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    names = catalogue.set_index("indicator_id")["name_en"]
    ids = list(dict.fromkeys(paths["indicator_id"]))
    fig, axes = plt.subplots(1, len(ids), figsize=(4.2 * len(ids) + 0.6, 3.6), squeeze=False, sharey=True)
    top = max(110.0, float(paths["pct"].max()) + 10)
    for ax, indicator_id in zip(axes[0], ids):
        mine = paths.loc[paths["indicator_id"] == indicator_id]
        last = float(max(12.0, mine["months"].max()))
        ax.plot([0, 12], [0, 100], linestyle="--", color="#999999", linewidth=1, label="on pace")
        ax.axhline(100, color="#333333", linewidth=0.8)
        for i, (year, group) in enumerate(mine.groupby("year")):
            ax.plot([0, *group["months"]], [0, *group["pct"]], marker="o", color=PALETTE[i % len(PALETTE)],
                    label=f"plan {year}")
            for m, v in zip(group["months"], group["pct"]):
                ax.annotate(f"{v:.1f}%", (m, v), textcoords="offset points", xytext=(3, 4), fontsize=7)
        ax.set_xlim(0, last + 0.5)
        ax.set_ylim(0, top)
        ax.set_xticks(range(0, int(last) + 1, 2))
        ax.set_xlabel("months from 1 January of the plan year")
        ax.set_title("\n".join(textwrap.wrap(str(names.get(indicator_id, indicator_id)), 45)), fontsize=9)
        ax.legend(fontsize=7, loc="upper left")
    axes[0][0].set_ylabel("cumulative % of the year's plan")
    axes[0][0].yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    return add_source(fig, source)


def png_bytes(fig: plt.Figure) -> bytes:
    """Render a figure to PNG without timestamps or software tags (same figure, same bytes)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    plt.close(fig)
    return buffer.getvalue()


def show(fig: plt.Figure) -> None:
    """Display a figure in a notebook as a PNG image (no ``<Figure size ...>`` repr in the output)."""
    from IPython.display import Image, display

    display(Image(data=png_bytes(fig), format="png"))


def month_ticks(ax: plt.Axes, start: pd.Timestamp, end: pd.Timestamp, *, every: int = 2) -> None:
    """Tick a date axis at every ``every``-th month start from ``start`` to ``end``, labelled YYYY-MM.

    Fixed ticks, formatted here: matplotlib's automatic date locator searches its rules
    again at every layout and draw, which made a four-panel chart take twice as long.
    """
    ticks = pd.date_range(pd.Timestamp(start).to_period("M").to_timestamp(), end, freq=f"{every}MS")
    ax.set_xticks(ticks, [f"{tick:%Y-%m}" for tick in ticks])


def horizontal_bars(ax: plt.Axes) -> None:
    """Grid and margins for horizontal bars: vertical grid lines to read values against, no
    horizontal ones between the categories, and no empty band above the first bar."""
    ax.grid(axis="x", alpha=0.3)
    ax.grid(axis="y", visible=False)
    ax.margins(y=0.01)


def short_labels(names: "pd.Series | list[str]", width: int = 40) -> list[str]:
    """Category labels cut at a word boundary to ``width`` characters (marked "…").

    Names that would become identical once cut are kept whole, so two bars never share
    a label.

    Parameters
    ----------
    names : sequence of str
        Full names, for example the catalogue's ``name_en``.
    width : int, default 40
        Longest label, in characters.

    Returns
    -------
    list of str
        One label per name, in order.
    """
    full = [str(name) for name in names]
    cut = [textwrap.shorten(name, width, placeholder=" …", break_on_hyphens=False) for name in full]
    clashes = {label for label, count in Counter(cut).items() if count > 1}
    return [whole if label in clashes else label for whole, label in zip(full, cut)]


def add_source(fig: plt.Figure, source: str) -> plt.Figure:
    """Put the source line under a figure built by hand and lay it out leaving room for it."""
    fig.text(0.01, 0.005, source, fontsize=7.5, color="#555555", ha="left", va="bottom")
    if len(fig.axes) == 1 and fig.get_suptitle() == "":
        fit_layout(fig, fig.axes[0], rect=(0, 0.04, 1, 1))
    else:  # several axes (or a figure title): matplotlib's general layout
        fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
