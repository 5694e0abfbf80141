"""The ``lsreports`` command: one sub-command per job, each defined in its own module.

A module that offers a sub-command exposes ``register(subparsers)``, which adds its
parser and sets ``func`` (called with the parsed arguments, returning an exit code).
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: Modules that contribute sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "lsreports.commands.summary",
    "lsreports.commands.curate",
    "lsreports.commands.analysis",
    "lsreports.commands.briefing",
    "lsreports.commands.extract",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``lsreports`` command with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="lsreports", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from .errors import DataBusyError, DataFileError, ReportIdError, UnknownIndicatorError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (DataFileError, UnknownIndicatorError, ReportIdError, DataBusyError) as exc:
        print(f"lsreports {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
