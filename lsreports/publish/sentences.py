"""Computed sentences for the notebooks and briefings, every figure traceable.

Each function writes through a *writer* (:mod:`lsreports.publish.cite`): with the page's
:class:`~lsreports.publish.cite.Citations` it returns HTML in which a printed figure links
to its quote and report and a derived figure shows its formula on hover; with
:data:`~lsreports.publish.cite.PLAIN` (the default) the same sentence as Markdown without
sources. A domain briefing calls them through :class:`lsreports.publish.page.BriefingPage`
(``page.sentences(...)``, ``page.shares(...)``, ...), which passes its citations.

Counts of indicators or products ("4 of 6 products grew") are the sentence's own
arithmetic on the rows it names and carry no source of their own.
"""
from __future__ import annotations

import pandas as pd

from ..sources.periods import period_kind, period_label
from .cite import PLAIN
from .formatting import fixed, fmt_number, fmt_pct, fmt_printed, localise, unit_label
from . import labels
from .i18n import lang, pick, t
from .labels import indicator_names, period as period_words, date as date_words, report_name


def printed_row(obs: pd.DataFrame, indicator_id: str, start, end, measure: str,
                source_doc: str | None = None) -> dict | None:
    """The printed row of one indicator, period and measure (of one report when named), or None.

    When several reports print it, the latest report's row is returned.
    """
    rows = obs.loc[(obs["indicator_id"] == indicator_id) & (obs["start"] == pd.Timestamp(start))
                   & (obs["end"] == pd.Timestamp(end)) & (obs["measure"] == measure)
                   & ~obs["derived"].astype(bool)]
    if source_doc is not None:
        rows = rows.loc[rows["source_doc"] == source_doc]
    return None if rows.empty else rows.sort_values("source_doc").iloc[-1].to_dict()


def _amount(row: dict) -> str:
    unit = "%" if row["unit"] == "pct" else " " + unit_label(row["unit"])
    return f"{fmt_printed(row['value'])}{unit}"


#: Statuses of a figure not done: the sentence states the figure, it never says the figure was "reached".
_NOT_DONE = ("proposed", "needed", "planned")


def _level_clause(name: str, amount: str, level: dict, point: bool, writer) -> str:
    """"<name> reached <amount> in <period>" ("stood at ... on <day>" for a stock); a proposal or a
    need ("<name>: <amount> (proposed) for <period>") is never said to have been reached."""
    period = writer.words(period_words(level["start"], level["end"]))
    if level.get("status") in _NOT_DONE:
        return t("sent.not_done", name=name, amount=amount, period=period)
    return (t("sent.stood", name=name, amount=amount, date=writer.words(date_words(level["end"]))) if point
            else t("sent.reached", name=name, amount=amount, period=period))


def level_sentence(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator_id: str, start: str, end: str,
                   source_doc: str | None = None, *, writer=PLAIN) -> str:
    """Render one printed figure as a sentence, e.g. "Goods trade ... reached 84,640 million USD
    in 2025 Jan-Nov, +45.6% on a year earlier (report to November 2025)."

    The level, the change on a year earlier and the share of plan printed with it are
    figures of ``writer``; a flagged level says so.

    Raises
    ------
    KeyError
        If no printed level exists for that indicator and period.
    """
    level = printed_row(obs, indicator_id, start, end, "value", source_doc)
    if level is None:
        raise KeyError(f"no printed level of {indicator_id} for {start}..{end}")
    name = writer.label(indicator_names(catalogue)[indicator_id])
    amount = writer.figure(_amount(level), level)
    point = period_kind(level["start"], level["end"]) == "point"
    parts = [_level_clause(name, amount, level, point, writer)]
    same_report = {m: printed_row(obs, indicator_id, start, end, m, level["source_doc"]) for m in ("yoy_pct", "plan_pct")}
    if same_report["yoy_pct"] is not None:
        parts.append(t("sent.yoy", pct=writer.figure(fmt_pct(same_report['yoy_pct']['value']),
                                                     same_report['yoy_pct'])))
    if same_report["plan_pct"] is not None:
        share = writer.figure(fmt_pct(same_report['plan_pct']['value'], signed=False), same_report['plan_pct'])
        parts.append(t("sent.of_target" if point else "sent.of_plan", pct=share,
                       base=writer.words(labels.share_base(same_report["plan_pct"]))))
    return (", ".join(parts) + f" ({writer.words(report_name(level['source_doc']))})." + writer.flag_suffix(level))


