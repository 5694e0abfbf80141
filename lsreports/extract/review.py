"""The ingest workflow: candidates are reviewed before they enter the curated table.

``review_candidates`` compares extracted rows with the curated table; the economist marks
the rows to keep in the ``accept`` column of the review file; ``apply_review`` appends
only accepted ``new`` rows, vendors the report text and records it in the manifest. A
curated row is never overwritten or deleted: an accepted row that would replace one is
refused, naming it.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd

from ..sources.atomic import atomic_path
from ..sources.contract import OBSERVATION_COLUMNS
from ..errors import DataFileError
from ..sources.paths import curated_dir, data_dir, report_path

KEY = ["indicator_id", "start", "end", "measure", "source_doc"]
REVIEW_COLUMNS = ["review", "accept", "curated_value"] + list(OBSERVATION_COLUMNS) + ["confidence"]
ACCEPTED = {"yes", "y", "true", "1", "x"}


class ReviewError(ValueError):
    """A review file cannot be applied; the message names the file, line and row."""


def review_candidates(candidates: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """Mark each candidate (column ``review``) ``new``, ``agrees`` (same key and value) or ``conflicts`` (same key, other value).

    Parameters
    ----------
    candidates : pandas.DataFrame
        Rows from :func:`lsreports.extract.extract_report` (dates as ``YYYY-MM-DD`` text).
    curated : pandas.DataFrame
        The curated observations (:func:`lsreports.observations`).

    Returns
    -------
    pandas.DataFrame
        :data:`REVIEW_COLUMNS`; ``accept`` is empty for the economist to fill.
    """
    existing = curated.assign(start=curated["start"].dt.strftime("%Y-%m-%d"), end=curated["end"].dt.strftime("%Y-%m-%d"))
    values = existing.set_index(KEY)["value"]
    values = values[~values.index.duplicated()]
    out = candidates.copy()
    keys = list(zip(*(out[c] for c in KEY)))
    out["curated_value"] = [values.get(key) for key in keys]
    out["review"] = ["new" if pd.isna(v) else "agrees" if abs(v - c) <= 1e-9 * max(1.0, abs(v)) else "conflicts"
                     for v, c in zip(out["curated_value"], out["value"])]
    out["accept"] = ""
    for column in OBSERVATION_COLUMNS:
        if column not in out.columns:
            out[column] = ""
    order = out["review"].map({"conflicts": 0, "new": 1, "agrees": 2})
    return out.assign(order=order).sort_values("order", kind="stable")[REVIEW_COLUMNS].reset_index(drop=True)


def write_review(review: pd.DataFrame, path: Path) -> Path:
    """Write a review file (UTF-8 with BOM, so Excel shows the diacritics), atomically."""
    from ..sources.atomic import write_atomic

    return write_atomic(path, lambda handle: review.to_csv(handle, index=False), encoding="utf-8-sig")


def _vendor(report: Path, doc_id: str, rows: pd.DataFrame) -> None:
    target = report_path(doc_id)
    data = report.read_bytes()
    if target.exists():
        if target.read_bytes() != data:
            raise ReviewError(f"{target} exists with a different text for report {doc_id!r}; refusing to replace a "
                              "vendored source (give the new report another --doc-id)")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(report, target)
    manifest = data_dir() / "raw" / "reports.csv"
    first_line = next((line.strip() for line in data.decode("utf-8").splitlines() if line.strip()), "")[:150]
    with manifest.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    entry = {"id": doc_id, "title": first_line, "period_start": min(rows["start"]), "period_end": max(rows["end"]),
             "report_date_note": "added by lsreports ingest (period from the accepted rows); complete this row",
             "sha256": hashlib.sha256(data).hexdigest()}
    ends_open = not manifest.read_bytes().endswith((b"\n", b"\r"))
    with manifest.open("a", encoding="utf-8", newline="") as handle:  # one field per header column, extra ones empty
        handle.write("\n" if ends_open else "")  # a last line without its newline is not glued to the new one
        csv.DictWriter(handle, header, restval="", extrasaction="ignore", lineterminator="\n").writerow(entry)


def apply_review(review_file: Path, report: Path) -> int:
    """Append the accepted new rows of a review file to the curated table; return how many.

    Raises
    ------
    ReviewError
        If an accepted row is not ``new`` or its key is already curated (it would replace a
        curated row), naming the review file's line; nothing is written in that case.
    """
    from ..sources.loader import observations

    review = pd.read_csv(review_file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in REVIEW_COLUMNS if c not in review.columns]
    if missing:
        raise ReviewError(f"{review_file}: line 1: missing columns {missing}")
    accepted = review.loc[review["accept"].str.strip().str.lower().isin(ACCEPTED)]
    if accepted.empty:
        return 0
    curated = observations()
    curated_keys = set(zip(curated["indicator_id"], curated["start"].dt.strftime("%Y-%m-%d"),
                           curated["end"].dt.strftime("%Y-%m-%d"), curated["measure"], curated["source_doc"]))
    for index, row in accepted.iterrows():
        key = tuple(row[c] for c in KEY)
        if row["review"] != "new" or key in curated_keys:
            raise ReviewError(f"{review_file}: line {index + 2}: refusing to overwrite the curated row "
                              f"{' '.join(key)} (curated value {row['curated_value'] or 'present'}, reviewed "
                              f"{row['value']}); lsreports never replaces or deletes curated rows — edit "
                              "data/curated/observations.csv by hand if the curated row is wrong")
    doc_ids = set(accepted["source_doc"])
    if len(doc_ids) != 1:
        raise ReviewError(f"{review_file}: accepted rows come from several reports {sorted(doc_ids)}; apply one at a time")
    doc_id = doc_ids.pop()
    rows = accepted.reindex(columns=list(OBSERVATION_COLUMNS), fill_value="").assign(derived="false")
    target = curated_dir() / "observations.csv"
    if not target.exists():
        raise DataFileError(f"{target}: file not found")
    with atomic_path(target) as temporary:
        _write_appended(target, temporary, rows)
        _validate_appended(temporary, target, review_file, report, doc_id, len(rows))
        _vendor(report, doc_id, accepted)
    return len(rows)


def _write_appended(target: Path, temporary: Path, rows: pd.DataFrame) -> None:
    """Write the curated table with ``rows`` after it; a last line without its newline gets one first."""
    data = target.read_bytes()
    with temporary.open("wb") as handle:
        handle.write(data)
        if data and not data.endswith((b"\n", b"\r")):
            handle.write(b"\n")
    with temporary.open("a", encoding="utf-8", newline="") as handle:
        rows.to_csv(handle, header=False, index=False, lineterminator="\n")


def _validate_appended(temporary: Path, target: Path, review_file: Path, report: Path, doc_id: str,
                       added: int) -> None:
    """Run the table checks on the table as it would be, and the provenance checks on the added rows.

    Raises
    ------
    ReviewError
        Naming the review file and the problem (the table itself is not touched).
    """
    from ..sources.loader import read_observations_file
    from ..sources.reports import report_text
    from ..sources.validate import quote_problems

    try:
        table = read_observations_file(temporary)
    except DataFileError as exc:
        message = str(exc).replace(str(temporary), target.name)
        raise ReviewError(f"{review_file}: the accepted rows would make the curated table invalid: {message}; "
                          "nothing was written") from exc
    text = report.read_text(encoding="utf-8")
    problems = quote_problems(table.tail(added), lambda doc: text if doc == doc_id else report_text(doc))
    errors = problems.loc[problems["severity"] == "error"]
    if len(errors):
        first = errors.iloc[0]
        raise ReviewError(f"{review_file}: accepted row {first['indicator_id']} ({first['source_doc']}): "
                          f"{first['problem']}: {first['quote'][:80]!r}; nothing was written")
