"""Probes of the references between the tables (issue 22: N24, N23, public texts out of git).

Each runs on a fresh copy of the real data with one SYNTHETIC fault: a target's invented
quote, a ``source_doc`` the manifest does not list, a public text's figure changed while
its text is absent (kept in ``.cache/texts/``, out of git) or present there.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from probe_kit import OBSERVATIONS, assert_check_passes, assert_refused, fresh_data, run  # noqa: F401

PUBLIC = "pub_2024_y_vnexpress"
ROW = "enterprises_new,2024-01-01,2024-12-31,value,1200.0,enterprises,pub_2024_y_vnexpress"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_target_with_an_invented_quote_is_refused(fresh_data, capsys):
    targets = fresh_data / "curated" / "targets.csv"
    _edit(targets, "doanh thu du lịch đạt từ 10.000 tỷ đồng trở lên.", "doanh thu du lịch đạt 10.000 tỷ đồng.")
    assert_refused(capsys, fresh_data, ("curate", "check"), "targets.csv: tourism_revenue_2030: quote not found",
                   code=1)


def test_a_target_whose_quote_does_not_print_its_value_is_refused(fresh_data, capsys):
    _edit(fresh_data / "curated" / "targets.csv", "tourism_revenue,Tourism revenue in 2030,2030-01-01,2030-12-31,"
          "level,10000,", "tourism_revenue,Tourism revenue in 2030,2030-01-01,2030-12-31,level,10,")
    assert_refused(capsys, fresh_data, ("curate", "check"),
                   "tourism_revenue_2030: no number printed in the quote equals its value 10", code=1)


def test_a_target_of_an_unknown_indicator_or_unlisted_report_is_refused(fresh_data, capsys):
    _edit(fresh_data / "curated" / "targets.csv", "tourism_revenue_2030,tourism_revenue,",
          "tourism_revenue_2030,tourism_revenu,")
    assert_refused(capsys, fresh_data, ("curate", "check"), "unknown indicator_id 'tourism_revenu'", code=1)


def _unlisted(root: Path) -> None:
    """SYNTHETIC: the rows of report 003 renamed to an id the manifest does not list (its text copied too)."""
    reports = root / "raw" / "reports"
    shutil.copy(reports / "003_f6a0f138b97f04e0.txt", reports / "003_unlisted.txt")
    table = root.joinpath(*OBSERVATIONS)
    table.write_text(table.read_text(encoding="utf-8").replace(",003_f6a0f138b97f04e0,", ",003_unlisted,"),
                     encoding="utf-8")


@pytest.mark.parametrize("argv", [("summary",), ("derive",), ("excel", "-o", "{tmp}/book.xlsx"),
                                  ("briefing", "-o", "{tmp}/out")])
def test_a_source_doc_missing_from_the_manifest_is_refused(fresh_data, capsys, tmp_path, argv):
    _unlisted(fresh_data)
    assert_refused(capsys, fresh_data, tuple(a.format(tmp=tmp_path) for a in argv),
                   "name a source_doc not listed in", "'003_unlisted'")


def test_curate_check_names_a_source_doc_missing_from_the_manifest(fresh_data, capsys):
    _unlisted(fresh_data)
    assert_refused(capsys, fresh_data, ("curate", "check"),
                   "observations.csv: 003_unlisted", "is not listed in data/raw/reports.csv", code=1)


def _cache_stand_in(data: Path, cached: Path) -> None:
    """A SYNTHETIC stand-in for the public text (issue 23: no test needs the real texts, which are
    out of git): its rows' quotes, one a line, cached; the manifest's sha256 made the stand-in's."""
    rows = pd.read_csv(data.joinpath(*OBSERVATIONS), dtype=str, keep_default_na=False)
    text = "SYNTHETIC stand-in\n" + "\n".join(rows.loc[rows["source_doc"] == PUBLIC, "quote"]) + "\n"
    cached.parent.mkdir(parents=True)
    cached.write_text(text, encoding="utf-8")
    manifest = data / "raw" / "reports.csv"
    listed = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    listed.loc[listed["id"] == PUBLIC, "sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    listed.to_csv(manifest, index=False, lineterminator="\n")


def test_a_public_texts_rows_are_checked_by_their_citation_when_the_text_is_absent(fresh_data, capsys, tmp_path):
    cached = tmp_path / ".cache" / "texts" / f"{PUBLIC}.txt"  # beside the data folder, as in a checkout
    _cache_stand_in(fresh_data, cached)
    assert_check_passes(capsys)  # found in .cache/texts/
    moved = tmp_path / "elsewhere.txt"
    shutil.move(cached, moved)
    assert_check_passes(capsys)  # absent: every quote holds its value
    table = fresh_data.joinpath(*OBSERVATIONS)
    _edit(table, f"{ROW},\"Số doanh nghiệp", f"{ROW},\"Số doanh nghiệp mới")  # the quote no longer verbatim
    assert_check_passes(capsys)  # absent text: nothing to look the quote up in; the value is still printed
    _edit(table, ROW, ROW.replace("1200.0", "1.2"))
    assert_refused(capsys, fresh_data, ("curate", "check"), "no number printed in the quote equals 1.2",
                   "not in .cache/texts/", code=1)
    _edit(table, ROW.replace("1200.0", "1.2"), ROW)
    shutil.move(moved, cached)  # present again: the changed quote is looked up, and not found
    assert_refused(capsys, fresh_data, ("curate", "check"), "quote not found in the source text", code=1)


def test_a_manifest_id_listed_twice_or_invalid_is_refused(fresh_data, capsys):
    manifest = fresh_data / "raw" / "reports.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(lines + [lines[1], "../evil" + lines[2][lines[2].index(","):]]), encoding="utf-8")
    out = assert_refused(capsys, fresh_data, ("curate", "check"), code=1)
    assert f"reports.csv: {lines[1].split(',')[0]}: id listed twice" in out
    assert "reports.csv: ../evil: not a valid report id" in out
