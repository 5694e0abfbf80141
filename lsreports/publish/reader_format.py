"""Every DataFrame a notebook displays also carries its reader's rendering, as one more MIME type.

Inside IPython, importing lsreports registers a display formatter for :data:`READER_MIME`: the
frame in words (:func:`lsreports.publish.reader_tables.readable_html`, in the language of
``LSREPORTS_LANG``), beside pandas' own ``text/html``. JupyterLab does not know the type and shows
pandas' table as before; the stored ``.ipynb`` keeps both, nbval compares both with a fresh
execution, and a briefing shows the reader's one (:func:`lsreports.publish.briefing.in_words`).
So the English edition can be exported from the stored, nbval-checked outputs without a kernel.
"""
from __future__ import annotations

import sys

#: The MIME type of a DataFrame in words (an HTML table, ``class="lsr-reader"``).
READER_MIME = "application/vnd.lsreports.reader+html"
#: Longer frames get no rendering in words: no briefing shows such a table (the longest has 65 rows), and
#: in the economist's session a whole national table (18,000 rows) would cost seconds and megabytes at
#: every display. A briefing refuses a DataFrame without its rendering, naming the cell.
READER_MAX_ROWS = 1000


def _reader_html(frame) -> str | None:
    if len(frame) > READER_MAX_ROWS:
        return None
    from .reader_tables import readable_html  # on first display: `import lsreports` stays cheap

    return readable_html(frame)


def register() -> bool:
    """Register the :data:`READER_MIME` formatter for DataFrames in the running IPython shell.

    Does nothing outside IPython (IPython is never imported here), and renders nothing where the
    shell shows no HTML (a terminal IPython). Safe to call again: the formatter is registered once.

    Returns
    -------
    bool
        Whether a shell was found (and now renders DataFrames in words too).
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    display = getattr(shell, "display_formatter", None)
    if display is None:
        return False
    if READER_MIME not in display.formatters:
        display.register_formatter(_formatter_class()(parent=display))
    import pandas as pd  # already imported by lsreports

    reader = display.formatters[READER_MIME]
    reader.for_type(pd.DataFrame, _reader_html)
    # Only where HTML is shown at all: a terminal IPython displays text/plain alone.
    reader.enabled = getattr(display.formatters.get("text/html"), "enabled", True)
    return True


def _formatter_class():
    """The formatter's class (IPython's base imported only when a shell is running)."""
    from IPython.core.formatters import BaseFormatter
    from traitlets import ObjectName, Unicode

    class ReaderFormatter(BaseFormatter):
        """A DataFrame as its reader sees it (:data:`READER_MIME`)."""

        format_type = Unicode(READER_MIME)
        print_method = ObjectName("_repr_lsreports_reader_")

    return ReaderFormatter
