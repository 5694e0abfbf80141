"""Integrity of the real curated data: provenance, coverage of the codebook, plausible ranges.

These tests read data/curated/ as committed; they are what keeps a hand edit honest.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import lsreports as ls
from lsreports.sources.contract import PCT_MEASURES
from lsreports.sources.provenance import quote_problems
from lsreports.sources.reports import verify_manifest

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "tools" / "check_contract.py"


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return ls.observations()


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools/check_contract.py not beside the project")
def test_shared_contract_checker_reports_no_errors():
    result = subprocess.run([sys.executable, str(CHECKER), "--root", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert ", 0 errors" in result.stdout


def test_every_printed_quote_is_in_its_report_and_prints_the_value(obs):
    problems = quote_problems(obs)
    assert problems.empty, problems.to_string()


def test_source_texts_match_the_manifest():
    check = verify_manifest(ls.reports())
    assert check["ok"].all(), check.to_string()
    assert set(ls.observations()["source_doc"]) <= set(check["id"])


def test_public_texts_are_recorded_with_their_origin_and_a_development_year():
    """Issue 12: a public text is its own source kind, with URL, retrieval date and extent; never a reserved year."""
    manifest = ls.reports()
    assert set(manifest["source_kind"]) <= {"report", "public_text"}
    public = manifest.loc[manifest["source_kind"] == "public_text"]
    assert public["url"].str.match(r"https?://").all() and public["extent"].isin({"full", "excerpt"}).all()
    assert pd.to_datetime(public["retrieved"], format="%Y-%m-%d").notna().all()
    reserved = public.loc[~public["period_start"].dt.year.isin({2019, 2020, 2021, 2022, 2024, 2025, 2026})]
    assert reserved.empty, reserved[["id", "period_start"]].to_string()


def test_history_rows_are_the_development_set_labels(obs):
    """The public texts' curated rows are the hand labels of benchmarks/data/devset, row for row."""
    labels = pd.read_csv(ROOT / "benchmarks" / "data" / "devset" / "labels.csv", dtype=str, keep_default_na=False)
    shared = set(labels["source_doc"]) & set(obs["source_doc"])
    curated = obs.loc[obs["source_doc"].isin(shared)].assign(
        start=lambda f: f["start"].dt.strftime("%Y-%m-%d"), end=lambda f: f["end"].dt.strftime("%Y-%m-%d"),
        value=lambda f: f["value"].map(repr), derived=lambda f: f["derived"].map({True: "true", False: "false"}),
        **{c: (lambda f, c=c: f[c].fillna("").astype(str)) for c in ("status", "flag", "note")})  # pd.NA as in the CSV
    labels = labels.loc[labels["source_doc"].isin(shared)].assign(value=lambda f: f["value"].astype(float).map(repr))
    key = ["source_doc", "indicator_id", "start", "end", "measure"]
    columns = list(labels.columns)
    assert len(shared) >= 8
    pd.testing.assert_frame_equal(_as_text(curated[columns], key), _as_text(labels[columns], key))


