"""Read the curated CSV files as text, strictly: UTF-8 without BOM, every line as wide as the header.

Two readers share one set of rules. :func:`read_columns` uses the csv module and names
the offending line of any structural problem; :func:`read_frame` uses pandas' C
parser (faster on the large observations table) and, whenever something is wrong,
hands over to :func:`read_columns` so that the error is the same precise one.
"""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataFileError
from .encoding import not_utf8_message

#: pandas options that keep every field as the text written in the file.
_AS_TEXT = {"dtype": str, "keep_default_na": False, "na_filter": False, "low_memory": False,
            "encoding": "utf-8"}


def _expected(required: tuple[str, ...]) -> str:
    return f"expected a CSV with columns {', '.join(required)}"


def read_columns(path: Path, required: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Read a UTF-8 CSV into text columns with the csv module, checking its structure.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    required : tuple of str
        Columns the header must contain (others are kept too).

    Returns
    -------
    dict of str to numpy.ndarray
        One object array of strings per header column, blank lines skipped.

    Raises
    ------
    DataFileError
        If the file is missing, not UTF-8, starts with a byte-order mark, lacks a
        required column or has a line whose number of fields differs from the header's;
        the message names the file and the line.
    """
    if not path.exists():
        raise DataFileError(f"{path}: file not found ({_expected(required)})")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(not_utf8_message(path, data, exc)) from exc
    if text.startswith("\ufeff"):
        raise DataFileError(f"{path}: line 1: starts with a byte-order mark; save as UTF-8 without BOM")
    try:  # only \n, \r\n and \r end a record: U+2028 and form feeds stay inside a quoted field
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        _records(path, text)  # raises, naming the line
        raise
    if not lines:
        raise DataFileError(f"{path}: empty file ({_expected(required)})")
    header, body = lines[0], [line for line in lines[1:] if line]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(f"{path}: line 1: missing columns {missing}; expected {list(required)}")
    widths = {len(line) for line in body}
    if widths - {len(header)}:
        line, fields = next((n, f) for n, f in _records(path, text)[1:] if len(f) != len(header))
        raise DataFileError(f"{path}: line {line}: {len(fields)} fields, the header has {len(header)} "
                            "(a comma inside a quote needs the quote in double quotes)")
    columns = zip(*body) if body else [()] * len(header)
    return {name: np.array(values, dtype=object) for name, values in zip(header, columns)}


def _records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Return each non-blank record with the editor line it starts on (header = line 1).

    Only ``\n``, ``\r\n`` and ``\r`` end a line: U+2028, form feeds and other characters
    that :meth:`str.splitlines` would break at stay inside their field, and a record whose
    quoted field spans several lines is counted as those lines, as an editor shows them.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    records, last = [], 0
    try:
        for fields in reader:
            if fields:
                records.append((last + 1, fields))
            last = reader.line_num
    except csv.Error as exc:
        raise DataFileError(f"{path}: line {reader.line_num}: malformed CSV: {exc}") from exc
    return records


def record_lines(path: Path) -> list[int]:
    """Return the editor line on which each data record of a CSV starts (the header's line 1 left out).

    Used to name lines in messages: the n-th row of a frame read from ``path`` starts on
    line ``record_lines(path)[n]``, which differs from ``n + 2`` after a blank line or a
    quote spanning several lines.
    """
    text = path.read_text(encoding="utf-8-sig")
    return [line for line, _ in _records(path, text)[1:]]


def read_frame(path: Path, required: tuple[str, ...]) -> tuple[pd.DataFrame, bytes]:
    """Read a UTF-8 CSV as a frame of ``str`` columns with pandas' C parser.

    The C parser rejects a line with too many fields but silently pads a short one, so
    the caller confirms the line structure with :func:`check_separators` (cheap, and
    exact once the columns have been validated).

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    required : tuple of str
        Columns the header must contain.

    Returns
    -------
    (pandas.DataFrame, bytes)
        The frame (every field exactly as written, empty ones as ``""``) and the file's
        bytes for :func:`check_separators`.

    Raises
    ------
    DataFileError
        As :func:`read_columns`, which is what produces the message.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    if not data or data.startswith(codecs.BOM_UTF8):
        read_columns(path, required)  # raises: missing file, empty file or byte-order mark
    try:
        frame = pd.read_csv(io.BytesIO(data), **_AS_TEXT)
    except ValueError as exc:  # pandas' ParserError, EmptyDataError and UnicodeDecodeError
        read_columns(path, required)  # names the file and line
        raise DataFileError(f"{path}: malformed CSV: {exc}") from exc
    if not isinstance(frame.index, pd.RangeIndex) or any(c not in frame.columns for c in required):
        read_columns(path, required)
        raise DataFileError(f"{path}: line 1: the header does not match the lines below it")
    return frame, data


def check_separators(path: Path, data: bytes, header: list[str], text_values: list[np.ndarray]) -> None:
    """Raise if a line of the file had fewer fields than the header.

    Every comma in the file either separates two fields or sits inside a value; counting
    both tells a padded short line apart. Columns left out of ``text_values`` must
    already be validated as comma-free (dates, codes, numbers).

    Parameters
    ----------
    path : pathlib.Path
        The file, for the message.
    data : bytes
        Its content, as returned by :func:`read_frame`.
    header : list of str
        The frame's columns.
    text_values : list of numpy.ndarray
        The values of every column that may hold a comma (all of equal length).

    Raises
    ------
    DataFileError
        Naming the short line (found by :func:`read_columns`).
    """
    n_rows = len(text_values[0]) if text_values else 0
    inside = sum(name.count(",") for name in header) + sum("".join(v).count(",") for v in text_values)
    separators = np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == ord(","))  # bytes.count is slower
    if separators != inside + (n_rows + 1) * (len(header) - 1):
        read_columns(path, tuple(header))  # names the line
        raise DataFileError(f"{path}: a line has a different number of fields from the header")
