"""Changes to several files of the data folder, one writer at a time, that a kill cannot leave half done.

(One file written whole or not at all: :mod:`lsreports.sources.atomic`.)

- :func:`data_lock` holds an exclusive ``flock`` on the data folder itself (no lock file
  is created), so two ``ingest --apply`` never interleave; readers that must see one
  state (a briefing build) hold it shared.
- :class:`Commit` stages several files, then writes a journal (itself atomically) listing
  the renames still to do; the journal is the commit point. Killed before it, nothing
  has changed (the staged temporary files are removed by the next :func:`recover`);
  killed after it, the next :func:`recover` finishes the renames, if the files are still
  exactly those the journal names (:mod:`lsreports.sources.journal`).
- :func:`settle` is what every command that reads the data folder runs first: it
  finishes a pending commit, or says why it cannot.
- :func:`checkpoint` is a fault-injection hook for the tests: ``LSREPORTS_FAULT=<point>``
  kills the process at that point with SIGKILL; ``LSREPORTS_PAUSE=<point>:<seconds>``
  prints ``paused at <point>`` on standard error and sleeps.
"""
from __future__ import annotations

import fcntl
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DataBusyError, DataFileError
from . import journal
from .atomic import naming
from .journal import JOURNAL

__all__ = ["JOURNAL", "TEMP_MARK", "Commit", "appended", "checkpoint", "data_lock", "recover", "settle"]
#: Part of the name of every temporary file, so that a stale one is recognised.
TEMP_MARK = ".lsreports-tmp-"


def checkpoint(point: str) -> None:
    """Kill or pause the process at ``point`` when the test environment asks for it (see the module docstring)."""
    if os.environ.get("LSREPORTS_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
    pause = os.environ.get("LSREPORTS_PAUSE", "")
    if pause.partition(":")[0] == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        time.sleep(float(pause.partition(":")[2] or 1))


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` (same file system), flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}{TEMP_MARK}", delete=False)
    try:
        with naming(path), handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    if path.exists():
        os.chmod(handle.name, path.stat().st_mode & 0o777)
    else:
        os.chmod(handle.name, 0o666 & ~_umask())
    return Path(handle.name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_durably(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` by renaming a flushed temporary file over it."""
    staged = _stage(path, data)
    os.replace(staged, path)
    _fsync_folder(path.parent)


def appended(path: Path, text: str) -> bytes:
    """Return the bytes of ``path`` with ``text`` appended, adding the final newline the file may lack."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data += b"\n"
    return data + text.encode("utf-8")


@contextmanager
def data_lock(folder: str | Path, timeout: float = 60.0, *, shared: bool = False) -> Iterator[None]:
    """Hold a lock on ``folder`` (``flock`` on the folder itself) while the block runs.

    Parameters
    ----------
    folder : str or pathlib.Path
        The data folder.
    timeout : float
        Seconds to wait for another holder.
    shared : bool
        Take the lock shared (readers that need one state of the data) rather than exclusive (writers).

    Raises
    ------
    lsreports.errors.DataBusyError
        If another process holds the lock for more than ``timeout`` seconds.
    """
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(descriptor, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DataBusyError(f"{folder}: another lsreports command (an ingest --apply writing, or a "
                                        f"briefing build reading) has held it for over {timeout:.0f} s; wait for "
                                        "it to finish, then try again") from None
                time.sleep(0.05)
        checkpoint("locked")
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


class Commit:
    """Changes to several files under ``root``, made all together or not at all.

    Stage each file's new content with :meth:`stage`, then :meth:`apply`. Hold
    :func:`data_lock` on ``root`` around both, and call :func:`recover` first.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.staged: list[tuple[Path, Path]] = []

    def stage(self, path: Path, data: bytes) -> Path:
        """Write ``data`` beside ``path`` (not yet in place); return the staged file (to check it before applying)."""
        staged = _stage(path, data)
        self.staged.append((staged, Path(path)))
        return staged

    def abandon(self) -> None:
        """Remove the staged files (nothing was changed)."""
        for temporary, _ in self.staged:
            temporary.unlink(missing_ok=True)
        self.staged = []

    def apply(self) -> None:
        """Write the journal (the commit point), rename every staged file into place, drop the journal."""
        checkpoint("staged")
        _write_durably(self.root / JOURNAL, journal.dump(self.root, self.staged))
        checkpoint("committed")
        _finish(self.root, journal.load(self.root))
        self.staged = []


def _finish(root: Path, entries: list[journal.Entry]) -> None:
    for number, entry in enumerate(entries, start=1):
        temporary, target = entry.paths(root)
        if temporary.exists():
            os.replace(temporary, target)
            _fsync_folder(target.parent)
        checkpoint(f"replaced-{number}")
    (root / JOURNAL).unlink(missing_ok=True)
    _fsync_folder(root)


def recover(root: str | Path) -> str:
    """Finish a commit that a killed process left journalled, and remove stale temporary files.

    Call it holding :func:`data_lock` on ``root``.

    Returns
    -------
    str
        What was done (empty when there was nothing to do).

    Raises
    ------
    lsreports.errors.DataFileError
        If the journal cannot be finished (a target edited since, an entry outside ``root``,
        not a journal lsreports wrote): nothing is replayed, the journal and its staged files are kept.
    """
    root = Path(root)
    done = []
    if (root / JOURNAL).exists():
        entries = journal.load(root)
        blocked = journal.problems(root, entries)
        if blocked:
            raise DataFileError(f"{root / JOURNAL}: an interrupted commit cannot be finished: {'; '.join(blocked)}; "
                                f"nothing was replayed over it; check the files, then delete {root / JOURNAL} to "
                                "keep them as they are (and apply the review again)")
        _finish(root, entries)
        done.append(f"finished an interrupted commit of {len(entries)} files")
    stale = [path for path in root.rglob(f"*{TEMP_MARK}*") if path.is_file()]
    for path in stale:
        path.unlink()
    if stale:
        done.append(f"removed {len(stale)} temporary files of an interrupted write")
    return "; ".join(done)


def settle(root: str | Path) -> str:
    """Before reading ``root``: finish a pending commit, or say why it cannot be; return what to tell the user.

    Takes the lock only if a journal is there (reads without one cost nothing). A commit
    that another process is making right now is waited for (up to the lock's timeout).

    Returns
    -------
    str
        One line for standard error: what was finished, or why a pending commit was not
        (then the data holds part of that commit); empty when nothing was pending.
    """
    root = Path(root)
    if not (root / JOURNAL).exists():
        return ""
    try:
        with data_lock(root):
            done = recover(root)
    except DataFileError as exc:
        return f"warning: {exc}"
    return f"{root}: {done}" if done else ""
