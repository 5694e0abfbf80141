"""Where a command may write: never into the data folder, never over one of its inputs.

Only ``lsreports ingest --apply`` changes ``data/`` (through its own checks). Every
``-o`` / ``--review`` path goes through :func:`check_output_path` first, so that a typo
cannot replace the curated table with a command's output.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import OutputPathError
from .paths import PROJECT_ROOT, data_dir


def _data_folders() -> list[Path]:
    return [folder.resolve() for folder in {data_dir(), PROJECT_ROOT / "data"}]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_path(path: str | Path, *, inputs: tuple[str | Path, ...] = (), folder: bool = False) -> Path:
    """Return ``path`` if a command may write it; raise naming the reason otherwise.

    Parameters
    ----------
    path : str or pathlib.Path
        The output file (or folder, with ``folder=True``) a user asked for.
    inputs : tuple of paths
        Files the command reads (a report, a review file): never overwritten either.
    folder : bool
        ``path`` is an output folder (``briefing -o``) rather than a file.

    Returns
    -------
    pathlib.Path
        ``path`` as given.

    Raises
    ------
    OutputPathError
        If ``path`` lies in the data folder (``data/`` or ``$LSREPORTS_DATA``) or is one
        of ``inputs``; the message is one line saying what to do.
    """
    resolved = Path(path).expanduser().resolve()
    for data in _data_folders():
        if _inside(resolved, data) or (folder and _inside(data, resolved)):
            where = "in the data folder" if _inside(resolved, data) else "holding the data folder"
            raise OutputPathError(f"{path}: refusing to write outputs {where} {data} (only `lsreports ingest "
                                  "--apply` changes it); choose a path outside it")
    for source in inputs:
        if resolved == Path(source).expanduser().resolve():
            raise OutputPathError(f"{path}: refusing to overwrite an input of this command; choose another path")
    return Path(path)
