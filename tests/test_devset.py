"""The development set (benchmarks/data/devset): real texts and hand labels, and the checks that guard them.

The first test runs on the real set; the others copy it to a temporary folder and break
one thing each (SYNTHETIC edits), so that each check is seen to fail.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "devset.py"


@pytest.fixture(scope="module")
def devset():
    spec = importlib.util.spec_from_file_location("devset", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def copy(devset, tmp_path):
    root = tmp_path / "devset"
    shutil.copytree(devset.DEVSET, root)
    return root


def _edit_labels(root: Path, line: int, **changes: str) -> None:
    frame = pd.read_csv(root / "labels.csv", dtype=str, keep_default_na=False)
    for column, value in changes.items():
        frame.loc[line - 2, column] = value
    frame.to_csv(root / "labels.csv", index=False, lineterminator="\n")


def test_every_label_is_printed_in_its_text(devset):
    assert devset.problems() == []
    table, rows = devset.manifest(), devset.labels()
    assert len(table) >= 8 and set(table["kind"]) <= {"excerpt", "full"}
    assert rows["source_doc"].nunique() == len(table)
    assert table["writer"].nunique() >= 4  # statistics office, provincial portal, ministry portal, press


def test_a_quote_missing_from_its_text_is_reported(devset, copy):
    _edit_labels(copy, 2, quote="Chỉ số sản xuất công nghiệp tháng 5 tăng 4,65%")
    assert devset.problems(copy) == [f"labels.csv: line 2 (iip, {devset.labels(copy)['source_doc'][0]}): "
                                     "quote not found in the source text"]


def test_a_value_the_quote_does_not_print_is_reported(devset, copy):
    _edit_labels(copy, 2, value="4.56")
    assert [p.split(": ", 2)[-1] for p in devset.problems(copy)] == ["no number printed in the quote equals 4.56"]


def test_a_changed_text_and_a_reserved_year_are_reported(devset, copy):
    doc = devset.manifest(copy)["id"][0]
    path = copy / "texts" / f"{doc}.txt"
    path.write_bytes(path.read_bytes() + b" ")
    table = devset.manifest(copy)
    table.loc[0, "year"] = "2023"
    table.to_csv(copy / "manifest.csv", index=False, lineterminator="\n")
    found = devset.problems(copy)
    assert any("sha256 differs" in p for p in found) and any("year '2023'" in p for p in found)


def test_a_wrong_unit_status_or_repeated_key_is_reported(devset, copy):
    first = pd.read_csv(copy / "labels.csv", dtype=str, keep_default_na=False).iloc[0]
    estimated = pd.read_csv(copy / "labels.csv", dtype=str, keep_default_na=False)["status"].eq("estimate").idxmax()
    _edit_labels(copy, 3, **{c: first[c] for c in ("indicator_id", "start", "end", "measure", "source_doc")})
    _edit_labels(copy, 2, unit="USD_mn")
    _edit_labels(copy, estimated + 2, status="actual")
    found = devset.problems(copy)
    assert any("unit 'USD_mn', expected 'pct'" in p for p in found)
    assert any("labelled twice" in p for p in found)
    assert any("status must be 'estimate'" in p for p in found)

