"""Headline tables for the notebooks and briefings (the computed sentences: :mod:`lsreports.publish.sentences`)."""
from __future__ import annotations

import pandas as pd

from . import labels
from .i18n import t
from .formatting import fmt_number, fmt_pct, unit_label
from .labels import report_name
from ..sources.periods import period_kind, period_label

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


def select(frame: pd.DataFrame, indicator_ids: list[str], kinds: tuple[str, ...]) -> pd.DataFrame:
    """Rows of ``frame`` for the given indicators and period kinds (see :func:`lsreports.sources.periods.period_kind`)."""
    kind = [period_kind(s, e) for s, e in zip(frame["start"], frame["end"])]
    return frame.loc[frame["indicator_id"].isin(indicator_ids) & pd.Series(kind, index=frame.index).isin(kinds)]


def projection_table(projections: pd.DataFrame, catalogue: pd.DataFrame, indicator_ids: list[str],
                     flags: pd.DataFrame | None = None) -> pd.DataFrame:
    """Format year-end projections (:func:`lsreports.analysis.yearend.projection.year_end_projections`) for reading.

    Returns
    -------
    pandas.DataFrame
        Indexed by the indicator's English label: the year to date it starts from, the
        method, the projected year end and its band, the share of the plan or estimate it
        implies (with the band), the verdict (with the reason when the growth-based
        nowcast could not be used), and "Flags": ⚑ and the reasons of the flags the year end
        rests on (:func:`lsreports.analysis.checks.flags.annotate_projections`; ``flags`` is
        the flag table, by default :func:`lsreports.flags` of the curated data).
    """
    from ..analysis.checks.flags import annotate_projections, flag_table
    from .cite import FLAG_MARK

    rows = projections.loc[projections["indicator_id"].isin(indicator_ids)]
    if "flag_reason" not in rows:
        rows = annotate_projections(rows, flag_table(national=False) if flags is None else flags)
    names = catalogue.set_index("indicator_id")["name_en"]
    table = pd.DataFrame({
        "Indicator": [names[i] for i in rows["indicator_id"]],
        "Year to date": [f"{fmt_number(v)} {unit_label(u)} ({period_label(s, e)})"
                         for v, u, s, e in zip(rows["ytd_value"], rows["unit"], rows["ytd_start"], rows["ytd_end"])],
        "Method": [labels.method(m, short=True) for m in rows["method"]],
        "Projected year end": [fmt_number(v) for v in rows["projection"]],
        "Band": [_band(lo, hi, fmt_number) for lo, hi in zip(rows["lower"], rows["upper"])],
        "Against": [labels.target_kind(k) or t("key.no_plan") for k in rows["target_kind"]],
        "Share of plan or estimate": [fmt_pct(v, signed=False) for v in rows["projected_pct_of_target"]],
        "Band, % of plan": [_band(lo, hi, lambda v: fmt_pct(v, signed=False))
                            for lo, hi in zip(rows["lower_pct_of_target"], rows["upper_pct_of_target"])],
        "Verdict": rows["verdict_text"],
        "Why not growth-based": rows["reason"],
        "Flags": [f"{FLAG_MARK} {t('flag.see_table', reason=r)}" if isinstance(r, str) and r else ""
                  for r in rows["flag_reason"]],
    })
    return table.set_index("Indicator")


def _band(lower: float, upper: float, fmt) -> str:
    return "" if pd.isna(lower) or pd.isna(upper) else f"{fmt(lower)} to {fmt(upper)}"
