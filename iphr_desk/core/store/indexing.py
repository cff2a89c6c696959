"""Deferred full-text indexing of letters: what autosave leaves pending, indexed at the next write or search.

Its own module because the store's write transactions (`database.Store.session`) run it before each
commit, and `search` runs it before each query: neither may import the other.

Since migration 0008 the letters index has a fourth column, `keys`: the transliteration keys of the
letter's names (translit.py), computed in Python by the SQL function `iphr_search_keys`. The index reads
it through the view `letters_fts_content`; the pending snapshots (migration 0006) keep only the text, and
the keys the index holds for a letter are computed again from that text to remove them (the function is
pure). The function is registered on a connection here, just before the statements that need it, so the
triggers on `letters` and every other statement never depend on it: a plain `sqlite3` connection can
still write letters and read the index.
"""

from __future__ import annotations

from typing import Any, Final

#: The SQL function computing the keys column (deterministic: same text, same keys).
KEYS_FUNCTION: Final = "iphr_search_keys"

#: Bring the letters index up to date with the changes recorded in `letters_fts_pending` (migrations
#: 0006, 0008): remove what the index holds for each pending letter, add its current text, forget it.
INDEX_PENDING: Final = (
    "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients, keys) "
    f"SELECT 'delete', letter_id, subject, body, recipients, {KEYS_FUNCTION}(subject, body, recipients) "
    "FROM letters_fts_pending WHERE indexed = 1",
    "INSERT INTO letters_fts(rowid, subject, body, recipients, keys) "
    "SELECT s.id, s.subject, s.body, s.recipients, s.keys "
    "FROM letters_fts_pending AS p JOIN letters_fts_content AS s ON s.id = p.letter_id",
    "DELETE FROM letters_fts_pending",
)
ANY_PENDING: Final = "SELECT 1 FROM letters_fts_pending LIMIT 1"


def _keys(subject: str | None, body: str | None, recipients: str | None) -> str:
    from iphr_desk.core.store.translit import index_keys

    return index_keys(subject, body, recipients)


def register_functions(connection: Any) -> None:
    """Make `iphr_search_keys` callable on this connection (a SQLAlchemy or a DB-API connection).

    Cheap (SQLite replaces a function of the same name), so it is done before each use rather than
    tracked per connection.
    """
    raw = getattr(connection, "connection", connection)
    raw = getattr(raw, "driver_connection", raw)
    try:
        raw.create_function(KEYS_FUNCTION, 3, _keys, deterministic=True)
    except TypeError:  # a driver without the `deterministic` flag
        raw.create_function(KEYS_FUNCTION, 3, _keys)


def index_pending(connection: Any) -> None:
    """Index the letters changed since the last time, inside the caller's write transaction.

    `Store.session` runs this before each commit, so only autosave (which defers it) leaves letters
    pending; a transaction that changed no letter pays one indexed lookup.
    """
    if connection.exec_driver_sql(ANY_PENDING).first() is None:
        return
    register_functions(connection)
    for statement in INDEX_PENDING:
        connection.exec_driver_sql(statement)
