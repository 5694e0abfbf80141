"""Errors raised by lsreports, each naming what was wrong and where."""
from __future__ import annotations


class DataFileError(ValueError):
    """A data file is missing or malformed; the message names the file and line."""


class UnknownIndicatorError(KeyError):
    """A name is neither a domain nor an indicator id; the message lists close matches."""

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return str(self.args[0]) if self.args else ""
