"""Numbers and sentences for readers, formatted explicitly (no locale is installed or relied on)."""
from __future__ import annotations

import html
import math

UNIT_LABELS: dict[str, str] = {
    "USD_mn": "million USD", "VND_bn": "billion VND", "kt": "thousand tonnes", "t": "tonnes",
    "thousand_m3": "thousand m³", "mn_kWh": "million kWh", "mn_bricks": "million bricks",
    "thousand_visits": "thousand visits", "persons": "persons", "households": "households",
    "houses": "houses", "visits": "visits", "vehicles": "vehicles", "enterprises": "enterprises",
    "kg": "kg", "pct": "%",
}


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


def fmt_pct(value: float | None, signed: bool = True) -> str:
    """Format a percentage: ``+45.6%``, ``-20.7%`` (signed) or ``106.1%``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:+.1f}%" if signed else f"{value:.1f}%"


def unit_label(unit: str) -> str:
    """Return the reader's label of a codebook unit (``USD_mn`` → ``million USD``)."""
    return UNIT_LABELS.get(unit, unit)


def safe(text: str) -> str:
    """Escape text taken from the reports before it is rendered as Markdown or HTML."""
    return html.escape(str(text), quote=False)
