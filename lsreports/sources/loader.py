"""Load the curated tables as typed, validated pandas frames.

``observations.csv`` is parsed once by pandas' C parser and checked column by column;
the small tables are read with the csv module (:mod:`lsreports.sources.csvread`). Only when a
check fails does the loader look for the offending line, so that the error names the
file, the line and what was expected. Frames are cached per file (keyed by modification
time and size) and callers get a copy.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .contract import (
    CONTRACT_COLUMNS, DOMAINS, EXTRA_COLUMNS, INDICATOR_COLUMNS, MEASURES, PCT_MEASURES,
    TARGET_BOUNDS, TARGET_COLUMNS, TARGET_KINDS, UNITS,
)
from .csvread import check_separators, read_columns, read_frame, record_lines
from ..errors import DataFileError, UnknownIndicatorError
from .paths import curated_dir, data_dir, file_key
from .periods import period_kind, period_label
from .national_join import TEXT_ROWS_FILE, join
from .validate import check_table, nonnegative_ids

_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def _read_text_table(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    """Read a small UTF-8 CSV as a frame of text columns (see :func:`read_columns` for the checks)."""
    return pd.DataFrame(read_columns(path, required))


def _fail_at(path: Path, frame: pd.DataFrame, bad: np.ndarray | pd.Series, what: str,
             column: str | None = None) -> None:
    """Raise a :class:`DataFileError` naming the first offending line (header is line 1)."""
    mask = np.asarray(bad, dtype=bool)
    if not mask.any():
        return
    first = int(np.flatnonzero(mask)[0])
    row = frame.iloc[first]
    who = f" ({row['indicator_id']})" if "indicator_id" in frame.columns else ""
    got = f": got {row[column]!r}" if column else ""
    more = f" (and {int(mask.sum()) - 1} more lines)" if mask.sum() > 1 else ""
    raise DataFileError(f"{path}: line {record_lines(path)[first]}{who}: {what}{got}{more}")


def _parse_dates(path: Path, frame: pd.DataFrame, column: str, *, allow_empty: bool = False) -> pd.Series:
    text = frame[column]
    parsed = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna() & ~(allow_empty & (text == ""))
    _fail_at(path, frame, bad, f"column {column!r} must be a date YYYY-MM-DD", column)
    return parsed


def _parse_floats(path: Path, frame: pd.DataFrame, column: str, *, allow_empty: bool = False) -> pd.Series:
    text = frame[column]
    parsed = pd.to_numeric(text, errors="coerce")
    bad = ~np.isfinite(parsed.to_numpy(dtype=float, na_value=np.nan)) & ~(allow_empty & (text == ""))
    _fail_at(path, frame, bad, f"column {column!r} must be a finite number with '.' as decimal mark", column)
    return parsed.astype(float)


@lru_cache(maxsize=8)
def _catalogue_columns(key: tuple[str, int, int]) -> dict[str, np.ndarray]:
    """Read and validate ``indicators.csv`` (small: read column-wise with the csv module)."""
    path = Path(key[0])
    columns = read_columns(path, INDICATOR_COLUMNS)
    ids, units, domains = columns["indicator_id"], columns["unit"], columns["domain"]
    signs = columns["nonnegative"]
    bad = [i for i, (name, unit, domain, sign) in enumerate(zip(ids, units, domains, signs))
           if not name or unit not in UNITS or domain not in DOMAINS or sign not in ("true", "false")]
    if len(set(ids)) != len(ids):
        bad.append(next(i for i, name in enumerate(ids) if name in set(ids[:i])))
    if bad:
        i = min(bad)
        line = record_lines(path)[i]
        where = f"{path}: line {line} ({ids[i]})"
        if not ids[i]:
            raise DataFileError(f"{path}: line {line}: empty indicator_id")
        if ids[i] in set(ids[:i]):
            raise DataFileError(f"{where}: indicator_id listed twice")
        if units[i] not in UNITS:
            raise DataFileError(f"{where}: unit must be one of {sorted(UNITS)}: got {units[i]!r}")
        if domains[i] not in DOMAINS:
            raise DataFileError(f"{where}: domain must be one of {list(DOMAINS)}: got {domains[i]!r}")
        raise DataFileError(f"{where}: column 'nonnegative' must be true or false: got {signs[i]!r}")
    return columns


@lru_cache(maxsize=8)
def _indicators_cached(key: tuple[str, int, int]) -> pd.DataFrame:
    return pd.DataFrame(_catalogue_columns(key))


#: The prefix of national (whole-country) indicator ids; the province's ids never carry it.
NATIONAL_PREFIX = "vn_"


def is_national(indicator_id: str) -> bool:
    """Return True for a national (whole-country) indicator id, one that starts with ``vn_``."""
    return indicator_id.startswith(NATIONAL_PREFIX)


def indicators(national: bool = False) -> pd.DataFrame:
    """Return the indicator catalogue (``data/curated/indicators.csv``).

    Parameters
    ----------
    national : bool, default False
        Also list the national series (ids ``vn_*``); by default only the province's.

    Returns
    -------
    pandas.DataFrame
        One row per indicator: ``indicator_id``, ``domain``, ``kind``, ``unit``,
        ``name_en``, ``name_vi``, ``notes`` and the further descriptive columns the
        catalogue carries (``definition``, ``in_codebook``).

    Raises
    ------
    DataFileError
        If the file is missing or a line is malformed (the message names the line).
    """
    frame = _indicators_cached(file_key(curated_dir() / "indicators.csv"))
    if not national:
        frame = frame.loc[~frame["indicator_id"].str.startswith(NATIONAL_PREFIX)].reset_index(drop=True)
    return frame.copy()


def _unit_map(catalogue_key: tuple[str, int, int]) -> dict[str, str]:
    columns = _catalogue_columns(catalogue_key)
    return dict(zip(columns["indicator_id"], columns["unit"]))


def _nonnegative(catalogue_key: tuple[str, int, int]) -> frozenset[str]:
    columns = _catalogue_columns(catalogue_key)
    return nonnegative_ids(columns["indicator_id"], columns["nonnegative"])


def _row_error(path: Path, line_index: int, indicator_id: str, message: str) -> DataFileError:
    """An error naming the editor line of the ``line_index``-th data row (found only now, on failure)."""
    return DataFileError(f"{path}: line {record_lines(path)[line_index]} ({indicator_id}): {message}")


def _check_rows(path: Path, columns: dict[str, np.ndarray], units: dict[str, str]) -> None:
    """Check ids, measures, units, flags and quotes; raise naming the first bad line.

    The checks run on the distinct values of the coded columns (a few hundred
    combinations, whatever the length of the table); only a failing check goes through
    the lines to find the first bad one, which :func:`_row_problem` then describes.
    """
    ids, measures, unit, derived, quotes = (columns[c] for c in ("indicator_id", "measure", "unit", "derived",
                                                                  "quote"))
    suspects = any(m not in MEASURES or u != ("pct" if m in PCT_MEASURES else units.get(i))
                   for i, m, u in set(zip(ids, measures, unit))) \
        or not set(derived) <= {"true", "false"} or "" in map(str.strip, quotes)
    if not suspects:
        return
    for i, (indicator_id, measure, unit_, flag, quote) in enumerate(zip(ids, measures, unit, derived, quotes)):
        problem = _row_problem(indicator_id, measure, unit_, flag, not quote.strip(), units)
        if problem:
            raise _row_error(path, i, indicator_id, problem)


def _row_problem(indicator_id: str, measure: str, unit: str, derived: str, blank_quote: bool,
                 units: dict[str, str]) -> str:
    expected = units.get(indicator_id)
    if expected is None:
        close = difflib.get_close_matches(indicator_id, list(units), n=3)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        return f"unknown indicator_id {indicator_id!r} (not in indicators.csv){hint}"
    if measure not in MEASURES:
        return f"measure must be one of {list(MEASURES)}: got {measure!r}"
    if measure in PCT_MEASURES:
        expected = "pct"
    if unit != expected:
        return f"unit must be {expected!r} for measure {measure!r}: got {unit!r}"
    flag = derived.strip().lower()
    if flag not in _TRUE and flag not in _FALSE:
        return f"column 'derived' must be true or false: got {derived!r}"
    if flag in _FALSE and blank_quote:
        return "a printed row needs a verbatim quote"
    return ""


def _dates(path: Path, columns: dict[str, np.ndarray], column: str) -> np.ndarray:
    text = columns[column]
    try:
        days = np.array(text, dtype="datetime64[D]")
        if {len(day) for day in set(text)} <= {10}:  # strictly YYYY-MM-DD: numpy also takes "2025-01"
            return days
    except ValueError:
        pass
    _parse_dates(path, pd.DataFrame(columns), column)  # raises, naming the line
    raise AssertionError("unreachable")  # pragma: no cover


def _values(path: Path, columns: dict[str, np.ndarray]) -> np.ndarray:
    try:
        values = np.array(columns["value"], dtype=float)
        if np.isfinite(values).all():
            return values
    except ValueError:
        pass
    _parse_floats(path, pd.DataFrame(columns), "value")  # raises, naming the line
    raise AssertionError("unreachable")  # pragma: no cover


#: Columns whose values :func:`_typed_columns` checks, so that they cannot hold a comma.
_CHECKED_CODES = ("start", "end", "measure", "value", "unit", "derived")


def _typed_columns(path: Path, columns: dict[str, np.ndarray], units: dict[str, str],
                   nonnegative: frozenset[str]) -> dict[str, np.ndarray]:
    """Check the text columns of ``observations.csv``; return its typed ``start, end, value, derived``."""
    _check_rows(path, columns, units)
    start, end = _dates(path, columns, "start"), _dates(path, columns, "end")
    late = start > end
    if late.any():
        i = int(np.flatnonzero(late)[0])
        raise _row_error(path, i, columns["indicator_id"][i], f"start is after end: got {columns['end'][i]!r}")
    values = _values(path, columns)
    check_table(path, columns, values, nonnegative)
    derived = columns["derived"]
    if set(derived) <= {"true", "false"}:
        flags = derived == "true"
    else:
        flags = np.array([d.strip().lower() in _TRUE for d in derived], dtype=bool)
    return {"start": start.astype("datetime64[ns]"), "end": end.astype("datetime64[ns]"), "value": values,
            "derived": flags.astype(bool)}


def _read_observations(path: Path, units: dict[str, str], nonnegative: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Read, check and type ``observations.csv``.

    The file is parsed once by pandas' C parser as text and checked column-wise. When a
    check fails, the file is re-read line by line first: a structural fault (a line
    with a missing or extra field) explains the failure better than its symptom.
    """
    frame, data = read_frame(path, CONTRACT_COLUMNS)
    columns = {c: frame[c].to_numpy() for c in frame.columns}
    try:
        typed = _typed_columns(path, columns, units, nonnegative)
    except DataFileError:
        read_columns(path, CONTRACT_COLUMNS)  # raises if a line is the wrong width
        raise
    # after the checks: they make the coded columns comma-free; names the short line itself
    check_separators(path, data, list(frame.columns),
                     [values for name, values in columns.items() if name not in _CHECKED_CODES])
    for name, array in typed.items():
        frame.isetitem(frame.columns.get_loc(name), array)
    for name in EXTRA_COLUMNS:
        if name not in frame.columns:
            frame[name] = pd.Series("", index=frame.index, dtype="str")
    return frame


