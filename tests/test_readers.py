"""Reports as received: PDF, DOCX and HTML files written at test time from the four seed
texts give the same rows as the texts; files that cannot be read are refused in one line
that names the file and says what to do. The generated files are test fixtures made from
the real seed texts; the damaged, encrypted, scanned and mis-encoded files are SYNTHETIC."""
from __future__ import annotations

import html
import io
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import matplotlib
import pytest

import lsreports as ls
from fpdf import FPDF
from pypdf import PdfWriter

from lsreports.extract import ReportTextError, extract_report
from lsreports.extract.ocr import ocr_available
from lsreports.extract.readers import MAX_REPORT_BYTES, read_document, sniff
from lsreports.sources.paths import reports_dir
from lsreports.sources.reports import collapse_whitespace

_KINDS = dict(zip(ls.reports()["id"], ls.reports()["source_kind"]))
SEEDS = sorted(p for p in reports_dir().glob("*.txt") if _KINDS.get(p.stem) == "report")  # the four seed reports
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def write_pdf(text: str, path: Path) -> Path:
    """Write ``text`` as a PDF with a text layer, one source line after another (long lines wrap)."""
    pdf = FPDF(orientation="L", format="A3")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=7)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 3.5, line if line.strip() else " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write_docx(text: str, path: Path) -> Path:
    """Write ``text`` as a Word document, one paragraph per line."""
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_html(text: str, path: Path) -> Path:
    """Write ``text`` as an HTML page: one <p> per line, numbers in <b>, with a script and a style to drop."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Báo cáo</title><style>p{{margin:0}}</style>"
            f"<script>var x = '1.234 tỷ đồng';</script></head><body>{paragraphs}</body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def rows_of(text: str, doc_id: str):
    rows = extract_report(text, doc_id)
    return rows.assign(quote=rows["quote"].map(collapse_whitespace)).reset_index(drop=True)


@pytest.fixture(scope="module")
def expected() -> dict[str, object]:
    return {seed.stem: rows_of(seed.read_text(encoding="utf-8"), seed.stem) for seed in SEEDS}


@pytest.mark.parametrize("writer, fmt", [(write_pdf, "pdf"), (write_docx, "docx"), (write_html, "html")])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_a_report_as_pdf_docx_or_html_gives_the_rows_of_its_text(seed, writer, fmt, expected, tmp_path):
    original = writer(seed.read_text(encoding="utf-8"), tmp_path / f"report.{fmt}")
    document = read_document(original)
    assert document.format == fmt
    assert len(expected[seed.stem]) > 50
    assert rows_of(document.text, seed.stem).equals(expected[seed.stem])


def test_a_text_file_is_read_byte_for_byte():
    document = read_document(SEEDS[0])
    assert (document.format, document.data, document.note) == ("txt", SEEDS[0].read_bytes(), "")
    assert document.text == SEEDS[0].read_text(encoding="utf-8")


def test_formats_are_recognised_by_content_not_by_name(tmp_path):
    text = SEEDS[2].read_text(encoding="utf-8")
    pdf_named_txt = write_pdf(text, tmp_path / "a.pdf").rename(tmp_path / "report.txt")
    docx_named_pdf = write_docx(text, tmp_path / "b.docx").rename(tmp_path / "report.pdf")
    html_named_txt = write_html(text, tmp_path / "c.html").rename(tmp_path / "page.txt")
    assert [read_document(p).format for p in (pdf_named_txt, docx_named_pdf, html_named_txt)] == ["pdf", "docx", "html"]


def test_html_is_converted_and_noted(tmp_path):
    page = write_html("Xuất khẩu đạt <b>1.234</b> triệu USD\nNhập khẩu", tmp_path / "page.html")
    document = read_document(page)
    assert "converted from HTML" in document.note
    assert "var x" not in document.text and "margin" not in document.text and "<p>" not in document.text
    assert "Báo cáo\nXuất khẩu đạt <b>1.234</b> triệu USD\nNhập khẩu\n" == document.text  # escaped markup is text
    inline = tmp_path / "inline.html"
    inline.write_text("<html><body><div>Xuất khẩu đạt <b>1.234</b>&nbsp;triệu USD<br>tăng <i>5,6</i>%</div>"
                      "<table><tr><td>Nhập khẩu</td><td>567</td></tr></table></body></html>", encoding="utf-8")
    assert read_document(inline).text == "Xuất khẩu đạt 1.234 triệu USD\ntăng 5,6%\nNhập khẩu 567\n"


def test_docx_tables_are_read_row_by_row(tmp_path):
    document = docx.Document()
    document.add_paragraph("Bảng 1")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Xuất khẩu", "1.234 triệu USD"
    table.cell(1, 0).text, table.cell(1, 1).text = "Nhập khẩu", "567 triệu USD"
    document.add_paragraph("Hết")
    document.save(str(tmp_path / "t.docx"))
    assert read_document(tmp_path / "t.docx").text == "Bảng 1\nXuất khẩu\t1.234 triệu USD\nNhập khẩu\t567 triệu USD\nHết"


FOOTNOTES = ('<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
             'Trong đó: xuất khẩu 2.000 triệu USD.</w:t></w:r></w:p></w:footnote></w:footnotes>')


def _with_footnote(path: Path) -> Path:
    """A SYNTHETIC .docx whose first paragraph cites a footnote (parts added as Word writes them)."""
    write_docx("Lũy kế 11 tháng ước đạt 5.000 triệu USD\nHết", path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    reference = b'</w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:r></w:p>", reference, 1)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.footnotes+xml"/></Types>')
    parts["word/footnotes.xml"] = FOOTNOTES.encode("utf-8")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def test_docx_footnotes_follow_the_paragraph_that_cites_them(tmp_path):
    text = read_document(_with_footnote(tmp_path / "notes.docx")).text
    assert text == "Lũy kế 11 tháng ước đạt 5.000 triệu USD¹\n¹ Trong đó: xuất khẩu 2.000 triệu USD.\nHết"


def _encrypted_pdf(path: Path, password: str) -> Path:
    reader_source = io.BytesIO()
    write_pdf("Xuất khẩu đạt 1.234 triệu USD", path)
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    writer.write(reader_source)
    path.write_bytes(reader_source.getvalue())
    return path


def test_a_pdf_with_a_page_without_text_says_which(tmp_path):
    path = write_pdf("Xuất khẩu đạt 1.234 triệu USD, tăng 5,6% so với cùng kỳ", tmp_path / "mixed.pdf")
    writer = PdfWriter(clone_from=str(path))
    writer.add_blank_page()  # SYNTHETIC: a page with no text, as a scanned page in a text PDF
    writer.write(str(path))
    document = read_document(path)
    assert "1.234 triệu USD" in document.text
    assert document.note.startswith("page 2 of 2 has no text layer (scanned?): their figures are not read")


@pytest.mark.skipif(bool(ocr_available()), reason=f"OCR test skipped: {ocr_available() or 'available'}")
def test_ocr_reads_an_image(tmp_path):
    image = _scanned_pdf(tmp_path / "scan.pdf").with_suffix(".png")
    document = read_document(image, ocr=True)
    assert document.format == "image-ocr" and "1.234" in document.text


def test_a_pdf_protected_only_against_copying_opens_with_the_empty_password(tmp_path):
    assert "1.234 triệu USD" in read_document(_encrypted_pdf(tmp_path / "open.pdf", "")).text


def _scanned_pdf(path: Path, text: str = "Xuất khẩu đạt 1.234 triệu USD, tăng 5,6% so với cùng kỳ") -> Path:
    """A SYNTHETIC scan: the text drawn as an image, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1400, 120), "white")
    ImageDraw.Draw(image).text((20, 30), text, fill="black", font=ImageFont.truetype(str(FONT), 40))
    png = path.with_suffix(".png")
    image.save(png)
    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.image(str(png), x=10, y=10, w=270)
    pdf.output(str(path))
    return path


