"""``lsreports derive`` and ``lsreports project``: derived rows, and year-end projections against plan."""
from __future__ import annotations

import argparse
import sys

import pandas as pd


def _write_csv(frame: pd.DataFrame, output: str | None, command: str, what: str) -> None:
    """Write ``frame`` as inert CSV to standard output, or atomically to ``output`` (never under data/)."""
    from ..sources.excel_text import inert_csv
    from ..sources.atomic import write_text_atomic
    from ..sources.outputs import check_output_path

    if output in (None, "-"):
        sys.stdout.write(inert_csv(frame))
        return
    write_text_atomic(check_output_path(output), inert_csv(frame))
    print(f"lsreports {command}: {len(frame)} {what} written to {output}", file=sys.stderr)


def _too_little(obs: pd.DataFrame) -> str:
    """Say why a table yields nothing: no rows at all, or too few to combine."""
    if obs.empty:
        return "observations.csv has no rows"
    return (f"the {len(obs)} rows ({obs['indicator_id'].nunique()} indicators, {obs['source_doc'].nunique()} "
            "reports) hold no level beside a rate, no parts beside a total")


def run_derive(args: argparse.Namespace) -> int:
    """Write the derived rows as CSV (contract columns, ``derivation``, ``formula``) to a file or stdout."""
    from ..analysis.derive import DERIVED_COLUMNS, derived_rows
    from ..sources.references import listed_observations

    if args.output not in (None, "-"):
        from ..sources.outputs import check_output_path

        check_output_path(args.output)  # before the work, so that a refusal is immediate
    obs = listed_observations()
    rows = derived_rows(obs) if not obs.empty else pd.DataFrame(columns=list(DERIVED_COLUMNS))
    if rows.empty:
        print(f"lsreports derive: no derived rows: {_too_little(obs)}", file=sys.stderr)
    else:
        rows = rows.assign(start=rows["start"].dt.strftime("%Y-%m-%d"), end=rows["end"].dt.strftime("%Y-%m-%d"),
                           derived="true")
    _write_csv(rows, args.output, "derive", "derived rows")
    return 0


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    """The projection table as printed: rounded figures, empty cells for missing ones."""
    def num(v: float) -> str:
        return "" if pd.isna(v) else f"{v:,.1f}"

    return pd.DataFrame({
        "indicator": table["indicator_id"], "year": table["year"], "to": table["ytd_end"].dt.strftime("%Y-%m-%d"),
        "ytd": table["ytd_value"].map(num), "unit": table["unit"], "method": table["method"],
        "projection": table["projection"].map(num), "lower": table["lower"].map(num),
        "upper": table["upper"].map(num), "pro-rata": table["prorata_projection"].map(num),
        "target": table["target_kind"], "of target %": table["projected_pct_of_target"].map(num),
        "verdict": table["verdict"]})


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(ytd_start=table["ytd_start"].dt.strftime("%Y-%m-%d"),
                        ytd_end=table["ytd_end"].dt.strftime("%Y-%m-%d"))


def run_project(args: argparse.Namespace) -> int:
    """Print the year-end projections of the latest year to date of each indicator (and year) against its plan."""
    from ..analysis.yearend.projection import CSV_COLUMNS, curated_national, year_end_projections
    from ..analysis.yearend.uncertainty import VERDICT_RULE
    from ..sources.loader import observations

    if args.output not in (None, "-"):
        from ..sources.outputs import check_output_path

        check_output_path(args.output)
    obs = observations()
    table = year_end_projections(obs, args.year, national=curated_national()) if not obs.empty else pd.DataFrame()
    if not table.empty:  # the flags each projection rests on travel with it
        from ..analysis.checks.flags import annotate_projections, flag_table

        table = annotate_projections(table, flag_table(obs, national=False))
    if args.csv:  # the documented columns, every indicator: target columns empty where no plan is printed
        out = _dated(table)[CSV_COLUMNS] if not table.empty else pd.DataFrame(columns=CSV_COLUMNS)
        _write_csv(out.round(6), args.output, "project", "projections")
        return 0
    if table.empty:
        print(f"lsreports project: no year-to-date levels{f' for {args.year}' if args.year else ''}"
              f"{' (observations.csv has no rows)' if obs.empty else ''}")
        return 0
    if not args.all:
        table = table.loc[table["target_kind"] != ""]
        if table.empty:
            print("lsreports project: no year to date has a plan or budget estimate printed; "
                  "lsreports project --all shows the projections without one")
            return 0
    if args.output:
        _write_csv(_dated(table), args.output, "project", "projections")
        return 0
    with pd.option_context("display.width", 220, "display.max_rows", 500):
        print(_shown(table).to_string(index=False))
    reasons = table.loc[table["method"] != "growth"].drop_duplicates(["indicator_id", "year"])["reason"]
    if len(reasons):
        print("\ngrowth-based nowcast not applied:")
        for reason, count in reasons.value_counts().items():
            print(f"  {count:3d} x {reason}")
    print(f"\nverdicts: {VERDICT_RULE}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``derive`` and ``project`` to the command line."""
    derive = subparsers.add_parser("derive", help="write the rows the printed figures imply, as CSV")
    derive.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    derive.set_defaults(func=run_derive)
    project = subparsers.add_parser("project", help="print year-end projections against the plan")
    project.add_argument("--year", type=int, help="only years to date of this year (default: every year)")
    project.add_argument("--all", action="store_true", help="also indicators with no plan or estimate printed")
    project.add_argument("-o", "--output", metavar="FILE", help="write the projections as CSV to this file")
    project.add_argument("--csv", action="store_true",
                         help="the documented columns as CSV (standard output, or -o FILE); see the README")
    project.set_defaults(func=run_project)
