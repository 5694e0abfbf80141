"""The GSO's national monthly tables: from the vendored extract to curated rows.

The tables in ``data/raw/national/`` are byte-for-byte copies of a third party's CSV
extract of the General Statistics Office's monthly releases (origin and sha256 in
``data/raw/national.csv``). Two tables, not code, say how they become rows:

- ``data/curated/national_series.csv`` maps a table's Vietnamese row label to a ``vn_``
  indicator id (with its catalogue entry and the power of ten, if any, between the
  table's unit and the catalogue's);
- ``data/curated/national_columns.csv`` maps each column of a group of series to a
  measure, a period (the month or the year to date), the release it was printed in
  (``month_offset`` -1: the column holds the *previous* month as revised in the next
  release) and its growth convention (``index``: 109.03 means +9.03 %; ``change``:
  9.03 means +9.03 %); ``computed_by`` says whether the GSO prints the figure (``gso``) or
  the extract computes it from figures the GSO prints (``extract``: month-on-month changes,
  the trade total), as the spot-check against the original workbooks found.

Each release prints the month's first estimate and revises the previous month; where
both exist the revised figure is kept and the first estimate named in ``note``. The
``quote`` of a row is the cell that holds its number, ``<file>:<line>:<column>`` (line as
an editor counts it, the header being line 1; the column by its header). A growth rate
printed in the other convention than its column's (an index among changes, or the
reverse) is normalised and flagged with the evidence.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataFileError
from .contract import OBSERVATION_COLUMNS, PCT_MEASURES
from .csvread import read_columns
from .paths import curated_dir, data_dir

SERIES_COLUMNS = ("table", "label", "indicator_id", "column_set", "scale", "domain", "kind", "unit", "name_en",
                  "name_vi", "definition")
COLUMN_MAP_COLUMNS = ("column_set", "column", "measure", "period", "month_offset", "convention", "status",
                      "computed_by", "note")
CONVENTIONS = ("level", "index", "change", "share")
#: The columns that name a row's series and its month in every table of the extract.
LABEL_COLUMNS = ("Phân Loại", "Ngành", "Hàng hóa")
#: Status of a kept figure, by the release that printed it.
PRECEDENCE = {"revised": 0, "actual": 0, "estimate": 1}


def national_dir() -> Path:
    """Return the folder of vendored national tables (``data/raw/national``)."""
    return data_dir() / "raw" / "national"


def table_path(table: str) -> Path:
    """Return the path of one vendored table, ``data/raw/national/<table>.csv``."""
    return national_dir() / f"{table}.csv"


@dataclass(frozen=True)
class CellRef:
    """A reference to one cell of a vendored table: file name, editor line, column header."""

    file: str
    line: int
    column: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    @classmethod
    def parse(cls, text: str) -> CellRef:
        """Read ``<file>:<line>:<column>``; raise :class:`ValueError` naming what is wrong."""
        parts = text.split(":", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            raise ValueError(f"cell reference must be <file>:<line>:<column>: got {text!r}")
        return cls(parts[0], int(parts[1]), parts[2])


@lru_cache(maxsize=16)
def _raw_table(path_text: str, mtime_ns: int) -> pd.DataFrame:
    path = Path(path_text)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        raise DataFileError(f"{path}: empty table")
    header, body = rows[0], rows[1:]
    widths = [i + 2 for i, row in enumerate(body) if len(row) != len(header)]
    if widths:
        raise DataFileError(f"{path}: line {widths[0]}: {len(body[widths[0] - 2])} fields, the header has "
                            f"{len(header)}")
    # Each record is one physical line (checked by the test of the vendored tables), so the
    # editor's line number is the record's index + 2.
    frame = pd.DataFrame(body, columns=header, dtype="str")
    frame.insert(0, "_line", np.arange(2, len(body) + 2))
    return frame


def raw_table(table: str) -> pd.DataFrame:
    """Return one vendored table as text columns, with the editor's line number in ``_line``.

    Raises
    ------
    DataFileError
        If the file is missing or a line has the wrong number of fields.
    """
    path = table_path(table)
    if not path.exists():
        raise DataFileError(f"{path}: no vendored national table {table!r} (see data/raw/national.csv)")
    return _raw_table(str(path), path.stat().st_mtime_ns)


def cell_value(ref: str | CellRef) -> float:
    """Return the number a cell reference points at, as stored in the vendored table.

    Raises
    ------
    DataFileError
        If the file, line or column does not exist, or the cell is not a number.
    """
    cell = CellRef.parse(ref) if isinstance(ref, str) else ref
    frame = raw_table(Path(cell.file).stem)
    where = f"{table_path(Path(cell.file).stem)}: line {cell.line}, column {cell.column!r}"
    if cell.column not in frame.columns or not 2 <= cell.line < len(frame) + 2:
        raise DataFileError(f"{where}: no such cell")
    text = frame.iloc[cell.line - 2][cell.column]
    try:
        return float(text)
    except ValueError:
        raise DataFileError(f"{where}: not a number: {text!r}") from None


def series_map() -> pd.DataFrame:
    """Return ``data/curated/national_series.csv``: table row labels mapped to ``vn_`` ids."""
    frame = pd.DataFrame(read_columns(curated_dir() / "national_series.csv", SERIES_COLUMNS))
    frame["scale"] = frame["scale"].astype(float)
    return frame


def column_map() -> pd.DataFrame:
    """Return ``data/curated/national_columns.csv``: table columns mapped to measures and periods."""
    path = curated_dir() / "national_columns.csv"
    frame = pd.DataFrame(read_columns(path, COLUMN_MAP_COLUMNS))
    bad = ~frame["convention"].isin(CONVENTIONS)
    if bad.any():
        raise DataFileError(f"{path}: line {int(np.flatnonzero(bad)[0]) + 2}: convention must be one of "
                            f"{list(CONVENTIONS)}")
    frame["month_offset"] = frame["month_offset"].astype(int)
    return frame


def _label_column(frame: pd.DataFrame, table: str) -> str:
    found = [c for c in LABEL_COLUMNS if c in frame.columns]
    if not found:
        raise DataFileError(f"{table_path(table)}: no label column (expected one of {list(LABEL_COLUMNS)})")
    return found[0]


def _months(frame: pd.DataFrame) -> pd.Series:
    """The month a release is about: ``Month`` where the table has it, else the release day's month."""
    text = frame["Month"] if "Month" in frame.columns else frame["Date"].str[:7]
    return pd.PeriodIndex(text, freq="M").to_series(index=frame.index)


