"""Packaging: pyproject.toml (pip) and environment.yml (conda) list the same pins; the README's install works."""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pip_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [r for group in project["optional-dependencies"].values() for r in group]
    pins = {}
    for requirement in requirements:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==([\w.]+)", requirement).groups()
        pins[name.lower()] = version
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\s*-\s+([A-Za-z0-9_.-]+)=([\w.]+)\s*", line)
        if match and match.group(1) != "python":
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_every_requirement_is_pinned_exactly():
    assert _pip_pins(), "no requirements found in pyproject.toml"


def test_pip_and_conda_list_the_same_packages_and_versions():
    assert _pip_pins() == _conda_pins()


def test_jupyterlab_is_pinned_in_the_lab_extra_and_in_conda():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lab = [r for r in project["optional-dependencies"]["lab"] if r.lower().startswith("jupyterlab==")]
    assert len(lab) == 1 and _conda_pins()["jupyterlab"] == lab[0].split("==")[1]
    assert "jupyterlab" not in {re.split("==", r)[0].lower() for r in project["dependencies"]}  # optional
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "'.[test,lab]'" in makefile and re.search(r"^lab: ", makefile, re.M)


def test_conda_installs_the_package_itself():
    assert "- -e ." in (ROOT / "environment.yml").read_text(encoding="utf-8")


def _seed_dependencies(venv: Path, tmp_path: Path) -> None:
    """Make the running environment's installed packages (not lsreports) visible to a new venv.

    The pinned dependencies are the same files; borrowing them keeps this test to the
    install of lsreports itself instead of a download of every dependency. Entries are
    symlinked into a folder of their own so that pip never sees (or uninstalls) the
    running environment's lsreports.
    """
    import site

    seed = tmp_path / "seeded-site-packages"
    seed.mkdir()
    source = Path(next(p for p in site.getsitepackages() if p.endswith("site-packages")))
    for entry in source.iterdir():
        if not entry.name.lower().startswith(("lsreports", "__editable__")) and entry.suffix != ".pth":
            (seed / entry.name).symlink_to(entry)
    target = next((venv / "lib").glob("python3*/site-packages"))
    (target / "_seeded_dependencies.pth").write_text(f"{seed}\n", encoding="utf-8")


def test_import_works_from_the_folder_above_a_clone_named_lsreports(tmp_path):
    """A clone named ``lsreports``, ``make setup`` as the README says, then Python from the folder above.

    The committed state of this checkout is cloned (uncommitted edits are not part of it).
    Without the explicit package mapping in pyproject.toml, ``lsreports`` resolves to the
    clone folder (an empty namespace package) and ``ls.load`` is an AttributeError.
    """
    import shutil
    import subprocess
    import sys

    if shutil.which("git") is None or shutil.which("make") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git, make and a git checkout of the project")
    clone = tmp_path / "lsreports"
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", head], check=True)
    subprocess.run([sys.executable, "-m", "venv", str(clone / ".venv")], check=True)
    _seed_dependencies(clone / ".venv", tmp_path)
    setup = subprocess.run(["make", "-C", str(clone), "setup"], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-2000:]
    code = "import lsreports as ls; print(ls.__file__); print(len(ls.load('trade')))"
    environment = {k: v for k, v in os.environ.items() if k != "LSREPORTS_DATA"}  # the clone's own data
    result = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", code], cwd=tmp_path,
                            capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr[-2000:]
    module_file, rows = result.stdout.split()
    assert Path(module_file) == clone / "lsreports" / "__init__.py"
    assert int(rows) > 0
