"""The codebook's units, in one table: every module that knows something about a unit reads it here.

Each :class:`Unit` says what the contract accepts (:data:`lsreports.sources.contract.UNITS`),
how a reader says it (:data:`lsreports.publish.labels.UNITS`), how the extractor converts a
printed amount into it (``family`` and ``per_unit``: :data:`lsreports.extract.units.CODEBOOK_UNITS`),
whether a printed number needs a scale word to reach it and the power of ten a scaled
unit carries (``unscaled``, ``per_unit``: :data:`lsreports.sources.printed.UNSCALED_UNITS`,
:data:`lsreports.sources.printed.UNIT_POWER`) and how Excel shows it
(:data:`lsreports.publish.excel.NUMBER_FORMATS`).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One codebook unit.

    Attributes
    ----------
    words : str
        The unit for a reader (``million USD``).
    family : str
        What it measures, for conversions between printed units (``usd``, ``mass``); empty
        for ``pct``, which converts to nothing.
    per_unit : float
        Base units of the family in one of this unit (``USD_mn``: 1e6 dollars).
    unscaled : bool
        Whether the unit has no scale of its own, so that a power of ten in a quote needs a
        scale word after the number (``persons``, ``t``).
    number_format : str
        The Excel number format of a cell in this unit.
    """

    words: str
    family: str
    per_unit: float
    unscaled: bool
    number_format: str


_DECIMAL3, _DECIMAL2, _WHOLE = "#,##0.0##", "#,##0.0#", "#,##0"

#: Codebook unit → :class:`Unit`.
UNIT_TABLE: dict[str, Unit] = {
    "USD_mn": Unit("million USD", "usd", 1e6, False, _DECIMAL3),
    "VND_bn": Unit("billion VND", "vnd", 1e9, False, _DECIMAL3),
    "kt": Unit("thousand tonnes", "mass", 1e3, False, _DECIMAL3),
    "t": Unit("tonnes", "mass", 1.0, True, _DECIMAL2),
    "thousand_m3": Unit("thousand m³", "volume", 1e3, False, _DECIMAL2),
    "mn_kWh": Unit("million kWh", "energy", 1e6, False, _DECIMAL2),
    "mn_bricks": Unit("million bricks", "bricks", 1e6, False, _DECIMAL2),
    "thousand_visits": Unit("thousand visits", "visits", 1e3, False, _DECIMAL2),
    "persons": Unit("persons", "persons", 1.0, True, _WHOLE),
    "households": Unit("households", "households", 1.0, True, _WHOLE),
    "houses": Unit("houses", "houses", 1.0, True, _WHOLE),
    "visits": Unit("visits", "visits", 1.0, True, _WHOLE),
    "vehicles": Unit("vehicles", "vehicles", 1.0, True, _WHOLE),
    "enterprises": Unit("enterprises", "enterprises", 1.0, True, _WHOLE),
    "kg": Unit("kg", "kg", 1.0, False, _WHOLE),
    "pct": Unit("%", "", 1.0, True, "0.0##%"),
}

__all__ = ["Unit", "UNIT_TABLE"]
