"""One validator for the curated observations: what the loader, ``lsreports curate check``
and ``lsreports ingest --apply`` accept is decided here, once.

Two layers, by cost:

* **table checks** (:func:`check_table`), run by the loader on every read: no negative
  value for an indicator the catalogue marks ``nonnegative``; no exact duplicate row and
  no key (indicator, period, measure, report) twice, both lines named. They work on whole columns
  and cost well under a millisecond.
* **provenance checks** (:func:`quote_problems`), run by ``curate check`` and by
  ``ingest --apply`` on the rows it adds: each quote is found in its report after
  whitespace collapsing (and, failing that, after Unicode NFC normalisation, which the
  message then says), is at most 200 characters, and prints the value. They read the
  report texts, so the loader leaves them to those two commands.

The value rule is the contract's (``../shared/tools/check_contract.py``), in
:mod:`lsreports.sources.printed`: the value equals a number printed in the quote, read in
Vietnamese notation ("6.494" is 6494), with the power of ten given by the scale word printed
after the number and the unit, never free; a 0 % needs words of no change.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataFileError
from .contract import MAX_QUOTE_CHARS, PCT_MEASURES
from .csvread import record_lines
from .quote_periods import period_problem
from .printed import UNSCALED_UNITS, printed_numbers, value_is_printed
from .reports import collapse_whitespace

__all__ = ["PROBLEM_COLUMNS", "check_table", "find_quote", "nonnegative_ids", "printed_numbers", "quote_problem",
           "quote_problems", "value_is_printed"]

_TRUE = frozenset({"true", "1", "yes"})


def find_quote(quote: str, text: str) -> str:
    """Say how ``quote`` is found in ``text`` (both whitespace-collapsed).

    Returns
    -------
    str
        ``"found"``; ``"nfc"`` when only Unicode NFC normalisation of both makes it match
        (one is in decomposed form, for instance); ``"missing"`` otherwise.
    """
    if quote and quote in text:
        return "found"
    if quote and unicodedata.normalize("NFC", quote) in _nfc(text):
        return "nfc"
    return "missing"


_NFC_CACHE: dict[int, tuple[str, str]] = {}


def _nfc(text: str) -> str:
    cached = _NFC_CACHE.get(id(text))
    if cached is None or cached[0] is not text:
        cached = (text, unicodedata.normalize("NFC", text))
        _NFC_CACHE.clear()  # one text at a time: rows are checked report by report
        _NFC_CACHE[id(text)] = cached
    return cached[1]


def quote_problem(value: float, measure: str, unit: str, quote: str, text: str) -> tuple[str, str]:
    """Check one printed row against its report's collapsed text.

    Returns
    -------
    (str, str)
        ``("", "")`` when the row is fine; ``("error", message)`` for a quote not found,
        too long or not printing the value; ``("note", message)`` when it is fine only
        after Unicode NFC normalisation.
    """
    collapsed = collapse_whitespace(quote)
    if len(quote) > MAX_QUOTE_CHARS:
        return "error", f"quote longer than {MAX_QUOTE_CHARS} characters"
    how = find_quote(collapsed, text)
    if how == "missing":
        return "error", "quote not found in the source text"
    if not value_is_printed(value, measure, collapsed, unit):
        scaled = "" if measure in PCT_MEASURES or unit not in UNSCALED_UNITS else (
            f"; a {unit!r} value is read as printed in Vietnamese notation ('6.494' is 6494), without a power of "
            "ten unless a scale word (nghìn, triệu, tỷ) follows the number")
        return "error", f"no number printed in the quote equals {value}{scaled}"
    if how == "nfc":
        return "note", ("quote found only after Unicode NFC normalisation (the quote or the report is in "
                        "decomposed form); accepted here, but the shared contract check compares the text as "
                        "stored: re-copy the quote from the report")
    return "", ""


def _cited_problem(value: float, measure: str, unit: str, quote: str) -> tuple[str, str]:
    """Check a row of a public text whose text is absent: by its citation alone."""
    if len(quote) > MAX_QUOTE_CHARS:
        return "error", f"a public text's quote is longer than {MAX_QUOTE_CHARS} characters; cite the figure's clause"
    if not value_is_printed(value, measure, collapse_whitespace(quote), unit):
        return "error", f"no number printed in the quote equals {value} (the public text is not in .cache/texts/)"
    return "", ""


PROBLEM_COLUMNS = ["row", "indicator_id", "source_doc", "severity", "problem", "quote"]


def quote_problems(obs: pd.DataFrame, text_of: Callable[[str], str | None]) -> pd.DataFrame:
    """Check every printed row's quote and value against its source report.

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's shape.
    text_of : callable
        Returns a report's text from its id, or ``None`` for a public text kept out of git
        (its rows are then checked by their form: the quote, at most 200 characters, prints
        the value).

    Returns
    -------
    pandas.DataFrame
        :data:`PROBLEM_COLUMNS`, one row per problem (``row`` is the index in ``obs``,
        ``severity`` ``"error"`` or ``"note"``).
    """
    problems, texts = [], {}
    printed = obs.loc[~obs["derived"]]
    for index, indicator_id, doc, value, measure, unit, quote, start, end in zip(
            printed.index, printed["indicator_id"], printed["source_doc"], printed["value"], printed["measure"],
            printed["unit"], printed["quote"], printed["start"], printed["end"]):
        if doc not in texts:
            text = text_of(doc)
            texts[doc] = None if text is None else collapse_whitespace(text)
        if texts[doc] is None:
            severity, problem = _cited_problem(value, measure, unit, quote)
        else:
            severity, problem = quote_problem(value, measure, unit, quote, texts[doc])
        if not severity and (problem := period_problem(start, end, measure, collapse_whitespace(quote))):
            severity = "error"
        if severity:
            problems.append((index, indicator_id, doc, severity, problem, quote))
    return pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def nonnegative_ids(ids: np.ndarray, flags: np.ndarray) -> frozenset[str]:
    """Return the catalogue's ids whose ``nonnegative`` column is true."""
    return frozenset(i for i, flag in zip(ids, flags) if flag.strip().lower() in _TRUE)


