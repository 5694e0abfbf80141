"""Between two notebooks executed in one kernel: back to the state a fresh kernel starts from.

A briefing build executes an edition's notebooks in one kernel (:class:`lsreports.publish.notebooks.SharedKernel`),
so the imports are paid once. Before each notebook, a hidden cell clears the user namespace (``%reset -f``,
which keeps ``sys.modules``) and calls :func:`fresh`. What else a notebook can leave behind is reset here:
the working directory, open figures and matplotlib's settings, pandas' display options, and the warnings
already shown once (a fresh kernel would show them again). The build is checked to give the same pages
as one kernel per notebook (``benchmarks/briefing_build.py``, ``tests/test_briefing.py``).
"""
from __future__ import annotations

import os
import sys
import warnings


def fresh(cwd: str) -> None:
    """Reset what a notebook may have changed in the kernel's modules, and go to ``cwd``.

    Parameters
    ----------
    cwd : str
        The working directory the next notebook starts in (its folder).
    """
    os.chdir(cwd)
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")  # figure numbers start at 1 again
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        matplotlib.rc_file_defaults()  # the settings as imported (the backend is kept)
    pandas = sys.modules.get("pandas")
    if pandas is not None and hasattr(pandas, "reset_option"):
        pandas.reset_option(r"^display\.")
    kept = list(warnings.filters)
    warnings.resetwarnings()  # also forgets which warnings were shown (every module's registry)
    warnings.filters[:] = kept
    warnings.onceregistry.clear()
