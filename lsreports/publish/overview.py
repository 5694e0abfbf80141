"""The overview page, "Lạng Sơn at a glance", and the key-indicator blocks the briefings share.

Everything on the page is generated from the data: one table of key indicators of every
domain (latest period, level, change on a year earlier, share of the plan, and where the
year is heading against plan), the most important consistency flags in one line each,
what changed with the latest report, and links to the briefings. Every figure is
traceable (:mod:`lsreports.publish.cite`): the quote and report on hover, and a Sources
appendix it links to; derived figures show their formula.
"""
from __future__ import annotations

import pandas as pd

from ..sources.periods import period_kind, period_label
from . import labels
from .cite import Citations, flag_mark, text
from .flag_words import flag_sentence
from .formatting import fmt_number, fmt_pct, fmt_printed
from .i18n import t

#: The key indicators, by domain. A tuple holds the variants of one concept; the one
#: with the freshest figure is shown, under its own name (which says which variant it is).
KEY_INDICATORS: dict[str, list[tuple[str, ...]]] = {
    "Trade": [("trade_total",), ("trade_declared",), ("trade_local_export",)],
    "Budget": [("budget_revenue_total",), ("budget_spending_total",)],
    "Public investment": [("pubinv_disbursed_current", "pubinv_disbursed")],
    "Industry": [("iip",), ("prod_electricity_generated",), ("prod_electricity_sold",), ("prod_cement",)],
    "Tourism": [("tourism_visitors",), ("tourism_revenue",)],
    "Commerce and enterprises": [("retail_sales",), ("enterprises_new",)],
    "Social": [("ui_applications",), ("temp_housing_completed",)],
    "Growth (GRDP)": [("grdp",)],
}
#: Groups of the overview drawn from the country's series (GSO tables, then the releases), where the province's
#: reports print nothing of the kind: no report of the four prints a price index.
NATIONAL_KEY_INDICATORS: dict[str, list[tuple[str, ...]]] = {
    "Prices (Viet Nam: the province's reports print no price index)": [("vn_cpi",), ("vn_core_inflation",)],
}
#: Domain of each briefing's key indicators (the briefings show their own rows).
BRIEFING_GROUPS: dict[str, tuple[str, ...]] = {
    "trade": ("Trade",), "budget": ("Budget", "Public investment"), "industry": ("Industry",),
    "tourism": ("Tourism",), "social": ("Social",),
}
#: The key table's columns (message ids ``key.<column>``).
KEY_COLUMNS = ("indicator", "period", "level", "change", "share", "year_end", "against", "method", "verdict")
SHARE_MEASURES = ("plan_pct", "est_local_pct", "est_central_pct")
_KIND_PREFERENCE = ("ytd", "ytd_day", "year", "month", "point", "span")


def freshest(obs: pd.DataFrame, variants: tuple[str, ...]) -> pd.DataFrame:
    """Printed rows of a concept's freshest figure: the variant and period with the latest end.

    For the same end, a year to date printing a level or a change is preferred to a month
    (the running total a plan is measured against; the month's level is shown beside it,
    :func:`month_beside`), and a later report to an earlier one.

    Returns
    -------
    pandas.DataFrame
        The rows (every measure) of one indicator, period and report; empty when none is printed.
    """
    printed = obs.loc[~obs["derived"].astype(bool) & obs["indicator_id"].isin(variants)]
    if printed.empty:
        return printed
    kinds = [period_kind(s, e) for s, e in zip(printed["start"], printed["end"])]
    ranked = printed.assign(_rank=[_KIND_PREFERENCE.index(k) for k in kinds],
                            _level=(printed["measure"] == "value").astype(int))
    ranked["_informative"] = ranked["measure"].isin(["value", "yoy_pct"]).astype(int)
    groups = ranked.groupby(["indicator_id", "start", "end", "source_doc"]).agg(
        end_=("end", "first"), rank=("_rank", "first"), level=("_level", "max"), informative=("_informative", "max"))
    # a year to date with a level or a change beats the month ending the same day (shown beside it)
    best = groups.sort_values(["end_", "informative", "rank", "level", "source_doc"],
                              ascending=[False, False, True, False, False]).index[0]
    key = dict(zip(["indicator_id", "start", "end", "source_doc"], best))
    if period_kind(key["start"], key["end"]) == "month":
        key = _year_to_date_of(groups, key)
    mask = True
    for column, value in key.items():
        mask = mask & (printed[column] == value)
    return printed.loc[mask]


