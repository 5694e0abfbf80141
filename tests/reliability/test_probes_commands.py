"""Every command on an empty (header-only) and a tiny table, and on each bad input
(issue 17 items 2 and 8): it says what is missing or produces its output; an error is one
line on stderr with exit code 2, and data/ is byte-identical afterwards."""
from __future__ import annotations

import subprocess
import sys

import pytest

from probe_kit import OBSERVATIONS, assert_refused, fresh_data, run, snapshot  # noqa: F401

REPORT_000 = "000_2429f5525668702d"

#: Every command, with outputs in a scratch folder. ``briefing`` executes the notebooks on the table.
COMMANDS = {
    "summary": ("summary",),
    "curate check": ("curate", "check"),
    "curate gaps": ("curate", "gaps", REPORT_000),
    "derive": ("derive", "-o", "{out}/derived.csv"),
    "project": ("project", "--all"),
    "project -o": ("project", "-o", "{out}/projection.csv"),
    "excel": ("excel", "-o", "{out}/book.xlsx"),
    "briefing": ("briefing", "-o", "{out}/briefings"),
    "notebooks": ("notebooks",),
    "extract": ("extract", "{raw}/reports/" + REPORT_000 + ".txt", "-o", "{out}/rows.csv"),
    "ingest --review": ("ingest", "{raw}/reports/" + REPORT_000 + ".txt", "--review", "{out}/review.csv"),
}


def _argv(name, data, out):
    return tuple(a.format(out=out, raw=data / "raw") for a in COMMANDS[name])


def _keep_rows(data, keep) -> None:
    path = data.joinpath(*OBSERVATIONS)
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join([lines[0]] + [line for line in lines[1:] if line and keep(line)]) + "\n",
                    encoding="utf-8")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_on_a_header_only_table(fresh_data, capsys, tmp_path, name):
    _keep_rows(fresh_data, lambda line: False)
    before = snapshot(fresh_data)
    code, out, err = run(capsys, *_argv(name, fresh_data, tmp_path / "out"))
    assert "Traceback" not in out + err
    if code == 2:  # refused: says what is missing, in one line
        assert err.count("\n") == 1 and "has no rows" in err, err
    else:
        assert code == 0, (code, out, err)
        assert out or err
    assert snapshot(fresh_data) == before


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_on_one_indicator_of_one_report(fresh_data, capsys, tmp_path, name):
    _keep_rows(fresh_data, lambda line: line.startswith("trade_total,") and f",{REPORT_000}," in line)
    before = snapshot(fresh_data)
    code, out, err = run(capsys, *_argv(name, fresh_data, tmp_path / "out"))
    assert "Traceback" not in out + err
    if code == 2:  # a briefing notebook needs more than one indicator: it names the notebook, cell and gap
        assert name == "briefing" and err.count("\n") == 1 and "notebook 'trade', cell" in err, err
    else:
        assert code == 0, (code, out, err)
    assert snapshot(fresh_data) == before


def _short_line(data):
    path = data.joinpath(*OBSERVATIONS)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5].rsplit(",", 1)[0]  # editor line 6 loses its last field
    path.write_text("\n".join(lines), encoding="utf-8")


def _edit(relative, old, new):
    def apply(data):
        path = data / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


#: SYNTHETIC faults: what each does to a fresh copy, and what the one-line message must say.
BAD_INPUTS = {
    "observations missing": (lambda d: d.joinpath(*OBSERVATIONS).unlink(), "observations.csv: file not found"),
    "catalogue missing": (lambda d: (d / "curated" / "indicators.csv").unlink(), "indicators.csv: file not found"),
    "not UTF-8": (lambda d: d.joinpath(*OBSERVATIONS).write_bytes(
        d.joinpath(*OBSERVATIONS).read_text(encoding="utf-8").encode("cp1258", errors="replace")), "not UTF-8"),
    "short line": (_short_line, "observations.csv: line 6: 11 fields, the header has 12"),
    "unknown indicator": (_edit("curated/observations.csv", "\ntrade_total,", "\ntrade_totl,"),
                          "line 2 (trade_totl): unknown indicator_id"),
    "bad date": (_edit("curated/observations.csv", "2025-11-30,value,9400.0", "2025-11-31,value,9400.0"),
                 "line 2 (trade_total): column 'end' must be a date"),
    "negative count": (_edit("curated/observations.csv", ",6494.0,houses,", ",-6494.0,houses,"),
                       "is negative"),
    "catalogue sign": (_edit("curated/indicators.csv", ",true\n", ",maybe\n"),
                       "indicators.csv: line 2 (trade_total): column 'nonnegative' must be true or false"),
}
#: Commands that read the curated table (extract does not).
READERS = [name for name in COMMANDS if name not in ("extract", "notebooks")]


