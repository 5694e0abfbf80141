"""Charts for the notebooks and briefings: honest bars by period, units on every axis,
a source line naming the reports, and deterministic PNG output.

The reports give a handful of periods per indicator, so the charts are bars by period
and report, never lines drawn through gaps. Text uses DejaVu Sans (bundled with
matplotlib), which covers Vietnamese; tick labels are formatted explicitly.
"""
from __future__ import annotations

import re
import textwrap
from collections import Counter

# No backend is chosen here: importing the library must not switch a user's inline
# backend off. Figures are closed once rendered (png_bytes); where notebooks are rendered
# for storage or briefings, the kernel runs with MPLBACKEND=agg (publish.notebooks).
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from . import labels
from .chart_store import Recipe, render, stored_chart
from .formatting import fmt_number, fmt_pct, unit_label
from ..sources.periods import period_kind, period_label

FONT = "DejaVu Sans"
PALETTE = ["#1f5f8b", "#e07b39", "#4c9a5b", "#8e5ea2", "#c44e52", "#7f7f7f"]


def use_report_style() -> None:
    """Set the fonts, sizes and colours every chart uses, and let tables show full labels.

    Figures are laid out and saved at one resolution, so the text measured for the
    layout is not measured again when the PNG is drawn.
    """
    pd.set_option("display.max_colwidth", 90)
    plt.rcParams.update({
        "text.parse_math": False,  # a "$" in a label from the data is text, never mathtext
        "font.family": FONT, "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "axes.grid.axis": "y",
        "grid.alpha": 0.3, "figure.dpi": 110, "savefig.dpi": "figure", "axes.prop_cycle": plt.cycler(color=PALETTE),
    })


def source_line(docs, manifest: pd.DataFrame) -> str:
    """Return "Source: Lạng Sơn socio-economic reports to November 2025, ...; lsreports curated data."

    Reports are named by the period they cover (:func:`lsreports.publish.labels.report_names`).
    """
    names = labels.report_names(manifest)
    ordered = sorted(set(docs), key=lambda doc: (str(manifest.set_index("id")["period_end"].get(doc, "")), doc))
    from .i18n import t

    listed = [names.get(doc, f"report {doc}").removeprefix("report ").removeprefix("báo cáo ") for doc in ordered]
    return t("chart.source_one" if len(listed) == 1 else "chart.source_many", reports=", ".join(listed))


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
    fit_layout(fig, ax, rect=(0, source_height(fig, source_block(fig, source)), 1, 1))
    return fig


def comparable_length(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Name the class of periods a bar may stand beside: same kind and same length.

    Months are comparable with months, stocks at a date with stocks at a date, years
    with years; a year to date only with years to date of as many months ("Jan-Nov"
    with "Jan-Nov", never with the first half); a year to a stated day only with the
    same day.

    Examples
    --------
    >>> comparable_length(pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30"))
    'first half'
    """
    kind = period_kind(start, end)
    if kind == "ytd":
        months = end.month
        return "first half" if months == 6 else f"{months} month{'s' if months > 1 else ''} to date"
    if kind == "ytd_day":
        return f"to {end:%d %b}"
    if kind == "span":
        return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    return {"month": "month", "point": "at a date", "year": "whole year"}[kind]


def panel_title(length: str) -> str:
    """A panel's length (:func:`comparable_length`) as its title, in the current language."""
    from .i18n import lang

    if lang() == "vi":
        months = re.fullmatch(r"(\d+) months? to date", length)
        day = re.fullmatch(r"to (\d+) (\w{3})", length)
        month_number = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                    "Oct", "Nov", "Dec"), start=1)}
        length = (f"lũy kế {months[1]} tháng" if months else
                  f"đến ngày {int(day[1])}/{month_number.get(day[2], day[2])}" if day else
                  {"first half": "6 tháng đầu năm", "month": "tháng", "at a date": "tại một thời điểm",
                   "whole year": "cả năm"}.get(length, length))
    return length[0].upper() + length[1:]


