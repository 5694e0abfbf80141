"""Writers of SYNTHETIC hostile report files (helper module, not a test file), shared by the
reliability tests and ``benchmarks/hostile_inputs.py``: an AES-encrypted PDF, a PDF whose pages
share one huge content stream, a .docx zip bomb, deeply nested HTML, and large inputs of each format."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

#: One SYNTHETIC line in the style of the real reports (ASCII, for the PDF's standard font).
LINE = "Tong kim ngach xuat nhap khau hang hoa thang 5 dat 700 trieu USD, tang 15,0% so voi cung ky."


def _font() -> DictionaryObject:
    return DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")})})})


def _content(lines: int) -> bytes:
    return b"".join(f"BT /F1 9 Tf 40 {800 - (i % 80) * 10} Td ({LINE}) Tj ET\n".encode() for i in range(lines))


def pdf_shared_stream(path: Path, pages: int = 100, megabytes: float = 5.0) -> Path:
    """A PDF of ``pages`` pages that all draw one content stream of ``megabytes`` MB (stored once)."""
    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(_content(int(megabytes * 1e6 / 100)))
    shared = writer._add_object(stream)
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = _font()
        page[NameObject("/Contents")] = shared
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def pdf_text(path: Path, lines: int = 60, password: str | None = None, algorithm: str = "AES-256") -> Path:
    """A PDF with a text layer of ``lines`` lines on one page; encrypted with ``algorithm`` if ``password`` is set."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = _font()
    stream = DecodedStreamObject()
    stream.set_data(_content(lines))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    PdfReader(io.BytesIO(buffer.getvalue()))  # a well-formed file
    return path


def docx_bomb(path: Path, megabytes: int = 1000) -> Path:
    """A .docx whose word/document.xml unpacks to ``megabytes`` MB of spaces (a few hundred KB packed)."""
    chunk = b" " * 1_000_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(chunk)
    return path


def html_nested(path: Path, depth: int = 40_000) -> Path:
    """An HTML page of ``depth`` nested <div> around one line."""
    path.write_text("<html><body>" + "<div>" * depth + LINE + "</div>" * depth + "</body></html>", encoding="utf-8")
    return path


def html_flat(path: Path, megabytes: float = 5.0) -> Path:
    """An HTML page of ``megabytes`` MB of paragraphs."""
    paragraph = f"<p>{LINE}</p>\n"
    path.write_text("<html><body>" + paragraph * int(megabytes * 1e6 / len(paragraph)) + "</body></html>",
                    encoding="utf-8")
    return path


def text_of(path: Path, megabytes: float = 5.0) -> Path:
    """A plain text of ``megabytes`` MB of lines."""
    line = LINE + "\n"
    path.write_text(line * int(megabytes * 1e6 / len(line)), encoding="utf-8")
    return path