@pytest.mark.parametrize("fault", list(BAD_INPUTS))
@pytest.mark.parametrize("name", READERS)
def test_each_command_with_each_bad_input_is_one_line_and_exit_2(fresh_data, capsys, tmp_path, name, fault):
    damage, message = BAD_INPUTS[fault]
    damage(fresh_data)
    assert_refused(capsys, fresh_data, _argv(name, fresh_data, tmp_path / "out"), message)


@pytest.mark.parametrize("argv, message", [
    (("extract", "/nonexistent/report.txt"), "cannot read the report"),
    (("ingest", "/nonexistent/report.txt", "--review", "{out}/r.csv"), "cannot read the report"),
    (("ingest", "{raw}/reports/" + REPORT_000 + ".txt", "--apply", "/nonexistent/review.csv"), "not found"),
    (("summary", "--no-such-option"), "unrecognized arguments"),
    (("no-such-command",), "invalid choice"),
])
def test_bad_arguments_are_one_line_and_exit_2(fresh_data, capsys, tmp_path, argv, message):
    argv = tuple(a.format(out=tmp_path, raw=fresh_data / "raw") for a in argv)
    assert_refused(capsys, fresh_data, argv, message)


def test_the_installed_command_prints_one_line_and_debug_the_traceback(fresh_data, tmp_path):
    fresh_data.joinpath(*OBSERVATIONS).unlink()
    command = [sys.executable, "-m", "lsreports.cli", "summary"]
    plain = subprocess.run(command, capture_output=True, text=True, check=False)
    assert plain.returncode == 2 and plain.stderr.count("\n") == 1 and "Traceback" not in plain.stderr
    debug = subprocess.run(command + ["--debug"], capture_output=True, text=True, check=False)
    assert debug.returncode != 0 and "Traceback (most recent call last)" in debug.stderr
    assert "DataFileError" in debug.stderr


#: SYNTHETIC faults in the other tables, with the commands that read them.
OTHER_TABLES = {
    "targets: unknown kind": (_edit("curated/targets.csv", ",growth_avg_pct,", ",growth_avgpct,"),
                              "targets.csv: line 2 (grdp): kind must be one of", ["excel"]),
    "manifest missing": (lambda d: (d / "raw" / "reports.csv").unlink(), "reports.csv: file not found",
                         ["summary", "briefing"]),
    "manifest bad date": (_edit("raw/reports.csv", ",2025-01-01,", ",2025-13-01,"),
                          "reports.csv: line 2", ["summary", "excel"]),
}


@pytest.mark.parametrize("fault, name", [(fault, name) for fault, (_, _, names) in OTHER_TABLES.items()
                                         for name in names])
def test_a_bad_targets_or_manifest_file_is_one_line_and_exit_2(fresh_data, capsys, tmp_path, fault, name):
    damage, message, _ = OTHER_TABLES[fault]
    damage(fresh_data)
    assert_refused(capsys, fresh_data, _argv(name, fresh_data, tmp_path / "out"), message)


def test_a_failing_notebook_refresh_is_one_line_and_exit_2(fresh_data, capsys, monkeypatch):
    from lsreports.publish import notebooks

    def failing(pair):
        raise notebooks.NotebookError(f"notebook {pair.name!r}, cell 3: ValueError: SYNTHETIC failure\nsecond line")

    monkeypatch.setattr(notebooks, "refresh", failing)
    assert_refused(capsys, fresh_data, ("notebooks", "--refresh"), "cell 3: ValueError: SYNTHETIC failure second line")
