"""Errors raised by lsreports, each naming what was wrong and where."""
from __future__ import annotations


class DataFileError(ValueError):
    """A data file is missing or malformed; the message names the file and line."""


class UnknownIndicatorError(KeyError):
    """A name is neither a domain nor an indicator id; the message lists close matches."""

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return str(self.args[0]) if self.args else ""


class ReportIdError(ValueError):
    """A report id holds characters other than ``A-Z a-z 0-9 _ -`` (it names a file under data/raw/reports/)."""


class DataBusyError(RuntimeError):
    """Another process holds the data folder's write lock for too long; the message says what to do."""


class UnknownReportError(UnknownIndicatorError):
    """A report id (or prefix) matches no report, or several; the message lists the known ids."""


class OutputPathError(ValueError):
    """An output path would overwrite the data or an input; the message says what to do."""


class NothingToDoError(ValueError):
    """A command has no data to work on (an empty table); the message says what is missing."""


class EmptySelectionWarning(UserWarning):
    """A selection has no rows; the message names what exists instead (other measures, domains)."""
