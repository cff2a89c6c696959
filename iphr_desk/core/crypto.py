"""Optional encryption of the store at rest with SQLCipher (the `sqlcipher3` package).

A laptop seized at a border must not give away the names in the letters. `encrypt_store` converts a plain
store: it exports everything into a new encrypted file, proves the new file opens with the passphrase and
holds the same number of rows in every table, swaps it in atomically, and only then overwrites and removes
the plain file, its WAL and every plain backup (backups of an encrypted store are encrypted too).

Limits worth knowing: overwriting a file before unlinking it defeats casual recovery on ordinary disks,
but an SSD's wear levelling or a copy-on-write filesystem may keep old blocks; full-disk encryption is
the complete answer. The passphrase only ever lives in memory: PRAGMA statements take no bound
parameters, so it is quoted into the statement text, which is never logged.
"""

from __future__ import annotations

import contextlib
import hmac
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.errors import BadInput, DatabaseLockedError, PassphraseError, StoreError
from iphr_desk.core.paths import db_path_for, resolve_data_dir, sidecar_paths
from iphr_desk.core.store import connect_raw, is_plain_sqlite, quote_sql_string

if TYPE_CHECKING:
    from iphr_desk.core.store import Store

_CHUNK: Final = 1 << 20


def is_encrypted(db_path: Path | str) -> bool:
    """True when the file exists and is not a plain SQLite database (SQLCipher files look random)."""
    path = Path(db_path)
    return path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path)


def _check_passphrase(passphrase: str) -> None:
    if not passphrase or not passphrase.strip():
        raise BadInput("The passphrase cannot be empty.")


def _table_counts(conn: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name"
        )
    ]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def _leave_wal_alone(conn: Any, source: Path) -> None:
    """Leave WAL mode, which SQLite allows only to the one connection open on the file.

    That makes it the test that no IPHR Desk window or command has the store open: converting a store
    under a running program would let it keep writing to the plain file we are about to shred.
    """
    try:
        mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
    except Exception as exc:
        mode = str(exc)
    if mode != "delete":
        raise DatabaseLockedError(
            f"The store {source} is open in another IPHR Desk window or command; close it, then try again."
        )


def _export_encrypted(source: Path, target: Path, passphrase: str) -> dict[str, int]:
    """Write an encrypted copy of the plain database `source`; returns the source's row counts."""
    import sqlcipher3.dbapi2 as sqlcipher

    target.unlink(missing_ok=True)
    conn = sqlcipher.connect(str(source), isolation_level=None, timeout=0.5)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        _leave_wal_alone(conn, source)
        counts = _table_counts(conn)
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {quote_sql_string(passphrase)}", (str(target),))
        try:
            conn.execute("SELECT sqlcipher_export('encrypted')")
            version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute(f"PRAGMA encrypted.user_version = {version}")
        finally:
            conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    return counts


def _verify_encrypted(path: Path, passphrase: str, expected: dict[str, int]) -> None:
    if not is_encrypted(path):
        raise StoreError(f"The encrypted copy {path} was not written encrypted; the plain store is kept.")
    conn = connect_raw(path, passphrase)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        counts = _table_counts(conn)
    finally:
        conn.close()
    if problems != ["ok"] or counts != expected:
        raise StoreError(f"The encrypted copy {path} did not match the store; the plain store is kept.")


