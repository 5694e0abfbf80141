"""One flag table: every finding of every check, in one tidy frame.

Families (column ``family``):

- ``curated``: the flags recorded by hand in the curated rows' ``flag`` column (with their
  ``note``), and the breaks of basis (:mod:`lsreports.analysis.checks.breaks`, check
  ``break_of_basis``);
- ``consistency``: :func:`lsreports.analysis.checks.consistency.consistency_flags` (its
  ``curated_flag`` rows are the ``curated`` family here), and prints of one figure that
  disagree beyond rounding (check ``prints_disagree``, :mod:`lsreports.sources.prints`);
- ``vintage``: the spans of months implied by combining reports that do not fit the
  series' other months (:func:`lsreports.analysis.checks.vintages.vintage_spans`);
- ``national``: the checks of the country's table cells (``data/curated/national_flags.csv``);
- ``plausibility``: year ends outside what earlier years show, and the one-off receipts a
  report names beside one (:mod:`lsreports.analysis.yearend.plausibility`).

Each row has ``check``, ``severity`` (``error``, ``warning`` or ``note``), ``indicator_id``,
the period (``start``, ``end``), the rows it concerns (``source_doc``: the reports, or the
national table; ``key``: the measure, or the table cells), ``evidence`` with the arithmetic
and ``reason``, a sentence in words for readers. :func:`flags_for` selects the flags a
figure built from an indicator's period rests on, and :func:`flag_summary` writes them
in one line (``vintage: implied span 2025-06; curated: ...``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ...sources.national_join import overlap_flags
from ...sources.periods import period_label
from ..memo import FrameMemo

#: The columns of the flag table, in order.
FLAG_TABLE_COLUMNS: list[str] = ["family", "check", "severity", "indicator_id", "start", "end", "source_doc", "key",
                                 "evidence", "reason"]
#: The families, in the order :func:`flag_summary` and ``lsreports summary`` list them.
FAMILIES: tuple[str, ...] = ("curated", "consistency", "vintage", "national", "plausibility")
#: The national checks' severities in the table's three words.
NATIONAL_SEVERITY: dict[str, str] = {"error": "error", "gap": "warning", "repeated": "warning",
                                     "revision": "note", "normalised": "note"}
#: What each consistency check means, in words (its detail follows).
CONSISTENCY_REASONS: dict[str, str] = {
    "parts_vs_total": "The parts printed do not add up to the total printed",
    "part_rates": "The total's growth lies outside its parts' growth rates, which it must lie between",
    "month_vs_ytd": "A month's level is larger than the year to date that contains it",
    "implied_plan": "The rows of one year imply different annual plans",
    "plan_parts": "The plans implied for the parts do not add up to the total's",
    "unit_anomaly": "A level looks printed in the wrong unit",
    "implied_vs_printed": "A level implied by a growth rate in one report differs from the one printed in another",
    "prints_disagree": "Two reports print this figure differently",
}
#: What each national check means, in words.
NATIONAL_REASONS: dict[str, str] = {
    "growth_against_levels": "the printed growth rate does not match the levels (a revision between releases)",
    "ytd_sums": "the months do not add up to the year to date",
    "misplaced_cumulative": "a year-to-date figure sits in a month's cell",
    "missing_months": "months are missing from the table",
    "repeated_month": "a month's figures repeat the month before",
    "growth_convention": "the growth rate follows another convention",
    "spot_check": "the cell differs from the release it was checked against",
}


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=FLAG_TABLE_COLUMNS)


def curated_family(obs: pd.DataFrame) -> pd.DataFrame:
    """The hand-recorded flags of the curated rows, and the breaks of basis."""
    from .breaks import break_flags

    flagged = obs.loc[~obs["derived"].astype(bool) & (obs["flag"].fillna("").astype(str) != "")]
    rows = [{"family": "curated", "check": r.flag, "severity": "warning", "indicator_id": r.indicator_id,
             "start": r.start, "end": r.end, "source_doc": r.source_doc, "key": r.measure,
             "evidence": f"{r.measure} {r.value:g} ({r.source_doc}): “{r.quote}”",
             "reason": f"{str(r.flag).replace('_', ' ').capitalize()}: {r.note if isinstance(r.note, str) else ''}"}
            for r in flagged.itertuples(index=False)]
    breaks = break_flags(obs)
    rows += [{"family": "curated", "check": "break_of_basis", "severity": "warning", "indicator_id": r.indicator_id,
              "start": r.start, "end": r.end, "source_doc": r.source_doc, "key": r.measure,
              "evidence": f"{r.measure} {r.value:g} ({r.source_doc}) is on the old basis ({r.old_basis})",
              "reason": f"A change of basis: {r.reason}."} for r in breaks.itertuples(index=False)]
    return _frame(rows)


def consistency_family(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The consistency checks' flags (less their copy of the curated flags), and disagreeing prints."""
    from ...sources.prints import print_disagreements
    from .consistency import consistency_flags

    flags = consistency_flags(obs, catalogue)
    flags = flags.loc[flags["check"] != "curated_flag"]
    rows = [{"family": "consistency", "check": r.check, "severity": "note" if r.severity == "info" else r.severity,
             "indicator_id": r.indicator_id, "start": r.start, "end": r.end, "source_doc": r.source_docs,
             "key": r.period, "evidence": f"{r.detail}" + (f" | {r.evidence}" if r.evidence else ""),
             "reason": f"{CONSISTENCY_REASONS.get(r.check, r.check.replace('_', ' ').capitalize())}: {r.detail}."}
            for r in flags.itertuples(index=False)]
    for r in print_disagreements(obs).itertuples(index=False):
        gap = f"{r.gap:+.2f} points" if r.unit == "pct" else f"{r.gap:+.1%}"
        rows.append({"family": "consistency", "check": "prints_disagree", "severity": "warning",
                     "indicator_id": r.indicator_id, "start": r.start, "end": r.end,
                     "source_doc": f"{r.preferred_doc}, {r.source_doc}", "key": r.measure,
                     "evidence": f"{r.measure} {r.preferred_value:g} ({r.preferred_doc}, preferred) vs {r.value:g} "
                                 f"({r.source_doc}): {gap}",
                     "reason": f"Two reports print this figure differently: {r.preferred_value:g} in "
                               f"{r.preferred_doc} (shown) and {r.value:g} in {r.source_doc} ({gap})."})
    return _frame(rows)


