"""``index.html``, "Lạng Sơn at a glance": the page a director opens first, generated from the data."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import i18n, labels
from .cite import Citations, text
from .i18n import t

STYLE = (Path(__file__).resolve().parent / "templates" / "overview.css")


def _briefing_links(entries: list[tuple[str, str, str | None]]) -> str:
    return '<ul class="lsr-links">' + "".join(
        f'<li><a href="{text(name)}">{text(title)}</a></li>' for name, title, _ in entries) + "</ul>"


def _about(entries: list[tuple[str, str, str | None]], latest: pd.Timestamp, built: str) -> str:
    versions = ", ".join(f"{text(title)} {text(version)}" for _, title, version in entries if version)
    return (f'<footer class="lsr-about"><h2>{text(t("overview.about_heading"))}</h2><p>'
            + t("overview.about", latest=text(labels.date(latest)), built=text(built),
                versions=versions or text(t("overview.not_stated"))) + "</p></footer>")


def edition_link(href: str | None) -> str:
    """The link to the page's other edition (English ↔ Vietnamese), or '' when there is none."""
    if not href:
        return ""
    return (f'<nav class="lsr-edition"><a href="{text(href)}" hreflang="{i18n.other()}" lang="{i18n.other()}">'
            f'{text(t("overview.other_edition"))}</a></nav>')


def overview_html(entries: list[tuple[str, str, str | None]], built: str, *, obs: pd.DataFrame | None = None,
                  catalogue: pd.DataFrame | None = None, manifest: pd.DataFrame | None = None,
                  context=None, other_edition: str | None = None) -> str:
    """Return the overview page, in the current language (:func:`lsreports.publish.i18n.lang`).

    Parameters
    ----------
    entries : list of (file name, title, version)
        The briefings built, linked in this order.
    built : str
        The build date, shown in the footer.
    obs, catalogue, manifest : pandas.DataFrame, optional
        The printed observations, catalogue and manifest (loaded when not given).
    context : lsreports.publish.page_inputs.PageContext, optional
        Flags, changes and year-end view when already computed for these data.
    other_edition : str, optional
        Relative address of the same page in the other language, linked at the top.
    """
    from .. import access
    from ..sources.loader import indicators, reports
    from .page_inputs import compute
    from .messages import key_messages, key_messages_html
    from .overview import changes_html, flags_html, key_indicators_html, prints_html

    obs = access.observations() if obs is None else obs
    catalogue = indicators() if catalogue is None else catalogue
    manifest = reports() if manifest is None else manifest
    context = compute(obs, catalogue, manifest) if context is None else context
    flags = context.flags
    from ..analysis.checks.flags import flag_table

    # national ids too (the prices rows); every family's flags reach the figures they concern
    table = flag_table(obs, catalogue)
    cites = Citations(manifest, indicators(national=True), flags, table=table)
    from ..sources.prints import preferred_prints

    messages = key_messages_html(key_messages(obs, catalogue, manifest, context, cites))
    # the table shows the preferred print of each figure (lsreports.sources.prints); the checks saw every print
    key = key_indicators_html(preferred_prints(obs, manifest), catalogue, cites,
                              year_end=(context.year_end, context.year_end_label))
    changes = changes_html(context.changes, catalogue, manifest)
    title = text(t("overview.title"))
    return f"""<!DOCTYPE html>
<html lang="{i18n.lang()}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE.read_text(encoding="utf-8")}</style></head>
<body><main>
{edition_link(other_edition)}
<h1>{title}</h1>
<h2 class="lsr-messages-heading">{text(t("overview.key_messages"))}</h2>
{messages}
<p class="lsr-lead">{text(t("overview.lead"))}</p>
<h2>{text(t("overview.key_indicators"))}</h2>
{key}
<h2>{text(t("overview.changes"))}</h2>
{changes}
<h2>{text(t("overview.care"))}</h2>
{flags_html(flags, catalogue)}
{prints_html(table, catalogue)}
<h2>{text(t("overview.briefings"))}</h2>
{_briefing_links(entries)}
{cites.appendix_html(t("sources.heading"))}
{_about(entries, obs["end"].max(), built)}
</main></body></html>
"""
