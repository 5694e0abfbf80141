"""The development set (benchmarks/data/devset): its manifest and hand labels, and the checks that guard them.

The real texts are public and are not in git (they live in the checkout's ``.cache/texts/``),
so the first test checks the committed manifest and labels without them; the others build a
SYNTHETIC set (two invented texts in the register of the reports, never public text) in a
temporary folder and break one thing each, so that each check is seen to fail.
"""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "devset.py"

#: SYNTHETIC texts, written for these tests in the register of the province's reports.
SYNTHETIC = {
    "syn_2025_05_a": "Tình hình kinh tế tháng 5 (văn bản giả lập). Chỉ số sản xuất công nghiệp tháng 5 ước tăng "
                     "3,21% so với cùng kỳ. Tổng thu ngân sách nhà nước 5 tháng ước đạt 2.345,6 tỷ đồng.",
    "syn_2024_y_b": "Năm 2024 (văn bản giả lập), tỉnh đón 3,9 triệu lượt khách du lịch, tăng 7,5% so với cùng kỳ.",
}
LABELS = [
    ("iip", "2025-05-01", "2025-05-31", "yoy_pct", "3.21", "pct", "syn_2025_05_a",
     "Chỉ số sản xuất công nghiệp tháng 5 ước tăng 3,21% so với cùng kỳ", "estimate"),
    ("budget_revenue_total", "2025-01-01", "2025-05-31", "value", "2345.6", "VND_bn", "syn_2025_05_a",
     "Tổng thu ngân sách nhà nước 5 tháng ước đạt 2.345,6 tỷ đồng", "estimate"),
    ("tourism_visitors", "2024-01-01", "2024-12-31", "value", "3900", "thousand_visits", "syn_2024_y_b",
     "tỉnh đón 3,9 triệu lượt khách du lịch, tăng 7,5% so với cùng kỳ", "actual"),
]


@pytest.fixture(scope="module")
def devset():
    spec = importlib.util.spec_from_file_location("devset", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def synthetic(devset, tmp_path):
    """A synthetic development set: (root with manifest.csv and labels.csv, texts folder)."""
    root, texts = tmp_path / "devset", tmp_path / "cache" / "texts"
    root.mkdir()
    texts.mkdir(parents=True)
    manifest = []
    for doc, body in SYNTHETIC.items():
        (texts / f"{doc}.txt").write_text(body, encoding="utf-8")
        year, end = (2025, "2025-05-31") if doc.endswith("a") else (2024, "2024-12-31")
        manifest.append({"id": doc, "url": f"https://example.invalid/{doc}", "title": "synthetic",
                         "retrieved": "2026-12-07", "sha256": hashlib.sha256(body.encode()).hexdigest(),
                         "kind": "full", "year": year, "period_start": f"{year}-01-01", "period_end": end,
                         "writer": "synthetic", "batch": "fs1"})
    pd.DataFrame(manifest).to_csv(root / "manifest.csv", index=False, lineterminator="\n")
    columns = ["indicator_id", "start", "end", "measure", "value", "unit", "source_doc", "quote", "status"]
    frame = pd.DataFrame(LABELS, columns=columns).assign(derived="false", flag="", note="")
    frame.to_csv(root / "labels.csv", index=False, lineterminator="\n")
    return root, texts


def _edit_labels(root: Path, line: int, **changes: str) -> None:
    frame = pd.read_csv(root / "labels.csv", dtype=str, keep_default_na=False)
    for column, value in changes.items():
        frame.loc[line - 2, column] = value
    frame.to_csv(root / "labels.csv", index=False, lineterminator="\n")


def test_the_committed_manifest_and_labels_check_out(devset, tmp_path):
    """Run without any text (as on a clean clone): ids, years, batches, labels; texts are only listed missing."""
    assert devset.problems(texts=tmp_path) == []
    table, rows = devset.manifest(), devset.labels()
    assert devset.missing(texts=tmp_path) == list(table["id"])
    assert len(table) >= 75 and set(table["kind"]) <= {"excerpt", "full"}
    assert rows["source_doc"].nunique() == len(table)
    assert table["writer"].nunique() >= 4
    assert (table["batch"] != "tuning").sum() >= 56  # the texts added under the first-sight protocol (fs1-fs3)
    assert (table["batch"] == "fs3").sum() >= 20 and rows["source_doc"].isin(table.loc[table["batch"] == "fs3", "id"]).sum() >= 199
    assert (table["batch"] == "fs4").sum() >= 25 and rows["source_doc"].isin(table.loc[table["batch"] == "fs4", "id"]).sum() >= 215


def test_a_synthetic_set_checks_out(devset, synthetic):
    root, texts = synthetic
    assert devset.problems(root, texts) == [] and devset.missing(root, texts) == []


def test_a_missing_text_is_listed_and_its_quotes_wait(devset, synthetic):
    root, texts = synthetic
    (texts / "syn_2024_y_b.txt").unlink()
    _edit_labels(root, 4, quote="a quote no text holds 3900")
    assert devset.missing(root, texts) == ["syn_2024_y_b"]
    assert devset.problems(root, texts) == []


def test_a_quote_missing_from_its_text_is_reported(devset, synthetic):
    root, texts = synthetic
    _edit_labels(root, 2, quote="Chỉ số sản xuất công nghiệp tháng 6 ước tăng 3,21%")
    assert devset.problems(root, texts) == ["labels.csv: line 2 (iip, syn_2025_05_a): quote not found in the source text"]


def test_a_value_the_quote_does_not_print_is_reported(devset, synthetic):
    root, texts = synthetic
    _edit_labels(root, 2, value="3.12")
    assert [p.split(": ", 2)[-1] for p in devset.problems(root, texts)] == ["no number printed in the quote equals 3.12"]


def test_a_changed_text_a_reserved_year_and_a_bad_batch_are_reported(devset, synthetic):
    root, texts = synthetic
    path = texts / "syn_2025_05_a.txt"
    path.write_bytes(path.read_bytes() + b" ")
    table = devset.manifest(root)
    table.loc[0, "year"] = "2023"
    table.loc[1, "batch"] = "later"
    table.to_csv(root / "manifest.csv", index=False, lineterminator="\n")
    found = devset.problems(root, texts)
    assert any("sha256 differs" in p for p in found) and any("year '2023'" in p for p in found)
    assert any("batch 'later'" in p for p in found)


def test_a_wrong_unit_status_or_repeated_key_is_reported(devset, synthetic):
    root, texts = synthetic
    first = pd.read_csv(root / "labels.csv", dtype=str, keep_default_na=False).iloc[0]
    _edit_labels(root, 3, **{c: first[c] for c in ("indicator_id", "start", "end", "measure", "source_doc")})
    _edit_labels(root, 2, unit="USD_mn", status="actual")
    found = devset.problems(root, texts)
    assert any("unit 'USD_mn', expected 'pct'" in p for p in found)
    assert any("labelled twice" in p for p in found)
    assert any("status must be 'estimate'" in p for p in found)


def test_the_real_texts_in_the_cache_match_their_checksums(devset):
    """Where the cache holds the public texts (a working checkout), every quote is checked against them."""
    if len(devset.missing()) == len(devset.manifest()):
        pytest.skip("no public text in .cache/texts (a clean clone): see benchmarks/data/devset/README.md")
    assert devset.problems() == []
