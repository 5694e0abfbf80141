"""Briefing build on a small SYNTHETIC notebook and data: images embedded, no code, report text escaped,
index written, failures named by notebook and cell."""
from pathlib import Path

import pytest

from lsreports.publish.briefing import build_briefings, index_html
from lsreports.publish.notebooks import NotebookError

from conftest import SYNTHETIC_DOC

NOTEBOOK = '''# %% [markdown]
# # Synthetic briefing
#
# Version: 9.9.9
#
# Changelog:
# - 9.9.9: synthetic test notebook.

# %%
SYNTHETIC_MARKER = "code that must not appear"
from IPython.display import Markdown, display
import lsreports as ls
from lsreports.publish import charts
from lsreports.publish.formatting import safe
from lsreports.sources.reports import report_text
charts.use_report_style()
charts.show(charts.bars_by_period(ls.load("trade"), "Synthetic trade", "Source: synthetic"))

# %%
display(Markdown(safe(report_text("{doc}").strip().splitlines()[-1])))
ls.observations()[["indicator_id", "quote"]].tail(1)
'''


@pytest.fixture
def notebook_dir(tmp_path: Path, synthetic_data: Path) -> Path:
    report = synthetic_data / "raw" / "reports" / f"{SYNTHETIC_DOC}.txt"
    report.write_text(report.read_text(encoding="utf-8") + "Ghi chú: <script>alert('x')</script> & hết.\n",
                      encoding="utf-8")
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "synthetic.py").write_text(NOTEBOOK.replace("{doc}", SYNTHETIC_DOC), encoding="utf-8")
    return folder


def test_briefing_has_images_no_code_and_escaped_text(notebook_dir, tmp_path):
    lines = []
    written = build_briefings(tmp_path / "out", notebook_dir=notebook_dir, progress=lines.append)
    page = (tmp_path / "out" / "synthetic.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page
    assert "SYNTHETIC_MARKER" not in page and "charts.show" not in page
    assert "<script>alert('x')</script>" not in page
    assert "&lt;script&gt;alert" in page
    assert [p.name for p in written] == ["synthetic.html", "index.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="synthetic.html"' in index and "Synthetic briefing" in index and "v9.9.9" in index
    assert "30 November 2025" in index  # the data's latest period
    assert any("[1/1] synthetic" in line for line in lines)


def test_failing_notebook_names_notebook_and_cell(notebook_dir, tmp_path):
    (notebook_dir / "broken.py").write_text(
        "# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\nraise ValueError('planted failure')\n", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"notebook 'broken', cell 2 \(\"raise ValueError\('planted failure'\)\"\): "
                                            r"ValueError: planted failure"):
        build_briefings(tmp_path / "out", notebook_dir=notebook_dir, progress=lambda _: None)


def test_index_escapes_titles():
    page = index_html([("a.html", "<b>Trade</b>", "1.0.0")], "30 November 2025", "2026-11-23")
    assert "&lt;b&gt;Trade&lt;/b&gt;" in page and "<b>Trade</b>" not in page
