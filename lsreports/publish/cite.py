"""Traceable figures in HTML: each number links to its source and shows it on hover.

A :class:`Citations` collects the rows a page shows. :meth:`Citations.figure` renders a
printed figure as a link to its entry in the page's "Sources" appendix, with the verbatim
quote and the report in the link's tooltip; a derived figure shows its formula instead.
A flagged figure carries a visible mark (⚑) and the flag's one-line reason. Everything
that comes from the data (quotes, labels, notes, flag reasons) is escaped: it is always
text, never markup or a link.

Computed sentences (:mod:`lsreports.publish.sentences`) are written through a *writer*:
a :class:`Citations` writes HTML in which every figure is traceable; :data:`PLAIN` writes
the same sentence as Markdown without sources, for a terminal or a quick look. Both have
``label`` (text from the data), ``words`` (text the library composed), ``figure`` (a
printed row's number), ``derived`` (a number computed here, with its formula),
``flag_suffix``, ``bullets`` and ``paragraph``.
"""
from __future__ import annotations

import html
import textwrap

import pandas as pd

from ..sources.periods import period_label
from . import labels
from .formatting import safe
from .i18n import lang, t

#: The mark a flagged figure carries wherever it is shown.
FLAG_MARK = "⚑"


def text(value: object) -> str:
    """Escape data for HTML text and attributes (quotes included); missing values give ''."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def one_line(reason: object, width: int = 160) -> str:
    """Shorten a flag's reason to one line of at most ``width`` characters (plain text)."""
    if reason is None or reason is pd.NA or (isinstance(reason, float) and pd.isna(reason)):
        return ""
    return textwrap.shorten(" ".join(str(reason).split()), width, placeholder=" …")


def curated_flag_reason(row) -> str:
    """The one-line reason of a row's curated flag, in words (:func:`lsreports.publish.flag_words.flag_sentence`).

    '' when the row has none.
    """
    from .flag_words import flag_sentence

    flag = row.get("flag")
    if not (isinstance(flag, str) and flag):
        return ""
    note = row.get("note")
    note = note if isinstance(note, str) else ""
    return one_line(flag_sentence({"check": "curated_flag", "detail": f"{flag}: {note}"}), 300)


def flag_mark(reason: str) -> str:
    """The visible mark of a flagged figure, its reason on hover ('' when there is no reason)."""
    return f' <span class="lsr-flag" title="{text(reason)}">{FLAG_MARK}</span>' if reason else ""


def _status_tail(row) -> str:
    """``, proposed`` (the row's status word) for the Sources entry; '' for a figure done."""
    word = labels.status(row.get("status"))
    return f", {word}" if word else ""


def flag_words_row(flag: dict) -> str:
    """A row of the flag table (:func:`lsreports.flags`) in the page's language: its ``reason`` in English,
    a sentence naming the check in Vietnamese (the table's reasons are written in English)."""
    from .flag_words import flag_sentence

    if lang() == "en" or flag.get("detail"):
        return flag_sentence(flag)
    from .reader_tables import CHECKS

    check = str(flag.get("check", ""))
    return t("flag.generic", check=CHECKS[check][1] if check in CHECKS else check.replace("_", " "),
             family=flag.get("family", ""), reason=flag.get("reason", ""))


def row_key(row) -> tuple:
    """Identify an observation row: indicator, period, measure and report."""
    return (row["indicator_id"], pd.Timestamp(row["start"]), pd.Timestamp(row["end"]), row["measure"],
            row["source_doc"])


