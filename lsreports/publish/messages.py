"""The overview's key messages: three to five sentences computed from the data, by a fixed rule.

The rule (each message is written only when the data hold what it needs):

1. **Against plan** — of the key-indicator groups whose indicators have a year-end nowcast
   against a plan for the latest year, the group with the highest median projected share of
   its plan ("furthest ahead") and the one with the lowest ("furthest behind"), each named
   by its indicator furthest ahead / behind, with that share and its verdict. Needs two
   groups.
2. **The latest report** — how many figures the latest report added (for how many
   indicators), and among the key indicators with a printed change on a year earlier in
   that report, the fastest and the weakest growth.
3. **Year end in doubt** — the key indicators whose nowcast band straddles 100 % of plan
   (verdict "in doubt"), at most three: flagged ones first, then closest to 100 %; where a consistency flag
   concerns one of them in that year, the flag's sentence in words follows, marked ⚑.
4. **Off track** — the key indicators whose whole band stays below plan, when there are any.

Every figure is traceable: printed figures through the page's
:class:`~lsreports.publish.cite.Citations` (the quote on hover, numbered under Sources),
projections as derived figures (the formula on hover). The choice functions
(:func:`against_plan`, :func:`latest_growth`, :func:`in_doubt`, :func:`off_track`) work on
plain frames and are tested on synthetic ones; :func:`key_messages` writes the sentences.
"""
from __future__ import annotations

import pandas as pd

from . import labels
from .cite import FLAG_MARK, Citations, text
from .flag_words import flag_sentence
from .formatting import fmt_pct
from .i18n import t

#: At most this many indicators are named as in doubt.
MAX_IN_DOUBT = 3


def _key_ids(table: dict[str, list[tuple[str, ...]]]) -> dict[str, str]:
    """Indicator id → its key-indicator group."""
    return {i: group for group, concepts in table.items() for variants in concepts for i in variants}


