"""The ingest workflow: candidates are reviewed before they enter the curated table.

``review_candidates`` compares extracted rows with the curated table; the economist marks
the rows to keep with ``yes`` in the ``accept`` column of the review file
(:mod:`lsreports.extract.review_file`); ``apply_review`` checks each accepted row again
(:mod:`lsreports.extract.review_checks`), then appends the accepted ``new`` rows, vendors
the report text and records it in the manifest (:mod:`lsreports.extract.vendor`), all in
one commit under the data folder's lock (:mod:`lsreports.sources.commit`): a concurrent
apply waits, and a killed apply leaves the files as they were (or, past the commit
point, is finished by the next apply). A curated row is never overwritten or deleted:
an accepted row that would replace one is refused, naming it.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import DataFileError
from ..sources.commit import Commit, appended, data_lock, recover
from ..sources.contract import OBSERVATION_COLUMNS
from ..sources.paths import check_report_id, curated_dir, data_dir
from .confidence import LOW
from .readers import read_document
from .review_checks import check_accepted
from .review_file import REVIEW_COLUMNS, ReviewError, accepted_rows, read_review, write_review
from .vendor import check_new_report, stage_report

__all__ = ["KEY", "REVIEW_COLUMNS", "ReviewError", "apply_review", "review_candidates", "write_review"]

KEY = ["indicator_id", "start", "end", "measure", "source_doc"]


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
        :data:`REVIEW_COLUMNS`; ``accept`` is empty for the economist to fill. Rows of a
        confidence under :data:`lsreports.extract.confidence.LOW` come first, each with its
        ``reason``; then conflicts, new rows and rows that agree.
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
    if "reason" not in out.columns:
        out["reason"] = ""
    # low-confidence candidates first (their reason says what to check), then conflicts, new, agreeing rows
    low = pd.to_numeric(out["confidence"], errors="coerce").fillna(0.0) < LOW
    order = out["review"].map({"conflicts": 0, "new": 1, "agrees": 2})
    return out.assign(low=~low, order=order).sort_values(["low", "order"], kind="stable")[REVIEW_COLUMNS] \
        .reset_index(drop=True)


def apply_review(review_file: Path, report: Path, *, ocr: bool = False) -> int:
    """Append the accepted new rows of a review file to the curated table; return how many.

    Parameters
    ----------
    review_file : pathlib.Path
        The review file, ``accept`` marked by hand.
    report : pathlib.Path
        The report the review was made from (any format :func:`read_document` reads).
    ocr : bool, default False
        Read a scanned report with Tesseract.

    Raises
    ------
    ReviewError
        If the review file cannot be read, an accepted row is malformed, not ``new``, or
        would replace a curated row (naming the review file's line); nothing is written.
    ReportTextError
        If the report cannot be read.

    Notes
    -----
    Rows already curated with the same value are skipped: applying a review twice, or
    again after an interrupted apply, adds nothing the second time.
    """
    review = read_review(review_file)
    accepted = accepted_rows(review_file, review)
    if accepted.empty:
        return 0
    document = read_document(report, ocr=ocr)
    from ..sources.loader import indicators, observations

    catalogue = indicators()
    check_accepted(review_file, accepted, document.text, dict(zip(catalogue["indicator_id"], catalogue["unit"])))
    doc_id = _one_report(review_file, accepted)
    with data_lock(data_dir()):
        recover(data_dir())
        accepted = _refuse_overwrites(review_file, accepted, observations())
        if accepted.empty:
            return 0
        check_new_report(document, doc_id, report)
        commit = Commit(data_dir())
        try:
            stage_report(commit, document, doc_id, (min(accepted["start"]), max(accepted["end"])))
            target, data = _observations_appended(accepted)
            _validate_appended(commit.stage(target, data), review_file, document.text, doc_id, len(accepted))
        except BaseException:
            commit.abandon()
            raise
        commit.apply()
    return len(accepted)


def _one_report(review_file: Path, accepted: pd.DataFrame) -> str:
    doc_ids = sorted(set(accepted["source_doc"]))
    if len(doc_ids) != 1:
        raise ReviewError(f"{review_file}: accepted rows come from several reports {doc_ids}; apply one at a time")
    return check_report_id(doc_ids[0], f"{review_file}: source_doc")


def _refuse_overwrites(review_file: Path, accepted: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """Return the accepted rows not yet curated; refuse any that would replace a curated row.

    A row already curated with the same value is skipped, so that applying a review twice
    (or again after an interrupted apply) adds nothing.
    """
    curated_values = dict(zip(zip(curated["indicator_id"], curated["start"].dt.strftime("%Y-%m-%d"),
                                  curated["end"].dt.strftime("%Y-%m-%d"), curated["measure"], curated["source_doc"]),
                              curated["value"]))
    seen: set[tuple] = set()
    keep = []
    for index, row in accepted.iterrows():
        key = tuple(row[c] for c in KEY)
        if row["review"] == "new" and key in curated_values and curated_values[key] == float(row["value"]):
            continue
        if row["review"] != "new" or key in curated_values:
            raise ReviewError(f"{review_file}: line {index + 2}: refusing to overwrite the curated row "
                              f"{' '.join(key)} (curated value {row['curated_value'] or curated_values.get(key)}, "
                              f"reviewed {row['value']}); lsreports never replaces or deletes curated rows — edit "
                              "data/curated/observations.csv by hand if the curated row is wrong")
        if key in seen:
            raise ReviewError(f"{review_file}: line {index + 2}: {' '.join(key)} is accepted twice; keep one")
        seen.add(key)
        keep.append(index)
    return accepted.loc[keep]


def _observations_appended(accepted: pd.DataFrame) -> tuple[Path, bytes]:
    """Return the curated table's path and its bytes with the accepted rows appended in its column order."""
    target = curated_dir() / "observations.csv"
    if not target.exists():
        raise DataFileError(f"{target}: file not found")
    with target.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), list(OBSERVATION_COLUMNS))
    rows = accepted.reindex(columns=header, fill_value="").assign(derived="false")
    buffer = io.StringIO()
    rows.to_csv(buffer, header=False, index=False, lineterminator="\n")
    return target, appended(target, buffer.getvalue())


def _validate_appended(staged: Path, review_file: Path, text: str, doc_id: str, added: int) -> None:
    """Run the curated-table validator on the table as it would be, and the quote checks on the added rows.

    Raises
    ------
    ReviewError
        Naming the review file and the problem (nothing is written).
    """
    from ..sources.loader import read_observations_file
    from ..sources.reports import report_text
    from ..sources.validate import quote_problems

    try:
        table = read_observations_file(staged)
    except DataFileError as exc:
        message = str(exc).replace(str(staged), "observations.csv")
        raise ReviewError(f"{review_file}: the accepted rows would make the curated table invalid: {message}; "
                          "nothing was written") from exc
    problems = quote_problems(table.tail(added), lambda doc: text if doc == doc_id else report_text(doc))
    errors = problems.loc[problems["severity"] == "error"]
    if len(errors):
        first = errors.iloc[0]
        raise ReviewError(f"{review_file}: accepted row {first['indicator_id']} ({first['source_doc']}): "
                          f"{first['problem']}: {first['quote'][:80]!r}; nothing was written")