_DOC = re.compile(r"\(([^()]*)\)\s*$")


def _docs(*sources: str) -> str:
    found = [m.group(1) for s in sources if (m := _DOC.search(str(s)))]
    return ", ".join(dict.fromkeys(found))


def vintage_family(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """The flagged spans of :func:`~lsreports.analysis.checks.vintages.vintage_spans`."""
    from .vintages import vintage_spans

    flows = set(catalogue.loc[catalogue["kind"] == "flow", "indicator_id"]) if "kind" in catalogue else None
    spans = vintage_spans(obs, flows=flows)
    spans = spans.loc[spans["flagged"]]
    rows = []
    for r in spans.itertuples(index=False):
        label = period_label(r.span_start, r.span_end) if r.months == 1 else \
            f"{r.span_start:%Y-%m} to {r.span_end:%Y-%m}"
        rows.append({"family": "vintage", "check": "implied_span", "severity": "warning",
                     "indicator_id": r.indicator_id, "start": r.span_start, "end": r.span_end,
                     "source_doc": _docs(r.earlier_from, r.later_from), "key": "value", "evidence": r.evidence,
                     "reason": f"Combining the reports implies {r.span_monthly:,.0f} a month for {label}, "
                               f"{r.ratio_other:.1f} times the year's other months: the reports' figures do not fit "
                               "together as one series (a revision, a change of coverage, a typo or a real surge), "
                               "and a figure built on them is in doubt."})
    return _frame(rows)


def national_family() -> pd.DataFrame:
    """The national checks stored in ``data/curated/national_flags.csv`` (empty without the file).

    Kept for as long as the files it reads are unchanged (path, modification time and size of the
    flags, the national tables, the releases' rows and the catalogue): every chart of a briefing asks.
    """
    from ...sources.national_join import TEXT_ROWS_FILE
    from ...sources.paths import curated_dir, file_key

    folder = curated_dir()
    keys = tuple(file_key(folder / name) for name in ("national_flags.csv", "national_observations.csv",
                                                      TEXT_ROWS_FILE, "indicators.csv"))
    return _national_family(keys).copy()


@lru_cache(maxsize=4)
def _national_family(keys: tuple[tuple[str, int, int], ...]) -> pd.DataFrame:
    path = Path(keys[0][0])
    if not path.exists():
        return _frame([])
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    from .level_errors import level_error_spans

    spans = level_error_spans(table)
    levels = pd.DataFrame({"family": "national", "check": "unresolved_level_error", "severity": "error",
                           "indicator_id": spans["indicator_id"], "start": spans["start"], "end": spans["end"],
                           "source_doc": "national_flags.csv", "key": "growth_against_levels",
                           "evidence": spans["months"].astype(str) + " months in error",
                           "reason": "The country's table: " + spans["reason"] + "; kept out of model fits (or the "
                                     "fit is flagged)."}, columns=FLAG_TABLE_COLUMNS)
    cells = pd.DataFrame({
        "family": "national", "check": table["check"], "severity": table["severity"].map(NATIONAL_SEVERITY).fillna("note"),
        "indicator_id": table["indicator_id"], "start": pd.to_datetime(table["start"]),
        "end": pd.to_datetime(table["end"]), "source_doc": table["cells"].str.split(":").str[0],
        "key": table["cells"], "evidence": table["evidence"],
        "reason": ("The country's table: " + table["check"].map(NATIONAL_REASONS).fillna(table["check"]) + "."),
    }, columns=FLAG_TABLE_COLUMNS)
    return pd.concat([cells, levels, releases_against_tables()], ignore_index=True)


def releases_against_tables() -> pd.DataFrame:
    """The national releases (public texts) that disagree beyond revision with the table or each other."""
    from ...sources.loader import national_text_observations, read_observations_file
    from ...sources.paths import curated_dir

    texts = national_text_observations()
    if texts.empty:
        return _frame([])
    return overlap_family(overlap_flags(read_observations_file(curated_dir() / "national_observations.csv"), texts))


def overlap_family(overlaps: pd.DataFrame) -> pd.DataFrame:
    """Flag rows (family ``national``) for :func:`lsreports.sources.national_join.overlap_flags`' findings."""
    rows = []
    for r in overlaps.itertuples(index=False):
        level = r.measure == "value"
        gap = f"{r.difference:+.1%}" if level else f"{r.difference:+.2f} points"
        other = "the GSO table" if r.flag == "text_vs_table" else "another release"
        rows.append({"family": "national", "check": r.flag, "severity": "warning", "indicator_id": r.indicator_id,
                     "start": r.start, "end": r.end, "source_doc": f"{r.text_doc}; {r.other_doc}",
                     "key": f"{r.indicator_id} {r.measure}",
                     "evidence": f"{r.text_value:g} ({r.text_doc}) against {r.other_value:g} ({r.other_doc}): {gap}",
                     "reason": f"The statistics office's release printed {r.text_value:g} where {other} has "
                               f"{r.other_value:g} ({gap}), more than a revision explains."})
    return _frame(rows)


def plausibility_family(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Year ends outside what earlier years show, and one-off receipts named beside them."""
    from ..yearend.projection import curated_national, year_end_projections

    projections = year_end_projections(obs, catalogue=catalogue.set_index("indicator_id"),
                                       national=curated_national()).drop_duplicates(
        ["indicator_id", "year", "ytd_end"])
    rows = []
    for r in projections.itertuples(index=False):
        for check, text, severity in (("implausible_year_end", r.plausibility, "warning"),
                                      ("one_off_or_dominant_part", r.one_off, "note")):
            if isinstance(text, str) and text:
                rows.append({"family": "plausibility", "check": check, "severity": severity,
                             "indicator_id": r.indicator_id, "start": r.ytd_start,
                             "end": pd.Timestamp(year=int(r.year), month=12, day=31), "source_doc": r.source_doc,
                             "key": "year end", "evidence": f"{r.formula}; pro rata {r.prorata_projection:,.6g}",
                             "reason": f"The year end {r.projection:,.0f} is in doubt: {text}." if
                             check == "implausible_year_end" else f"Beside the year end: {text}."})
    return _frame(rows)


def flag_table(obs: pd.DataFrame | None = None, catalogue: pd.DataFrame | None = None, *,
               national: bool = True) -> pd.DataFrame:
    """Return every finding of every check in one frame (:data:`FLAG_TABLE_COLUMNS`).

    Parameters
    ----------
    obs, catalogue : pandas.DataFrame, optional
        Printed observations and the indicator catalogue; default to the curated tables.
    national : bool, default True
        Include the ``national`` family (the country's table checks, about 3,300 rows).

    Returns
    -------
    pandas.DataFrame
        One row per finding, families in :data:`FAMILIES` order, then indicator and period.
        Kept by content of ``obs`` and ``catalogue`` (callers get a copy).
    """
    from ...sources.loader import declared_read, indicators

    obs = declared_read() if obs is None else obs  # declared: a chart's stored key holds the flag table
    catalogue = indicators() if catalogue is None else catalogue
    table = _TABLE_MEMO.get(lambda: _province_flags(obs, catalogue), obs, catalogue)
    if national:
        table = pd.concat([table, national_family()], ignore_index=True)
    order = table["family"].map({f: i for i, f in enumerate(FAMILIES)}).fillna(len(FAMILIES))
    table = table.assign(start=pd.to_datetime(table["start"]), end=pd.to_datetime(table["end"]))
    return table.assign(_o=order).sort_values(["_o", "indicator_id", "end", "start"], kind="stable").drop(
        columns="_o").reset_index(drop=True)


#: Recent province flag tables, by content of the observations and catalogue.
_TABLE_MEMO = FrameMemo(name="checks.province_flags")


def _province_flags(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    frames = [curated_family(obs), consistency_family(obs, catalogue), vintage_family(obs, catalogue),
              plausibility_family(obs, catalogue)]
    table = pd.concat([f for f in frames if not f.empty] or [_frame([])], ignore_index=True)
    return table.assign(start=pd.to_datetime(table["start"]), end=pd.to_datetime(table["end"]))


def flags(indicator: str | None = None, *, national: bool = True) -> pd.DataFrame:
    """Return every finding of every check on the curated data, in one tidy frame.

    Parameters
    ----------
    indicator : str, optional
        Keep the flags of one indicator id.
    national : bool, default True
        Include the checks of the country's table cells (family ``national``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FLAG_TABLE_COLUMNS`: ``family`` (``curated``, ``consistency``,
        ``vintage``, ``national``, ``plausibility``), ``check``, ``severity`` (``error``,
        ``warning``, ``note``), ``indicator_id``, ``start``/``end``, ``source_doc`` and
        ``key`` (the rows concerned), ``evidence`` with the arithmetic and ``reason`` in words.

    Examples
    --------
    >>> import lsreports as ls
    >>> sorted(ls.flags()["family"].unique())
    ['consistency', 'curated', 'national', 'plausibility', 'vintage']
    """
    table = flag_table(national=national)
    return table if indicator is None else table.loc[table["indicator_id"] == indicator].reset_index(drop=True)


def flags_for(flags: pd.DataFrame, indicator_id: str, start: pd.Timestamp, end: pd.Timestamp,
              source_doc: str | None = None, families: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The flags a figure of ``indicator_id`` over ``start..end`` rests on: those whose period overlaps it.

    Parameters
    ----------
    flags : pandas.DataFrame
        The flag table (:func:`flag_table`).
    indicator_id : str
    start, end : pandas.Timestamp
        The span of the inputs (for a year end: 1 January of the year before to the end
        of the year to date, the periods a growth-based nowcast reads).
    source_doc : str, optional
        Keep a ``curated`` or ``consistency`` flag only when it names this report (the
        other families concern the series, whichever report printed the figure).
    families : tuple of str, optional
        Keep only these families.
    """
    hit = (flags["indicator_id"] == indicator_id) & (flags["start"] <= pd.Timestamp(end)) & \
        (flags["end"] >= pd.Timestamp(start))
    if source_doc is not None:
        per_row = flags["family"].isin(["curated", "consistency"])
        hit &= ~per_row | flags["source_doc"].astype(str).str.contains(source_doc, regex=False)
    if families is not None:
        hit &= flags["family"].isin(families)
    return flags.loc[hit]


def figure_flags(flags: pd.DataFrame, row: dict | pd.Series) -> pd.DataFrame:
    """The flags a shown figure (an observation row) carries, beyond its own curated ``flag``.

    - ``consistency`` and the curated ``break_of_basis``: same indicator and report, period overlapping;
    - ``vintage``: same indicator, the report among those the span combines, the span within the
      figure's period or the year before it (a growth rate's base);
    - ``national``: the figure's table cell (its ``quote``) among the flag's cells.

    For many figures against one table, :class:`FigureFlags` prepares the table once.
    """
    return FigureFlags(flags.loc[flags["indicator_id"] == row["indicator_id"]]).of(row)


class FigureFlags:
    """A flag table prepared for :func:`figure_flags` on many figures: split by indicator once, each
    part's columns as arrays, so a chart of 300 months asks 300 times in milliseconds, not a second."""

    def __init__(self, flags: pd.DataFrame) -> None:
        self.flags = flags
        self._parts = {indicator: self._arrays(part) for indicator, part in flags.groupby("indicator_id", sort=False)}

    @staticmethod
    def _arrays(part: pd.DataFrame) -> dict:
        family, check = part["family"].to_numpy(dtype=object), part["check"].to_numpy(dtype=object)
        return {"part": part, "start": part["start"].to_numpy(dtype="datetime64[ns]"),
                "end": part["end"].to_numpy(dtype="datetime64[ns]"),
                "docs": part["source_doc"].astype(str).tolist(), "keys": part["key"].astype(str).tolist(),
                "per_report": (family == "consistency") | (check == "break_of_basis"),
                "vintage": family == "vintage", "national": family == "national"}

    def of(self, row: dict | pd.Series) -> pd.DataFrame:
        """The rows of the table the figure ``row`` carries (the rule of :func:`figure_flags`)."""
        arrays = self._parts.get(row["indicator_id"])
        if arrays is None:
            return self.flags.iloc[0:0]
        return arrays["part"].loc[self._mask(arrays, row)]

    def reasons(self, row: dict | pd.Series) -> list[str]:
        """:func:`flag_reasons` of :meth:`of`."""
        return flag_reasons(self.of(row))

    @staticmethod
    def _mask(arrays: dict, row: dict | pd.Series) -> np.ndarray:
        doc, quote = str(row.get("source_doc", "")), str(row.get("quote", ""))
        start, end = pd.Timestamp(row["start"]), pd.Timestamp(row["end"])
        names_doc = np.array([doc in d for d in arrays["docs"]], dtype=bool) if doc else False
        overlaps = (arrays["start"] <= end.to_datetime64()) & (arrays["end"] >= start.to_datetime64())
        year_before = (arrays["start"] <= end.to_datetime64()) & (
            arrays["end"] >= (start - pd.DateOffset(years=1)).to_datetime64())
        national = arrays["national"] & np.array([quote in k for k in arrays["keys"]], dtype=bool) \
            if quote else False
        return (arrays["per_report"] & names_doc & overlaps) | (arrays["vintage"] & names_doc & year_before) | national


def flag_summary(flags: pd.DataFrame) -> str:
    """The flags in one line: ``family: check period`` each, ``; ``-separated ('' for none)."""
    parts = [f"{r.family}: {r.check.replace('_', ' ')} {period_label(r.start, r.end)}"
             for r in flags.itertuples(index=False)]
    return "; ".join(dict.fromkeys(parts))


def flag_reasons(flags: pd.DataFrame) -> list[str]:
    """The flags' reasons in words, each once, in order."""
    return list(dict.fromkeys(str(r) for r in flags["reason"] if isinstance(r, str) and r))


def checked_projections(obs: pd.DataFrame | None = None, year: int | None = None) -> pd.DataFrame:
    """Year-end projections as a briefing shows them: checked for plausibility against the country's
    series (:func:`~lsreports.analysis.yearend.projection.curated_national`) and carrying the flags
    they rest on (:func:`annotate_projections`: ``flags``, ``flag_reason``, an "in doubt" verdict)."""
    from ...sources.loader import observations
    from ..yearend.projection import curated_national, year_end_projections

    obs = observations() if obs is None else obs
    return annotate_projections(year_end_projections(obs, year, national=curated_national()),
                                flag_table(obs, national=False))


def projection_inputs_flags(r: tuple, flags: pd.DataFrame) -> pd.DataFrame:
    """The flags one year-end projection (a row of the projections) rests on.

    A projection reads the year to date and, growth-based, last year's same period and whole
    year: every flag of the indicator from 1 January of the year before (of the year, for
    pro-rata) to the end of the year to date counts, and the projection's own ``plausibility`` flags.
    """
    first = pd.Timestamp(year=int(r.year) - (1 if r.method == "growth" else 0), month=1, day=1)
    hits = flags_for(flags, r.indicator_id, first, r.ytd_end, families=("curated", "consistency", "vintage"))
    own = flags_for(flags, r.indicator_id, r.ytd_start, r.ytd_start, families=("plausibility",))
    return pd.concat([hits, own])


def annotate_projections(projections: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """Give each year-end projection the flags it rests on, and say so in its verdict.

    Returns
    -------
    pandas.DataFrame
        ``projections`` with ``flags`` (:func:`flag_summary`, '' for none) and
        ``flag_reason`` (the reasons in words); a verdict resting on a flagged input reads
        e.g. "likely, but the inputs are in doubt: …" in ``verdict_text``.
    """
    return _ANNOTATED_MEMO.get(lambda: _annotated(projections, flags), projections, flags)


#: Recent annotated projections (every briefing's headline and the trends page ask), by content.
_ANNOTATED_MEMO = FrameMemo(name="checks.annotated_projections")


def _annotated(projections: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    summaries, reasons, texts = [], [], []
    for r in projections.itertuples(index=False):
        hits = projection_inputs_flags(r, flags) if r.method != "not_projected" else flags.iloc[0:0]
        words = flag_reasons(hits)
        summaries.append(flag_summary(hits))
        reasons.append(" ".join(words))
        text = r.verdict_text if isinstance(r.verdict_text, str) else ""
        if words and isinstance(r.verdict, str) and r.verdict:
            text = text.replace(r.verdict, f"{r.verdict}, but the inputs are in doubt ({len(words)} "
                                           f"flag{'s' if len(words) > 1 else ''})", 1)
        texts.append(text)
    return projections.assign(flags=summaries, flag_reason=reasons, verdict_text=texts)


__all__ = ["FLAG_TABLE_COLUMNS", "FAMILIES", "flags", "flag_table", "figure_flags", "FigureFlags", "flags_for", "flag_summary", "flag_reasons",
           "annotate_projections", "checked_projections", "projection_inputs_flags", "curated_family", "consistency_family", "vintage_family", "national_family",
           "plausibility_family"]