@lru_cache(maxsize=8)
def _observations_cached(key: tuple[str, int, int], catalogue_key: tuple[str, int, int]) -> pd.DataFrame:
    return _read_observations(Path(key[0]), _unit_map(catalogue_key), _nonnegative(catalogue_key))


def read_observations_file(path: Path) -> pd.DataFrame:
    """Read and check an observations table at any path against the current catalogue (no cache).

    ``ingest --apply`` checks the table it is about to write with it, so that the rows it
    adds pass exactly the checks :func:`observations` applies.

    Raises
    ------
    DataFileError
        As :func:`observations`, naming ``path``.
    """
    catalogue = file_key(curated_dir() / "indicators.csv")
    return _read_observations(Path(path), _unit_map(catalogue), _nonnegative(catalogue))


def national_observations() -> pd.DataFrame:
    """Return the rows of the GSO's national tables (``data/curated/national_observations.csv``),
    joined with the statistics office's releases after the tables end (``national_text_observations.csv``).

    Where a release gives a figure the tables lack, its row is added (``source_kind``
    public_text, the clause as ``quote``); a later month no release prints is derived from
    two years to date (``derived`` true, the formula as ``quote``); see
    :func:`lsreports.sources.national_join.join`.

    The same columns, types and checks as :func:`observations`; ``quote`` is the cell
    that holds the number (``<file>:<line>:<column>``), ``source_doc`` the vendored table.

    Raises
    ------
    DataFileError
        If the file is missing (``lsreports curate national`` builds it) or malformed.
    """
    path = curated_dir() / "national_observations.csv"
    if not path.exists():
        raise DataFileError(f"{path}: no national rows; build them with `lsreports curate national`")
    return _national_joined(file_key(path), file_key(curated_dir() / TEXT_ROWS_FILE),
                            file_key(curated_dir() / "indicators.csv")).copy(deep=False)


