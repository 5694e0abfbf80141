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

from ..analysis.tsa.country import (COUNTERPARTS, YTD_PAIRS, national_summary, province_beside_country,
                                    report_periods, years_to_date_beside)
from ..analysis.tsa.series import indicator_series
from ..sources.loader import indicators, national_observations, reports
from ..sources.national_join import reach
from . import labels
from .chart_store import stored_chart
from .cite import PLAIN
from .formatting import fixed, localise
from .i18n import lang
from .labels import period as period_words
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
    years_to_date: pd.DataFrame | None = None


def _label(catalogue: pd.DataFrame, indicator_id: str) -> str:
    name = catalogue.loc[indicator_id, "name_en"].removeprefix("Viet Nam: ")
    return name[:1].upper() + name[1:]


@stored_chart
def seasonal_lines(histories: dict[str, pd.Series], titles: dict[str, str], years: int = YEARS_SHOWN) -> plt.Figure:
    """One panel per series: the level by calendar month, one line per year (seaborn)."""
    import seaborn as sns  # imported when a chart is drawn: a build that reads its charts back never needs it

    frames = []
    for series_id, levels in histories.items():
        recent = levels.dropna()
        recent = recent.loc[recent.index.year > recent.index.year.max() - years]
        # a run of consecutive months is one line: a month no source covers breaks it, never bridged
        run = (pd.Series(recent.index.to_timestamp()).diff() > pd.Timedelta(days=31)).cumsum().to_numpy()
        frames.append(pd.DataFrame({"series": titles[series_id], "year": recent.index.year.astype(str),
                                    "month": recent.index.month, "level": recent.to_numpy(),
                                    "run": [f"{series_id}-{y}-{r}" for y, r in zip(recent.index.year, run)]}))
    tidy = pd.concat(frames, ignore_index=True)
    grid = sns.relplot(data=tidy, x="month", y="level", hue="year", col="series", kind="line", units="run",
                       estimator=None, col_wrap=min(3, len(histories)), height=2.6, aspect=1.3,
                       facet_kws={"sharey": False}, palette="crest", marker="o", markersize=3)
    grid.set_titles("{col_name}", size=9)
    grid.set_axis_labels("", "")
    for ax in grid.axes.flat:
        ax.set_xticks(range(1, 13), [calendar.month_abbr[m][0] for m in range(1, 13)], fontsize=7)
        ax.tick_params(axis="x", labelbottom=True)
        ax.tick_params(axis="y", labelsize=7)
    grid.figure.tight_layout(rect=(0, 0, 0.92, 1))
    sns.move_legend(grid, "center left", bbox_to_anchor=(0.92, 0.5), frameon=False, title="year")
    grid.figure.lsreports_rows = tidy.drop(columns="run")  # the points drawn, for the CSV beside the briefing
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
    tables_end = reach(rows)["tables"]
    text = (writer.paragraph(writer.words(f"National data to {last:%B %Y} (GSO monthly tables to {tables_end:%B %Y}, "
                                          "the statistics office's releases after):"))
            + writer.bullets(_sentences(summary, catalogue, rows, writer)))
    ytd_pairs = tuple(p for p in YTD_PAIRS if p[0] in province_ids)
    years = years_to_date_beside(province_rows, rows, report_periods(reports()), ytd_pairs)
    if not years.empty:
        text += (writer.paragraph(writer.words("The province beside the country, each report's year to date:"))
                 + writer.bullets(years_to_date_sentences(years, writer)))
    figure = seasonal_lines(histories, {i: _label(catalogue, i) for i in national_ids})
    pairs = {k: v for k, v in COUNTERPARTS.items() if k in province_ids}
    beside = province_beside_country(province_rows, rows, pairs)
    return CountryContext(text, figure, beside, years)


