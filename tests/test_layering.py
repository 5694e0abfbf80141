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
    """``lsreports.analysis.tsa.forecast`` -> ``analysis``; the package itself (``import lsreports as ls``,
    whose lazy ``__init__`` is the user's API over :mod:`lsreports.access`) -> ``access``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "access"


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
        if path == root / "__init__.py":  # the package's lazy __init__ re-exports the stages
            continue
        here = stage(".".join(path.relative_to(root.parent).with_suffix("").parts))
        if here not in ALLOWED:  # commands/, cli
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


@pytest.mark.parametrize("module, expected", [("lsreports.analysis.tsa.forecast", "analysis"), ("lsreports", "access")])
def test_stage_of_a_module(module, expected):
    assert stage(module) == expected


def module_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package to the package modules it imports (lazy imports included; a
    package's ``__init__`` is left out: the package's lazy ``__init__`` re-exports, it is not a stage)."""
    modules = {".".join(p.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__"): p
               for p in root.rglob("*.py")}
    packages = {name for name, path in modules.items() if path.name == "__init__.py"}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for _, target in imports(path, root):
            while target and target not in modules:  # ``from .x import name`` names a module or an attribute
                target = target.rpartition(".")[0]
            if target and target != name and target not in packages:
                targets.add(target)
        if name not in packages:
            graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of a module graph (depth-first, each back edge once)."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, set())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_import_cycle_between_modules():
    assert cycles(module_graph()) == []


def test_the_cycle_check_sees_a_lazy_cycle():
    graph = {"lsreports.publish.a": {"lsreports.publish.b"}, "lsreports.publish.b": {"lsreports.publish.c"},
             "lsreports.publish.c": {"lsreports.publish.a"}}  # SYNTHETIC: page_inputs -> overview -> page -> ...
    assert cycles(graph) == [["lsreports.publish.a", "lsreports.publish.b", "lsreports.publish.c",
                              "lsreports.publish.a"]]


def module_getattrs(root: Path = PACKAGE) -> list[str]:
    """Modules defining a module-level ``__getattr__`` (an import shim), except the package's lazy ``__init__``."""
    return [str(path.relative_to(root.parent)) for path in sorted(root.rglob("*.py")) if path != root / "__init__.py"
            and any(isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
                    for node in ast.parse(path.read_text(encoding="utf-8")).body)]


def test_no_module_getattr_shim():
    assert module_getattrs() == []
