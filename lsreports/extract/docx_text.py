"""The text of a Word ``.docx`` as a report reader needs it: body paragraphs and tables in
order, footnote marks kept as superscript numbers and each footnote's text on its own line
after the paragraph that cites it (as in the seed report converted from a word processor).

python-docx reads the document; its ``Paragraph.text`` drops footnote references, so runs
are read here (text, tabs, breaks, references) and the footnotes part is parsed with lxml.
"""
from __future__ import annotations

import io

__all__ = ["docx_text"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def docx_text(data: bytes) -> str:
    """Return the text of a ``.docx`` (bytes); raises what python-docx or lxml raise on a damaged file."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    notes, numbers = _footnotes(document), {}
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
            continue
        text, cited = _paragraph(block._p, numbers)
        lines.append(text)
        lines.extend(f"{str(numbers[note]).translate(_SUPERSCRIPT)} {notes[note]}" for note in cited if note in notes)
    return "\n".join(lines)


def _paragraph(element, numbers: dict[str, int]) -> tuple[str, list[str]]:
    """Return a paragraph's text with footnote marks, and the ids of the footnotes it cites."""
    parts, cited = [], []
    for run in element.iter(f"{_W}r"):
        for node in run:
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}footnoteReference":
                note = node.get(f"{_W}id")
                numbers.setdefault(note, len(numbers) + 1)
                parts.append(str(numbers[note]).translate(_SUPERSCRIPT))
                cited.append(note)
            else:
                parts.append(_RUN_TEXT.get(node.tag, ""))
    return "".join(parts), cited


def _footnotes(document) -> dict[str, str]:
    """Return footnote id → text (separators left out); empty when the document has none."""
    from lxml import etree

    for relation in document.part.rels.values():
        if relation.reltype.endswith("/footnotes") and not relation.is_external:
            root = etree.fromstring(relation.target_part.blob)
            return {note.get(f"{_W}id"): " ".join(_paragraph(p, {})[0].strip() for p in note.iter(f"{_W}p")).strip()
                    for note in root.iter(f"{_W}footnote") if note.get(f"{_W}type") in (None, "normal")}
    return {}


def _table_lines(table) -> list[str]:
    """One line per table row, cells separated by tabs (a merged cell once)."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:
                cells.append(text)
        lines.append("\t".join(cells))
    return lines