class Citations:
    """The sources of one page, numbered in the order figures are first shown.

    Parameters
    ----------
    manifest : pandas.DataFrame
        The reports (:func:`lsreports.reports`), for their names.
    catalogue : pandas.DataFrame
        The indicators (:func:`lsreports.indicators`), for their names in the appendix.
    flags : pandas.DataFrame, optional
        Consistency flags (:func:`lsreports.consistency_flags`); a figure of an indicator,
        period and report they name carries the mark too.
    anchor : str
        Prefix of the appendix anchors (two citation lists on one page need different ones).
    table : pandas.DataFrame, optional
        The flag table (:func:`lsreports.flags`); when given, a figure carries every family's
        flags that concern it (:func:`lsreports.analysis.checks.flags.figure_flags`), not
        only the consistency flags.
    """

    def __init__(self, manifest: pd.DataFrame, catalogue: pd.DataFrame, flags: pd.DataFrame | None = None,
                 anchor: str = "src", table: pd.DataFrame | None = None):
        self.names = {**labels.national_table_names(), **labels.report_names(manifest)}
        self.indicator_names = labels.indicator_names(catalogue)
        self.flags = flags if flags is not None else pd.DataFrame(columns=["indicator_id", "period", "source_docs"])
        self.anchor = anchor
        self.table = table
        self._figure_flags = None  # the table prepared for many figures (FigureFlags), built on first use
        self.entries: dict[tuple, tuple[int, dict]] = {}
        #: Derived figures shown with a flag: (shown, formula, reason), listed under Sources for paper.
        self.flagged_derived: list[tuple[str, str, str]] = []

    def _number(self, row) -> int:
        key = row_key(row)
        if key not in self.entries:
            self.entries[key] = (len(self.entries) + 1, dict(row))
        return self.entries[key][0]

    def flag_reason(self, row) -> str:
        """The one-line reason a figure is flagged ('' when it is not): its curated flag, else a consistency check."""
        curated = curated_flag_reason(row)
        if "start" not in row or "source_doc" not in row:  # a derived figure built on the page
            return curated
        if self.table is not None:
            from ..analysis.checks.flags import FigureFlags, flag_reasons

            if self._figure_flags is None or self._figure_flags.flags is not self.table:
                self._figure_flags = FigureFlags(self.table)
            found = self._figure_flags.of(row)
            reasons = ([curated] if curated else []) + (flag_reasons(found) if lang() == "en" else
                                                        list(dict.fromkeys(flag_words_row(r) for r in
                                                                           found.to_dict("records"))))
            return one_line(" ".join(reasons), 600)
        if curated:
            return curated
        period = period_label(pd.Timestamp(row["start"]), pd.Timestamp(row["end"]))
        hits = self.flags.loc[(self.flags["indicator_id"] == row["indicator_id"]) & (self.flags["period"] == period)
                              & self.flags["source_docs"].astype(str).str.contains(str(row["source_doc"]),
                                                                                   regex=False)]
        if not len(hits):
            return ""
        from .flag_words import flag_sentence

        return one_line(flag_sentence(hits.iloc[0].to_dict()), 300)

    def figure(self, shown: str, row) -> str:
        """Render ``shown`` (the formatted number) as a traceable figure.

        A printed row links to its appendix entry with the quote and report on hover; a
        derived row (``derived`` true) shows its formula instead. A flagged row gets
        :data:`FLAG_MARK` and the reason, in the tooltip and in the appendix.
        """
        reason = self.flag_reason(row)
        mark = flag_mark(reason)
        if bool(row.get("derived")):
            formula = row.get("formula") or row.get("quote")
            return (f'<span class="lsr-src" title="{text(t("sources.derived"))}: {text(formula)}">{text(shown)}</span>'
                    f"{mark}")
        number = self._number(row)
        tip = f"“{row['quote']}” ({self.names.get(row['source_doc'], row['source_doc'])})"
        # the status word (estimate, proposed, ...) is part of the figure; in a table it goes on its own line
        status = labels.with_status("", row)
        status = f'<span class="lsr-status">{text(status)}</span>' if status else ""
        return (f'<a class="lsr-src" href="#{self.anchor}-{number}" title="{text(tip)}">{text(shown)}'
                f'<sup>{number}</sup>{status}</a>{mark}')

    # The writer interface of the computed sentences (see the module docstring).
    @staticmethod
    def label(value: object) -> str:
        """Text from the data (a name, a note): escaped."""
        return text(value)

    @staticmethod
    def words(value: object) -> str:
        """Text the library composed (a period, a report's name): escaped all the same."""
        return text(value)

    def derived(self, shown: str, formula: str, indicator_id: str = "", reason: str = "") -> str:
        """A figure computed on the page, its formula on hover.

        With a ``reason`` (the flags of its inputs, in words) it carries :data:`FLAG_MARK`
        with the reason on hover, and a numbered note under Sources for paper.
        """
        shown_html = self.figure(shown, {"indicator_id": indicator_id, "derived": True, "formula": formula})
        if not reason:
            return shown_html
        self.flagged_derived.append((shown, formula, reason))
        number = len(self.flagged_derived)
        return (f'{shown_html}{flag_mark(reason)}<a class="lsr-src" href="#{self.anchor}-f{number}">'
                f'<sup>F{number}</sup></a>')

    @staticmethod
    def flag_suffix(row) -> str:
        """Nothing: :meth:`figure` already marks a flagged figure."""
        return ""

    @staticmethod
    def bullets(lines: list[str]) -> str:
        """An HTML list of sentences."""
        return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"

    @staticmethod
    def paragraph(line: str) -> str:
        """An HTML paragraph."""
        return f"<p>{line}</p>"

    def appendix_html(self, heading: str | None = None) -> str:
        """The "Sources" appendix: one numbered entry per cited figure, with its quote, report and flag.

        Flagged derived figures follow, numbered F1, F2, ..., with their formula and the reason.
        """
        if not self.entries and not self.flagged_derived:
            return ""
        items = []
        for number, row in sorted(self.entries.values(), key=lambda e: e[0]):
            name = self.indicator_names.get(row["indicator_id"], row["indicator_id"])
            period = labels.period(row["start"], row["end"])
            reason = self.flag_reason(row)
            flag = f'<br><span class="lsr-flag">{FLAG_MARK}</span> {text(reason)}' if reason else ""
            items.append(f'<li id="{self.anchor}-{number}"><q>{text(row["quote"])}</q> '
                         f'<span class="lsr-note">— {text(self.names.get(row["source_doc"], row["source_doc"]))}; '
                         f'{text(name)}, {text(period)}, {text(labels.measure(row["measure"]))}'
                         f'{text(_status_tail(row))}</span>{flag}</li>')
        heading = t("sources.heading") if heading is None else heading
        # the flag table's reasons of a derived figure are written in English: marked so in another edition
        english = "" if lang() == "en" else ' lang="en"'
        # the anchor on a span: the Sources entries are the numbered <li id> (lsreports.publish.audit reads them)
        notes = "".join(f'<li><span id="{self.anchor}-f{n}">F{n}</span>: {text(shown)} = {text(formula)}<br>'
                        f'<span class="lsr-flag">{FLAG_MARK}</span> <span{english}>{text(reason)}</span></li>'
                        for n, (shown, formula, reason) in enumerate(self.flagged_derived, start=1))
        derived = (f'\n<h3>{text(t("sources.flagged_derived"))}</h3>\n<ul class="lsr-flagged">{notes}</ul>'
                   if notes else "")
        return f'<section class="lsr-sources"><h2 id="{self.anchor}">{text(heading)}</h2>\n<ol>\n' + \
            "\n".join(items) + "\n</ol>" + derived + "</section>"

    def _repr_html_(self) -> str:
        return self.appendix_html()


class PlainText:
    """The writer of computed sentences as Markdown without sources (see the module docstring).

    Data text is Markdown-escaped (:func:`lsreports.publish.formatting.safe`); numbers and
    the library's own words are written as they are; a flagged figure's reason follows the
    sentence after :data:`FLAG_MARK`.
    """

    label = staticmethod(safe)

    @staticmethod
    def words(value: object) -> str:
        return str(value)

    @staticmethod
    def figure(shown: str, row) -> str:
        return labels.with_status(shown, row)

    @staticmethod
    def derived(shown: str, formula: str, indicator_id: str = "", reason: str = "") -> str:
        return f"{shown} {FLAG_MARK} ({safe(reason)})" if reason else shown

    @staticmethod
    def flag_suffix(row) -> str:
        """`` ⚑ <reason>`` when the row carries a curated flag, else ''."""
        reason = curated_flag_reason(row)
        return f" {FLAG_MARK} {safe(reason)}" if reason else ""

    @staticmethod
    def bullets(lines: list[str]) -> str:
        return "\n".join(f"- {line}" for line in lines)

    @staticmethod
    def paragraph(line: str) -> str:
        return line + "\n\n"


#: The plain writer: Markdown sentences without sources.
PLAIN = PlainText()
