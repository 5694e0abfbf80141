"""The development set: public texts about Lạng Sơn, labelled by hand (``benchmarks/data/devset``).

The four curated reports are the extractor's training text; this set measures it on text
by other writers (the statistics office, the provincial portal, the press, the country's
monthly releases as reprinted). The texts are not in git: each is an excerpt kept in the
checkout's local cache, ``.cache/texts/<id>.txt``, exactly as retrieved, and listed in
``manifest.csv`` with its URL, retrieval date, sha256 and ``batch`` (``tuning``: read while
the rules were written; ``fs1``, ``fs2``...: labelled and scored at first sight, see the
README). ``labels.csv`` holds every figure of the catalogue's indicators that the texts
print, in the observations table's columns. How the labels were made and how to rebuild
the cache are in ``benchmarks/data/devset/README.md``.

Only texts about 2019-2022 and 2024-2026 belong here: texts about 2023, about years
before 2019 or about other provinces are reserved for evaluation.

>>> import devset                        # from benchmarks/
>>> devset.problems()                    # [] when every label checks out
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from lsreports.extract.text import Folded
from lsreports.sources.contract import MEASURES, OBSERVATION_COLUMNS, expected_unit
from lsreports.sources.loader import indicators
from lsreports.sources.provenance import quote_problems

DEVSET = Path(__file__).resolve().parent / "data" / "devset"
#: The local cache of the public texts (git-ignored): ``<checkout>/.cache/texts/<id>.txt``.
TEXTS = Path(__file__).resolve().parent.parent / ".cache" / "texts"
#: Years a development text may be about (2023 and earlier than 2019 are reserved for evaluation).
ALLOWED_YEARS = frozenset({2019, 2020, 2021, 2022, 2024, 2025, 2026})
MANIFEST_COLUMNS = ("id", "url", "title", "retrieved", "sha256", "kind", "year", "period_start", "period_end",
                    "writer", "batch")
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
BATCH_PATTERN = re.compile(r"tuning|fs[1-9][0-9]*")
KEY = ["indicator_id", "start", "end", "measure", "source_doc"]
_ESTIMATED = re.compile(r"\b(uoc|du kien)\b")


def manifest(root: Path = DEVSET) -> pd.DataFrame:
    """Return ``manifest.csv``: one row per text, every column as text."""
    return _read(root / "manifest.csv", MANIFEST_COLUMNS)


def labels(root: Path = DEVSET) -> pd.DataFrame:
    """Return ``labels.csv`` typed like :func:`lsreports.observations` (dates, float values, bool ``derived``)."""
    frame = _read(root / "labels.csv", OBSERVATION_COLUMNS)
    return frame.assign(start=pd.to_datetime(frame["start"], format="%Y-%m-%d"),
                        end=pd.to_datetime(frame["end"], format="%Y-%m-%d"),
                        value=frame["value"].astype(float), derived=frame["derived"].eq("true"))


def text(doc_id: str, texts: Path = TEXTS) -> str:
    """Return one development text exactly as cached (UTF-8)."""
    return (texts / f"{doc_id}.txt").read_text(encoding="utf-8")


def missing(root: Path = DEVSET, texts: Path = TEXTS) -> list[str]:
    """Return the ids of the manifest whose text is not in the cache (to re-retrieve from its URL)."""
    return [doc for doc in manifest(root)["id"] if not (texts / f"{doc}.txt").exists()]


def problems(root: Path = DEVSET, texts: Path = TEXTS) -> list[str]:
    """Check the cached texts, the manifest and every label; return one message per problem (empty when all is well).

    Checked: ids, checksums, kinds, years and batches of the manifest (no reserved year);
    every label's indicator, unit, measure, dates, key and status; every quote of a cached
    text is in it (whitespace collapsed), at most 200 characters and prints the label's
    value. A text missing from the cache is not a problem here (see :func:`missing`); its
    quotes are checked once it is re-retrieved.
    """
    table = manifest(root)
    found = _manifest_problems(table, texts)
    rows = labels(root)
    known = set(table["id"])
    unknown = rows.loc[~rows["source_doc"].isin(known), "source_doc"]
    found += [f"labels.csv: source_doc {doc!r} is not in manifest.csv" for doc in sorted(set(unknown))]
    found += [f"{doc}: no label (every development text prints at least one figure)" for doc in sorted(known - set(rows["source_doc"]))]
    found += _label_problems(rows.loc[rows["source_doc"].isin(known)])
    cached = known - set(missing(root, texts))
    quotes = quote_problems(rows.loc[rows["source_doc"].isin(cached)], text_of=lambda doc: text(doc, texts))
    found += [f"labels.csv: line {row + 2} ({ind}, {doc}): {problem}"
              for row, ind, doc, problem in zip(quotes["row"], quotes["indicator_id"], quotes["source_doc"],
                                                quotes["problem"])]
    return found


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: line 1: missing columns {missing}")
    return frame


def _manifest_problems(table: pd.DataFrame, texts: Path) -> list[str]:
    found = [f"manifest.csv: id {doc!r} repeated" for doc in sorted(set(table.loc[table["id"].duplicated(), "id"]))]
    for line, row in enumerate(table.itertuples(index=False), start=2):
        where = f"manifest.csv: line {line} ({row.id})"
        path = texts / f"{row.id}.txt"
        if not ID_PATTERN.fullmatch(row.id):
            found.append(f"{where}: id must match [A-Za-z0-9_-]+")
        elif not re.fullmatch(r"[0-9a-f]{64}", row.sha256):
            found.append(f"{where}: sha256 must be 64 lowercase hex digits")
        elif path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() != row.sha256:
            found.append(f"{where}: sha256 differs from the stored text (a text is kept exactly as retrieved)")
        if row.kind not in {"excerpt", "full"}:
            found.append(f"{where}: kind {row.kind!r}, expected 'excerpt' or 'full'")
        if not row.year.isdigit() or int(row.year) not in ALLOWED_YEARS:
            found.append(f"{where}: year {row.year!r} is not a development year {sorted(ALLOWED_YEARS)} "
                         "(2023 and years before 2019 are reserved for evaluation)")
        if not row.url.startswith(("http://", "https://")) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.retrieved):
            found.append(f"{where}: url and retrieval date (YYYY-MM-DD) are required")
        if not BATCH_PATTERN.fullmatch(row.batch):
            found.append(f"{where}: batch {row.batch!r}, expected 'tuning' or 'fs' and a number (fs1, fs2, ...)")
    return found


def _label_problems(rows: pd.DataFrame) -> list[str]:
    catalogue = indicators(national=True)
    units = dict(zip(catalogue["indicator_id"], catalogue["unit"]))
    found = []
    for index, row in rows.iterrows():
        where = f"labels.csv: line {index + 2} ({row['indicator_id']}, {row['source_doc']})"
        if row["indicator_id"] not in units:
            found.append(f"{where}: indicator not in data/curated/indicators.csv")
        elif row["measure"] not in MEASURES:
            found.append(f"{where}: measure {row['measure']!r} not one of {list(MEASURES)}")
        elif row["unit"] != expected_unit(row["measure"], units[row["indicator_id"]]):
            found.append(f"{where}: unit {row['unit']!r}, expected "
                         f"{expected_unit(row['measure'], units[row['indicator_id']])!r}")
        if row["start"] > row["end"] or row["start"].year not in ALLOWED_YEARS:
            found.append(f"{where}: period {row['start']:%Y-%m-%d}..{row['end']:%Y-%m-%d} is reversed or not in a "
                         "development year")
        if row["derived"] or row["status"] not in {"actual", "estimate"}:
            found.append(f"{where}: a label is printed (derived=false) with status 'actual' or 'estimate'")
        elif _ESTIMATED.search(Folded(row["quote"]).text) and row["status"] != "estimate":
            found.append(f"{where}: the quote calls the figure estimated ('ước'), status must be 'estimate'")
    repeated = rows.loc[rows.duplicated(KEY, keep="first")]
    found += [f"labels.csv: line {i + 2}: key {tuple(str(r[c]) for c in KEY)} labelled twice" for i, r in repeated.iterrows()]
    return found
