"""The package's layers, read from the import statements of every module (ast, so lazy imports inside
functions count too): sources <- analysis <- access <- publish, extract never imports publish, and
only the command line (commands/, cli) may import anything."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lsreports"
#: What each stage may import from the package, besides itself.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "sources": {"errors"},
    "analysis": {"sources", "errors"},
    "access": {"sources", "analysis", "errors"},
    "publish": {"sources", "analysis", "access", "errors"},
    "extract": {"sources", "analysis", "access", "errors"},
}


def stage(module: str) -> str:
    """``lsreports.analysis.tsa.forecast`` -> ``analysis``; the package itself -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every ``lsreports`` module a file imports, with the line, relative imports resolved."""
    module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("lsreports")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("lsreports"):
                names = [f"{target}.{alias.name}" for alias in node.names] if target == "lsreports" else [target]
                found += [(node.lineno, name) for name in names]
    return found


def violations(root: Path = PACKAGE) -> list[str]:
    """``file:line imports module`` for every import against :data:`ALLOWED`."""
    out = []
    for path in sorted(root.rglob("*.py")):
        here = stage(".".join(path.relative_to(root.parent).with_suffix("").parts))
        if here not in ALLOWED:  # commands/, cli, the package's lazy __init__
            continue
        for line, target in imports(path, root):
            there = stage(target)
            if there != here and there not in ALLOWED[here]:
                out.append(f"{path.relative_to(root.parent)}:{line} ({here}) imports {target} ({there})")
    return out


def test_no_module_imports_a_later_stage():
    assert violations() == []


def test_the_check_sees_relative_lazy_and_absolute_imports(tmp_path):
    root = tmp_path / "lsreports"
    (root / "sources").mkdir(parents=True)
    (root / "extract").mkdir()
    (root / "sources" / "bad.py").write_text(
        "def f():\n    from ..analysis import derive\n", encoding="utf-8")  # SYNTHETIC upward lazy import
    (root / "extract" / "worse.py").write_text("import lsreports.publish.excel\nfrom .. import publish\n",
                                               encoding="utf-8")
    found = violations(root)
    assert found == ["lsreports/extract/worse.py:1 (extract) imports lsreports.publish.excel (publish)",
                     "lsreports/extract/worse.py:2 (extract) imports lsreports.publish (publish)",
                     "lsreports/sources/bad.py:2 (sources) imports lsreports.analysis (analysis)"]


@pytest.mark.parametrize("module, expected", [("lsreports.analysis.tsa.forecast", "analysis"), ("lsreports", "__init__")])
def test_stage_of_a_module(module, expected):
    assert stage(module) == expected
