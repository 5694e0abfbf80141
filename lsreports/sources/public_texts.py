"""Public texts are cited, never stored: where their local copies live and how they are checked.

A public text (``source_kind = public_text`` in ``data/raw/reports.csv``: the statistics
office's releases and the press) is kept in git only as facts and citations: each curated
row's figure with the clause that carries it (at most 200 characters), and in the manifest
the text's URL, retrieval date and the sha256 of the text as retrieved. The text itself
lives only in the checkout's git-ignored cache, ``.cache/texts/<doc_id>.txt``, rebuilt by
re-retrieving the listed URLs (README, "Public texts").

A row from a public text is therefore checked in one of two ways:

* **by its form** when the text is not cached: the quote is at most 200 characters and
  prints the value in the row's unit and scale (the contract's rule,
  :func:`lsreports.sources.validate.value_is_printed`);
* **against the cached copy** when it is: the copy's sha256 must be the one recorded, and
  the quote must be found in it, as for a report.
"""
from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

from ..errors import DataFileError
from .paths import check_report_id, data_dir, report_path

#: The manifest's source kind of a cited public text.
PUBLIC_TEXT = "public_text"


def cache_dir() -> Path:
    """Return the folder of cached public texts (``$LSREPORTS_CACHE/texts`` or ``<checkout>/.cache/texts``).

    The checkout is the folder holding the data directory, so a test that points
    ``LSREPORTS_DATA`` at ``tmp/data`` gets its own cache under ``tmp/.cache``.
    """
    override = os.environ.get("LSREPORTS_CACHE")
    return (Path(override) if override else data_dir().parent / ".cache") / "texts"


def cached_path(doc_id: str) -> Path:
    """Return where the cached copy of a public text is (or would be)."""
    return cache_dir() / f"{check_report_id(doc_id)}.txt"


def public_manifest() -> dict[str, str]:
    """Return ``{doc_id: recorded sha256}`` for every public text in ``data/raw/reports.csv``.

    Read with the standard library: the validator calls it, and the loader's own reader
    would be a cycle.
    """
    path = data_dir() / "raw" / "reports.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row.get("sha256", "") for row in csv.DictReader(handle)
                if row.get("source_kind") == PUBLIC_TEXT}


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_state(doc_id: str, recorded: str) -> str:
    """Say whether a public text's cached copy is there and is the text as retrieved.

    Returns
    -------
    str
        ``"cached"`` (present, sha256 as recorded), ``"absent"`` (no copy: rows are
        checked by their form) or ``"changed"`` (present, another sha256).
    """
    path = cached_path(doc_id)
    if not path.exists():
        return "absent"
    return "cached" if sha256_of(path) == recorded else "changed"


def cached_text(doc_id: str, recorded: str) -> str | None:
    """Return a public text's cached copy, or None where it is not cached.

    Raises
    ------
    DataFileError
        If the copy's sha256 is not the one recorded in the manifest (the copy is not the
        text the rows were read from), naming the file and both checksums.
    """
    path = cached_path(doc_id)
    if not path.exists():
        return None
    actual = sha256_of(path)
    if actual != recorded:
        raise DataFileError(f"{path}: sha256 {actual} differs from {recorded} recorded for {doc_id} in "
                            "data/raw/reports.csv: re-retrieve the text from its URL, or delete the copy to "
                            "check the rows by their form")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
