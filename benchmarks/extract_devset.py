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
import subprocess
import unicodedata
import warnings
from pathlib import Path

import pandas as pd

import devset  # beside this script
from extract_accuracy import score
from lsreports.extract import extract_report
from lsreports.extract.confidence import LOW
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


def _commit() -> str:
    """The checkout's commit, with ``+changes`` when the work tree differs from it."""
    root = Path(__file__).resolve().parent.parent
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True,
                           text=True).stdout.strip()
    return (head or "unknown") + ("+changes" if dirty else "")


def groups(manifest: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """The groups scored: every batch, and each first-sight batch split into the province's texts and national ones."""
    found = []
    for batch in sorted(set(manifest["batch"]), key=lambda b: (b != "tuning", b)):
        docs = list(manifest.loc[manifest["batch"] == batch, "id"])
        found.append((batch, docs))
        if batch != "tuning":
            found.append((f"{batch}, Lạng Sơn texts", [d for d in docs if not d.startswith("pub_vn_")]))
            found.append((f"{batch}, national texts", [d for d in docs if d.startswith("pub_vn_")]))
    return found


def score_group(docs: list[str], ends: dict[str, str], labels: pd.DataFrame, variant: str,
                show: bool) -> tuple[list[int], list[str]]:
    """Return the totals (labels, extracted, correct, matched, status agrees, sure rows, sure correct) of ``docs``
    and one line per text; a sure row has a confidence of at least :data:`lsreports.extract.confidence.LOW`."""
    totals, lines = [0, 0, 0, 0, 0, 0, 0], []
    for doc in docs:
        truth = labels.loc[labels["source_doc"] == doc]
        rows = extracted(doc, ends[doc][:7], variant)
        total, found, correct = score(truth, rows)
        matched, agreed = status_agreement(truth, rows)
        _, sure, sure_correct = score(truth, rows.loc[rows["confidence"] >= LOW])
        for i, n in enumerate((total, found, correct, matched, agreed, sure, sure_correct)):
            totals[i] += n
        lines.append(f"| {doc} | {variant} | {total} | {found} | {correct} |")
        if show:
            print(f"{doc} ({variant}): {correct}/{total} found, {found - correct} wrong")
            print("\n".join(differences(truth, rows)))
    return totals, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true")
    args = parser.parse_args()
    table, labels = devset.manifest(), devset.labels()
    absent = set(devset.missing())
    if absent:
        print(f"skipped, not in {devset.TEXTS} (re-retrieve them from manifest.csv's url): {', '.join(sorted(absent))}")
    manifest = table.loc[~table["id"].isin(absent)]
    labels = labels.loc[labels["source_doc"].isin(manifest["id"])]
    ends = dict(zip(manifest["id"], manifest["period_end"]))
    lines = ["# Extraction on the development set", "",
             "`benchmarks/extract_devset.py`: the extractor against the hand labels of `benchmarks/data/devset` "
             f"({len(manifest)} public texts by other writers, {len(labels)} labels; how they were labelled is in "
             f"its README), measured at commit `{_commit()}`. Match on indicator, start, end, measure and value; "
             "status agreement over the matched rows. `tuning` is the batch the rules were written on (in-sample); "
             "a batch `fsN` was labelled before the extractor ran on it: its score is first-sight only while no "
             "rule has changed since it was first scored (`extract_firstsight.md` keeps that record).",
             *(["", f"Skipped (not in the cache): {', '.join(sorted(absent))}."] if absent else []), "",
             "| texts | n | variant | labels | extracted | correct | recall | precision | correct of the rows at "
             f"confidence >= {LOW} | status agrees |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    per_text: list[str] = []
    for name, docs in groups(manifest):
        for variant in VARIANTS:
            totals, text_lines = score_group(docs, ends, labels, variant, args.rows and "," not in name)
            if "," not in name:
                per_text += text_lines
            total, found, correct, matched, agreed, sure, sure_correct = totals
            recall, precision = 100 * correct / max(total, 1), 100 * correct / max(found, 1)
            lines.append(f"| {name} | {len(docs)} | {variant} | {total} | {found} | {correct} | {recall:.1f} % | "
                         f"{precision:.1f} % | {sure_correct}/{sure} | {agreed}/{matched} |")
    lines += ["", "Per text:", "", "| text | variant | labels | extracted | correct |", "|---|---|---:|---:|---:|"]
    lines += per_text
    write_measured(RESULTS, "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
