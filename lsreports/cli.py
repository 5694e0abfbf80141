"""The ``lsreports`` command: one sub-command per job, each defined in its own module.

A module that offers a sub-command exposes ``register(subparsers)``, which adds its
parser and sets ``func`` (called with the parsed arguments, returning an exit code).

Errors reach the user as one line on standard error, naming the file, line or indicator
and what to do, with exit code 2; ``lsreports --debug COMMAND`` shows the traceback instead.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

#: Modules that contribute sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "lsreports.commands.summary",
    "lsreports.commands.curate",
    "lsreports.commands.analysis",
    "lsreports.commands.briefing",
    "lsreports.commands.extract",
)

#: Exit code of every error (argparse's own for a usage error).
ERROR_EXIT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (the usage is under ``--help``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(ERROR_EXIT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``lsreports`` command with every sub-command registered."""
    parser = _Parser(prog="lsreports", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def one_line(exc: BaseException) -> str:
    """Return an error's message on one line, with what to do for the errors that do not say it."""
    from .errors import DataFileError, NothingToDoError, OutputPathError, UnknownIndicatorError

    text = " ".join(str(exc).split())
    if isinstance(exc, (DataFileError, UnknownIndicatorError, OutputPathError, NothingToDoError)):
        return text
    if isinstance(exc, PermissionError):
        return f"{exc.filename or text}: permission denied; choose a folder you can write to"
    if isinstance(exc, FileNotFoundError):
        return f"{exc.filename or text}: file or folder not found; check the path"
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or text}".lstrip(": ")
    if type(exc).__module__.startswith("lsreports"):  # the package's own errors name what and where
        return text
    return (f"unexpected {type(exc).__name__}: {text or 'no message'}; this is a bug in lsreports, "
            "please report it with the output of `lsreports --debug ...`")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line, not only before the command
    args = build_parser().parse_args([a for a in argv if a != "--debug"])
    name = " ".join(filter(None, [args.command, getattr(args, "action", None)]))
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"lsreports {name}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every error becomes one line; --debug shows it whole
        if debug:
            raise
        print(f"lsreports {name}: error: {one_line(exc)}", file=sys.stderr)
        return ERROR_EXIT


if __name__ == "__main__":
    sys.exit(main())