def shred(path: Path) -> None:
    """Overwrite a file with random bytes, flush it to disk, then unlink it."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        remaining = size
        while remaining > 0:
            chunk = min(_CHUNK, remaining)
            handle.write(os.urandom(chunk))
            remaining -= chunk
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _swap_in(encrypted: Path, plain: Path) -> None:
    """Put `encrypted` where `plain` was, atomically, then shred the old plain content."""
    aside = plain.with_name(plain.name + ".plain-old")
    aside.unlink(missing_ok=True)
    try:
        os.link(plain, aside)  # a second name for the plain bytes, so they can be shredded after the swap
    except OSError:
        os.replace(plain, aside)
    os.replace(encrypted, plain)
    for sidecar in sidecar_paths(aside):
        shred(sidecar)
    shred(aside)


def encrypt_store(data_dir: Path | str | None, passphrase: str) -> Path:
    """Convert the plain store of `data_dir` (closed) to SQLCipher; returns the database path."""
    from iphr_desk.core.backup import list_backups

    _check_passphrase(passphrase)
    folder = resolve_data_dir(data_dir)
    db_path = db_path_for(folder)
    if not db_path.is_file():
        raise StoreError(f"There is no IPHR Desk store in {folder} to encrypt.")
    if is_encrypted(db_path):
        raise BadInput(f"The store in {folder} is already encrypted.")
    staging = db_path.with_name(f".{db_path.name}.encrypting")
    try:
        counts = _export_encrypted(db_path, staging, passphrase)
        _verify_encrypted(staging, passphrase, counts)
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink(missing_ok=True)
        raise
    for sidecar in sidecar_paths(db_path):  # the WAL was checkpointed: what is left is stale plain text
        shred(sidecar)
    _swap_in(staging, db_path)
    for info in list_backups(folder):
        if is_encrypted(info.path):
            continue
        backup_staging = info.path.with_name(info.path.name + ".encrypting")
        backup_counts = _export_encrypted(info.path, backup_staging, passphrase)
        _verify_encrypted(backup_staging, passphrase, backup_counts)
        _swap_in(backup_staging, info.path)
    for aside in _moved_aside(db_path):
        _encrypt_if_readable(aside, passphrase)
    return db_path


def _moved_aside(db_path: Path) -> list[Path]:
    """Databases kept aside by a restore or after damage (`<name>.replaced-…`, `<name>.corrupt-…`)."""
    return sorted(
        path
        for path in db_path.parent.glob(db_path.name + ".*")
        if path.is_file() and not path.name.endswith(("-wal", "-shm")) and is_plain_sqlite(path)
    )


def _encrypt_if_readable(path: Path, passphrase: str) -> None:
    """Encrypt a kept-aside copy in place; a damaged one that cannot be copied is left as it is."""
    staging = path.with_name(path.name + ".encrypting")
    try:
        counts = _export_encrypted(path, staging, passphrase)
        _verify_encrypted(staging, passphrase, counts)
    except Exception:
        with contextlib.suppress(OSError):
            staging.unlink(missing_ok=True)
        return
    _swap_in(staging, path)


def plain_leftovers(data_dir: Path | str | None) -> list[Path]:
    """Files of the data folder an encrypted store still has in plain form (damaged copies kept aside).

    The CLI and the GUI show these after encrypting, so the user can decide to delete them.
    """
    db_path = db_path_for(resolve_data_dir(data_dir))
    return _moved_aside(db_path)


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def _rekey(path: Path, old: str, new: str) -> None:
    conn = connect_raw(path, old)
    try:
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal":  # SQLCipher re-keys only outside WAL mode
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = {quote_sql_string(new)}")
        if mode == "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def change_passphrase(store: Store, old: str, new: str) -> None:
    """Re-key the store and its backups; the store stays open with the new passphrase.

    Backups that do not open with the old passphrase (made before an earlier change) are left as they are.
    """
    from iphr_desk.core.backup import list_backups, verify_backup

    _check_passphrase(new)
    current = store._passphrase  # the key the store was opened with
    if current is None:
        raise BadInput("This store is not encrypted; encrypt it first.")
    if not _same(old, current):
        raise PassphraseError("The current passphrase is wrong.")
    store.close()
    try:
        _rekey(store.db_path, old, new)
    except Exception as exc:
        store.reopen_with(old)
        raise StoreError(f"Could not change the passphrase: {exc}.") from exc
    store.reopen_with(new)
    for info in list_backups(store.data_dir):
        if verify_backup(info.path, old):
            _rekey(info.path, old, new)
