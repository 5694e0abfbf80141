"""Headline tables and computed sentences for the notebooks and briefings."""
from __future__ import annotations

import pandas as pd

from . import labels
from .formatting import fmt_number, fmt_pct, fmt_printed, safe, unit_label
from .cite import FLAG_MARK, one_line
from .labels import report_name
from ..sources.periods import period_kind, period_label

#: Kept for existing callers: :data:`lsreports.publish.labels.TARGET_KINDS`.
TARGET_NAMES = labels.TARGET_KINDS
#: Kept for existing callers: :data:`lsreports.publish.labels.METHODS_SHORT`.
METHOD_NAMES = labels.METHODS_SHORT
HEADLINE_COLUMNS = ["Indicator", "Vietnamese term", "Period", "Level", "Unit", "Change on last year",
                    "Share of plan", "Report"]


def latest_rows(obs: pd.DataFrame, indicator_ids: list[str]) -> pd.DataFrame:
    """Return, per indicator, the printed rows of the latest period end it has.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations (contract shape).
    indicator_ids : list of str
        Indicators to keep, in the order wanted.

    Returns
    -------
    pandas.DataFrame
        Rows of every measure whose ``end`` is the indicator's latest ``end`` (a month
        and its year to date share their end, so both are kept).
    """
    printed = obs.loc[~obs["derived"] & obs["indicator_id"].isin(indicator_ids)]
    latest = printed.groupby("indicator_id")["end"].transform("max")
    return printed.loc[printed["end"] == latest]


def headline_table(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator_ids: list[str]) -> pd.DataFrame:
    """Build the headline table: latest level, change on last year and share of plan.

    One line per indicator and period of its latest report (the month and the year to
    date when both are printed); figures are formatted for reading, the report id kept.

    Returns
    -------
    pandas.DataFrame
        Indexed by the indicator's English label; the other :data:`HEADLINE_COLUMNS`, in
        the order of ``indicator_ids``.
    """
    rows = latest_rows(obs, indicator_ids)
    entries = catalogue.set_index("indicator_id")
    lines = []
    for (indicator_id, start, end, doc), group in rows.groupby(["indicator_id", "start", "end", "source_doc"],
                                                            sort=False):
        by_measure = group.set_index("measure")["value"]
        unit = entries.loc[indicator_id, "unit"]
        share = by_measure.get("plan_pct", by_measure.get("est_local_pct", by_measure.get("est_central_pct")))
        lines.append({
            "order": indicator_ids.index(indicator_id), "kind": period_kind(start, end),
            "Indicator": entries.loc[indicator_id, "name_en"],
            "Vietnamese term": entries.loc[indicator_id, "name_vi"],
            "Period": period_label(start, end),
            "Level": fmt_number(by_measure.get("value")),
            "Unit": unit_label(unit) if "value" in by_measure else "",
            "Change on last year": fmt_pct(by_measure.get("yoy_pct")),
            "Share of plan": fmt_pct(share, signed=False),
            "Report": report_name(doc),
        })
    if not lines:
        return pd.DataFrame(columns=HEADLINE_COLUMNS).set_index("Indicator")
    table = pd.DataFrame(lines).sort_values(["order", "kind"], kind="stable")
    return table[HEADLINE_COLUMNS].set_index("Indicator")