def latest_level_sentence(obs: pd.DataFrame, catalogue: pd.DataFrame, indicator_id: str | tuple[str, ...],
                          kinds: tuple[str, ...] = ("ytd", "ytd_day", "month", "point"), *, writer=PLAIN) -> str:
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
        return t("sent.no_level", name=writer.label(indicator_names(catalogue)[indicator_id]))
    latest = levels.loc[levels["end"] == levels["end"].max()]
    latest = latest.assign(rank=[kinds.index(k) for k in latest["kind"]]).sort_values("rank").iloc[0]
    return level_sentence(obs, catalogue, indicator_id, latest["start"], latest["end"], latest["source_doc"],
                          writer=writer)


def share_lines(frame: pd.DataFrame, part_id: str, total_id: str, phrase: str, *, writer=PLAIN) -> str:
    """Bullet lines "<period>: <phrase> x% of the total" for periods printing both levels.

    ``phrase`` reads before the share, e.g. "declared goods were". The share is derived:
    its formula (part ÷ total × 100, with both printed levels) is the figure's source.
    """
    levels = frame.loc[frame["indicator_id"].isin([part_id, total_id])]
    pairs = levels.pivot_table(index=["start", "end", "source_doc"], columns="indicator_id", values="value")
    if part_id not in pairs or total_id not in pairs:
        return writer.words(t("sent.no_pair", part=part_id, total=total_id))
    lines = []
    for (start, end, doc), row in pairs.dropna().iterrows():
        share = row[part_id] / row[total_id] * 100
        formula = (f"{part_id} {fmt_printed(row[part_id])} / {total_id} {fmt_printed(row[total_id])} x 100 "
                   f"= {fixed(share, 1)}% ({period_label(start, end)}, {report_name(doc)})")
        lines.append(t("sent.share_line", period=writer.words(period_words(start, end)),
                       report=writer.words(report_name(doc)), phrase=writer.words(phrase),
                       share=writer.derived(fmt_pct(share, signed=False), formula, part_id)))
    return writer.bullets(lines) if lines else writer.words(t("sent.no_pair", part=part_id, total=total_id))


def implied_scope_lines(obs: pd.DataFrame, indicator_id: str, noun: str, *, writer=PLAIN) -> str:
    """Bullet lines stating the programme scope each report implies: ``value / plan_pct * 100``.

    For programme-to-date counts printed with their share of the approved total
    ("1.340/1.340 nhà, đạt 100%"), the scope a report works against.
    """
    printed = obs.loc[(obs["indicator_id"] == indicator_id) & ~obs["derived"]]
    pairs = printed.pivot_table(index=["start", "end", "source_doc"], columns="measure", values="value")
    if "value" not in pairs or "plan_pct" not in pairs:
        return writer.words(t("sent.no_scope", name=indicator_id))
    lines = []
    for (start, end, doc), row in pairs.dropna(subset=["value", "plan_pct"]).iterrows():
        if row["plan_pct"] <= 0:
            continue
        count = printed_row(obs, indicator_id, start, end, "value", doc)
        share = printed_row(obs, indicator_id, start, end, "plan_pct", doc)
        scope = row["value"] / row["plan_pct"] * 100
        formula = f"{fmt_printed(row['value'])} / {fmt_printed(row['plan_pct'])}% x 100 = {fmt_number(scope)}"
        lines.append(t("sent.scope", date=writer.words(date_words(end)), report=writer.words(report_name(doc)),
                       count=writer.figure(fmt_number(row['value']), count), noun=writer.words(noun),
                       pct=writer.figure(fmt_pct(row['plan_pct'], signed=False), share),
                       base=writer.words(labels.share_base(share)),
                       scope=writer.derived(fmt_number(scope), formula, indicator_id)))
    return writer.bullets(lines)


