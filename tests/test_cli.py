"""The command line on the SYNTHETIC data: summary, curate check and curate gaps."""
from __future__ import annotations

import pytest

from lsreports.cli import main

from conftest import SYNTHETIC_DOC, synthetic_rows, write_rows


def test_summary_prints_counts_and_flags(synthetic_data, capsys):
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert f"{len(synthetic_rows())} printed rows" in out
    assert "all match their recorded sha256" in out
    assert "  unit anomaly (" in out and "prod_rosin" in out


def test_summary_fails_when_a_source_text_changed(synthetic_data, capsys):
    report = synthetic_data / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\nthêm một dòng", encoding="utf-8")
    assert main(["summary"]) == 1
    assert f"CHANGED since recorded: {SYNTHETIC_DOC}" in capsys.readouterr().out


def test_curate_check_passes_then_names_a_bad_line(synthetic_data, capsys):
    assert main(["curate", "check"]) == 0
    rows = synthetic_rows()
    rows[3]["value"] = "21.0"
    write_rows(synthetic_data / "curated" / "observations.csv", rows)
    assert main(["curate", "check"]) == 1
    assert "line 5 (trade_total, 999_synthetic): no number printed in the quote equals 21.0" in capsys.readouterr().out


def test_curate_gaps_lists_uncovered_sentences(synthetic_data, capsys):
    assert main(["curate", "gaps", SYNTHETIC_DOC]) == 0
    assert "0 sentences" in capsys.readouterr().out


def test_bad_data_file_is_a_clean_error(synthetic_data, capsys):
    (synthetic_data / "curated" / "indicators.csv").unlink()
    assert main(["summary"]) == 2
    err = capsys.readouterr().err
    assert "lsreports summary: error:" in err and "indicators.csv: file not found" in err


def test_notebooks_command_reports_no_drift(capsys):
    assert main(["notebooks"]) == 0
    assert ", 0 drifted" in capsys.readouterr().out


def test_excel_command_writes_the_workbook(synthetic_data, tmp_path, capsys):
    target = tmp_path / "x" / "book.xlsx"
    assert main(["excel", "-o", str(target)]) == 0
    assert target.exists() and f"wrote {target}" in capsys.readouterr().out


def test_derive_command_writes_rows_with_formulas(synthetic_data, tmp_path):
    import pandas as pd

    target = tmp_path / "derived.csv"
    assert main(["derive", "-o", str(target)]) == 0
    rows = pd.read_csv(target)
    assert rows["derived"].all() and rows["quote"].str.startswith("derived").all()


def test_project_csv_has_the_documented_columns_and_one_row_per_indicator_year_and_target(synthetic_data, capsys):
    import io

    import pandas as pd

    from lsreports.analysis.yearend.projection import CSV_COLUMNS

    assert main(["project", "--year", "2025", "--csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == CSV_COLUMNS
    assert CSV_COLUMNS[:12] == ["indicator_id", "ytd_start", "ytd_end", "ytd_value", "method", "projection", "lower",
                                "upper", "target_kind", "target_value", "projected_pct_of_target", "verdict"]
    assert not table.duplicated(["indicator_id", "ytd_end", "target_kind"]).any()
    trade = table.set_index("indicator_id").loc["trade_total"]
    # SYNTHETIC: 5000 over 11 months, +20 %: growth-based 5000 * 12/11; plan implied by 100 % = 5000
    assert trade["method"] == "growth" and trade["ytd_end"] == "2025-11-30"
    assert trade["projection"] == pytest.approx(5454.55, rel=1e-5)
    assert trade["verdict"] in {"likely", "undetermined", "unlikely"}


def test_help_gives_each_command_one_line_and_an_example(capsys, monkeypatch):
    from lsreports.cli import COMMAND_HELP, build_parser

    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    registered = set(build_parser()._subparsers._group_actions[0].choices)
    assert registered == set(COMMAND_HELP), "every command needs its line and example in COMMAND_HELP"
    lines = text.splitlines()
    for command, (summary, example) in COMMAND_HELP.items():
        row = next(line for line in lines if line.split()[:1] == [command])
        assert summary in row and len(row) <= 80, row  # name and summary on one line
        assert f"  {example}" in lines, example
    assert "sub-command per job" not in text  # the developer's docstring is not the user's help


def test_curate_gaps_takes_a_unique_prefix_and_lists_known_ids(synthetic_data, capsys):
    assert main(["curate", "gaps", SYNTHETIC_DOC[:3]]) == 0
    assert f"sentences of {SYNTHETIC_DOC}" in capsys.readouterr().out
    assert main(["curate", "gaps", "no_such_report"]) == 2
    err = capsys.readouterr().err
    assert "unknown report 'no_such_report'" in err and SYNTHETIC_DOC in err