def level_sentence(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator_id: str, start: str, end: str,
                   source_doc: str | None = None) -> str:
    """Render one printed figure as a sentence, e.g. "Goods trade ... reached 84,640 million USD
    in 2025 Jan-Nov, +45.6% on a year earlier (report 000)."

    Raises
    ------
    KeyError
        If no printed level exists for that indicator and period.
    """
    rows = obs.loc[(obs["indicator_id"] == indicator_id) & (obs["start"] == pd.Timestamp(start))
                   & (obs["end"] == pd.Timestamp(end)) & ~obs["derived"]]
    if source_doc is not None:
        rows = rows.loc[rows["source_doc"] == source_doc]
    levels = rows.loc[rows["measure"] == "value"]
    if levels.empty:
        raise KeyError(f"no printed level of {indicator_id} for {start}..{end}")
    level = levels.iloc[-1]
    name = catalogue.set_index("indicator_id").loc[indicator_id, "name_en"]
    unit = "%" if level["unit"] == "pct" else " " + unit_label(level["unit"])
    amount = f"{fmt_printed(level['value'])}{unit}"
    point = period_kind(level["start"], level["end"]) == "point"
    parts = [f"{safe(name)} stood at {amount} on {level['end']:%Y-%m-%d}" if point
             else f"{safe(name)} reached {amount} in {period_label(level['start'], level['end'])}"]
    same_doc = rows.loc[rows["source_doc"] == level["source_doc"]].set_index("measure")["value"]
    if "yoy_pct" in same_doc:
        parts.append(f"{fmt_pct(same_doc['yoy_pct'])} on a year earlier")
    if "plan_pct" in same_doc:
        target = "the target" if point else "the year's plan"
        parts.append(f"{fmt_pct(same_doc['plan_pct'], signed=False)} of {target}")
    flag = level.get("flag")
    reason = f"{flag.replace('_', ' ')}: {level.get('note') or ''}" if isinstance(flag, str) and flag else ""
    mark = f" {FLAG_MARK} {safe(one_line(reason))}" if reason else ""
    return ", ".join(parts) + f" ({report_name(level['source_doc'])}).{mark}"


def latest_level_sentence(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator_id: str | tuple[str, ...],
                          kinds: tuple[str, ...] = ("ytd", "ytd_day", "month", "point")) -> str:
    """Sentence for an indicator's latest printed level among the period kinds given (in preference order).

    ``indicator_id`` may be a tuple of variants of one concept (e.g. public investment
    disbursed with and without carry-over): the variant with the latest level is used,
    under its own name, so a headline never quotes a stale figure of the concept.
    Returns an explicit "not printed" sentence rather than raising when there is none.
    """
    if isinstance(indicator_id, (tuple, list)):
        levels = obs.loc[obs["indicator_id"].isin(indicator_id) & (obs["measure"] == "value") & ~obs["derived"]]
        indicator_id = (levels.sort_values("end")["indicator_id"].iloc[-1] if len(levels) else indicator_id[0])
    levels = obs.loc[(obs["indicator_id"] == indicator_id) & (obs["measure"] == "value") & ~obs["derived"]]
    levels = levels.assign(kind=[period_kind(s, e) for s, e in zip(levels["start"], levels["end"])])
    levels = levels.loc[levels["kind"].isin(kinds)]
    if levels.empty:
        name = catalogue.set_index("indicator_id").loc[indicator_id, "name_en"]
        return f"{safe(name)}: no level printed in the reports."
    latest = levels.loc[levels["end"] == levels["end"].max()]
    latest = latest.assign(rank=[kinds.index(k) for k in latest["kind"]]).sort_values("rank").iloc[0]
    return level_sentence(obs, catalogue, indicator_id, latest["start"], latest["end"], latest["source_doc"])


def select(frame: pd.DataFrame, indicator_ids: list[str], kinds: tuple[str, ...]) -> pd.DataFrame:
    """Rows of ``frame`` for the given indicators and period kinds (see :func:`lsreports.sources.periods.period_kind`)."""
    kind = [period_kind(s, e) for s, e in zip(frame["start"], frame["end"])]
    return frame.loc[frame["indicator_id"].isin(indicator_ids) & pd.Series(kind, index=frame.index).isin(kinds)]


def share_lines(frame: pd.DataFrame, part_id: str, total_id: str, phrase: str) -> str:
    """Markdown bullet lines "- <period>: <phrase> x% of <total>" for periods printing both levels.

    ``phrase`` reads before the share, e.g. "declared goods were".
    """
    levels = frame.loc[frame["indicator_id"].isin([part_id, total_id])]
    pairs = levels.pivot_table(index=["start", "end", "source_doc"], columns="indicator_id", values="value")
    if part_id not in pairs or total_id not in pairs:
        return f"No period prints both {part_id} and {total_id}."
    pairs = pairs.dropna()
    lines = [f"- {period_label(s, e)} ({report_name(doc)}): {phrase} "
             f"{row[part_id] / row[total_id] * 100:.1f}% of the total."
             for (s, e, doc), row in pairs.iterrows()]
    return "\n".join(lines) or f"No period prints both {part_id} and {total_id}."


