"""Connections to the database file, and what the driver's errors mean to a user.

The lowest layer of the store: `database` (opening a store), `backup`, `crypto` and `search` all connect
through `connect_raw`, so every connection gets the same settings and goes through `dbfile` (one SQLite
library per file per process). Imports nothing else of the store.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Final

from iphr_desk.core.errors import DatabaseLockedError, StoreError
from iphr_desk.core.store import dbfile
from iphr_desk.core.store.dbfile import DBAPIConnection

#: How long a command waits for another program to finish writing before it gives up.
DEFAULT_BUSY_TIMEOUT: Final = 5.0

#: Page cache per connection to an encrypted store (KiB, a ceiling that fills only as pages are read).
#: Every page fetched from disk is decrypted; on a 20k-letter store a broad search took 0.26 s warm with
#: SQLite's default 2 MB cache and 0.05 s with this one.
ENCRYPTED_CACHE_KIB: Final = 65536


def is_plain_sqlite(db_path: Path) -> bool:
    """True when the file is a plain SQLite database (an SQLCipher file looks random).

    Asked through `dbfile`, which never reads the header of a file this process has open.
    """
    return dbfile.is_plain(db_path)


def quote_sql_string(value: str) -> str:
    """A SQL string literal. PRAGMA key takes no bound parameters, so the passphrase must be quoted."""
    return "'" + value.replace("'", "''") + "'"


def dbapi_module(encrypted: bool) -> Any:
    if encrypted:
        import sqlcipher3.dbapi2

        return sqlcipher3.dbapi2
    return sqlite3


def connect_raw(
    db_path: Path, passphrase: str | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> DBAPIConnection:
    """A DB-API connection with the store's per-connection settings, before any WAL switch.

    `isolation_level=None` hands transaction control to SQLAlchemy's `begin` event (see `_make_engine`);
    the driver's own implicit BEGIN would otherwise run reads outside transactions.
    """
    conn = dbfile.connect(db_path, sqlcipher=passphrase is not None, timeout=busy_timeout)
    try:
        if passphrase is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our one-line error, not a log
            conn.execute(f"PRAGMA key = {quote_sql_string(passphrase)}")
            # Every page read from disk is decrypted; a larger page cache saves re-decrypting the hot ones.
            conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no plain-text temporary files beside an encrypted store
    except BaseException:
        conn.close()
        raise
    return conn


def is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def plain_failure(exc: BaseException, db_path: Path) -> StoreError | None:
    """The failures of the disk under the database, said plainly (the transaction was rolled back)."""
    text = str(exc).lower()
    if "disk is full" in text:
        return StoreError(
            f"The disk holding {db_path.parent} is full: the last change was not saved. "
            "Free some space and try again."
        )
    if "readonly database" in text or "read-only" in text:
        return StoreError(f"The database {db_path} cannot be written (read-only file or folder).")
    if "disk i/o error" in text:
        return StoreError(f"The disk holding {db_path} reported an error: the last change was not saved.")
    return None


def unusable(exc: BaseException, db_path: Path) -> StoreError:
    """A driver error met while opening, as the one-line message a user can act on."""
    if is_locked(exc):
        return locked_error(exc)
    plain = plain_failure(exc, db_path)
    if plain is not None:
        return plain
    if "unable to open" in str(exc).lower():
        return StoreError(cannot_open_reason(db_path))
    return StoreError(f"Cannot open the database {db_path}: {exc}.")


def locked_error(exc: BaseException | None = None) -> DatabaseLockedError:
    return DatabaseLockedError(
        "The database is busy: another IPHR Desk window or command is writing to it. "
        "Try again when it has finished."
    )


def _folder_writable(folder: Path) -> bool:
    """Whether new files can be made in the folder (os.access also sees a read-only mount, even for root)."""
    return os.access(folder, os.W_OK)


def cannot_open_reason(db_path: Path) -> str:
    """SQLite's "unable to open database file", said in terms of what the user can change."""
    folder = db_path.parent
    if not _folder_writable(folder):
        return (
            f"The data folder {folder} is read-only: IPHR Desk must be able to write there (beside the "
            "database it keeps a journal of each change). Nothing was changed."
        )
    if not os.access(db_path, os.R_OK | os.W_OK):
        return f"Permission denied: IPHR Desk cannot read and write the database {db_path}."
    return f"Cannot open the database {db_path}: check that its folder exists and can be written."
