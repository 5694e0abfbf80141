"""The country's monthly series: the GSO tables (to February 2025) joined with the statistics
office's releases as reprinted by the press (March 2025 on).

The releases' rows (``data/curated/national_text_observations.csv``, built by
``lsreports curate national-texts`` from the cached texts with the national lexicon) are
first estimates cited by their clause, ``source_kind = public_text``. The join:

* keeps the table's row where both give a figure (the table holds the revised figure),
  and flags a text that disagrees with it beyond revision (:func:`overlap_flags`);
* keeps one text row per figure (the earliest text in id order; two texts that disagree
  are flagged);
* derives, after the table's last month, a month no text prints from two years to date
  (``derived`` true, the formula in ``quote``), and a month's imports from the turnover and
  the exports where only those are printed.
"""
from __future__ import annotations

import pandas as pd


#: Ids of the national releases in ``data/raw/reports.csv``: ``pub_vn_<year>_<month>_<outlet>``.
NATIONAL_TEXT_PREFIX = "pub_vn_"
TEXT_ROWS_FILE = "national_text_observations.csv"
KEY = ["indicator_id", "start", "end", "measure"]
#: Beyond these a release and the table disagree by more than a revision (the GSO's own
#: revisions of a month stay within about 2 % of the level; see docs/national.md).
REVISION_LEVEL = 0.02
REVISION_POINTS = 1.0


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[KEY])


