"""A domain briefing's traceable parts: key figures, headline tables, computed sentences, Sources.

One :class:`BriefingPage` per notebook holds the page's :class:`~lsreports.publish.cite.Citations`,
so every figure the page shows, in a table or in a sentence, is numbered in one Sources
appendix that :meth:`BriefingPage.sources` renders last.
"""
from __future__ import annotations

import pandas as pd

from ..sources.periods import period_label
from . import labels, sentences
from .cite import Citations, text
from .i18n import t
from .formatting import fmt_pct, fmt_printed
from .overview import (BRIEFING_GROUPS, KEY_INDICATORS, SHARE_MEASURES, _base, changes_html, key_indicators_html,
                       rate_alone)


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


class BriefingPage:
    """The traceable parts of a domain briefing: key figures first, headline tables, Sources last.

    Parameters
    ----------
    domain : str
        A briefing name of :data:`~lsreports.publish.overview.BRIEFING_GROUPS` (``"trade"``,
        ``"budget"``, ...); another name gives no key-indicator rows but still serves
        headlines, sentences and sources.

    Examples
    --------
    In a notebook::

        page = BriefingPage("trade")
        page.key_figures()          # key indicators and what the latest report changed
        page.headline(["trade_total", "trade_declared"])
        page.sentences(["trade_total"])   # the latest level as a sentence, figures traceable
        page.sources()              # the Sources appendix, last
    """

    def __init__(self, domain: str):
        from .. import access
        from ..sources.loader import indicators, reports
        from .page_inputs import shared

        self.domain = domain
        from ..sources.prints import preferred_prints

        self.all_obs, self.catalogue, self.manifest = access.observations(), indicators(), reports()
        # what the page shows is the preferred print of each figure; the checks see every print
        self.obs = preferred_prints(self.all_obs, self.manifest)
        groups = BRIEFING_GROUPS.get(domain, ())
        self.ids = self.catalogue.loc[self.catalogue["domain"] == domain, "indicator_id"].tolist()
        self.ids += [i for group in groups for variants in KEY_INDICATORS[group] for i in variants]
        self.context = shared(self.all_obs, self.catalogue, self.manifest)  # computed once per build
        from ..analysis.checks.flags import flag_table

        self.flags = flag_table(self.all_obs, self.catalogue)  # every family's flags reach the figures they concern
        self.cites = Citations(self.manifest, indicators(national=True), self.context.flags, table=self.flags)

    def key_figures(self):
        """How to trace a figure, the key indicators of the domain (with the year end against plan) and what the
        latest report changed."""
        groups = BRIEFING_GROUPS.get(self.domain, ())
        year_end = (self.context.year_end, self.context.year_end_label)
        key = key_indicators_html(self.obs, self.catalogue, self.cites, groups, year_end) if groups else ""
        return _html(f'<p class="lsr-how-to-read">{t("read.hover")}</p>{key}<h3>{text(t("overview.changes"))}</h3>'
                     f"{changes_html(self.context.changes, self.catalogue, self.manifest, self.ids)}")

    def headline(self, indicator_ids: list[str]):
        """The headline table (latest period of each indicator), every figure traceable."""
        from .headline import latest_rows

        rows = latest_rows(self.obs, indicator_ids)
        head = "<tr>" + "".join(f"<th>{text(t('headline.' + c))}</th>" for c in
                                ("indicator", "other_name", "period", "level", "change", "share", "report")) + "</tr>"
        names = labels.report_names(self.manifest)
        lines = []
        for indicator in indicator_ids:
            for _, group in rows.loc[rows["indicator_id"] == indicator].groupby(["start", "end", "source_doc"]):
                lines.append(self._headline_row(group, names))
        return _html(f'<div class="lsr-table"><table class="lsr-headline"><thead>{head}</thead>'
                     f'<tbody>{"".join(lines)}</tbody></table></div>')

    def _headline_row(self, group: pd.DataFrame, names: dict[str, str]) -> str:
        by_measure = {r["measure"]: r for r in group.to_dict("records")}
        first = next(iter(by_measure.values()))
        entry = self.catalogue.set_index("indicator_id").loc[first["indicator_id"]]
        level, yoy = by_measure.get("value"), by_measure.get("yoy_pct")
        share = next((by_measure[m] for m in SHARE_MEASURES if m in by_measure), None)
        pair = (entry["name_vi"], entry["name_en"]) if labels.name_column() == "name_vi" else \
            (entry["name_en"], entry["name_vi"])
        other = "en" if labels.name_column() == "name_vi" else "vi"  # the name in the other language, marked as such
        cells = [text(pair[0]), f'<span lang="{other}">{text(pair[1])}</span>', text(labels.period(first["start"], first["end"])),
                 self.cites.figure(f"{fmt_printed(level['value'])} {labels.unit(entry['unit'])}", level)
                 if level else "–",
                 self.cites.figure(rate_alone(fmt_pct(yoy["value"]), yoy, level), yoy) if yoy else "–",
                 self.cites.figure(t("key.share_of", pct=fmt_pct(share['value'], signed=False), target=_base(share)),
                                   share) if share else "–",
                 text(names.get(first["source_doc"], first["source_doc"]))]
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    # Computed sentences (lsreports.publish.sentences), written with the page's citations.
    def sentences(self, indicator_ids: list[str | tuple[str, ...]],
                  kinds: tuple[str, ...] = ("ytd", "ytd_day", "month", "point")):
        """One sentence per indicator: its latest printed level, change on a year earlier and share of plan."""
        return self._block(self.cites.bullets(
            [sentences.latest_level_sentence(self.obs, self.catalogue, i, kinds, writer=self.cites)
             for i in indicator_ids]))

    def shares(self, frame: pd.DataFrame, part_id: str, total_id: str, phrase: str):
        """A part's share of its total in each period printing both (derived, formula on hover)."""
        return self._block(sentences.share_lines(frame, part_id, total_id, phrase, writer=self.cites))

    def scope(self, indicator_id: str, noun: str):
        """The programme scope each report implies from a count and its share of the programme."""
        return self._block(sentences.implied_scope_lines(self.obs, indicator_id, noun, writer=self.cites))

    def contributions(self, table: pd.DataFrame, total_id: str, heading: str = ""):
        """A total's growth split into its parts' contributions (:func:`lsreports.analysis.checks.contributions.contributions`)."""
        lines = sentences.contribution_lines(table, self.catalogue, total_id, obs=self.obs, writer=self.cites)
        return self._block((self.cites.paragraph(text(heading)) if heading else "") + lines)

    def change(self, indicator_id: str, noun: str):
        """The latest printed change on a year earlier, as a sentence."""
        return self._block(self.cites.paragraph(sentences.latest_change_sentence(self.obs, indicator_id, noun,
                                                                                 writer=self.cites)))

    def spread(self, rates: pd.DataFrame, noun: str):
        """How many of a group grew, and the fastest and weakest (``rates``: printed ``yoy_pct`` rows, ``name_en``)."""
        return self._block(self.cites.paragraph(sentences.spread_sentence(rates, noun, writer=self.cites)))

    def country(self, province_ids: list[str]):
        """The country as context (:func:`lsreports.publish.country_section.country_context`), its text cited.

        Its sentences are English; in another edition they are marked ``lang="en"``.
        """
        from .. import access
        from .country_section import country_context

        from dataclasses import replace

        from .i18n import lang

        context = country_context(province_ids, access.observations(include_derived=True), writer=self.cites)
        if lang() != "en" and context.text:  # its sentences are written in English: marked so in another edition
            context = replace(context, text=f'<div lang="en">{context.text}</div>')
        return context

    def projection(self, projection, noun: str):
        """Pro-rata against the growth-based nowcast of one year-end projection (a row with a plan).

        The flags the projection rests on travel with it (⚑ and the reason on the nowcast).
        """
        from ..analysis.checks.flags import annotate_projections

        if "flag_reason" not in dict(projection):
            projection = annotate_projections(pd.DataFrame([dict(projection)]), self.flags).iloc[0]
        return self._block(self.cites.paragraph(sentences.projection_sentence(projection, self.obs, noun,
                                                                               writer=self.cites)))

    # Building blocks for a sentence a notebook composes itself.
    def figure(self, shown: str, indicator_id: str, start, end, measure: str, source_doc: str | None = None) -> str:
        """A printed figure as traceable HTML (for :meth:`say`); a ``vn_*`` id is looked up in the national rows.

        Raises
        ------
        KeyError
            If no printed row matches (a sentence never shows an untraceable figure).
        """
        if indicator_id.startswith("vn_"):
            from ..sources.loader import national_observations

            rows = national_observations()
        else:  # a report named: its own print; else the preferred one
            rows = self.all_obs if source_doc else self.obs
        row = sentences.printed_row(rows, indicator_id, start, end, measure, source_doc)
        if row is None:
            raise KeyError(f"no printed {measure} of {indicator_id} for {start}..{end} in {source_doc or 'any report'}")
        return self.cites.figure(shown, row)

    def derived(self, shown: str, formula: str) -> str:
        """A figure computed on the page, its formula on hover (for :meth:`say`)."""
        return self.cites.derived(shown, formula)

    def say(self, markup: str):
        """Show a sentence composed of :meth:`figure` and :meth:`derived` parts and the notebook's own words."""
        return self._block(self.cites.paragraph(markup))

    @staticmethod
    def _block(markup: str):
        return _html(f'<div class="lsr-sentences">{markup}</div>')

    def sources(self):
        """The Sources appendix of every figure cited so far on the page."""
        return _html(self.cites.appendix_html() or f"<p>{text(t('sources.none'))}</p>")

    @staticmethod
    def how_to_read():
        """How to trace a figure: on screen "hover over a figure", on paper "the sources are listed below"."""
        return _html(f'<p class="lsr-how-to-read">{t("read.hover")}</p>')


__all__ = ["BriefingPage"]
