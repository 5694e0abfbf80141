"""The public API of ``import lsreports``: what it lists, and that importing it changes nothing in a session."""
from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

#: Imports every module of the package, as a user exploring it might.
IMPORT_EVERYTHING = """
import importlib, pkgutil
import lsreports
for module in pkgutil.walk_packages(lsreports.__path__, "lsreports."):
    importlib.import_module(module.name)
"""


def _user_kernel_env() -> dict[str, str]:
    """The environment of a user's own kernel: no backend chosen (ipykernel then uses inline)."""
    return {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}


def _images(cell) -> int:
    return sum("image/png" in output.get("data", {}) for output in cell.outputs)


def test_a_users_plot_still_displays_in_a_kernel_after_importing_the_library(tmp_path):
    """In a Jupyter kernel: one plot before importing every module of lsreports, one after; both display."""
    plot = "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.show()"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(plot + "\nimport matplotlib; before = matplotlib.get_backend()"),
        nbformat.v4.new_code_cell(IMPORT_EVERYTHING),
        nbformat.v4.new_code_cell(plot + "\nprint(before == matplotlib.get_backend(), before)"),
    ])
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute(env=_user_kernel_env())
    first, _, after = notebook.cells
    assert _images(first) == 1, first.outputs
    assert _images(after) == 1, f"the user's plot after the import displayed nothing: {after.outputs}"
    printed = "".join(o.get("text", "") for o in after.outputs if o.output_type == "stream")
    assert printed.startswith("True"), printed


def test_importing_every_module_changes_no_global_option():
    """No backend switch, matplotlib rcParams or pandas option changes when the library is imported."""
    code = ("import matplotlib, pandas as pd\n"
            "snap = lambda: (matplotlib.rcParams.copy(), pd.options.display.max_colwidth, "
            "pd.options.display.width, pd.options.mode.copy_on_write)\n"
            "backend = matplotlib.rcParams._get_backend_or_none()\nbefore = snap()\n"
            + IMPORT_EVERYTHING +
            "\nassert matplotlib.rcParams._get_backend_or_none() == backend, matplotlib.rcParams._get_backend_or_none()"
            "\nassert snap() == before\nprint('unchanged')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_user_kernel_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "unchanged"
