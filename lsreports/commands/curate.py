"""``lsreports curate check|gaps``: the curator's checks on the observations table."""
from __future__ import annotations

import argparse

import pandas as pd


def run_check(args: argparse.Namespace) -> int:
    """Load the observations (the table checks) and check every quote against its report (the provenance checks).

    Errors and notes name the line as an editor counts it; only errors fail the check.
    """
    from ..sources.csvread import record_lines
    from ..sources.loader import observations
    from ..sources.paths import curated_dir
    from ..sources.provenance import quote_problems

    obs = observations()
    problems = quote_problems(obs)
    lines = record_lines(curated_dir() / "observations.csv") if len(problems) else []
    for problem in problems.itertuples():
        prefix = "note: " if problem.severity == "note" else ""
        print(f"{prefix}line {lines[problem.row]} ({problem.indicator_id}, {problem.source_doc}): {problem.problem}: "
              f"{problem.quote[:80]!r}")
    errors = int((problems["severity"] == "error").sum())
    notes = len(problems) - errors
    print(f"curate check: {len(obs)} rows, {errors} problems" + (f", {notes} notes" if notes else ""))
    return 1 if errors else 0


def run_gaps(args: argparse.Namespace) -> int:
    """Print the sentences of a report whose numbers no curated row quotes."""
    from ..sources.loader import observations
    from ..sources.provenance import uncovered_numbers

    gaps = uncovered_numbers(args.doc, observations())
    with pd.option_context("display.max_colwidth", None):
        for row in gaps.itertuples():
            print(f"[{row.numbers}] {row.sentence[:args.width]}")
    print(f"curate gaps: {len(gaps)} sentences of {args.doc} print numbers no row quotes")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``curate check`` and ``curate gaps`` to the command line."""
    parser = subparsers.add_parser("curate", help="check curated rows against their sources")
    actions = parser.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="validate the table and every quote")
    check.set_defaults(func=run_check)
    gaps = actions.add_parser("gaps", help="list sentences of a report with numbers no row quotes")
    gaps.add_argument("doc", help="report id, e.g. 000_2429f5525668702d")
    gaps.add_argument("--width", type=int, default=300, help="characters of each sentence to show")
    gaps.set_defaults(func=run_gaps)
