"""The nbval plugin skips stderr, and only stderr, on top of nbval's own skips."""
from pathlib import Path
from types import SimpleNamespace

from lsreports.publish.nbval_hooks import pytest_collectstart


def test_stderr_is_added_to_notebook_skips():
    notebook = SimpleNamespace(path=Path("trade.ipynb"), skip_compare=("metadata", "image/png"))
    pytest_collectstart(notebook)
    assert notebook.skip_compare == ("metadata", "image/png", "stderr")


def test_other_collectors_are_left_alone():
    module = SimpleNamespace(path=Path("test_x.py"), skip_compare=("metadata",))
    pytest_collectstart(module)
    assert module.skip_compare == ("metadata",)