def national_text_observations() -> pd.DataFrame:
    """Return the releases' rows (empty, in the same columns, if the file is absent)."""
    path = curated_dir() / TEXT_ROWS_FILE
    if not path.exists():
        return pd.DataFrame(columns=["indicator_id", "start", "end", "measure", "value", "unit", "source_doc", "quote",
                                     "derived", "status", "flag", "note"])
    return _observations_cached(file_key(path), file_key(curated_dir() / "indicators.csv")).copy(deep=False)


@lru_cache(maxsize=4)
def _national_joined(key: tuple, texts_key: tuple, catalogue_key: tuple) -> pd.DataFrame:
    """The tables' rows joined with the releases' (issue 23: :mod:`lsreports.sources.national_join`)."""
    return join(_observations_cached(key, catalogue_key), national_text_observations())


#: Calls of :func:`observations` in this process, by whoever asked (:func:`observation_reads`).
_reads = {"all": 0, "declared": 0}


def observation_reads() -> tuple[int, int]:
    """How many times this process has asked for the province's table: ``(all, declared)``.

    ``declared`` counts the reads a caller announced with :func:`declared_read` (the flag table's
    own read). The chart store (:mod:`lsreports.publish.chart_store`) keys a chart by its inputs
    and the flag table, not by this table; it keeps no chart whose drawing read the table
    otherwise.
    """
    return _reads["all"], _reads["declared"]


