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

import hmac
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.errors import BadInput, DatabaseLockedError, PassphraseError, StoreError
from iphr_desk.core.paths import db_path_for, resolve_data_dir
from iphr_desk.core.store import dbfile, folderlock, recovery
from iphr_desk.core.store.connection import (
    DEFAULT_BUSY_TIMEOUT,
    connect_raw,
    is_plain_sqlite,
    quote_sql_string,
)

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store

_CHUNK: Final = 1 << 20


def is_encrypted(db_path: Path | str) -> bool:
    """True when the file exists and is not a plain SQLite database (SQLCipher files look random)."""
    return dbfile.is_encrypted(db_path)


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
        if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
            raise StoreError(f"{source} cannot be read as a database ({exc}).") from exc
        mode = str(exc)
    if mode != "delete":
        raise DatabaseLockedError(
            f"The store {source} is open in another IPHR Desk window or command; close it, then try again."
        )


def _export_encrypted(source: Path, target: Path, passphrase: str) -> dict[str, int]:
    """Write an encrypted copy of the plain database `source`; returns the source's row counts."""
    target.unlink(missing_ok=True)
    conn = dbfile.connect(source, sqlcipher=True, timeout=0.5)  # sqlcipher_export reads plain files too
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


def encrypt_store(data_dir: Path | str | None, passphrase: str) -> Path:
    """Convert the plain store of `data_dir` to SQLCipher; returns the database path.

    The folder is held exclusively from start to finish (`folderlock`): a window or command that has the
    store open makes this wait briefly, then refuse; one that starts meanwhile waits or is told, so no
    letter can be written into the plain file after it was copied. Every plain backup is copied
    encrypted and verified *before* anything is replaced; the journal then says "prepared", and from that
    point an interruption is finished by the next open (`recovery`), never left half-done. A plain
    backup too damaged to copy is shredded with the rest (it could not be restored anyway): the note
    returned by `encrypt_notes` says so.
    """
    from iphr_desk.core.store.backup import list_backups

    _check_passphrase(passphrase)
    folder = resolve_data_dir(data_dir)
    db_path = db_path_for(folder)
    if dbfile.kind_of(db_path) in (dbfile.FileKind.MISSING, dbfile.FileKind.EMPTY):
        raise BadInput(f"There is no IPHR Desk store in {folder} to encrypt.")
    _check_writable(folder)
    with folderlock.exclusive(folder, timeout=DEFAULT_BUSY_TIMEOUT):
        _last_notes.clear()
        _last_notes.extend(recovery.recover(folder))
        if is_encrypted(db_path):
            raise BadInput(f"The store in {folder} is already encrypted.")
        staging = db_path.with_name(f".{db_path.name}{recovery.ENCRYPTING_SUFFIX}")
        journal = recovery.Journal("encrypt", "staging", {db_path.name: staging.name})
        plain_backups = [info.path for info in list_backups(folder) if not is_encrypted(info.path)]
        for path in plain_backups:
            journal.files[_relative(folder, path)] = _relative(folder, _staging_for(path))
        recovery.write_journal(folder, journal)
        try:
            counts = _export_encrypted(db_path, staging, passphrase)
            _verify_encrypted(staging, passphrase, counts)
            recovery.kill_point("encrypt:store-copied")
            for path in plain_backups:
                if not _encrypt_copy(path, _staging_for(path), passphrase):
                    del journal.files[_relative(folder, path)]
                    journal.discard.append(_relative(folder, path))
            recovery.kill_point("encrypt:backups-copied")
        except BaseException:
            recovery.recover(folder)  # the journal still says "staging": the copies are removed
            raise
        journal.phase = "prepared"
        recovery.write_journal(folder, journal)
        recovery.kill_point("encrypt:prepared")
        recovery.finish_encrypt(folder, journal)
        recovery.clear_journal(folder)
        if journal.discard:
            _last_notes.append(
                f"{len(journal.discard)} damaged unencrypted backup(s) could not be copied and were removed."
            )
        for aside in _moved_aside(db_path):
            _encrypt_if_readable(aside, passphrase)
    return db_path


#: One-line notes from the last `encrypt_store` of this process (clean-ups, removed damaged backups).
_last_notes: list[str] = []


def encrypt_notes() -> list[str]:
    return list(_last_notes)


def _staging_for(path: Path) -> Path:
    return path.with_name(path.name + recovery.ENCRYPTING_SUFFIX)


def _relative(folder: Path, path: Path) -> str:
    return str(path.relative_to(folder))


def _encrypt_copy(path: Path, staging: Path, passphrase: str) -> bool:
    """An encrypted, verified copy of a plain backup; False when the backup is too damaged to copy."""
    try:
        counts = _export_encrypted(path, staging, passphrase)
        _verify_encrypted(staging, passphrase, counts)
    except DatabaseLockedError:
        staging.unlink(missing_ok=True)
        raise
    except Exception:
        staging.unlink(missing_ok=True)
        return False
    return True


def _check_writable(folder: Path) -> None:
    """Encrypting writes a full new copy beside the store: say so at once if the folder refuses it."""
    probe = folder / f".iphr-desk-write-test-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise BadInput(
            f"The data folder {folder} cannot be written ({exc.strerror or exc}); "
            "encrypting writes a new copy of the store there. Nothing was changed."
        ) from exc
    os.close(fd)
    probe.unlink(missing_ok=True)


def _moved_aside(db_path: Path) -> list[Path]:
    """Databases kept aside by a restore or after damage (`<name>.replaced-…`, `<name>.corrupt-…`)."""
    return sorted(
        path
        for path in db_path.parent.glob(db_path.name + ".*")
        if path.is_file()
        and not path.name.endswith(("-wal", "-shm", recovery.PLAIN_OLD_SUFFIX, recovery.ENCRYPTING_SUFFIX))
        and is_plain_sqlite(path)
    )


def _encrypt_if_readable(path: Path, passphrase: str) -> None:
    """Encrypt a kept-aside copy in place; a damaged one that cannot be copied is left as it is."""
    staging = _staging_for(path)
    if _encrypt_copy(path, staging, passphrase):
        recovery.swap_in_encrypted(staging, path)


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
    from iphr_desk.core.store.backup import list_backups, verify_backup

    _check_passphrase(new)
    current = store.passphrase  # the key the store was opened with
    if current is None:
        raise BadInput("This store is not encrypted; encrypt it first.")
    if not _same(old, current):
        raise PassphraseError("The current passphrase is wrong.")
    store.close()  # lets the folder go: re-keying needs it exclusively (no other user of the old key)
    try:
        with folderlock.exclusive(store.data_dir, timeout=DEFAULT_BUSY_TIMEOUT):
            _rekey(store.db_path, old, new)
            for info in list_backups(store.data_dir):
                if verify_backup(info.path, old):
                    _rekey(info.path, old, new)
    except DatabaseLockedError:
        store.reopen_with(old)
        raise
    except Exception as exc:
        store.reopen_with(old)
        raise StoreError(f"Could not change the passphrase: {exc}.") from exc
    store.reopen_with(new)
