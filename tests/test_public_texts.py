"""Public texts are cited, never stored (issue 23): a row of a public text is checked by its
form where the text is not cached, and against the cached copy and its sha256 where it is.

The public text here is SYNTHETIC: written by the team in the register of the statistics
office's releases, with invented figures.
"""
from __future__ import annotations

import csv
import hashlib
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import lsreports as ls
from lsreports.errors import DataFileError
from lsreports.sources.provenance import quote_problems
from lsreports.sources.public_texts import cache_state, cached_path
from lsreports.sources.reports import source_text
from lsreports.sources.reports import verify_manifest

from conftest import write_rows

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_DOC = "pub_synthetic_2025_11"
# SYNTHETIC release text (invented figures, the register of the monthly releases).
PUBLIC_TEXT = ("(SYNTHETIC) Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn tỉnh Lạng Sơn tháng 11 "
               "ước đạt 5.555,5 tỷ đồng, tăng 7,7% so với cùng kỳ năm trước.")
QUOTE = "tháng 11 ước đạt 5.555,5 tỷ đồng, tăng 7,7% so với cùng kỳ năm trước"
# SYNTHETIC: the country's release in the same register (a level at the country's magnitude, no province named).
NATIONAL_TEXT = ("(SYNTHETIC) Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành tháng 11 "
                 "ước đạt 555,5 nghìn tỷ đồng, tăng 7,7% so với cùng kỳ năm trước.")


def _public_row(value: str, measure: str = "value", unit: str = "VND_bn", quote: str = QUOTE) -> dict:
    return {"indicator_id": "trade_total" if unit == "USD_mn" else "budget_revenue_total", "start": "2025-11-01",
            "end": "2025-11-30", "measure": measure, "value": value, "unit": "pct" if measure != "value" else unit,
            "source_doc": PUBLIC_DOC, "quote": quote, "derived": "false", "status": "estimate", "flag": "",
            "note": ""}


