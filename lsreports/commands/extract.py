"""``lsreports extract`` and ``lsreports ingest``: figures from a new report, reviewed before they land."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path


def run_extract(args: argparse.Namespace) -> int:
    """Write candidate rows of a report as CSV (standard output without ``-o``)."""
    from ..extract import ReportMonthError, ReportTextError, extract_file
    from ..sources.atomic import write_atomic
    from ..sources.outputs import check_output_path

    if args.output:
        check_output_path(args.output, inputs=(args.report,))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rows = extract_file(args.report, args.doc_id, args.month)
    except (ReportTextError, ReportMonthError) as exc:
        print(f"lsreports extract: error: {exc}", file=sys.stderr)
        return 2
    for warning in caught:
        print(f"lsreports extract: warning: {warning.message}", file=sys.stderr)
    rows = rows.assign(derived=rows["derived"].map({True: "true", False: "false"}))
    if args.output:
        write_atomic(Path(args.output), lambda handle: rows.to_csv(handle, index=False))
        print(f"wrote {len(rows)} candidate rows to {args.output}", file=sys.stderr)
    else:
        rows.to_csv(sys.stdout, index=False)
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    """Write a review file of a report's candidates, or apply a reviewed file."""
    from ..extract import ReportMonthError, ReportTextError, extract_file
    from ..extract.review import ReviewError, apply_review, review_candidates, write_review
    from ..sources.loader import observations
    from ..sources.outputs import check_output_path

    if args.review:
        check_output_path(args.review, inputs=(args.report,))
    try:
        if args.apply:
            added = apply_review(Path(args.apply), Path(args.report))
            print(f"added {added} reviewed rows to data/curated/observations.csv (no curated row was changed)")
            return 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            candidates = extract_file(args.report, args.doc_id, args.month)
        review = review_candidates(candidates, observations())
        write_review(review, Path(args.review))
    except (ReportTextError, ReportMonthError, ReviewError) as exc:
        print(f"lsreports ingest: error: {exc}", file=sys.stderr)
        return 2
    counts = review["review"].value_counts()
    print(f"wrote {args.review}: {counts.get('new', 0)} new, {counts.get('agrees', 0)} agree, "
          f"{counts.get('conflicts', 0)} conflict with curated rows. Mark rows to add with 'yes' in the accept "
          f"column, then run: lsreports ingest {args.report} --apply {args.review}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract`` and ``ingest`` to the command line."""
    extract = subparsers.add_parser("extract", help="extract candidate rows from a report's text")
    extract.add_argument("report", help="the report as UTF-8 text")
    extract.add_argument("--doc-id", help="report id (default: the file name without extension)")
    extract.add_argument("--month", help="YYYY-MM the report is about, when its text does not say")
    extract.add_argument("-o", "--output", help="CSV file (default: standard output)")
    extract.set_defaults(func=run_extract)
    ingest = subparsers.add_parser("ingest", help="review a report's candidates against the curated table")
    ingest.add_argument("report", help="the report as UTF-8 text")
    ingest.add_argument("--doc-id", help="report id (default: the file name without extension)")
    ingest.add_argument("--month", help="YYYY-MM the report is about, when its text does not say")
    action = ingest.add_mutually_exclusive_group(required=True)
    action.add_argument("--review", help="write the review file here")
    action.add_argument("--apply", help="append the accepted new rows of this reviewed file")
    ingest.set_defaults(func=run_ingest)
