"""``lsreports curate check|gaps``: the curator's checks on the observations table."""
from __future__ import annotations

import argparse

import pandas as pd


def run_check(args: argparse.Namespace) -> int:
    """Load the observations (the table checks) and check every quote against its report (the provenance checks).

    Errors and notes name the line as an editor counts it; only errors fail the check.
    """
    from ..sources.csvread import record_lines
    from ..sources.loader import indicators, observations, reports, targets
    from ..sources.paths import curated_dir
    from ..sources.provenance import quote_problems
    from ..sources.references import public_ids, reference_problems, source_text

    obs, manifest = observations(), reports()
    public = public_ids(manifest)
    listed = obs["source_doc"].isin(set(manifest["id"]))
    problems = quote_problems(obs.loc[listed], lambda doc: source_text(doc, doc in public))
    lines = record_lines(curated_dir() / "observations.csv") if len(problems) else []
    for problem in problems.itertuples():
        prefix = "note: " if problem.severity == "note" else ""
        print(f"{prefix}line {lines[problem.row]} ({problem.indicator_id}, {problem.source_doc}): {problem.problem}: "
              f"{problem.quote[:80]!r}")
    references = reference_problems(obs, targets(), manifest, indicators())
    for row in references.itertuples():
        print(f"{row.file}: {row.where}: {row.problem}")
    errors = int((problems["severity"] == "error").sum()) + len(references)
    notes = len(problems) - errors
    print(f"curate check: {len(obs)} rows, {errors} problems" + (f", {notes} notes" if notes else ""))
    return 1 if errors else 0


def run_gaps(args: argparse.Namespace) -> int:
    """Print the sentences of a report whose numbers no curated row quotes, or, for a file, no candidate quotes."""
    from pathlib import Path

    if Path(args.doc).is_file():
        return _gaps_of_file(Path(args.doc), args)
    from ..sources.loader import observations, reports
    from ..sources.provenance import uncovered_numbers
    from ..sources.reports import resolve_report

    obs = observations()
    args.doc = resolve_report(args.doc, set(reports()["id"]) | set(obs["source_doc"]))  # a unique prefix will do
    gaps = uncovered_numbers(args.doc, obs)
    with pd.option_context("display.max_colwidth", None):
        for row in gaps.itertuples():
            print(f"[{row.numbers}] {row.sentence[:args.width]}")
    print(f"curate gaps: {len(gaps)} sentences of {args.doc} print numbers no row quotes")
    return 0


def _gaps_of_file(path, args: argparse.Namespace) -> int:
    """``curate gaps FILE``: the sentences of a new text with numbers the extractor gave no candidate for."""
    from ..extract import report_id
    from ..extract.gaps import unread_sentences
    from ..extract.readers import read_document

    doc = report_id(path, args.doc_id)
    gaps = unread_sentences(read_document(path).text, doc, args.month)
    for row in gaps.itertuples():
        print(f"[{row.numbers}] {row.sentence[:args.width]}" + (f"  ({row.reason})" if row.reason else ""))
    print(f"curate gaps: {len(gaps)} sentences of {path.name} print numbers no candidate quotes")
    return 0


def run_national(args: argparse.Namespace) -> int:
    """Curate the vendored GSO tables into rows and flags, or check the stored ones against a rebuild."""
    from ..sources import national, national_checks
    from ..sources.paths import curated_dir

    cells = national.national_cells()
    rows = national.build_rows(cells_frame=cells)
    spot_path = curated_dir() / "national_spotcheck.csv"
    if args.spotcheck:
        spot = _run_spotcheck(args.spotcheck)
    else:
        spot = pd.read_csv(spot_path, dtype={"workbook_numbers": str}) if spot_path.exists() else None
    flags = national_checks.all_checks(cells, rows, spot)
    stored = {"national_observations.csv": national.rows_as_text(rows),
              "national_flags.csv": flags.assign(start=flags["start"].dt.strftime("%Y-%m-%d"),
                                                 end=flags["end"].dt.strftime("%Y-%m-%d"))}
    if args.spotcheck:
        stored["national_spotcheck.csv"] = spot
    if args.check:
        stale = [name for name, frame in stored.items() if not _same_as_file(frame, curated_dir() / name)]
        problems = national.cell_problems(rows)
        for problem in problems.head(20).itertuples():
            print(f"row {problem.row + 2} ({problem.indicator_id}): {problem.quote}: {problem.problem}")
        for name in stale:
            print(f"data/curated/{name} differs from a rebuild of the vendored tables: run `lsreports curate national`")
        print(f"curate national --check: {len(rows)} rows, {len(problems)} cell problems, {len(stale)} stale files")
        return 1 if stale or len(problems) else 0
    _commit_national(stored)
    counts = flags.groupby(["check", "severity"]).size()
    print(f"curate national: {len(rows)} rows of {rows['indicator_id'].nunique()} series written to "
          f"data/curated/national_observations.csv; {len(flags)} flags in national_flags.csv")
    for (check, severity), count in counts.items():
        print(f"  {check:24} {severity:11} {count:5}")
    return 0


