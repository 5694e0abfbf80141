"""``lsreports briefing``, ``lsreports notebooks`` and ``lsreports excel``: the workbook's outputs."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _require_rows(command: str) -> None:
    """Raise, saying what is missing, when the curated table has no rows to publish."""
    from ..errors import NothingToDoError
    from ..sources.paths import curated_dir
    from ..sources.references import listed_observations

    if listed_observations().empty:
        raise NothingToDoError(f"{curated_dir() / 'observations.csv'} has no rows: nothing to put in the {command}; "
                               "curate rows first (lsreports ingest REPORT.txt --review review.csv)")


def run_briefing(args: argparse.Namespace) -> int:
    """Build the HTML briefings and the index."""
    from ..publish.briefing import build_briefings
    from ..publish.notebooks import NotebookError
    from ..publish.output_folder import claim
    from ..sources.outputs import check_output_path

    check_output_path(args.output, folder=True)
    claim(Path(args.output), force=args.force)  # before the work, so that a refusal is immediate
    _require_rows("briefing")
    try:
        written = build_briefings(Path(args.output), force=args.force, lang=args.lang,
                                  other_edition=args.other_edition)
    except NotebookError as exc:
        from ..cli import ERROR_EXIT, one_line

        print(f"lsreports briefing: error: {one_line(exc)}", file=sys.stderr)
        return ERROR_EXIT
    return _write_pdfs(written) if args.pdf else 0


def _write_pdfs(pages: list[Path]) -> int:
    """Print each page to a PDF beside it with headless Chromium (one browser); say clearly when it is missing."""
    from ..cli import ERROR_EXIT
    from ..publish.browser import INSTALL_HINT, find_chromium, print_pdfs

    if find_chromium() is None:
        print(f"lsreports briefing: --pdf: Chromium not found, so no PDF was written (the HTML briefings are in "
              f"{pages[0].parent}); {INSTALL_HINT}", file=sys.stderr)
        return ERROR_EXIT
    for number, pdf in enumerate(print_pdfs(pages, [page.with_suffix(".pdf") for page in pages]), start=1):
        print(f"[{number}/{len(pages)}] wrote {pdf}")
    return 0


def run_notebooks(args: argparse.Namespace) -> int:
    """Check the notebook pairs, or refresh their stored outputs from the sources."""
    from ..publish.i18n import LANGS
    from ..publish.notebooks import NotebookError, pair_drift, pairs, refresh

    if args.refresh:
        try:
            for pair in pairs():
                print(f"refreshing {pair.name} (editions {', '.join(LANGS)}) ...")
                refresh(pair)
        except NotebookError as exc:
            from ..cli import ERROR_EXIT, one_line

            print(f"lsreports notebooks: error: {one_line(exc)}", file=sys.stderr)
            return ERROR_EXIT
        return 0
    problems = [p for pair in pairs() for p in pair_drift(pair)]
    for problem in problems:
        print(problem)
    print(f"notebooks: {len(pairs())} pairs, {len(problems)} drifted")
    return 1 if problems else 0


def run_excel(args: argparse.Namespace) -> int:
    """Write the curated and derived tables to a formatted workbook."""
    from ..publish.excel import write_workbook
    from ..sources.outputs import check_output_path

    check_output_path(args.output)
    _require_rows("excel")
    path = write_workbook(Path(args.output), progress=print, lang=args.lang)
    print(f"wrote {path}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``briefing``, ``notebooks`` and ``excel`` to the command line."""
    briefing = subparsers.add_parser("briefing", help="execute the notebooks and export HTML briefings")
    briefing.add_argument("-o", "--output", default="briefings", help="output folder (default: briefings)")
    briefing.add_argument("--lang", choices=("en", "vi"), default="en",
                          help="the edition's language: en (default) or vi (Vietnamese: words, numbers, dates)")
    briefing.add_argument("--other-edition", default=None, metavar="REL",
                          help="the other language's folder relative to -o (e.g. vi/ or ../): each page links to it")
    briefing.add_argument("--force", action="store_true",
                          help="write into a non-empty folder lsreports did not write before (its files are left alone)")
    briefing.add_argument("--pdf", action="store_true",
                          help="also print each page to an A4 PDF beside it (needs Chromium: apt-get install chromium)")
    briefing.set_defaults(func=run_briefing)
    notebooks = subparsers.add_parser("notebooks", help="check notebook pairs, or --refresh stored outputs")
    notebooks.add_argument("--refresh", action="store_true",
                           help="re-execute every notebook from its .py source, once per edition "
                                "(<name>.ipynb in English, vi/<name>.ipynb in Vietnamese)")
    notebooks.set_defaults(func=run_notebooks)
    excel = subparsers.add_parser("excel", help="export the tables to a formatted .xlsx workbook")
    excel.add_argument("-o", "--output", default="exports/lsreports.xlsx", help="output file")
    excel.add_argument("--lang", choices=("en", "vi"), default="en",
                       help="language of the README sheet and the column headers (default en)")
    excel.set_defaults(func=run_excel)
