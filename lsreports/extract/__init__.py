"""Extract the figures of a new report into candidate rows of the data contract.

Rules, not a model: Vietnamese report prose states figures in a few stock phrases
("đạt X tỷ USD, tăng Y% so với cùng kỳ, đạt Z% kế hoạch"), so a number's unit picks the
kind of indicator, the nearest indicator phrase before it picks the indicator, the
nearest period phrase picks the period, and the words after a percentage pick the
measure. Matching runs on a folded copy of the text (no diacritics, OCR stand-ins
mapped) so the same rules read PDF, word-processor and OCR text; quotes are always cut
from the original and every row is checked to print its value.

>>> from lsreports.extract import extract_file
>>> rows = extract_file("data/raw/reports/003_f6a0f138b97f04e0.txt")
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .periods import ReportMonthError
from .rows import extract_report
from .text import ReportTextError, read_report

__all__ = ["ReportMonthError", "ReportTextError", "extract_file", "extract_report"]


def extract_file(path: str | Path, doc_id: str | None = None, month: str | None = None) -> pd.DataFrame:
    """Extract candidate rows from a report file.

    Parameters
    ----------
    path : str or pathlib.Path
        A UTF-8 text file.
    doc_id : str, optional
        The report id (default: the file name without extension).
    month : str, optional
        "YYYY-MM", the month the report is about, when its text does not say.

    Raises
    ------
    ReportTextError
        If the file is missing, empty, binary or not UTF-8 (the message names the file).
    ReportMonthError
        If the report's month is neither in its text nor given.
    """
    path = Path(path)
    return extract_report(read_report(path), doc_id or path.stem, month)
