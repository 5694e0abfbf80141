"""The development set: public texts about Lạng Sơn, labelled by hand (``benchmarks/data/devset``).

The four curated reports are the extractor's training text; this set measures it on text
by other writers (the statistics office, the provincial portal, the press). Each text is
an excerpt stored exactly as retrieved, listed in ``manifest.csv`` with its URL,
retrieval date and sha256; ``labels.csv`` holds every figure of the catalogue's
indicators that the texts print, in the observations table's columns. How the labels were
made is in ``benchmarks/data/devset/README.md``.

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
#: Years a development text may be about (2023 and earlier than 2019 are reserved for evaluation).
ALLOWED_YEARS = frozenset({2019, 2020, 2021, 2022, 2024, 2025, 2026})
MANIFEST_COLUMNS = ("id", "url", "title", "retrieved", "sha256", "kind", "year", "period_start", "period_end",
                    "writer")
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
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


def text(doc_id: str, root: Path = DEVSET) -> str:
    """Return one development text exactly as stored (UTF-8)."""
    return (root / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")


def problems(root: Path = DEVSET) -> list[str]:
    """Check the texts, the manifest and every label; return one message per problem (empty when all is well).

    Checked: ids, checksums, kinds and years of the manifest (no reserved year); every
    label's indicator, unit, measure, dates, key and status; every quote is in its text
    (whitespace collapsed), at most 200 characters and prints the label's value.
    """
    table = manifest(root)
    found = _manifest_problems(table, root)
    rows = labels(root)
    known = set(table["id"])
    unknown = rows.loc[~rows["source_doc"].isin(known), "source_doc"]
    found += [f"labels.csv: source_doc {doc!r} is not in manifest.csv" for doc in sorted(set(unknown))]
    found += [f"{doc}: no label (every development text prints at least one figure)" for doc in sorted(known - set(rows["source_doc"]))]
    found += _label_problems(rows.loc[rows["source_doc"].isin(known)])
    quotes = quote_problems(rows.loc[rows["source_doc"].isin(known)], text_of=lambda doc: text(doc, root))
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


def _manifest_problems(table: pd.DataFrame, root: Path) -> list[str]:
    found = [f"manifest.csv: id {doc!r} repeated" for doc in sorted(set(table.loc[table["id"].duplicated(), "id"]))]
    for line, row in enumerate(table.itertuples(index=False), start=2):
        where = f"manifest.csv: line {line} ({row.id})"
        path = root / "texts" / f"{row.id}.txt"
        if not ID_PATTERN.fullmatch(row.id):
            found.append(f"{where}: id must match [A-Za-z0-9_-]+")
        elif not path.exists():
            found.append(f"{where}: no text at {path}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row.sha256:
            found.append(f"{where}: sha256 differs from the stored text (a text is kept exactly as retrieved)")
        if row.kind not in {"excerpt", "full"}:
            found.append(f"{where}: kind {row.kind!r}, expected 'excerpt' or 'full'")
        if not row.year.isdigit() or int(row.year) not in ALLOWED_YEARS:
            found.append(f"{where}: year {row.year!r} is not a development year {sorted(ALLOWED_YEARS)} "
                         "(2023 and years before 2019 are reserved for evaluation)")
        if not row.url.startswith(("http://", "https://")) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.retrieved):
            found.append(f"{where}: url and retrieval date (YYYY-MM-DD) are required")
    listed = set(table["id"])
    found += [f"texts/{p.name}: not listed in manifest.csv" for p in sorted((root / "texts").glob("*.txt"))
              if p.stem not in listed]
    return found


def _label_problems(rows: pd.DataFrame) -> list[str]:
    units = dict(zip(indicators()["indicator_id"], indicators()["unit"]))
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
