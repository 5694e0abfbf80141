"""pytest plugin for the workbook's nbval runs (loaded with ``-p lsreports.publish.nbval_hooks``).

stderr is not compared (kernel and library warnings vary between machines and versions);
everything else a cell prints or displays is, except images (nbval never compares PNGs).
Truly volatile text (memory addresses, timings) is masked by ``notebooks/nbval_sanitize.cfg``.
A plugin rather than ``notebooks/conftest.py``: two conftest modules would shadow each
other for the tests that import helpers from ``tests/conftest.py``.
"""
from __future__ import annotations

import os


def pytest_configure(config) -> None:
    """Kernels started by nbval run in the environment the briefing build gives its kernels.

    Set in the test process (nbval's kernels inherit it): ``MPLBACKEND=agg`` and the
    debugger's file validation off, unless already set.
    """
    from .notebooks import kernel_environment

    for name, value in kernel_environment().items():
        os.environ.setdefault(name, value)


def pytest_collectstart(collector) -> None:
    """Add ``stderr`` to the output keys nbval skips for every notebook it collects."""
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb" \
            and hasattr(collector, "skip_compare"):
        collector.skip_compare = tuple(collector.skip_compare) + ("stderr",)
