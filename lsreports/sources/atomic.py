"""Write a file whole or not at all: into a temporary file beside it, then renamed over it.

A command killed halfway leaves either the old file or the new one, never half of one:
:func:`os.replace` within one folder is atomic on POSIX and Windows.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder; rename it to ``path`` if the block succeeds.

    Parameters
    ----------
    path : pathlib.Path
        The file to write. Its folder is created if missing.

    Yields
    ------
    pathlib.Path
        Where the block writes (a hidden ``.<name>.*.tmp`` beside ``path``); removed if
        the block raises, so a failure leaves ``path`` as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        with naming(path):
            yield temporary
            if path.exists():  # keep the permissions of the file being replaced
                os.chmod(temporary, path.stat().st_mode & 0o7777)
            else:
                os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def naming(path: Path) -> Iterator[None]:
    """Give an operating-system error raised in the block the name of ``path`` if it has none.

    A write that fills the disk fails with "No space left on device" and no file name
    (the error comes from ``write`` or ``close``, not ``open``); the user must learn which
    output it was.
    """
    try:
        yield
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[IO], None], *, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = "") -> Path:
    """Open a temporary file beside ``path``, let ``write`` fill it, then rename it to ``path``.

    Parameters
    ----------
    path : pathlib.Path
        The file to write.
    write : callable
        Receives the open file object.
    mode : {"w", "wb"}
        Text or binary.
    encoding, newline : str or None
        As for :func:`open` (ignored in binary mode).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    with atomic_path(path) as temporary:
        if "b" in mode:
            with temporary.open(mode) as handle:
                write(handle)
        else:
            with temporary.open(mode, encoding=encoding, newline=newline) as handle:
                write(handle)
    return Path(path)


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_path`)."""
    return write_atomic(path, lambda handle: handle.write(text), encoding=encoding)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`)."""
    return write_atomic(path, lambda handle: handle.write(data), mode="wb", encoding=None, newline=None)
