"""The loader: typed tables, labelled frames, and clear errors on bad data files."""
from __future__ import annotations

import pandas as pd
import pytest

import lsreports as ls
from lsreports.errors import DataFileError, UnknownIndicatorError

from conftest import SYNTHETIC_DOC, synthetic_rows, write_rows


def test_observations_are_typed(synthetic_data):
    obs = ls.observations()
    assert list(obs.columns[:9]) == ["indicator_id", "start", "end", "measure", "value", "unit",
                                     "source_doc", "quote", "derived"]
    assert pd.api.types.is_datetime64_any_dtype(obs["start"])
    assert pd.api.types.is_datetime64_any_dtype(obs["end"])
    assert obs["derived"].dtype == bool
    assert obs["value"].dtype == float
    assert obs.loc[obs["indicator_id"] == "trade_total_export", "value"].item() == 2000.0


def test_load_domain_adds_labels_and_periods(synthetic_data):
    trade = ls.load("trade")
    assert set(trade["indicator_id"]) == {"trade_total", "trade_total_export", "trade_total_import"}
    assert set(trade["measure"]) == {"value"}
    row = trade.loc[(trade["indicator_id"] == "trade_total") & (trade["period_kind"] == "month")].iloc[0]
    assert row["name_en"].startswith("Goods trade turnover")
    assert row["name_vi"].startswith("Tổng kim ngạch")
    assert row["period"] == "2025-11"
    ytd = trade.loc[(trade["indicator_id"] == "trade_total") & (trade["period_kind"] == "ytd")].iloc[0]
    assert ytd["period"] == "2025 Jan-Nov"


def test_load_indicator_with_all_measures(synthetic_data):
    frame = ls.load("trade_total", measure=None)
    assert set(frame["measure"]) == {"value", "yoy_pct", "plan_pct"}
    assert (frame.loc[frame["measure"] != "value", "unit"] == "pct").all()


def test_unknown_name_lists_close_matches(synthetic_data):
    with pytest.raises(UnknownIndicatorError) as info:
        ls.load("trade_totl")
    message = str(info.value)
    assert "'trade_totl'" in message and "trade_total" in message


def test_unknown_measure_is_an_error(synthetic_data):
    with pytest.raises(UnknownIndicatorError, match="unknown measure 'yoy'"):
        ls.load("trade", measure="yoy")


def test_missing_file_names_the_file(synthetic_data):
    (synthetic_data / "curated" / "observations.csv").unlink()
    with pytest.raises(DataFileError, match=r"observations\.csv: file not found"):
        ls.observations()


def _write_with(synthetic_data, index: int, **changes) -> None:
    rows = synthetic_rows()
    rows[index].update(changes)
    write_rows(synthetic_data / "curated" / "observations.csv", rows)


@pytest.mark.parametrize("change, expected", [
    ({"value": "1.234,5"}, r"line 4 \(trade_total\): column 'value' must be a finite number.*'1.234,5'"),
    ({"start": "2025/01/01"}, r"line 4 \(trade_total\): column 'start' must be a date YYYY-MM-DD"),
    ({"start": "2025-12-01"}, r"line 4 \(trade_total\): start is after end"),
    ({"measure": "yoy"}, r"line 4 \(trade_total\): measure must be one of"),
    ({"unit": "VND_bn"}, r"line 4 \(trade_total\): unit must be 'USD_mn'.*got 'VND_bn'"),
    ({"indicator_id": "trade_totl"}, r"line 4 \(trade_totl\): unknown indicator_id 'trade_totl'.*trade_total"),
    ({"derived": "maybe"}, r"line 4 \(trade_total\): column 'derived' must be true or false"),
    ({"quote": ""}, r"line 4 \(trade_total\): a printed row needs a verbatim quote"),
])
def test_malformed_row_names_file_and_line(synthetic_data, change, expected):
    _write_with(synthetic_data, 2, **change)
    with pytest.raises(DataFileError, match=expected) as info:
        ls.observations()
    assert "observations.csv" in str(info.value)


def test_conflicting_duplicate_key_is_an_error(synthetic_data):
    rows = synthetic_rows()
    twin = dict(rows[0], value="501")
    write_rows(synthetic_data / "curated" / "observations.csv", rows + [twin])
    with pytest.raises(DataFileError, match=r"line 15 \(trade_total\): same indicator, period, measure and report.*got 501, before 500"):
        ls.observations()


def test_missing_column_is_an_error(synthetic_data):
    path = synthetic_data / "curated" / "observations.csv"
    text = path.read_text(encoding="utf-8").replace("source_doc", "document", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 1: missing columns \['source_doc'\]"):
        ls.observations()


def test_non_utf8_file_is_an_error(synthetic_data):
    path = synthetic_data / "curated" / "observations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        ls.observations()


def test_byte_order_mark_is_an_error(synthetic_data):
    path = synthetic_data / "curated" / "observations.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(DataFileError, match="byte-order mark"):
        ls.observations()


def test_edits_are_picked_up_without_restart(synthetic_data):
    assert len(ls.observations()) == len(synthetic_rows())
    write_rows(synthetic_data / "curated" / "observations.csv", synthetic_rows()[:3])
    assert len(ls.observations()) == 3


def test_returned_frames_are_copies(synthetic_data):
    first = ls.observations()
    first["value"] = -1.0
    assert (ls.observations()["value"] >= 0).all()


def test_targets_are_typed(synthetic_data):
    targets = ls.targets()
    assert targets.loc[0, "kind"] == "growth_avg_pct"
    assert pd.isna(targets.loc[0, "value_high"])
    assert targets["end"].dt.year.tolist() == [2030]


def test_target_range_needs_high_value(synthetic_data):
    path = synthetic_data / "curated" / "targets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",min,", ",range,"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"targets\.csv: line 2.*a range needs value_high"):
        ls.targets()


def test_reports_manifest(synthetic_data):
    manifest = ls.reports()
    assert manifest["id"].tolist() == [SYNTHETIC_DOC]
    assert manifest["period_end"].iloc[0] == pd.Timestamp("2025-11-30")


def test_line_with_wrong_number_of_fields_is_named(synthetic_data):
    path = synthetic_data / "curated" / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"observations\.csv: line 4: 13 fields, the header has 12"):
        ls.observations()


@pytest.mark.parametrize("drop_field", [11, 5])  # the optional last column `note`; `unit`, mid-line
def test_line_with_a_missing_field_is_named(synthetic_data, drop_field):
    path = synthetic_data / "curated" / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[6].split(",")  # the synthetic row on line 7 has no quoted commas
    assert len(fields) == 12
    lines[6] = ",".join(fields[:drop_field] + fields[drop_field + 1:])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"observations\.csv: line 7: 11 fields, the header has 12"):
        ls.observations()


def test_edits_in_place_do_not_reach_the_cache(synthetic_data):
    first = ls.observations()
    first.loc[0, "value"] = -1.0
    first.loc[0, "quote"] = "edited"
    again = ls.observations()
    assert again.loc[0, "value"] == 500.0 and again.loc[0, "quote"] != "edited"
