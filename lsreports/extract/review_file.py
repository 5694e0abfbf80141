"""The review file: written for the economist to open in Excel, read back strictly.

It is a UTF-8 CSV with a byte-order mark (so that Excel shows the diacritics), its text
cells escaped against formulas (:mod:`lsreports.sources.excel_text`). Reading it back
refuses, in one line that says what to do, a missing file, a file saved with ``;``
separators or in a legacy encoding, missing columns, and an ``accept`` cell that is
neither yes nor no.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..sources.excel_text import inert_csv, unescape_frame
from ..sources.atomic import write_atomic
from ..sources.contract import OBSERVATION_COLUMNS

__all__ = ["ACCEPT_VALUES", "REVIEW_COLUMNS", "ReviewError", "accepted_rows", "read_review", "write_review"]

REVIEW_COLUMNS = ["review", "accept", "curated_value"] + list(OBSERVATION_COLUMNS) + ["confidence", "reason"]
#: Columns a review file written before they existed may lack (read as empty).
OPTIONAL_COLUMNS = ("reason",)
#: What the ``accept`` column may hold (any case); an empty cell means no.
ACCEPT_VALUES = {"yes": True, "no": False, "": False}


class ReviewError(ValueError):
    """A review file cannot be applied; the message names the file, line and row."""


def write_review(review: pd.DataFrame, path: Path) -> Path:
    """Write a review file (UTF-8 with BOM, text cells escaped against formulas), atomically."""
    data = inert_csv(review).encode("utf-8-sig")
    return write_atomic(path, lambda handle: handle.write(data), mode="wb")


def read_review(path: Path) -> pd.DataFrame:
    """Read a review file as text columns, undoing the formula escape.

    Raises
    ------
    ReviewError
        If the file is missing, not UTF-8, separated by ``;``, or lacks a column.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise ReviewError(f"{path}: review file not found; write it first with: lsreports ingest REPORT "
                          f"--review {path}") from exc
    except IsADirectoryError as exc:
        raise ReviewError(f"{path}: is a directory, not a review file") from exc
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 (byte {exc.start}); in Excel save it as 'CSV UTF-8 (Comma "
                          "delimited)' (not 'CSV' or a Vietnamese code page)") from exc
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header:
        raise ReviewError(f"{path}: line 1: separated by ';' (Excel's CSV in locales with a decimal comma); "
                          "save it as 'CSV UTF-8 (Comma delimited)' or set ',' as the list separator")
    try:
        review = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ReviewError(f"{path}: not a readable CSV ({str(exc).strip().splitlines()[-1]})") from exc
    missing = [c for c in REVIEW_COLUMNS if c not in review.columns and c not in OPTIONAL_COLUMNS]
    review = review.assign(**{c: "" for c in OPTIONAL_COLUMNS if c not in review.columns})
    if missing:
        raise ReviewError(f"{path}: line 1: missing columns {missing}; write a new review file with "
                          "lsreports ingest REPORT --review FILE")
    return unescape_frame(review)


def accepted_rows(path: Path, review: pd.DataFrame) -> pd.DataFrame:
    """Return the rows marked ``yes`` in the ``accept`` column (index: the row's position).

    Raises
    ------
    ReviewError
        If an ``accept`` cell holds anything but yes, no or nothing, naming its line.
    """
    marks = review["accept"].str.strip().str.lower()
    bad = ~marks.isin(list(ACCEPT_VALUES))
    if bad.any():
        first = int(bad.to_numpy().nonzero()[0][0])
        raise ReviewError(f"{path}: line {first + 2}: accept is {review['accept'].iloc[first]!r}; write yes to "
                          "add the row, no or nothing to leave it out (accepted values: yes, no, empty)")
    return review.loc[marks == "yes"]
