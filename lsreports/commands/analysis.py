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
    """Print the year-end projections of the latest year to date of each indicator against its plan."""
    from ..sources.loader import observations
    from ..analysis.projection import year_end_projections

    table = year_end_projections(observations(), args.year)
    if table.empty:
        print(f"lsreports project: no year-to-date levels{f' for {args.year}' if args.year else ''}")
        return 0
    if not args.all:
        table = table.loc[table["target_kind"] != ""]
    shown = pd.DataFrame({
        "indicator": table["indicator_id"], "to": table["ytd_end"].dt.strftime("%Y-%m-%d"),
        "ytd": table["ytd_value"].map("{:,.1f}".format), "unit": table["unit"],
        "pro-rata": table["prorata_projection"].map("{:,.1f}".format),
        "seasonal": table["seasonal_projection"].map(lambda v: "" if pd.isna(v) else f"{v:,.1f}"),
        "target": table["target_kind"],
        "of target %": table["projected_pct_of_target"].map(lambda v: "" if pd.isna(v) else f"{v:.1f}"),
        "method": table["method"]})
    with pd.option_context("display.width", 200, "display.max_rows", 500):
        print(shown.to_string(index=False))
    reasons = table.loc[table["method"] == "pro_rata", "reason"].value_counts()
    if len(reasons):
        print("\nseasonal share not applied:")
        for reason, count in reasons.items():
            print(f"  {count:3d} x {reason}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``derive`` and ``project`` to the command line."""
    derive = subparsers.add_parser("derive", help="write the rows the printed figures imply, as CSV")
    derive.add_argument("-o", "--output", metavar="FILE", help="output file (default: standard output)")
    derive.set_defaults(func=run_derive)
    project = subparsers.add_parser("project", help="print year-end projections against the plan")
    project.add_argument("--year", type=int, help="only years to date of this year (default: every year)")
    project.add_argument("--all", action="store_true", help="also indicators with no plan or estimate printed")
    project.set_defaults(func=run_project)
