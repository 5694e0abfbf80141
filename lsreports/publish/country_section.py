"""The country as context in a domain briefing: one call returns the text, a chart and a table.

For a list of province indicators, :func:`country_context` finds their national
counterparts (:data:`lsreports.analysis.tsa.country.COUNTERPARTS`) and returns:

- sentences computed from the national rows: the data's last month, the long-run and
  last full year's growth (printed rates), the seasonal peak and trough;
- a seaborn chart of each national series month by month, one line a year, so that the
  seasonal pattern and the latest months read at a glance;
- the province's figures beside the country's where both cover the same period, with the
  province's share of the country.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ..analysis.tsa.country import COUNTERPARTS, national_summary, province_beside_country
from ..analysis.tsa.series import indicator_series
from ..sources.loader import indicators, national_observations
from . import labels
from .cite import PLAIN
from .formatting import fixed
from .sentences import printed_row

#: Years drawn in the seasonal chart (the latest ones).
YEARS_SHOWN = 5


@dataclass
class CountryContext:
    """What :func:`country_context` returns: ``text`` (Markdown, or HTML with a page's citations),
    ``figure`` and ``beside`` (a table)."""

    text: str
    figure: plt.Figure | None
    beside: pd.DataFrame


def _label(catalogue: pd.DataFrame, indicator_id: str) -> str:
    name = catalogue.loc[indicator_id, "name_en"].removeprefix("Viet Nam: ")
    return name[:1].upper() + name[1:]


def seasonal_lines(histories: dict[str, pd.Series], titles: dict[str, str], years: int = YEARS_SHOWN) -> plt.Figure:
    """One panel per series: the level by calendar month, one line per year (seaborn)."""
    frames = []
    for series_id, levels in histories.items():
        recent = levels.dropna()
        recent = recent.loc[recent.index.year > recent.index.year.max() - years]
        frames.append(pd.DataFrame({"series": titles[series_id], "year": recent.index.year.astype(str),
                                    "month": recent.index.month, "level": recent.to_numpy()}))
    tidy = pd.concat(frames, ignore_index=True)
    grid = sns.relplot(data=tidy, x="month", y="level", hue="year", col="series", kind="line",
                       col_wrap=min(3, len(histories)), height=2.6, aspect=1.3, facet_kws={"sharey": False},
                       palette="crest", marker="o", markersize=3)
    grid.set_titles("{col_name}", size=9)
    grid.set_axis_labels("", "")
    for ax in grid.axes.flat:
        ax.set_xticks(range(1, 13), [calendar.month_abbr[m][0] for m in range(1, 13)], fontsize=7)
        ax.tick_params(axis="x", labelbottom=True)
        ax.tick_params(axis="y", labelsize=7)
    grid.figure.tight_layout(rect=(0, 0, 0.92, 1))
    sns.move_legend(grid, "center left", bbox_to_anchor=(0.92, 0.5), frameon=False, title="year")
    grid.figure.lsreports_rows = tidy  # the points drawn, for the CSV beside the briefing
    return grid.figure


def _sentences(summary: pd.DataFrame, catalogue: pd.DataFrame, rows: pd.DataFrame, writer) -> list[str]:
    """One sentence per national series; the printed annual rate cited, the computed figures with their formula."""
    out = []
    for series_id, row in summary.iterrows():
        unit = labels.unit(catalogue.loc[series_id, "unit"])
        year = row["last_full_year"]
        printed = (printed_row(rows, series_id, f"{year}-01-01", f"{year}-12-31", "yoy_pct")
                   if year is not None and pd.notna(year) else None)
        last_year = f"{fixed(row['last_year_growth_pct'], 1)} %"
        average = writer.derived(f"{fixed(row['growth_avg_pct'], 1)} %", (
            f"geometric mean of the {row['years']} annual growth rates printed in the GSO's tables, "
            f"to {year}"), series_id)
        profile = (f"seasonal profile of an STL decomposition of the monthly log levels, "
                   f"{row['first']} to {row['last']}: the month's average seasonal component, % of trend")
        out.append(
            f"{writer.label(_label(catalogue, series_id))} ({writer.words(unit)}): data to "
            f"{writer.words(format(row['last'], '%B %Y'))}; {average} a year on average over {row['years']} full years, "
            f"{writer.figure(last_year, printed) if printed is not None else writer.words(last_year)} in {year}; "
            f"the seasonal peak is {calendar.month_name[row['peak_month']]} "
            f"({writer.derived(format(row['peak_pct'], '+.0f') + ' % of trend', profile, series_id)}), the trough "
            f"{calendar.month_name[row['trough_month']]} "
            f"({writer.derived(format(row['trough_pct'], '+.0f') + ' %', profile, series_id)}).")
    return out


def country_context(province_ids: list[str], province_rows: pd.DataFrame, *, writer=PLAIN) -> CountryContext:
    """The national context of some province indicators (see the module docstring).

    Parameters
    ----------
    province_ids : list of str
        Province indicator ids; those without a national counterpart are skipped.
    province_rows : pandas.DataFrame
        The province's observations (derived rows included, to compare last year's levels).
    writer : optional
        :data:`~lsreports.publish.cite.PLAIN` (Markdown, the default) or a page's
        :class:`~lsreports.publish.cite.Citations` (HTML, the printed rates cited).

    Returns
    -------
    CountryContext
    """
    national_ids = list(dict.fromkeys(COUNTERPARTS[i] for i in province_ids if i in COUNTERPARTS))
    catalogue = indicators(national=True).set_index("indicator_id")
    rows = national_observations()
    if not national_ids:
        return CountryContext(writer.words("No national series matches these indicators."), None, pd.DataFrame())
    histories = {i: indicator_series(rows, i) for i in national_ids}
    summary = national_summary(histories, rows)
    last = max(s.dropna().index.max() for s in histories.values())
    text = (writer.paragraph(writer.words(f"National data to {last:%B %Y} (GSO monthly tables):"))
            + writer.bullets(_sentences(summary, catalogue, rows, writer)))
    figure = seasonal_lines(histories, {i: _label(catalogue, i) for i in national_ids})
    pairs = {k: v for k, v in COUNTERPARTS.items() if k in province_ids}
    beside = province_beside_country(province_rows, rows, pairs)
    return CountryContext(text, figure, beside)


def beside_table(beside: pd.DataFrame) -> pd.DataFrame:
    """The same-period comparison as a readable table: period, province, country, share."""
    if beside.empty:
        return beside
    period = beside["start"].dt.strftime("%Y-%m") + " to " + beside["end"].dt.strftime("%Y-%m")
    return pd.DataFrame({"indicator": beside["indicator_id"], "national series": beside["national_id"],
                         "period": period, "measure": beside["measure"], "province": beside["province"].round(1),
                         "country": beside["national"].round(1), "province share, %": beside["share_pct"].round(2),
                         "province source": beside["quote_province"].str.slice(0, 60)})