def _names_in_language(frame: pd.DataFrame, label_column: str) -> pd.DataFrame:
    """The catalogue's English names of ``frame`` (``name_en``) in the current language's names."""
    if label_column != "name_en" or "indicator_id" not in frame:
        return frame
    from ..sources.loader import indicators
    from .i18n import lang

    if lang() == "en":
        return frame
    names = labels.indicator_names(indicators(national=True))
    return frame.assign(name_en=[names.get(i, n) for i, n in zip(frame["indicator_id"], frame["name_en"])])


def _panels(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Split rows into panels of comparable periods (:func:`comparable_length`), in time order."""
    lengths = pd.Series([comparable_length(s, e) for s, e in zip(frame["start"], frame["end"])], index=frame.index)
    order = list(dict.fromkeys(lengths.loc[frame.sort_values(["end", "start"]).index]))
    return [(length, frame.loc[lengths == length]) for length in order]


def _period_positions(part: pd.DataFrame, length: str) -> tuple[list[str], list[float]]:
    """Tick labels and x positions of a panel's periods: months sit on a time axis (gaps show)."""
    periods = part[["start", "end"]].drop_duplicates().sort_values(["end", "start"])
    labels_ = [period_label(s, e) for s, e in zip(periods["start"], periods["end"])]
    if length != "month":
        return labels_, [float(i) for i in range(len(labels_))]
    first = periods["start"].iloc[0]
    return labels_, [float((s.year - first.year) * 12 + s.month - first.month) for s in periods["start"]]


#: The mark a chart puts after the value of a figure the checks flag (as the pages do).
FLAG_MARK = "⚑"


def figure_flag_reasons(frame: pd.DataFrame) -> list[str]:
    """Per row, the reasons in words of the flags its figure carries ('' for none).

    A row's own curated ``flag`` and the findings of every check that concern the figure
    (:func:`lsreports.analysis.checks.flags.figure_flags`: the same report's consistency
    and break-of-basis flags, the vintage spans it enters, a national cell's checks). A
    frame without ``indicator_id``, ``start`` and ``end`` carries none.
    """
    if frame.empty or not {"indicator_id", "start", "end"} <= set(frame.columns):
        return [""] * len(frame)
    from ..analysis.checks.flags import FigureFlags, flags

    national = bool(frame["indicator_id"].astype(str).str.startswith("vn_").any())
    table = FigureFlags(flags(national=national))
    out = []
    for row in frame.to_dict("records"):
        own = row.get("flag")
        reasons = ([f"{own}: {row.get('note')}" if isinstance(row.get("note"), str) and row.get("note") else str(own)]
                   if isinstance(own, str) and own else [])
        reasons += table.reasons(row)
        out.append("; ".join(dict.fromkeys(reasons)))
    return out


def _marked(texts: list[str], reasons: list[str]) -> list[str]:
    """The value labels, each flagged figure's followed by :data:`FLAG_MARK`."""
    return [f"{text} {FLAG_MARK}" if reason else text for text, reason in zip(texts, reasons)]


def _flag_note(frame: pd.DataFrame, source: str) -> str:
    """The source line, with a line saying what ⚑ means where the chart marks a figure."""
    if not any(figure_flag_reasons(frame)):
        return source
    from .i18n import lang

    note = ("⚑ số liệu được kiểm tra đánh dấu: lý do trong dữ liệu của biểu đồ (CSV) và phần Nguồn"
            if lang() == "vi" else
            "⚑ a figure the checks flag: the reasons are in the chart's data (CSV) and under Sources")
    return f"{source}\n{note}"


def _draw_panel(ax: plt.Axes, part: pd.DataFrame, length: str, series: list[str], label_column: str,
                value_column: str) -> list:
    """Grouped bars of one panel; return (bars, texts) for the value labels drawn after the layout."""
    ticks, positions = _period_positions(part, length)
    where = dict(zip(ticks, positions))
    width = 0.8 / len(series)
    value_labels = []
    for i, name in enumerate(series):
        rows = part.loc[part[label_column] == name]
        if rows.empty:
            continue
        x = [where[period_label(s, e)] + (i - (len(series) - 1) / 2) * width for s, e in zip(rows["start"], rows["end"])]
        bars = ax.bar(x, rows[value_column], width=width * 0.95, label=name, color=PALETTE[i % len(PALETTE)])
        value_labels.append((bars, _marked([fmt_number(v) for v in rows[value_column]],
                                           figure_flag_reasons(rows))))
    ax.set_xticks(positions, ticks)
    ax.set_xlim(min(positions) - 0.6, max(positions) + 0.6)
    top = float(part[value_column].max())
    ax.set_ylim(0, top * (1.12 + 0.09 * len(series)))  # headroom for value labels and the legend
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_number(v)))
    return value_labels


