"""Optional OCR of scanned reports with Tesseract (Debian ``tesseract-ocr`` and ``tesseract-ocr-vie``).

Tesseract runs as a command (no Python binding needed). Where it or its Vietnamese data
is missing, :func:`ocr_available` says so and reading with ``--ocr`` is refused with the
install command. The pages of a scanned PDF are the images pypdf finds on them.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from .text import ReportTextError

__all__ = ["LANGUAGE", "ocr_available", "ocr_images", "ocr_pdf"]

LANGUAGE = "vie"
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


def ocr_available() -> str:
    """Return ``""`` when Tesseract with Vietnamese data is installed, else what is missing and how to install it."""
    binary = shutil.which("tesseract")
    if binary is None:
        return f"Tesseract is not installed ({_INSTALL})"
    listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, check=False)
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        return f"Tesseract has no Vietnamese data ({_INSTALL})"
    return ""


def ocr_images(path: Path, images: list[bytes]) -> str:
    """Return the text Tesseract reads in each image (PNG, JPEG, TIFF bytes), pages separated by blank lines.

    Raises
    ------
    ReportTextError
        If Tesseract or its Vietnamese data is missing, or it fails on an image.
    """
    missing = ocr_available()
    if missing:
        raise ReportTextError(f"{path}: cannot OCR: {missing}")
    pages = []
    with tempfile.TemporaryDirectory(prefix="lsreports-ocr-") as folder:
        for number, image in enumerate(images, start=1):
            page = Path(folder) / f"page{number}.img"
            page.write_bytes(image)
            done = subprocess.run(["tesseract", str(page), "stdout", "-l", LANGUAGE], capture_output=True,
                                  check=False)
            if done.returncode != 0:
                detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
                raise ReportTextError(f"{path}: Tesseract failed on page {number}: {detail[0]}")
            pages.append(done.stdout.decode("utf-8", "replace"))
    return "\n\n".join(pages)


def ocr_pdf(path: Path, reader) -> str:
    """Return the OCR text of a scanned PDF (a :class:`pypdf.PdfReader`), one page after another."""
    images = []
    for page in reader.pages:
        for image in page.images:
            images.append(image.data if image.name.lower().endswith((".png", ".jpg", ".jpeg", ".tif", ".tiff"))
                          else _as_png(image.image))
    if not images:
        raise ReportTextError(f"{path}: a PDF with neither text nor page images; nothing to read")
    return ocr_images(path, images)


def _as_png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
