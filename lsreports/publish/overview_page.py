"""``index.html``, "Lạng Sơn at a glance": the page a director opens first, generated from the data."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .cite import Citations, text

STYLE = (Path(__file__).resolve().parent / "templates" / "overview.css")


def _briefing_links(entries: list[tuple[str, str, str | None]]) -> str:
    return '<ul class="lsr-links">' + "".join(
        f'<li><a href="{text(name)}">{text(title)}</a></li>' for name, title, _ in entries) + "</ul>"


def _about(entries: list[tuple[str, str, str | None]], latest: pd.Timestamp, built: str) -> str:
    versions = ", ".join(f"{text(title)} {text(version)}" for _, title, version in entries if version)
    return (f'<footer class="lsr-about"><h2>About this page</h2><p>Data up to <strong>{latest:%d %B %Y}</strong>; '
            f"built {text(built)}. Every figure is printed in a report of the province (its sentence is shown on "
            "hover and listed under Sources), read from a cell of the GSO's national tables (the prices rows; "
            "the cell is named under Sources) or derived from such figures (its formula is shown on hover). "
            f"Briefing versions: {versions or 'not stated'}.</p></footer>")


def overview_html(entries: list[tuple[str, str, str | None]], built: str, *, obs: pd.DataFrame | None = None,
                  catalogue: pd.DataFrame | None = None, manifest: pd.DataFrame | None = None,
                  context=None) -> str:
    """Return the overview page.

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
    """
    from .. import access
    from ..sources.loader import indicators, reports
    from .page_inputs import compute
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

    # the table shows the preferred print of each figure (lsreports.sources.prints); the checks saw every print
    key = key_indicators_html(preferred_prints(obs, manifest), catalogue, cites,
                              year_end=(context.year_end, context.year_end_label))
    changes = changes_html(context.changes, catalogue, manifest)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lạng Sơn at a glance</title>
<style>{STYLE.read_text(encoding="utf-8")}</style></head>
<body><main>
<h1>Lạng Sơn at a glance</h1>
<p class="lsr-lead">The key indicators of every domain in the province's latest reports, where the year is heading
against plan, what the latest report changed, and the figures that do not add up.</p>
<h2>Key indicators</h2>
{key}
<h2>What changed with the latest report</h2>
{changes}
<h2>Figures to read with care</h2>
{flags_html(flags, catalogue)}
{prints_html(table, catalogue)}
<h2>Briefings</h2>
{_briefing_links(entries)}
{cites.appendix_html()}
{_about(entries, obs["end"].max(), built)}
</main></body></html>
"""
