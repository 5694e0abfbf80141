"""benchmarks/test_suite.py reads the suite's total and its nbval part from pytest's output."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "test_suite.py"

#: SYNTHETIC pytest output (--durations=0): three notebook items (one of the Vietnamese edition), two test items.
LOG = """============================= slowest durations ==============================
30.00s call     notebooks/trade.ipynb::Cell 3
2.50s setup    notebooks/budget.ipynb::Cell 0
4.00s call     notebooks/vi/trade.ipynb::Cell 3
10.00s call     tests/test_browser.py::test_pdf_is_printed_on_a4
0.50s setup    tests/test_briefing.py::test_x[a::b]
========== 900 passed, 4 skipped in 100.25s (0:01:40) ==========
"""


def _module():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec = importlib.util.spec_from_file_location("test_suite_benchmark_script", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPT.parent))


def test_the_nbval_part_is_the_notebook_items_and_the_total_is_pytests():
    assert _module().parse(LOG) == {"total": 100.25, "nbval": 36.5, "nbval_vi": 4.0, "tests": 10.5}


def test_a_log_without_notebook_items_is_refused():
    with pytest.raises(ValueError, match="no duration of a notebook item"):
        _module().parse(LOG.replace("notebooks/", "tests/"))


def test_per_file_sums_each_files_items_largest_first():
    assert _module().per_file(LOG).splitlines() == [
        "   30.0 s  notebooks/trade.ipynb", "   10.0 s  tests/test_browser.py", "    4.0 s  notebooks/vi/trade.ipynb",
        "    2.5 s  notebooks/budget.ipynb", "    0.5 s  tests/test_briefing.py"]