def implied_scope_lines(obs: pd.DataFrame, indicator_id: str, noun: str) -> str:
    """Markdown lines stating the programme scope each report implies: ``value / plan_pct * 100``.

    For programme-to-date counts printed with their share of the approved total
    ("1.340/1.340 nhà, đạt 100%"), the scope a report works against.
    """
    printed = obs.loc[(obs["indicator_id"] == indicator_id) & ~obs["derived"]]
    pairs = printed.pivot_table(index=["end", "source_doc"], columns="measure", values="value")
    if "value" not in pairs or "plan_pct" not in pairs:
        return f"No report prints both a count and a share of the programme for {indicator_id}."
    lines = [f"- at {end:%Y-%m-%d} ({report_name(doc)}): {fmt_number(row['value'])} {noun}, "
             f"{fmt_pct(row['plan_pct'], signed=False)} of a programme of about "
             f"{fmt_number(row['value'] / row['plan_pct'] * 100)} {noun}"
             for (end, doc), row in pairs.dropna(subset=["value", "plan_pct"]).iterrows() if row["plan_pct"] > 0]
    return "\n".join(lines)


def projection_table(projections: pd.DataFrame, catalogue: pd.DataFrame, indicator_ids: list[str]) -> pd.DataFrame:
    """Format year-end projections (:func:`lsreports.analysis.projection.year_end_projections`) for reading.

    Returns
    -------
    pandas.DataFrame
        Indexed by the indicator's English label: the year to date it starts from, the
        method, the projected year end and its band, the share of the plan or estimate it
        implies (with the band), and the verdict (with the reason when the growth-based
        nowcast could not be used).
    """
    rows = projections.loc[projections["indicator_id"].isin(indicator_ids)]
    names = catalogue.set_index("indicator_id")["name_en"]
    table = pd.DataFrame({
        "Indicator": [names[i] for i in rows["indicator_id"]],
        "Year to date": [f"{fmt_number(v)} {unit_label(u)} ({period_label(s, e)})"
                         for v, u, s, e in zip(rows["ytd_value"], rows["unit"], rows["ytd_start"], rows["ytd_end"])],
        "Method": [labels.method(m, short=True) for m in rows["method"]],
        "Projected year end": [fmt_number(v) for v in rows["projection"]],
        "Band": [_band(lo, hi, fmt_number) for lo, hi in zip(rows["lower"], rows["upper"])],
        "Against": [labels.target_kind(k) or "no plan printed" for k in rows["target_kind"]],
        "Share of plan or estimate": [fmt_pct(v, signed=False) for v in rows["projected_pct_of_target"]],
        "Band, % of plan": [_band(lo, hi, lambda v: fmt_pct(v, signed=False))
                            for lo, hi in zip(rows["lower_pct_of_target"], rows["upper_pct_of_target"])],
        "Verdict": rows["verdict_text"],
        "Why not growth-based": rows["reason"],
    })
    return table.set_index("Indicator")


def _band(lower: float, upper: float, fmt) -> str:
    return "" if pd.isna(lower) or pd.isna(upper) else f"{fmt(lower)} to {fmt(upper)}"


def contribution_lines(table: pd.DataFrame, catalogue: pd.DataFrame, total_id: str) -> str:
    """Markdown bullets: a total's growth split into its parts' contributions, in percentage points.

    ``table`` is :func:`lsreports.analysis.contributions.contributions`; one line per
    period and report, the parts' points and the residual the printed figures leave.
    """
    names = catalogue.set_index("indicator_id")["name_en"]
    rows = table.loc[table["total_id"] == total_id]
    lines = []
    for (start, end, doc), group in rows.groupby(["start", "end", "source_doc"], sort=True):
        parts = " and ".join(f"{v:+.1f} points from {names.get(p, p).split(': ')[-1].lower()}"
                             for p, v in zip(group["part_id"], group["contribution_pp"]))
        first = group.iloc[0]
        lines.append(f"- {period_label(start, end)} (report {doc.split('_')[0]}): "
                     f"{fmt_pct(first['total_yoy_pct'])} on a year earlier = {parts}"
                     f" (residual {first['residual_pp']:+.1f} points).")
    return "\n".join(lines) or f"No period prints {total_id} and its parts with growth rates."