def _latest_targets(year_end: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Key indicators' nowcasts against a plan, in the latest year any of them has one."""
    rows = year_end.loc[year_end["indicator_id"].isin(list(groups)) & (year_end["target_kind"] != "")
                        & year_end["pct_of_target"].notna() & (year_end["method"] != "not_projected")]
    if rows.empty:
        return rows
    rows = rows.loc[rows["year"] == rows["year"].max()]
    return rows.assign(group=rows["indicator_id"].map(groups))


def against_plan(year_end: pd.DataFrame, groups: dict[str, str]) -> tuple[pd.Series, pd.Series] | None:
    """Rule 1: the rows naming the group furthest ahead of plan and the one furthest behind.

    Parameters
    ----------
    year_end : pandas.DataFrame
        :func:`lsreports.publish.overview.year_end_view` (``indicator_id``, ``year``,
        ``target_kind``, ``pct_of_target``, ``method``, ...).
    groups : dict
        Indicator id → group (the key indicators).

    Returns
    -------
    (pandas.Series, pandas.Series) or None
        The strongest group's indicator furthest ahead, the weakest group's indicator
        furthest behind; None when fewer than two groups have a nowcast against plan.
    """
    rows = _latest_targets(year_end, groups)
    if rows["group"].nunique() < 2 if not rows.empty else True:
        return None
    medians = rows.groupby("group")["pct_of_target"].median().sort_values(kind="stable")
    strong, weak = medians.index[-1], medians.index[0]
    ahead = rows.loc[rows["group"] == strong].sort_values("pct_of_target", kind="stable").iloc[-1]
    behind = rows.loc[rows["group"] == weak].sort_values("pct_of_target", kind="stable").iloc[0]
    return ahead, behind


def latest_growth(new_figures: pd.DataFrame, groups: dict[str, str]) -> tuple[dict, dict] | None:
    """Rule 2: the fastest and the weakest printed change on a year earlier among the key indicators.

    ``new_figures`` are the latest report's new rows (:class:`lsreports.analysis.checks.changes.Changes`);
    of an indicator's changes the longest period is taken (the year to date before its month).
    Returns None when no key indicator has one.
    """
    rates = new_figures.loc[(new_figures["measure"] == "yoy_pct") & new_figures["indicator_id"].isin(list(groups))]
    if rates.empty:
        return None
    rates = rates.sort_values(["indicator_id", "end", "start"], ascending=[True, False, True])
    rates = rates.drop_duplicates("indicator_id").sort_values("value", kind="stable")
    return rates.iloc[-1].to_dict(), rates.iloc[0].to_dict()


def in_doubt(year_end: pd.DataFrame, groups: dict[str, str], flagged: frozenset[str] | set[str] = frozenset()
             ) -> pd.DataFrame:
    """Rule 3: key indicators whose band straddles 100 % of plan (at most three).

    The ones with a consistency flag that year (``flagged``: their ids) come first, then the
    others closest to 100 % of plan.
    """
    rows = _latest_targets(year_end, groups)
    rows = rows.loc[rows["verdict"] == "undetermined"]
    order = rows.assign(_flag=(~rows["indicator_id"].isin(flagged)).astype(int),
                        _gap=(rows["pct_of_target"] - 100).abs()).sort_values(["_flag", "_gap"], kind="stable").index
    return rows.loc[order].head(MAX_IN_DOUBT)


def off_track(year_end: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Rule 4: key indicators whose whole band stays below plan, furthest behind first."""
    rows = _latest_targets(year_end, groups)
    return rows.loc[rows["verdict"] == "unlikely"].sort_values("pct_of_target", kind="stable")


class _Writer:
    """Formats the figures of the messages through one page's citations."""

    def __init__(self, catalogue: pd.DataFrame, cites: Citations, obs: pd.DataFrame | None = None):
        self.names = labels.indicator_names(catalogue)
        self.cites = cites
        self.obs = obs

    def reached(self, row) -> str:
        """The printed share of the plan reached so far (the key table's period), cited; '' when none is printed."""
        from .overview import freshest

        if self.obs is None:
            return ""
        rows = freshest(self.obs, (row["indicator_id"],))
        share = rows.loc[rows["measure"] == f"{row['target_kind']}_pct"]
        if share.empty:
            return ""
        printed = share.iloc[0].to_dict()
        return t("msg.reached", pct=self.cites.figure(fmt_pct(printed["value"], signed=False), printed),
                 period=text(labels.period(printed["start"], printed["end"])))

    def name(self, indicator_id: str) -> str:
        return f"<strong>{text(self.names.get(indicator_id, indicator_id))}</strong>"

    def share(self, row) -> str:
        """A nowcast's projected share of its plan, its formula on hover."""
        shown = t("key.share_of", pct=fmt_pct(row["pct_of_target"], signed=False),
                  target=labels.target_kind(row["target_kind"]))
        return self.cites.derived(shown, row["formula"], row["indicator_id"])

    def note(self, row) -> str:
        """The share reached so far and the verdict, as the parenthesis after a projection."""
        return "; ".join(part for part in (self.reached(row), text(labels.verdict(row["verdict"]))) if part)

    def band(self, row) -> str:
        return f"{fmt_pct(row['low_pct'], signed=False)}–{fmt_pct(row['high_pct'], signed=False)}"


def _against_plan_message(choice, group_name, w: _Writer) -> str:
    ahead, behind = choice
    return t("msg.against_plan", year=int(ahead["year"]), strong=text(group_name(ahead["group"])),
             ahead=w.name(ahead["indicator_id"]), ahead_share=w.share(ahead),
             ahead_note=w.note(ahead), behind_note=w.note(behind), weak=text(group_name(behind["group"])),
             behind=w.name(behind["indicator_id"]), behind_share=w.share(behind))


def _latest_message(changes, choice, manifest: pd.DataFrame, w: _Writer) -> str:
    report = labels.report_names(manifest).get(changes.latest, changes.latest)
    new = changes.new_figures
    sentence = t("msg.latest_new", report=text(report), n=len(new), indicators=new["indicator_id"].nunique())
    if choice is not None:
        fast, weak = choice
        sentence += " " + t("msg.latest_growth", fast=w.name(fast["indicator_id"]),
                            fast_pct=w.cites.figure(fmt_pct(fast["value"]), fast),
                            fast_period=text(labels.period(fast["start"], fast["end"])),
                            weak=w.name(weak["indicator_id"]), weak_pct=w.cites.figure(fmt_pct(weak["value"]), weak),
                            weak_period=text(labels.period(weak["start"], weak["end"])))
    return sentence


def _flag_of(indicator_id: str, year: int, flags: pd.DataFrame) -> dict | None:
    if flags is None or flags.empty:
        return None
    hits = flags.loc[(flags["indicator_id"] == indicator_id) & flags["period"].astype(str).str.startswith(str(year))]
    return hits.iloc[0].to_dict() if len(hits) else None


def _first_sentence(sentence: str) -> str:
    """The first sentence (what disagrees with what, by how much); the rest is under the flags' heading."""
    head, dot, _ = sentence.partition(". ")
    return head + "." if dot else sentence


def _in_doubt_message(rows: pd.DataFrame, flags: pd.DataFrame, catalogue: pd.DataFrame, w: _Writer) -> str:
    items = [t("msg.in_doubt_item", name=w.name(r["indicator_id"]), share=w.share(r), band=w.band(r))
             for r in rows.to_dict("records")]
    sentence = t("msg.in_doubt", year=int(rows["year"].iloc[0]), items="; ".join(items))
    for r in rows.to_dict("records"):
        flag = _flag_of(r["indicator_id"], int(r["year"]), flags)
        if flag is not None:
            sentence += (f' <span class="lsr-flag">{FLAG_MARK}</span> '
                         + t("msg.flagged", name=w.name(r["indicator_id"]),
                             reason=text(_first_sentence(flag_sentence(flag, catalogue)))))
    return sentence


def key_messages(obs: pd.DataFrame, catalogue: pd.DataFrame, manifest: pd.DataFrame, context, cites: Citations,
                 table: dict[str, list[tuple[str, ...]]] | None = None) -> list[str]:
    """The overview's key messages as HTML sentences, in the rule's order (see the module docstring).

    Parameters
    ----------
    obs, catalogue, manifest : pandas.DataFrame
        Printed observations, the catalogue and the report manifest.
    context : lsreports.publish.page_inputs.PageContext
        The build's flags, changes and year-end view.
    cites : Citations
        The page's citations (the figures are numbered in its Sources).
    table : dict, optional
        The key-indicator groups (default :data:`lsreports.publish.overview.KEY_INDICATORS`).
    """
    from .overview import KEY_INDICATORS, group_name

    from .overview import freshest

    table = table or KEY_INDICATORS
    # the variant of each concept the key table shows (its freshest), not its alternatives
    shown = {i for concepts in table.values() for variants in concepts
             for i in freshest(obs, variants)["indicator_id"].unique()}
    groups = {i: group for i, group in _key_ids(table).items() if i in shown}
    w = _Writer(catalogue, cites, obs)
    year_end = context.year_end
    messages = []
    if (choice := against_plan(year_end, groups)) is not None:
        messages.append(_against_plan_message(choice, group_name, w))
    if context.changes.previous:
        messages.append(_latest_message(context.changes, latest_growth(context.changes.new_figures, groups),
                                        manifest, w))
    year = int(year_end["year"].max()) if not year_end.empty else 0
    flagged = {i for i in groups if _flag_of(i, year, context.flags) is not None}
    if not (doubt := in_doubt(year_end, groups, flagged)).empty:
        messages.append(_in_doubt_message(doubt, context.flags, catalogue, w))
    if not (behind := off_track(year_end, groups)).empty:
        messages.append(t("msg.off_track", year=int(behind["year"].iloc[0]), items="; ".join(
            t("msg.in_doubt_item", name=w.name(r["indicator_id"]), share=w.share(r), band=w.band(r))
            for r in behind.to_dict("records"))))
    return messages


def key_messages_html(messages: list[str]) -> str:
    """The messages as the page's opening paragraphs (one each)."""
    opened = [m[:1].upper() + m[1:] for m in messages]  # a sentence may open with a report's name
    return '<div class="lsr-messages">' + "".join(f"<p>{m}</p>" for m in opened) + "</div>"


__all__ = ["MAX_IN_DOUBT", "against_plan", "latest_growth", "in_doubt", "off_track", "key_messages",
           "key_messages_html"]
