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
from .cite import Citations, flag_mark, one_line, text
from .formatting import fixed, fmt_number, fmt_pct, fmt_printed

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
SHARE_MEASURES = ("plan_pct", "est_local_pct", "est_central_pct")
_KIND_PREFERENCE = ("ytd", "ytd_day", "year", "month", "point", "span")


def freshest(obs: pd.DataFrame, variants: tuple[str, ...]) -> pd.DataFrame:
    """Printed rows of a concept's freshest figure: the variant and period with the latest end.

    For the same end, a year to date is preferred to a month (the running total a plan
    is measured against), and a later report to an earlier one.

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
    groups = ranked.groupby(["indicator_id", "start", "end", "source_doc"]).agg(
        end_=("end", "first"), rank=("_rank", "first"), level=("_level", "max"))
    best = groups.sort_values(["end_", "level", "rank", "source_doc"], ascending=[False, False, True, False]).index[0]
    key = dict(zip(["indicator_id", "start", "end", "source_doc"], best))
    mask = True
    for column, value in key.items():
        mask = mask & (printed[column] == value)
    return printed.loc[mask]


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


def _key_row(rows: pd.DataFrame, catalogue: pd.DataFrame, cites: Citations, year_end: pd.DataFrame) -> str:
    """One table row: indicator, period, level, yoy, share of plan, year end against plan."""
    by_measure = {r["measure"]: r for r in rows.to_dict("records")}
    first = next(iter(by_measure.values()))
    indicator = first["indicator_id"]
    unit = catalogue.set_index("indicator_id").loc[indicator, "unit"]
    name = catalogue.set_index("indicator_id").loc[indicator, "name_en"]
    cells = [text(name), text(period_label(first["start"], first["end"]))]
    level = by_measure.get("value")
    cells.append(cites.figure(f"{fmt_printed(level['value'])} {labels.unit(unit)}", level) if level else "–")
    yoy = by_measure.get("yoy_pct")
    cells.append(cites.figure(rate_alone(fmt_pct(yoy["value"]), yoy, level), yoy) if yoy else "–")
    share = next((by_measure[m] for m in SHARE_MEASURES if m in by_measure), None)
    cells.append(cites.figure(f"{fmt_pct(share['value'], signed=False)} of {labels.share_base(share, short=True)}",
                              share) if share else "–")
    cells += _year_end_cells(indicator, first, year_end, cites, share)
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


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
        pct_band = (f'<br><span class="lsr-band">{fixed(r["low_pct"], 1)}–{fmt_pct(r["high_pct"], signed=False)}</span>'
                    if pd.notna(r["low_pct"]) else "")
        # the plan the year end is set against is the one the row's share names, in the same words
        same = share is not None and share["measure"] == f"{r['target_kind']}_pct"
        base = labels.share_base(share, short=True) if same else labels.target_kind(r["target_kind"], short=True)
        against = f"{text(fmt_pct(r['pct_of_target'], signed=False))} of {text(base)}{pct_band}"
    else:
        against = "no plan printed"
    method = f'<span title="{text(labels.method(r["method"]))}">{text(labels.method(r["method"], short=True))}</span>'
    return [year_end_text, against, method, verdict_cell(r["verdict"], reason)]


def verdict_cell(verdict: str, reason: str) -> str:
    """A verdict, and when it rests on a flagged input, "…, but in doubt ⚑" with the reason on hover."""
    if not verdict:
        return "–"
    if not reason:
        return text(verdict)
    return f'{text(verdict)},<br><span class="lsr-band">but in doubt</span>{flag_mark(reason)}'


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
    return f'<tr class="lsr-group"><th colspan="9"><span class="lsr-sticky">{text(group)}</span></th></tr>'


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
            body += [_key_row(r, catalogue, cites, year_end) for r in rows]
    return body


def _national_groups(cites: Citations, year_end: pd.DataFrame) -> list[str]:
    """The rows of :data:`NATIONAL_KEY_INDICATORS`; a data folder without national rows says so in the table."""
    from ..sources.loader import indicators, national_observations
    from ..sources.paths import curated_dir

    if not (curated_dir() / "national_observations.csv").exists():
        return [_group_row(group) + '<tr><td colspan="9">No national rows in this data folder '
                "(<code>lsreports curate national</code> builds them).</td></tr>" for group in NATIONAL_KEY_INDICATORS]
    return _key_groups(national_observations(), indicators(national=True), cites, None, year_end,
                       NATIONAL_KEY_INDICATORS)


def key_indicators_html(obs: pd.DataFrame, catalogue: pd.DataFrame, cites: Citations,
                        groups: tuple[str, ...] | None = None,
                        year_end: tuple[pd.DataFrame, str] | None = None) -> str:
    """The key-indicator table (all groups, or the ones named), each figure traceable.

    ``year_end`` is :func:`year_end_view`'s result when already computed. The whole table
    (``groups`` None, the overview) ends with :data:`NATIONAL_KEY_INDICATORS`, each figure
    citing the GSO table cell it was read from.
    """
    year_end, what = year_end_view(obs) if year_end is None else year_end
    body = _key_groups(obs, catalogue, cites, groups, year_end, KEY_INDICATORS)
    if groups is None:  # the overview: the country's prices too
        body += _national_groups(cites, year_end)
    head = ("<tr><th>Indicator</th><th>Latest period</th><th>Level</th><th>Change on a year earlier</th>"
            "<th>Share of its base</th><th>Year end</th><th>Year end against plan</th><th>Method</th>"
            "<th>Verdict</th></tr>")
    note = (f'<p class="lsr-note">Year end: {text(what)}. <span class="lsr-screen-only">Hover over a figure for the '
            'sentence it was printed in; </span>the small number leads to the Sources below. ⚑ marks a flagged figure '
            '<span class="lsr-screen-only">(hover for the reason)</span><span class="lsr-print-only">(the reason is '
            'under Sources)</span>.</p>')
    return f'<div class="lsr-table"><table class="lsr-key"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table></div>{note}'


def flags_html(flags: pd.DataFrame, catalogue: pd.DataFrame, limit: int = 8) -> str:
    """The most important consistency flags, one line each (warnings first)."""
    if flags.empty:
        return "<p>No consistency flag.</p>"
    names = catalogue.set_index("indicator_id")["name_en"]
    order = flags.assign(_w=(flags["severity"] != "warning").astype(int)).sort_values("_w", kind="stable")
    lines = [f"<li><strong>{text(names.get(r['indicator_id'], r['indicator_id']))}</strong>, {text(r['period'])}: "
             f"{text(one_line(r['detail'], 150))} <span class=\"lsr-note\">({text(r['check'].replace('_', ' '))})"
             "</span></li>" for _, r in order.head(limit).iterrows()]
    more = (f'<p class="lsr-note">{len(flags) - limit} more: <code>lsreports summary</code> lists them all.</p>'
            if len(flags) > limit else "")
    return "<ul>" + "".join(lines) + "</ul>" + more


def prints_html(table: pd.DataFrame, catalogue: pd.DataFrame) -> str:
    """The figures printed differently by several reports (the flag table's ``prints_disagree``), one line
    each with ⚑ and the reason: which print is shown and why (the province's report over the press, ...)."""
    rows = table.loc[table["check"] == "prints_disagree"] if not table.empty else table
    if rows.empty:
        return ""
    names = catalogue.set_index("indicator_id")["name_en"]
    lines = [f"<li><strong>{text(names.get(r.indicator_id, r.indicator_id))}</strong>, "
             f"{text(period_label(r.start, r.end))}: {flag_mark(r.reason)} {text(r.reason)}</li>"
             for r in rows.itertuples(index=False)]
    return ('<p>Several prints of one figure: the table shows the province\'s own report (over the press), a '
            'revised figure (over a first estimate), a later report (over an earlier one).</p><ul>'
            + "".join(dict.fromkeys(lines)) + "</ul>")


def changes_html(changes, catalogue: pd.DataFrame, manifest: pd.DataFrame,
                 indicator_ids: list[str] | None = None) -> str:
    """What the latest report changed (:func:`lsreports.analysis.checks.changes.changes_since_previous`), as HTML.

    Parameters
    ----------
    indicator_ids : list of str, optional
        Keep only these indicators (a domain briefing's); all by default.
    """
    if not changes.previous:
        return "<p>Only one report: nothing to compare with yet.</p>"
    names = catalogue.set_index("indicator_id")["name_en"]
    reports = labels.report_names(manifest)
    keep = (lambda frame: frame) if indicator_ids is None else (
        lambda frame: frame.loc[frame["indicator_id"].isin(indicator_ids)] if not frame.empty else frame)
    new, plans = keep(changes.new_figures), keep(changes.plan_changes)
    flags_new, flags_gone = keep(changes.flags_new), keep(changes.flags_resolved)
    items = [f"<li><strong>{len(new)} figures new</strong> in the {text(reports.get(changes.latest, changes.latest))}"
             f" (for {new['indicator_id'].nunique()} indicators), compared with every earlier report.</li>"]
    for _, r in plans.iterrows():
        items.append(f"<li>Implied {r['year']} {text(labels.target_kind(r['target_kind']).removeprefix('the '))} "
                     f"for <strong>{text(names.get(r['indicator_id'], r['indicator_id']))}</strong>: "
                     f'<span class="lsr-src" title="derived: {text(r["before_formula"])}">{fmt_number(r["before"])}'
                     f'</span> ({text(reports.get(r["before_doc"], r["before_doc"]))}) → '
                     f'<span class="lsr-src" title="derived: {text(r["after_formula"])}">{fmt_number(r["after"])}'
                     f"</span> ({fmt_pct(r['change_pct'])}).</li>")
    for label, frame in (("New flag", flags_new), ("Resolved flag", flags_gone)):
        items += [f"<li>{label}: <strong>{text(names.get(r['indicator_id'], r['indicator_id']))}</strong>, "
                  f"{text(r['period'])}: {text(one_line(r['detail'], 150))}</li>" for _, r in frame.iterrows()]
    if len(items) == 1 and new.empty:
        items = ["<li>Nothing new for these indicators in the latest report.</li>"]
    return (f'<p class="lsr-note">The {text(reports.get(changes.latest, changes.latest))} against the data before it '
            f"(latest earlier: {text(reports.get(changes.previous, changes.previous))}).</p><ul>{''.join(items)}</ul>")


__all__ = ["prints_html", "KEY_INDICATORS", "NATIONAL_KEY_INDICATORS", "changes_html", "BRIEFING_GROUPS", "freshest",
           "year_end_view", "key_indicators_html", "flags_html", "rate_alone", "verdict_cell"]