def declared_read() -> pd.DataFrame:
    """:func:`observations`, counted as a read its caller declares (see :func:`observation_reads`)."""
    _reads["declared"] += 1
    return observations()


def observations() -> pd.DataFrame:
    """Return the printed rows of ``data/curated/observations.csv`` in the contract's shape.

    :func:`lsreports.observations` adds the derived rows on request.

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator_id, start, end, measure, value, unit, source_doc, quote,
        derived`` (``start``/``end`` as datetime64, ``value`` float, ``derived`` bool)
        followed by ``status, flag, note``.

    Raises
    ------
    DataFileError
        If ``observations.csv`` or ``indicators.csv`` is missing or malformed; the
        message names the file, the line and what was expected.
    """
    _reads["all"] += 1
    # A shallow copy is enough: under pandas' copy-on-write an edit to it copies the data first.
    return _observations_cached(file_key(curated_dir() / "observations.csv"),
                                file_key(curated_dir() / "indicators.csv")).copy(deep=False)


@lru_cache(maxsize=4)
def _targets_cached(key: tuple[str, int, int]) -> pd.DataFrame:
    path = Path(key[0])
    frame = _read_text_table(path, TARGET_COLUMNS)
    _fail_at(path, frame, frame["target_id"].duplicated(), "target_id listed twice", "target_id")
    _fail_at(path, frame, ~frame["kind"].isin(TARGET_KINDS), f"kind must be one of {sorted(TARGET_KINDS)}", "kind")
    _fail_at(path, frame, ~frame["bound"].isin(TARGET_BOUNDS), f"bound must be one of {sorted(TARGET_BOUNDS)}",
             "bound")
    _fail_at(path, frame, frame["quote"].str.strip() == "", "a target needs a verbatim quote")
    out = frame.copy()
    out["start"] = _parse_dates(path, frame, "start")
    out["end"] = _parse_dates(path, frame, "end")
    out["value"] = _parse_floats(path, frame, "value")
    out["value_high"] = _parse_floats(path, frame, "value_high", allow_empty=True)
    _fail_at(path, frame, (out["bound"] == "range") & out["value_high"].isna(), "a range needs value_high",
             "value_high")
    return out