def contribution_lines(table: pd.DataFrame, catalogue: pd.DataFrame, total_id: str, *, obs: pd.DataFrame | None = None,
                       writer=PLAIN) -> str:
    """Bullets: a total's growth split into its parts' contributions, in percentage points.

    ``table`` is :func:`lsreports.analysis.checks.contributions.contributions`; one line per
    period and report, the parts' points (each with its formula) and the residual the
    printed figures leave. With ``obs``, the total's printed growth rate is cited too.
    """
    names = indicator_names(catalogue)
    rows = table.loc[table["total_id"] == total_id]
    lines = []
    for (start, end, doc), group in rows.groupby(["start", "end", "source_doc"], sort=True):
        parts = f" {t('sent.and')} ".join(
            t("sent.part_points", points=writer.derived(t("sent.points", value=_signed(v)), formula, p),
              name=writer.label(names.get(p, p).split(': ')[-1].lower()))
            for p, v, formula in zip(group["part_id"], group["contribution_pp"], group["formula"]))
        first = group.iloc[0]
        total_rate = printed_row(obs, total_id, start, end, "yoy_pct", doc) if obs is not None else None
        rate = fmt_pct(first["total_yoy_pct"])
        rate = writer.figure(rate, total_rate) if total_rate is not None else writer.words(rate)
        residual = writer.derived(t("sent.points", value=_signed(first['residual_pp'])),
                                  f"{fixed(first['total_yoy_pct'], 1)} - {fixed(first['sum_pp'], 1)} (sum of the parts' points)",
                                  total_id)
        lines.append(t("sent.contribution", period=writer.words(period_words(start, end)),
                       report=writer.words(report_name(doc)), rate=rate, parts=parts, residual=residual))
    if not lines:
        return writer.words(t("sent.no_parts", total=total_id))
    return writer.bullets(lines)


def latest_change_sentence(obs: pd.DataFrame, indicator_id: str, noun: str, *, writer=PLAIN) -> str:
    """"In the latest report (...), <noun> for <period> was +x% on the same period a year earlier."

    The latest period end with a printed ``yoy_pct`` (the latest report's when several print it;
    the year to date when its month ends the same day).
    """
    rates = obs.loc[(obs["indicator_id"] == indicator_id) & (obs["measure"] == "yoy_pct") & ~obs["derived"]]
    if rates.empty:
        return writer.words(t("sent.no_change", noun=noun))
    # the latest end, then the latest report, then the longer period (the year to date before its month)
    row = rates.sort_values(["end", "source_doc", "start"], ascending=[True, True, False]).iloc[-1].to_dict()
    shown = localise(fixed(row['value'], 2, sign=True) + "%")
    return t("sent.latest_change", report=writer.words(report_name(row['source_doc'])), noun=writer.words(noun),
             period=writer.words(period_words(row['start'], row['end'])), pct=writer.figure(shown, row))


def _signed(value: float) -> str:
    return localise(fixed(value, 1, sign=True))


def _name(row: dict) -> str:
    """A row's indicator name in the current language (its ``name_en`` where the catalogue has none)."""
    from ..sources.loader import indicators

    return indicator_names(indicators(national=True)).get(row.get("indicator_id"), row["name_en"])


def spread_sentence(rates: pd.DataFrame, noun: str, *, writer=PLAIN) -> str:
    """"In <period>, n of m <noun> grew on a year earlier; the fastest was ... (+a%), the weakest ... (b%)."

    ``rates`` holds printed ``yoy_pct`` rows of one period with a ``name_en`` column.
    """
    if rates.empty:
        return writer.words(t("sent.no_spread", noun=noun))
    ordered = rates.sort_values("value", ascending=False)
    top, bottom = ordered.iloc[0].to_dict(), ordered.iloc[-1].to_dict()
    period = period_words(top["start"], top["end"])
    fastest, weakest = fmt_pct(top['value']), fmt_pct(bottom['value'])
    return t("sent.spread", period=writer.words(period), n=int((ordered['value'] > 0).sum()), m=len(ordered),
             noun=writer.words(noun), top=writer.label(_name(top).lower()), top_pct=writer.figure(fastest, top),
             bottom=writer.label(_name(bottom).lower()), bottom_pct=writer.figure(weakest, bottom))


