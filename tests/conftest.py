"""Shared fixtures. ``synthetic_data`` builds a small, labelled-synthetic data directory
(a made-up report text, rows quoting it, targets and a manifest) and points
``LSREPORTS_DATA`` at it, so tests never read or write the real curated data."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from lsreports.sources.contract import OBSERVATION_COLUMNS, TARGET_COLUMNS

REAL_DATA = Path(__file__).resolve().parent.parent / "data"
SYNTHETIC_DOC = "999_synthetic"

# SYNTHETIC report text: invented figures in the style of the real reports.
SYNTHETIC_REPORT = """BÁO CÁO (SYNTHETIC TEST REPORT) tháng 11 và 11 tháng năm 2025
Tổng kim ngạch xuất nhập khẩu hàng hóa qua địa bàn tháng 11 ước đạt 500 triệu USD,
tăng 10,0% so với cùng kỳ; lũy kế 11 tháng ước đạt 5.000 triệu USD, tăng 20,0% so
với cùng kỳ, đạt 100,0% kế hoạch. Trong đó: xuất khẩu 2.000 triệu USD; nhập khẩu
3.000 triệu USD.
Nhựa thông 11 tháng ước đạt 16,5 tấn; tháng 11 ước đạt 1,5 nghìn tấn.
Thu ngân sách 11 tháng ước đạt 4.000 tỷ đồng, đạt 80,0% dự toán Trung ương giao.
Thu ngân sách tháng 5 ước đạt 2.000 tỷ đồng, đạt 50,0% dự toán Trung ương giao.
"""

SYNTHETIC_ROWS = [
    # indicator, start, end, measure, value, unit, quote
    ("trade_total", "2025-11-01", "2025-11-30", "value", "500", "USD_mn",
     "tháng 11 ước đạt 500 triệu USD"),
    ("trade_total", "2025-11-01", "2025-11-30", "yoy_pct", "10.0", "pct",
     "500 triệu USD, tăng 10,0% so với cùng kỳ"),
    ("trade_total", "2025-01-01", "2025-11-30", "value", "5000", "USD_mn",
     "lũy kế 11 tháng ước đạt 5.000 triệu USD"),
    ("trade_total", "2025-01-01", "2025-11-30", "yoy_pct", "20.0", "pct",
     "5.000 triệu USD, tăng 20,0% so với cùng kỳ"),
    ("trade_total", "2025-01-01", "2025-11-30", "plan_pct", "100.0", "pct",
     "đạt 100,0% kế hoạch"),
    ("trade_total_export", "2025-01-01", "2025-11-30", "value", "2000", "USD_mn",
     "xuất khẩu 2.000 triệu USD"),
    ("trade_total_import", "2025-01-01", "2025-11-30", "value", "3000", "USD_mn",
     "nhập khẩu 3.000 triệu USD"),
    ("prod_rosin", "2025-01-01", "2025-11-30", "value", "16.5", "t",
     "Nhựa thông 11 tháng ước đạt 16,5 tấn"),
    ("prod_rosin", "2025-11-01", "2025-11-30", "value", "1500", "t",
     "tháng 11 ước đạt 1,5 nghìn tấn"),
    ("budget_revenue_total", "2025-01-01", "2025-11-30", "value", "4000", "VND_bn",
     "Thu ngân sách 11 tháng ước đạt 4.000 tỷ đồng"),
    ("budget_revenue_total", "2025-01-01", "2025-11-30", "est_central_pct", "80.0", "pct",
     "đạt 80,0% dự toán Trung ương giao. Thu ngân sách tháng 5"),
    ("budget_revenue_total", "2025-01-01", "2025-05-31", "value", "2000", "VND_bn",
     "Thu ngân sách tháng 5 ước đạt 2.000 tỷ đồng"),
    ("budget_revenue_total", "2025-01-01", "2025-05-31", "est_central_pct", "50.0", "pct",
     "2.000 tỷ đồng, đạt 50,0% dự toán Trung ương giao"),
]


def write_rows(path: Path, rows: list[dict], columns=OBSERVATION_COLUMNS) -> None:
    """Write rows (dicts) as a UTF-8 CSV with the given columns."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def synthetic_rows() -> list[dict]:
    """Return the synthetic observation rows as dicts in the table's column order."""
    return [dict(zip(OBSERVATION_COLUMNS, (i, s, e, m, v, u, SYNTHETIC_DOC, q, "false", "estimate", "", "")))
            for i, s, e, m, v, u, q in SYNTHETIC_ROWS]


