"""Benchmark: how much of the hand-curated table the extractor finds, and how much of what it finds is right.

For each vendored report: recall = share of the curated printed rows the extractor finds
with the right indicator, start, end, measure and value (relative tolerance 1e-6);
precision = share of the extracted rows that match a curated row in that way. Targets:
recall >= 90 % on the PDF-text and word-processor reports, >= 75 % on the OCR report;
precision >= 95 % on all. Results go to ``benchmarks/results/extract_accuracy.md``.

Run: ``python benchmarks/extract_accuracy.py``
"""
from __future__ import annotations

import math
import warnings
from pathlib import Path

import pandas as pd

import lsreports as ls
from lsreports.extract import extract_file
from lsreports.sources.paths import report_path
from results_file import write_measured  # beside this script

RESULTS = Path(__file__).resolve().parent / "results" / "extract_accuracy.md"
RECALL_TARGET = {"ocr": 75.0}


def score(curated: pd.DataFrame, extracted: pd.DataFrame) -> tuple[int, int, int]:
    """Return (curated rows, extracted rows, correct extracted rows)."""
    truth = {(r.indicator_id, f"{r.start:%Y-%m-%d}", f"{r.end:%Y-%m-%d}", r.measure): r.value
             for r in curated.itertuples()}
    found = {(r.indicator_id, r.start, r.end, r.measure): r.value for r in extracted.itertuples()}
    correct = sum(1 for key, value in found.items()
                  if key in truth and math.isclose(value, truth[key], rel_tol=1e-6, abs_tol=1e-9))
    return len(truth), len(found), correct


def main() -> None:
    obs, manifest = ls.observations(), ls.reports().set_index("id")
    lines = ["# Extraction accuracy", "",
             "`benchmarks/extract_accuracy.py`: the extractor against the hand-curated rows of each report "
             "(match on indicator, start, end, measure and value).", "",
             "| report | text | curated rows | extracted | correct | recall | precision | targets |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    reports = manifest.index[manifest["source_kind"] == "report"]  # public texts: extract_devset.py
    for doc in sorted(set(obs["source_doc"]) & set(reports)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extracted = extract_file(report_path(doc), doc)
        total, found, correct = score(obs.loc[obs["source_doc"] == doc], extracted)
        recall, precision = 100 * correct / total, 100 * correct / max(found, 1)
        quality = manifest.loc[doc, "text_quality"]
        target = RECALL_TARGET.get(quality, 90.0)
        verdict = "met" if recall >= target and precision >= 95 else "NOT met"
        lines.append(f"| {doc} | {quality} | {total} | {found} | {correct} | {recall:.1f} % | {precision:.1f} % | "
                     f"recall >= {target:.0f} %, precision >= 95 %: {verdict} |")
    lines += ["", "The rules were developed while reading these four reports (generic phrase, unit and period "
              "rules; none keyed to a sentence), so these figures are in-sample: expect lower recall on a report "
              "of a new layout. The synthetic reports in `tests/test_extract.py` check the rules on text they "
              "were not developed on."]
    write_measured(RESULTS, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
