"""The data contract: the columns, measures and units of the observations table.

Mirrors ``../shared/DATA_CONTRACT.md``; every reader and writer of curated rows goes
through these names so that the contract is stated once.
"""
from __future__ import annotations

from .units import UNIT_TABLE

import pandas as pd

CONTRACT_COLUMNS: tuple[str, ...] = (
    "indicator_id", "start", "end", "measure", "value", "unit", "source_doc", "quote", "derived",
)
#: Columns the project adds after the contract's nine (all optional text).
EXTRA_COLUMNS: tuple[str, ...] = ("status", "flag", "note")
OBSERVATION_COLUMNS: tuple[str, ...] = CONTRACT_COLUMNS + EXTRA_COLUMNS

MEASURES: tuple[str, ...] = ("value", "yoy_pct", "mom_pct", "plan_pct", "est_central_pct", "est_local_pct")
PCT_MEASURES: frozenset[str] = frozenset(m for m in MEASURES if m.endswith("_pct"))

#: The codebook's units (:data:`lsreports.sources.units.UNIT_TABLE`).
UNITS: frozenset[str] = frozenset(UNIT_TABLE)

DOMAINS: tuple[str, ...] = (
    "trade", "budget", "industry", "tourism", "social", "commerce", "macro", "agriculture", "prices",
)

INDICATOR_COLUMNS: tuple[str, ...] = (
    "indicator_id", "domain", "kind", "unit", "name_en", "name_vi", "notes", "nonnegative",
)
TARGET_COLUMNS: tuple[str, ...] = (
    "target_id", "indicator_id", "name_en", "start", "end", "kind", "value", "value_high",
    "unit", "bound", "source_doc", "quote", "note",
)
#: What a target's value is: a level in ``unit``; growth on the previous year in percent
#: (``growth_pct``) or its annual average over the target's years (``growth_avg_pct``);
#: growth in percent above the year's budget estimate (``above_estimate_pct``); a share
#: of a total or of a plan (``share_pct``); a rate among a population (``rate_pct``).
TARGET_KINDS: frozenset[str] = frozenset({"level", "growth_pct", "growth_avg_pct", "above_estimate_pct", "share_pct",
                                          "rate_pct"})
TARGET_BOUNDS: frozenset[str] = frozenset({"min", "max", "exact", "range"})

#: Maximum length of a quote, in characters.
MAX_QUOTE_CHARS = 200


def expected_unit(measure: str, indicator_unit: str) -> str:
    """Return the unit a row must carry: ``pct`` for ``*_pct`` measures, else the indicator's."""
    return "pct" if measure in PCT_MEASURES else indicator_unit


def normalise_observations(obs: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``obs`` in the contract's types.

    ``start``/``end`` datetime, ``value`` float, ``derived`` bool (text ``true``/``1``/``yes``
    is true) and the project's extra columns as text (added empty where missing), so that
    frames from the loader, from a CSV read as text or built by hand compare alike.
    """
    frame = obs.copy()
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["value"] = frame["value"].astype(float)
    if frame["derived"].dtype != bool:
        frame["derived"] = frame["derived"].astype(str).str.strip().str.lower().isin({"true", "1", "yes"})
    for column in EXTRA_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def printed_rows(obs: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of a normalised table that were printed in a report (``derived`` false)."""
    return obs.loc[~obs["derived"]]
