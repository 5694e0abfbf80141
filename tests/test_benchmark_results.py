"""The benchmarks' results writer keeps the notes written by hand below its marker."""
from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "results_file.py"


def _module():
    spec = importlib.util.spec_from_file_location("results_file", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rerun_replaces_the_measured_part_and_keeps_the_notes(tmp_path):
    results = _module()
    path = tmp_path / "bench.md"
    path.write_text(f"# Old table\n| ratio | 1.9× |\n\n{results.NOTES_MARKER}\n\n## Why\nhand-written\n",
                    encoding="utf-8")
    results.write_measured(path, "# New table\n| ratio | 1.7× |\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# New table\n| ratio | 1.7× |\n\n" + results.NOTES_MARKER)
    assert "1.9×" not in text and text.endswith("## Why\nhand-written\n")


def test_a_file_without_notes_is_simply_written(tmp_path):
    results = _module()
    path = tmp_path / "results" / "bench.md"
    results.write_measured(path, "# Table\n")
    assert path.read_text(encoding="utf-8") == "# Table\n"


def _stored_measured(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(_module().NOTES_MARKER)[0]


def test_the_year_end_results_are_not_stale():
    """benchmarks/results/backtest.md and year_end_methods.md record the data they were computed from: a change
    of the data, or of the code so that a re-run gives another table, makes this fail (re-run the benchmark)."""
    from lsreports.analysis.yearend.backtest import backtest_markdown, backtest_pairs
    from lsreports.analysis.yearend.national_profile import compare_methods, comparison_markdown, national_backtest
    from lsreports.sources.loader import national_observations, observations

    results = _module()
    backtest = backtest_pairs(observations())
    expected = {
        "backtest.md": backtest_markdown(backtest),
        "year_end_methods.md": comparison_markdown(compare_methods(backtest, national_backtest(
            backtest, national_observations()))),
    }
    for name, text in expected.items():
        stored = _stored_measured(SCRIPT.parent / "results" / name)
        assert results.stamped_digest(stored) == results.data_digest(), (
            f"{name} was computed from other data: re-run benchmarks/{name.removesuffix('.md')}.py")
        assert text.strip() in stored, f"{name} no longer matches a re-run: re-run benchmarks/{name[:-3]}.py"


def test_a_result_stamped_with_other_data_is_found_stale(tmp_path):
    results = _module()
    assert results.stamped_digest(f"{results.stamp()}\n\n# Table\n") == results.data_digest()
    assert results.stamped_digest("<!-- computed at commit abc from data sha256 0123 -->\n") != results.data_digest()
    assert results.stamped_digest("# Table without a stamp\n") is None
