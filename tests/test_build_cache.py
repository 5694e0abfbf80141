"""What a briefing build keeps by content (lsreports.publish.build_cache, chart_store, analysis.memo sharing), on
SYNTHETIC frames and charts: a kept result is read back only for the same inputs; a change to any input it
depends on (its arguments, the language, matplotlib's settings, a data file, the flag table) is a new key; a
drawing that reads the province's table by itself, or a figure changed by its caller, is never kept."""
from __future__ import annotations

import shutil

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from lsreports.analysis import memo
from lsreports.publish import build_cache, chart_store, charts
from lsreports.publish.i18n import using
from lsreports.sources.content_store import entry_path, kept

DRAWN: list[str] = []


@chart_store.stored_chart
def synthetic_chart(frame: pd.DataFrame, title: str) -> plt.Figure:
    """SYNTHETIC: bars of ``frame['value']``; records each drawing in DRAWN."""
    DRAWN.append(title)
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(range(len(frame)), frame["value"])
    ax.set_title(title)
    fig.lsreports_rows = frame
    return fig


@chart_store.stored_chart
def reads_the_province_table(title: str) -> plt.Figure:
    """SYNTHETIC: a chart that reads the province's table by itself (its key does not hold it)."""
    from lsreports.sources.loader import observations

    DRAWN.append(title)
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title(f"{len(observations())} rows")
    return fig


FRAME = pd.DataFrame({"indicator_id": ["x", "y"], "value": [1.0, 2.0]})  # SYNTHETIC


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """This process as a build's kernel: charts kept in a folder of their own; DRAWN emptied."""
    monkeypatch.setenv(build_cache.KERNEL_ENV, str(tmp_path / "build"))
    DRAWN.clear()
    return tmp_path / "build"


def shown(recipe, capsys=None) -> chart_store.Rendered:
    return recipe.rendered()


def test_outside_a_build_the_chart_functions_return_figures(monkeypatch):
    monkeypatch.delenv(build_cache.KERNEL_ENV, raising=False)
    fig = synthetic_chart(FRAME, "outside")
    assert isinstance(fig, plt.Figure)
    plt.close(fig)


def test_a_chart_is_drawn_once_and_read_back_for_equal_inputs(kernel):
    first = synthetic_chart(FRAME, "A").rendered()
    again = synthetic_chart(FRAME.copy(), "A").rendered()
    assert DRAWN == ["A"]
    assert again == first and again.png.startswith(b"\x89PNG") and again.rows_count == 2
    assert len(list((kernel / "charts").rglob("*.pkl"))) == 1


@pytest.mark.parametrize("change", ["value", "title", "language", "rcparams"])
def test_a_change_to_what_decides_the_image_is_a_new_key(kernel, change):
    before = synthetic_chart(FRAME, "A").key()
    frame, title = FRAME, "A"
    if change == "value":
        frame = FRAME.assign(value=[1.0, 3.0])
    if change == "title":
        title = "B"
    with using("vi" if change == "language" else "en"), matplotlib.rc_context(
            {"font.size": 17} if change == "rcparams" else {}):
        after = synthetic_chart(frame, title).key()
    assert after != before


