"""Levels by indicator and period, printed or derived, with where each came from.

The year-end projections (:mod:`lsreports.analysis.yearend`) and the checks across report
vintages (:mod:`lsreports.analysis.checks.vintages`) ask the same question: what level
does an indicator have over a given period, and from which report or formula.
:func:`level_lookup` answers it for every period at once; :func:`pick_level` chooses among
several answers (a printed level first).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..sources.contract import printed_rows
from .derive import TARGET_DERIVATIONS, derivation_candidates


@dataclass(frozen=True)
class Level:
    """A level with where it came from.

    Attributes
    ----------
    value : float
        The level, in the indicator's unit.
    source : str
        ``printed (<doc>)`` or the formula of the derived row it came from.
    printed : bool
        Whether the level is printed (not derived).
    flag : str
        The curation flag of the row, empty when none.
    assumption : str
        An assumption made on top of the source (the December estimate), empty when none.
    """

    value: float
    source: str
    printed: bool
    flag: str = ""
    assumption: str = ""


LevelLookup = dict[tuple[str, pd.Timestamp, pd.Timestamp], list[Level]]


def level_lookup(frame: pd.DataFrame) -> LevelLookup:
    """Levels by ``(indicator_id, start, end)``: printed first (the preferred print first), then derived.

    Parameters
    ----------
    frame : pandas.DataFrame
        Normalised observations (:func:`lsreports.sources.contract.normalise_observations`).
    """
    from ..sources.prints import mark_preferred

    printed = printed_rows(frame)
    printed = printed.loc[printed["measure"] == "value"]
    # the preferred print first (lsreports.sources.prints: the province's report over the press, ...)
    printed = mark_preferred(printed, _manifest()).sort_values(["preferred", "source_doc"], ascending=False)
    derived = derivation_candidates(frame)
    derived = derived.loc[~derived["derivation"].isin(TARGET_DERIVATIONS.values())]
    lookup: LevelLookup = {}
    for r in printed.itertuples(index=False):
        lookup.setdefault((r.indicator_id, r.start, r.end), []).append(
            Level(r.value, f"printed ({r.source_doc})", True, r.flag))
    for r in derived.itertuples(index=False):
        flag = r.flag if isinstance(r.flag, str) else ""
        lookup.setdefault((r.indicator_id, r.start, r.end), []).append(Level(r.value, r.quote, False, flag))
    return lookup


def _manifest() -> pd.DataFrame:
    """The curated manifest, or an empty frame in a bare data folder (reports then rank by id)."""
    try:
        from ..sources.loader import reports

        return reports()
    except Exception:  # noqa: BLE001 - no manifest: every report ranks alike
        return pd.DataFrame()


def pick_level(options: list[Level], prefer_doc: str) -> Level | None:
    """The printed level if any (latest report), else a derived one from ``prefer_doc``, else the first."""
    if not options:
        return None
    printed = [o for o in options if o.printed]
    if printed:
        return printed[0]
    same = [o for o in options if f"({prefer_doc})" in o.source]
    return (same or options)[0]


__all__ = ["Level", "LevelLookup", "level_lookup", "pick_level"]
