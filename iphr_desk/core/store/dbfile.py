"""The database file as one SQLite library in this process sees it: its kind, and who has it open.

SQLite's locks on a database file are POSIX advisory locks, which belong to the *process* and the *inode*:
closing any file descriptor on that inode drops every lock the process holds on it ("How To Corrupt An
SQLite Database File", §2.2). SQLite works around this for its own connections (it defers closing a
descriptor while another connection of the same library holds a lock), but it cannot know about
descriptors opened by anything else. So, in a process that has a connection open:

- reading the file's header with `open()` (to tell a plain file from an encrypted one), or
- a connection from a *second* SQLite library (the standard `sqlite3` and `sqlcipher3` each bundle their
  own copy, with its own bookkeeping) opened and closed on the same file

silently releases the process's locks. Another process then believes nobody is reading, checkpoints the
WAL and deletes it from under the open connections: the next write damages the database.

This module is the one place that touches the file outside SQLite. The kind of a file (plain or encrypted)
is read from its header once per inode, before this process opens a connection to it, and remembered;
connections are made through `connect`, which counts them per inode and driver and refuses to open a file
with one driver while the other has it open. Every other module asks here instead of opening the file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

_SQLITE_HEADER: Final = b"SQLite format 3\x00"

DBAPIConnection = Any  # a sqlite3 or sqlcipher3 connection: the two modules share no base class


class FileKind(StrEnum):
    MISSING = "missing"
    NOT_A_FILE = "not a file"  # a folder, a FIFO, a device: never opened
    EMPTY = "empty"  # zero bytes: created but never written, or truncated
    PLAIN = "plain"
    ENCRYPTED = "encrypted"  # SQLCipher: the header looks random (or the file is not a database at all)


_InodeKey = tuple[int, int]

_lock = threading.Lock()
_kinds: dict[_InodeKey, FileKind] = {}
_open: dict[_InodeKey, dict[str, int]] = {}


class DriverConflictError(RuntimeError):
    """A second SQLite library was asked to open a file the other one has open in this process."""


def _inode(path: Path) -> _InodeKey | None:
    try:
        st = os.stat(path)  # stat opens no descriptor: it cannot drop a lock
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _read_header(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        return os.read(fd, len(_SQLITE_HEADER))
    finally:
        os.close(fd)


def kind_of(path: Path | str) -> FileKind:
    """Plain, encrypted, empty or missing, without ever dropping this process's locks on the file.

    While a connection of this process is open on the file, its header is not read again: the kind
    learnt before (or, for a file SQLite created empty, SQLite's own answer) is used instead.
    """
    path = Path(path)
    try:
        st = os.stat(path)  # stat opens no descriptor: it cannot drop a lock
    except OSError:
        return FileKind.MISSING
    if not _is_regular(st.st_mode):
        return FileKind.NOT_A_FILE
    if st.st_size == 0:
        return FileKind.EMPTY
    key = (st.st_dev, st.st_ino)
    with _lock:
        busy = sum(_open.get(key, {}).values())
        known = _kinds.get(key) if busy else None
    if known is not None:
        return known
    if busy:
        kind = _ask_sqlite(path, key)
    else:
        try:
            header = _read_header(path)
        except OSError:
            return FileKind.ENCRYPTED  # unreadable: whoever opens it reports why
        kind = FileKind.PLAIN if header == _SQLITE_HEADER else FileKind.ENCRYPTED
    with _lock:
        _kinds[key] = kind  # consulted only while a connection holds the inode (no reuse meanwhile)
    return kind


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _ask_sqlite(path: Path, key: _InodeKey) -> FileKind:
    """Whether SQLite reads the file without a key, through the library that already has it open."""
    with _lock:
        drivers = [name for name, count in _open.get(key, {}).items() if count]
    module = _module(drivers[0] == "sqlcipher3" if drivers else False)
    conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception:
        return FileKind.ENCRYPTED
    finally:
        conn.close()
    return FileKind.PLAIN


def is_plain(path: Path | str) -> bool:
    return kind_of(path) is FileKind.PLAIN


def is_encrypted(path: Path | str) -> bool:
    return kind_of(path) is FileKind.ENCRYPTED


def _module(sqlcipher: bool) -> Any:
    if sqlcipher:
        import sqlcipher3.dbapi2

        return sqlcipher3.dbapi2
    return sqlite3


def _counting_factory(module: Any, driver: str) -> type:
    """A connection class that keeps the per-inode count of open connections up to date."""

    class Counted(module.Connection):
        _iphr_key: _InodeKey | None = None

        def close(self) -> None:
            try:
                super().close()
            finally:
                _forget(self, driver)

        def __del__(self) -> None:
            _forget(self, driver)

    return Counted


_factories: dict[str, type] = {}


def _factory(driver: str) -> type:
    with _lock:
        cls = _factories.get(driver)
        if cls is None:
            cls = _factories[driver] = _counting_factory(_module(driver == "sqlcipher3"), driver)
        return cls


def _forget(conn: Any, driver: str) -> None:
    key = conn.__dict__.pop("_iphr_key", None) if hasattr(conn, "__dict__") else None
    if key is None:
        return
    with _lock:
        counts = _open.get(key)
        if counts and counts.get(driver):
            counts[driver] -= 1
            if not any(counts.values()):
                del _open[key]


def connect(path: Path, *, sqlcipher: bool, timeout: float) -> DBAPIConnection:
    """A DB-API connection (autocommit: the caller begins transactions), counted against the file's inode.

    A file one library has open in this process is never opened by the other (see the module docstring);
    that would be a bug in the caller, so it raises `DriverConflictError` instead of risking the store.
    """
    driver = "sqlcipher3" if sqlcipher else "sqlite3"
    other = "sqlite3" if sqlcipher else "sqlcipher3"
    before = _inode(path)
    if before is not None:
        with _lock:
            if _open.get(before, {}).get(other):
                raise DriverConflictError(
                    f"{path} is open through {other} in this process; it cannot be opened through {driver}."
                )
    conn = _module(sqlcipher).connect(
        str(path),
        timeout=timeout,
        check_same_thread=False,
        isolation_level=None,
        factory=_factory(driver),
    )
    key = _inode(path)
    if key is not None:
        conn._iphr_key = key
        with _lock:
            counts = _open.setdefault(key, {})
            counts[driver] = counts.get(driver, 0) + 1
    return conn


def remember(path: Path, kind: FileKind) -> None:
    """Record the kind of a file this process has just created (it was empty when it was opened)."""
    key = _inode(path)
    if key is not None and kind in (FileKind.PLAIN, FileKind.ENCRYPTED):
        with _lock:
            _kinds[key] = kind


def open_connections(path: Path) -> int:
    """How many connections this process has open on the file (any driver)."""
    key = _inode(path)
    if key is None:
        return 0
    with _lock:
        return sum(_open.get(key, {}).values())