def cells(table: str, series: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    """Return every mapped, non-empty cell of one table as a long frame.

    Columns: ``indicator_id, month, period, measure, raw, convention, status, scale, ref,
    column_note``; ``month`` is the month the figure is about (the release's month plus
    ``month_offset``).
    """
    frame = raw_table(table)
    label = _label_column(frame, table)
    months = _months(frame)
    out = []
    for spec in series.itertuples(index=False):
        rows = frame.loc[frame[label] == spec.label]
        for col in columns.loc[columns["column_set"] == spec.column_set].itertuples(index=False):
            if col.column not in frame.columns:
                raise DataFileError(f"{table_path(table)}: no column {col.column!r} (national_columns.csv, set "
                                    f"{col.column_set!r})")
            text = rows[col.column]
            keep = text.str.strip() != ""
            raw = pd.to_numeric(text[keep], errors="coerce")
            keep_finite = np.isfinite(raw.to_numpy(dtype=float))
            sub = rows.loc[keep].loc[keep_finite]
            out.append(pd.DataFrame({
                "indicator_id": spec.indicator_id, "month": months.loc[sub.index] + col.month_offset,
                "period": col.period, "measure": col.measure, "raw": raw[keep_finite].to_numpy(),
                "convention": col.convention, "status": col.status, "scale": spec.scale,
                "ref": [f"{table}.csv:{line}:{col.column}" for line in sub["_line"]],
                "column_note": col.note + ("; computed by the extract, not printed in the GSO's workbooks"
                                           if col.computed_by == "extract" else ""),
            }))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame()


#: A re-reading of a growth convention is accepted where it agrees with the levels within
#: this many percentage points while the column's own convention misses them by at least
#: :data:`LEVEL_MISS_PP` (growth rates and levels of different vintages differ by a few points).
LEVEL_AGREEMENT_PP = 5.0
LEVEL_MISS_PP = 20.0


def _best_levels(frame: pd.DataFrame) -> pd.Series:
    """The level of each series, period kind and month, the revised figure preferred."""
    levels = frame.loc[frame["convention"] == "level"]
    levels = levels.assign(_rank=levels["status"].map(PRECEDENCE)).sort_values("_rank", kind="stable")
    levels = levels.drop_duplicates(["indicator_id", "period", "month"])
    return levels.set_index(["indicator_id", "period", "month"])["raw"]


def implied_growth(frame: pd.DataFrame) -> pd.Series:
    """The growth in percent that the table's own levels imply for each ``yoy_pct``/``mom_pct`` cell.

    ``yoy_pct``: the level against the same period twelve months earlier; ``mom_pct``:
    the month against the previous month. Missing where either level is not tabulated.
    """
    levels = _best_levels(frame)
    lag = np.where(frame["measure"] == "yoy_pct", 12, np.where(frame["measure"] == "mom_pct", 1, 0))
    current = pd.MultiIndex.from_arrays([frame["indicator_id"], frame["period"], frame["month"]])
    base = pd.MultiIndex.from_arrays([frame["indicator_id"], frame["period"], frame["month"] - lag])
    now = levels.reindex(current).to_numpy(dtype=float)
    before = levels.reindex(base).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where((lag > 0) & (before > 0), (now / before - 1.0) * 100.0, np.nan)
    return pd.Series(growth, index=frame.index)


def _neighbour_level(frame: pd.DataFrame) -> np.ndarray:
    """Median absolute raw value of the same series' cells in the 25 months around each (itself included)."""
    out = np.full(len(frame), np.inf)
    keys = ["indicator_id", "measure", "period", "status"]
    for _, group in frame.groupby(keys, sort=False):
        ordered = group.sort_values("month")
        medians = ordered["raw"].abs().rolling(25, center=True, min_periods=3).median()
        out[frame.index.get_indexer(ordered.index)] = medians.to_numpy(dtype=float)
    return out


def _normalise_growth(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return each cell's value in the contract's convention and a flag where it was re-read.

    Levels are scaled into the catalogue unit and an ``index`` cell loses its 100. A
    growth cell is re-read in the other convention where the table's own levels say so
    (the other reading agrees with them within :data:`LEVEL_AGREEMENT_PP` points, the column's
    convention misses them by :data:`LEVEL_MISS_PP` or more); where no levels are tabulated (IIP, CPI), a ``change``
    cell within 15 of 100 among months whose changes stay under 30 is read as an index.
    """
    raw = frame["raw"].to_numpy(dtype=float)
    convention = frame["convention"].to_numpy()
    growth = np.isin(frame["measure"].to_numpy(), ["yoy_pct", "mom_pct"])
    declared = np.where(convention == "index", raw - 100.0, raw)
    other = np.where(convention == "index", raw, raw - 100.0)
    implied = implied_growth(frame).to_numpy()
    # A level-implied change beyond +-50 % in these national aggregates points at a level
    # printed in the wrong unit (the growth check flags it), not at a growth cell to re-read.
    by_levels = growth & np.isfinite(implied) & (np.abs(implied) <= 50.0) \
        & (np.abs(other - implied) <= LEVEL_AGREEMENT_PP) & (np.abs(declared - implied) >= LEVEL_MISS_PP)
    no_levels = growth & ~np.isfinite(implied) & (convention == "change")
    by_neighbours = no_levels & (np.abs(raw - 100.0) <= 15.0) & (_neighbour_level(frame) < 30.0)
    reread = by_levels | by_neighbours
    value = np.where(convention == "level", raw * frame["scale"].to_numpy(dtype=float), declared)
    value = np.where(reread, other, value)
    names = {"index": "index", "change": "change"}
    flag = np.full(len(frame), "", dtype=object)
    for i in np.flatnonzero(reread):
        printed_as = "a change" if convention[i] == "index" else "an index"
        evidence = (f"the levels imply {implied[i]:+.2f} %" if by_levels[i]
                    else "the series' other months are changes under 30")
        flag[i] = (f"printed as {printed_as} ({raw[i]:g}) in a column of {names[convention[i]]} values"
                   f"; read as {other[i]:+.2f} % ({evidence})")
    return pd.Series(value, index=frame.index), pd.Series(flag, index=frame.index, dtype="str")


def _periods(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day of each cell's period: its month, or January 1 to the month's end."""
    months = pd.PeriodIndex(frame["month"].to_numpy(), freq="M")
    end = pd.Series(months.end_time.normalize(), index=frame.index)
    month_start = pd.Series(months.start_time, index=frame.index)
    year_start = pd.Series(pd.to_datetime(months.year.astype(str) + "-01-01"), index=frame.index)
    return month_start.where(frame["period"] == "month", year_start), end


def _keep_one_per_key(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep the revised figure of each key (else the first estimate); name the others in ``note``.

    A key printed twice in different lines of the table (a release repeated by the
    extract) is flagged with both cells; January's month and year to date, one line's two
    columns, are the same figure and are not.
    """
    key = ["indicator_id", "start", "end", "measure"]
    frame = frame.assign(_rank=frame["status"].map(PRECEDENCE), _line=frame["ref"].str.rsplit(":", n=1).str[0])
    frame = frame.sort_values(key + ["_rank", "ref"], kind="stable").reset_index(drop=True)
    first = ~frame.duplicated(key)
    group = first.cumsum() - 1
    kept = frame.loc[first].reset_index(drop=True)
    others = frame.loc[~first].assign(_group=group[~first])
    lead = kept.loc[others["_group"]].set_index(others.index)
    revision = (others["status"] == "estimate") & (lead["status"] != "estimate")
    repeat = ~revision & (others["_line"] != lead["_line"])
    same = np.isclose(others["value"], lead["value"], rtol=1e-9)
    note_text = "first estimate " + others["value"].map("{:.10g}".format) + " (" + others["ref"] + ")"
    flag_text = np.where(same, "repeated in ", "conflicting in ") + others["ref"] + " (" \
        + others["value"].map("{:.10g}".format) + ")"
    notes = note_text[revision].groupby(others["_group"][revision]).agg("; ".join)
    flags = flag_text[repeat].groupby(others["_group"][repeat]).agg("; ".join)
    extra_note = notes.reindex(kept.index, fill_value="")
    extra_flag = ("the table prints this month twice: " + flags).reindex(kept.index, fill_value="")
    kept["note"] = [("; ".join(filter(None, parts))) for parts in zip(kept["note"], extra_note)]
    kept["flag"] = [("; ".join(filter(None, parts))) for parts in zip(kept["flag"], extra_flag)]
    return kept.drop(columns=["_rank", "_line"])


def national_cells(tables: list[str] | None = None) -> pd.DataFrame:
    """Every mapped cell of the vendored tables, read in the contract's units and conventions.

    Unlike :func:`build_rows`, a month printed twice (first estimate and revision) keeps
    both cells: the checks of :mod:`lsreports.sources.national_checks` need them.

    Parameters
    ----------
    tables : list of str, optional
        Table ids (``gso_tongmuc``, ...); default: every table ``national_series.csv`` maps.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`cells` plus ``value``, ``flag``, ``start``, ``end``,
        ``unit``, ``note`` and ``source_doc``.
    """
    series, columns = series_map(), column_map()
    tables = sorted(series["table"].unique()) if tables is None else tables
    frames = [cells(t, series.loc[series["table"] == t], columns) for t in tables]
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True)
    frame["value"], frame["flag"] = _normalise_growth(frame)
    frame["start"], frame["end"] = _periods(frame)
    units = dict(zip(series["indicator_id"], series["unit"]))
    frame["unit"] = [("pct" if m in PCT_MEASURES else units[i]) for i, m in zip(frame["indicator_id"], frame["measure"])]
    scale_note = np.where((frame["convention"] == "level") & (frame["scale"] != 1),
                          "; cell x" + frame["scale"].map("{:g}".format) + " into the catalogue unit", "")
    frame["note"] = frame["column_note"] + scale_note
    frame["source_doc"] = frame["ref"].str.split(".csv:", n=1).str[0]
    return _mark_misplaced_cumulatives(frame)


#: A revised month within this relative distance of the year to date through the same month,
#: and nearer to it than to the month's own first estimate, is that year to date (as revised)
#: misplaced into the previous-month column.
CUMULATIVE_TOLERANCE = 0.05


def _mark_misplaced_cumulatives(frame: pd.DataFrame) -> pd.DataFrame:
    """Mark revised months (after January) that equal the year to date through that month.

    Some releases (coal, cement, electricity and tap water in 2013-2018, for example) fill
    the extract's previous-month column with the cumulative total to the previous month.
    Such a cell is not the month's level: it gets status ``misplaced`` and is not used,
    and the month keeps its first estimate, flagged with the evidence.
    """
    ytd = frame.loc[(frame["measure"] == "value") & (frame["period"] == "ytd")]
    revised = (frame["measure"] == "value") & (frame["period"] == "month") & (frame["status"] == "revised") \
        & (frame["month"].map(lambda p: p.month) > 1)
    cumulative, cumulative_ref = _nearest_cumulative(frame, ytd)
    first = frame.loc[(frame["measure"] == "value") & (frame["period"] == "month") & (frame["status"] == "estimate")]
    first = first.drop_duplicates(["indicator_id", "month"]).set_index(["indicator_id", "month"])["value"]
    keys = pd.MultiIndex.from_arrays([frame["indicator_id"], frame["month"]])
    estimate = first.reindex(keys).to_numpy(dtype=float)
    value = frame["value"].to_numpy(dtype=float)
    to_cumulative = np.abs(value - cumulative)
    misplaced = revised.to_numpy() & (to_cumulative <= CUMULATIVE_TOLERANCE * np.abs(cumulative)) \
        & ~(np.abs(value - estimate) <= to_cumulative)
    out = frame.copy()
    out.loc[misplaced, "status"] = "misplaced"
    ytd_refs = cumulative_ref
    out.loc[misplaced, "flag"] = [f"the previous-month cell {ref} holds {v:.10g}, the year to date through this "
                                  f"month ({r}); not used, the first estimate is kept"
                                  for ref, v, r in zip(out.loc[misplaced, "ref"], out.loc[misplaced, "value"],
                                                       ytd_refs[misplaced])]
    return out


def _nearest_cumulative(frame: pd.DataFrame, ytd: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the year to date through its month nearest to its value, and that cell's reference.

    Every print of the year to date counts, the first estimate and the revised ones: a misplaced
    cell holds the *revised* year to date, 5-9 % away from the first estimate (coal 2016-11: 35,407.1).
    """
    rows = frame[["indicator_id", "month", "value"]].reset_index(drop=True).assign(_row=np.arange(len(frame)))
    candidates = pd.concat([ytd[["indicator_id", "month", "value", "ref"]], _revised_ytd(frame, ytd)],
                           ignore_index=True)
    pairs = rows.merge(candidates.rename(columns={"value": "_ytd"}), on=["indicator_id", "month"])
    pairs = pairs.assign(_gap=(pairs["value"] - pairs["_ytd"]).abs()).sort_values(["_row", "_gap"])
    nearest = pairs.drop_duplicates("_row").set_index("_row")
    cumulative = nearest["_ytd"].reindex(np.arange(len(frame))).to_numpy(dtype=float)
    refs = nearest["ref"].reindex(np.arange(len(frame))).to_numpy(dtype=object)
    return cumulative, refs


def _revised_ytd(frame: pd.DataFrame, ytd: pd.DataFrame) -> pd.DataFrame:
    """The year to date through month ``m`` as the next release revises it: its year to date through
    ``m + 1`` less its first estimate of month ``m + 1`` (same table line), labelled with both cells."""
    line = frame["ref"].str.rsplit(":", n=1).str[0]
    first = frame.loc[(frame["measure"] == "value") & (frame["period"] == "month") & (frame["status"] == "estimate")]
    first = first.assign(_line=line.loc[first.index])[["indicator_id", "month", "_line", "value", "ref"]]
    later = ytd.assign(_line=line.loc[ytd.index])[["indicator_id", "month", "_line", "value", "ref"]]
    both = later.merge(first, on=["indicator_id", "month", "_line"], suffixes=("", "_m"))
    both = both.loc[both["month"].map(lambda p: p.month) > 1]
    return pd.DataFrame({"indicator_id": both["indicator_id"], "month": both["month"] - 1,
                         "value": both["value"] - both["value_m"], "ref": both["ref"] + " less " + both["ref_m"]})


def build_rows(tables: list[str] | None = None, cells_frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Curate the vendored national tables into rows in the contract's columns.

    Parameters
    ----------
    tables : list of str, optional
        Table ids (``gso_tongmuc``, ...); default: every table ``national_series.csv`` maps.
    cells_frame : pandas.DataFrame, optional
        The output of :func:`national_cells`, when the caller has it already.

    Returns
    -------
    pandas.DataFrame
        :data:`OBSERVATION_COLUMNS`, one row per indicator, period and measure, sorted;
        ``quote`` is the cell reference, ``derived`` False, ``status`` the release's
        (``estimate``, ``revised`` or ``actual``), ``flag`` any re-reading of a growth
        convention or repeated month, ``note`` the column's meaning, the scale and the
        first estimate where a revision is kept.
    """
    frame = national_cells(tables) if cells_frame is None else cells_frame
    misplaced = frame.loc[frame["status"] == "misplaced"]
    frame = _keep_one_per_key(frame.loc[frame["status"] != "misplaced"])
    if not misplaced.empty:
        key = ["indicator_id", "start", "end", "measure"]
        reasons = misplaced.set_index(key)["flag"]
        extra = reasons.reindex(pd.MultiIndex.from_frame(frame[key])).fillna("").to_numpy()
        frame["flag"] = ["; ".join(filter(None, parts)) for parts in zip(frame["flag"], extra)]
    frame["quote"] = frame["ref"]
    frame["derived"] = False
    out = frame[list(OBSERVATION_COLUMNS)]
    return out.sort_values(["indicator_id", "measure", "end", "start"], kind="stable").reset_index(drop=True)


def rows_as_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows with dates as ``YYYY-MM-DD``, ``derived`` as true/false and values to ten digits, as stored."""
    return rows.assign(start=rows["start"].dt.strftime("%Y-%m-%d"), end=rows["end"].dt.strftime("%Y-%m-%d"),
                       derived=rows["derived"].map({True: "true", False: "false"}),
                       value=rows["value"].map(repr))


def cell_holds(value: float, measure: str, cell: float) -> bool:
    """Return True if a row's value is the cell's number read the way a prose quote is.

    The rule of the data contract: a ``*_pct`` value may be printed as ``100 + value`` (an
    index); a level may differ from its cell by a power of ten (a scaled unit).
    """
    targets = [abs(value)] + ([abs(value + 100.0)] if measure in PCT_MEASURES else [])
    powers = (0,) if measure in PCT_MEASURES else range(-9, 10)
    return any(np.isclose(abs(cell) * 10.0 ** k, t, rtol=1e-6, atol=1e-9) for t in targets for k in powers)


def cell_problems(rows: pd.DataFrame) -> pd.DataFrame:
    """Check that every row's cell reference resolves and holds its value.

    Returns
    -------
    pandas.DataFrame
        One row per problem: ``row`` (0-based position), ``indicator_id``, ``quote``, ``problem``.
    """
    out = []
    for position, (indicator, measure, value, quote) in enumerate(
            zip(rows["indicator_id"], rows["measure"], rows["value"], rows["quote"])):
        try:
            cell = cell_value(quote)
        except (ValueError, DataFileError) as exc:
            out.append((position, indicator, quote, str(exc)))
            continue
        if not cell_holds(float(value), measure, cell):
            out.append((position, indicator, quote, f"the cell holds {cell:.10g}, the row says {value:.10g}"))
    return pd.DataFrame(out, columns=["row", "indicator_id", "quote", "problem"])
