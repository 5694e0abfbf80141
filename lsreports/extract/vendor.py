"""Vendoring a new report: its text under ``data/raw/reports/`` and its row in the manifest.

A public text (listed in the manifest beforehand with ``source_kind = public_text``, its URL
and the sha256 of the text as retrieved) is never vendored: its text goes to the git-ignored
cache ``.cache/texts/`` and its rows cite it by their clauses (issue 23).

The vendored source is the report's text (for a PDF or ``.docx``, the extracted text;
for a text file, the file byte for byte). The manifest (``data/raw/reports.csv``)
records the text's sha256 (what ``lsreports summary`` checks) and the original file's
format and sha256 (``original_format``, ``original_sha256``). Nothing is written here:
the new contents are staged on a :class:`lsreports.sources.commit.Commit`.
"""
from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from ..sources.commit import Commit
from ..sources.paths import data_dir, report_path
from .readers import Document
from .review_file import ReviewError

__all__ = ["MANIFEST_EXTRA", "check_new_report", "manifest_path", "stage_report", "vendored_bytes"]

#: Columns the ingest adds to the manifest when it lacks them.
MANIFEST_EXTRA = ("original_format", "original_sha256")
_QUALITY = {"txt": "text", "pdf": "pdf-text", "docx": "docx-text", "html": "html-text", "pdf-ocr": "ocr",
            "image-ocr": "ocr"}


def manifest_path() -> Path:
    """Return the path of the manifest of source reports."""
    return data_dir() / "raw" / "reports.csv"


def vendored_bytes(document: Document) -> bytes:
    """Return what is vendored for a document: a text file as received, else its text in UTF-8."""
    return document.data if document.format == "txt" else document.text.encode("utf-8")


def _manifest_rows() -> list[dict[str, str]]:
    path = manifest_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_new_report(document: Document, doc_id: str, origin: Path, *, applying: bool = True) -> None:
    """Refuse a report already vendored under another id, and (``applying``) an id already holding another text.

    A review of another text under an existing id is allowed (it shows what would conflict
    with the curated rows); its apply is refused.

    Raises
    ------
    ReviewError
        If the text's sha256 (or the original file's) is that of a vendored report with
        another id (named, so that ``--doc-id`` cannot relabel it), or ``doc_id`` is
        vendored with a different text.
    """
    sha = hashlib.sha256(vendored_bytes(document)).hexdigest()
    rows = _manifest_rows()
    _refuse_prefix(doc_id, [row.get("id", "") for row in rows], origin)
    for row in rows:
        same = sha == row.get("sha256") or document.sha256 == (row.get("original_sha256") or None)
        if same and row.get("id") != doc_id:
            raise ReviewError(f"{origin}: this text is already vendored as report {row['id']!r} (same sha256 "
                              f"{sha[:12]}...); refusing to add it again as {doc_id!r}: review it under its id "
                              f"(--doc-id {row['id']}), nothing was written")
        if applying and row.get("id") == doc_id and not same:
            raise ReviewError(f"{origin}: report id {doc_id!r} is already used by another text (sha256 "
                              f"{(row.get('sha256') or '')[:12]}..., data/raw/reports.csv); give this report "
                              "another --doc-id, nothing was written")


def _refuse_prefix(doc_id: str, known: list[str], origin: Path) -> None:
    """Refuse an id that begins another report's id, or that another's begins: a short name would change meaning."""
    for other in known:
        if other != doc_id and (other.startswith(doc_id) or doc_id.startswith(other)):
            raise ReviewError(f"{origin}: report id {doc_id!r} and the vendored report {other!r} begin alike, so "
                              f"`lsreports curate gaps {min(doc_id, other, key=len)}` would no longer name one report; "
                              "give a --doc-id that neither begins nor extends another id (e.g. 005_2026_06)")


def stage_report(commit: Commit, document: Document, doc_id: str, period: tuple[str, str]) -> None:
    """Stage the vendored text and the manifest row of a report (nothing if both are there already).

    Raises
    ------
    ReviewError
        If a different text is already vendored under ``doc_id``.
    """
    target, data = report_path(doc_id), vendored_bytes(document)
    if _cache_public_text(doc_id, data):
        return
    if target.exists() and target.read_bytes() != data:
        raise ReviewError(f"{target} exists with a different text for report {doc_id!r}; refusing to replace a "
                          "vendored source (give the new report another --doc-id)")
    if not target.exists():
        commit.stage(target, data)
    manifest = manifest_path()
    rows = list(csv.reader(io.StringIO(manifest.read_text(encoding="utf-8"), newline="")))
    if any(row and row[0] == doc_id for row in rows[1:]):
        return
    header = rows[0] + [c for c in MANIFEST_EXTRA if c not in rows[0]]
    rows = [header] + [row + [""] * (len(header) - len(row)) if row else row for row in rows[1:]]
    rows.append([_manifest_row(document, doc_id, period, data).get(column, "") for column in header])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    commit.stage(manifest, out.getvalue().encode("utf-8"))


def _cache_public_text(doc_id: str, data: bytes) -> bool:
    """A public text listed in the manifest is cited, never vendored: keep it in the cache only.

    Returns True when ``doc_id`` is a public text (its text then goes to ``.cache/texts/``,
    outside git, and nothing is staged); False for a report.

    Raises
    ------
    ReviewError
        If the text is not the one whose sha256 the manifest records.
    """
    from ..sources.atomic import write_atomic
    from ..sources.public_texts import cached_path, public_manifest

    recorded = public_manifest().get(doc_id)
    if recorded is None:
        return False
    actual = hashlib.sha256(data).hexdigest()
    if actual != recorded:
        raise ReviewError(f"{doc_id} is a public text whose sha256 in {manifest_path()} is {recorded}; this text's is "
                          f"{actual}: ingest the text as retrieved, or correct the manifest line first")
    path = cached_path(doc_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, lambda handle: handle.write(data), mode="wb")
    return True


def _manifest_row(document: Document, doc_id: str, period: tuple[str, str], data: bytes) -> dict[str, str]:
    first_line = next((line.strip() for line in document.text.splitlines() if line.strip()), "")[:150]
    return {"id": doc_id, "title": first_line, "source_kind": "report",
            "period_start": period[0], "period_end": period[1],
            "report_date_note": "added by lsreports ingest (period from the accepted rows); complete this row",
            "text_quality": _QUALITY[document.format], "sha256": hashlib.sha256(data).hexdigest(),
            "original_format": document.format, "original_sha256": document.sha256}
