"""Which indicator a number belongs to: the indicator lexicon, a table a reader can extend.

``tables/indicator_phrases.csv`` lists, one row per phrase, the indicator, the unit family
its levels are printed in, the phrase, its syntax and kind (catalogue ``name``, ``synonym``,
``abbreviation`` such as NSNN or XNK, an ``ocr`` spelling) and a note. A phrase in ``words``
syntax is written as printed ("doanh thu ngành du lịch") and matched on the folded text as
whole words; a ``regex`` row is a regular expression on the folded text (no diacritics,
lower case), for spellings OCR leaves ("xi ming" for "xi măng") or a phrase that needs a
look-ahead. A number is given the indicator whose phrase ends nearest before it among those
whose family fits the number's unit; of two ending together, the longer wins, then the
earlier row. The sets below (stocks, rates, parts of GRDP, parts of a total) are grammar,
not vocabulary, and stay in code.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from .text import Folded


@dataclass(frozen=True)
class Entry:
    indicator_id: str
    family: str
    pattern: re.Pattern


def _e(indicator_id: str, family: str, pattern: str) -> Entry:
    return Entry(indicator_id, family, re.compile(pattern))


#: Indicators read at a date (levels, stocks, rates of a population), not over a period.
STOCKS = frozenset({"bank_deposits", "bank_credit", "temp_housing_started", "temp_housing_completed",
                    "poor_households", "near_poor_households", "poor_household_rate", "near_poor_household_rate",
                    "trained_labour_rate"})
#: Indicators whose value is itself a percentage (its change is in points, not percent).
RATE_VALUES = frozenset({"poor_household_rate", "near_poor_household_rate", "trained_labour_rate"})
#: Indices printed only as growth rates (the country's: the IIP and its sectors, the CPI and its groups).
GROWTH_ONLY = frozenset({"iip", "grdp", "vn_iip", "vn_iip_mining", "vn_iip_manufacturing", "vn_iip_electricity",
                         "vn_iip_water_waste", "vn_cpi", "vn_core_inflation", "vn_cpi_food", "vn_cpi_beverages_tobacco",
                         "vn_cpi_clothing", "vn_cpi_housing", "vn_cpi_household_goods", "vn_cpi_health",
                         "vn_cpi_transport", "vn_cpi_post_telecom", "vn_cpi_education", "vn_cpi_culture_tourism",
                         "vn_cpi_other"})
#: Flows of the country whose growth is also printed after their name alone, after another level
#: ("tổng mức bán lẻ ... đạt 598,4 nghìn tỷ đồng ...; dịch vụ lưu trú, ăn uống tăng 14,1%").
GROWTH_NAMED = GROWTH_ONLY | frozenset({"vn_retail_sales", "vn_retail_goods", "vn_accommodation_food",
                                        "vn_travel_services", "vn_retail_other_services", "vn_exports", "vn_imports",
                                        "vn_trade_total"})
#: Units that name their indicator on their own (family → indicator).
UNIT_ONLY: dict[str, str] = {"vehicles": "trade_platform_vehicles", "kg": "rice_support_kg",
                             "bricks": "prod_bricks", "members": "rice_support_persons"}
#: Flows not read in a clause about the stock ("toàn tỉnh có", "hiện có").
FLOWS_EXCLUDED_IN_STOCK_CLAUSE = frozenset({"enterprises_new", "enterprises_new_capital"})
#: The parts of GRDP and the phrases naming them (a growth rate after one belongs to it).
GRDP_PARTS: tuple[tuple[str, str], ...] = (
    ("grdp_agriculture", r"nong,? lam nghiep( va thuy san)?|nong\s*[-–]\s*lam nghiep|khu vuc i\b"),
    ("grdp_industry_construction", r"cong nghiep\s*(va|[-–])\s*xay dung|khu vuc ii\b"),
    ("grdp_services", r"\bdich vu\b|khu vuc iii\b"), ("grdp_product_taxes", r"thue san pham"))

#: Parts that belong to whichever total ("parent") the sentence is about.
PART_OF: dict[str, dict[str, str]] = {
    "trade_total": {"export": "trade_total_export", "import": "trade_total_import"},
    "trade_declared": {"export": "trade_declared_export", "import": "trade_declared_import"},
}

#: A part named with its own noun and no total in its sentence ("Kim ngạch xuất khẩu trong tháng 8 ước đạt 200
#: triệu USD", the statistics office's release): the noun before the part's phrase -> the total it is a part of.
PART_OWN_TOTAL: dict[str, str] = {"kim ngach": "trade_total"}


def own_total(before_part: str) -> str | None:
    """The total of :data:`PART_OF` a part belongs to when its own noun names it (``before_part``: the text up to it)."""
    words = before_part.rstrip()
    return next((total for noun, total in PART_OWN_TOTAL.items() if words.endswith(noun)), None)


#: The indicator lexicon: one row per phrase, extended by editing the table, not the code.
PHRASES_TABLE = Path(__file__).resolve().parent / "tables" / "indicator_phrases.csv"
PHRASE_COLUMNS = ("indicator_id", "family", "syntax", "phrase", "kind", "note")
PHRASE_KINDS = frozenset({"name", "synonym", "abbreviation", "ocr"})


class LexiconError(ValueError):
    """A row of the indicator lexicon cannot be used; the message names the file and line."""


def phrase_pattern(phrase: str, syntax: str, where: str = "") -> re.Pattern:
    """Compile a table's phrase for the folded text.

    ``words``: the phrase as printed (diacritics, capitals and all), folded like the text
    and matched as whole words; ``regex``: a regular expression on the folded text as is.

    Raises
    ------
    LexiconError
        For another syntax, or a regex that does not compile (``where`` names the file and line).
    """
    if syntax not in ("words", "regex"):
        raise LexiconError(f"{where}: syntax {syntax!r}, expected 'words' or 'regex'")
    if syntax == "regex":
        try:
            return re.compile(phrase)
        except re.error as exc:
            raise LexiconError(f"{where}: the regex does not compile ({exc})") from exc
    folded = Folded(" ".join(phrase.split())).text
    return re.compile(r"(?<!\w)" + re.escape(folded).replace(r"\ ", " ") + r"(?!\w)")


def read_phrase_table(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Read a phrase table (UTF-8 CSV): (line as an editor counts it, row) for each row.

    Raises
    ------
    LexiconError
        If a column is missing, naming the file.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise LexiconError(f"{path}: line 1: missing columns {missing}")
        return [(line, row) for line, row in enumerate(reader, start=2)]


def load_entries(path: Path = PHRASES_TABLE) -> tuple[Entry, ...]:
    """Read the indicator lexicon (:data:`PHRASES_TABLE`) into entries, in the table's order.

    Raises
    ------
    LexiconError
        For a missing column, an unknown syntax, kind or family, or a regex that does not
        compile, naming the file and line.
    """
    entries = []
    for line, row in read_phrase_table(path, PHRASE_COLUMNS):
        where = f"{path}: line {line} ({row['indicator_id']})"
        if row["kind"] not in PHRASE_KINDS:
            raise LexiconError(f"{where}: kind {row['kind']!r}, expected one of {sorted(PHRASE_KINDS)}")
        if row["family"] not in FAMILIES:
            raise LexiconError(f"{where}: family {row['family']!r}, expected one of {sorted(FAMILIES)}")
        entries.append(Entry(row["indicator_id"], row["family"], phrase_pattern(row["phrase"], row["syntax"], where)))
    return tuple(entries)


#: The unit families a level can be printed in (:mod:`.units`), and "rate" for indices and rates.
FAMILIES = frozenset({"usd", "vnd", "mass", "volume", "energy", "bricks", "visits", "persons", "members",
                      "households", "kg", "houses", "enterprises", "vehicles", "rate"})
ENTRIES: tuple[Entry, ...] = load_entries()
#: The country's vocabulary (``tables/national_phrases.csv``): the same grammar reads a national
#: text with national ids (:mod:`.national`).
NATIONAL_PHRASES_TABLE = PHRASES_TABLE.with_name("national_phrases.csv")
NATIONAL_ENTRIES: tuple[Entry, ...] = load_entries(NATIONAL_PHRASES_TABLE)
_ACTIVE: ContextVar[tuple[Entry, ...]] = ContextVar("lexicon", default=ENTRIES)


def entries() -> tuple[Entry, ...]:
    """The vocabulary in use: the province's (:data:`ENTRIES`) unless :func:`vocabulary` says otherwise."""
    return _ACTIVE.get()


@contextmanager
def vocabulary(chosen: tuple[Entry, ...]) -> Iterator[None]:
    """Read with ``chosen`` as the vocabulary inside the ``with`` block (the country's, for a national text)."""
    token = _ACTIVE.set(chosen)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
