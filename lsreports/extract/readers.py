"""Reading a report as it is received: PDF, Word, HTML or plain text, recognised by content.

The file's first bytes decide how it is read, whatever its name: ``%PDF-`` is a PDF
(its text layer, read with pypdf), a ZIP holding ``word/document.xml`` is a Word
``.docx`` (python-docx), text that starts with HTML markup is converted to text with
lxml (libxml2's HTML parser), anything else must be UTF-8 text. What cannot be read is
refused with a one-line :class:`ReportTextError` that names the file and says what to do:
an empty, binary or over-large file, a directory, text in UTF-16 or a legacy Vietnamese
encoding (Windows-1258), a control character anywhere in the text, a PDF that needs a
password (an AES one opens with the ``cryptography`` package), a PDF without a text layer
(a scan: it needs OCR), a corrupted ``.docx``, an old ``.doc``.

Hostile files are bounded: a ``.docx`` unpacking to more than 50 MB, a PDF holding more
drawing instructions than a report (1 MB a page, 4 MB in all, shared streams counted on
each page), an HTML page nested deeper than 256 levels are refused before the work.

>>> document = read_document("data/raw/reports/003_f6a0f138b97f04e0.txt")
>>> document.format, len(document.text) > 0
('txt', True)
"""
from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .docx_text import docx_text
from .ocr import ocr_images, ocr_pdf
from .text import ReportTextError

__all__ = ["FORMATS", "MAX_REPORT_BYTES", "Document", "read_document", "sniff"]

#: The largest report file, and the largest extracted text, that is read (20 MB).
MAX_REPORT_BYTES = 20_000_000
#: What a report can be; ``pdf-ocr`` and ``image-ocr`` are read with ``--ocr`` only.
FORMATS = ("txt", "pdf", "docx", "html", "pdf-ocr", "image-ocr")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|p|div|table|h[1-6])\b",
                         re.IGNORECASE | re.DOTALL)
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_REFUSED = {
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an old Word .doc (or other OLE) file: save it as .docx or PDF in Word "
                                        "or LibreOffice, then give that file",
    b"{\\rtf": "an RTF file: save it as .docx or PDF, then give that file",
}
_PDF_OCR_HINT = ("install Tesseract with its Vietnamese data (apt-get install tesseract-ocr tesseract-ocr-vie) "
                 "and add --ocr, or give a text version of the report")


@dataclass(frozen=True)
class Document:
    """A report read from a file.

    Attributes
    ----------
    text : str
        The report's text: what extraction reads and what ``ingest`` vendors.
    format : str
        One of :data:`FORMATS`.
    sha256 : str
        Checksum of the file as received (the PDF, the ``.docx``, ...).
    data : bytes
        The file as received.
    note : str
        How the text was obtained, when it is not the file itself ("converted from HTML").
    """

    text: str
    format: str
    sha256: str
    data: bytes
    note: str = ""


def sniff(data: bytes) -> str:
    """Return what the bytes of a file are: ``pdf``, ``zip``, ``image``, ``utf16``, ``binary``, ``html`` or ``text``.

    Refused kinds (an old ``.doc``, RTF) raise :class:`ReportTextError` in :func:`read_document`.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(_IMAGES):
        return "image"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        return "utf16"
    if b"\x00" in data[:8192]:
        return "binary"
    if _HTML_START.match(data[:4096]):
        return "html"
    return "text"


def _looks_utf16(head: bytes) -> bool:
    """True for UTF-16 text without a byte-order mark: Latin-script text, one byte of each pair NUL."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 16:
        return False
    lanes = head[0::2], head[1::2]
    for zeros, other in (lanes, lanes[::-1]):
        if zeros.count(0) > 0.7 * len(zeros) and other.count(0) == 0:
            return True
    return False


def read_document(path: str | Path, *, ocr: bool = False) -> Document:
    """Read a report file of any supported format as text.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.pdf`` with a text layer, a ``.docx``, an HTML page or UTF-8 text (recognised
        by content, not by extension).
    ocr : bool, default False
        Read a scanned PDF or an image with Tesseract (``tesseract-ocr`` and
        ``tesseract-ocr-vie`` must be installed).

    Returns
    -------
    Document
        The text, the format and the checksum of the file as received.

    Raises
    ------
    ReportTextError
        If the file cannot be read as a report; the one-line message names the file
        and says what to do.
    """
    path = Path(path)
    data = _read_bytes(path)
    kind = sniff(data)
    for magic, message in _REFUSED.items():
        if data.startswith(magic):
            raise ReportTextError(f"{path}: {message}")
    reader = _READERS.get(kind)
    if reader is None:
        raise ReportTextError(f"{path}: {_UNREADABLE[kind]}")
    text, fmt, note = reader(path, data, ocr)
    text = text.replace("\r\n", "\n") if fmt != "txt" else text
    if not text.strip():
        raise ReportTextError(f"{path}: no text in the {fmt.upper()} file")
    _refuse_controls(path, text)
    if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise ReportTextError(f"{path}: its text is larger than {MAX_REPORT_BYTES // 1_000_000} MB, the most a "
                              "report may be; split it, or give only the report's own pages")
    return Document(text, fmt, hashlib.sha256(data).hexdigest(), data, note)


