"""Briefing build on a small SYNTHETIC notebook and data: images embedded, no code, nothing from the network,
report text and hostile labels rendered as text, each chart's CSV beside the page, the version in an About
footer, an overview page, and an atomic build whose failures are named by notebook and cell."""
import csv
import re
from pathlib import Path

import pytest

from lsreports.publish.briefing import build_briefings
from lsreports.publish.notebooks import NotebookError

from conftest import SYNTHETIC_DOC, make_synthetic_data

NOTEBOOK = '''# %% [markdown]
# # Synthetic briefing
#
# Version: 9.9.9
#
# Changelog:
# - 9.9.9: synthetic test notebook.
#
# Key message first.

# %%
SYNTHETIC_MARKER = "code that must not appear"
from IPython.display import Markdown, display
import lsreports as ls
from lsreports.publish import charts
from lsreports.publish.formatting import safe
from lsreports.publish.headline import headline_table
from lsreports.publish.sentences import latest_level_sentence
from lsreports.sources.reports import report_text
charts.use_report_style()
trade = ls.load("trade")
charts.show(charts.bars_by_period(trade.loc[trade["indicator_id"] == "trade_total"], "Synthetic trade",
                                  "Source: synthetic"))

# %%
display(Markdown(safe(report_text("{doc}").strip().splitlines()[-1])))
display(Markdown("- " + latest_level_sentence(ls.observations(), ls.indicators(), "trade_total")))
headline_table(ls.observations(), ls.indicators(), ["trade_total"])
'''
#: SYNTHETIC hostile label: Markdown, HTML and a javascript: link.
HOSTILE_LABEL = "[click](javascript:alert(1)) **bold** <b>html</b> Lạng Sơn"


def _notebook_folder(data: Path, folder: Path) -> Path:
    """The SYNTHETIC notebook in ``folder``, its report text given a script and an ampersand."""
    report = data / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt"
    report.write_text(report.read_text(encoding="utf-8") + "Ghi chú: <script>alert('x')</script> & hết.\n",
                      encoding="utf-8")
    folder.mkdir()
    (folder / "synthetic.py").write_text(NOTEBOOK.replace("{doc}", SYNTHETIC_DOC), encoding="utf-8")
    return folder


@pytest.fixture
def notebook_dir(tmp_path: Path, synthetic_data: Path) -> Path:
    return _notebook_folder(synthetic_data, tmp_path / "nb")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[str]]:
    """The SYNTHETIC notebook's briefing, built once for the tests that only read it: (folder, progress lines)."""
    base = tmp_path_factory.mktemp("synthetic_build")
    data = make_synthetic_data(base / "data")
    folder = _notebook_folder(data, base / "nb")
    lines: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LSREPORTS_DATA", str(data))
        patch.setenv("LSREPORTS_MODEL_CACHE", str(base / "models"))
        build_briefings(base / "out", notebook_dir=folder, progress=lines.append)
    return base / "out", lines


@pytest.fixture
def hostile_data(synthetic_data: Path) -> Path:
    """SYNTHETIC: a catalogue label holding markup and a quote holding a script."""
    catalogue = synthetic_data / "curated" / "indicators.csv"
    rows = list(csv.DictReader(catalogue.open(encoding="utf-8")))
    for row in rows:
        if row["indicator_id"] == "trade_total":
            row["name_en"] = HOSTILE_LABEL
    with catalogue.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    observations = synthetic_data / "curated" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    observations.write_text(text.replace("lũy kế 11 tháng ước đạt 5.000 triệu USD",
                                         "lũy kế 11 tháng ước đạt 5.000 triệu USD <script>alert('q')</script>", 1),
                            encoding="utf-8")
    return synthetic_data


def _pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