def join(table: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """Return the table's rows, the texts' rows for figures the table lacks, and the derived months.

    Parameters
    ----------
    table, texts : pandas.DataFrame
        National rows in the contract's shape (``start``/``end`` datetime64).
    """
    if texts.empty:
        return table
    texts = texts.sort_values("source_doc", kind="stable").drop_duplicates(KEY)
    added = texts.loc[~_keys(texts).isin(_keys(table))]
    combined = pd.concat([table, added], ignore_index=True)
    last_table_month = table.groupby("indicator_id")["end"].max()
    derived = pd.concat([months_from_ytd(combined, last_table_month), imports_from_total(combined, last_table_month)],
                        ignore_index=True)
    return pd.concat([combined, derived], ignore_index=True) if not derived.empty else combined


def _is_month(frame: pd.DataFrame) -> pd.Series:
    return (frame["start"].dt.day == 1) & (frame["end"] == frame["start"] + pd.offsets.MonthEnd(0))


def _derived_row(template: pd.Series, start: pd.Timestamp, value: float, formula: str, how: str) -> dict:
    template = template[~template.index.duplicated(keep="last")]
    return {**template.to_dict(), "start": start, "end": start + pd.offsets.MonthEnd(0), "value": value,
            "quote": formula, "derived": True, "status": "estimate", "flag": "",
            "note": f"derived ({how}): {formula}; from the releases' first estimates"}


def months_from_ytd(rows: pd.DataFrame, after: pd.Series) -> pd.DataFrame:
    """Months no release prints, from two years to date of the same year (levels only).

    Parameters
    ----------
    rows : pandas.DataFrame
        National rows (table and texts).
    after : pandas.Series
        Per indicator, the table's last date: only later months are derived.
    """
    levels = rows.loc[(rows["measure"] == "value") & ~rows["derived"].astype(bool)]
    ytd = levels.loc[(levels["start"].dt.month == 1) & (levels["start"].dt.day == 1)
                     & (levels["end"].dt.month > 1) & (levels["start"].dt.year == levels["end"].dt.year)]
    months = set(zip(levels.loc[_is_month(levels), "indicator_id"], levels.loc[_is_month(levels), "start"]))
    out = []
    for indicator_id, group in ytd.groupby("indicator_id"):
        by_end = group.drop_duplicates("end").set_index("end")
        for end, row in by_end.iterrows():
            start = end - pd.offsets.MonthBegin(1)
            previous = start - pd.Timedelta(days=1)
            if (indicator_id, start) in months or previous not in by_end.index or end <= after.get(indicator_id, pd.Timestamp.min):
                continue
            earlier = by_end.loc[previous]
            value = row["value"] - earlier["value"]
            formula = (f"{row['value']:.10g} ({row['source_doc']}, to {end:%Y-%m}) - {earlier['value']:.10g} "
                       f"({earlier['source_doc']}, to {previous:%Y-%m}) = {value:.10g}")
            out.append(_derived_row(row, start, value, formula, "month from two years to date"))
    return pd.DataFrame(out)


def imports_from_total(rows: pd.DataFrame, after: pd.Series) -> pd.DataFrame:
    """A month's imports as turnover minus exports, where a release prints those two only."""
    levels = rows.loc[(rows["measure"] == "value") & _is_month(rows)]
    of = {i: levels.loc[levels["indicator_id"] == i].drop_duplicates("start").set_index("start")
          for i in ("vn_trade_total", "vn_exports", "vn_imports")}
    out = []
    for start, total in of["vn_trade_total"].iterrows():
        if start in of["vn_imports"].index or start not in of["vn_exports"].index or start <= after.get("vn_imports", pd.Timestamp.min):
            continue
        exports = of["vn_exports"].loc[start]
        value = total["value"] - exports["value"]
        formula = (f"{total['value']:.10g} (turnover, {total['source_doc']}) - {exports['value']:.10g} "
                   f"(exports, {exports['source_doc']}) = {value:.10g}")
        out.append(_derived_row(pd.concat([total, pd.Series({"indicator_id": "vn_imports"})]), start, value, formula,
                                "imports as turnover minus exports"))
    return pd.DataFrame(out)


def overlap_flags(table: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """Figures printed by a release and by the table (or by two releases) that disagree beyond revision.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, start, end, measure, text_doc, text_value, other_doc, other_value,
        difference, flag`` (``text_vs_table`` or ``texts_disagree``), one row per disagreement.
    """
    columns = KEY + ["text_doc", "text_value", "other_doc", "other_value", "difference", "flag"]
    if texts.empty:
        return pd.DataFrame(columns=columns)
    texts = texts.sort_values("source_doc", kind="stable")
    first = texts.drop_duplicates(KEY)
    pairs = [(texts.merge(table[KEY + ["value", "source_doc"]], on=KEY, suffixes=("", "_other")), "text_vs_table"),
             (texts.merge(first[KEY + ["value", "source_doc"]], on=KEY, suffixes=("", "_other"))
              .query("source_doc != source_doc_other"), "texts_disagree")]
    out = []
    for merged, flag in pairs:
        for row in merged.itertuples(index=False):
            if row.measure == "value":
                difference = row.value / row.value_other - 1 if row.value_other else float("inf")
                beyond = abs(difference) > REVISION_LEVEL
            else:
                difference = row.value - row.value_other
                beyond = abs(difference) > REVISION_POINTS
            if beyond:
                out.append((row.indicator_id, row.start, row.end, row.measure, row.source_doc, row.value,
                            row.source_doc_other, row.value_other, difference, flag))
    return pd.DataFrame(out, columns=columns)


def reach(rows: pd.DataFrame) -> dict[str, pd.Timestamp]:
    """How far the country's figures reach: ``tables`` (the GSO's) and ``releases`` (the texts'), latest ends."""
    releases = rows["source_doc"].astype(str).str.startswith(NATIONAL_TEXT_PREFIX)
    return {"tables": rows.loc[~releases & ~rows["derived"].astype(bool), "end"].max(),
            "releases": rows.loc[releases, "end"].max()}


def months_without_figure(series: pd.Series, after: pd.Timestamp) -> list[pd.Period]:
    """The months after ``after`` (the tables' end) that a monthly series lacks (they are interpolated by the models)."""
    later = series.loc[series.index > pd.Period(after, freq="M")]
    return list(later.index[later.isna()])
