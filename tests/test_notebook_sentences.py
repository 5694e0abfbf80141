"""The computed sentences of the stored domain notebooks (as refreshed from the real curated data):
every figure they show carries its source (the quote on hover, or a derived figure's formula)."""
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
DOMAINS = ["trade", "budget", "industry", "tourism", "social"]
#: A figure as the sentences print it: a signed or unsigned number with a percent sign or a unit word.
FIGURE = re.compile(r"[+-]?\d[\d,.]*\s?(%|million USD|billion VND|points|thousand|houses|people)")


class _Outside(HTMLParser):
    """The text of an HTML fragment outside its traceable figures (``class="lsr-src"``), and those figures."""

    def __init__(self):
        super().__init__()
        self.outside, self.figures, self._depth, self._tag = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._depth:
            self._depth += tag == self._tag
        elif "lsr-src" in (attrs.get("class") or ""):
            self._depth, self._tag = 1, tag
            self.figures.append(attrs.get("title", ""))

    def handle_endtag(self, tag):
        if self._depth and tag == self._tag:
            self._depth -= 1

    def handle_data(self, data):
        if not self._depth:
            self.outside.append(data)


def _display_outputs(name: str) -> list[dict]:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [o.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
            for o in cell.get("outputs", []) if o.get("output_type") in ("display_data", "execute_result")]


@pytest.mark.parametrize("name", DOMAINS)
def test_every_figure_of_a_computed_sentence_is_traceable(name):
    sentences = [d["text/html"] for d in _display_outputs(name) if 'class="lsr-sentences"' in d.get("text/html", "")]
    assert sentences, f"{name}: no computed sentence written with the page's citations"
    for markup in sentences:
        parser = _Outside()
        parser.feed(markup)
        loose = FIGURE.findall(" ".join(parser.outside))
        assert not loose, f"{name}: figures without a source in {markup[:200]!r}"
        assert parser.figures and all(t.startswith("“") or t.startswith("derived: ") for t in parser.figures)


@pytest.mark.parametrize("name", DOMAINS)
def test_no_markdown_output_prints_an_untraceable_rate(name):
    for data in _display_outputs(name):
        if "text/markdown" in data:
            assert not re.search(r"\d\s?%", data["text/markdown"]), (
                f"{name}: a Markdown output prints a rate with no source: {data['text/markdown'][:200]!r}")
