"""The house rules of the package, read from its source: no import cycles, the core's layers, module sizes,
no private names of other libraries.

Every import counts, including those inside functions and under `TYPE_CHECKING`: a lazy import still ties
two modules together, and a cycle through one is still a cycle to the reader. See
iphr_desk/core/__init__.py and docs/architecture.md for what each package may import.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "iphr_desk"
MAX_LINES = 700
MAX_LINES_MAIN_WINDOW = 600

#: package -> packages of the core it must never import
FORBIDDEN = {
    "iphr_desk.core.letters": ("iphr_desk.core.store", "iphr_desk.core.export"),
    "iphr_desk.core.protocol": ("iphr_desk.core.store", "iphr_desk.core.export"),
    "iphr_desk.core.export": ("iphr_desk.core.store",),
    "iphr_desk.core": ("iphr_desk.gui", "iphr_desk.cli", "PySide6", "shiboken6"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    # Migration scripts are loaded by Alembic from their files, never imported by name.
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "versions" not in p.parts}


def imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(module imported from, names) for every import statement in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [alias.name for alias in node.names]


def edges() -> dict[str, set[str]]:
    """Module -> the modules of iphr_desk it imports (a package's __init__ counts as a module)."""
    known = modules()
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for base, names in imports(path):
            for target in [base, *(f"{base}.{n}" for n in names)]:
                while target and target not in known:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle_in_the_package() -> None:
    assert cycles(edges()) == []


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_it_may(package: str) -> None:
    offenders = [
        f"{name} imports {base}"
        for name, path in modules().items()
        if name == package or name.startswith(package + ".")
        for base, _ in imports(path)
        if any(base == bad or base.startswith(bad + ".") for bad in FORBIDDEN[package])
    ]
    assert offenders == []


def test_no_module_is_too_long() -> None:
    too_long = {}
    for name, path in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        limit = MAX_LINES_MAIN_WINDOW if name == "iphr_desk.gui.main_window" else MAX_LINES
        if lines > limit:
            too_long[name] = lines
    assert too_long == {}


def test_no_private_name_of_another_library_is_imported() -> None:
    private = [
        f"{name}: from {base} import {n}"
        for name, path in modules().items()
        for base, names in imports(path)
        if base.split(".")[0] != "iphr_desk"
        for n in names
        if n.startswith("_") and not n.startswith("__")
    ]
    assert private == []
