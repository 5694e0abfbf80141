"""Checks on the rows of a review file that are about to enter the curated table.

A review file is edited by hand, so every accepted row is checked again as if typed:
a known indicator, a contract measure, the unit the catalogue gives it, real dates in
order, a finite value, a status of ``actual`` or ``estimate``, a valid report id, and a
quote that is in the report's text and prints the value. The first problem is raised
naming the review file's line; nothing is written.
"""
from __future__ import annotations

import difflib
import math
from pathlib import Path

import pandas as pd

from ..errors import ReportIdError
from ..sources.contract import MAX_QUOTE_CHARS, MEASURES, expected_unit
from ..sources.paths import check_report_id
from ..sources.validate import find_quote, value_is_printed
from ..sources.reports import collapse_whitespace
from .review_file import ReviewError

__all__ = ["STATUSES", "check_accepted"]

STATUSES = ("actual", "estimate", "proposed", "needed", "planned", "registered", "")


def check_accepted(path: Path, accepted: pd.DataFrame, text: str, units: dict[str, str]) -> None:
    """Raise :class:`ReviewError` naming the first accepted row (by review-file line) that cannot be curated.

    Parameters
    ----------
    path : pathlib.Path
        The review file (for messages).
    accepted : pandas.DataFrame
        The accepted rows as text, indexed by their position in the review file.
    text : str
        The report's text, as it will be vendored.
    units : dict of str to str
        The catalogue: indicator id to unit.
    """
    collapsed = collapse_whitespace(text)
    for position, row in accepted.iterrows():
        problem = _problem(row, collapsed, units)
        if problem:
            raise ReviewError(f"{path}: line {int(position) + 2} ({row['indicator_id']}): {problem}; "
                              "nothing was written; correct the row or leave it out (accept: no)")


def _problem(row: pd.Series, collapsed: str, units: dict[str, str]) -> str:
    return (_coded(row, units) or _dates(row) or _value(row) or _identity(row) or _quote(row, collapsed))


def _coded(row: pd.Series, units: dict[str, str]) -> str:
    indicator, measure, unit = row["indicator_id"], row["measure"], row["unit"]
    if indicator not in units and str(indicator).startswith("vn_"):
        return (f"{indicator!r} is the country's figure (a national release): the province's tables do not take it; "
                "national releases are read with `lsreports curate national-texts`")
    if indicator not in units:
        close = difflib.get_close_matches(indicator, list(units), n=3)
        return f"unknown indicator_id {indicator!r}" + (f" (close: {', '.join(close)})" if close else "")
    if measure not in MEASURES:
        return f"measure must be one of {', '.join(MEASURES)}: got {measure!r}"
    if unit != expected_unit(measure, units[indicator]):
        return f"unit must be {expected_unit(measure, units[indicator])!r} for {measure}: got {unit!r}"
    if row["status"].strip() not in STATUSES:
        return f"status must be actual or estimate (or proposed, needed, planned, registered): got {row['status']!r}"
    return ""


def _dates(row: pd.Series) -> str:
    parsed = {}
    for column in ("start", "end"):
        value = pd.to_datetime(row[column], format="%Y-%m-%d", errors="coerce")
        if pd.isna(value):
            return f"{column} must be a date YYYY-MM-DD: got {row[column]!r}"
        parsed[column] = value
    if parsed["start"] > parsed["end"]:
        return f"start {row['start']} is after end {row['end']}"
    return ""


def _value(row: pd.Series) -> str:
    try:
        value = float(row["value"])
    except ValueError:
        return f"value must be a number with '.' as decimal mark: got {row['value']!r}"
    return "" if math.isfinite(value) else f"value must be finite: got {row['value']!r}"


def _identity(row: pd.Series) -> str:
    try:
        check_report_id(row["source_doc"], "source_doc")
    except ReportIdError as exc:
        return str(exc)
    return ""


def _quote(row: pd.Series, collapsed: str) -> str:
    quote = collapse_whitespace(row["quote"])
    if not quote:
        return "a printed row needs its verbatim quote"
    if len(row["quote"]) > MAX_QUOTE_CHARS:
        return f"quote longer than {MAX_QUOTE_CHARS} characters"
    if find_quote(quote, collapsed) == "missing":  # the shared validator's rule: also after NFC normalisation
        return f"quote not found in the report's text: {quote[:60]!r}"
    if not value_is_printed(float(row["value"]), row["measure"], quote, row["unit"]):
        return f"no number printed in the quote equals {row['value']}"
    return ""
