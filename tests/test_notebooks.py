"""Notebook pairs: every .ipynb matches its jupytext .py source and states a version."""
import shutil

import nbformat
import pytest

from lsreports.publish.notebooks import NOTEBOOK_DIR, Pair, execute, pair_drift, pairs, read_source, version_of

PAIRS = pairs()


def test_the_domain_notebooks_exist():
    assert {"trade", "budget", "industry", "tourism", "social", "trends_forecasts"} <= {p.name for p in PAIRS}


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_pair_has_not_drifted(pair):
    assert pair_drift(pair) == []


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_first_cell_states_version_and_changelog(pair):
    notebook = read_source(pair.source)
    assert version_of(notebook) is not None
    assert "Changelog" in notebook.cells[0].source


def test_an_edited_source_is_reported_as_drift(tmp_path):
    source = NOTEBOOK_DIR / "trade.py"
    shutil.copy(source, tmp_path / "trade.py")
    shutil.copy(source.with_suffix(".ipynb"), tmp_path / "trade.ipynb")
    pair = Pair("trade", tmp_path / "trade.py", tmp_path / "trade.ipynb")
    assert pair_drift(pair) == []
    edited = (tmp_path / "trade.py").read_text(encoding="utf-8").replace("## Headline", "## Summary", 1)
    (tmp_path / "trade.py").write_text(edited, encoding="utf-8")
    assert any("differs" in problem for problem in pair_drift(pair))


def test_stored_notebooks_use_the_generic_kernel():
    for pair in PAIRS:
        assert nbformat.read(pair.notebook, as_version=4).metadata["kernelspec"]["name"] == "python3"


def test_execution_uses_unix_sockets_and_keeps_the_progress_clean(tmp_path, capfd):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import os\nprint(os.getcwd())")]
    execute(notebook, "tiny", tmp_path)
    assert notebook.cells[0].outputs[0]["text"].strip() == str(tmp_path)
    # the kernel's stderr is this process's: TCP transport would print its encryption warning
    assert "TCP" not in capfd.readouterr().err


def test_kernels_run_single_threaded_linear_algebra_unless_told(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")  # a user's own setting wins
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "import os\nprint(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])")]
    execute(notebook, "tiny", tmp_path)
    assert notebook.cells[0].outputs[0]["text"].split() == ["1", "2"]