def test_briefing_has_images_no_code_and_escaped_text(built):
    out, lines = built
    written = sorted(out.glob("*.html"), key=lambda p: p.name != "synthetic.html")
    page = (out / "synthetic.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    assert "SYNTHETIC_MARKER" not in page and "charts.show" not in page
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;alert" in page
    assert [p.name for p in written] == ["synthetic.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="synthetic.html"' in index and "Synthetic briefing" in index
    assert "Lạng Sơn at a glance" in index and "Key indicators" in index
    assert "30 November 2025" in index  # the data's latest period, in the footer
    assert any("[1/1] synthetic" in line for line in lines)


def test_pages_load_nothing_from_the_network(built):
    for name, page in _pages(built[0]).items():
        assert '<script src="http' not in page, name
        assert not re.search(r"""(src|href)=["']https?://|import\(["']https?://|@import\s+url\(["']?https?://""",
                             page), name


def test_version_and_changelog_move_to_an_about_footer(built):
    page = (built[0] / "synthetic.html").read_text(encoding="utf-8")
    assert page.index("Synthetic briefing") < page.index("Key message first") < page.index("About this briefing")
    assert page.index("About this briefing") < page.index("Version: 9.9.9") and "synthetic test notebook" in page


def test_each_chart_links_to_a_csv_of_its_rows_beside_the_page(built):
    page = (built[0] / "synthetic.html").read_text(encoding="utf-8")
    assert 'href="synthetic-chart-1.csv"' in page
    rows = list(csv.DictReader((built[0] / "synthetic-chart-1.csv").open(encoding="utf-8")))
    # the synthetic trade_total levels: the month (500) and the 11 months to date (5000), in separate panels
    assert sorted((r["panel"], float(r["value"])) for r in rows) == [("11 months to date", 5000.0),
                                                                     ("month", 500.0)]
    assert {r["unit"] for r in rows} == {"million USD"}


def test_labels_and_quotes_from_the_data_are_text_in_every_page(notebook_dir, hostile_data, tmp_path):
    build_briefings(tmp_path / "out", notebook_dir=notebook_dir, progress=lambda _: None)
    pages = _pages(tmp_path / "out")
    assert set(pages) == {"synthetic.html", "index.html"}
    for name, page in pages.items():
        assert not re.search(r"""href=["']\s*javascript""", page, re.I), name
        assert "<b>html</b>" not in page and "<strong>bold</strong>" not in page, name
        assert ">click</a>" not in page, name  # no link of any target made from the label
        assert "<script>alert(" not in page, name
    assert "&lt;script&gt;alert(&#x27;q&#x27;)&lt;/script&gt;" in pages["index.html"]  # the quote, as text
    assert "&lt;b&gt;html&lt;/b&gt;" in pages["index.html"] and "&lt;b&gt;html&lt;/b&gt;" in pages["synthetic.html"]


def test_a_failing_notebook_is_named_and_leaves_the_previous_briefings(notebook_dir, tmp_path, built):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built[0], out)  # the previous briefings: a build's pages and its manifest (built once)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (notebook_dir / "broken.py").write_text(
        "# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\nraise ValueError('planted failure')\n", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"notebook 'broken', cell 2 \(\"raise ValueError\('planted failure'\)\"\): "
                                            r"ValueError: planted failure"):
        build_briefings(out, notebook_dir=notebook_dir, progress=lambda _: None)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []  # no staging left


