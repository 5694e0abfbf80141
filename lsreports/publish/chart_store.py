"""Charts kept by content: a chart whose inputs did not change is shown from its stored image, not drawn again.

A briefing build runs every notebook again after any change to the data, and drawing the
charts (seaborn, the layout that measures text, the PNG) is about half of a notebook's work.
In the build's kernels the chart functions marked :func:`stored_chart` return a
:class:`Recipe` (the function, its arguments and the steps applied after it, such as
:func:`lsreports.publish.charts.add_source`) instead of a figure; :func:`show` looks the
recipe up by its key and draws it only when no valid entry exists.

The key (:meth:`Recipe.key`) is the sha256 of everything that decides the image:

- the function, its arguments and the steps after it, by content (their pickle);
- the library's source code and the versions of matplotlib, seaborn, pandas and numpy;
- matplotlib's settings (``rcParams``) and the page's language;
- every file of the data folder but the province's table, by content;
- the flag table (:func:`lsreports.analysis.checks.flags.flags`), whose reasons charts mark.

The province's table (``observations.csv``) is not in the key: a chart gets the rows it draws
as arguments. A drawing that reads the table by itself (any read but the flag table's own,
see :func:`lsreports.sources.loader.observation_reads`) is shown but not kept. A recipe that
is asked for anything else than a step (``fig.axes``...) is drawn there and then and is never
kept, since what the caller does with the figure is not in its key. Entries are read back
only whole (:mod:`lsreports.sources.content_store`), from ``charts/`` in the build's folder
(:mod:`lsreports.publish.build_cache`); outside a build (JupyterLab, nbval) charts are drawn as before.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..sources.content_store import kept
from ..sources.public_texts import sha256_of
from .build_cache import code_version, in_this_process

#: Bump when what an entry holds changes.
FORMAT = 1


@dataclass(frozen=True)
class Rendered:
    """A chart as a page shows it: the PNG, its alternative text and the rows drawn (CSV, or None)."""

    png: bytes
    alt: str
    rows_csv: str | None
    rows_count: int


def png_bytes(fig: plt.Figure) -> bytes:
    """Render a figure to PNG without timestamps or software tags (same figure, same bytes), and close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    plt.close(fig)
    return buffer.getvalue()