def _slots(part: pd.DataFrame, length: str) -> float:
    """Width of a panel in period slots (a month panel counts the months between its first and last)."""
    return max(_period_positions(part, length)[1][-1] + 1, 1.5)


def _panel_axes(widths: list[float], n_series: int) -> tuple[plt.Figure, list[plt.Axes]]:
    """One axes per panel, at most three to a row, each as wide as its periods need."""
    if len(widths) == 1:
        fig, ax = plt.subplots(figsize=(9, 4.6))
        return fig, [ax]
    rows = [widths[i:i + 3] for i in range(0, len(widths), 3)]
    total = max(sum(row) for row in rows)
    fig = plt.figure(figsize=(9, 1.0 + 0.3 * n_series + 3.2 * len(rows)))
    outer = fig.add_gridspec(len(rows), 1)
    axes = []
    for r, row in enumerate(rows):
        ratios = row + ([total - sum(row)] if total - sum(row) > 0.01 else [])
        inner = outer[r].subgridspec(1, len(ratios), width_ratios=ratios)
        axes += [fig.add_subplot(inner[0, c]) for c in range(len(row))]
    return fig, axes


@stored_chart
def bars_by_period(frame: pd.DataFrame, title: str, source: str, *, label_column: str = "name_en",
                   value_column: str = "value", ylabel: str | None = None) -> plt.Figure:
    """Grouped bars by period (in time order), one bar per series, one panel per period length.

    Periods of different lengths are never bars side by side: a month, a year to date of
    five months, one of eleven months and a first half each get a panel of their own
    (:func:`comparable_length`), with its own scale. Months sit on a time axis, so
    months that are not consecutive leave a gap.

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

    Returns
    -------
    matplotlib.figure.Figure
        With ``lsreports_rows`` (the rows drawn, with their panel) and ``lsreports_panels``
        (each panel's length and periods) for :func:`show` and the tests.

    Raises
    ------
    ValueError
        If the frame is empty or mixes units (bars in different units on one axis mislead).
    """
    if frame.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    frame = _names_in_language(frame, label_column)
    units = frame["unit"].unique()
    if len(units) != 1:
        raise ValueError(f"{title!r} mixes units {sorted(units)}: plot them on separate charts")
    source = _flag_note(frame, source)
    frame = frame.sort_values(["end", "start"])
    panels = _panels(frame)
    series = list(dict.fromkeys(frame[label_column]))
    fig, axes = _panel_axes([_slots(part, length) for length, part in panels], len(series))
    value_labels = []
    for ax, (length, part) in zip(axes, panels):
        value_labels += _draw_panel(ax, part, length, series, label_column, value_column)
        if len(panels) > 1:
            ax.set_title(panel_title(length), loc="left", fontsize=9)
    if len(series) > 1:
        handles = {h.get_label(): h for ax in axes for h in ax.get_legend_handles_labels()[0]}
        shown = [name for name in series if name in handles]
        legend_at = axes[0] if len(panels) == 1 else fig
        legend_at.legend([handles[name] for name in shown], shown, frameon=False, fontsize=8.5, loc="upper left",
                         **({} if len(panels) == 1 else {"bbox_to_anchor": (0.01, 0.95)}))
    if len(panels) == 1:
        _finish(fig, axes[0], title, ylabel or unit_label(units[0]), source)
    else:
        axes[0].set_ylabel(ylabel or unit_label(units[0]))
        fig.suptitle(title, x=0.01, y=0.99, ha="left", fontsize=12, fontweight="bold")
        bottom = source_height(fig, source_block(fig, source))
        top = 0.93 - 0.035 * len(series)  # room for the title and the legend above the panels
        fig.tight_layout(rect=(0, bottom, 1, top))
    for bars, texts in value_labels:  # inside the axes (the headroom above), so added after the layout
        bars[0].axes.bar_label(bars, labels=texts, fontsize=7.5, padding=2)
    fig.lsreports_panels = [(length, [period_label(s, e) for s, e in
                                      part[["start", "end"]].drop_duplicates().itertuples(index=False)])
                            for length, part in panels]
    fig.lsreports_rows = _rows_drawn(pd.concat([part.assign(_panel=length) for length, part in panels]),
                                     label_column, value_column)
    return fig