def _line(path: Path, index: int) -> int:
    """The editor line of the ``index``-th data row (only called to word an error)."""
    return record_lines(path)[index]


def check_table(path: Path, columns: dict[str, np.ndarray], values: np.ndarray, nonnegative: frozenset[str]) -> None:
    """Run the table checks on ``observations.csv``'s text columns and typed values.

    Raises
    ------
    DataFileError
        For a negative level of a ``nonnegative`` indicator, an exact duplicate row or a key
        repeated (one row per figure per report); the message names both editor lines.
    """
    _check_signs(path, columns, values, nonnegative)
    _check_duplicates(path, columns, values)


def _check_signs(path: Path, columns: dict[str, np.ndarray], values: np.ndarray, nonnegative: frozenset[str]) -> None:
    negative = np.flatnonzero(values < 0)
    for i in negative:
        indicator_id = columns["indicator_id"][i]
        if columns["measure"][i] == "value" and indicator_id in nonnegative:
            raise DataFileError(f"{path}: line {_line(path, i)} ({indicator_id}): value {values[i]:g} is negative, "
                                "but the catalogue marks this indicator nonnegative (a count, level or stock); "
                                "store the level as printed and a decrease under a *_pct measure")


_KEY = ("indicator_id", "start", "end", "measure", "source_doc")


def _check_duplicates(path: Path, columns: dict[str, np.ndarray], values: np.ndarray) -> None:
    keys = list(zip(*(columns[c] for c in _KEY)))
    if len(set(keys)) == len(keys):
        return  # no key twice, so no row twice: the usual case, decided at once
    rows = list(zip(*columns.values()))
    first_of: dict[tuple, int] = {}
    seen: dict[tuple, int] = {}
    for i, (key, row) in enumerate(zip(keys, rows)):
        if row in first_of:
            j = first_of[row]
            raise DataFileError(f"{path}: line {_line(path, i)} ({key[0]}): exact duplicate of line "
                                f"{_line(path, j)}; one row per figure per report: delete one of the two")
        first_of[row] = i
        j = seen.setdefault(key, i)
        if j != i and values[j] != values[i]:
            raise DataFileError(f"{path}: line {_line(path, i)} ({key[0]}): same indicator, period, measure and "
                                f"report as line {_line(path, j)} with another value: got {values[i]:g}, before "
                                f"{values[j]:g}; keep one and flag conflict_in_source with the other in the note")
        if j != i:
            raise DataFileError(f"{path}: line {_line(path, i)} ({key[0]}): same indicator, period, measure, report "
                                f"and value as line {_line(path, j)}; one row per figure per report: keep the "
                                "clearer quote once")
