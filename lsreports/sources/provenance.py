"""Provenance of curated numbers: is each quote in its report, does it print the value,
and which numbers of a report has no row quoted yet.

These are the tools the curation relies on (``lsreports curate check`` and
``lsreports curate gaps``): every printed row is located in its source, and every
sentence that prints a number is either curated or consciously skipped.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from . import validate
from .numbers import find_numbers
from .reports import source_text
from .reports import collapse_whitespace
from .validate import printed_numbers, value_is_printed

__all__ = ["printed_numbers", "quote_problems", "uncovered_numbers", "value_is_printed"]


def quote_problems(obs: pd.DataFrame, text_of: Callable[[str], str | None] = source_text) -> pd.DataFrame:
    """Check every printed row's quote against its source report (see :func:`lsreports.sources.validate.quote_problems`).

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations in the contract's shape.
    text_of : callable, optional
        Returns the source text of a ``source_doc`` (default:
        :func:`lsreports.sources.reports.source_text`, the vendored report, or a public
        text's cached copy, or None for a public text not cached, whose rows are then checked
        by their form); the development set passes its own texts.

    Returns
    -------
    pandas.DataFrame
        One row per problem: ``row`` (index in ``obs``), ``indicator_id``,
        ``source_doc``, ``severity`` (``error``, or ``note`` for a quote found only after
        Unicode NFC normalisation), ``problem`` and ``quote``. Empty when every quote is
        found in its source, is at most 200 characters and prints the row's value.
    """
    return validate.quote_problems(obs, text_of)


_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=\S)")
#: Numbers that are almost never indicator figures: years, dates, month names ("tháng 11",
#: "11 tháng"), document numbers.
_NOISE = re.compile(r"\b(?:19|20)\d{2}\b|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d+/[A-ZĐa-zđ-]+|[IVX]+\b"
                    r"|tháng \d{1,2}\b|\b\d{1,2} tháng")


def uncovered_numbers(doc_id: str, obs: pd.DataFrame) -> pd.DataFrame:
    """List the sentences of a report that print numbers no curated quote covers.

    A number counts as covered when a quote of ``doc_id`` contains the stretch of text
    around it. Years, dates and document numbers are ignored.

    Parameters
    ----------
    doc_id : str
        The report id.
    obs : pandas.DataFrame
        Observations in the contract's shape (only rows of ``doc_id`` are used).

    Returns
    -------
    pandas.DataFrame
        ``sentence`` (collapsed text) and ``numbers`` (the uncovered tokens), in the
        order of the report.
    """
    source = source_text(doc_id)
    if source is None:
        from ..errors import DataFileError
        from .public_texts import cached_path

        raise DataFileError(f"{cached_path(doc_id)}: public text {doc_id!r} is not cached; its rows are checked by "
                            "their form, but its gaps need the text: re-retrieve it from the URL in "
                            "data/raw/reports.csv (README, 'Public texts')")
    return uncovered_in(source, obs.loc[obs["source_doc"] == doc_id, "quote"])


def uncovered_in(text: str, quotes) -> pd.DataFrame:
    """List the sentences of ``text`` that print numbers none of ``quotes`` covers (see :func:`uncovered_numbers`)."""
    text = collapse_whitespace(text)
    covered = [False] * len(text)
    for quote in quotes:
        needle = collapse_whitespace(quote)
        if not needle:
            continue
        start = text.find(needle)
        while start != -1:
            covered[start:start + len(needle)] = [True] * len(needle)
            start = text.find(needle, start + 1)
    rows = []
    position = 0
    for sentence in _SENTENCE_END.split(text):
        offset = text.find(sentence, position)
        position = offset + len(sentence)
        cleaned = _NOISE.sub(lambda m: " " * len(m.group(0)), sentence)
        missing = [n.token for n in find_numbers(cleaned) if not covered[offset + n.start]]
        if missing:
            rows.append({"sentence": sentence, "numbers": " ".join(missing)})
    return pd.DataFrame(rows, columns=["sentence", "numbers"])