def _as_text(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    return frame.astype(object).fillna("").map(str).sort_values(key).reset_index(drop=True)


def test_curated_rows_are_printed_rows(obs):
    assert not obs["derived"].any(), "derived rows belong to lsreports.analysis.derive, not observations.csv"


def test_every_codebook_indicator_has_rows_or_a_reason():
    catalogue = ls.indicators()
    codebook = set(catalogue.loc[catalogue["in_codebook"] == "true", "indicator_id"])
    with_rows = set(ls.observations()["indicator_id"])
    absent = pd.read_csv(ROOT / "data" / "curated" / "not_printed.csv", dtype=str)
    assert absent["reason"].str.strip().ne("").all()
    assert not (set(absent["indicator_id"]) & with_rows), "listed as not printed but has rows"
    assert codebook - with_rows == set(absent["indicator_id"])


def test_values_are_in_plausible_ranges(obs):
    levels = obs.loc[obs["measure"] == "value"]
    assert (levels["value"] >= 0).all(), levels.loc[levels["value"] < 0, ["indicator_id", "value"]]
    rates = levels.loc[levels["unit"] == "pct"]
    assert (rates["value"] <= 100).all(), rates.loc[rates["value"] > 100, ["indicator_id", "value"]]
    pcts = obs.loc[obs["measure"].isin(PCT_MEASURES)]
    assert (pcts["value"] > -100).all() and (pcts["value"] < 10_000).all()
    shares = obs.loc[obs["measure"].isin({"plan_pct", "est_central_pct", "est_local_pct"})]
    assert (shares["value"] >= 0).all()


def test_periods_lie_within_the_reports_reach(obs):
    assert obs["start"].min() >= pd.Timestamp("2015-01-01")
    assert obs["end"].max() <= pd.Timestamp("2026-12-31")


def test_targets_quote_their_reports():
    from lsreports.sources.references import reference_problems

    targets = ls.targets()
    problems = reference_problems(ls.observations(), targets, ls.reports(), ls.indicators())
    assert problems.empty, problems.to_string()  # quotes found, values printed (ranges scaled), ids known
    assert targets["indicator_id"].isin(set(ls.indicators()["indicator_id"]) | {""}).all()


def test_a_figure_the_quote_calls_estimated_is_an_estimate(obs):
    """Curation guide: status is 'estimate' where the report says "ước ..." (OCR: udc, u6c, wdc, ude)."""
    from lsreports.extract.text import Folded

    says_estimated = obs["quote"].map(lambda quote: bool(re.search(r"\b(uoc|udc|u6c|wdc|ude|du kien)\b",
                                                                   Folded(quote).text)))
    wrong = obs.loc[says_estimated & (obs["status"] != "estimate"), ["indicator_id", "start", "measure", "source_doc"]]
    assert wrong.empty, wrong.to_string()
    assert set(obs["status"]) <= set(STATUS_WORDS) | {"actual", "estimate"}


#: Status -> the report's words for it, as folded text (OCR variants included): curation guide, "Statuses".
STATUS_WORDS: dict[str, str] = {
    "proposed": r"\b(de|do|d&) xuat\b",
    "needed": r"\bcan (ho|hd) tro\b",
}


def _vietnamese_number(value: float) -> str:
    """A level as the report prints it when no scale word is involved: 534030 -> '534.030'."""
    whole, _, decimals = f"{value:.10g}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


def _status_said(quote: str, value: float) -> str | None:
    """The status the quote's words give its figure: the status word nearest before the number."""
    from lsreports.extract.text import Folded

    folded = Folded(quote).text
    found = [(m.start(), status) for status, pattern in STATUS_WORDS.items() for m in re.finditer(pattern, folded)]
    if not found:
        return None
    at = folded.find(_vietnamese_number(value))
    before = sorted(f for f in found if at < 0 or f[0] < at)
    return (before or sorted(found))[-1][1]


def test_a_figure_the_quote_proposes_or_needs_carries_that_status(obs):
    """A proposal ("đề xuất") or a need ("cần hỗ trợ") is never curated as a figure done (report 004's rice)."""
    said = [(_status_said(q, v), s) for q, v, s in zip(obs["quote"], obs["value"], obs["status"])]
    wrong = obs.loc[[want is not None and want != have for want, have in said],
                    ["indicator_id", "start", "measure", "source_doc", "status"]]
    assert wrong.empty, wrong.to_string()
    rice = obs.loc[obs["indicator_id"].str.startswith("rice_support_")].set_index("indicator_id")["status"]
    assert rice.to_dict() == {"rice_support_households": "proposed", "rice_support_persons": "proposed",
                              "rice_support_kg": "needed"}


def test_status_words_are_recognised_on_synthetic_quotes():
    """Synthetic quotes (not from a report): the nearest status word before the number decides."""
    quote = "UBND tinh d& xuat hd tro gao cho 8.000 ho, véi sb lugng gao can hd tro 534.030 kg"
    assert _status_said(quote, 8000) == "proposed"
    assert _status_said(quote, 534030) == "needed"
    assert _status_said("tổng số hộ cận nghèo là 13.578 hộ", 13578) is None


def test_every_named_base_matches_a_printed_share_whose_quote_says_it(obs):
    """data/curated/share_bases.csv: each entry names printed shares, and its evidence is in their quotes."""
    from lsreports.sources.bases import _folded, _matches, share_bases

    bases = share_bases()
    assert set(bases["indicator_id"]) <= set(ls.indicators()["indicator_id"])
    for line, entry in enumerate(bases.to_dict("records"), start=2):
        rows = obs.loc[(obs["indicator_id"] == entry["indicator_id"]) & (obs["measure"] == entry["measure"])]
        rows = rows.loc[[_matches(bases.iloc[[line - 2]], r).shape[0] > 0 for r in rows.to_dict("records")]]
        assert len(rows), f"share_bases.csv:{line}: no printed row of {entry['indicator_id']} {entry['measure']}"
        assert entry["evidence"] or entry["note"], f"share_bases.csv:{line}: no evidence and no note saying why"
        for quote in rows["quote"]:
            assert _folded(entry["evidence"]) in _folded(quote), f"share_bases.csv:{line}: {entry['evidence']!r} not in {quote!r}"


def test_shares_name_the_base_the_report_names(obs):
    """Issue 27: houses against all houses approved, public investment with or without carry-over as printed."""
    from lsreports.publish.labels import share_base

    def base(indicator, end, doc, short=True, start=None):
        start = start or f"{end[:4]}-01-01"
        row = obs.loc[(obs["indicator_id"] == indicator) & (obs["end"] == end) & (obs["measure"] == "plan_pct")
                      & (obs["start"] == start)
                      & obs["source_doc"].str.startswith(doc)].iloc[0].to_dict()
        return share_base(row, short=short)

    assert base("temp_housing_completed", "2026-05-31", "003", start="2026-05-31") == "all houses approved"
    assert base("pubinv_disbursed", "2026-01-31", "004", start="2025-01-01") == "capital plan incl. carry-over"
    assert base("pubinv_disbursed", "2025-06-30", "001") == "capital plan excl. carry-over"
    assert base("pubinv_disbursed", "2026-01-31", "004") == "PM's capital plan"
    assert "no carry-over" in base("pubinv_disbursed", "2026-01-31", "004", short=False)
    assert base("pubinv_disbursed", "2026-01-31", "004") != base("pubinv_disbursed_current", "2026-05-31", "003")
    assert base("prod_cement", "2026-05-31", "003") == "plan"