def run_national_texts(args: argparse.Namespace) -> int:
    """Read the cached national releases into ``national_text_observations.csv``, or check the stored rows."""
    from ..errors import DataFileError
    from ..extract.national_release import build_text_rows
    from ..sources import national
    from ..sources.loader import national_text_observations as text_observations
    from ..sources.national_join import TEXT_ROWS_FILE
    from ..sources.paths import curated_dir
    from ..sources.provenance import quote_problems

    rows, absent = build_text_rows()
    path = curated_dir() / TEXT_ROWS_FILE
    if args.check:
        stored = text_observations()
        problems = quote_problems(stored.assign(derived=stored["derived"].astype(bool)))
        for problem in problems.itertuples():
            print(f"{path}: line {problem.row + 2} ({problem.indicator_id}, {problem.source_doc}): {problem.problem}")
        cached = stored.loc[~stored["source_doc"].isin(absent)]
        stale = False
        if len(rows) or len(cached):  # with no release cached there is nothing to re-read
            rebuilt = national.rows_as_text(rows).reset_index(drop=True)
            stale = not rebuilt.equals(national.rows_as_text(cached).reset_index(drop=True).astype(rebuilt.dtypes))
        if stale:
            print(f"{path} differs from a reading of the cached releases: run `lsreports curate national-texts`")
        print(f"curate national-texts --check: {len(stored)} rows, {len(problems)} quote problems, "
              f"{len(absent)} releases not cached (checked by their form)")
        return 1 if stale or len(problems) else 0
    if absent:
        raise DataFileError(f"{path}: {len(absent)} national releases are not cached ({', '.join(absent[:3])}...); "
                            "their rows would be lost: rebuild .cache/texts/ first (README, 'Public texts'); "
                            "nothing written")
    _commit_national({TEXT_ROWS_FILE: national.rows_as_text(rows)})
    print(f"curate national-texts: {len(rows)} rows of {rows['source_doc'].nunique()} releases written to {path}")
    return 0


def _commit_national(stored: dict[str, pd.DataFrame]) -> None:
    """Write the national tables together or not at all, under the lock ``ingest --apply`` holds."""
    from ..sources.commit import Commit, data_lock, recover
    from ..sources.paths import curated_dir, data_dir

    root = data_dir()
    with data_lock(root):
        recover(root)
        commit = Commit(root)
        for name, frame in stored.items():
            commit.stage(curated_dir() / name, frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        commit.apply()


def _run_spotcheck(repo: str) -> pd.DataFrame:
    """Check the extract against the original workbooks of ``repo`` (stored with the national rows)."""
    from pathlib import Path

    from ..errors import DataFileError
    from ..sources.national_spotcheck import spot_check

    if not (Path(repo) / "datas").is_dir():
        raise DataFileError(f"{repo}: no datas/ folder of release workbooks (a work tree of the extract's repository)")
    spot = spot_check(Path(repo))
    counts = spot["outcome"].value_counts()
    print("spot-check: " + ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
          + f" ({spot['workbook'].nunique()} workbooks)")
    return spot


def _same_as_file(frame: pd.DataFrame, path) -> bool:
    return path.exists() and frame.to_csv(index=False, lineterminator="\n") == path.read_text(encoding="utf-8")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``curate check`` and ``curate gaps`` to the command line."""
    parser = subparsers.add_parser("curate", help="check curated rows against their sources")
    actions = parser.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="validate the table and every quote")
    check.set_defaults(func=run_check)
    gaps = actions.add_parser("gaps", help="list sentences of a report with numbers no row quotes, or of a new "
                                           "text file with numbers the extractor gave no candidate for")
    gaps.add_argument("doc", help="report id or a unique prefix of it, e.g. 003 for 003_f6a0f138b97f04e0; or the "
                                  "path of a text (PDF, .docx, HTML or UTF-8 text) to extract")
    gaps.add_argument("--month", help="YYYY-MM, for a text file that does not state its month")
    gaps.add_argument("--doc-id", help="the text's id (default: its file name)")
    gaps.add_argument("--width", type=int, default=300, help="characters of each sentence to show")
    gaps.set_defaults(func=run_gaps)
    national = actions.add_parser("national", help="curate the vendored GSO national tables into rows and flags")
    national.add_argument("--check", action="store_true",
                          help="check the stored rows against a rebuild and every cell reference; write nothing")
    national.add_argument("--spotcheck", metavar="REPO",
                          help="also check the extract against the original GSO workbooks in REPO/datas "
                               "(needs xlrd for .xls: pip install -e '.[spotcheck]')")
    national.set_defaults(func=run_national)
    texts = actions.add_parser("national-texts",
                               help="read the cached national releases (pub_vn_*) into national_text_observations.csv")
    texts.add_argument("--check", action="store_true",
                       help="check the stored rows (quotes by the cache or by their form) against a re-reading; "
                            "write nothing")
    texts.set_defaults(func=run_national_texts)
