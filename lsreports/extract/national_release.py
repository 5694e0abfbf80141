"""Reading the statistics office's monthly release ("Tình hình kinh tế - xã hội tháng N") into
national (``vn_``) rows.

The release's wording lives in a table, ``tables/national_lexicon.csv`` beside this module
(with the extractor's other phrase tables): one row per figure the release prints (indicator, measure, month or year to date, the scale the
release prints it in) and a regular expression of its wording, written with placeholders
this module expands (``{MONTH}``, ``{YEAR}``, ``{YTD}``, ``{YTDN}``, ``{VALUE}``, ``{SCALE}``,
``{SIGNED}``, ``{NUMBER}``, ``{APPROX}``, ``{GAP}``). The code only expands, matches and
checks; teaching it a new wording is a new line of the table. Patterns and text are matched
with their diacritics stripped (case kept), so a text typed without them reads the same; the
quote is cut from the text as printed. A level the press prints in another scale than the
release ("627.800 tỷ đồng" where it prints "627,8 nghìn tỷ đồng") is converted into the
indicator's unit, and the row's note names the conversion.

Bad input is refused with the file and line, and nothing is returned:

* a release that names another month than the one asked (its month, or a year to date of
  another length);
* a level that would be less than one unit of the release's scale once converted ("627,8 tỷ
  đồng" for "627,8 nghìn tỷ"): a scale word dropped, not a respelling;
* a lexicon line that maps the country's wording to an id that is not national (``vn_``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import DataFileError
from ..sources.numbers import parse_vn_number
from ..sources.reports import collapse_whitespace
from .text import Folded, strip_marks

LEXICON = Path(__file__).with_name("tables") / "national_lexicon.csv"

#: The month names as matched: the text and the patterns are both folded to no diacritics, case kept.
_MONTH_WORDS = {"Mot": 1, "Hai": 2, "Ba": 3, "Tu": 4, "Bon": 4, "Nam": 5, "Sau": 6, "Bay": 7, "Tam": 8, "Chin": 9,
                "Muoi": 10, "Muoi mot": 11, "Muoi hai": 12}
_WORDS = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
_NUM = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)"
#: Placeholders of the lexicon's patterns. Month names are capitalised in the releases
#: ("tháng Một"), counts of months are not ("bảy tháng"): the case of the words is kept.
#: The patterns are written with diacritics and matched folded (:func:`.text.strip_marks`), so a
#: text typed without them reads the same; the placeholders are written folded.
PLACEHOLDERS = {
    "MONTH": rf"(?P<month>\d{{1,2}}|(?-i:{_WORDS}))",
    "YEAR": r"(?P<year>\d{4})",
    "YTDN": rf"(?P<months>\d{{1,2}}|(?i:{_WORDS})) thang(?: dau)?(?: nam(?: (?P<year>\d{{4}}))?)?",
    "YTD": (rf"(?:(?:tinh chung|luy ke) )?(?:tu dau nam den het thang (?P<months_to>\d{{1,2}})(?:/(?P<year_to>\d{{4}}))?"
            rf"|(?P<months>\d{{1,2}}|(?i:{_WORDS})) thang(?: dau)?(?: nam(?: (?P<year>\d{{4}}))?)?"
            r"|(?:ca )?nam (?P<year_whole>\d{4}))"),
    "VALUE": rf"(?:(?P<approx>gan|hon|tren|khoang) )?(?P<value>{_NUM})",
    "SCALE": r"(?P<scale>nghin t[yi]|ngan t[yi]|ty|ti|trieu)",
    "SIGNED": rf"(?P<sign>tang|giam)(?: toi| manh| nhe)? (?P<value>{_NUM})",
    "NUMBER": _NUM,
    "APPROX": r"(?:(?:gan|hon|tren|khoang) )?",
    "GAP": r"(?:[^.\n]|(?<=\d)\.(?=\d)){0,120}?",
}
_POWER = {"nghin ty": 12, "ty": 9, "trieu": 6}
#: Spellings of the same scale word: "tỉ" is the older spelling of "tỷ" (the contract's value rule reads
#: both, since main's d785fb3).
_SPELLING = {"ngan ty": "nghin ty", "ti": "ty", "nghin ti": "nghin ty", "ngan ti": "nghin ty"}
_UNIT_POWER = {"VND_bn": 9, "USD_mn": 6}
#: Measures a lexicon line may give.
MEASURES = ("value", "yoy_pct", "mom_pct", "plan_pct")


class ReleaseError(DataFileError):
    """A release text or the lexicon does not say what was asked; the message names the file and line."""


@dataclass(frozen=True)
class LexiconEntry:
    """One wording of the release: what it prints and the compiled pattern."""

    line: int
    indicator_id: str
    measure: str
    period: str
    scale: str
    pattern: re.Pattern


def load_lexicon(path: Path = LEXICON) -> list[LexiconEntry]:
    """Read a national lexicon table and compile its patterns (folded: see :data:`PLACEHOLDERS`).

    Raises
    ------
    ReleaseError
        For a line whose id is not national (``vn_``: a national text must never reach a
        province's id), an unknown period or measure, or a pattern that does not compile.
    """
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    entries = []
    for line, row in enumerate(table.itertuples(index=False), start=2):
        where = f"{path}: line {line}"
        if not row.indicator_id.startswith("vn_"):
            raise ReleaseError(f"{where}: {row.indicator_id!r} is not a national id; the country's release maps "
                               "only to vn_ ids (a province's id would mix the country into the province's rows)")
        if row.period not in {"month", "ytd"} or row.measure not in MEASURES:
            raise ReleaseError(f"{where}: period {row.period!r} / measure {row.measure!r}: expected month or ytd, "
                               f"and one of {', '.join(MEASURES)}")
        try:
            pattern = re.compile(strip_marks(row.pattern).format(**PLACEHOLDERS), re.IGNORECASE)
        except (re.error, KeyError, IndexError) as exc:
            raise ReleaseError(f"{where}: pattern does not compile: {exc}") from exc
        entries.append(LexiconEntry(line, row.indicator_id, row.measure, row.period, strip_marks(row.scale), pattern))
    return entries


def _number_of(token: str | None) -> int | None:
    if token is None:
        return None
    return int(token) if token.isdigit() else _MONTH_WORDS[token[0].upper() + token[1:].lower()]


def _first(match: re.Match, *names: str) -> str | None:
    groups = match.groupdict()
    return next((groups[n] for n in names if groups.get(n)), None)


def _period(entry: LexiconEntry, match: re.Match, month: pd.Period, where: str, quote: str) -> tuple:
    """The row's start and end; a figure of another month than the one asked is an error."""
    year = _first(match, "year", "year_to", "year_whole")
    if entry.period == "month":
        named = _number_of(match.group("month"))
    else:
        named = _number_of(_first(match, "months", "months_to")) or 12  # "năm 2025": the whole year
    printed = pd.Period(year=int(year) if year else month.year, month=named, freq="M")
    if printed != month:
        what = f"tháng {named}" if entry.period == "month" else f"{named} tháng (year to date)"
        raise ReleaseError(f"{where}: the release prints {what} of {printed.year} ({printed}) where {month} was asked: "
                           f"{quote!r}; is this the release of another month?")
    start = month.start_time if entry.period == "month" else pd.Timestamp(month.year, 1, 1)
    return start.normalize(), month.end_time.normalize()


def _value(entry: LexiconEntry, match: re.Match, unit: str, where: str, quote: str, printed: str) -> tuple[float, str]:
    """The figure in the indicator's unit, and a note when the press printed another scale than the release.

    A level printed in another scale ("627.800 tỷ đồng" where the release prints "627,8 nghìn tỷ
    đồng") is converted into the indicator's unit, and the note says so; one that would be less
    than one unit of the release's scale ("627,8 tỷ đồng") lost its scale word and is refused.
    ``printed`` is the scale word as printed, for messages; "tỉ" is "tỷ" (:data:`_SPELLING`).
    """
    number = parse_vn_number(match.group("value"))
    if entry.measure != "value":
        return (-number if match.groupdict().get("sign", "").lower() == "giam" else number), ""
    scale = _SPELLING.get(match.group("scale").lower(), match.group("scale").lower())
    expected = " ".join(entry.scale.split()[:-1])  # "nghin ty dong" -> "nghin ty"
    if scale == expected:
        return number * 10.0 ** (_POWER[scale] - _UNIT_POWER[unit]), ""
    if number * 10.0 ** (_POWER[scale] - _POWER[expected]) < 1:  # "627,8 tỷ đồng": 0.6 nghìn tỷ, a dropped word
        raise ReleaseError(f"{where}: {entry.indicator_id} printed in {printed!r} where the release prints it in "
                           f"{_PRINTED.get(expected, expected)!r}: {quote!r}; less than one {expected} is a misprint "
                           "(a scale word dropped), not a respelling, and is not read")
    note = f"printed in '{printed}' where the release prints '{_PRINTED.get(expected, expected)}': {CONVERTED} {unit}"
    return number * 10.0 ** (_POWER[scale] - _UNIT_POWER[unit]), note


#: The words of a row's note when its level was printed in another scale and converted.
CONVERTED = "converted into"
#: The scale words as the releases print them, for messages.
_PRINTED = {"nghin ty": "nghìn tỷ", "ty": "tỷ", "trieu": "triệu"}


def matches(text: str, lexicon: list[LexiconEntry]) -> tuple[Folded, list[tuple[LexiconEntry, re.Match]]]:
    """Every match of the lexicon in ``text``, in the order of the text (folded: diacritics or none alike)."""
    folded = Folded(text, lower=False)
    found = sorted(((match.start(), i, entry, match) for i, entry in enumerate(lexicon)
                    for match in entry.pattern.finditer(folded.text)), key=lambda f: f[:2])
    return folded, [(entry, match) for _, _, entry, match in found]


def figure(text: str, folded: Folded, entry: LexiconEntry, match: re.Match, month: pd.Period, units: dict[str, str],
           source: str) -> dict:
    """The row of one lexicon match (``_at``: where it starts in ``text``).

    Raises
    ------
    ReleaseError
        A figure of another month than ``month``, or a level that lost its scale word.
    """
    group = "quote" if match.groupdict().get("quote") else 0
    span = folded.span(*match.span(group))
    quote = collapse_whitespace(text[span[0]:span[1]])
    where = f"{source}: line {text.count(chr(10), 0, span[0]) + 1}"
    start, end = _period(entry, match, month, where, quote)
    unit = "pct" if entry.measure != "value" else units[entry.indicator_id]
    scale = match.groupdict().get("scale") and text[slice(*folded.span(*match.span("scale")))]
    value, converted = _value(entry, match, unit, where, quote, scale or "")
    approx = match.groupdict().get("approx")
    note = "; ".join([f"the release of {month:%Y-%m}, first estimate"] + ([converted] if converted else [])
                     + ([f"printed as '{text[slice(*folded.span(*match.span('approx')))]}' (about)"] if approx else []))
    return {"indicator_id": entry.indicator_id, "start": start, "end": end, "measure": entry.measure,
            "value": value, "unit": unit, "source_doc": "", "quote": quote, "derived": False,
            "status": "estimate", "flag": "", "note": note, "_at": span[0]}


def read_release(text: str, doc_id: str, month: str | pd.Period, *, source: str = "",
                 lexicon: list[LexiconEntry] | None = None, units: dict[str, str] | None = None) -> pd.DataFrame:
    """Read a national release's text into rows of the ``vn_`` series.

    Parameters
    ----------
    text : str
        The release as retrieved, with its diacritics or without them.
    doc_id : str
        Its id in ``data/raw/reports.csv`` (the rows' ``source_doc``).
    month : str or pandas.Period
        The release's month (``"2025-12"``): every figure must be of that month or of the
        year to that month.
    source : str, optional
        The file the text came from, for messages (default: ``doc_id``).
    lexicon : list of LexiconEntry, optional
        Default: :func:`load_lexicon`.
    units : dict, optional
        Indicator id -> catalogue unit (default: the catalogue's).

    Returns
    -------
    pandas.DataFrame
        One row per figure in the contract's columns (``status`` estimate: the release's
        first estimate), in the order of the text; a figure printed twice in the same
        words is one row. A level the press printed in another scale than the release
        ("627.800 tỷ đồng" for "627,8 nghìn tỷ đồng") is converted, and its note says so.

    Raises
    ------
    ReleaseError
        A figure of another month, a level that lost its scale word ("627,8 tỷ đồng"), or a
        lexicon line that reaches a non-national id; the message names the file and line.
    """
    month = pd.Period(month, freq="M")
    lexicon = load_lexicon() if lexicon is None else lexicon
    units = _catalogue_units() if units is None else units
    folded, found = matches(text, lexicon)
    rows = [{**figure(text, folded, entry, match, month, units, source or doc_id), "source_doc": doc_id}
            for entry, match in found]  # in the order of the text: an error names the first bad figure
    return _one_per_figure(pd.DataFrame(rows), source or doc_id)


def _one_per_figure(rows: pd.DataFrame, source: str) -> pd.DataFrame:
    """One row per key; the same key with two values in one text is an error."""
    columns = ["indicator_id", "start", "end", "measure", "value", "unit", "source_doc", "quote", "derived",
               "status", "flag", "note"]
    if rows.empty:
        typed = {"start": "datetime64[ns]", "end": "datetime64[ns]", "value": float, "derived": bool}
        return pd.DataFrame({c: pd.Series(dtype=typed.get(c, object)) for c in columns})
    rows = rows.sort_values("_at", kind="stable")
    key = ["indicator_id", "start", "end", "measure"]
    values = rows.groupby(key)["value"].nunique()
    if (values > 1).any():
        clash = values[values > 1].index[0]
        printed = rows.loc[(rows[key] == pd.Series(clash, index=key)).all(axis=1), "quote"].tolist()
        raise ReleaseError(f"{source}: {clash[0]} {clash[1]:%Y-%m-%d}..{clash[2]:%Y-%m-%d} {clash[3]} is printed with "
                           f"two values: {printed}")
    return rows.drop_duplicates(key).drop(columns="_at").reset_index(drop=True)[columns]


def _catalogue_units() -> dict[str, str]:
    from ..sources.loader import indicators

    catalogue = indicators(national=True)
    return dict(zip(catalogue["indicator_id"], catalogue["unit"]))


def national_texts() -> pd.DataFrame:
    """The national releases of ``data/raw/reports.csv`` (ids ``pub_vn_*``): ``id, month, sha256``."""
    from ..sources.loader import reports
    from ..sources.national_join import NATIONAL_TEXT_PREFIX

    manifest = reports()
    national = manifest.loc[manifest["id"].str.startswith(NATIONAL_TEXT_PREFIX)]
    not_public = national.loc[national.get("source_kind", pd.Series("", index=national.index)) != "public_text", "id"]
    if len(not_public):
        raise ReleaseError(f"data/raw/reports.csv: {', '.join(not_public)}: a national release is a public text "
                           "(source_kind = public_text)")
    return pd.DataFrame({"id": national["id"], "month": national["period_end"].dt.to_period("M"),
                         "sha256": national["sha256"]}).reset_index(drop=True)


def build_text_rows() -> tuple[pd.DataFrame, list[str]]:
    """Read every cached national release into rows.

    Returns
    -------
    (pandas.DataFrame, list of str)
        The rows of all cached releases, in manifest order, and the ids of the releases
        that are not cached (their stored rows cannot be rebuilt here).

    Raises
    ------
    ReleaseError
        As :func:`read_release`, for the first release that does not read; or a cached copy
        whose sha256 is not the recorded one.
    """
    from ..sources.public_texts import cached_path, cached_text

    lexicon, units = load_lexicon(), _catalogue_units()
    frames, absent = [], []
    for doc_id, month, sha in national_texts().itertuples(index=False):
        text = cached_text(doc_id, sha)
        if text is None:
            absent.append(doc_id)
            continue
        frames.append(read_release(text, doc_id, month, source=str(cached_path(doc_id)), lexicon=lexicon, units=units))
    rows = pd.concat(frames, ignore_index=True) if frames else _one_per_figure(pd.DataFrame(), "")
    return rows, absent
