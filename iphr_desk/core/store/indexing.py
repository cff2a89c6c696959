"""Deferred full-text indexing of letters: what autosave leaves pending, indexed at the next write or search.

Its own module because the store's write transactions (`database.Store.session`) run it before each
commit, and `search` runs it before each query: neither may import the other.
"""

from __future__ import annotations

from typing import Any, Final

#: Bring the letters index up to date with the changes recorded in `letters_fts_pending` (migration
#: 0006): remove the text the index holds for each pending letter, add its current text, forget it.
INDEX_PENDING: Final = (
    "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients) "
    "SELECT 'delete', letter_id, subject, body, recipients FROM letters_fts_pending WHERE indexed = 1",
    "INSERT INTO letters_fts(rowid, subject, body, recipients) "
    "SELECT s.id, s.subject, s.body, s.recipients "
    "FROM letters_fts_pending AS p JOIN letters_fts_source AS s ON s.id = p.letter_id",
    "DELETE FROM letters_fts_pending",
)
ANY_PENDING: Final = "SELECT 1 FROM letters_fts_pending LIMIT 1"


def index_pending(connection: Any) -> None:
    """Index the letters changed since the last time, inside the caller's write transaction.

    `Store.session` runs this before each commit, so only autosave (which defers it) leaves letters
    pending; a transaction that changed no letter pays one indexed lookup.
    """
    if connection.exec_driver_sql(ANY_PENDING).first() is None:
        return
    for statement in INDEX_PENDING:
        connection.exec_driver_sql(statement)
