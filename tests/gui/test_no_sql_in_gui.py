"""No SQL in the GUI: every statement lives in the core, where the repository's tests and its schema are.

A query written in a widget or model would be a second copy of one the core owns (the letter list's was,
until core/store/quick_list.py): it would drift from the schema and the repository unseen. Plain Python,
no Qt: the sources are read, not imported.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "iphr_desk" / "gui"
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA)\b")
DATABASE_DRIVERS = {"sqlite3", "sqlcipher3", "sqlalchemy", "alembic"}


def sql_literals(path: Path) -> list[str]:
    """`line: text` of each string literal (f-strings' text parts included) that looks like SQL."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{node.lineno}: {node.value.strip()[:80]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]


def driver_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return [name for name in names if name.split(".")[0] in DATABASE_DRIVERS]


def test_no_gui_module_holds_sql() -> None:
    sources = sorted(GUI.rglob("*.py"))
    assert len(sources) > 10
    found = {str(path.relative_to(ROOT)): sql_literals(path) for path in sources}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_no_gui_module_imports_a_database_driver() -> None:
    """SQL could also be built without a literal the regex sees: the GUI has no driver to run it with."""
    found = {str(path.relative_to(ROOT)): driver_imports(path) for path in sorted(GUI.rglob("*.py"))}
    assert {name: modules for name, modules in found.items() if modules} == {}


def test_the_check_finds_sql_where_there_is_some() -> None:
    """The regex is not blind: the quick reader's statements (in f-strings) and other forms are caught."""
    assert sql_literals(ROOT / "iphr_desk" / "core" / "store" / "quick_list.py")
    for statement in (
        "SELECT 1",
        "INSERT INTO letters VALUES (1)",
        "UPDATE letters SET subject = ''",
        "DELETE FROM letters",
        "PRAGMA quick_check",
    ):
        assert SQL.search(statement), statement
    for prose in ("Select a letter", "Delete from the trash", "Update the list"):
        assert not SQL.search(prose), prose