def _rows_drawn(frame: pd.DataFrame, label_column: str, value_column: str) -> pd.DataFrame:
    """The rows a chart draws, in the columns a reader needs (for the CSV beside the page).

    A frame with ``start`` and ``end`` must carry ``_panel``, the panel each row was drawn in.
    """
    wanted = ["indicator_id", label_column, "start", "end", "period", "measure", value_column, "unit",
              "source_doc", "status", "flag", "note"]
    rows = frame[[c for c in dict.fromkeys(wanted) if c in frame.columns]].copy()
    if {"start", "end"} <= set(rows.columns):
        # the panel each row was drawn in (``_panel``, set by the drawing code), so that the
        # tests check what was drawn, not what the row's own period says
        rows.insert(rows.columns.get_loc("end") + 1, "panel", frame["_panel"].to_numpy())
        for column in ("start", "end"):
            rows[column] = pd.to_datetime(rows[column]).dt.strftime("%Y-%m-%d")
    if "unit" in rows:
        rows["unit"] = [labels.unit(u) for u in rows["unit"]]
    # what the checks know of each figure, in words (a frame may carry them already: the year ends')
    rows["flags"] = frame["flags"].to_numpy() if "flags" in frame else figure_flag_reasons(frame)
    return rows


@stored_chart
def change_bars(frame: pd.DataFrame, title: str, source: str, *, label_column: str = "name_en",
                value_column: str = "value", xlabel: str = "% change on the same period a year earlier"
                ) -> plt.Figure:
    """Horizontal bars of percentage changes (or shares), one per row, labelled with their value.

    Rows of periods of different lengths (a month's share of the year's plan and an
    11-month one) are never bars of one panel: each length (:func:`comparable_length`)
    gets a panel of its own, in time order, titled with the length. Within a panel the
    rows keep the frame's order. A frame without ``start``/``end`` is one panel.

    Returns
    -------
    matplotlib.figure.Figure
        With ``lsreports_rows`` (the rows drawn, each with the panel it was drawn in) and
        ``lsreports_panels`` (each panel's length and bar labels, top to bottom).
    """
    if frame.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    frame = _names_in_language(frame, label_column)
    source = _flag_note(frame, source)
    panels = _panels(frame) if {"start", "end"} <= set(frame.columns) else [("", frame)]
    fig = plt.figure(figsize=(9, 0.42 * len(frame) + 1.6 + 0.55 * (len(panels) - 1)))
    grid = fig.add_gridspec(len(panels), 1, height_ratios=[len(part) + 0.6 for _, part in panels])
    axes = [fig.add_subplot(grid[i]) for i in range(len(panels))]
    values = frame[value_column].astype(float)
    span = max(float(values.max()), 0.0) - min(float(values.min()), 0.0) or 1.0
    limits = (min(float(values.min()), 0.0) - 0.15 * span * (values.min() < 0),
              max(float(values.max()), 0.0) + 0.15 * span)
    for ax, (length, part) in zip(axes, panels):
        _draw_change_panel(ax, part, label_column, value_column, signed="change" in xlabel)
        ax.set_xlim(*limits)  # one scale in every panel: a bar's length is its value
        if len(panels) > 1:
            ax.set_title(panel_title(length), loc="left", fontsize=9)
    axes[-1].set_xlabel(xlabel)
    heading = fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    source_text = source_block(fig, source)
    below_heading = heading.get_window_extent(fig.canvas.get_renderer()).y0 / fig.bbox.height
    above_source = source_height(fig, source_text)
    if len(panels) == 1:
        fit_layout(fig, axes[0], rect=(0, above_source, 1, below_heading), passes=2)
    else:
        fig.tight_layout(rect=(0, above_source, 1, below_heading))
    fig.lsreports_panels = [(length, part[label_column].tolist()) for length, part in panels]
    fig.lsreports_rows = _rows_drawn(pd.concat([part.assign(_panel=length) for length, part in panels]),
                                     label_column, value_column)
    return fig