#: Control characters no report text holds (tab, line breaks and the form feed of a page break are text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


def _refuse_controls(path: Path, text: str) -> None:
    """Refuse a text holding a control character anywhere (NUL, escape ...), naming where."""
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise ReportTextError(f"{path}: control character U+{ord(found.group()):04X} at line {line}, column {column}; "
                              "a report is text: remove it, or give the report as received (.pdf, .docx)")


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise ReportTextError(f"{path}: is a directory; give one report file (.pdf, .docx, .html or .txt)")
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportTextError(f"{path}: {size / 1e6:.1f} MB, larger than {MAX_REPORT_BYTES // 1_000_000} MB, "
                                  "the most a report may be; split it, or give only the report's own pages")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReportTextError(f"{path}: cannot read the report: file not found") from exc
    except OSError as exc:
        raise ReportTextError(f"{path}: cannot read the report ({exc.strerror})") from exc
    if not data.strip():
        raise ReportTextError(f"{path}: the report is empty")
    return data


def _read_text(path: Path, data: bytes, ocr: bool) -> tuple[str, str, str]:
    return _decode(path, data), "txt", ""


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = " (it looks like Windows-1258, the legacy Vietnamese encoding)" if _looks_cp1258(data) else ""
        raise ReportTextError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}){legacy}; convert it to UTF-8 first, "
            "e.g. iconv -f CP1258 -t UTF-8 IN > OUT, or save it as 'UTF-8 text' in the editor") from exc


def _looks_cp1258(data: bytes) -> bool:
    """True when the bytes decode as Windows-1258 into text with Vietnamese tone marks or letters."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return False
    return any(char in text for char in "ĐđƠơƯưĂă\u0300\u0301\u0303\u0309\u0323")


def _read_pdf(path: Path, data: bytes, ocr: bool) -> tuple[str, str, str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repairable faults are not the user's business
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt(reader):
            raise ReportTextError(f"{path}: an encrypted PDF (it needs a password); save an unprotected copy "
                                  "(e.g. qpdf --decrypt --password=... IN OUT) and give that file")
        _check_pdf_work(path, reader)
        pages = [page.extract_text() or "" for page in reader.pages]
    except DependencyError as exc:
        raise ReportTextError(f"{path}: an AES-encrypted PDF, which needs the 'cryptography' package: install the "
                              "project's requirements (pip install -e .), or save an unprotected copy (e.g. qpdf "
                              "--decrypt IN OUT) and give that file") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        if isinstance(exc, ReportTextError):
            raise
        raise ReportTextError(f"{path}: a damaged PDF that pypdf cannot read ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else 'no detail'}); re-save it as PDF") from exc
    if sum(len(page.strip()) for page in pages) >= 10 * max(1, len(pages)):  # 10 characters a page on average
        return "\n".join(pages), "pdf", _blank_pages_note(pages)
    if not ocr:
        raise ReportTextError(f"{path}: a PDF without a text layer (a scan, {len(pages)} pages): it needs OCR; "
                              + _PDF_OCR_HINT)
    return ocr_pdf(path, reader), "pdf-ocr", "read with Tesseract OCR (vie): expect misread diacritics"


#: Most drawing instructions (decoded content streams) a PDF may hold in all, and on one page; a stream
#: shared by several pages counts on each, as text extraction reads it again. pypdf reads a report's
#: pages at about 0.3 MB/s and dense hostile ones at 0.09 MB/s (benchmarks/results/hostile_inputs.md),
#: so these bound a PDF's reading to under a minute; a real report page holds about 10 KB.
MAX_PDF_CONTENT = 4_000_000
MAX_PDF_PAGE_CONTENT = 1_000_000


def _page_streams(page) -> list:
    """A page's content streams and the forms its resources draw (as references, where they are shared)."""
    from pypdf.generic import ArrayObject

    found = []
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    if contents is not None:
        resolved = contents.get_object()
        found += list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        xobjects = xobjects.get_object()
        found += [xobjects.raw_get(name) for name in xobjects if xobjects[name].get("/Subtype") == "/Form"]
    return found


