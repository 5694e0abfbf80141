"""pyproject.toml (pip) and environment.yml (conda) must list the same packages and versions."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

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


def test_conda_installs_the_package_itself():
    assert "- -e ." in (ROOT / "environment.yml").read_text(encoding="utf-8")