def projection_sentence(projection: pd.Series | dict, obs: pd.DataFrame, noun: str, *, writer=PLAIN) -> str:
    """Pro-rata against the growth-based nowcast for one year-end projection, as a sentence.

    ``projection`` is one row of :func:`lsreports.analysis.yearend.projection.year_end_projections`
    with a plan. The year to date and its growth are the printed figures (cited); the
    projections, their shares of plan and the band are derived (their formula on hover). A
    row annotated with ``flag_reason`` (:func:`lsreports.analysis.checks.flags.annotate_projections`)
    marks the growth-based nowcast with ⚑ and the reason.
    """
    p = dict(projection)
    start, end, doc = p["ytd_start"], p["ytd_end"], p["source_doc"]
    unit = " " + unit_label(p["unit"])
    level = printed_row(obs, p["indicator_id"], start, end, "value", doc)
    rate = printed_row(obs, p["indicator_id"], start, end, "yoy_pct", doc)
    share = printed_row(obs, p["indicator_id"], start, end, f"{p['target_kind']}_pct", doc) if p["target_kind"] else None
    if lang() == "vi":  # the curated bases are in English: the kind of target in words instead
        of = "% " + labels.target_kind(p["target_kind"], short=True)
    else:
        of = "% of " + (labels.share_base(share, short=True) if share else labels.target_kind(p["target_kind"], short=True))
    ytd = f"{fmt_number(p['ytd_value'])}{unit}"
    target_from = labels.target_kind(p["target_kind"]) if lang() == "vi" else p["target_from"]
    target = f"{fmt_number(p['target_value'])}{unit} ({target_from})"
    prorata = (f"{fmt_number(p['ytd_value'])} x {localise(format(p['prorata_factor'], '.4g'))} = "
               f"{fmt_number(p['prorata_projection'])}; / {target}")
    growth = f"{localise(p['formula'])}; / {target}"
    band = f"{fixed(p['lower_pct_of_target'], 0)}-{fixed(p['upper_pct_of_target'], 0)} %"
    reason = p.get("flag_reason") if isinstance(p.get("flag_reason"), str) else ""
    ytd_shown = writer.figure(ytd, level) if level else writer.words(ytd)
    growth_shown = writer.figure(localise(fixed(p['ytd_yoy_pct'], 0, sign=True) + ' %'), rate) if rate else writer.words('')
    day = writer.words(pick(format(end, '%d %B'), f"ngày {end.day}/{end.month}"))
    prorata_level = writer.derived(fmt_number(p['prorata_projection']) + unit, prorata)
    prorata_share = writer.derived(localise(fixed(p['prorata_pct_of_target'], 1)) + ' ' + of, prorata)
    growth_level = writer.derived(fmt_number(p['growth_projection']) + unit, growth, p['indicator_id'], reason)
    growth_share = writer.derived(localise(fixed(p['growth_pct_of_target'], 1)) + ' ' + of, growth)
    band_shown = writer.derived(localise(band), p['band_from'])
    return pick(f"{writer.label(noun)}: {ytd_shown} to {day}, {growth_shown} on a year earlier; pro-rata says "
                f"{prorata_level} ({prorata_share}), the growth-based nowcast {growth_level} ({growth_share}, band "
                f"{band_shown}).",
                f"{writer.label(noun)}: {ytd_shown} đến {day}, {growth_shown} so với cùng kỳ; ước theo tỷ lệ thời "
                f"gian được {prorata_level} ({prorata_share}), ước theo tốc độ tăng được {growth_level} "
                f"({growth_share}, khoảng dao động {band_shown}).")


__all__ = ["printed_row", "projection_sentence", "level_sentence", "latest_level_sentence", "share_lines", "implied_scope_lines",
           "contribution_lines", "latest_change_sentence", "spread_sentence"]
