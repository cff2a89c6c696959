"""Letter changes are indexed when their transaction ends, and autosave may leave them for later

Revision ID: 0006_deferred_letter_index
Revises: 0005_list_filters
Create Date: 2026-11-26 23:55:00

With 0003's triggers every UPDATE of a body removed the old text from the index and added the new one:
two tokenisations of the whole letter per autosave (a 20-page letter is 80 KB), and two more for every
recipient row written. Now a change only records the letter in `letters_fts_pending`, with a snapshot
of the text the index holds for it (taken at its first change; an external-content index must be told
that exact text to remove it). `indexing.index_pending` brings the index up to date from the snapshots
in one pass: the store runs it before every commit, except autosave's, and every search runs it first,
so a search never sees a stale index. `indexed = 0` marks a letter the index does not hold yet (a new
one): nothing to remove.

The cases index keeps 0003's immediate triggers: cases are saved by hand, never every few seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import op

revision = "0006_deferred_letter_index"
down_revision = "0005_list_filters"
branch_labels = None
depends_on = None

LETTER_TRIGGERS_0003 = (
    "letters_fts_insert",
    "letters_fts_before_update",
    "letters_fts_after_update",
    "letters_fts_delete",
    "letter_recipients_fts_before_insert",
    "letter_recipients_fts_after_insert",
    "letter_recipients_fts_before_update",
    "letter_recipients_fts_after_update",
    "letter_recipients_fts_before_delete",
    "letter_recipients_fts_after_delete",
)

PENDING_TABLE = """CREATE TABLE letters_fts_pending (
    letter_id INTEGER PRIMARY KEY,
    indexed INTEGER NOT NULL,
    subject TEXT,
    body TEXT,
    recipients TEXT
)"""


def _snapshot(letter_id: str) -> str:
    """Remember what the index holds for the letter, unless it is already pending (its first change)."""
    return (
        "INSERT OR IGNORE INTO letters_fts_pending(letter_id, indexed, subject, body, recipients) "
        f"SELECT id, 1, subject, body, recipients FROM letters_fts_source WHERE id = {letter_id} "
        f"AND NOT EXISTS (SELECT 1 FROM letters_fts_pending WHERE letter_id = {letter_id});"
    )


def _trigger(name: str, when: str, body: str) -> str:
    return f"CREATE TRIGGER {name} {when} BEGIN {body} END"


UPGRADE = [
    PENDING_TABLE,
    _trigger(
        "letters_fts_pending_insert",
        "AFTER INSERT ON letters",
        "INSERT OR IGNORE INTO letters_fts_pending(letter_id, indexed) VALUES (new.id, 0);",
    ),
    _trigger("letters_fts_pending_update", "BEFORE UPDATE OF subject, body ON letters", _snapshot("old.id")),
    _trigger("letters_fts_pending_delete", "BEFORE DELETE ON letters", _snapshot("old.id")),
    _trigger("letter_recipients_fts_pending_insert", "BEFORE INSERT ON letter_recipients", _snapshot("new.letter_id")),
    _trigger(
        "letter_recipients_fts_pending_update",
        "BEFORE UPDATE ON letter_recipients",
        _snapshot("old.letter_id") + _snapshot("new.letter_id"),
    ),
    _trigger("letter_recipients_fts_pending_delete", "BEFORE DELETE ON letter_recipients", _snapshot("old.letter_id")),
]  # fmt: skip

NEW_TRIGGERS = tuple(statement.split()[2] for statement in UPGRADE if statement.startswith("CREATE TRIGGER"))

#: Also `indexing.index_pending`'s statements (a test keeps them equal): the migration must not import the app.
INDEX_PENDING = (
    "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients) "
    "SELECT 'delete', letter_id, subject, body, recipients FROM letters_fts_pending WHERE indexed = 1",
    "INSERT INTO letters_fts(rowid, subject, body, recipients) "
    "SELECT s.id, s.subject, s.body, s.recipients "
    "FROM letters_fts_pending AS p JOIN letters_fts_source AS s ON s.id = p.letter_id",
    "DELETE FROM letters_fts_pending",
)


def _revision_0003() -> Any:
    """0003's module, read from its file beside this one (Alembic loads version scripts by path)."""
    import importlib.util

    path = Path(__file__).with_name("0003_fts_external_content.py")
    spec = importlib.util.spec_from_file_location("iphr_desk_migration_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in LETTER_TRIGGERS_0003:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in INDEX_PENDING:
        op.execute(statement)
    for name in NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS letters_fts_pending")
    for statement in _revision_0003().UPGRADE:
        if statement.startswith("CREATE TRIGGER") and statement.split()[2] in LETTER_TRIGGERS_0003:
            op.execute(statement)