BAD = {
    "empty": (lambda p: p.write_bytes(b""), "the report is empty"),
    "blank": (lambda p: p.write_bytes(b"  \n\n "), "the report is empty"),
    "binary": (lambda p: p.write_bytes(bytes(range(256)) * 8), "looks binary"),
    "directory": (lambda p: p.mkdir(), "is a directory"),
    "missing": (lambda p: None, "file not found"),
    "cp1258": (lambda p: p.write_bytes(cp1258("Xuất khẩu đạt 1.234 triệu USD, tăng 5%")), "Windows-1258"),
    "utf16-bom": (lambda p: p.write_bytes("Xuất khẩu tăng 5%".encode("utf-16")), "UTF-16"),
    "utf16-no-bom": (lambda p: p.write_bytes("Xuat khau tang 5% so voi cung ky".encode("utf-16-le")), "UTF-16"),
    "encrypted-pdf": (lambda p: _encrypted_pdf(p, "secret"), "encrypted PDF"),
    "damaged-pdf": (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage"), "damaged PDF"),
    "scanned-pdf": (lambda p: _scanned_pdf(p), "without a text layer.*needs OCR.*tesseract-ocr-vie"),
    "truncated-docx": (lambda p: p.write_bytes(write_docx("Xuất khẩu", p).read_bytes()[:700]), "corrupted .docx"),
    "zip-not-docx": (lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "not a Word .docx"),
    "docx-bad-xml": (lambda p: _broken_docx(p), "corrupted .docx"),
    "old-doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "old Word .doc"),
    "image": (lambda p: _scanned_pdf(p.with_suffix(".pdf")).with_suffix(".png").rename(p), "an image.*needs OCR"),
}


def cp1258(text: str) -> bytes:
    """Encode Vietnamese text in Windows-1258 as legacy editors do: base letters precomposed, tones combining."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in decomposed[1:] if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in tones))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def _broken_docx(path: Path) -> None:
    write_docx("Xuất khẩu", path)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = b"<w:document><unclosed>"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize("case", list(BAD))
def test_unreadable_files_are_refused_in_one_line_naming_the_file(case, tmp_path):
    make, message = BAD[case]
    path = tmp_path / "report_in"
    make(path)
    with pytest.raises(ReportTextError, match=rf"report_in: .*{message}") as caught:
        read_document(path)
    assert "\n" not in str(caught.value)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(ReportTextError, match=r"huge\.txt: 20\.0 MB, larger than 20 MB"):
        read_document(path)


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.7\n", "pdf"), (b"\n\n%PDF-1.4", "pdf"), (b"PK\x03\x04", "zip"), (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xfeX\x00", "utf16"), (b"<!DOCTYPE html><p>", "html"), (b"  <html lang='vi'>", "html"),
    (b"<p>Xuat khau</p>", "html"), ("Xuất khẩu <b>".encode(), "text"), (b"a < b and c > d", "text")])
def test_sniff(head, kind):
    assert sniff(head) == kind


@pytest.mark.skipif(bool(ocr_available()), reason=f"OCR test skipped: {ocr_available() or 'available'}")
def test_ocr_reads_a_scanned_pdf_where_tesseract_is_installed(tmp_path):
    document = read_document(_scanned_pdf(tmp_path / "scan.pdf"), ocr=True)
    assert document.format == "pdf-ocr" and "OCR" in document.note
    assert "1.234" in document.text and "5,6%" in document.text
    rows = extract_report("Tổng kim ngạch xuất nhập khẩu tháng 5 năm 2026: " + document.text, "scan")
    assert {(r.measure, r.value) for r in rows.itertuples()} == {("value", 1234.0), ("yoy_pct", 5.6)}


def test_ocr_missing_is_said_with_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReportTextError, match="scan.pdf: cannot OCR: Tesseract is not installed "
                                              r"\(apt-get install tesseract-ocr tesseract-ocr-vie\)"):
        read_document(_scanned_pdf(tmp_path / "scan.pdf"), ocr=True)


def test_tesseract_presence_is_probed_with_its_command():
    if shutil.which("tesseract") is None:
        assert "not installed" in ocr_available()
    else:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
        assert (ocr_available() == "") == ("vie" in listed.split())
