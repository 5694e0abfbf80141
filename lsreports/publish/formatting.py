"""Numbers and sentences for readers, formatted explicitly (no locale is installed or relied on)."""
from __future__ import annotations

import html
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from . import i18n, labels


def localise(number: str, code: str | None = None) -> str:
    """Write an English-formatted number in the current language's style.

    Vietnamese swaps the separators (``1,234.5`` → ``1.234,5``) and sets a space before
    the percent sign (``+45.6%`` → ``+45,6 %``); English is returned unchanged.

    Examples
    --------
    >>> localise("1,234.5", "vi"), localise("+45.6%", "vi"), localise("+45.6%", "en")
    ('1.234,5', '+45,6 %', '+45.6%')
    """
    if (code or i18n.lang()) != "vi":
        return number
    swapped = number.translate(str.maketrans({",": ".", ".": ","}))
    return re.sub(r"(?<=\d)%", " %", swapped)




def half_up(value: float, decimals: int) -> Decimal:
    """Round a number as a statistics office rounds its printed decimal: half away from zero.

    The float's shortest decimal string (``repr``, which is the printed figure for a
    figure read from a report) is rounded with :data:`decimal.ROUND_HALF_UP`, so that a
    printed ``-34.55`` gives ``-34.6``, where binary floating point (``f"{-34.55:.1f}"``)
    gives ``-34.5``.

    Examples
    --------
    >>> str(half_up(-34.55, 1)), str(half_up(88.05, 1)), str(half_up(21.15, 1)), str(half_up(2.5, 0))
    ('-34.6', '88.1', '21.2', '3')
    """
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fixed(value: float, decimals: int, *, sign: bool = False, grouping: bool = False) -> str:
    """Format ``value`` to ``decimals`` places rounded half away from zero (:func:`half_up`).

    ``sign`` adds ``+`` to a positive number (like ``f"{v:+.1f}"``); ``grouping`` puts
    ``,`` between thousands (like ``f"{v:,.1f}"``). A result of zero is never ``-0``.

    Examples
    --------
    >>> fixed(-34.55, 1, sign=True), fixed(1234.5, 0, grouping=True), fixed(-0.04, 1)
    ('-34.6', '1,235', '0.0')
    """
    if not math.isfinite(value):
        return ("+" if sign and value > 0 else "") + ("inf" if value > 0 else "-inf" if value < 0 else "nan")
    rounded = half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)
    spec = ("+" if sign else "") + ("," if grouping else "") + f".{decimals}f"
    return format(rounded, spec)


def fmt_number(value: float | None, decimals: int | None = None) -> str:
    """Format a number with ',' thousands separators and '.' decimals (English; Vietnamese: :func:`localise`).

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
            return localise(fixed(value, 2, grouping=True).rstrip("0").rstrip("."))
    return localise(fixed(value, decimals, grouping=True))


def fmt_printed(value: float | None) -> str:
    """Format a printed figure with every decimal it was printed with (up to 3), never rounded.

    Examples
    --------
    >>> fmt_printed(230.4), fmt_printed(11814.787), fmt_printed(906.0)
    ('230.4', '11,814.787', '906')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return localise(fixed(value, 3, grouping=True).rstrip("0").rstrip("."))


def fmt_pct(value: float | None, signed: bool = True) -> str:
    """Format a percentage to one decimal, rounded half away from zero: ``+45.6%``, ``-20.7%`` (signed) or ``106.1%``.

    In Vietnamese (:func:`localise`): ``+45,6 %``.

    Examples
    --------
    >>> fmt_pct(-34.55), fmt_pct(88.05), fmt_pct(21.15, signed=False)
    ('-34.6%', '+88.1%', '21.2%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return localise(fixed(value, 1, sign=signed) + "%")


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
