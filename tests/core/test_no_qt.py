"""The core must work without a display: nothing under iphr_desk/core, nor the CLI path, imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

QT_PACKAGES = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
CORE = Path(__file__).resolve().parents[2] / "iphr_desk" / "core"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _is_gui(module: str) -> bool:
    return module.split(".")[0] in QT_PACKAGES or module.startswith("iphr_desk.gui")


def test_no_core_module_imports_qt() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(m for m in _imported_modules(path) if _is_gui(m))
        for path in CORE.rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}
    assert len(list(CORE.rglob("*.py"))) > 3


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        "iphr_desk.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import iphr_desk.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'iphr_desk.gui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
