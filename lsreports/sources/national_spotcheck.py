"""Spot-check the third-party extract against the GSO's original spreadsheets.

The extract's repository keeps the monthly release workbooks (``datas/<release day>-*.xls[x]``).
For chosen releases (by default each December from 2012 to 2024, whose years to date are
the annual totals, the last release, and a series' last month of any year no December covers), every mapped cell of every national series is
looked up in the workbook: the sheet of its table, the row of its label, and the numbers
printed on that row. A cell agrees when one of them equals it (a growth rate may be
printed as an index: 108.84 for +8.84; the workbook may round to two decimals).

Outcomes: ``agrees``; ``differs`` (the label's row prints other numbers: evidence kept);
``not printed`` (the workbook row has no such number and ``national_columns.csv`` says the
extract computes the column itself, such as month-on-month changes); ``row not found`` / ``sheet not found``.
The result is stored in ``data/curated/national_spotcheck.csv`` so that the checks of
:mod:`lsreports.sources.national_checks` can list each disagreement without the workbooks.

Reading ``.xls`` workbooks (2012-2014, 2018) needs ``xlrd`` (``pip install -e '.[spotcheck]'``).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from .national import column_map, raw_table, series_map

#: Sheet names of each group of series in the release workbooks over the years (names
#: compared :func:`plain`); sheets whose names contain ``quy`` (quarterly) are skipped.
SHEET_PATTERNS: dict[str, tuple[str, ...]] = {
    "retail": (r"tongmuc|tmbl|^tm$|ban le",), "product": (r"spcn|^sp$",), "iip": (r"iip",), "cpi": (r"cpi",),
    "sbi": (r"vdt nsnn|vonnsnn|^vondt$|^vonns$|^vdt thuc hien$", r"^vdt$"),
    "xnk_exports": (r"xk thang|xuat khau thang|^\d*xk$",), "xnk_imports": (r"nk thang|nhap khau thang|^\d*nk$",),
    "xnk_total": (r"xk thang|xuat khau thang|^\d*xk$",),
}
#: Older wordings of the extract's row labels in the workbooks (compared :func:`plain`).
LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    "Bán lẻ hàng hóa": ("Thương nghiệp",), "Dịch vụ lưu trú, ăn uống": ("Khách sạn, nhà hàng",),
    "Du lịch lữ hành": ("Du lịch",), "Dịch vụ khác": ("Dịch vụ",),
    "May mặc, mũ nón và giày dép": ("May mặc, giày dép và mũ nón",),
    "Hàng hóa và dịch vụ khác": ("Đồ dùng và dịch vụ khác",),
}
SPOTCHECK_COLUMNS = ("table", "label", "indicator_id", "release", "workbook", "sheet", "column", "cell",
                     "extract_value", "outcome", "workbook_numbers")


def plain(text: str) -> str:
    """Lower case, accents removed (đ as d), whitespace collapsed, leading numbering dropped."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    text = re.sub(r"^\s*[\d.ivx]+[.)]\s*", "", text)
    return re.sub(r"\s+", " ", text).strip(" :-")


