"""``lsreports summary``: what the curated data holds, and the consistency flags."""
from __future__ import annotations

import argparse

import pandas as pd

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


def run(args: argparse.Namespace) -> int:
    """Print the data summary, the source manifest check and the consistency flags."""
    from ..analysis.consistency import consistency_flags
    from ..sources.loader import indicators, observations, reports
    from ..sources.reports import verify_manifest

    obs, catalogue = observations(), indicators()
    if obs.empty:
        from ..sources.paths import curated_dir

        print(f"lsreports: 0 printed rows: {curated_dir() / 'observations.csv'} holds only its header; "
              "curate rows first (lsreports ingest REPORT.txt --review review.csv)")
        return 0
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_colwidth", 110,
                           "display.max_rows", 200):
        print(f"lsreports: {len(obs)} printed rows, {obs['indicator_id'].nunique()} indicators, "
              f"{obs['source_doc'].nunique()} reports, periods up to {obs['end'].max():%Y-%m-%d}\n")
        print(summary_table(obs, catalogue).to_string(), "\n")
        manifest = verify_manifest(reports())
        changed = manifest.loc[~manifest["ok"], "id"].tolist()
        print("source texts: " + ("all match their recorded sha256" if not changed
                                  else f"CHANGED since recorded: {', '.join(changed)}") + "\n")
        flags = consistency_flags(obs, catalogue)
        print(f"consistency flags: {len(flags)}")
        if not flags.empty:
            print(flags[["check", "severity", "indicator_id", "period", "source_docs", "detail"]].to_string(index=False))
    return 1 if changed else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``summary`` to the command line."""
    parser = subparsers.add_parser("summary", help="print the data summary and the consistency flags")
    parser.set_defaults(func=run)
