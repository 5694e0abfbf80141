"""Hostile or odd report files have bounds (issue 22: N2, N8, N9, N13), on SYNTHETIC files
(tests/reliability/hostile_files.py). Each is refused in one line naming the file, or read;
the time of 5 MB inputs of every format is measured by benchmarks/hostile_inputs.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from lsreports.extract import readers
from lsreports.extract.readers import read_document
from lsreports.extract.text import ReportTextError

from hostile_files import LINE, docx_bomb, html_flat, html_nested, pdf_shared_stream, pdf_text
from test_ingest_probes import refused


def test_an_aes_encrypted_pdf_that_opens_without_a_password_is_read(tmp_path):
    for algorithm in ("AES-128", "AES-256"):
        document = read_document(pdf_text(tmp_path / f"{algorithm}.pdf", password="", algorithm=algorithm))
        assert LINE in document.text and document.format == "pdf"


def test_a_pdf_that_needs_a_password_is_one_line(synthetic_data, tmp_path, capsys):
    path = pdf_text(tmp_path / "locked.pdf", password="secret")
    refused(capsys, ["extract", str(path), "--doc-id", "900_x"], synthetic_data,
            "an encrypted PDF (it needs a password)", "qpdf --decrypt")


def test_without_cryptography_an_aes_pdf_says_what_to_install(synthetic_data, tmp_path, capsys, monkeypatch):
    """SIMULATED: pypdf's error when the cryptography package is missing."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def missing(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", missing)
    path = pdf_text(tmp_path / "aes.pdf", password="")
    refused(capsys, ["extract", str(path), "--doc-id", "900_x"], synthetic_data,
            "an AES-encrypted PDF, which needs the 'cryptography' package")


def test_pages_sharing_one_huge_content_stream_are_refused_at_once(synthetic_data, tmp_path, capsys):
    path = pdf_shared_stream(tmp_path / "shared.pdf", pages=100, megabytes=0.2)  # 100 x 0.24 MB
    err = refused(capsys, ["extract", str(path), "--doc-id", "900_x"], synthetic_data,
                  "of drawing instructions, more than a report's")
    assert "its first 17 pages hold 4.2 MB" in err


def test_one_page_of_too_many_drawing_instructions_is_refused(tmp_path):
    with pytest.raises(ReportTextError, match="page 1 holds 1.2 MB of drawing instructions"):
        read_document(pdf_shared_stream(tmp_path / "page.pdf", pages=1, megabytes=1.0))


def test_a_docx_zip_bomb_is_refused_from_its_stated_size(synthetic_data, tmp_path, capsys):
    path = docx_bomb(tmp_path / "bomb.docx", megabytes=60)
    refused(capsys, ["extract", str(path), "--doc-id", "900_x"], synthetic_data,
            "unpacks to 60 MB, more than the 50 MB a report's .docx may")


def test_deeply_nested_html_is_refused_in_a_moment(synthetic_data, tmp_path, capsys):
    refused(capsys, ["extract", str(html_nested(tmp_path / "deep.html")), "--doc-id", "900_x"], synthetic_data,
            "nested deeper than 256 levels")


def test_html_nested_within_the_limit_is_read(tmp_path):
    document = read_document(html_nested(tmp_path / "ok.html", depth=200))
    assert document.text.strip() == LINE


def test_a_large_flat_html_page_is_read(tmp_path):
    document = read_document(html_flat(tmp_path / "flat.html", megabytes=0.5))
    assert document.text.count(LINE) == document.text.count("\n")
