"""The reader's language: English or Vietnamese, one template per message and language.

The language of a page is chosen once, for the whole build: ``lsreports briefing --lang vi``
passes ``LSREPORTS_LANG=vi`` to every notebook's kernel (so one notebook serves both
editions) and builds the overview inside :func:`using`. Everything a reader sees takes its
words from :func:`t` (the message catalogue ``templates/messages.csv``: one row per message
id, one column per language, written by people, never machine-translated) and its numbers
from :mod:`lsreports.publish.formatting`, which follows :func:`lang`.
"""
from __future__ import annotations

import contextlib
import contextvars
import csv
import functools
import os
from collections.abc import Iterator
from pathlib import Path

#: The languages of the briefings; the first is the default.
LANGS: tuple[str, ...] = ("en", "vi")
#: The environment variable a build passes to the notebooks' kernels.
ENV = "LSREPORTS_LANG"
CATALOGUE = Path(__file__).resolve().parent / "templates" / "messages.csv"

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("lsreports_lang", default=None)


def check_lang(code: str) -> str:
    """Return ``code`` when it is one of :data:`LANGS`; otherwise raise ValueError naming the choices."""
    if code not in LANGS:
        raise ValueError(f"unknown language {code!r}: the briefings are written in {', '.join(LANGS)}")
    return code


def lang() -> str:
    """The current language: the one set by :func:`using`, else ``$LSREPORTS_LANG``, else English."""
    chosen = _current.get()
    if chosen is not None:
        return chosen
    return check_lang(os.environ.get(ENV, "").strip() or LANGS[0])


@contextlib.contextmanager
def using(code: str) -> Iterator[str]:
    """Write in ``code`` inside the block (the overview page is built in-process this way)."""
    token = _current.set(check_lang(code))
    try:
        yield code
    finally:
        _current.reset(token)


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """The message catalogue: message id → {language: template}.

    Raises
    ------
    ValueError
        When a row lacks a language's template or repeats an id (naming the file and line).
    """
    messages: dict[str, dict[str, str]] = {}
    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            missing = [code for code in LANGS if not (row.get(code) or "").strip()]
            if missing or row["id"] in messages:
                problem = f"no {'/'.join(missing)} template" if missing else "a repeated id"
                raise ValueError(f"{CATALOGUE}:{line}: message {row['id']!r} has {problem}")
            messages[row["id"]] = {code: row[code] for code in LANGS}
    return messages


def t(message_id: str, /, **values: object) -> str:
    """The template of ``message_id`` in the current language, filled with ``values``.

    Raises
    ------
    KeyError
        When the catalogue has no such message.
    """
    try:
        template = catalogue()[message_id][lang()]
    except KeyError:
        raise KeyError(f"no message {message_id!r} in {CATALOGUE}") from None
    return template.format(**values) if values else template


def pick(en: str, vi: str) -> str:
    """A notebook's own words in the current language: ``pick("exports were", "xuất khẩu chiếm")``."""
    return vi if lang() == "vi" else en


def other(code: str | None = None) -> str:
    """The other edition's language (English for Vietnamese and the reverse)."""
    code = code or lang()
    return LANGS[1] if code == LANGS[0] else LANGS[0]


__all__ = ["LANGS", "ENV", "check_lang", "lang", "using", "catalogue", "t", "pick", "other"]