def test_a_data_file_other_than_the_province_table_is_in_the_key_and_the_table_is_not(synthetic_data, kernel):
    key = lambda: synthetic_chart(FRAME, "A").key()  # noqa: E731
    before = key()
    observations = synthetic_data / "curated" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert key() == before  # the rows a chart draws are its arguments; the flag table is in the key
    with (synthetic_data / "raw" / "reports.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert key() != before


def test_the_flag_table_is_in_the_key(kernel, monkeypatch):
    before = synthetic_chart(FRAME, "A").key()
    monkeypatch.setattr(chart_store, "_flags_digest", lambda: b"another flag table")
    assert synthetic_chart(FRAME, "A").key() != before


def test_a_drawing_that_reads_the_province_table_itself_is_not_kept(synthetic_data, kernel):
    reads_the_province_table("R").rendered()
    reads_the_province_table("R").rendered()
    assert DRAWN == ["R", "R"]
    assert not list((kernel / "charts").rglob("*.pkl"))


def test_a_step_after_the_chart_is_part_of_it_and_applied_in_place(kernel, monkeypatch):
    recipe = synthetic_chart(FRAME, "S")
    charts.add_source(recipe, "Source: synthetic")  # as a notebook does: the return value ignored
    with_source = recipe.rendered()
    monkeypatch.delenv(build_cache.KERNEL_ENV)
    drawn = chart_store.render(charts.add_source(synthetic_chart(FRAME, "S"), "Source: synthetic"))
    assert with_source.png == drawn.png
    monkeypatch.setenv(build_cache.KERNEL_ENV, str(kernel))
    assert synthetic_chart(FRAME, "S").rendered().png != with_source.png  # without the step: another chart


def test_a_frame_changed_after_the_call_does_not_change_the_chart(kernel, monkeypatch):
    frame = FRAME.copy()
    recipe = synthetic_chart(frame, "M")
    frame.loc[0, "value"] = 100.0  # the caller changes its frame before showing the chart
    out = recipe.rendered()
    monkeypatch.delenv(build_cache.KERNEL_ENV)
    assert out.png == chart_store.render(synthetic_chart(FRAME, "M")).png


def test_a_figure_its_caller_changed_is_drawn_as_changed_and_not_kept(kernel):
    recipe = synthetic_chart(FRAME, "E")
    recipe.axes[0].set_title("changed by the caller")  # asks the figure itself: drawn here
    out = recipe.rendered()
    assert out.alt == "changed by the caller"
    assert not list((kernel / "charts").rglob("*.pkl"))


def test_content_digest_is_equal_for_equal_content_and_refuses_what_it_cannot_read():
    built = pd.DataFrame({"a": [1.0, 2.0]}).assign(b=["p", "q"])
    other = pd.DataFrame({"b": ["p", "q"], "a": [1.0, 2.0]})[["a", "b"]]
    assert chart_store.content_digest(built) == chart_store.content_digest(other)
    assert chart_store.content_digest(built) != chart_store.content_digest(other.assign(a=[1.0, 2.5]))
    with_attrs = built.copy()
    with_attrs.attrs["unit"] = "USD_mn"
    assert chart_store.content_digest(built) != chart_store.content_digest(with_attrs)
    with pytest.raises(TypeError):
        chart_store.content_digest({"f": lambda x: x})


def test_a_corrupt_entry_is_recomputed_and_written_again(tmp_path):
    calls = []
    compute = lambda: calls.append(1) or "value"  # noqa: E731
    assert kept(tmp_path, "k" * 64, compute, lambda v: isinstance(v, str)) == "value"
    path = entry_path(tmp_path, "k" * 64)
    path.write_bytes(path.read_bytes()[:-3])
    assert kept(tmp_path, "k" * 64, compute, lambda v: isinstance(v, str)) == "value"
    assert len(calls) == 2
    assert kept(tmp_path, "k" * 64, compute, lambda v: isinstance(v, str)) == "value" and len(calls) == 2


def test_an_exported_page_is_kept_by_the_notebooks_content(monkeypatch, tmp_path):
    monkeypatch.setenv(build_cache.ENV, str(tmp_path / "build"))
    exports = []
    export = lambda: exports.append(1) or "<html>synthetic</html>"  # noqa: E731
    assert build_cache.exported("notebook one", "en", "T", export) == "<html>synthetic</html>"
    build_cache.exported("notebook one", "en", "T", export)
    build_cache.exported("notebook two", "en", "T", export)
    build_cache.exported("notebook one", "vi", "T", export)
    assert len(exports) == 3
    monkeypatch.setenv(build_cache.ENV, "off")
    build_cache.exported("notebook one", "en", "T", export)
    assert len(exports) == 4 and not (tmp_path / "off").exists()


def test_a_builds_named_memos_are_shared_with_its_kernels_by_content(monkeypatch, tmp_path):
    shared_memo = memo.FrameMemo(name="tests.synthetic_shared")
    try:
        frame = pd.DataFrame({"value": [1.0, 2.0]})  # SYNTHETIC
        computed = []
        compute = lambda: computed.append(1) or frame * 2  # noqa: E731
        shared_memo.get(compute, frame)
        path = tmp_path / "memos.pickle"
        monkeypatch.setenv(memo.SHARED_ENV, str(path))
        shared_memo.clear()  # as a kernel starts: nothing computed yet
        shared_memo.get(compute, frame)  # the build has not written the file yet: computed here
        assert computed == [1, 1]
        memo.write_shared(path)
        shared_memo.clear()
        pd.testing.assert_frame_equal(shared_memo.get(compute, frame), frame * 2)
        assert computed == [1, 1]
        shared_memo.get(compute, frame.assign(value=[1.0, 5.0]))  # other data: computed here
        assert computed == [1, 1, 1]
    finally:
        memo._MEMOS.remove(shared_memo)
    with pytest.raises(ValueError, match="exists already"):
        memo.FrameMemo(name="checks.province_flags")


def test_notebook_cells_get_stable_ids_and_no_timings():
    import nbformat

    from lsreports.publish.notebooks import stable

    one = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell("# T")])
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_markdown_cell("# T")])
    one.cells[0].metadata["execution"] = {"iopub.execute_input": "2026-12-07T00:00:00Z"}
    assert [c.id for c in one.cells] != [c.id for c in other.cells]  # nbformat's ids are random
    assert nbformat.writes(stable(one)) == nbformat.writes(stable(other))
