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


def test_every_public_name_is_listed_and_documented():
    import inspect

    import lsreports as ls

    public = {name for name in dir(ls) if not name.startswith("_")}
    assert set(ls.__all__) <= public
    assert "consistency_flags" in dir(ls) and "series" in dir(ls) and "catalog" in dir(ls)
    for name in ls.__all__:
        obj = getattr(ls, name)
        doc = inspect.getdoc(obj) or ""
        assert doc, f"ls.{name} has no docstring"
        if inspect.isfunction(obj):
            assert "Returns\n-------" in doc, f"ls.{name}: no numpydoc Returns section"


def test_load_warns_instead_of_returning_silent_emptiness():
    import lsreports as ls
    from lsreports.errors import EmptySelectionWarning

    with pytest.warns(EmptySelectionWarning, match=r"'macro' has no 'value' rows; its measures are: yoy_pct"):
        assert ls.load("macro").empty
    assert (ls.load("macro", measure="yoy_pct")["indicator_id"] == "grdp").any()
    with pytest.warns(EmptySelectionWarning, match="'agriculture' has no indicators"):
        ls.load("agriculture")


def test_every_domain_the_readme_lists_has_rows():
    import re
    import warnings
    from pathlib import Path

    import lsreports as ls

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"`load` takes a domain \(([^)]*)\)", readme).group(1)
    domains = re.findall(r"`(\w+)`", listed)
    assert len(domains) >= 6, listed
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for domain in domains:
            assert len(ls.load(domain, measure=None)) > 0, domain


def test_frames_mark_missing_text_as_na_and_sort_periods_in_time_order():
    import lsreports as ls

    frame = ls.load("trade_total", measure=None, include_derived=True)
    assert frame["flag"].isna().any() and not (frame["flag"] == "").any()
    assert not (frame["note"] == "").any() and frame["note"].isna().any()
    assert frame["period"].cat.ordered
    order = frame.drop_duplicates("period").sort_values("period")
    assert order["end"].is_monotonic_increasing, order[["period", "end"]]
    # "2026 to 14 May" (a year to a day) sorts before "2026-05", which sorts text-wise first
    labels = list(frame["period"].cat.categories)
    assert labels.index("2026 to 14 May") < labels.index("2026-05")
    observations = ls.observations(include_derived=True)
    assert not (observations["flag"] == "").any() and observations["flag"].notna().any()
