"""Gaps: the sentences of a text that print numbers the extractor gave no candidate for.

A reviewer reads the candidates in the review file; what the extractor skipped is here,
each sentence with the numbers no candidate quotes and, where the pipeline knows it, why
(a sentence about the country, a target, a text about the country).
"""
from __future__ import annotations

import re
import warnings

import pandas as pd

from ..sources.provenance import uncovered_in
from .rows import extract_report
from .scope import REASON_COUNTRY, sentence_is_national, text_scope
from .text import Folded

_TARGET = re.compile(r"den nam 20[3-9]\d|phan dau|chi tieu|muc tieu|ke hoach .{0,30}(giao|la)\b")


def unread_sentences(text: str, doc_id: str, month: str | None = None) -> pd.DataFrame:
    """Return the sentences of ``text`` with numbers no candidate row quotes, and a reason where known.

    Parameters
    ----------
    text : str
        The report or public text as received.
    doc_id : str
        Its id (used in warnings only).
    month : str, optional
        "YYYY-MM" when the text does not state its month.

    Returns
    -------
    pandas.DataFrame
        ``sentence``, ``numbers`` (the numbers no candidate quotes) and ``reason`` (empty
        when the rules found no indicator, unit or base to read), in the text's order.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract_report(text, doc_id, month)
    gaps = uncovered_in(text, rows["quote"])
    national = text_scope(Folded(text).text, text) == "country"
    return gaps.assign(reason=[_reason(sentence, national) for sentence in gaps["sentence"]])


def _reason(sentence: str, national: bool) -> str:
    folded = Folded(sentence).text
    if national or sentence_is_national(folded, sentence):
        return REASON_COUNTRY
    if _TARGET.search(folded):
        return "states a target or plan, not a result"
    return ""
