"""The one table of reader's labels: units, measures, plan kinds, methods and report names.

Every page, chart and table a reader sees takes its words from here, never from the
codebook's ids: ``USD_mn`` is "million USD", ``est_local_pct`` is "share of the
provincial budget estimate", and a report is named by what it covers ("report to May
2026"), not by its id cut to three characters.
"""
from __future__ import annotations

import pandas as pd

from ..sources.units import UNIT_TABLE

#: Codebook unit → words.
UNITS: dict[str, str] = {code: unit.words for code, unit in UNIT_TABLE.items()}
#: Contract measure → words.
MEASURES: dict[str, str] = {
    "value": "level", "yoy_pct": "change on a year earlier", "mom_pct": "change on the previous month",
    "plan_pct": "share of the year's plan", "est_central_pct": "share of the central budget estimate",
    "est_local_pct": "share of the provincial budget estimate",
}
#: Plan or estimate kind → words (what a year end is compared with).
TARGET_KINDS: dict[str, str] = {
    "plan": "the year's plan", "est_central": "the central budget estimate",
    "est_local": "the provincial budget estimate",
}
#: Short forms of :data:`TARGET_KINDS`, for chart labels.
TARGET_KINDS_SHORT: dict[str, str] = {"plan": "plan", "est_local": "provincial budget est.",
                                      "est_central": "central budget est."}
#: Projection or nowcast method → words.
METHODS: dict[str, str] = {
    "growth": "growth-based (last year's level times the growth so far)", "pro_rata": "pro-rata (the pace so far)",
    "seasonal_share": "seasonal share (last year's profile)", "not_projected": "not projected (not a flow)",
}
#: Short forms of :data:`METHODS`, for table cells (the full words go in the tooltip).
METHODS_SHORT: dict[str, str] = {"growth": "growth-based", "pro_rata": "pro rata", "seasonal_share": "seasonal share",
                                  "not_projected": "not projected"}
#: A row's ``status`` → the word every figure of that status carries (a figure done says nothing):
#: curation guide, "Statuses" (the report's "ước", "đề xuất", "cần hỗ trợ", ...).
STATUSES: dict[str, str] = {
    "actual": "", "estimate": "estimate", "proposed": "proposed", "needed": "needed", "planned": "planned",
    "registered": "registered",
}
#: Period kind (:func:`lsreports.sources.periods.period_kind`) → words.
PERIOD_KINDS: dict[str, str] = {
    "month": "month", "ytd": "year to date", "year": "whole year", "ytd_day": "year to a stated day",
    "point": "at a date", "span": "multi-year span",
}


def _lookup(table: dict[str, str], key: object) -> str:
    if key is None or (isinstance(key, float) and pd.isna(key)) or key is pd.NA:
        return ""
    return table.get(str(key), str(key).replace("_", " "))


def unit(code: object) -> str:
    """Words for a codebook unit (``USD_mn`` → ``million USD``); an unknown code with its underscores spaced."""
    return _lookup(UNITS, code)


def measure(code: object) -> str:
    """Words for a measure (``yoy_pct`` → ``change on a year earlier``)."""
    return _lookup(MEASURES, code)


def target_kind(code: object, *, short: bool = False) -> str:
    """Words for a plan kind (``est_local`` → ``the provincial budget estimate``)."""
    return _lookup(TARGET_KINDS_SHORT if short else TARGET_KINDS, code)


def method(code: object, *, short: bool = False) -> str:
    """Words for a projection method (``seasonal_share`` → ``seasonal share (last year's profile)``)."""
    return _lookup(METHODS_SHORT if short else METHODS, code)


def status(code: object) -> str:
    """The word a figure of this status carries: '' for a figure done (``actual``) or no status.

    Examples
    --------
    >>> status("proposed"), status("actual"), status(None)
    ('proposed', '', '')
    """
    return _lookup(STATUSES, code)


def share_base(row, *, short: bool = False) -> str:
    """The base of a printed share in words (``all houses approved``, ``capital plan excl. carry-over``).

    From the curated table of bases and, where it has no entry, from the row's measure and
    quote (:func:`lsreports.sources.bases.share_base`); never a default "plan" for a share
    the report measures against something else.
    """
    from ..sources.bases import share_base as base_of

    return base_of(row, short=short)


def with_status(shown: str, row) -> str:
    """``shown`` followed by its row's status word in brackets: ``8,000 households (proposed)``.

    A figure done (``actual``), a row without a status and a derived figure are shown as they
    are; so is a rate (``*_pct``), which is read beside its level and shares its status.
    """
    get = row.get if hasattr(row, "get") else (lambda key, default=None: default)
    if bool(get("derived", False)) or str(get("measure", "value")).endswith("_pct"):
        return shown
    word = status(get("status"))
    return f"{shown} ({word})" if word else shown


def period_kind(code: object) -> str:
    """Words for a period kind (``ytd`` → ``year to date``)."""
    return _lookup(PERIOD_KINDS, code)


def report_names(manifest: pd.DataFrame) -> dict[str, str]:
    """Name every report of the manifest by the period it covers: ``report to May 2026``.

    A public text (``source_kind == "public_text"``) is named ``public text to December 2025``.

    Parameters
    ----------
    manifest : pandas.DataFrame
        The frame :func:`lsreports.reports` returns (``id``, ``period_end``, ``title``).

    Returns
    -------
    dict
        Report id → name. Two reports covering the same month are told apart by their
        ids, in full (never cut).
    """
    ends = pd.to_datetime(manifest["period_end"])
    kinds = manifest["source_kind"] if "source_kind" in manifest else pd.Series("report", index=manifest.index)
    nouns = {"report": "report", "public_text": "public text"}
    names = {doc: f"{nouns.get(kind, 'report')} to {end:%B %Y}" for doc, end, kind in zip(manifest["id"], ends, kinds)}
    counts = pd.Series(list(names.values())).value_counts()
    return {doc: (f"{name} ({doc})" if counts[name] > 1 else name) for doc, name in names.items()}


def national_table_names() -> dict[str, str]:
    """Name every vendored GSO table (``data/raw/national.csv``): ``GSO monthly table: <title>``.

    Returns an empty dict when the data holds no national manifest (a synthetic test tree).
    """
    from ..sources.paths import data_dir

    path = data_dir() / "raw" / "national.csv"
    if not path.exists():
        return {}
    tables = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {doc: f"GSO monthly table: {title}" for doc, title in zip(tables["id"], tables["title"])}


def report_name(doc: str, manifest: pd.DataFrame | None = None) -> str:
    """Name one report (see :func:`report_names`); a report missing from the manifest keeps its full id."""
    if manifest is None:
        from ..sources.loader import reports

        manifest = reports()
    return report_names(manifest).get(doc, f"report {doc}")


__all__ = ["STATUSES", "status", "with_status", "share_base", "UNITS", "MEASURES", "TARGET_KINDS", "TARGET_KINDS_SHORT", "METHODS", "METHODS_SHORT", "PERIOD_KINDS", "unit", "measure",
           "target_kind", "method", "period_kind", "report_names", "report_name",
           "national_table_names"]
