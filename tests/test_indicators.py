"""The indicator catalogue against the shared codebook, on the real catalogue file."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import lsreports as ls
from lsreports.sources.contract import DOMAINS, UNITS
from lsreports.errors import DataFileError

CODEBOOK = Path(__file__).resolve().parents[2] / "shared" / "indicator_codebook.csv"


@pytest.mark.skipif(not CODEBOOK.exists(), reason="../shared/indicator_codebook.csv not beside the project")
def test_catalogue_keeps_every_codebook_id_with_its_unit():
    catalogue = ls.indicators().set_index("indicator_id")
    with CODEBOOK.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert row["indicator_id"] in catalogue.index, row["indicator_id"]
            assert catalogue.loc[row["indicator_id"], "unit"] == row["unit"], row["indicator_id"]
            assert catalogue.loc[row["indicator_id"], "domain"] == row["domain"], row["indicator_id"]


def test_catalogue_is_complete():
    catalogue = ls.indicators()
    assert catalogue["indicator_id"].is_unique
    assert set(catalogue["unit"]) <= UNITS
    assert set(catalogue["domain"]) <= set(DOMAINS)
    for column in ("name_en", "name_vi", "definition"):
        assert (catalogue[column].str.strip() != "").all(), column


def test_duplicate_indicator_id_names_the_line(synthetic_data):
    path = synthetic_data / "curated" / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"indicators\.csv: line {len(lines) + 1} \(trade_total\): "
                                            "indicator_id listed twice"):
        ls.indicators()


def test_wrong_unit_in_catalogue_is_an_error(synthetic_data):
    path = synthetic_data / "curated" / "indicators.csv"
    text = path.read_text(encoding="utf-8").replace(",flow,USD_mn,", ",flow,USD,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 2 \(trade_total\): unit must be one of.*got 'USD'"):
        ls.indicators()


def test_every_implied_plan_and_estimate_has_a_registered_id():
    """Implied targets are emitted only under registered ids: a new plan_pct row needs its catalogue entry."""
    from lsreports.analysis.derive import TARGET_DERIVATIONS, TARGET_INDICATOR_TEMPLATE, implied_targets

    catalogue = ls.indicators().set_index("indicator_id")
    kinds = {derivation.removeprefix("implied_"): TARGET_INDICATOR_TEMPLATE[derivation]
             for derivation in TARGET_DERIVATIONS.values()}
    for base, kind in set(zip(*implied_targets(ls.observations())[["base_indicator_id", "target_kind"]].T.values)):
        target_id = kinds[kind].format(indicator_id=base)
        assert target_id in catalogue.index, f"register {target_id} in indicators.csv"
        entry = catalogue.loc[target_id]
        assert (entry["unit"], entry["domain"], entry["kind"]) == (catalogue.loc[base, "unit"],
                                                                     catalogue.loc[base, "domain"], "plan"), target_id


def test_names_say_what_the_report_means():
    """Issue 27: names read as the report's Vietnamese term means them, and implied plans keep in step."""
    import lsreports as ls

    catalogue = ls.indicators().set_index("indicator_id")
    assert catalogue.loc["trade_local_export", "name_en"] == "Exports of local goods (by local exporters)"
    assert catalogue.loc["trade_local_export", "name_vi"] == "Hàng địa phương xuất khẩu"
    assert "proposed" in catalogue.loc["rice_support_households", "name_en"]
    assert "needed" in catalogue.loc["rice_support_kg", "name_en"]
    assert catalogue.loc["rice_support_kg", "name_vi"] == "Số lượng gạo cần hỗ trợ"
    assert "including carried-over" not in catalogue.loc["pubinv_disbursed", "name_en"]
    for indicator, entry in catalogue.loc[catalogue["kind"] == "plan"].iterrows():
        base = next((indicator.removesuffix(s) for s in ("_plan", "_est_local", "_est_central")
                     if indicator.endswith(s) and indicator.removesuffix(s) in catalogue.index), None)
        if base is not None:
            assert entry["name_en"].startswith(catalogue.loc[base, "name_en"] + ": "), indicator
