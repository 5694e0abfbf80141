"""Notebook pairs: every stored .ipynb (English, and vi/ in Vietnamese) matches its jupytext .py source and states
a version."""
import shutil

import nbformat
import pytest

from lsreports.publish.notebooks import (NOTEBOOK_DIR, SETUP_TAG, Pair, execute, pair_drift, pairs, read_source,
                                        stored_path, version_of)

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
    (tmp_path / "vi").mkdir()
    shutil.copy(NOTEBOOK_DIR / "vi" / "trade.ipynb", tmp_path / "vi" / "trade.ipynb")
    pair = Pair("trade", tmp_path / "trade.py", tmp_path / "trade.ipynb")
    assert pair_drift(pair) == []
    edited = (tmp_path / "trade.py").read_text(encoding="utf-8").replace("## Headline", "## Summary", 1)
    (tmp_path / "trade.py").write_text(edited, encoding="utf-8")
    drift = pair_drift(pair)
    assert any(p.startswith("trade: cell") and "differs" in p for p in drift)  # both editions
    assert any(p.startswith("vi/trade: cell") and "differs" in p for p in drift)
    assert pair_drift(pair, ("vi",)) == [p for p in drift if p.startswith("vi/")]


def test_a_drifted_or_missing_vietnamese_notebook_is_reported(tmp_path):
    """The stored Vietnamese notebook is the source's cells after its hidden language cell: an edited cell, a lost
    language cell, or no notebook at all is drift (the English one still matches)."""
    shutil.copy(NOTEBOOK_DIR / "trade.py", tmp_path / "trade.py")
    shutil.copy(NOTEBOOK_DIR / "trade.ipynb", tmp_path / "trade.ipynb")
    pair = Pair("trade", tmp_path / "trade.py", tmp_path / "trade.ipynb")
    assert stored_path(pair, "vi") == tmp_path / "vi" / "trade.ipynb"
    assert pair_drift(pair) == ["vi/trade.ipynb is missing"] and pair_drift(pair, ("en",)) == []
    (tmp_path / "vi").mkdir()
    stored = nbformat.read(NOTEBOOK_DIR / "vi" / "trade.ipynb", as_version=4)
    edited = nbformat.from_dict(stored)
    edited.cells[3].source += "\n# an edit made in the stored notebook"
    nbformat.write(edited, stored_path(pair, "vi"))
    assert pair_drift(pair) == [f"vi/trade: cell 2 differs ({read_source(pair.source).cells[2].source.strip()[:60]!r})"]
    english = nbformat.from_dict(stored)
    english.cells = english.cells[1:]  # executed without its language cell: the English edition's outputs
    nbformat.write(english, stored_path(pair, "vi"))
    assert pair_drift(pair) == ["vi/trade.ipynb: its first cell is not the hidden '%env LSREPORTS_LANG=vi'"]


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_the_stored_vietnamese_notebook_was_executed_in_vietnamese(pair):
    """nbval re-executes a stored notebook as stored: only its hidden first cell makes it Vietnamese, so the stored
    outputs must show that it ran (the cell's own output) and read in Vietnamese (the tables in words)."""
    from lsreports.publish.reader_format import READER_MIME

    stored = nbformat.read(stored_path(pair, "vi"), as_version=4)
    first = stored.cells[0]
    assert SETUP_TAG in first.metadata["tags"] and first.outputs[0]["text"] == "env: LSREPORTS_LANG=vi\n"
    assert stored.metadata["jupytext"] == {"formats": "ipynb"}  # not a jupytext pair: no vi/<name>.py appears
    tables = [o["data"][READER_MIME] for c in stored.cells for o in c.get("outputs", [])
              if READER_MIME in o.get("data", {})]
    english = [o["data"][READER_MIME] for c in nbformat.read(pair.notebook, as_version=4).cells
               for o in c.get("outputs", []) if READER_MIME in o.get("data", {})]
    assert len(tables) == len(english)
    assert all(t != e for t, e in zip(tables, english)) and not any("year to date" in t for t in tables)


