"""lsreports: the socio-economic reports of Lạng Sơn province as tidy, traceable tables.

>>> import lsreports as ls
>>> trade = ls.load("trade")             # a domain, labelled and ready to plot
>>> table = ls.catalog()                 # one row per indicator: measures, periods, rows
>>> monthly = ls.series("trade_total")   # one indicator, monthly, on a PeriodIndex
>>> flags = ls.flags()                   # every finding of every check, in one table
>>> checks = ls.consistency_flags()      # what the reports' figures say about each other

Every public name is in ``__all__`` (and so in ``dir(ls)`` and tab completion), each with
a numpydoc docstring; importing the package changes nothing in the session (no plotting
backend, no pandas or matplotlib option), but for one thing inside IPython: every DataFrame
displayed also carries its rendering in words for the briefings, as an extra MIME type that
JupyterLab does not show (:mod:`lsreports.publish.reader_format`).
"""
from __future__ import annotations

from .access import catalog, load, observations, series
from .errors import DataFileError, EmptySelectionWarning, UnknownIndicatorError
from .sources.loader import indicators, reports, targets

__all__ = [
    "DataFileError", "EmptySelectionWarning", "UnknownIndicatorError", "catalog", "consistency_flags", "flags",
    "indicators", "load", "observations", "reports", "series", "targets",
]
__version__ = "0.1.0"

from .publish.reader_format import register as _register_reader_format  # noqa: E402

_register_reader_format()


def __getattr__(name: str):
    # Heavier modules load on first use, so `import lsreports` stays cheap.
    if name == "consistency_flags":
        from .analysis.checks.consistency import consistency_flags

        return consistency_flags
    if name == "flags":
        from .analysis.checks.flags import flags

        return flags
    raise AttributeError(f"module 'lsreports' has no attribute {name!r}")


def __dir__() -> list[str]:
    # consistency_flags and flags are loaded lazily, so the module's namespace alone would not list it.
    return sorted((set(globals()) - {"annotations"}) | set(__all__))
