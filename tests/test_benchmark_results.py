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
