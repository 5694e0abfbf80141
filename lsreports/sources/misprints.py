"""Known misprints: a printed figure whose reading the report itself contradicts, with the rule that reads it.

``data/curated/misprints.csv`` lists each printed row (``indicator_id, start, end, measure,
source_doc`` and the ``printed_value`` in ``unit``) whose printed unit or scale is a
misprint, the ``rule`` that gives its reading, the rule's ``factor``, the ``reading`` and
the ``reason`` (the figures that show it). The printed row stays in ``observations.csv``
for provenance; :func:`lsreports.analysis.derive.derived_rows` emits the reading as a
derived row, and the projections, paces, plans and checks read it in its place
(:func:`lsreports.analysis.derive.read_misprints`).

Rules (:data:`RULES`): the reading is always ``printed_value * factor``.
"""
from __future__ import annotations

import pandas as pd

from .paths import curated_dir

MISPRINT_COLUMNS: tuple[str, ...] = ("indicator_id", "start", "end", "measure", "source_doc", "printed_value", "unit",
                                     "rule", "factor", "reading", "reason")
#: Rule -> what it reads (every rule multiplies the printed value by the row's ``factor``).
RULES: dict[str, str] = {
    "scale_word_missing": "a scale word ('nghìn', 'triệu') left out after the number: reading = printed x factor",
    "scale_word_extra": "a scale word printed where none belongs: reading = printed x factor (a fraction)",
}


def misprints() -> pd.DataFrame:
    """Return the known misprints (empty when the data folder has no table).

    Raises
    ------
    ValueError
        Naming the file and line, if a column is missing, a rule is unknown, or the
        reading is not the printed value times the factor.
    """
    path = curated_dir() / "misprints.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(MISPRINT_COLUMNS))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in MISPRINT_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(MISPRINT_COLUMNS)}")
    for line, row in enumerate(frame.to_dict("records"), start=2):
        if row["rule"] not in RULES:
            raise ValueError(f"{path}:{line}: unknown rule {row['rule']!r}; expected one of {', '.join(RULES)}")
        printed, factor, reading = (float(row[c]) for c in ("printed_value", "factor", "reading"))
        if abs(printed * factor - reading) > 1e-9 * max(1.0, abs(reading)):
            raise ValueError(f"{path}:{line}: reading {reading:g} is not printed {printed:g} x factor {factor:g}")
    out = frame[list(MISPRINT_COLUMNS)].copy()
    for column in ("printed_value", "factor", "reading"):
        out[column] = out[column].astype(float)
    for column in ("start", "end"):
        out[column] = pd.to_datetime(out[column])
    return out


__all__ = ["misprints", "MISPRINT_COLUMNS", "RULES"]
