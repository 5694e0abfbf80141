"""nbval settings for the workbook's notebooks.

stderr is not compared (kernel and library warnings vary between machines and versions);
everything else a cell prints or displays is, except images (nbval never compares PNGs).
Truly volatile text (memory addresses, timings) is masked by ``nbval_sanitize.cfg``.
"""
from __future__ import annotations


def pytest_collectstart(collector):
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb" \
            and hasattr(collector, "skip_compare"):
        collector.skip_compare = tuple(collector.skip_compare) + ("stderr",)
