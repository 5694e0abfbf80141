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


def _markdown_outputs(name: str) -> list[tuple[str, str]]:
    """(cell source, Markdown output) of every Markdown output a notebook stores."""
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [(cell.source, o["data"]["text/markdown"]) for cell in notebook.cells if cell.cell_type == "code"
            for o in cell.get("outputs", []) if "text/markdown" in o.get("data", {})]


#: The notebooks whose stored outputs hold Markdown: each is checked below (a notebook added to this list
#: without Markdown outputs fails, so the checks never pass on nothing).
MARKDOWN_NOTEBOOKS = ["trade", "trends_forecasts"]
#: A number as a sentence prints it, with at least two digits (a count such as "5 of 10" may be typed).
NUMBER = re.compile(r"(?<![\w.])[+-]?\d[\d,]*\.\d+|(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def test_the_markdown_notebooks_are_the_ones_with_markdown_outputs():
    stored = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb") if _markdown_outputs(p.stem))
    assert stored == sorted(MARKDOWN_NOTEBOOKS), f"Markdown outputs are stored by {stored}: check them all"


@pytest.mark.parametrize("name", MARKDOWN_NOTEBOOKS)
def test_no_markdown_output_types_a_figure_in(name):
    """A figure quoted in a notebook's text is computed from the data: it never stands in the cell's source."""
    outputs = _markdown_outputs(name)
    assert outputs, f"{name}: no Markdown output stored (refresh the notebook)"
    for source, markdown in outputs:
        typed = [n for n in NUMBER.findall(markdown) if n in source]
        assert not typed, f"{name}: figures typed into the cell, not computed: {typed} in {markdown[:160]!r}"


@pytest.mark.parametrize("name", [n for n in MARKDOWN_NOTEBOOKS if n in DOMAINS])
def test_no_markdown_output_of_a_briefing_prints_an_untraceable_rate(name):
    """A briefing's rates are printed figures: they are written with their source (HTML), never as bare Markdown."""
    for _, markdown in _markdown_outputs(name):
        assert not re.search(r"\d\s?%", markdown), (
            f"{name}: a Markdown output prints a rate with no source: {markdown[:200]!r}")
