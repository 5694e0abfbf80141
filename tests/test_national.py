"""The GSO national tables: vendored bytes, curation into rows, cell references, loading.

Synthetic tables here are labelled SYNTHETIC: invented numbers in the extract's layout.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

import lsreports as ls
from lsreports.errors import DataFileError
from lsreports.sources import national
from lsreports.sources.loader import indicators

from conftest import REAL_DATA

SHARED_NATIONAL = REAL_DATA.parent.parent / "shared" / "national"

# SYNTHETIC extract: a retail-like table, index-convention growth, a misprinted change,
# a month revised in the next release.
SYNTHETIC_TABLE = """,Phân Loại,Pre-M,E-M,YTD,M-YOY,YTD-YOY,E-MOM,Date,Month,PreMonth,M,MOM
0,TỔNG SỐ,105,110,215,110,7,4.761904762,2025-02-28,2025-02,2025-01,110,4.76
1,TỔNG SỐ,,100,100,105,105,,2025-01-29,2025-01,2024-12,105,
2,TỔNG SỐ,,100,200,,,,2024-02-29,2024-02,2024-01,100,
3,TỔNG SỐ,,100,100,,,,2024-01-29,2024-01,2023-12,100,
"""
SYNTHETIC_SERIES = [{"table": "syn_retail", "label": "TỔNG SỐ", "indicator_id": "vn_retail_sales",
                     "column_set": "retail", "scale": "1", "domain": "commerce", "kind": "flow", "unit": "VND_bn",
                     "name_en": "x", "name_vi": "x", "definition": "SYNTHETIC"}]


@pytest.fixture
def synthetic_national(synthetic_data: Path) -> Path:
    """The synthetic data directory plus a SYNTHETIC national table and the real column map."""
    (synthetic_data / "raw" / "national").mkdir(parents=True)
    (synthetic_data / "raw" / "national" / "syn_retail.csv").write_text(SYNTHETIC_TABLE, encoding="utf-8")
    shutil.copy(REAL_DATA / "curated" / "national_columns.csv", synthetic_data / "curated")
    with (synthetic_data / "curated" / "national_series.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(national.SERIES_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(SYNTHETIC_SERIES)
    return synthetic_data


def _row(rows: pd.DataFrame, start: str, end: str, measure: str) -> pd.Series:
    hit = rows.loc[(rows["start"] == start) & (rows["end"] == end) & (rows["measure"] == measure)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_revised_month_is_kept_and_first_estimate_named(synthetic_national):
    rows = national.build_rows()
    january = _row(rows, "2025-01-01", "2025-01-31", "value")
    assert january["value"] == 105 and january["status"] == "revised"
    assert january["quote"] == "syn_retail.csv:2:Pre-M"
    assert "first estimate 100 (syn_retail.csv:3:E-M)" in january["note"]
    february = _row(rows, "2025-02-01", "2025-02-28", "value")
    assert february["value"] == 110 and february["status"] == "estimate"


def test_index_growth_loses_its_hundred_and_a_misprinted_change_is_reread(synthetic_national):
    rows = national.build_rows()
    assert _row(rows, "2025-02-01", "2025-02-28", "yoy_pct")["value"] == pytest.approx(10.0)
    # YTD-YOY printed 7 in a column of indices: the levels (215 against 200) imply +7.5 %
    ytd = _row(rows, "2025-01-01", "2025-02-28", "yoy_pct")
    assert ytd["value"] == pytest.approx(7.0)
    assert ytd["flag"].startswith("printed as a change (7) in a column of index values")


def test_cell_references_resolve_and_a_wrong_value_is_caught(synthetic_national):
    rows = national.build_rows()
    assert national.cell_problems(rows).empty
    broken = rows.copy()
    broken.loc[0, "value"] = broken.loc[0, "value"] + 1.5
    broken.loc[1, "quote"] = "syn_retail.csv:99:E-M"
    problems = national.cell_problems(broken)
    assert list(problems["row"]) == [0, 1]
    assert "no such cell" in problems.iloc[1]["problem"]


def test_cell_holds_follows_the_quote_rule():
    assert national.cell_holds(9.03, "yoy_pct", 109.03)        # an index
    assert national.cell_holds(11251.5, "value", 11.2515)       # million tonnes stored in kt
    assert not national.cell_holds(9.03, "yoy_pct", 0.903)      # no power of ten for a percentage
    assert not national.cell_holds(11251.5, "value", 11.2)


def test_a_short_line_in_a_table_is_an_error_naming_it(synthetic_national):
    path = synthetic_national / "raw" / "national" / "syn_retail.csv"
    path.write_text(SYNTHETIC_TABLE + "4,TỔNG SỐ,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 6: 3 fields"):
        national.build_rows()


def test_vendored_tables_match_the_manifest():
    manifest = pd.read_csv(REAL_DATA / "raw" / "national.csv", dtype=str)
    for row in manifest.itertuples():
        data = (REAL_DATA / "raw" / row.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sha256, row.id
        # one record per physical line, so that a cell reference's line is the editor's line
        text = data.decode("utf-8")
        assert sum(1 for _ in csv.reader(text.splitlines())) == text.count("\n"), row.id


@pytest.mark.skipif(not SHARED_NATIONAL.exists(), reason="../shared/national not present beside the checkout")
def test_vendored_tables_are_the_shared_copies_byte_for_byte():
    manifest = pd.read_csv(REAL_DATA / "raw" / "national.csv", dtype=str)
    for row in manifest.itertuples():
        original = SHARED_NATIONAL / Path(row.origin_path).name
        assert (REAL_DATA / "raw" / row.file).read_bytes() == original.read_bytes(), row.id


def test_stored_rows_are_a_rebuild_of_the_vendored_tables():
    rows = national.build_rows()
    stored = (REAL_DATA / "curated" / "national_observations.csv").read_text(encoding="utf-8")
    assert national.rows_as_text(rows).to_csv(index=False, lineterminator="\n") == stored
    assert national.cell_problems(rows.sample(400, random_state=0)).empty


def test_every_national_series_is_registered_with_its_unit():
    catalogue = indicators(national=True).set_index("indicator_id")
    series = national.series_map()
    for row in series.itertuples():
        assert row.indicator_id.startswith("vn_")
        assert catalogue.loc[row.indicator_id, "unit"] == row.unit
        assert catalogue.loc[row.indicator_id, "domain"] == row.domain


def test_national_ids_load_like_the_province_ones_and_leave_the_province_tables_alone():
    retail = ls.load("vn_retail_sales")
    assert set(retail["measure"]) == {"value"} and set(retail["scope"]) == {"national"}
    assert retail["start"].min() == pd.Timestamp("2012-01-01")
    assert not ls.observations()["indicator_id"].str.startswith("vn_").any()
    assert not ls.indicators()["indicator_id"].str.startswith("vn_").any()
    assert not ls.load("commerce")["indicator_id"].str.startswith("vn_").any()
    both = ls.load("commerce", national=True)
    assert {"province", "national"} <= set(both["scope"])
    assert set(ls.load("national", measure=None)["indicator_id"]) == set(national.series_map()["indicator_id"])


# SYNTHETIC extract whose March release fills the previous-month column with February's
# year to date (215, as the February release printed it) instead of February alone.
MISPLACED_TABLE = """,Phân Loại,Pre-M,E-M,YTD,M-YOY,YTD-YOY,E-MOM,Date,Month,PreMonth,M,MOM
0,TỔNG SỐ,214,120,335,,,,2025-03-29,2025-03,2025-02,120,
1,TỔNG SỐ,105,110,215,,,,2025-02-28,2025-02,2025-01,110,
2,TỔNG SỐ,,100,100,,,,2025-01-29,2025-01,2024-12,105,
"""


def test_a_year_to_date_in_the_previous_month_column_is_not_used_as_the_month(synthetic_national):
    path = synthetic_national / "raw" / "national" / "syn_retail.csv"
    path.write_text(MISPLACED_TABLE, encoding="utf-8")
    rows = national.build_rows()
    february = _row(rows, "2025-02-01", "2025-02-28", "value")
    assert february["value"] == 110 and february["status"] == "estimate"
    assert "previous-month cell syn_retail.csv:2:Pre-M holds 214" in february["flag"]
    assert _row(rows, "2025-01-01", "2025-01-31", "value")["value"] == 105  # January's revision is a month


def test_a_month_printed_on_two_lines_is_kept_once_and_flagged(synthetic_national):
    path = synthetic_national / "raw" / "national" / "syn_retail.csv"
    lines = SYNTHETIC_TABLE.splitlines()
    path.write_text("\n".join(lines + [lines[1].replace("0,", "9,", 1)]) + "\n", encoding="utf-8")
    rows = national.build_rows()
    february = _row(rows, "2025-02-01", "2025-02-28", "value")
    assert february["quote"] == "syn_retail.csv:2:E-M"
    assert "the table prints this month twice: repeated in syn_retail.csv:6:E-M (110)" in february["flag"]
