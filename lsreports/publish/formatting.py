"""Numbers and sentences for readers, formatted explicitly (no locale is installed or relied on)."""
from __future__ import annotations

import html
import math
import re

from . import labels


def fmt_number(value: float | None, decimals: int | None = None) -> str:
    """Format a number with ',' thousands separators and '.' decimals (English style).

    Parameters
    ----------
    value : float or None
        The number; ``None`` or NaN gives an en dash.
    decimals : int, optional
        Digits after the point; by default 0 for values of 100 or more, else up to 2
        without trailing zeros.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        if abs(value) >= 100:
            decimals = 0
        else:
            return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:,.{decimals}f}"


def fmt_printed(value: float | None) -> str:
    """Format a printed figure with every decimal it was printed with (up to 3), never rounded.

    Examples
    --------
    >>> fmt_printed(230.4), fmt_printed(11814.787), fmt_printed(906.0)
    ('230.4', '11,814.787', '906')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def fmt_pct(value: float | None, signed: bool = True) -> str:
    """Format a percentage: ``+45.6%``, ``-20.7%`` (signed) or ``106.1%``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:+.1f}%" if signed else f"{value:.1f}%"


def unit_label(unit: str) -> str:
    """Return the reader's label of a codebook unit (``USD_mn`` → ``million USD``)."""
    return labels.unit(unit)


#: Characters Markdown gives a meaning to (CommonMark lets any of them be backslash-escaped).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:])")


def safe(text: object) -> str:
    """Escape text from the data (labels, quotes, notes) so Markdown or HTML shows it as text.

    HTML's ``<``, ``>`` and ``&`` become entities, and every character Markdown would
    read (``[x](javascript:...)``, ``**``, ``#``, ``|``...) is backslash-escaped, so a
    label can never become markup or a link, in a Markdown cell or in an HTML page.

    Examples
    --------
    >>> safe("[x](javascript:alert(1)) <b>")
    '\\[x\\]\\(javascript\\:alert\\(1\\)\\) &lt;b&gt;'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))