def _draw_change_panel(ax: plt.Axes, part: pd.DataFrame, label_column: str, value_column: str, *,
                       signed: bool) -> None:
    """One panel of :func:`change_bars`: the rows top to bottom, a zero line, value labels."""
    part = part.iloc[::-1]
    colours = [PALETTE[0] if v >= 0 else PALETTE[4] for v in part[value_column]]
    bars = ax.barh(part[label_column], part[value_column], color=colours)
    ax.axvline(0, color="#333333", linewidth=0.8)
    horizontal_bars(ax)
    # the value labels can reach past the x limits, so the layout measures them
    ax.bar_label(bars, labels=_marked([fmt_pct(v, signed=signed) for v in part[value_column]],
                                      figure_flag_reasons(part)),
                 fontsize=8, padding=2)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}%"))


@stored_chart
def plan_path_chart(paths: pd.DataFrame, catalogue: pd.DataFrame, title: str, source: str) -> plt.Figure:
    """Cumulative % of plan by months covered, one panel per indicator and one line per plan year.

    ``paths`` is :func:`lsreports.analysis.yearend.pace.plan_paths`. Each panel has the straight
    on-pace line (dashed) and 100 % of plan; points are the printed percentages, joined
    only within a plan year (a year's first point is joined to the origin).
    """
    if paths.empty:
        raise ValueError(f"nothing to plot for {title!r}")
    names = labels.indicator_names(catalogue)
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
                ax.annotate(fmt_pct(v, signed=False), (m, v), textcoords="offset points", xytext=(3, 4), fontsize=7)
        ax.set_xlim(0, last + 0.5)
        ax.set_ylim(0, top)
        ax.set_xticks(range(0, int(last) + 1, 2))
        ax.set_xlabel("months from 1 January of the plan year")
        ax.set_title("\n".join(textwrap.wrap(str(names.get(indicator_id, indicator_id)), 45)), fontsize=9)
        ax.legend(fontsize=7, loc="upper left")
    axes[0][0].set_ylabel("cumulative % of the year's plan")
    axes[0][0].yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}%"))
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    fig.lsreports_rows = paths  # the points drawn, for the CSV beside the briefing
    return add_source(fig, source)


@stored_chart
def months_by_basis(shown: pd.DataFrame, indicator_id: str, title: str, ylabel: str) -> plt.Figure:
    """Monthly bars of one indicator, one panel (own y-axis) per basis where its definition changed.

    ``shown`` has ``month`` (text), ``value`` and ``row`` (``printed`` or ``derived``). Months on
    an old basis (:mod:`lsreports.analysis.checks.breaks`) are drawn apart, never on one axis
    with the current ones: a change of basis is not growth. The rows drawn (with ``basis``)
    are attached as ``fig.lsreports_rows``.
    """
    import seaborn as sns

    from ..analysis.checks.breaks import basis_labels

    ends = pd.PeriodIndex(shown["month"], freq="M").to_timestamp(how="end").normalize()
    rows = shown.assign(basis=basis_labels(indicator_id, pd.Series(ends, index=shown.index)).to_numpy())
    sides = list(dict.fromkeys(rows["basis"]))
    widths = [max(rows["basis"].eq(side).sum(), 2) for side in sides]
    fig, axes = plt.subplots(1, len(sides), figsize=(9, 4.2), gridspec_kw={"width_ratios": widths}, squeeze=False)
    for ax, side in zip(axes[0], sides):
        part = rows.loc[rows["basis"] == side]
        sns.barplot(data=part, x="month", y="value", hue="row", hue_order=["printed", "derived"], dodge=False, ax=ax)
        ax.set(title=side if len(sides) > 1 else "", xlabel="", ylabel=ylabel if ax is axes[0][0] else "")
        ax.tick_params(axis="x", labelrotation=90)
        if ax is not axes[0][-1] and ax.get_legend():
            ax.get_legend().remove()
    fig.suptitle(title + (" (a change of basis: separate panels and scales)" if len(sides) > 1 else ""))
    fig.lsreports_rows = rows
    return fig


