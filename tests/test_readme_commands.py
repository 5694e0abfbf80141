"""Every command of the README's command table runs, as written there, once (SYNTHETIC data).

The table's placeholders are filled with synthetic files; ``briefing`` and ``notebooks
--refresh`` run on a folder holding one synthetic notebook, so that no test rewrites the
project's stored notebooks and the suite stays short.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SYNTHETIC_DOC, SYNTHETIC_REPORT
from lsreports.cli import main

ROOT = Path(__file__).resolve().parent.parent
#: The README's command table: the first cell of each row, between backticks.
COMMANDS = re.findall(r"^\| `(lsreports [^`]+)` \|", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)

#: SYNTHETIC notebook source (py:percent): one chart of the synthetic trade rows.
NOTEBOOK = '''# %% [markdown]
# # Synthetic notebook
#
# Version: 0.0.1
#
# Changelog:
# - 0.0.1: synthetic, for the command tests.

# %%
import lsreports as ls
from lsreports.publish import charts
trade = ls.load("trade_total")
charts.show(charts.bars_by_period(trade, "Synthetic trade", "Source: synthetic"))
'''


def argv(command: str, tmp: Path) -> list[str]:
    """The README's command as arguments, optional parts included, placeholders filled.

    ``--ocr`` is left out: it needs Tesseract, which a machine may lack; the rest of the
    line runs as written.
    """
    words = [w for w in command.replace("[", "").replace("]", "").split()[1:] if w != "--ocr"]
    is_excel = words[0] == "excel"
    fill = {"DOC": SYNTHETIC_DOC, "FILE": str(tmp / ("out.xlsx" if is_excel else "out.csv")), "Y": "2025",
            "DIR": str(tmp / "briefings"), "REPORT": str(tmp / "new_report.txt"), "REPORT.txt": str(tmp / "new_report.txt"),
            "ID": "synthetic_new", "YYYY-MM": "2025-11", "INDICATOR": "trade_total",
            "rows.csv": str(tmp / "rows.csv"), "review.csv": str(tmp / "review.csv")}
    return [fill.get(word, word) for word in words]


def add_synthetic_national(data: Path) -> None:
    """The SYNTHETIC national table of ``test_national`` and the real column map, in a synthetic data folder."""
    import csv
    import shutil

    from conftest import REAL_DATA
    from lsreports.sources.national import SERIES_COLUMNS
    from test_national import SYNTHETIC_SERIES, SYNTHETIC_TABLE

    (data / "raw" / "national").mkdir(parents=True, exist_ok=True)
    (data / "raw" / "national" / "syn_retail.csv").write_text(SYNTHETIC_TABLE, encoding="utf-8")
    shutil.copy(REAL_DATA / "curated" / "national_columns.csv", data / "curated")
    with (data / "curated" / "national_series.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(SERIES_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(SYNTHETIC_SERIES)


def test_the_readme_lists_the_commands():
    assert len(COMMANDS) >= 11, COMMANDS
    assert {c.split()[1] for c in COMMANDS} >= {"summary", "curate", "derive", "project", "notebooks", "briefing",
                                               "excel", "extract", "ingest"}


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command, synthetic_data, tmp_path, monkeypatch, capsys):
    # a new report: the vendored synthetic one with a line more (the same text twice is refused)
    (tmp_path / "new_report.txt").write_text(SYNTHETIC_REPORT + "Ghi chú (SYNTHETIC): bản sau.\n", encoding="utf-8")
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "synthetic.py").write_text(NOTEBOOK, encoding="utf-8")
    monkeypatch.setattr("lsreports.publish.notebooks.NOTEBOOK_DIR", folder)
    args = argv(command, tmp_path)
    if args[:2] == ["curate", "national"]:  # a SYNTHETIC national table, curated once before it is checked
        add_synthetic_national(synthetic_data)
        assert main(["curate", "national"]) == 0, capsys.readouterr().err
    if "--apply" in args:  # the review file comes first, as the README's next-to-last row makes it
        assert main([*args[:2], "--review", args[-1]]) == 0, capsys.readouterr().err
    assert main(args) == 0, f"{' '.join(args)}: {capsys.readouterr()}"
    if "--refresh" in args:
        assert (folder / "synthetic.ipynb").exists()  # the synthetic folder, never the project's notebooks
        assert (folder / "vi" / "synthetic.ipynb").exists()  # both editions
