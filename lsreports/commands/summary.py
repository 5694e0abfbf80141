"""``lsreports summary``: what the curated data holds, and the consistency flags; ``lsreports flags``: all flags."""
from __future__ import annotations

import argparse
import textwrap

import pandas as pd

from ..sources.periods import period_label
from ..sources.reports import short_id


def summary_table(obs: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Return rows and periods per domain and report.

    Parameters
    ----------
    obs, catalogue : pandas.DataFrame
        Observations and the indicator catalogue.

    Returns
    -------
    pandas.DataFrame
        Indexed by domain: indicators with data, printed rows per report, latest period end.
    """
    frame = obs.merge(catalogue[["indicator_id", "domain"]], on="indicator_id", how="left")
    counts = frame.pivot_table(index="domain", columns="source_doc", values="value", aggfunc="size", fill_value=0)
    counts.columns = [short_id(c, counts.columns) for c in counts.columns]
    counts.insert(0, "indicators", frame.groupby("domain")["indicator_id"].nunique())
    counts["latest"] = frame.groupby("domain")["end"].max().dt.strftime("%Y-%m-%d")
    return counts


#: Width of the summary, in columns: a terminal's usual width with room to spare.
WIDTH = 100


def report_table(obs: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Printed rows per report: short id, kind, period covered, rows and indicators."""
    docs = manifest.set_index("id")
    counts = obs.groupby("source_doc").agg(rows=("value", "size"), indicators=("indicator_id", "nunique"))
    kinds = docs["source_kind"] if "source_kind" in docs else pd.Series("report", index=docs.index)
    table = pd.DataFrame({
        "report": [short_id(doc, counts.index) for doc in counts.index],
        "kind": [str(kinds.get(doc, "")).replace("_", " ") for doc in counts.index],
        "covers to": [str(docs["period_end"].get(doc, ""))[:10] for doc in counts.index],
        "rows": counts["rows"].to_numpy(), "indicators": counts["indicators"].to_numpy(),
    })
    return table.sort_values(["covers to", "report"]).set_index("report")


def flag_lines(flags: pd.DataFrame, *, verbose: bool = False, width: int = WIDTH) -> list[str]:
    """The flags grouped by severity, then kind of check, one line each (``verbose``: with their evidence in full).

    Parameters
    ----------
    flags : pandas.DataFrame
        :func:`lsreports.consistency_flags`.
    verbose : bool
        Give the detail and the evidence in full, wrapped to ``width``, instead of one cut line.
    width : int
        Longest line, in columns.
    """
    import textwrap

    severities = ["error", "warning", "info"]
    order = sorted(flags["severity"].unique(), key=lambda s: (severities.index(s) if s in severities else 9, s))
    lines = []
    for severity in order:
        group = flags.loc[flags["severity"] == severity]
        lines.append(f"{severity.upper()} ({len(group)})")
        for check, part in group.groupby("check", sort=True):
            lines.append(f"  {check.replace('_', ' ')} ({len(part)})")
            for r in part.itertuples(index=False):
                head = f"    {r.indicator_id} {r.period}: "
                if not verbose:
                    lines.append(head + textwrap.shorten(str(r.detail), max(width - len(head), 20), placeholder=" …"))
                    continue
                lines += textwrap.wrap(f"{head}{r.detail} [reports: {r.source_docs}]", width,
                                       subsequent_indent=" " * 6)
                if isinstance(r.evidence, str) and r.evidence:
                    lines += textwrap.wrap(f"evidence: {r.evidence}", width, initial_indent=" " * 6,
                                           subsequent_indent=" " * 8)
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the data summary, the source manifest check and the consistency flags, within 100 columns."""
    from ..analysis.checks.consistency import consistency_flags
    from ..analysis.checks.flags import flag_table
    from ..sources.loader import indicators, reports
    from ..sources.references import listed_observations
    from ..sources.reports import verify_manifest

    obs, catalogue = listed_observations(), indicators()
    if obs.empty:
        from ..sources.paths import curated_dir

        print(f"lsreports: 0 printed rows: {curated_dir() / 'observations.csv'} holds only its header; "
              "curate rows first (lsreports ingest REPORT.txt --review review.csv)")
        return 0
    manifest = reports()
    with pd.option_context("display.width", WIDTH, "display.max_columns", 20, "display.max_rows", 200):
        print(f"lsreports: {len(obs)} printed rows, {obs['indicator_id'].nunique()} indicators, "
              f"{obs['source_doc'].nunique()} reports, periods up to {obs['end'].max():%Y-%m-%d}\n")
        table = summary_table(obs, catalogue)
        print(table[["indicators", "latest"]].assign(rows=table.drop(columns=["indicators", "latest"]).sum(axis=1))
              .to_string(), "\n")
        print(report_table(obs, manifest).to_string(), "\n")
        checked = verify_manifest(manifest)
        changed = checked.loc[~checked["ok"], "id"].tolist()
        print("source texts: " + ("all match their recorded sha256" if not changed
                                  else f"CHANGED since recorded: {', '.join(changed)}") + "\n")
        flags = consistency_flags(obs, catalogue)
        print(f"consistency flags: {len(flags)}" + ("" if flags.empty or args.verbose else
                                                     " (lsreports summary --verbose: details and evidence in full)"))
        for line in flag_lines(flags, verbose=args.verbose) if not flags.empty else []:
            print(line)
        print("\n" + family_counts(flag_table(obs, catalogue)))
    return 1 if changed else 0


def family_counts(table: pd.DataFrame) -> str:
    """The flag table's rows counted by family and severity, one line per family."""
    from ..analysis.checks.flags import FAMILIES

    lines = [f"all flags by family ({len(table)}; lsreports flags lists them with their reasons):"]
    for family in FAMILIES:
        rows = table.loc[table["family"] == family]
        severities = ", ".join(f"{n} {s}" for s, n in rows["severity"].value_counts().items())
        lines.append(f"  {family:<13}{len(rows):6d}" + (f"  ({severities})" if severities else ""))
    return "\n".join(lines)


def run_flags(args: argparse.Namespace) -> int:
    """Print the flag table (or write it as CSV): every finding of every check, with its reason."""
    import sys

    from ..analysis.checks.flags import flags
    from ..sources.loader import indicators

    if args.indicator is not None and args.indicator not in set(indicators(national=True)["indicator_id"]):
        from ..sources.loader import resolve_name

        resolve_name(args.indicator, indicators(national=True), national=True)  # raises, naming close matches
    table = flags(args.indicator)
    if args.csv:
        out = table.assign(start=table["start"].dt.strftime("%Y-%m-%d"), end=table["end"].dt.strftime("%Y-%m-%d"))
        out.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    if table.empty:
        print(f"lsreports flags: no flags{f' for {args.indicator}' if args.indicator else ''}")
        return 0
    print(family_counts(table) + "\n")
    for r in table.itertuples(index=False):
        for i, line in enumerate(textwrap.wrap(f"[{r.family}/{r.severity}] {r.indicator_id} "
                                               f"{period_label(r.start, r.end)}: {r.reason}", WIDTH,
                                               subsequent_indent=" " * 4)):
            print(line)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``summary`` to the command line."""
    parser = subparsers.add_parser("summary", help="print the data summary and the consistency flags")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="give each flag's detail and evidence in full (wrapped to 100 columns)")
    parser.set_defaults(func=run)
    flags = subparsers.add_parser("flags", help="every check's findings in one table, with reasons")
    flags.add_argument("--indicator", metavar="ID", help="only the flags of this indicator id")
    flags.add_argument("--csv", action="store_true", help="write the table as CSV to standard output")
    flags.set_defaults(func=run_flags)