def year_to_date_words(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """``January 2026``, ``January-May 2026``, ``January to 14 May 2026`` (an end inside its month)."""
    if end != end + pd.offsets.MonthEnd(0):
        return f"January to {end.day} {end:%B %Y}"
    return f"{end:%B %Y}" if end.month == start.month else f"{start:%B}-{end:%B %Y}"


def _cited(row, side: str) -> dict:
    """The row a sentence's figure cites (the province's or the country's side of a comparison)."""
    province = side == "province"
    return {"indicator_id": row["indicator_id" if province else "national_id"], "start": row["start"],
            "end": row["province_end" if province else "country_end"], "measure": row["measure"],
            "value": row[side], "source_doc": row[f"{side}_doc"], "quote": row[f"{side}_quote"],
            "derived": False, "flag": None, "note": None}


def _change(value: float, shown: str) -> str:
    return f"grew {shown}" if value >= 0 else f"fell {shown}"


#: The comparisons' subjects in Vietnamese (:data:`~lsreports.analysis.tsa.country.YTD_PAIRS`' words).
WHAT_VI = {"retail sales": "tổng mức bán lẻ", "exports": "kim ngạch xuất khẩu", "imports": "kim ngạch nhập khẩu",
           "industrial production (IIP)": "chỉ số sản xuất công nghiệp (IIP)",
           "public investment plan (carry-over included)": "kế hoạch vốn đầu tư công (gồm vốn kéo dài)",
           "public investment plan (carry-over excluded)": "kế hoạch vốn đầu tư công (không gồm vốn kéo dài)"}


def _sentence_vi(row: dict, mine: str, theirs: str, province: str) -> str:
    """One comparison in Vietnamese (the same facts as the English sentence of :func:`years_to_date_sentences`)."""
    period = period_words(row["start"], row["province_end"])
    what = WHAT_VI.get(row["what"], row["what"])
    has_country = pd.notna(row["country"])
    if row["measure"] == "plan_pct":
        line = f"{province} giải ngân {mine} {what} năm {row['end']:%Y} trong {period}"
        line += f", cả nước đạt {theirs} kế hoạch vốn đầu tư từ ngân sách nhà nước" if has_country else ""
    else:
        verb = "tăng" if row["province"] >= 0 else "giảm"
        line = f"{what[:1].upper() + what[1:]} của {province} {period} {verb} {mine} so với cùng kỳ"
        if has_country:
            line += f", cả nước {'giảm' if row['country'] < 0 else 'tăng'} {theirs}"
    if not has_country:
        reach = (f"số liệu cả nước loại này có đến {labels.month(row['country_last'])}"
                 if pd.notna(row["country_last"]) else "chưa lưu số liệu cả nước loại này")
        line += f"; chưa lưu số liệu cả nước cho {period_words(row['start'], row['end'])} ({reach})"
    elif row["province_end"] != row["country_end"]:
        line += f" (số liệu cả nước đến hết {labels.month(row['country_end'], year=False)})"
    return line + "."


def years_to_date_sentences(table: pd.DataFrame, writer=PLAIN, province: str = "Lạng Sơn") -> list[str]:
    """One sentence per comparison of :func:`~lsreports.analysis.tsa.country.years_to_date_beside`.

    "Lạng Sơn's retail sales grew 17.5 % in January-May 2026, against 9.3 % for the country";
    where the country's figure for the period is not stored, the sentence says so and how far
    the national data reach. In Vietnamese from :func:`_sentence_vi` (numbers localised).
    """
    out = []
    for row in table.to_dict("records"):
        period = year_to_date_words(row["start"], row["province_end"])
        mine = writer.figure(localise(f"{abs(row['province']):.1f} %"), _cited(row, "province"))
        has_country = pd.notna(row["country"])
        theirs = writer.figure(localise(f"{abs(row['country']):.1f} %"), _cited(row, "country")) if has_country else ""
        if lang() == "vi":
            out.append(_sentence_vi(row, mine, theirs, province))
            continue
        if row["measure"] == "plan_pct":
            line = f"{province} disbursed {mine} of its {row['end']:%Y} {row['what']} in {period}"
            line += f", against {theirs} of the country's state-budget investment plan" if has_country else ""
        else:
            line = f"{province}'s {row['what']} {_change(row['province'], mine)} in {period}"
            if has_country:
                line += f", against {'a fall of ' if row['country'] < 0 else ''}{theirs} for the country"
        if not has_country:
            reach = (f"the country's figures of this kind reach {row['country_last']:%B %Y}"
                     if pd.notna(row["country_last"]) else "the country's figures of this kind are not stored")
            line += f"; no national figure for {year_to_date_words(row['start'], row['end'])} is stored ({reach})"
        elif row["province_end"] != row["country_end"]:
            line += f" (the country's to the end of {row['country_end']:%B})"
        out.append(line + ".")
    return out


def beside_table(beside: pd.DataFrame) -> pd.DataFrame:
    """The same-period comparison as a readable table: period, province, country, share."""
    if beside.empty:
        return beside
    period = beside["start"].dt.strftime("%Y-%m") + " to " + beside["end"].dt.strftime("%Y-%m")
    return pd.DataFrame({"indicator": beside["indicator_id"], "national series": beside["national_id"],
                         "period": period, "measure": beside["measure"], "province": beside["province"].round(1),
                         "country": beside["national"].round(1), "province share, %": beside["share_pct"].round(2),
                         "province source": beside["quote_province"].str.slice(0, 60)})


def years_to_date_text(province_rows: pd.DataFrame, province_ids: list[str] | None = None, *, writer=PLAIN) -> str:
    """The province beside the country for each report's year to date, as sentences (all pairs by default).

    Parameters
    ----------
    province_rows : pandas.DataFrame
        The province's observations.
    province_ids : list of str, optional
        The province ids to compare (default: every id of
        :data:`~lsreports.analysis.tsa.country.YTD_PAIRS`).
    writer : optional
        :data:`~lsreports.publish.cite.PLAIN` or a page's Citations (the figures cited).
    """
    pairs = tuple(p for p in YTD_PAIRS if province_ids is None or p[0] in province_ids)
    table = years_to_date_beside(province_rows, national_observations(), report_periods(reports()), pairs)
    if table.empty:
        return writer.paragraph(writer.words("No report prints these indicators for a year to date."))
    return writer.bullets(years_to_date_sentences(table, writer))