def _tables(page: str) -> list[list[list[str]]]:
    """Every table of a page: its rows, each a list of its cells' text."""
    from bs4 import BeautifulSoup

    return [[[" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
            for table in BeautifulSoup(page, "html.parser").find_all("table")]


def test_a_build_from_stored_outputs_exports_them_without_executing(notebook_dir, tmp_path, monkeypatch, built):
    """The stored notebook carries each DataFrame in words (the kernel's reader MIME), so the page exported from it
    has the same tables as the page built by executing the notebook (``built``: same SYNTHETIC data)."""
    import nbformat

    from lsreports.publish import briefing
    from lsreports.publish.notebooks import pairs, refresh
    from lsreports.publish.reader_format import READER_MIME

    [pair] = pairs(notebook_dir)
    with pytest.raises(NotebookError, match="'synthetic': the stored synthetic.ipynb does not match synthetic.py"):
        build_briefings(tmp_path / "none", notebook_dir=notebook_dir, progress=lambda _: None, stored=True)
    refresh(pair, ("en",))  # the English edition only: a stored English build checks no other
    outputs = [o for c in nbformat.read(pair.notebook, as_version=4).cells for o in c.get("outputs", [])]
    frames = [o["data"] for o in outputs if 'class="dataframe"' in o.get("data", {}).get("text/html", "")]
    assert frames and all(READER_MIME in data for data in frames)  # the headline table, in words beside pandas'
    assert "Change on a year earlier" in frames[0][READER_MIME] and "Change on last year" in frames[0]["text/html"]

    def no_execution(*args, **kwargs):
        raise AssertionError("a stored build executed a notebook")
    monkeypatch.setattr(briefing, "execute", no_execution)
    written = build_briefings(tmp_path / "out", notebook_dir=notebook_dir, progress=lambda _: None, stored=True)
    page = (tmp_path / "out" / "synthetic.html").read_text(encoding="utf-8")
    assert [p.name for p in written] == ["synthetic.html", "index.html"]
    assert "<img" in page and "code that must not appear" not in page
    executed = (built[0] / "synthetic.html").read_text(encoding="utf-8")
    assert _tables(page) == _tables(executed) and _tables(page)  # the tables in words, as the execution shows them
    assert "lsr-reader" in page and "Change on last year" not in str(_tables(page))
    stale = nbformat.read(pair.notebook, as_version=4)  # stored before the reader MIME: pandas' tables only
    for cell in stale.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(READER_MIME, None)
    nbformat.write(stale, pair.notebook)
    with pytest.raises(NotebookError, match=r"'synthetic', cell 2: a DataFrame without its rendering in words"):
        build_briefings(tmp_path / "old", notebook_dir=notebook_dir, progress=lambda _: None, stored=True)
    pair.source.write_text(pair.source.read_text(encoding="utf-8") + "\n# %%\n1 + 1\n", encoding="utf-8")
    with pytest.raises(NotebookError, match="refresh it first"):  # the source moved on: the stored page is stale
        build_briefings(tmp_path / "stale", notebook_dir=notebook_dir, progress=lambda _: None, stored=True)


def _visible_text(page: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    for hidden in soup(["style", "script"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def test_the_vietnamese_edition_is_exported_from_its_stored_notebook_as_executed(notebook_dir, tmp_path, monkeypatch):
    """SYNTHETIC: ``refresh`` stores ``vi/synthetic.ipynb``, executed in Vietnamese by its hidden first cell (so nbval
    re-executes it in Vietnamese too); a stored Vietnamese build drops that cell and writes the page an executed
    Vietnamese build writes (text and tables in words), without a kernel."""
    import nbformat

    from lsreports.publish import briefing
    from lsreports.publish.notebooks import SETUP_TAG, pairs, refresh

    [pair] = pairs(notebook_dir)
    build_briefings(tmp_path / "executed", notebook_dir=notebook_dir, progress=lambda _: None, lang="vi")
    with pytest.raises(NotebookError, match=r"the stored vi/synthetic.ipynb does not match synthetic.py "
                                            r"\(vi/synthetic.ipynb is missing\); refresh it first"):
        build_briefings(tmp_path / "none", notebook_dir=notebook_dir, progress=lambda _: None, stored=True, lang="vi")
    assert refresh(pair, ("vi",)) == [notebook_dir / "vi" / "synthetic.ipynb"]
    first = nbformat.read(notebook_dir / "vi" / "synthetic.ipynb", as_version=4).cells[0]
    assert first.source == "%env LSREPORTS_LANG=vi" and first.metadata["tags"] == [SETUP_TAG]

    def no_execution(*args, **kwargs):
        raise AssertionError("a stored build executed a notebook")
    monkeypatch.setattr(briefing, "execute", no_execution)
    build_briefings(tmp_path / "stored", notebook_dir=notebook_dir, progress=lambda _: None, stored=True, lang="vi")
    page = (tmp_path / "stored" / "synthetic.html").read_text(encoding="utf-8")
    executed = (tmp_path / "executed" / "synthetic.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "LSREPORTS_LANG" not in page and "env:" not in page
    assert _tables(page) == _tables(executed) and "Chỉ tiêu" in str(_tables(page))  # in words, in Vietnamese
    assert _visible_text(page) == _visible_text(executed)
    assert page.count("<img") == executed.count("<img") == 1