@pytest.fixture
def public(synthetic_data: Path) -> Path:
    """The synthetic data directory plus one synthetic public text in its manifest (not cached)."""
    with (synthetic_data / "raw" / "reports.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sha = hashlib.sha256(PUBLIC_TEXT.encode("utf-8")).hexdigest()
    rows.append({"id": PUBLIC_DOC, "title": "Synthetic release", "period_start": "2025-11-01",
                 "period_end": "2025-11-30", "issuer": "tests", "text_quality": "web-text", "sha256": sha})
    columns = list(rows[0]) + ["source_kind", "url", "retrieved"]
    rows[-1].update(source_kind="public_text", url="https://example.invalid/synthetic", retrieved="2026-12-07")
    write_rows(synthetic_data / "raw" / "reports.csv", rows, columns)
    return synthetic_data


def _problems(rows: list[dict]) -> list[str]:
    frame = pd.DataFrame(rows).assign(value=lambda f: f["value"].astype(float), derived=False,
                                      start=lambda f: pd.to_datetime(f["start"]), end=lambda f: pd.to_datetime(f["end"]))
    return quote_problems(frame)["problem"].tolist()


def test_an_uncached_public_text_is_checked_by_its_form(public):
    assert source_text(PUBLIC_DOC) is None
    assert _problems([_public_row("5555.5"), _public_row("7.7", "yoy_pct")]) == []
    [wrong] = _problems([_public_row("7.8", "yoy_pct")])
    assert wrong.startswith("no number printed in the quote equals 7.8")
    [long] = _problems([_public_row("7.7", "yoy_pct", quote="x" * 196 + " 7,7%")])
    assert "longer than 200 characters" in long


def test_a_cached_public_text_is_checked_against_its_copy_and_sha256(public):
    path = cached_path(PUBLIC_DOC)
    assert path == public.parent / ".cache" / "texts" / f"{PUBLIC_DOC}.txt"
    path.parent.mkdir(parents=True)
    path.write_text(PUBLIC_TEXT, encoding="utf-8")
    assert cache_state(PUBLIC_DOC, hashlib.sha256(PUBLIC_TEXT.encode()).hexdigest()) == "cached"
    assert _problems([_public_row("7.7", "yoy_pct")]) == []
    # a quote that holds its value but is not in the cached text is found out only with the cache
    assert _problems([_public_row("7.7", "yoy_pct", quote="tháng 11 tăng 7,7% so với cùng kỳ")]) == [
        "quote not found in the source text"]
    path.write_text(PUBLIC_TEXT.replace("5.555,5", "5.556,5"), encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{PUBLIC_DOC}\.txt: sha256 .* differs .* recorded for {PUBLIC_DOC}"):
        source_text(PUBLIC_DOC)


def test_manifest_check_says_where_each_text_is(public):
    check = verify_manifest(ls.reports()).set_index("id")
    assert check.loc[PUBLIC_DOC, "where"] == "absent" and check["ok"].all()
    cached_path(PUBLIC_DOC).parent.mkdir(parents=True)
    cached_path(PUBLIC_DOC).write_text(PUBLIC_TEXT + " ", encoding="utf-8")
    check = verify_manifest(ls.reports()).set_index("id")
    assert check.loc[PUBLIC_DOC, "where"] == "cached" and not check.loc[PUBLIC_DOC, "ok"]


def test_no_public_text_is_tracked_in_git_and_every_public_quote_is_a_clause():
    manifest = ls.reports()
    public = set(manifest.loc[manifest["source_kind"] == "public_text", "id"])
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    names = {Path(line).stem for line in tracked.splitlines() if line.endswith(".txt")}
    assert not (names & public), sorted(names & public)
    obs = pd.concat([ls.observations(), ls.observations(national=True)])
    quotes = obs.loc[obs["source_doc"].isin(public), "quote"]
    assert len(quotes) > 0 and quotes.str.len().max() <= 200
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_every_public_text_records_url_retrieval_date_and_sha256():
    manifest = ls.reports()
    public = manifest.loc[manifest["source_kind"] == "public_text"]
    assert public["url"].str.match(r"https?://").all()
    assert pd.to_datetime(public["retrieved"], format="%Y-%m-%d").notna().all()
    assert public["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def _reviewed(text: Path, content: str, doc_id: str) -> Path:
    """Write ``content`` to ``text``, extract it into ``review.csv`` beside it and accept every row there."""
    from lsreports.cli import main

    text.write_text(content, encoding="utf-8")
    review = text.parent / "review.csv"
    assert main(["ingest", str(text), "--doc-id", doc_id, "--month", "2025-11", "--review", str(review)]) == 0
    table = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    table["accept"] = "yes"
    table.to_csv(review, index=False, encoding="utf-8-sig")
    return text


def test_ingesting_a_public_text_caches_it_and_never_vendors_it(public, tmp_path):
    """The SYNTHETIC release of this module, listed in the manifest, goes through ingest: rows added,
    the text in .cache/texts/, nothing under data/raw/reports/."""
    from lsreports.cli import main

    text = _reviewed(tmp_path / f"{PUBLIC_DOC}.txt", PUBLIC_TEXT, PUBLIC_DOC)
    assert main(["ingest", str(text), "--apply", str(tmp_path / "review.csv")]) == 0
    assert not (public / "raw" / "reports" / f"{PUBLIC_DOC}.txt").exists()
    assert cached_path(PUBLIC_DOC).read_text(encoding="utf-8") == PUBLIC_TEXT
    assert PUBLIC_DOC in set(ls.observations()["source_doc"])


def test_ingesting_another_text_under_a_public_id_is_refused(public, tmp_path, capsys):
    from lsreports.cli import main

    text = _reviewed(tmp_path / "changed.txt", PUBLIC_TEXT.replace("7,7%", "7,8%"), PUBLIC_DOC)
    assert main(["ingest", str(text), "--apply", str(tmp_path / "review.csv")]) == 2
    assert "already used by another text" in capsys.readouterr().err  # refused before anything is staged
    assert not cached_path(PUBLIC_DOC).exists() and PUBLIC_DOC not in set(ls.observations()["source_doc"])


def test_the_province_ingest_refuses_the_country_figures_of_a_release_and_says_where_they_go(public, tmp_path, capsys):
    """The extractor reads a national release as the country's (vn_ ids); accepting its rows into the province's
    tables is refused, naming the row and the command that reads national releases; nothing is written."""
    from lsreports.cli import main

    text = _reviewed(tmp_path / "national.txt", NATIONAL_TEXT, "pub_synthetic_vn")
    review = tmp_path / "review.csv"
    assert set(pd.read_csv(review, dtype=str, encoding="utf-8-sig")["indicator_id"]) == {"vn_retail_sales"}
    assert main(["ingest", str(text), "--apply", str(review)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "the country's figure" in err and "curate national-texts" in err
    assert "pub_synthetic_vn" not in set(ls.observations()["source_doc"])
