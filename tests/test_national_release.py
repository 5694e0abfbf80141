"""The statistics office's national release read with the national lexicon, its bad inputs,
and the join of the releases' rows with the GSO tables (issue 23).

Every release text here is SYNTHETIC: written by the team in the register of the monthly
releases ("Tình hình kinh tế - xã hội tháng N"), with invented figures.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from lsreports.cli import main
from lsreports.extract.national_release import LEXICON, ReleaseError, load_lexicon, read_release
from lsreports.sources.national_join import join, overlap_flags
from lsreports.sources.validate import value_is_printed

from conftest import REAL_DATA, write_rows

# SYNTHETIC release of October 2025 (invented figures, the releases' wording).
RELEASE = """(SYNTHETIC) Tình hình kinh tế - xã hội tháng 10 và 10 tháng năm 2025
Chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng 10 ước tính tăng 1,1% so với tháng trước và tăng 8,8% so với cùng kỳ năm trước. Tính chung 10 tháng năm 2025, IIP ước tăng 7,7% so với cùng kỳ năm trước.
Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành tháng 10 ước đạt 555,5 nghìn tỷ đồng, tăng 0,5% so với tháng trước và tăng 6,6% so với cùng kỳ năm trước. Tính chung 10 tháng năm 2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành ước đạt 5.432,1 nghìn tỷ đồng, tăng 8,1% so với cùng kỳ năm trước.
Trong tháng 10, kim ngạch xuất khẩu hàng hóa ước đạt 40,12 tỷ USD. So với cùng kỳ năm trước, CPI tháng 10 giảm 0,25%.
"""


def _rows(text: str = RELEASE, month: str = "2025-10") -> pd.DataFrame:
    return read_release(text, "pub_vn_synthetic", month, source="synthetic.txt")


def test_a_release_becomes_national_rows_in_the_catalogue_units():
    rows = _rows().set_index(["indicator_id", "measure", "start"])["value"]
    month, ytd = pd.Timestamp("2025-10-01"), pd.Timestamp("2025-01-01")
    assert rows[("vn_retail_sales", "value", month)] == pytest.approx(555_500)  # nghìn tỷ đồng -> VND_bn
    assert rows[("vn_retail_sales", "value", ytd)] == pytest.approx(5_432_100)
    assert rows[("vn_retail_sales", "yoy_pct", month)] == 6.6  # against a year earlier, not the previous month
    assert rows[("vn_retail_sales", "yoy_pct", ytd)] == 8.1
    assert rows[("vn_iip", "yoy_pct", month)] == 8.8 and rows[("vn_iip", "yoy_pct", ytd)] == 7.7
    assert rows[("vn_exports", "value", month)] == pytest.approx(40_120)  # tỷ USD -> USD_mn
    assert rows[("vn_cpi", "yoy_pct", month)] == -0.25  # "giảm"


def test_each_row_cites_its_clause_verbatim_and_the_clause_prints_the_value():
    rows = _rows()
    flat = " ".join(RELEASE.split())
    assert rows["quote"].map(lambda q: q in flat).all()
    assert rows["quote"].str.len().max() <= 200
    assert all(value_is_printed(v, m, q, u) for v, m, q, u in zip(rows["value"], rows["measure"], rows["quote"],
                                                                   rows["unit"]))
    assert (rows["source_doc"] == "pub_vn_synthetic").all() and (rows["status"] == "estimate").all()
    assert rows.loc[rows["end"] == pd.Timestamp("2025-10-31"), "end"].size == len(rows)


def test_a_release_of_another_month_is_refused_with_its_line():
    with pytest.raises(ReleaseError, match=r"synthetic\.txt: line 2: the release prints (tháng 10|10 tháng).*2025-09 was asked"):
        _rows(month="2025-09")


def test_a_level_the_press_prints_in_another_scale_is_converted_and_the_note_says_so():
    """Issue 24 item 3: "555.500 tỷ đồng" where the release prints "555,5 nghìn tỷ đồng" (SYNTHETIC) is read
    into the indicator's unit, not refused, and the text's other figures are kept."""
    press = RELEASE.replace("ước đạt 555,5 nghìn tỷ đồng", "ước đạt 555.500 tỷ đồng")
    rows = _rows(press).set_index(["indicator_id", "measure", "start"])
    level = rows.loc[("vn_retail_sales", "value", pd.Timestamp("2025-10-01"))]
    assert level["value"] == pytest.approx(555_500)
    assert "printed in 'tỷ' where the release prints 'nghìn tỷ': converted into VND_bn" in level["note"]
    assert value_is_printed(level["value"], "value", level["quote"], "VND_bn")
    assert len(rows) == len(_rows())  # nothing else lost
    assert "converted" not in rows.loc[("vn_retail_sales", "value", pd.Timestamp("2025-01-01")), "note"]


def test_a_level_that_lost_its_scale_word_is_refused_as_a_misprint():
    """ "555,5 tỷ đồng" (SYNTHETIC) would be 0.56 nghìn tỷ: the word "nghìn" was dropped, the figure is not converted."""
    wrong = RELEASE.replace("ước đạt 555,5 nghìn tỷ đồng", "ước đạt 555,5 tỷ đồng")
    with pytest.raises(ReleaseError, match=r"synthetic\.txt: line 3: vn_retail_sales printed in 'tỷ' where the "
                                           r"release prints it in 'nghìn tỷ'.*misprint"):
        _rows(wrong)


def test_a_release_typed_without_diacritics_reads_the_same_rows():
    """The same SYNTHETIC release with its diacritics stripped: the same figures, quotes cut from it as printed."""
    from lsreports.extract.text import strip_marks

    bare = _rows(strip_marks(RELEASE))
    printed = _rows()
    assert len(bare) == len(printed) > 0
    assert bare["value"].tolist() == printed["value"].tolist()
    assert bare["quote"].map(strip_marks).tolist() == printed["quote"].map(strip_marks).tolist()
    assert bare["quote"].map(lambda q: q in " ".join(strip_marks(RELEASE).split())).all()


def test_a_lexicon_line_that_reaches_a_province_id_is_refused(tmp_path):
    lexicon = tmp_path / "lexicon.csv"
    table = pd.read_csv(LEXICON, dtype=str, keep_default_na=False)
    table.loc[1, "indicator_id"] = "trade_total"  # the province's id
    table.to_csv(lexicon, index=False)
    with pytest.raises(ReleaseError, match=r"lexicon\.csv: line 3: 'trade_total' is not a national id"):
        load_lexicon(lexicon)


def _with_release(data: Path, text: str, month_end: str) -> None:
    """Add a SYNTHETIC national release to the synthetic manifest and cache it."""
    doc = "pub_vn_2025_10_synthetic"
    cache = data.parent / ".cache" / "texts"
    cache.mkdir(parents=True)
    (cache / f"{doc}.txt").write_text(text, encoding="utf-8")
    with (data / "raw" / "reports.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append({"id": doc, "title": "Synthetic release", "period_start": "2025-01-01", "period_end": month_end,
                 "issuer": "tests", "text_quality": "web-text",
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    for row in rows:
        row.update(source_kind="public_text" if row["id"] == doc else "report")
    write_rows(data / "raw" / "reports.csv", rows, list(rows[0]) + ["source_kind"])
    shutil.copy(REAL_DATA / "curated" / "national_observations.csv", data / "curated" / "national_observations.csv")


def test_curate_national_texts_writes_the_rows_of_a_good_release(synthetic_data, capsys):
    _with_release(synthetic_data, RELEASE, "2025-10-31")
    assert main(["curate", "national-texts"]) == 0
    stored = pd.read_csv(synthetic_data / "curated" / "national_text_observations.csv")
    assert len(stored) == len(_rows()) and set(stored["source_doc"]) == {"pub_vn_2025_10_synthetic"}
    assert main(["curate", "national-texts", "--check"]) == 0


def test_curate_national_texts_writes_nothing_for_a_release_of_another_month(synthetic_data, capsys):
    _with_release(synthetic_data, RELEASE, "2025-09-30")
    assert main(["curate", "national-texts"]) == 2
    assert "2025-09 was asked" in capsys.readouterr().err
    assert not (synthetic_data / "curated" / "national_text_observations.csv").exists()


def _national(rows: list[tuple]) -> pd.DataFrame:
    """SYNTHETIC national rows: (id, start, end, measure, value, doc)."""
    frame = pd.DataFrame(rows, columns=["indicator_id", "start", "end", "measure", "value", "source_doc"])
    return frame.assign(start=pd.to_datetime(frame["start"]), end=pd.to_datetime(frame["end"]), unit="VND_bn",
                        quote="q", derived=False, status="estimate", flag="", note="")


TABLE = _national([("vn_retail_sales", "2025-01-01", "2025-01-31", "value", 100.0, "gso"),
                   ("vn_retail_sales", "2025-02-01", "2025-02-28", "value", 90.0, "gso"),
                   ("vn_retail_sales", "2025-01-01", "2025-02-28", "value", 190.0, "gso")])


def test_join_adds_the_months_the_table_lacks_and_keeps_the_tables_figure():
    texts = _national([("vn_retail_sales", "2025-02-01", "2025-02-28", "value", 91.0, "pub_vn_a"),  # revised in table
                       ("vn_retail_sales", "2025-03-01", "2025-03-31", "value", 95.0, "pub_vn_b")])
    joined = join(TABLE, texts)
    month = joined.loc[joined["end"] == joined["start"] + pd.offsets.MonthEnd(0)].set_index("start")["value"]
    assert month.to_dict() == {pd.Timestamp("2025-01-01"): 100.0, pd.Timestamp("2025-02-01"): 90.0,
                               pd.Timestamp("2025-03-01"): 95.0}


def test_a_month_no_release_prints_is_derived_from_two_years_to_date_after_the_table_only():
    texts = _national([("vn_retail_sales", "2025-01-01", "2025-03-31", "value", 290.0, "pub_vn_c"),
                       ("vn_retail_sales", "2025-01-01", "2025-04-30", "value", 400.0, "pub_vn_d")])
    derived = join(TABLE, texts).query("derived")
    assert derived["start"].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-04-01")]
    assert derived["value"].tolist() == pytest.approx([100.0, 110.0])
    assert derived["quote"].iloc[1] == "400 (pub_vn_d, to 2025-04) - 290 (pub_vn_c, to 2025-03) = 110"
    # a gap inside the table's own months is left a gap: the tables' history is not rewritten
    no_february = TABLE.loc[TABLE["start"] != pd.Timestamp("2025-02-01")]
    assert join(no_february, texts).query("derived")["start"].min() == pd.Timestamp("2025-03-01")


def test_imports_are_derived_from_turnover_minus_exports():
    texts = _national([("vn_trade_total", "2025-12-01", "2025-12-31", "value", 88.0, "pub_vn_f"),
                       ("vn_exports", "2025-12-01", "2025-12-31", "value", 44.5, "pub_vn_g")])
    derived = join(TABLE, texts).query("indicator_id == 'vn_imports'")
    assert derived["value"].tolist() == [43.5] and derived["derived"].all()
    assert "88 (turnover, pub_vn_f) - 44.5 (exports, pub_vn_g) = 43.5" in derived["quote"].iloc[0]


def test_overlap_flags_only_disagreements_beyond_revision():
    texts = _national([("vn_retail_sales", "2025-01-01", "2025-01-31", "value", 101.5, "pub_vn_a"),  # +1.5 %
                       ("vn_retail_sales", "2025-02-01", "2025-02-28", "value", 95.0, "pub_vn_a")])  # +5.6 %
    flags = overlap_flags(TABLE, texts)
    assert flags["start"].tolist() == [pd.Timestamp("2025-02-01")] and flags["flag"].tolist() == ["text_vs_table"]
    assert flags["difference"].iloc[0] == pytest.approx(95 / 90 - 1)


def test_real_national_series_reach_december_2025():
    from lsreports.analysis.tsa.series import indicator_series
    from lsreports.sources.loader import national_observations

    rows = national_observations()
    for indicator_id, measure in [("vn_retail_sales", "value"), ("vn_exports", "value"), ("vn_imports", "value"),
                                  ("vn_iip", "yoy_pct"), ("vn_cpi", "yoy_pct")]:
        series = indicator_series(rows, indicator_id, measure).dropna()
        assert series.index.max() >= pd.Period("2025-12", freq="M"), indicator_id


def test_stored_release_rows_pass_the_check_with_or_without_the_cache():
    """The real rows: by their form where the texts are not cached, against the copies where they are."""
    assert main(["curate", "national-texts", "--check"]) == 0


def test_reach_and_the_months_the_models_interpolate():
    from lsreports.sources.national_join import months_without_figure, reach

    texts = _national([("vn_retail_sales", "2025-04-01", "2025-04-30", "value", 95.0, "pub_vn_b")])
    joined = join(TABLE, texts)
    assert reach(joined) == {"tables": pd.Timestamp("2025-02-28"), "releases": pd.Timestamp("2025-04-30")}
    series = pd.Series([100.0, 90.0, None, 95.0], index=pd.period_range("2025-01", periods=4, freq="M"))
    assert months_without_figure(series, pd.Timestamp("2025-02-28")) == [pd.Period("2025-03", freq="M")]


def test_curate_national_texts_with_no_release_writes_an_empty_table(synthetic_data):
    shutil.copy(REAL_DATA / "curated" / "national_observations.csv", synthetic_data / "curated")
    assert main(["curate", "national-texts"]) == 0
    stored = pd.read_csv(synthetic_data / "curated" / "national_text_observations.csv")
    assert stored.empty and list(stored.columns)[:3] == ["indicator_id", "start", "end"]


def test_the_overviews_prices_row_is_the_latest_month():
    from lsreports.publish.overview import freshest
    from lsreports.sources.loader import national_observations

    rows = national_observations()
    cpi = freshest(rows, ("vn_cpi",))
    assert cpi["end"].max() == rows.loc[rows["indicator_id"] == "vn_cpi", "end"].max() >= pd.Timestamp("2026-01-31")


def test_the_older_spelling_ti_is_read_as_ty():
    """'40,12 tỉ USD' (SYNTHETIC): the contract's value rule reads "tỉ" as "tỷ" (main d785fb3), so the release's
    reader does too, instead of refusing the reprint; the quote holds its value."""
    rows = _rows(RELEASE.replace("40,12 tỷ USD", "40,12 tỉ USD")).set_index(["indicator_id", "measure"])
    exports = rows.loc[("vn_exports", "value")]
    assert exports["value"] == pytest.approx(40_120) and "tỉ USD" in exports["quote"]
    assert "converted" not in exports["note"]
    assert value_is_printed(exports["value"], "value", exports["quote"], "USD_mn")


def test_a_release_at_odds_with_the_table_is_a_national_flag_in_words():
    from lsreports.analysis.checks.flags import FLAG_TABLE_COLUMNS, overlap_family

    texts = _national([("vn_retail_sales", "2025-02-01", "2025-02-28", "value", 95.0, "pub_vn_a")])  # SYNTHETIC
    family = overlap_family(overlap_flags(TABLE, texts))
    assert list(family.columns) == FLAG_TABLE_COLUMNS and len(family) == 1
    row = family.iloc[0]
    assert (row["family"], row["check"], row["indicator_id"]) == ("national", "text_vs_table", "vn_retail_sales")
    assert "95" in row["reason"] and "+5.6%" in row["reason"] and "GSO table" in row["reason"]
    assert overlap_family(overlap_flags(TABLE, texts.assign(value=90.5))).empty  # a revision: no flag
