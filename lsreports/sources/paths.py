"""Where the project's data lives.

The data directory is the ``data/`` folder of the checkout the package was installed
from; ``LSREPORTS_DATA`` overrides it (tests point it at synthetic fixtures).
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Return the data directory (``$LSREPORTS_DATA`` or ``<project>/data``)."""
    override = os.environ.get("LSREPORTS_DATA")
    return Path(override) if override else PROJECT_ROOT / "data"


def curated_dir() -> Path:
    """Return the folder of curated tables."""
    return data_dir() / "curated"


def reports_dir() -> Path:
    """Return the folder of vendored source report texts."""
    return data_dir() / "raw" / "reports"


def report_path(doc_id: str) -> Path:
    """Return the path of one source report's text."""
    return reports_dir() / f"{doc_id}.txt"
