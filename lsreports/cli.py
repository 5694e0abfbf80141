"""The ``lsreports`` command: one sub-command per job, each defined in its own module.

A module that offers a sub-command exposes ``register(subparsers)``, which adds its
parser and sets ``func`` (called with the parsed arguments, returning an exit code).
What ``lsreports --help`` says of each command, for its user, and an example of each are
in :data:`COMMAND_HELP`, one table, applied over what the modules registered.

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

#: What ``--help`` says of each command (one line, for the user) and an example, in the order listed.
COMMAND_HELP: dict[str, tuple[str, str]] = {
    "summary": ("what the data holds, source checksums, consistency flags", "lsreports summary"),
    "flags": ("every check's findings in one table, with reasons", "lsreports flags --indicator retail_sales"),
    "curate": ("curator's checks: quotes in their reports, figures missed", "lsreports curate gaps 003"),
    "derive": ("figures the printed ones imply, with formulas, as CSV", "lsreports derive -o derived.csv"),
    "project": ("year-end projections from the year to date, against plan", "lsreports project --year 2026"),
    "briefing": ("HTML briefings for readers, with an index page", "lsreports briefing -o briefings"),
    "notebooks": ("check notebooks against their .py sources, or re-run them", "lsreports notebooks --refresh"),
    "excel": ("the tables as an Excel workbook whose numbers compute", "lsreports excel -o exports/lsreports.xlsx"),
    "extract": ("candidate rows from a new report's text, with quotes", "lsreports extract report.txt -o rows.csv"),
    "ingest": ("review a new report's rows against the table, add them",
               "lsreports ingest report.txt --review review.csv"),
}
DESCRIPTION = ("The figures of Lạng Sơn's socio-economic reports, each with its verbatim\n"
               "source: check them, derive and project from them, publish briefings and workbooks.")

#: Exit code of every error (argparse's own for a usage error).
ERROR_EXIT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (the usage is under ``--help``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(ERROR_EXIT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help with every command's line beside its name (argparse measures sub-commands one indent short)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=18)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        names = [len(self._format_action_invocation(a)) for a in getattr(action, "_choices_actions", [])]
        if names:
            self._action_max_length = max(self._action_max_length, max(names) + self._current_indent + 2)



def _describe(subparsers: argparse._SubParsersAction) -> str:
    """Give each command its line of :data:`COMMAND_HELP` and its example; return the examples' block."""
    examples = []
    for action in subparsers._choices_actions:
        text, example = COMMAND_HELP.get(action.dest, (action.help, ""))
        action.help = text
        parser = subparsers.choices[action.dest]
        parser.description = parser.description or text[:1].upper() + text[1:] + "."
        if example:
            parser.epilog = f"example: {example}"
            parser.formatter_class = _Formatter
            examples.append(f"  {example}")
    return "\n".join(examples)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``lsreports`` command with every sub-command registered."""
    parser = _Parser(prog="lsreports", description=DESCRIPTION, formatter_class=_Formatter)
    parser.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    parser.epilog = (f"examples:\n{_describe(subparsers)}\n\n"
                     "lsreports COMMAND --help lists a command's options.")
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


def _settle_data(name: str, args: argparse.Namespace) -> None:
    """Finish a commit a killed ``ingest --apply`` left pending, or say on stderr that one is pending.

    The writers (``ingest --apply``, ``curate national``) recover under their own lock, and
    refuse to write while a pending commit cannot be finished.
    """
    from .sources.commit import settle
    from .sources.paths import data_dir

    if getattr(args, "apply", None) or name == "curate national":
        return
    said = settle(data_dir())
    if said:
        print(f"lsreports {name}: {said}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line, not only before the command
    args = build_parser().parse_args([a for a in argv if a != "--debug"])
    name = " ".join(filter(None, [args.command, getattr(args, "action", None)]))
    try:
        _settle_data(name, args)
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