def targets() -> pd.DataFrame:
    """Return the plans and targets the reports state outright (``data/curated/targets.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target_id, indicator_id, name_en, start, end, kind, value,
        value_high, unit, bound, source_doc, quote, note``.
    """
    return _targets_cached(file_key(curated_dir() / "targets.csv")).copy()


def reports() -> pd.DataFrame:
    """Return the manifest of source reports (``data/raw/reports.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per report: ``id, title, period_start, period_end`` (dates),
        ``report_date, issuer, text_quality, sha256`` and any further columns the
        manifest carries.

    Raises
    ------
    DataFileError
        If the manifest is missing or malformed (the message names the line).
    """
    path = data_dir() / "raw" / "reports.csv"
    frame = _read_text_table(path, ("id", "title", "period_start", "period_end", "report_date", "issuer",
                                    "text_quality", "sha256"))
    for column in ("period_start", "period_end"):
        frame[column] = _parse_dates(path, frame, column)
    return frame


def resolve_name(name: str, catalogue: pd.DataFrame | None = None, *, national: bool = False) -> list[str]:
    """Return the indicator ids a name stands for: a domain's ids, or the one id named.

    Parameters
    ----------
    name : str
        A domain (``"trade"``), ``"national"`` (every national series) or an indicator id
        (``"trade_total"``, ``"vn_retail_sales"``).
    catalogue : pandas.DataFrame, optional
        The catalogue with its national entries (default: :func:`indicators` ``(national=True)``).
    national : bool, default False
        With a domain, also return that domain's national series.

    Raises
    ------
    UnknownIndicatorError
        If ``name`` is neither a domain nor an indicator id; the message lists the
        closest domains and ids.
    """
    catalogue = indicators(national=True) if catalogue is None else catalogue
    ids = catalogue["indicator_id"]
    if name == "national":
        return ids.loc[ids.str.startswith(NATIONAL_PREFIX)].tolist()
    if name in DOMAINS:
        in_domain = catalogue["domain"] == name
        return ids.loc[in_domain & (national | ~ids.str.startswith(NATIONAL_PREFIX))].tolist()
    if name in set(ids):
        return [name]
    choices = list(DOMAINS) + ["national"] + ids.tolist()
    close = difflib.get_close_matches(name, choices, n=5, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownIndicatorError(
        f"{name!r} is neither a domain ({', '.join(DOMAINS)}), 'national', nor an indicator id in "
        f"indicators.csv.{hint}")