def read_workbook(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet of a workbook as rows of cell values (``None`` for empty cells)."""
    engine = "xlrd" if path.suffix.lower() == ".xls" else "openpyxl"
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine=engine)
    return {name: frame.astype(object).where(frame.notna(), None).values.tolist() for name, frame in sheets.items()}


def table_sheets(sheets: dict[str, list[list[object]]], column_set: str) -> list[str]:
    """The monthly sheets of a workbook that hold a group of series: the first of
    :data:`SHEET_PATTERNS` that names any."""
    monthly = [n for n in sheets if "quy" not in plain(n)]
    for pattern in SHEET_PATTERNS.get(column_set, ()):
        found = [n for n in monthly if re.search(pattern, plain(n))]
        if found:
            return found
    return []


def row_numbers(rows: list[list[object]], label: str) -> list[float] | None:
    """The numbers printed on the first row whose text cell is ``label`` (compared :func:`plain`).

    The label's older wordings (:data:`LABEL_ALIASES`) count as the label. Where no cell
    equals it, a cell that starts with it and goes on after a comma ("Sản xuất và phân phối
    điện, khí đốt, ...") or a long cell that starts it (a label broken over two rows) is taken.
    """
    targets = [plain(t) for t in (label, *LABEL_ALIASES.get(label, ()))]

    def matches(text: str, exact: bool) -> bool:
        if exact:
            return text in targets
        return any(text.startswith(t + ",") or (len(text) >= 20 and t.startswith(text)) for t in targets)

    for exact in (True, False):
        for position, row in enumerate(rows):
            texts = [plain(c) for c in row if isinstance(c, str)]
            if any(matches(t, exact) for t in texts):
                numbers = _numbers(row)
                # a label broken over two rows prints its numbers on the second
                return numbers if numbers or position + 1 == len(rows) else _numbers(rows[position + 1])
    return None


def _numbers(row: list[object]) -> list[float]:
    return [float(c) for c in row if isinstance(c, (int, float)) and not isinstance(c, bool) and np.isfinite(c)]


def agrees(value: float, numbers: list[float]) -> bool:
    """Whether a cell of the extract is among a workbook row's numbers (as index or change, to 2 decimals)."""
    candidates = np.asarray(numbers, dtype=float)
    if candidates.size == 0:
        return False
    for target in (value, value + 100.0, value - 100.0):
        if np.any(np.isclose(candidates, target, rtol=1e-6, atol=0.006)):
            return True
    return False


def release_workbook(repo: Path, release_day: str) -> Path | None:
    """The workbook of a release, by the day that starts its file name."""
    found = sorted((repo / "datas").glob(f"{release_day}-*"))
    return found[0] if found else None


def _checks_for_release(table: str, release: pd.Period, sheets: dict, workbook: Path) -> list[dict]:
    frame = raw_table(table)
    months = frame["Month"] if "Month" in frame.columns else frame["Date"].str[:7]
    columns = column_map()
    out = []
    label_column = next(c for c in ("Phân Loại", "Ngành", "Hàng hóa") if c in frame.columns)
    for spec in series_map().loc[lambda s: s["table"] == table].itertuples(index=False):
        names = table_sheets(sheets, spec.column_set)
        hit = frame.loc[(months == str(release)) & (frame[label_column] == spec.label)]
        if hit.empty:
            continue
        line = hit.iloc[0]
        numbers = None
        sheet = ""
        for name in names:
            numbers = row_numbers(sheets[name], spec.label)
            if numbers is not None:
                sheet = name
                break
        spec_columns = columns.loc[columns["column_set"] == spec.column_set]
        computed = set(spec_columns.loc[spec_columns["computed_by"] == "extract", "column"])
        for col in spec_columns["column"]:
            text = str(line[col]).strip()
            if not text:
                continue
            value = float(text)
            if not names:
                outcome = "sheet not found"
            elif numbers is None:
                outcome = "row not found"
            elif agrees(value, numbers):
                outcome = "agrees"
            else:
                outcome = "not printed" if col in computed else "differs"
            out.append({"table": table, "label": spec.label, "indicator_id": spec.indicator_id,
                        "release": str(release), "workbook": workbook.name, "sheet": sheet, "column": col,
                        "cell": f"{table}.csv:{line['_line']}:{col}", "extract_value": value, "outcome": outcome,
                        "workbook_numbers": " ".join(f"{n:.6g}" for n in (numbers or [])[:10])})
    return out


def default_releases() -> list[pd.Period]:
    """Each December from 2012 to 2024 and the last release, plus, for every series and year
    no December release covers, that series' last month of the year: at least one month per
    series per year, and the annual totals of every complete year."""
    chosen = {pd.Period(f"{y}-12", freq="M") for y in range(2012, 2025)} | {pd.Period("2025-02", "M")}
    series = series_map()
    for table in sorted(series["table"].unique()):
        frame = raw_table(table)
        label = next(c for c in ("Phân Loại", "Ngành", "Hàng hóa") if c in frame.columns)
        months = pd.PeriodIndex(frame["Month"] if "Month" in frame.columns else frame["Date"].str[:7], freq="M")
        mapped = frame[label].isin(series.loc[series["table"] == table, "label"]).to_numpy()
        found = pd.DataFrame({"label": frame[label].to_numpy()[mapped], "month": months[mapped]})
        for _, group in found.groupby(["label", found["month"].map(lambda p: p.year)]):
            if not set(group["month"]) & chosen:
                chosen.add(max(group["month"]))
    return sorted(chosen)


def spot_check(repo: Path, releases: list[pd.Period] | None = None) -> pd.DataFrame:
    """Check the extract's cells of some releases against the original workbooks.

    Parameters
    ----------
    repo : pathlib.Path
        A checkout (or snapshot work tree) of the extract's repository, with ``datas/``.
    releases : list of pandas.Period, optional
        Release months; default: :func:`default_releases`.

    Returns
    -------
    pandas.DataFrame
        One row per cell checked, :data:`SPOTCHECK_COLUMNS`.
    """
    releases = releases or default_releases()
    out: list[dict] = []
    for release in releases:
        for table in sorted(series_map()["table"].unique()):
            frame = raw_table(table)
            months = frame["Month"] if "Month" in frame.columns else frame["Date"].str[:7]
            days = frame.loc[months == str(release), "Date"]
            if days.empty:
                continue
            workbook = release_workbook(repo, days.iloc[0])
            if workbook is None:
                continue
            out.extend(_checks_for_release(table, release, _cached_workbook(workbook), workbook))
    return pd.DataFrame(out, columns=list(SPOTCHECK_COLUMNS))


_WORKBOOKS: dict[Path, dict] = {}


def _cached_workbook(path: Path) -> dict:
    if path not in _WORKBOOKS:
        _WORKBOOKS.clear()  # one workbook at a time: releases are visited in order
        _WORKBOOKS[path] = read_workbook(path)
    return _WORKBOOKS[path]
