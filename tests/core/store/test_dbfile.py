"""The database file outside SQLite: its kind is never read while this process has it open, and one
SQLite library per file per process (see iphr_desk/core/store/dbfile.py for why either would drop locks)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iphr_desk.core.store import dbfile
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.dbfile import DriverConflictError, FileKind


def opens_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every os.open of `path` from now on (what would drop the process's POSIX locks on it)."""
    seen: list[str] = []
    real = os.open

    def watching(name: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(name)) == path:
            seen.append(str(name))
        return real(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", watching)
    return seen


def test_the_kind_of_an_open_file_is_known_without_opening_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    db = tmp_path / "iphr-desk.sqlite3"
    assert dbfile.kind_of(db) is FileKind.PLAIN  # read from the header: nothing of ours has it open
    conn = dbfile.connect(db, sqlcipher=False, timeout=1)
    try:
        seen = opens_of(db, monkeypatch)
        assert dbfile.kind_of(db) is FileKind.PLAIN
        assert seen == []
    finally:
        conn.close()
    assert dbfile.open_connections(db) == 0


def test_a_file_created_empty_by_sqlite_is_asked_through_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "new.sqlite3"
    conn = dbfile.connect(db, sqlcipher=False, timeout=1)
    try:
        conn.execute("CREATE TABLE t (x)")
        seen = opens_of(db, monkeypatch)
        assert dbfile.kind_of(db) is FileKind.PLAIN
        assert seen == []
    finally:
        conn.close()


def test_a_second_sqlite_library_is_refused_on_a_file_the_first_has_open(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    db = tmp_path / "iphr-desk.sqlite3"
    conn = dbfile.connect(db, sqlcipher=False, timeout=1)
    try:
        with pytest.raises(DriverConflictError):
            dbfile.connect(db, sqlcipher=True, timeout=1)
    finally:
        conn.close()
    other = dbfile.connect(db, sqlcipher=True, timeout=1)  # once closed, the other library may open it
    other.close()


def test_missing_empty_and_special_files(tmp_path: Path) -> None:
    assert dbfile.kind_of(tmp_path / "nothing") is FileKind.MISSING
    (tmp_path / "empty").write_bytes(b"")
    assert dbfile.kind_of(tmp_path / "empty") is FileKind.EMPTY
    assert dbfile.kind_of(tmp_path) is FileKind.NOT_A_FILE
    os.mkfifo(tmp_path / "fifo")
    assert dbfile.kind_of(tmp_path / "fifo") is FileKind.NOT_A_FILE  # never opened: it would block
    (tmp_path / "random").write_bytes(os.urandom(4096))
    assert dbfile.kind_of(tmp_path / "random") is FileKind.ENCRYPTED