def show(fig: "plt.Figure | Recipe", data: pd.DataFrame | None = None) -> None:
    """Display a figure in a notebook as a PNG image, followed by the rows it draws.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or lsreports.publish.chart_store.Recipe
        The chart (closed once rendered). A recipe (a chart function's result in a briefing
        build's kernel) is shown from the chart store when its inputs did not change.
    data : pandas.DataFrame, optional
        The rows it draws; by default the ones the chart functions attach
        (``fig.lsreports_rows``). They are displayed as CSV, which the briefing build
        writes beside the page and links under the chart; in JupyterLab the output shows
        their count.
    """
    from IPython.display import Image, display

    if isinstance(fig, Recipe):
        shown = fig.rendered() if data is None else render(fig.figure(), data)
    else:
        shown = render(fig, data)
    display(Image(data=shown.png, format="png", alt=shown.alt))
    if shown.rows_csv is not None:
        display({"text/csv": shown.rows_csv,
                 "text/plain": f"(the {shown.rows_count} rows of the chart above, as CSV beside the briefing)"}, raw=True)


def month_ticks(ax: plt.Axes, start: pd.Timestamp, end: pd.Timestamp, *, every: int = 2, most: int = 12) -> None:
    """Tick a date axis at every ``every``-th month start from ``start`` to ``end``, labelled YYYY-MM.

    Over a long span the step widens (to 3, 6, 12, 24 months) so that at most ``most``
    ticks are drawn and their labels never run into each other. Fixed ticks, formatted
    here: matplotlib's automatic date locator searches its rules again at every layout
    and draw, which made a four-panel chart take twice as long.
    """
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    months = (pd.Timestamp(end).year - first.year) * 12 + pd.Timestamp(end).month - first.month + 1
    for step in (every, 3, 6, 12, 24, 60):
        if step >= every and months / step <= most:
            every = step
            break
    ticks = pd.date_range(first, end, freq=f"{every}MS")
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


def source_block(fig: plt.Figure, source: str) -> str:
    """Write the source line at the figure's foot, wrapped to the figure's width; return the text drawn."""
    # ~17 characters an inch at 7.5 pt (Vietnamese names run wide); each line of the source kept a line of its own
    wrapped = "\n".join(textwrap.fill(part, width=int(fig.get_figwidth() * 17)) for part in source.split("\n"))
    fig.text(0.01, 0.005, wrapped, fontsize=7.5, color="#555555", ha="left", va="bottom")
    return wrapped


def source_height(fig: plt.Figure, drawn: str) -> float:
    """The height the source lines :func:`source_block` drew take at the foot, in figure fractions."""
    return (0.13 * drawn.count("\n") + 0.28) / fig.get_figheight()


def add_source(fig: "plt.Figure | Recipe", source: str) -> "plt.Figure | Recipe":
    """Put the source line under a figure built by hand and lay it out leaving room for it."""
    if isinstance(fig, Recipe):
        return fig.then(add_source, source)
    bottom = source_height(fig, source_block(fig, source))
    if len(fig.axes) == 1 and fig.get_suptitle() == "":
        fit_layout(fig, fig.axes[0], rect=(0, bottom, 1, 1))
    else:  # several axes (or a figure title): matplotlib's general layout
        fig.tight_layout(rect=(0, bottom, 1, 1))
    return fig
