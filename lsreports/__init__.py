"""lsreports: the socio-economic reports of Lạng Sơn province as tidy, traceable tables.

>>> import lsreports as ls
>>> ls.load("trade")            # a domain, labelled and ready to plot
>>> ls.observations()           # the contract table (printed rows)
>>> ls.consistency_flags()      # what the reports' figures say about each other
"""
from __future__ import annotations

from .errors import DataFileError, UnknownIndicatorError
from .access import load, observations
from .sources.loader import indicators, reports, targets

__all__ = [
    "DataFileError", "UnknownIndicatorError", "consistency_flags", "indicators", "load",
    "observations", "reports", "targets",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Heavier modules load on first use, so `import lsreports` stays cheap.
    if name == "consistency_flags":
        from .analysis.consistency import consistency_flags

        return consistency_flags
    raise AttributeError(f"module 'lsreports' has no attribute {name!r}")
