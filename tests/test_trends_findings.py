"""The trends briefing's findings (lsreports.publish.trends_text.findings) on SYNTHETIC frames.

Every frame below is synthetic (made up for the test); nothing here is a curated figure.
"""
from __future__ import annotations

import pandas as pd
import pytest

from lsreports.publish import i18n
from lsreports.publish import trends_text as text


def _figure(shown, indicator_id, start, end, measure, source_doc=None):
    return f"<fig {indicator_id} {pd.Timestamp(start):%Y-%m} {measure}>{shown}</fig>"


def _derived(shown, formula):
    return f"<der title='{formula}'>{shown}</der>"


SYNTHETIC_PROJECTIONS = pd.DataFrame({  # synthetic
    "indicator_id": ["syn_a", "syn_b", "syn_b", "syn_c", "syn_flagged"],
    "target_kind": ["plan", "plan", "est_local", "plan", "plan"],
    "verdict": ["likely", "unlikely", "likely", "undetermined", "undetermined"],
    "projected_pct_of_target": [131.25, 62.5, 140.0, 97.0, 400.0],
    "projection": [1312.5, 62.5, 70.0, 97.0, 400.0],
    "target_value": [1000.0, 100.0, 50.0, 100.0, 100.0],
    "flags": ["", "", "", "", "plausibility: implausible year end 2026"],
})
SYNTHETIC_WINNERS = pd.Series({"syn_s1": "sarima_tet", "syn_s2": "ets", "syn_s3": "sarima_tet"})  # synthetic
SYNTHETIC_NATIONAL = pd.DataFrame({  # synthetic national rows: two months with a yoy_pct, one level, one year to date
    "indicator_id": ["vn_syn"] * 4,
    "start": pd.to_datetime(["2026-04-01", "2026-05-01", "2026-05-01", "2026-01-01"]),
    "end": pd.to_datetime(["2026-04-30", "2026-05-31", "2026-05-31", "2026-05-31"]),
    "measure": ["yoy_pct", "yoy_pct", "level", "yoy_pct"],
    "value": [5.0, 7.25, 100.0, 9.0],
})
NAMES = {"syn_a": "Synthetic A", "syn_b": "Synthetic B", "syn_c": "Synthetic C", "syn_flagged": "Synthetic F", "vn_syn": "Viet Nam: Synthetic retail"}


def _findings() -> str:
    country = text.country_latest(SYNTHETIC_NATIONAL, "vn_syn")
    return text.findings(SYNTHETIC_PROJECTIONS, SYNTHETIC_WINNERS, country, NAMES, _figure, _derived)


def test_country_latest_takes_the_last_single_month_with_a_printed_growth():
    row = text.country_latest(SYNTHETIC_NATIONAL, "vn_syn")
    assert (row["end"], row["value"]) == (pd.Timestamp("2026-05-31"), 7.25)  # not the year to date (9.0)
    with pytest.raises(KeyError, match="vn_none"):
        text.country_latest(SYNTHETIC_NATIONAL, "vn_none")


def test_findings_in_english_count_verdicts_on_each_first_target_and_cite_every_figure():
    with i18n.using("en"):
        said = _findings()
    # first target per indicator: syn_b counts as unlikely (its plan), not likely (its budget estimate)
    assert "Of 4 indicators" in said and "1 are on track" in said and "2 are undetermined" in said
    assert "1 unlikely" in said and "Synthetic F" not in said  # the flagged 400 % is counted, never the finding
    assert "Synthetic A is furthest ahead (<der title='projected year end 1,312.5 / target 1,000.0 × 100'>131.3%" in said
    assert "Synthetic B furthest behind (<der" in said and ">62.5%</der>" in said
    assert "SARIMA + Tết forecasts best for 2 of 3 series" in said
    assert "Across the country, synthetic retail grew by <fig vn_syn 2026-05 yoy_pct>7.3%</fig>" in said
    assert "in May 2026" in said


def test_findings_in_vietnamese_read_vietnamese_with_vietnamese_numbers():
    with i18n.using("vi"):
        said = _findings()
    assert "Trong 4 chỉ tiêu có kế hoạch" in said and "khả năng hoàn thành" in said and "cùng kỳ" in said
    assert ">131,3 %</der>" in said and "1.312,5 / mục tiêu 1.000,0" in said
    assert "synthetic retail tháng 5/2026 (tháng mới nhất có số liệu) tăng <fig vn_syn 2026-05 yoy_pct>7,3 %</fig> so với cùng kỳ" in said
    assert "tháng 5/2026" in said
    for english in ("on track", "furthest", "forecasts best", "year end"):
        assert english not in said


def test_findings_refuse_frames_without_a_target_or_a_winner():
    with pytest.raises(ValueError, match="at least one projection"):
        text.findings(SYNTHETIC_PROJECTIONS.iloc[0:0], SYNTHETIC_WINNERS, SYNTHETIC_NATIONAL.iloc[1], NAMES,
                      _figure, _derived)


def test_the_trends_sentences_read_vietnamese_in_the_vietnamese_edition():
    scores = pd.DataFrame({"series": ["vn_a", "vn_b"], "method": ["ets", "ets"], "forecasts": [60, 60],  # synthetic
                           "coverage_95": [1234.0, 90.0], "coverage_80": [70.0, 80.0]})
    tet = pd.DataFrame({"pct_per_day": [-2.25, 0.5], "t_stat": [3.0, 1.0], "sarima_mase": [1.0, 1.0],  # synthetic
                        "sarima_tet_mase": [0.9, 1.1]}, index=["vn_a", "vn_b"])
    with i18n.using("vi"):
        coverage, effect = text.coverage_summary(scores), text.tet_summary(tet)
    assert coverage.startswith("Khoảng dự báo 95 % bao được 662 % giá trị thực tế")  # median of 1234 and 90
    assert "vn_a (-2,2 % mỗi ngày)" in effect  # Python's format: -2.25 → -2.2
    assert "ở 1/2 chuỗi" in effect
    for english in ("intervals", "series", "outcomes"):
        assert english not in coverage + effect.replace("vn_a", "")
    with i18n.using("en"):
        assert text.coverage_summary(scores).startswith("95 % intervals covered 662 % of outcomes")


def test_the_province_beside_the_country_reads_vietnamese():
    from lsreports.publish.country_section import years_to_date_sentences

    table = pd.DataFrame([{  # synthetic comparison rows
        "start": pd.Timestamp("2026-01-01"), "end": pd.Timestamp("2026-05-31"), "province_end": pd.Timestamp("2026-05-31"),
        "country_end": pd.Timestamp("2026-05-31"), "indicator_id": "syn", "national_id": "vn_syn", "measure": "yoy_pct",
        "what": "industrial production (IIP)", "province": 12.25, "country": -3.5, "province_doc": "d",
        "country_doc": "n", "province_quote": "q", "country_quote": "q", "country_last": pd.NaT}])
    with i18n.using("vi"):
        (line,) = years_to_date_sentences(table)
    assert line.startswith("Chỉ số sản xuất công nghiệp (IIP) của Lạng Sơn") and "tăng 12,2 % so với cùng kỳ" in line
    assert line.endswith("cả nước giảm 3,5 %.")
    with i18n.using("en"):
        assert years_to_date_sentences(table)[0].endswith("against a fall of 3.5 % for the country.")