def _check_pdf_work(path: Path, reader) -> None:
    """Refuse a PDF whose pages hold more drawing instructions than text extraction should read."""
    from pypdf.generic import IndirectObject

    sizes: dict[int, int] = {}
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        on_page = 0
        for stream in _page_streams(page):
            key = stream.idnum if isinstance(stream, IndirectObject) else id(stream)
            if key not in sizes:
                sizes[key] = len(stream.get_object().get_data())
            on_page += sizes[key]
        total += on_page
        if on_page > MAX_PDF_PAGE_CONTENT or total > MAX_PDF_CONTENT:
            where = f"page {number} holds {on_page / 1e6:.1f} MB" if on_page > MAX_PDF_PAGE_CONTENT else \
                f"its first {number} pages hold {total / 1e6:.1f} MB"
            raise ReportTextError(f"{path}: {where} of drawing instructions, more than a report's (at most "
                                  f"{MAX_PDF_PAGE_CONTENT // 1_000_000} MB a page, {MAX_PDF_CONTENT // 1_000_000} MB "
                                  "in all); print the report to a new PDF, or give its text")


def _blank_pages_note(pages: list[str]) -> str:
    """Say which pages of a PDF with a text layer have no text (scanned pages whose figures are not read)."""
    blank = [str(number) for number, page in enumerate(pages, start=1) if not page.strip()]
    if not blank:
        return ""
    plural = len(blank) > 1
    return (f"page{'s' if plural else ''} {', '.join(blank)} of {len(pages)} {'have' if plural else 'has'} no text "
            "layer (scanned?): their figures are not read; check them, or OCR the file")


def _decrypt(reader) -> bool:
    """Try the empty user password (a PDF that only restricts printing or copying opens with it).

    AES needs the ``cryptography`` package; without it pypdf's ``DependencyError`` goes up.
    """
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))
    except DependencyError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises several kinds (bad keys, damaged dictionaries)
        return False


#: Most a .docx may unpack to: a report's parts take a few MB; a zip bomb takes gigabytes of memory.
MAX_DOCX_UNPACKED = 50_000_000


def _read_zip(path: Path, data: bytes, ocr: bool) -> tuple[str, str, str]:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ReportTextError(f"{path}: a corrupted .docx (or ZIP) file ({exc}); open it in Word or LibreOffice "
                              "and save it again") from exc
    names = {member.filename for member in members}
    unpacked = sum(member.file_size for member in members)  # zipfile never inflates a part past its stated size
    if unpacked > MAX_DOCX_UNPACKED:
        raise ReportTextError(f"{path}: unpacks to {unpacked / 1e6:.0f} MB, more than the "
                              f"{MAX_DOCX_UNPACKED // 1_000_000} MB a report's .docx may (a zip bomb?); save the "
                              "report again as .docx or PDF")
    if "word/document.xml" not in names:
        raise ReportTextError(f"{path}: a ZIP file that is not a Word .docx (an .xlsx, .odt or archive?); "
                              "save the report as .docx or PDF")
    return _docx_text(path, data), "docx", ""


def _docx_text(path: Path, data: bytes) -> str:
    try:
        return docx_text(data)
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on a damaged part
        raise ReportTextError(f"{path}: a corrupted .docx ({type(exc).__name__}); open it in Word or LibreOffice "
                              "and save it again") from exc


_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article",
           "header", "footer", "blockquote", "pre", "dt", "dd", "caption", "title")


def _read_html(path: Path, data: bytes, ocr: bool) -> tuple[str, str, str]:
    """The page's text, block by block, with libxml2's HTML parser (lxml): linear in size and depth.

    libxml2 also caps the nesting depth (256 without ``huge_tree``): a page of 40 000 nested
    ``<div>`` is refused in a moment (its text past the limit would be lost) instead of a
    quadratic walk.
    """
    from lxml import etree, html

    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(_decode(path, data).encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReportTextError(f"{path}: an HTML page lxml cannot read ({exc}); save the page as text") from exc
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        raise ReportTextError(f"{path}: an HTML page nested deeper than 256 levels (the parser's limit; a report's "
                              "page is not), so part of its text would be lost; save the page as text and give that")
    for element in root.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    _mark_breaks(root)
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in "".join(root.itertext()).splitlines()]
    text = re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip() + "\n"
    return text, "html", "converted from HTML to text (lxml): check quotes against the page"


def _mark_breaks(root) -> None:
    """Put a line break around each block and for each ``<br>``, a tab after each table cell."""
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter("td", "th"):
        element.tail = "\t" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")


def _read_image(path: Path, data: bytes, ocr: bool) -> tuple[str, str, str]:
    if not ocr:
        raise ReportTextError(f"{path}: an image (a scanned page): it needs OCR; " + _PDF_OCR_HINT)
    return ocr_images(path, [data]), "image-ocr", "read with Tesseract OCR (vie): expect misread diacritics"


_READERS = {"text": _read_text, "pdf": _read_pdf, "zip": _read_zip, "html": _read_html, "image": _read_image}
_UNREADABLE = {
    "utf16": "UTF-16 text; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8 IN > OUT, or 'UTF-8' in the editor's "
             "Save As)",
    "binary": "looks binary (NUL bytes), not a report; expected a .pdf, .docx, .html or UTF-8 text file",
}
