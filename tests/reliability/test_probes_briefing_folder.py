"""Probes of ``lsreports briefing -o DIR`` (issue 22: N34, N28, N16): the output folder stays the user's.

A SYNTHETIC one-cell notebook (its chart's rows hold hostile labels) is built on the
SYNTHETIC data folder; the user's files beside the briefings are SYNTHETIC too. The notebook is
executed once for the module and the builds export its stored outputs (``stored=True``): these
probes are about the output folder, and executing a notebook is tested in tests/test_briefing.py.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lsreports.cli import main
from lsreports.errors import OutputPathError
from lsreports.publish import output_folder
from lsreports.publish.briefing import build_briefings
from lsreports.publish.notebooks import Pair, refresh
from lsreports.publish.output_folder import MANIFEST, STAGING_PREFIX

from probe_kit import snapshot

#: SYNTHETIC notebook: one chart whose rows begin with formula characters.
NOTEBOOK = '''# %% [markdown]
# # Synthetic page

# %%
import matplotlib.pyplot as plt
import pandas as pd
from lsreports.publish import charts
fig, ax = plt.subplots()
ax.bar([0, 1], [1, 2])
charts.show(fig, pd.DataFrame({"label": ['=HYPERLINK("http://evil.example","x")', "@SUM(1+1)*cmd|' /C calc'!A0",
                                         "+1+2", "- gạch đầu dòng"],
                               "value": [1.5, -2.0, 3, 4], "=header": ["a", "b", "c", "d"]}))
'''


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SYNTHETIC notebook executed once (its ``.ipynb`` with outputs beside its ``.py``)."""
    folder = tmp_path_factory.mktemp("executed")
    (folder / "synthetic.py").write_text(NOTEBOOK, encoding="utf-8")
    [stored] = refresh(Pair("synthetic", folder / "synthetic.py", folder / "synthetic.ipynb"), ("en",))
    return stored


@pytest.fixture
def notebooks(tmp_path: Path, synthetic_data: Path, executed: Path) -> Path:
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "synthetic.py").write_text(NOTEBOOK, encoding="utf-8")
    (folder / "synthetic.ipynb").write_bytes(executed.read_bytes())
    return folder


def _rename(notebooks: Path, name: str) -> None:
    """Rename the notebook, its stored outputs with it (they still match its source)."""
    for suffix in (".py", ".ipynb"):
        (notebooks / f"synthetic{suffix}").rename(notebooks / f"{name}{suffix}")


def _user_files(folder: Path) -> None:
    """SYNTHETIC files of the user's in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "thesis.txt").write_text("chapter 1\n", encoding="utf-8")
    (folder / "notes").mkdir()
    (folder / "notes" / "n1.md").write_text("a note\n", encoding="utf-8")


def build(out: Path, notebooks: Path, **kwargs) -> list[Path]:
    return build_briefings(out, notebook_dir=notebooks, progress=lambda _: None, stored=True, **kwargs)


def test_a_folder_of_the_users_is_refused_in_one_line_and_left_as_it_was(tmp_path, synthetic_data, capsys,
                                                                         monkeypatch):
    out = tmp_path / "mine"
    _user_files(out)
    before = snapshot(out)
    assert main(["briefing", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "folder holds files lsreports did not write (notes, thesis.txt)" in err, err
    assert "--force" in err and snapshot(out) == before
    monkeypatch.chdir(out)  # `-o .`
    assert main(["briefing", "-o", "."]) == 2
    assert "did not write" in capsys.readouterr().err and snapshot(out) == before


def test_force_writes_beside_the_users_files_and_never_touches_them(tmp_path, notebooks):
    out = tmp_path / "mine"
    _user_files(out)
    before = snapshot(out)
    written = build(out, notebooks, force=True)
    assert [p.name for p in written] == ["synthetic.html", "index.html"]
    assert {k: v for k, v in snapshot(out).items() if k in before} == before
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert listed == ["index.html", "synthetic-chart-1.csv", "synthetic.html"]


def test_a_rebuild_removes_only_what_the_previous_build_listed(tmp_path, notebooks):
    out = tmp_path / "briefings"
    build(out, notebooks)
    (out / "my-notes.txt").write_text("added by the user after the build\n", encoding="utf-8")
    _rename(notebooks, "renamed")  # the old page is no longer built
    build(out, notebooks)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html", "my-notes.txt", "renamed-chart-1.csv",
                                                     "renamed.html"]


def test_a_build_killed_between_renames_leaves_the_folder_and_the_next_build_finishes(tmp_path, notebooks,
                                                                                        monkeypatch):
    out = tmp_path / "briefings"
    build(out, notebooks)
    _rename(notebooks, "renamed")
    real_replace, calls = os.replace, []

    def dies_on_the_second(source, target):  # SYNTHETIC crash after one file was renamed into place
        if Path(target).parent == out:  # the output folder's renames, not the build cache's own writes
            calls.append(target)
            if len(calls) == 2:
                raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(output_folder.os, "replace", dies_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        build(out, notebooks)
    monkeypatch.setattr(output_folder.os, "replace", real_replace)
    assert out.is_dir() and (out / "synthetic.html").exists()  # the folder is there, the old page too
    listed = set(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"])
    assert {"synthetic.html", "renamed.html", "index.html"} <= listed  # every file of both builds is owned
    (out / f"{STAGING_PREFIX}killed").mkdir()  # as a SIGKILL leaves it
    (tmp_path / ".briefings.building-old").mkdir()  # as an older lsreports left it beside the folder
    build(out, notebooks)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html", "renamed-chart-1.csv", "renamed.html"]
    assert not list(tmp_path.glob(".briefings.*"))


def test_a_manifest_cannot_name_files_outside_the_folder(tmp_path, notebooks):
    out = tmp_path / "briefings"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"files": ["../victim.txt", str(victim), "index.html"]}), encoding="utf-8")
    build(out, notebooks)
    assert victim.read_text(encoding="utf-8") == "keep\n"
    (out / MANIFEST).write_text("not json", encoding="utf-8")
    with pytest.raises(OutputPathError, match="not a briefing manifest"):
        build(out, notebooks)


def test_no_chart_csv_holds_a_formula(tmp_path, notebooks):
    out = tmp_path / "briefings"
    build(out, notebooks)
    text = (out / "synthetic-chart-1.csv").read_text(encoding="utf-8")
    assert text.splitlines() == ["label,value,'=header", """"'=HYPERLINK(""http://evil.example"",""x"")",1.5,a""",
                                 "'@SUM(1+1)*cmd|' /C calc'!A0,-2.0,b", "'+1+2,3.0,c", "'- gạch đầu dòng,4.0,d"]
