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

import warnings
from pathlib import Path

import pandas as pd

from ..sources.paths import check_report_id
from .periods import ReportMonthError
from .readers import read_document
from .rows import extract_report
from .text import ReportTextError

__all__ = ["ReportMonthError", "ReportTextError", "extract_file", "extract_report", "report_id"]


def report_id(path: str | Path, doc_id: str | None = None) -> str:
    """Return the report id: ``doc_id`` if given, else the file name without extension, checked.

    Raises
    ------
    lsreports.errors.ReportIdError
        If the id holds anything but ``A-Z a-z 0-9 _ -`` (it becomes a file name).
    """
    if doc_id is not None:
        return check_report_id(doc_id, "--doc-id")
    return check_report_id(Path(path).stem, f"{Path(path).name}: the report id taken from the file name,")


def extract_file(path: str | Path, doc_id: str | None = None, month: str | None = None, *,
                 ocr: bool = False) -> pd.DataFrame:
    """Extract candidate rows from a report file.

    Parameters
    ----------
    path : str or pathlib.Path
        The report: a PDF with a text layer, a ``.docx``, an HTML page or UTF-8 text,
        recognised by content (:func:`lsreports.extract.readers.read_document`).
    doc_id : str, optional
        The report id (default: the file name without extension); ``A-Z a-z 0-9 _ -`` only.
    month : str, optional
        "YYYY-MM", the month the report is about, when its text does not say.
    ocr : bool, default False
        Read a scanned PDF or an image with Tesseract.

    Raises
    ------
    ReportTextError
        If the file cannot be read as a report (the message names the file and what to do).
    lsreports.errors.ReportIdError
        If the report id is not valid.
    ReportMonthError
        If the report's month is neither in its text nor given.

    Warns
    -----
    UserWarning
        When the text was converted (from HTML, by OCR), saying how.
    """
    doc = report_id(path, doc_id)
    document = read_document(path, ocr=ocr)
    if document.note:
        warnings.warn(f"{Path(path).name}: {document.note}", stacklevel=2)
    return extract_report(document.text, doc, month)