def _year_to_date_of(groups: pd.DataFrame, key: dict) -> dict:
    """The year to date (or to a day) of the same report ending in ``key``'s month with a level or a change.

    A report that prints "May: 10,594" and "January to 14 May: +40 %" is read by its year to
    date; the month's level is shown beside it (:func:`month_beside`). ``key`` itself when none.
    """
    candidates = [index for index, row in groups.iterrows()
                  if index[0] == key["indicator_id"] and index[3] == key["source_doc"] and row["informative"]
                  and period_kind(index[1], index[2]) in ("ytd", "ytd_day") and index[1] < key["start"]
                  and pd.Timestamp(index[2]).to_period("M") == pd.Timestamp(key["end"]).to_period("M")]
    if not candidates:
        return key
    return dict(zip(["indicator_id", "start", "end", "source_doc"], max(candidates, key=lambda i: i[2])))


def year_end_view(obs: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Year-end nowcasts against plan for every indicator, and a line saying what they are.

    From :func:`lsreports.analysis.yearend.projection.year_end_projections`: growth-based where
    last year's level is known, pro-rata otherwise, with a band from the backtest errors
    and a verdict (likely / undetermined / unlikely) when a plan is known.

    Returns
    -------
    (pandas.DataFrame, str)
        One row per indicator and year (its first plan kind): ``indicator_id``, ``year``,
        ``projection``, ``low``, ``high``, ``unit``, ``target_kind``, ``pct_of_target``,
        ``low_pct``, ``high_pct``, ``method``, ``verdict``, ``formula``, the year to date it is
        built from (``ytd_start``, ``ytd_end``, ``source_doc``) and ``flag_reason`` (the flags the
        year end rests on, in words: :func:`lsreports.analysis.checks.flags.annotate_projections`);
        and the line.
    """
    from ..analysis.checks.flags import annotate_projections, flag_table
    from ..analysis.yearend.projection import curated_national, year_end_projections

    frame = year_end_projections(obs, national=curated_national()).drop_duplicates(["indicator_id", "year"])
    frame = annotate_projections(frame, flag_table(obs, national=False))
    view = pd.DataFrame({
        "indicator_id": frame["indicator_id"], "year": frame["year"], "projection": frame["projection"],
        "low": frame["lower"], "high": frame["upper"], "unit": frame["unit"],
        "target_kind": frame["target_kind"].fillna(""), "pct_of_target": frame["projected_pct_of_target"],
        "low_pct": frame["lower_pct_of_target"], "high_pct": frame["upper_pct_of_target"],
        "method": frame["method"], "verdict": frame["verdict"].fillna(""),
        "formula": frame["formula"].fillna(""), "ytd_start": frame["ytd_start"], "ytd_end": frame["ytd_end"],
        "source_doc": frame["source_doc"], "flag_reason": frame["flag_reason"].fillna(""),
    })
    return view, ("nowcast of the year end with its band (from the backtest errors) and the verdict against "
                  "plan: likely, undetermined (the band straddles 100 %) or unlikely")


def _key_row(rows: pd.DataFrame, catalogue: pd.DataFrame, cites: Citations, year_end: pd.DataFrame,
             month_rows: pd.DataFrame | None = None) -> str:
    """One table row: indicator, period, level, yoy, share of plan, year end against plan.

    ``month_rows`` (the month ending with a year to date shown, from the same report) puts
    the month's level beside the year to date's (:func:`month_beside`).
    """
    by_measure = {r["measure"]: r for r in rows.to_dict("records")}
    first = next(iter(by_measure.values()))
    indicator = first["indicator_id"]
    unit = catalogue.set_index("indicator_id").loc[indicator, "unit"]
    name = labels.indicator_names(catalogue)[indicator]
    cells = [text(name), text(labels.period(first["start"], first["end"]))]
    level = by_measure.get("value")
    shown = cites.figure(f"{fmt_printed(level['value'])} {labels.unit(unit)}", level) if level else "–"
    if month_rows is not None and not month_rows.empty:
        month = month_rows.loc[month_rows["measure"] == "value"].iloc[0]
        beside = t("key.month_beside", month=text(labels.month(month["start"], year=False)),
                   level=cites.figure(f"{fmt_printed(month['value'])} {labels.unit(unit)}", month))
        shown = beside if shown == "–" else f'{shown}<br><span class="lsr-band">{beside}</span>'
    cells.append(shown)
    yoy = by_measure.get("yoy_pct")
    cells.append(cites.figure(rate_alone(fmt_pct(yoy["value"]), yoy, level), yoy) if yoy else "–")
    share = next((by_measure[m] for m in SHARE_MEASURES if m in by_measure), None)
    cells.append(cites.figure(t("key.share_of", pct=fmt_pct(share['value'], signed=False), target=_base(share)), share)
                 if share else "–")
    cells += _year_end_cells(indicator, first, year_end, cites, share)
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _base(share: dict) -> str:
    """The base of a printed share in the page's language (the curated base in English, the plan kind in Vietnamese)."""
    from .i18n import lang

    if lang() == "en":
        return labels.share_base(share, short=True)
    return labels.target_kind(share["measure"].removesuffix("_pct"), short=True)


def month_beside(obs: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The month's printed level beside a year to date: its last month, printed in the same report.

    Returns the month's rows when ``rows`` (one indicator, period and report) is a year to
    date (or to a day) of more than one month and that report prints the level of the
    month it ends in; otherwise an empty frame.
    """
    first = rows.iloc[0]
    if period_kind(first["start"], first["end"]) not in ("ytd", "ytd_day") or pd.Timestamp(first["start"]).month == \
            pd.Timestamp(first["end"]).month:
        return rows.iloc[0:0]
    month_start = pd.Timestamp(first["end"]).replace(day=1)
    return obs.loc[~obs["derived"].astype(bool) & (obs["indicator_id"] == first["indicator_id"])
                   & (obs["start"] == month_start) & (obs["end"] == month_start + pd.offsets.MonthEnd(0))
                   & (obs["source_doc"] == first["source_doc"]) & (obs["measure"] == "value")]


def rate_alone(shown: str, rate: dict, level: dict | None) -> str:
    """A growth rate printed without a level (GRDP, IIP) carries its row's status word itself."""
    word = labels.status(rate.get("status")) if level is None else ""
    return f"{shown} ({word})" if word else shown


def _year_end_cells(indicator: str, first: dict, year_end: pd.DataFrame, cites: Citations,
                    share: dict | None = None) -> list[str]:
    match = year_end.loc[(year_end["indicator_id"] == indicator) & (year_end["year"] == first["end"].year)]
    if match.empty:
        return ["–", "–", "–", "–"]
    r = match.iloc[0]
    if r["method"] == "not_projected" or pd.isna(r["projection"]):
        return ["–", "–", text(labels.method(r["method"], short=True)), "–"]
    # the band on a line of its own under its figure: the columns stay narrow enough for a desktop
    band = (f'<br><span class="lsr-band">{fmt_number(r["low"])}–{fmt_number(r["high"])}</span>'
            if pd.notna(r["low"]) else "")
    reason = r.get("flag_reason", "") or ""
    year_end_text = cites.derived(f"{fmt_number(r['projection'])} {labels.unit(r['unit'])}", r["formula"],
                                  indicator, reason=reason) + band
    if r["target_kind"] and pd.notna(r["pct_of_target"]):
        pct_band = (f'<br><span class="lsr-band">{fmt_number(r["low_pct"], 1)}–{fmt_pct(r["high_pct"], signed=False)}'
                    '</span>' if pd.notna(r["low_pct"]) else "")
        # the plan the year end is set against is the one the row's share names, in the same words
        same = share is not None and share["measure"] == f"{r['target_kind']}_pct"
        base = _base(share) if same else labels.target_kind(r["target_kind"], short=True)
        against = text(t("key.share_of", pct=fmt_pct(r['pct_of_target'], signed=False), target=base)) + pct_band
    else:
        against = text(t("key.no_plan"))
    method = f'<span title="{text(labels.method(r["method"]))}">{text(labels.method(r["method"], short=True))}</span>'
    return [year_end_text, against, method, verdict_cell(r["verdict"], reason)]


def verdict_cell(verdict: str, reason: str) -> str:
    """A verdict in words, and when it rests on a flagged input, "…, but in doubt ⚑" with the reason on hover."""
    if not verdict:
        return "–"
    if not reason:
        return text(labels.verdict(verdict))
    return f'{text(labels.verdict(verdict))},<br><span class="lsr-band">{text(t("key.but_in_doubt"))}</span>{flag_mark(reason)}'


def group_name(group: str) -> str:
    """A key-indicator group's name in the current language."""
    return t(f"group.{group}")


def _year_end_basis(rows: pd.DataFrame, obs: pd.DataFrame, year_end: pd.DataFrame) -> pd.DataFrame:
    """The rows of the year to date the indicator's year end is built from, where it has one, else ``rows``.

    A row's figures and its year end read together: a month's level (May 2026) beside a year end
    projected from the year to 14 May would show neither the period nor the figure the year end
    rests on.
    """
    first = rows.iloc[0]
    basis = year_end.loc[(year_end["indicator_id"] == first["indicator_id"])
                         & (year_end["year"] == first["end"].year)] if "ytd_end" in year_end else year_end.iloc[0:0]
    if basis.empty or pd.isna(basis.iloc[0]["ytd_end"]):
        return rows
    b = basis.iloc[0]
    printed = obs.loc[~obs["derived"].astype(bool) & (obs["indicator_id"] == first["indicator_id"])
                      & (obs["start"] == b["ytd_start"]) & (obs["end"] == b["ytd_end"])
                      & (obs["source_doc"] == b["source_doc"])]
    return printed if not printed.empty else rows


def _group_row(group: str) -> str:
    """A group's heading row in the key-indicator table (its name kept in view while the table scrolls)."""
    return f'<tr class="lsr-group"><th colspan="9"><span class="lsr-sticky">{text(group_name(group))}</span></th></tr>'


def _key_groups(obs: pd.DataFrame, catalogue: pd.DataFrame, cites: Citations, groups: tuple[str, ...] | None,
                year_end: pd.DataFrame, table: dict[str, list[tuple[str, ...]]]) -> list[str]:
    """The table rows of the groups of ``table`` (all, or the ones named): a heading row, then one per concept."""
    body = []
    for group, concepts in table.items():
        if groups is not None and group not in groups:
            continue
        rows = [_year_end_basis(r, obs, year_end) for r in (freshest(obs, variants) for variants in concepts)
                if not r.empty]
        if rows:
            body.append(_group_row(group))
            body += [_key_row(r, catalogue, cites, year_end, month_beside(obs, r)) for r in rows]
    return body


def _national_groups(cites: Citations, year_end: pd.DataFrame) -> list[str]:
    """The rows of :data:`NATIONAL_KEY_INDICATORS`; a data folder without national rows says so in the table.

    Each shows the latest month's rate (the headline, "CPI tháng 2/2026 … tăng 3,35% so với cùng
    kỳ"), not the average of the year to date that the release prints beside it (issue 23).
    """
    from ..sources.loader import indicators, national_observations
    from ..sources.paths import curated_dir

    if not (curated_dir() / "national_observations.csv").exists():
        return [_group_row(group) + f'<tr><td colspan="9">{t("key.no_national")}</td></tr>'
                for group in NATIONAL_KEY_INDICATORS]
    return _key_groups(whole_months(national_observations()), indicators(national=True), cites, None, year_end,
                       NATIONAL_KEY_INDICATORS)


def whole_months(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of single whole months (the country's prices rows are read from these)."""
    return rows.loc[(rows["start"].dt.day == 1) & (rows["start"].dt.to_period("M") == rows["end"].dt.to_period("M"))]


def key_indicators_html(obs: pd.DataFrame, catalogue: pd.DataFrame, cites: Citations,
                        groups: tuple[str, ...] | None = None,
                        year_end: tuple[pd.DataFrame, str] | None = None) -> str:
    """The key-indicator table (all groups, or the ones named), each figure traceable.

    ``year_end`` is :func:`year_end_view`'s result when already computed. The whole table
    (``groups`` None, the overview) ends with :data:`NATIONAL_KEY_INDICATORS`, each figure
    citing the GSO table cell it was read from.
    """
    year_end, _ = year_end_view(obs) if year_end is None else year_end
    body = _key_groups(obs, catalogue, cites, groups, year_end, KEY_INDICATORS)
    if groups is None:  # the overview: the country's prices too
        body += _national_groups(cites, year_end)
    head = "<tr>" + "".join(f"<th>{text(t('key.' + column))}</th>" for column in KEY_COLUMNS) + "</tr>"
    note = f'<p class="lsr-note">{t("key.note", what=text(t("key.year_end_what")))}</p>'
    return f'<div class="lsr-table"><table class="lsr-key"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table></div>{note}'


def flags_html(flags: pd.DataFrame, catalogue: pd.DataFrame, limit: int = 8) -> str:
    """The most important consistency flags, one sentence in words each (warnings first).

    Each line names the indicator and period, then :func:`lsreports.publish.flag_words.flag_sentence`:
    what disagrees with what, by how much, and what it means for the figure.
    """
    if flags.empty:
        return f"<p>{text(t('flags.none'))}</p>"
    names = labels.indicator_names(catalogue)
    order = flags.assign(_w=(flags["severity"] != "warning").astype(int)).sort_values("_w", kind="stable")
    lines = [f"<li><strong>{text(names.get(r['indicator_id'], r['indicator_id']))}</strong>, "
             f"{text(flag_period(r))}: {text(flag_sentence(r, catalogue))}</li>"
             for r in order.head(limit).to_dict("records")]
    more = (f'<p class="lsr-note">{t("flags.more", n=len(flags) - limit)}</p>' if len(flags) > limit else "")
    return "<ul>" + "".join(lines) + "</ul>" + more


def flag_period(row: dict) -> str:
    """A flag's period in words where its rows give start and end, else as the flag states it."""
    if row.get("start") is not None and row.get("end") is not None and not pd.isna(row.get("start")):
        return labels.period(row["start"], row["end"])
    from .flag_words import period_words

    return period_words(str(row.get("period", "")))


def prints_html(table: pd.DataFrame, catalogue: pd.DataFrame) -> str:
    """The figures printed differently by several reports (the flag table's ``prints_disagree``), one line
    each with ⚑ and the reason: which print is shown and why (the province's report over the press, ...)."""
    from .i18n import lang

    rows = table.loc[table["check"] == "prints_disagree"] if not table.empty else table
    if rows.empty:
        return ""
    names = labels.indicator_names(catalogue)
    marked = "" if lang() == "en" else ' lang="en"'  # the flag table's reasons are written in English
    lines = [f"<li><strong>{text(names.get(r.indicator_id, r.indicator_id))}</strong>, "
             f"{text(labels.period(r.start, r.end))}: {flag_mark(r.reason)} <span{marked}>{text(r.reason)}</span></li>"
             for r in rows.itertuples(index=False)]
    return (f"<p>{text(t('prints.intro'))}</p><ul>" + "".join(dict.fromkeys(lines)) + "</ul>")


def changes_html(changes, catalogue: pd.DataFrame, manifest: pd.DataFrame,
                 indicator_ids: list[str] | None = None) -> str:
    """What the latest report changed (:func:`lsreports.analysis.checks.changes.changes_since_previous`), as HTML.

    Parameters
    ----------
    indicator_ids : list of str, optional
        Keep only these indicators (a domain briefing's); all by default.
    """
    if not changes.previous:
        return f"<p>{text(t('changes.only_one'))}</p>"
    names = labels.indicator_names(catalogue)
    reports = labels.report_names(manifest)
    keep = (lambda frame: frame) if indicator_ids is None else (
        lambda frame: frame.loc[frame["indicator_id"].isin(indicator_ids)] if not frame.empty else frame)
    new, plans = keep(changes.new_figures), keep(changes.plan_changes)
    flags_new, flags_gone = keep(changes.flags_new), keep(changes.flags_resolved)
    items = [t("changes.new", n=len(new), report=text(reports.get(changes.latest, changes.latest)),
               indicators=new["indicator_id"].nunique())]
    for _, r in plans.iterrows():
        items.append(t("changes.plan", year=r["year"], target=text(labels.target_kind(r["target_kind"]).removeprefix("the ")),
                       name=text(names.get(r["indicator_id"], r["indicator_id"])),
                       before=f'<span class="lsr-src" title="{t("sources.derived")}: {text(r["before_formula"])}">'
                              f'{fmt_number(r["before"])}</span>',
                       before_doc=text(reports.get(r["before_doc"], r["before_doc"])),
                       after=f'<span class="lsr-src" title="{t("sources.derived")}: {text(r["after_formula"])}">'
                             f'{fmt_number(r["after"])}</span>', change=fmt_pct(r["change_pct"])))
    for message, frame in (("changes.flag_new", flags_new), ("changes.flag_resolved", flags_gone)):
        items += [t(message, name=text(names.get(r["indicator_id"], r["indicator_id"])), period=text(flag_period(r)),
                    reason=text(flag_sentence(r, catalogue))) for r in frame.to_dict("records")]
    if len(items) == 1 and new.empty:
        items = [t("changes.nothing")]
    return (f'<p class="lsr-note">{t("changes.against", latest=text(reports.get(changes.latest, changes.latest)), previous=text(reports.get(changes.previous, changes.previous)))}'
            f"</p><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>")


__all__ = ["prints_html", "KEY_INDICATORS", "NATIONAL_KEY_INDICATORS", "changes_html", "BRIEFING_GROUPS", "freshest",
           "year_end_view", "key_indicators_html", "flags_html", "rate_alone", "verdict_cell", "whole_months"]
