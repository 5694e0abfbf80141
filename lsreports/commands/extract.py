"""``lsreports extract`` and ``lsreports ingest``: figures from a new report, reviewed before they land."""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

REPORT_HELP = ("the report: a PDF with a text layer, a Word .docx, an HTML page or UTF-8 text, recognised by "
               "content (at most 20 MB)")


def _errors() -> tuple[type[Exception], ...]:
    from ..errors import ReportIdError
    from ..extract import ReportMonthError, ReportTextError
    from ..extract.review import ReviewError

    return ReportTextError, ReportMonthError, ReviewError, ReportIdError


def _extract(args: argparse.Namespace, command: str):
    """Extract candidate rows, printing the reader's notes and the extraction's warnings on stderr."""
    from ..extract import extract_file

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = extract_file(args.report, args.doc_id, args.month, ocr=args.ocr)
    for warning in caught:
        print(f"lsreports {command}: warning: {warning.message}", file=sys.stderr)
    return rows


def run_extract(args: argparse.Namespace) -> int:
    """Write candidate rows of a report as CSV (standard output without ``-o``)."""
    from ..sources.excel_text import inert_csv
    from ..sources.atomic import write_text_atomic
    from ..sources.outputs import check_output_path

    if args.output:
        check_output_path(args.output, inputs=(args.report,))
    try:
        rows = _extract(args, "extract")
    except _errors() as exc:
        print(f"lsreports extract: error: {exc}", file=sys.stderr)
        return 2
    rows = rows.assign(derived=rows["derived"].map({True: "true", False: "false"}))
    if args.output:
        write_text_atomic(Path(args.output), inert_csv(rows))
        print(f"wrote {len(rows)} candidate rows to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(inert_csv(rows))
    return 0


def run_ingest(args: argparse.Namespace) -> int:
    """Write a review file of a report's candidates, or apply a reviewed file."""
    from ..extract.review import apply_review, review_candidates, write_review
    from ..sources.loader import observations
    from ..sources.outputs import check_output_path

    if args.review:
        check_output_path(args.review, inputs=(args.report,))
    try:
        if args.apply:
            if args.doc_id is not None:
                _same_report(args)
            added = apply_review(Path(args.apply), Path(args.report), ocr=args.ocr)
            print(f"added {added} reviewed rows to data/curated/observations.csv (no curated row was changed)")
            return 0
        _new_report(args)
        candidates = _extract(args, "ingest")
        review = review_candidates(candidates, observations())
        write_review(review, Path(args.review))
    except _errors() as exc:
        print(f"lsreports ingest: error: {exc}", file=sys.stderr)
        return 2
    counts = review["review"].value_counts()
    print(f"wrote {args.review}: {counts.get('new', 0)} new, {counts.get('agrees', 0)} agree, "
          f"{counts.get('conflicts', 0)} conflict with curated rows. Mark rows to add with 'yes' in the accept "
          f"column, then run: lsreports ingest {args.report} --apply {args.review}")
    return 0


def _new_report(args: argparse.Namespace) -> None:
    """Refuse, before the review, a report already vendored under another id."""
    from ..extract import report_id
    from ..extract.readers import read_document
    from ..extract.vendor import check_new_report

    doc_id = report_id(args.report, args.doc_id)
    check_new_report(read_document(args.report, ocr=args.ocr), doc_id, Path(args.report), applying=False)


def _same_report(args: argparse.Namespace) -> None:
    """With ``--apply``, a ``--doc-id`` must be valid and name the report of the review file's rows."""
    from ..extract.review import ReviewError
    from ..extract.review_file import read_review
    from ..sources.paths import check_report_id

    check_report_id(args.doc_id, "--doc-id")
    ids = set(read_review(Path(args.apply))["source_doc"])
    if ids and ids != {args.doc_id}:
        raise ReviewError(f"{args.apply}: its rows are of report {', '.join(sorted(ids))}, not --doc-id "
                          f"{args.doc_id}; drop --doc-id (the review file names the report)")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", help=REPORT_HELP)
    parser.add_argument("--doc-id", help="report id, letters A-Z a-z, digits, _ and - only "
                                         "(default: the file name without extension)")
    parser.add_argument("--month", help="YYYY-MM the report is about, when its text does not say")
    parser.add_argument("--ocr", action="store_true",
                        help="read a scanned PDF or an image with Tesseract (tesseract-ocr, tesseract-ocr-vie)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract`` and ``ingest`` to the command line."""
    extract = subparsers.add_parser("extract", help="extract candidate rows from a report (PDF, DOCX, HTML, text)")
    _common(extract)
    extract.add_argument("-o", "--output", help="CSV file (default: standard output)")
    extract.set_defaults(func=run_extract)
    ingest = subparsers.add_parser("ingest", help="review a report's candidates against the curated table")
    _common(ingest)
    action = ingest.add_mutually_exclusive_group(required=True)
    action.add_argument("--review", help="write the review file here (CSV for Excel, UTF-8)")
    action.add_argument("--apply", help="append the accepted new rows of this reviewed file")
    ingest.set_defaults(func=run_ingest)