def render(fig: plt.Figure, data: pd.DataFrame | None = None) -> Rendered:
    """Render ``fig`` with its alternative text (its first title) and the rows it draws (``data``, else
    ``fig.lsreports_rows``)."""
    rows = data if data is not None else getattr(fig, "lsreports_rows", None)
    titles = [fig.get_suptitle()] + [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center")]
    alt = next((t for t in titles if t), "chart")
    csv = None if rows is None else rows.to_csv(index=False, lineterminator="\n")
    return Rendered(png_bytes(fig), alt, csv, 0 if rows is None else len(rows))


class Recipe:
    """A chart not drawn yet: the function that draws it, its arguments, and the steps applied after it."""

    def __init__(self, build: Callable[..., plt.Figure], args: tuple, kwargs: dict,
                 steps: tuple[tuple[Callable, tuple], ...] = ()) -> None:
        self.__dict__.update(build=build, args=args, kwargs=kwargs, steps=steps, drawn=None)

    def then(self, step: Callable, *args) -> "Recipe":
        """Follow this recipe with ``step(figure, *args)``, in place as a figure changes (at once if already drawn)."""
        if self.drawn is not None:
            step(self.drawn, *args)
        else:
            self.__dict__["steps"] = self.steps + ((step, args),)
        return self

    def figure(self) -> plt.Figure:
        """Draw the chart: the function, then each step."""
        fig = self.build(*self.args, **self.kwargs)
        for step, args in self.steps:
            fig = step(fig, *args)
        return fig

    def __getattr__(self, name: str):
        # Anything else asked of the chart draws it; what the caller then changes is not in the key.
        if self.drawn is None:
            self.__dict__["drawn"] = self.figure()
        return getattr(self.drawn, name)

    def key(self) -> str | None:
        """The sha256 of everything that decides the image (see the module), or None if an argument can't be pickled."""
        try:
            call = content_digest((self.build, self.args, self.kwargs, self.steps))
        except (pickle.PicklingError, TypeError):
            return None
        digest = hashlib.sha256(f"chart {FORMAT}\n{code_version()}\n{_data_digest()}\n".encode())
        digest.update(_flags_digest())
        digest.update(repr(sorted(matplotlib.rcParams.items())).encode())
        from .i18n import lang

        digest.update(lang().encode())
        digest.update(call)
        return digest.hexdigest()

    def rendered(self) -> Rendered:
        """The stored rendering of this chart, or its drawing (kept when its key holds all it read)."""
        if self.drawn is not None:
            return render(self.drawn)
        from ..sources.loader import observation_reads

        folder, reads = in_this_process(), []

        def draw() -> Rendered:
            reads.append(observation_reads())
            out = render(self.figure())
            reads.append(observation_reads())
            return out

        def read_nothing_else() -> bool:  # no read of the province's table but the flag table's own
            (all_before, declared_before), (all_after, declared_after) = reads
            return all_after - all_before == declared_after - declared_before

        return kept(None if folder is None else folder / "charts", None if folder is None else self.key(), draw,
                    lambda value: isinstance(value, Rendered), read_nothing_else)


def stored_chart(build: Callable[..., plt.Figure]) -> Callable[..., "plt.Figure | Recipe"]:
    """Mark a chart function: where the store is on (:func:`lsreports.publish.build_cache.in_this_process`), calling it returns a :class:`Recipe`."""
    @functools.wraps(build)
    def chart(*args, **kwargs):
        if in_this_process() is None:
            return build(*args, **kwargs)
        try:  # the arguments as they are now: a frame the caller changes before showing must not change the chart
            args, kwargs = copy.deepcopy((args, kwargs))
        except (TypeError, copy.Error, pickle.PicklingError):
            return build(*args, **kwargs)
        return Recipe(build, args, kwargs)
    return chart


def content_digest(value: object) -> bytes:
    """A digest of ``value``'s content: equal frames give equal digests however they were built.

    Frames, series and indexes are digested by their labels, dtypes, values
    (:func:`pandas.util.hash_pandas_object`) and ``attrs``; arrays by their bytes; dataclasses,
    dicts (in order), lists and tuples by their parts; functions by their qualified name; scalars
    by type and ``repr``. Anything else by its pickle (a ``TypeError`` or ``PicklingError`` if it
    has none).
    """
    digest = hashlib.blake2b(digest_size=32)
    _digest_into(digest, value)
    return digest.digest()


def _digest_into(digest, value: object) -> None:
    put = lambda *parts: digest.update("\x1f".join(map(str, parts)).encode() + b"\x1e")  # noqa: E731
    if isinstance(value, (pd.DataFrame, pd.Series)):
        frame = isinstance(value, pd.DataFrame)
        put(type(value).__name__, list(map(str, value.columns)) if frame else value.name,
            list(map(str, value.dtypes)) if frame else value.dtype)
        _digest_into(digest, value.index)
        digest.update(pd.util.hash_pandas_object(value, index=False).to_numpy().tobytes())
        _digest_into(digest, dict(value.attrs))
    elif isinstance(value, pd.Index):
        put("Index", type(value).__name__, value.names, value.dtype if not isinstance(value, pd.MultiIndex) else "")
        digest.update(pd.util.hash_pandas_object(value).to_numpy().tobytes())
    elif isinstance(value, np.ndarray):
        put("ndarray", value.dtype, value.shape)
        digest.update(np.ascontiguousarray(value).tobytes() if value.dtype != object else pickle.dumps(value.tolist()))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        put("dataclass", _name(type(value)))
        for item in dataclasses.fields(value):
            put(item.name)
            _digest_into(digest, getattr(value, item.name))
    elif isinstance(value, dict):
        put("dict", len(value))
        for key, item in value.items():
            _digest_into(digest, key)
            _digest_into(digest, item)
    elif isinstance(value, (list, tuple)):
        put(type(value).__name__, len(value))
        for item in value:
            _digest_into(digest, item)
    elif isinstance(value, (set, frozenset)):
        put(type(value).__name__, sorted(map(repr, value)))
    elif callable(value) and hasattr(value, "__qualname__"):
        if "<" in value.__qualname__:  # a lambda or a local function: its name does not say what it does
            raise TypeError(f"{value.__qualname__} has no content digest")
        put("callable", _name(value))
    elif value is None or isinstance(value, (str, bytes, bool, int, float, complex, np.generic, pd.Timestamp,
                                              pd.Period, pd.Timedelta)):
        put(type(value).__name__, repr(value))
    else:
        put("pickle", type(value).__name__)
        digest.update(pickle.dumps(value, protocol=5))


def _name(function: Callable) -> str:
    target = getattr(function, "__wrapped__", function)
    return f"{target.__module__}.{target.__qualname__}"


@lru_cache(maxsize=256)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    return sha256_of(Path(path))  # read again only when the file's time or size changed


def _data_digest() -> str:
    """The content of every file of the data folder but the province's table (``curated/observations.csv``)."""
    from ..sources.paths import curated_dir, data_dir

    table = (curated_dir() / "observations.csv").resolve()
    digest = hashlib.sha256()
    root = data_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.resolve() != table):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}\0{_file_digest(str(path), stat.st_mtime_ns, stat.st_size)}\n".encode())
    return digest.hexdigest()


def _flags_digest() -> bytes:
    """A digest of the flag table of the data as it is now (kept while the data files are unchanged)."""
    from ..sources.paths import curated_dir, file_key

    return _flags_digest_of(file_key(curated_dir() / "observations.csv"), _data_digest())


@lru_cache(maxsize=4)
def _flags_digest_of(observations_key: tuple, data_digest: str) -> bytes:
    from ..analysis.checks.flags import flags

    table = flags(national=True)
    hashed = pd.util.hash_pandas_object(table, index=True).to_numpy().tobytes()
    return hashlib.sha256("\0".join(map(str, table.columns)).encode() + hashed).digest()


__all__ = ["FORMAT", "Recipe", "Rendered", "content_digest", "png_bytes", "render", "stored_chart"]
