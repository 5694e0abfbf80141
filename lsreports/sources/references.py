"""Checks across the three tables: every ``source_doc`` listed, every id known, every target's quote found.

``curate check`` runs these after the quote checks of the observations
(:mod:`lsreports.sources.validate`); ``summary``, ``excel`` and ``derive`` refuse a
``source_doc`` missing from ``data/raw/reports.csv`` (:func:`check_listed`).

A report of ``source_kind = public_text`` is a fact with its citation: its text is kept out
of git (``.cache/texts/<id>.txt`` in the checkout, when present). Where the text is present
the quote is looked up in it; where it is absent, the quote (at most 200 characters) must
itself print the value, the shared contract check's rule.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import DataFileError
from .contract import MAX_QUOTE_CHARS
from .paths import REPORT_ID, data_dir, report_path
from .reports import collapse_whitespace, report_text
from .validate import find_quote, value_is_printed

__all__ = ["check_listed", "listed_observations", "public_ids", "reference_problems", "source_text"]


def public_ids(manifest: pd.DataFrame) -> set[str]:
    """The ids of the manifest's public texts (``source_kind = public_text``)."""
    return set(manifest.loc[manifest.get("source_kind", pd.Series("", index=manifest.index)) == "public_text", "id"])


def source_text(doc_id: str, public: bool) -> str | None:
    """Return a report's text; for a public text, the local copy if any (``None`` when it is absent).

    The copy is the checkout's ``.cache/texts/<id>.txt`` (beside the data folder), its sha256
    checked against the manifest (:func:`lsreports.sources.reports.source_text`, the one
    place that locates and verifies a cached public text).

    Raises
    ------
    DataFileError
        If a report that is not a public text has no vendored text, or a cached copy is not
        the text whose sha256 the manifest records.
    """
    if report_path(doc_id).exists() or not public:
        return report_text(doc_id)
    from .reports import source_text as public_source_text

    return public_source_text(doc_id)


def check_listed(obs: pd.DataFrame, manifest: pd.DataFrame, path: Path) -> None:
    """Raise naming the first row of ``path`` whose ``source_doc`` is not in the manifest."""
    missing = ~obs["source_doc"].isin(set(manifest["id"]))
    if missing.any():
        row = obs.loc[missing].iloc[0]
        raise DataFileError(f"{path}: {int(missing.sum())} rows name a source_doc not listed in "
                            f"{data_dir() / 'raw' / 'reports.csv'}, first {row['source_doc']!r} ({row['indicator_id']}); "
                            "add the report's row to the manifest (lsreports ingest does) or correct the id")


#: "250 - 270 nghìn tỷ": the scale words after a range's second number scale its first too.
#: "250 - 270 nghìn tỷ": the scale words after a range's second number scale its first too.
_RANGE = re.compile(r"(\d[\d.,]*)(\s*[-–]\s*\d[\d.,]*)(\s+(?:nghìn|ngàn|triệu|tỷ)(?:\s+(?:nghìn|ngàn|triệu|tỷ))*)")


def listed_observations() -> pd.DataFrame:
    """Return the observations, refusing a ``source_doc`` the manifest does not list (see :func:`check_listed`)."""
    from .loader import observations, reports
    from .paths import curated_dir

    obs = observations()
    check_listed(obs, reports(), curated_dir() / "observations.csv")
    return obs


def _target_value_problem(target: dict, quote: str) -> str:
    measure = "yoy_pct" if target["unit"] == "pct" else "value"
    quote = _RANGE.sub(r"\1\3\2\3", quote)
    for column in ("value", "value_high"):
        value = target[column]
        if pd.notna(value) and not value_is_printed(float(value), measure, quote, target["unit"]):
            return f"no number printed in the quote equals its {column} {value:g}"
    return ""


def _target_problems(targets: pd.DataFrame, known: set[str], listed: set[str],
                     text_of: Callable[[str], str | None]) -> list[tuple[str, str]]:
    found = []
    for target in targets.to_dict("records"):
        where, quote = target["target_id"], collapse_whitespace(target["quote"])
        if target["indicator_id"] and target["indicator_id"] not in known:
            found.append((where, f"unknown indicator_id {target['indicator_id']!r}"))
        if target["source_doc"] not in listed:
            found.append((where, f"source_doc {target['source_doc']!r} is not listed in data/raw/reports.csv"))
            continue
        text = text_of(target["source_doc"])
        if len(quote) > MAX_QUOTE_CHARS:
            found.append((where, f"quote longer than {MAX_QUOTE_CHARS} characters"))
        elif text is not None and find_quote(quote, collapse_whitespace(text)) == "missing":
            found.append((where, f"quote not found in {target['source_doc']}"))
        elif problem := _target_value_problem(target, quote):
            found.append((where, problem))
    return found


def _manifest_problems(manifest: pd.DataFrame, text_of: Callable[[str], str | None]) -> list[tuple[str, str]]:
    found = [(doc, "id listed twice") for doc in manifest.loc[manifest["id"].duplicated(), "id"]]
    found += [(doc, "not a valid report id (letters A-Z a-z, digits, '_' and '-')") for doc in manifest["id"]
              if not REPORT_ID.fullmatch(doc)]
    for doc, recorded in zip(manifest["id"], manifest["sha256"]):
        if not REPORT_ID.fullmatch(doc):
            continue
        text = text_of(doc)
        path = report_path(doc)
        if text is not None and path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() != recorded:
            found.append((doc, f"{path.name} does not have the sha256 recorded ({recorded[:12]}...)"))
    return found


def reference_problems(obs: pd.DataFrame, targets: pd.DataFrame, manifest: pd.DataFrame,
                       catalogue: pd.DataFrame) -> pd.DataFrame:
    """Check the references between the tables; return one row per problem (``file``, ``where``, ``problem``)."""
    public, listed = public_ids(manifest), set(manifest["id"])
    texts: dict[str, str | None] = {}

    def text_of(doc: str) -> str | None:
        if doc not in texts:
            texts[doc] = source_text(doc, doc in public)
        return texts[doc]

    rows = [("observations.csv", f"{doc} ({n} rows)", "source_doc is not listed in data/raw/reports.csv")
            for doc, n in obs.loc[~obs["source_doc"].isin(listed), "source_doc"].value_counts().items()]
    rows += [("targets.csv", w, p) for w, p in _target_problems(targets, set(catalogue["indicator_id"]), listed,
                                                                 text_of)]
    rows += [("reports.csv", w, p) for w, p in _manifest_problems(manifest, text_of)]
    return pd.DataFrame(rows, columns=["file", "where", "problem"])
