"""Benchmark: the extractor on the development set, public texts it was not written on (issue 12, item 2).

For each text of ``benchmarks/data/devset`` (other writers than the four curated reports;
labelled by hand, see its README), the extractor's rows are matched against the labels on
indicator, start, end, measure and value (relative tolerance 1e-6), as in
``extract_accuracy.py``: recall = share of the labels found, precision = share of the
extracted rows that are labels. Twice: on the text as printed, and with its diacritics
stripped (NFD, combining marks dropped, đ → d), as a writer without a Vietnamese keyboard
types it. Each text is extracted with ``month`` = the month its manifest period ends in, as
a user gives ``--month`` for an excerpt. Status: the share of the matched rows whose
``status`` (estimate / actual) agrees with the label's. Targets: recall >= 90 %, precision
>= 95 % on both variants. Results go to ``benchmarks/results/extract_devset.md``.

Run: ``python benchmarks/extract_devset.py [--rows]`` (``--rows`` prints what was missed and what is wrong)
"""
from __future__ import annotations

import argparse
import math
import unicodedata
import warnings
from pathlib import Path

import pandas as pd

import devset  # beside this script
from extract_accuracy import score
from lsreports.extract import extract_report
from results_file import write_measured

RESULTS = Path(__file__).resolve().parent / "results" / "extract_devset.md"
VARIANTS = ("as printed", "diacritics stripped")


def strip_diacritics(text: str) -> str:
    """The text without its diacritics: NFD, combining marks dropped, đ/Đ → d/D."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def extracted(doc: str, month: str, variant: str) -> pd.DataFrame:
    """The extractor's rows for one development text in one variant."""
    text = devset.text(doc)
    if variant != VARIANTS[0]:
        text = strip_diacritics(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_report(text, doc, month)


def status_agreement(labels: pd.DataFrame, rows: pd.DataFrame) -> tuple[int, int]:
    """Return (matched rows, matched rows whose status agrees with the label)."""
    truth = {(r.indicator_id, f"{r.start:%Y-%m-%d}", f"{r.end:%Y-%m-%d}", r.measure): (r.value, r.status)
             for r in labels.itertuples()}
    matched = agreed = 0
    for r in rows.itertuples():
        label = truth.get((r.indicator_id, r.start, r.end, r.measure))
        if label and math.isclose(r.value, label[0], rel_tol=1e-6, abs_tol=1e-9):
            matched += 1
            agreed += getattr(r, "status", "actual") == label[1]
    return matched, agreed


def differences(labels: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    """Lines naming each label missed and each extracted row that is not a label."""
    def keys(frame: pd.DataFrame, dated: bool) -> dict[tuple, float]:
        return {(r.indicator_id, f"{r.start:%Y-%m-%d}" if dated else r.start, f"{r.end:%Y-%m-%d}" if dated else r.end,
                 r.measure): r.value for r in frame.itertuples()}
    truth, found = keys(labels, True), keys(rows, False)
    same = {k for k in truth if k in found and math.isclose(truth[k], found[k], rel_tol=1e-6, abs_tol=1e-9)}
    return ([f"  missed {k} = {v}" for k, v in truth.items() if k not in same]
            + [f"  wrong  {k} = {v}" for k, v in found.items() if k not in same])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true")
    args = parser.parse_args()
    manifest, labels = devset.manifest(), devset.labels()
    lines = ["# Extraction on the development set", "",
             "`benchmarks/extract_devset.py`: the extractor against the hand labels of `benchmarks/data/devset` "
             f"({len(manifest)} public texts about Lạng Sơn by other writers, {len(labels)} labels; how they were "
             "labelled is in its README). Match on indicator, start, end, measure and value; status agreement "
             "over the matched rows.", "",
             "| variant | labels | extracted | correct | recall | precision | status agrees | targets |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    per_text = []
    for variant in VARIANTS:
        totals = [0, 0, 0, 0, 0]
        for doc, end in zip(manifest["id"], manifest["period_end"]):
            truth = labels.loc[labels["source_doc"] == doc]
            rows = extracted(doc, end[:7], variant)
            total, found, correct = score(truth, rows)
            matched, agreed = status_agreement(truth, rows)
            for i, n in enumerate((total, found, correct, matched, agreed)):
                totals[i] += n
            per_text.append(f"| {doc} | {variant} | {total} | {found} | {correct} |")
            if args.rows:
                print(f"{doc} ({variant}): {correct}/{total} found, {found - correct} wrong")
                print("\n".join(differences(truth, rows)))
        total, found, correct, matched, agreed = totals
        recall, precision = 100 * correct / max(total, 1), 100 * correct / max(found, 1)
        verdict = "met" if recall >= 90 and precision >= 95 else "NOT met"
        lines.append(f"| {variant} | {total} | {found} | {correct} | {recall:.1f} % | {precision:.1f} % | "
                     f"{agreed}/{matched} | recall >= 90 %, precision >= 95 %: {verdict} |")
    lines += ["", "Per text:", "", "| text | variant | labels | extracted | correct |", "|---|---|---:|---:|---:|"]
    lines += per_text
    write_measured(RESULTS, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