@pytest.fixture(scope="session")
def real_briefings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real briefings' English edition (curated data, read only), as `make briefings` builds it (its pages
    link to ``vi/``, which ``test_browser.editions`` fills the same way from ``notebooks/vi/``), built once for the
    whole session from the notebooks' stored outputs: nbval checks in the same run that executing them gives those
    outputs, DataFrames in words included (:mod:`lsreports.publish.reader_format`), so no notebook is executed
    twice in a suite (``build_briefings(stored=True)``)."""
    from lsreports.publish.briefing import build_briefings

    out = tmp_path_factory.mktemp("briefings") / "briefings"
    build_briefings(out, progress=lambda _: None, stored=True, other_edition="vi/")
    return out


#: The one briefing the session's overview pages list: its title holds markup, which must come out as text.
OVERVIEW_ENTRY = ("trade.html", "Trade <b>", "1.1.0")


@pytest.fixture(scope="session")
def real_overviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The overview page of the real curated data (read only) in each language, built once for the tests that only
    read it (the flags, key messages and key table of every page are computed alike): listing
    :data:`OVERVIEW_ENTRY`, built "2026-12-07", linking to its other edition at ``other/index.html``."""
    from lsreports.publish import i18n
    from lsreports.publish.overview_page import overview_html

    pages = {}
    with pytest.MonkeyPatch.context() as patch:  # a model cache of its own, as every test has
        patch.setenv("LSREPORTS_MODEL_CACHE", str(tmp_path_factory.mktemp("models")))
        for code in i18n.LANGS:
            with i18n.using(code):
                pages[code] = overview_html([OVERVIEW_ENTRY], "2026-12-07", other_edition="other/index.html")
    return pages


@pytest.fixture(autouse=True)
def model_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps fitted models, and its builds' charts and pages, in caches of its own (a test never reads
    what another test, or the checkout's ``.cache/``, stored); returns the models' folder."""
    folder = tmp_path_factory.mktemp("models")
    monkeypatch.setenv("LSREPORTS_MODEL_CACHE", str(folder))
    monkeypatch.setenv("LSREPORTS_BUILD_CACHE", str(tmp_path_factory.mktemp("build")))
    return folder


@pytest.fixture
def synthetic_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SYNTHETIC data directory (real catalogue, made-up report and rows), ``LSREPORTS_DATA`` pointing at it."""
    root = make_synthetic_data(tmp_path / "data")
    monkeypatch.setenv("LSREPORTS_DATA", str(root))
    return root


def make_synthetic_data(root: Path) -> Path:
    """Write the SYNTHETIC data directory of :func:`synthetic_data` at ``root``; returns ``root``."""
    (root / "curated").mkdir(parents=True)
    (root / "raw" / "reports").mkdir(parents=True)
    shutil.copy(REAL_DATA / "curated" / "indicators.csv", root / "curated" / "indicators.csv")
    report = root / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt"
    report.write_text(SYNTHETIC_REPORT, encoding="utf-8")
    write_rows(root / "curated" / "observations.csv", synthetic_rows())
    write_rows(root / "curated" / "targets.csv", [{
        "target_id": "synthetic_trade_2030", "indicator_id": "trade_total", "name_en": "Synthetic target",
        "start": "2026-01-01", "end": "2030-12-31", "kind": "growth_avg_pct", "value": "10", "value_high": "",
        "unit": "pct", "bound": "min", "source_doc": SYNTHETIC_DOC, "quote": "tăng 10,0% so với cùng kỳ",
        "note": "synthetic"}], TARGET_COLUMNS)
    with (root / "raw" / "reports.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "title", "period_start", "period_end", "report_date", "report_date_note",
                         "issuer", "text_quality", "sha256"])
        writer.writerow([SYNTHETIC_DOC, "Synthetic report", "2025-01-01", "2025-11-30", "", "", "tests",
                         "pdf-text", hashlib.sha256(report.read_bytes()).hexdigest()])
    return root