def test_stored_notebooks_use_the_generic_kernel():
    for pair in PAIRS:
        for code in ("en", "vi"):
            assert nbformat.read(stored_path(pair, code), as_version=4).metadata["kernelspec"]["name"] == "python3"


def test_make_test_gives_nbval_the_folder_so_both_editions_are_checked():
    """``make test`` hands nbval the folder ``notebooks``, which pytest searches recursively, so the Vietnamese
    notebooks in ``notebooks/vi/`` are re-executed and compared too (checked by hand with ``--collect-only``:
    12 notebooks, 2026-12-07); a list of files, or a ``norecursedirs`` naming ``vi``, would drop them silently."""
    import tomllib

    root = NOTEBOOK_DIR.parent
    command = next(line for line in (root / "Makefile").read_text(encoding="utf-8").splitlines() if "--nbval" in line)
    assert command.split()[-2:] == ["tests", "notebooks"]
    options = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "notebooks" in options["testpaths"] and not any("vi" in d for d in options.get("norecursedirs", []))
    assert sorted(p.stem for p in (NOTEBOOK_DIR / "vi").glob("*.ipynb")) == sorted(p.name for p in PAIRS)


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


#: SYNTHETIC notebook that leaves state behind in its kernel: a name, the working directory, an open figure,
#: matplotlib and pandas settings, a warning already shown once.
LEAVES_STATE = [
    "import os, warnings\nimport matplotlib.pyplot as plt, pandas as pd\nleft_behind = 1\nos.chdir('/')",
    "plt.figure(); plt.rcParams['font.size'] = 3; pd.set_option('display.width', 7)",
    "warnings.warn('shown once per place')"]
#: SYNTHETIC notebook that reports that state.
READS_STATE = [
    "import os, warnings\nimport matplotlib.pyplot as plt, pandas as pd",
    "print('left_behind' in globals(), os.path.basename(os.getcwd()), plt.get_fignums(), plt.rcParams['font.size'],"
    " pd.get_option('display.width'))",
    "import sys; sys.path.insert(0, {folder!r}); import warner; warner.warn()"]


def _synthetic(cells: list[str], folder: str = "") -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c.format(folder=folder)) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def test_a_shared_kernel_gives_each_notebook_a_fresh_start(tmp_path):
    """SYNTHETIC: the second notebook in one kernel prints what it prints in a kernel of its own, although the
    first left a name, the working directory, a figure, settings and a shown warning behind; a failure names the
    notebook and its cell counted without the hidden reset cell."""
    from lsreports.publish.notebooks import NotebookError, SharedKernel

    (tmp_path / "warner.py").write_text("import warnings\n\ndef warn():\n    warnings.warn('from a module')\n",
                                        encoding="utf-8")
    alone = execute(_synthetic(READS_STATE, str(tmp_path)), "reads", tmp_path)
    with SharedKernel(tmp_path) as kernel:
        kernel.execute(_synthetic(LEAVES_STATE + READS_STATE[2:], str(tmp_path)), "leaves")  # the warning shown
        shared = kernel.execute(_synthetic(READS_STATE, str(tmp_path)), "reads")
        with pytest.raises(NotebookError, match=r"notebook 'broken', cell 1 \('1 / 0'\): ZeroDivisionError"):
            kernel.execute(_synthetic(["x = 1", "1 / 0"]), "broken")
    assert len(shared.cells) == len(READS_STATE)  # the reset cell is gone
    printed = [[(o.get("name"), o.get("text")) for o in c.outputs] for c in shared.cells]
    assert printed == [[(o.get("name"), o.get("text")) for o in c.outputs] for c in alone.cells]
    assert printed[1] == [("stdout", f"False {tmp_path.name} [] 10.0 80\n")]
    assert "from a module" in printed[2][0][1]
