"""An output folder that stays the user's: the briefing build writes and removes only its own files.

``lsreports briefing -o DIR`` keeps a manifest, ``DIR/.lsreports-briefing.json``, of the
files it wrote there. A build

1. refuses a non-empty ``DIR`` that has no manifest (unless ``force``: then it writes its
   own files beside the others, which it never touches);
2. writes every page into a hidden staging folder inside ``DIR`` (same file system);
3. records the old and the new files in the manifest, renames each new file over its
   name, records only the new files, and removes the files only the old manifest listed.

``DIR`` itself is never moved or removed, so a kill leaves it in place, holding the old or
the new version of each page; staging folders of a killed build are removed by the next
one, which holds an exclusive ``flock`` on ``DIR`` so two builds never meet.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputPathError
from ..sources.atomic import write_text_atomic

__all__ = ["MANIFEST", "STAGING_PREFIX", "claim", "owned_folder", "publish"]

#: The list of files a build wrote into its output folder.
MANIFEST = ".lsreports-briefing.json"
#: Name prefix of the staging folder of a build in progress (inside the output folder).
STAGING_PREFIX = ".lsreports-building-"


def _own_name(name: str) -> bool:
    """Whether ``name`` (from a manifest) is a plain file name inside the folder, not a path out of it."""
    return bool(name) and name not in (".", "..", MANIFEST) and "/" not in name and "\\" not in name


def owned_files(out_dir: Path) -> set[str] | None:
    """Return the file names the manifest of ``out_dir`` lists (``None`` when there is no manifest).

    Raises
    ------
    OutputPathError
        If the manifest cannot be read as a list of file names.
    """
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        return None
    try:
        names = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise OutputPathError(f"{manifest}: not a briefing manifest ({exc}); remove it only if nothing else in "
                              f"{out_dir} is yours, or choose another folder") from None
    return {name for name in names if isinstance(name, str) and _own_name(name)}


def _others(out_dir: Path) -> list[str]:
    return sorted(p.name for p in out_dir.iterdir() if not p.name.startswith(STAGING_PREFIX) and p.name != MANIFEST)


def claim(out_dir: Path, *, force: bool = False) -> set[str]:
    """Return the files a previous build wrote into ``out_dir``; refuse a folder of someone else's files.

    Raises
    ------
    OutputPathError
        If ``out_dir`` is a file, or a non-empty folder without a manifest and ``force`` is false.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputPathError(f"{out_dir}: is a file, not a folder; choose a folder for the briefings")
    owned = owned_files(out_dir) if out_dir.exists() else None
    if owned is not None:
        return owned
    others = _others(out_dir) if out_dir.exists() else []
    if others and not force:
        raise OutputPathError(f"{out_dir}: folder holds files lsreports did not write ({', '.join(others[:3])}"
                              f"{', ...' if len(others) > 3 else ''}) and no {MANIFEST}; choose an empty or new "
                              "folder, or add --force to write beside them (they are left alone)")
    return set()


@contextmanager
def owned_folder(out_dir: Path, *, force: bool = False) -> Iterator[tuple[Path, set[str]]]:
    """Lock ``out_dir`` (created if missing), remove stale staging folders, yield a new staging folder.

    Yields
    ------
    (pathlib.Path, set of str)
        The staging folder (removed after the block) and the files the previous build owned.
    """
    owned = claim(out_dir, force=force)
    out_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputPathError(f"{out_dir}: another lsreports briefing is writing here; wait for it to "
                                  "finish, or choose another folder") from None
        _remove_stale(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
        try:
            yield staging, owned
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        os.close(descriptor)


def _remove_stale(out_dir: Path) -> None:
    """Remove the staging folders of killed builds (inside ``out_dir``, and beside it from older versions)."""
    stale = list(out_dir.glob(f"{STAGING_PREFIX}*"))
    stale += [p for pattern in (f".{out_dir.name}.building-*", f".{out_dir.name}.old-*")
              for p in out_dir.parent.glob(pattern)]
    for folder in stale:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _write_manifest(out_dir: Path, names: set[str]) -> None:
    write_text_atomic(out_dir / MANIFEST, json.dumps({"written_by": "lsreports briefing",
                                                      "files": sorted(names)}, indent=1) + "\n")


def publish(staging: Path, out_dir: Path, owned: set[str]) -> list[str]:
    """Move every file of ``staging`` into ``out_dir``; remove the files only the previous build wrote.

    Returns
    -------
    list of str
        The names of the files now in ``out_dir`` by this build.
    """
    new = sorted(p.name for p in staging.iterdir() if p.is_file())
    _write_manifest(out_dir, owned | set(new))  # a kill from here on leaves every file listed, none orphaned
    for name in new:
        os.replace(staging / name, out_dir / name)
    _write_manifest(out_dir, set(new))
    for name in owned - set(new):
        old = out_dir / name
        if old.is_file() and not old.is_symlink():
            old.unlink()
    return new
