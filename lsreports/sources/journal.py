"""The journal of a commit in progress: it can only finish its own commit, inside its own data folder.

``data/.lsreports-commit.json`` lists, for each file of a commit, the staged file and its
target as paths *relative to the data folder*, with the sha256 of the staged bytes and of
the target as it was before (``null`` when the target was new). Recovery replays an entry
only if

- both paths stay inside the data folder (a crafted or copied journal cannot reach out);
- the staged file still holds the staged bytes, and
- the target still holds exactly the bytes the commit meant to replace.

A target edited since the kill is reported and nothing is replayed over it: the journal
and the staged files are kept until the curator decides (the message says how).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError

__all__ = ["JOURNAL", "Entry", "digest", "dump", "load", "pending", "problems"]

#: Name of the journal of a commit in progress, in the locked folder.
JOURNAL = ".lsreports-commit.json"
VERSION = 2


def digest(path: Path) -> str | None:
    """Return the sha256 of the file at ``path`` (``None`` if there is none)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@dataclass(frozen=True)
class Entry:
    """One rename of a commit: ``staged`` over ``target`` (both relative to the data folder)."""

    staged: str
    target: str
    staged_sha256: str
    target_sha256: str | None

    def paths(self, root: Path) -> tuple[Path, Path]:
        """Return the staged file and the target under ``root``; raise if either leaves it."""
        base = root.resolve()
        out = []
        for name in (self.staged, self.target):
            path = (base / name).resolve()
            if Path(name).is_absolute() or base not in path.parents:
                raise DataFileError(f"{root / JOURNAL}: entry {name!r} leaves the data folder {root}; nothing was "
                                    f"replayed (a journal lsreports wrote names files inside it only); delete "
                                    f"{root / JOURNAL} after checking the data")
            out.append(path)
        return out[0], out[1]


def dump(root: Path, pairs: list[tuple[Path, Path]]) -> bytes:
    """Return the journal's bytes for ``(staged, target)`` pairs under ``root``."""
    base = Path(root).resolve()
    entries = [{"staged": str(staged.resolve().relative_to(base)), "target": str(target.resolve().relative_to(base)),
                "staged_sha256": digest(staged), "target_sha256": digest(target)} for staged, target in pairs]
    return json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=1).encode("utf-8")


def load(root: Path) -> list[Entry]:
    """Read the journal of ``root``; raise naming it if it is not one lsreports wrote."""
    journal = Path(root) / JOURNAL
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        entries = [Entry(e["staged"], e["target"], e["staged_sha256"], e["target_sha256"]) for e in data["entries"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{journal}: not a commit journal this lsreports can finish ({exc}); nothing was "
                            f"replayed; check the data files, then delete {journal}") from None
    for entry in entries:
        entry.paths(Path(root))
    return entries


def pending(root: Path, entries: list[Entry]) -> list[Entry]:
    """Return the entries still to replay (their staged file is still there)."""
    return [e for e in entries if e.paths(root)[0].exists()]


def problems(root: Path, entries: list[Entry]) -> list[str]:
    """Say, for each entry still to replay, why it cannot be (a staged file or target changed since the kill)."""
    found = []
    for entry in pending(root, entries):
        staged, target = entry.paths(root)
        if digest(staged) != entry.staged_sha256:
            found.append(f"the staged copy of {entry.target} changed")
        elif digest(target) != entry.target_sha256:
            found.append(f"{entry.target} was edited since the interrupted commit")
    return found
