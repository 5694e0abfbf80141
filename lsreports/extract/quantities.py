"""Another quantity in the same words: a sector's rate that is not the index its name suggests.

A release prints the value added of industry and the production index (IIP) with the same
sector names ("ngành chế biến, chế tạo tăng 9,66%"), and the key level-II industries with
"có chỉ số IIP". ``tables/other_quantities.csv`` lists, per indicator (a regex on its id),
the phrases that name ``other`` quantities and the ``own`` words that name the indicator
again. A rate whose topic (its paragraph and sentence up to it) last names another quantity
gives no row: precision first.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .lexicon import LexiconError, read_phrase_table

TABLE = Path(__file__).resolve().parent / "tables" / "other_quantities.csv"
COLUMNS = ("indicators", "kind", "phrase", "note")
KINDS = ("other", "own")


@lru_cache(maxsize=1)
def load(path: Path = TABLE) -> tuple[tuple[re.Pattern, str, re.Pattern], ...]:
    """The table as (indicator regex, kind, phrase regex) rows.

    Raises
    ------
    LexiconError
        For a missing column, an unknown kind or a regex that does not compile, naming the file and line.
    """
    rows = []
    for line, row in read_phrase_table(path, COLUMNS):
        where = f"{path}: line {line}"
        if row["kind"] not in KINDS:
            raise LexiconError(f"{where}: kind {row['kind']!r}, expected one of {list(KINDS)}")
        try:
            rows.append((re.compile(row["indicators"]), row["kind"], re.compile(row["phrase"])))
        except re.error as exc:
            raise LexiconError(f"{where}: the regex does not compile ({exc})") from exc
    return tuple(rows)


def other_quantity(topic: str, indicator_id: str) -> bool:
    """Whether ``topic`` (folded: the text up to a rate) last names another quantity than ``indicator_id``.

    Of an ``other`` phrase and the indicator's ``own`` words ending together ("có chỉ số IIP"), the other wins.
    """
    last = {"other": -1, "own": -1}
    for indicators, kind, phrase in load():
        if indicators.search(indicator_id):
            last[kind] = max([last[kind], *(m.end() for m in phrase.finditer(topic))])
    return last["other"] >= 0 and last["other"] >= last["own"]
