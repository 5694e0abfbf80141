"""``lsreports derive`` and ``lsreports project``: derived rows, and year-end projections against plan."""
from __future__ import annotations

import argparse
import sys

import pandas as pd


def run_derive(args: argparse.Namespace) -> int:
    """Write the derived rows as CSV (contract columns, ``derivation``, ``formula``) to a file or stdout."""
    from ..analysis.derive import derived_rows
    from ..sources.loader import observations

    rows = derived_rows(observations())
    rows = rows.assign(start=rows["start"].dt.strftime("%Y-%m-%d"), end=rows["end"].dt.strftime("%Y-%m-%d"),
                       derived="true")
    if args.output in (None, "-"):
        rows.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        rows.to_csv(args.output, index=False, lineterminator="\n", encoding="utf-8")
        print(f"lsreports derive: {len(rows)} derived rows written to {args.output}", file=sys.stderr)
    return 0


def run_project(args: argparse.Namespace) -> int:
    """Print the year-end projections of the latest year to date of each indicator (and year) against its plan."""
    from ..analysis.projection import year_end_projections
    from ..sources.loader import observations

    table = year_end_projections(observations(), args.year)
    if args.csv:  # every indicator: target columns empty where no plan is printed
        _write_csv(table)
        return 0
    if not args.all:
        table = table.loc[table["target_kind"] != ""]
    if table.empty:
        print(f"lsreports project: no year-to-date levels{f' for {args.year}' if args.year else ''}")
        return 0
    _print_table(table)
    return 0


def _write_csv(table: pd.DataFrame) -> None:
    from ..analysis.projection import CSV_COLUMNS

    out = table[CSV_COLUMNS].assign(ytd_start=table["ytd_start"].dt.strftime("%Y-%m-%d"),
                                    ytd_end=table["ytd_end"].dt.strftime("%Y-%m-%d"))
    out.to_csv(sys.stdout, index=False, lineterminator="\n", float_format="%.6g")


def _print_table(table: pd.DataFrame) -> None:
    def num(v: float) -> str:
        return "" if pd.isna(v) else f"{v:,.1f}"

    shown = pd.DataFrame({
        "indicator": table["indicator_id"], "year": table["year"], "to": table["ytd_end"].dt.strftime("%Y-%m-%d"),
        "ytd": table["ytd_value"].map(num), "unit": table["unit"], "method": table["method"],
        "projection": table["projection"].map(num), "lower": table["lower"].map(num),
        "upper": table["upper"].map(num), "pro-rata": table["prorata_projection"].map(num),
        "target": table["target_kind"], "of target %": table["projected_pct_of_target"].map(num),
        "verdict": table["verdict"]})
    with pd.option_context("display.width", 220, "display.max_rows", 500):
        print(shown.to_string(index=False))
    reasons = table.loc[table["method"] != "growth"].drop_duplicates(["indicator_id", "year"])["reason"]
    if len(reasons):
        print("\ngrowth-based nowcast not applied:")
        for reason, count in reasons.value_counts().items():
            print(f"  {count:3d} x {reason}")
    from ..analysis.uncertainty import VERDICT_RULE
    print(f"\nverdicts: {VERDICT_RULE}")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``derive`` and ``project`` to the command line."""
    derive = subparsers.add_parser("derive", help="write the rows the printed figures imply, as CSV")
    derive.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    derive.set_defaults(func=run_derive)
    project = subparsers.add_parser("project", help="print year-end projections against the plan")
    project.add_argument("--year", type=int, help="only years to date of this year (default: every year)")
    project.add_argument("--all", action="store_true", help="also indicators with no plan or estimate printed")
    project.add_argument("--csv", action="store_true",
                         help="machine-readable CSV on standard output (columns documented in the README)")
    project.set_defaults(func=run_project)
