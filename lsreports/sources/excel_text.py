"""Text cells that Excel cannot take for formulas (CSV injection).

A spreadsheet treats a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula; a report text or a hand-edited note can begin that way
("- Tổng kim ngạch ..." in a list, or a crafted ``=HYPERLINK(...)``). Following the
OWASP advice on CSV injection, a CSV written for Excel users prefixes such a cell with a
single quote (``'``), which Excel shows and never evaluates. Plain numbers ("-20.7") are
left as they are. The escape is reversible: :func:`unescape_cell` restores the text when
the file is read back (a text that itself begins with a quote before such a character
gets a second quote), so the review file round-trips exactly.

Every CSV lsreports writes for people (the review file, ``derive``, ``project``,
``extract``, the briefing's chart data) goes through :func:`inert_csv` or
:func:`inert_csv_text`, so that no output holds a live formula.

In ``.xlsx`` workbooks the cells are typed instead (:mod:`lsreports.publish.excel`
writes every text as a string cell), so no prefix is needed there.
"""
from __future__ import annotations

import csv
import io
import re

import pandas as pd

__all__ = ["FORMULA_STARTS", "escape_cell", "escape_frame", "inert_csv", "inert_csv_text", "unescape_cell",
           "unescape_frame"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _needs_escape(text: str) -> bool:
    if not text or _NUMBER.fullmatch(text):
        return False
    return text.startswith(FORMULA_STARTS) or (text[0] == "'" and _needs_escape(text[1:]))


def escape_cell(value: object) -> object:
    """Return ``value`` with a ``'`` prefix if it is text a spreadsheet would read as a formula.

    >>> escape_cell("=1+1"), escape_cell("- xuất khẩu"), escape_cell("-20.7"), escape_cell("tăng 5%")
    ("'=1+1", "'- xuất khẩu", '-20.7', 'tăng 5%')
    """
    return "'" + value if isinstance(value, str) and _needs_escape(value) else value


def unescape_cell(value: object) -> object:
    """Undo :func:`escape_cell` (a text not written by it is returned unchanged).

    >>> unescape_cell("'=1+1"), unescape_cell("'tis"), unescape_cell(escape_cell("'=x"))
    ('=1+1', "'tis", "'=x")
    """
    if isinstance(value, str) and value[:1] == "'" and _needs_escape(value[1:]):
        return value[1:]
    return value


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` with every text cell escaped (numbers and other types unchanged)."""
    return frame.apply(lambda column: column.map(escape_cell) if column.dtype == object or
                       pd.api.types.is_string_dtype(column) else column)


def unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` (read as text) with every cell unescaped."""
    return frame.apply(lambda column: column.map(unescape_cell))


def inert_csv(frame: pd.DataFrame) -> str:
    """Return ``frame`` as CSV text (no index, ``\\n`` line ends) with every text cell and header escaped."""
    return escape_frame(frame).rename(columns=escape_cell).to_csv(index=False, lineterminator="\n")


def inert_csv_text(text: str) -> str:
    """Return CSV ``text`` written again with every cell escaped (for CSV made elsewhere, e.g. in a kernel).

    >>> inert_csv_text("label,value\\n@SUM(1+1),-1.5\\n")
    "label,value\\n'@SUM(1+1),-1.5\\n"
    """
    out = io.StringIO()
    rows = csv.reader(io.StringIO(text, newline=""))
    csv.writer(out, lineterminator="\n").writerows([escape_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
