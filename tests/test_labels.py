"""The one table of reader's labels: words for codes, and reports named by what they cover."""
import pandas as pd

from lsreports.publish import labels
from lsreports.sources.contract import MEASURES, UNITS


def test_every_contract_unit_and_measure_has_words():
    assert set(UNITS) <= set(labels.UNITS) and set(MEASURES) <= set(labels.MEASURES)
    assert labels.unit("USD_mn") == "million USD"
    assert labels.measure("est_local_pct") == "share of the provincial budget estimate"
    assert labels.target_kind("est_local") == "the provincial budget estimate"
    assert labels.method("growth", short=True) == "growth-based"


def test_an_unknown_code_reads_as_words_and_missing_is_empty():
    assert labels.unit("thousand_tonnes_new") == "thousand tonnes new"
    assert labels.measure(None) == "" and labels.unit(float("nan")) == ""


def test_reports_are_named_by_the_period_they_cover_never_by_cut_ids():
    manifest = pd.DataFrame({"id": ["000_abc", "ingested_2026_06_report", "x_other"],
                             "period_end": ["2025-11-30", "2026-06-30", "2026-06-30"]})
    names = labels.report_names(manifest)
    assert names["000_abc"] == "report to November 2025"
    # two reports to the same month keep their full ids to tell them apart
    assert names["ingested_2026_06_report"] == "report to June 2026 (ingested_2026_06_report)"
    assert labels.report_name("unknown_id", manifest) == "report unknown_id"


def test_public_texts_are_named_as_such():
    manifest = pd.DataFrame({"id": ["003_x", "pub_2025_y_a"], "period_end": ["2026-05-31", "2025-12-31"],
                             "source_kind": ["report", "public_text"]})
    assert labels.report_names(manifest) == {"003_x": "report to May 2026", "pub_2025_y_a": "public text to December 2025"}
