"""Saying what a file that is not UTF-8 probably is, and how to convert it.

A CSV saved by Excel on Windows is often Windows-1258 (Vietnamese) or Windows-1252, and
"Unicode text" is UTF-16; the curator needs the line, the probable encoding and the
command that converts it, not a byte offset.
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["not_utf8_message", "probable_encoding"]

#: Candidates, most likely first, as (Python codec, name for people, iconv name).
_CANDIDATES = (("utf-16", "UTF-16 (Excel's 'Unicode text')", "UTF-16"),
               ("cp1258", "Windows-1258 (Vietnamese)", "CP1258"),
               ("cp1252", "Windows-1252 (Western European)", "CP1252"))


def probable_encoding(data: bytes) -> tuple[str, str] | None:
    """Return the probable encoding of ``data`` (a name for people, an iconv name), or ``None``."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > len(data[:200]) // 4
    for codec, name, iconv in _CANDIDATES:
        if codec == "utf-16" and not utf16:
            continue
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name, iconv
    return None


def not_utf8_message(path: Path, data: bytes, exc: UnicodeDecodeError) -> str:
    """One line: the file, the line of the first bad byte, the probable encoding and what to do."""
    line = data[:exc.start].count(b"\n") + 1
    guess = probable_encoding(data)
    looks = f"it looks like {guess[0]}" if guess else "its encoding is not recognised"
    convert = (f"iconv -f {guess[1]} -t UTF-8 '{path}' > converted.csv" if guess else "re-save it as UTF-8")
    return (f"{path}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02X}); {looks}: save it as "
            f"'CSV UTF-8' in the spreadsheet, or convert it: {convert}")
