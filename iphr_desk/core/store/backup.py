"""Rolling backups of the store in `<data dir>/backups/`, made with SQLite's online backup API.

A backup is taken at the first open of each day and before every migration; the newest `DEFAULT_KEEP`
are kept. Backups are complete, self-contained database files (rollback journal, no WAL), so restoring
one is copying it into place. A backup of an encrypted store is encrypted with the same key (SQLCipher's
`sqlcipher_export` into an attached file, which inherits the main database's key).
Nothing here ever deletes the user's current database: restoring moves it aside with a timestamp first.
A backup is named by its id, the time in its file name (`20240314-093005-123`): it stays the same while
backups are made and pruned, unlike a position in the list, so `backup restore ID` restores the backup
that `backup list` showed even if one was made in between.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from iphr_desk.core.errors import BadInput, StoreError
from iphr_desk.core.paths import DB_FILENAME, backup_dir_for, db_path_for
from iphr_desk.core.store.recovery import PARTIAL_SUFFIX, durable_replace, kill_point, move_aside

if TYPE_CHECKING:
    from iphr_desk.core.store.dbfile import DBAPIConnection


class OpenStore(Protocol):
    """What a backup needs of an open store (`database.Store`), without importing it: the store opens
    backups (daily, before a migration), so this module must not depend on it."""

    data_dir: Path

    @property
    def encrypted(self) -> bool: ...

    @property
    def passphrase(self) -> str | None: ...

    def raw_connection(self) -> DBAPIConnection: ...


DEFAULT_KEEP: Final = 10
_PREFIX: Final = "iphr-desk-"
_SUFFIX: Final = ".sqlite3"
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S"
_NAME_RE: Final = re.compile(r"^iphr-desk-(\d{8}-\d{6})-(\d{3})(?:-([a-z-]+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. `id` names it for good (`backup restore ID`); `number` is its place in the
    list (1 the newest), which shifts whenever a backup is made, so it is only for showing."""

    number: int
    path: Path
    created: dt.datetime  # local time, as in the file name
    reason: str
    size: int

    @property
    def id(self) -> str:
        """The time in the file name, to the millisecond: `20240314-093005-123`."""
        match = _NAME_RE.match(self.path.name)
        return f"{match.group(1)}-{match.group(2)}" if match else self.path.name

    @property
    def label(self) -> str:
        return self.created.strftime("%Y-%m-%d %H:%M:%S")


def find_backup(data_dir: Path, backup_id: str | None = None) -> BackupInfo:
    """The backup with this id (or file name); the newest when `backup_id` is None. `BadInput` if none."""
    backups = list_backups(Path(data_dir))
    if backup_id is None:
        if not backups:
            raise BadInput(f"There are no backups in {backup_dir_for(Path(data_dir))}.")
        return backups[0]
    wanted = backup_id.strip()
    for info in backups:
        if wanted in (info.id, info.path.name):
            return info
    hint = f" (the newest is {backups[0].id})" if backups else " (there are none)"
    raise BadInput(f"There is no backup '{backup_id}'; `iphr-desk backup list` shows their ids{hint}.")


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups of a data folder, newest first (names sort by time)."""
    folder = backup_dir_for(Path(data_dir))
    if not folder.is_dir():
        return []
    found: list[tuple[str, Path, dt.datetime, str]] = []
    for path in folder.iterdir():
        match = _NAME_RE.match(path.name)
        if match is None or not path.is_file():
            continue
        stamp = dt.datetime.strptime(match.group(1), _STAMP_FORMAT).replace(
            microsecond=int(match.group(2)) * 1000
        )
        found.append((path.name, path, stamp, match.group(3) or ""))
    found.sort(reverse=True)
    return [
        BackupInfo(number=i, path=path, created=stamp, reason=reason, size=path.stat().st_size)
        for i, (_name, path, stamp, reason) in enumerate(found, start=1)
    ]


def _new_backup_path(folder: Path, reason: str) -> Path:
    now = dt.datetime.now()
    while True:
        name = f"{_PREFIX}{now.strftime(_STAMP_FORMAT)}-{now.microsecond // 1000:03d}-{reason}{_SUFFIX}"
        path = folder / name
        if not path.exists():
            return path
        now += dt.timedelta(milliseconds=1)


def create_backup(
    store_or_path: OpenStore | Path | str, *, reason: str = "manual", keep: int = DEFAULT_KEEP
) -> Path:
    """Copy the live database into a new backup file, then drop the oldest beyond `keep`.

    Takes a Store (works for encrypted stores) or the path of a plain database file or data folder.
    The copy is written under a temporary name (`.partial`, owner-only) and renamed when complete, so a
    crash never leaves a half backup that looks whole; one left by a killed process is removed at the
    next open (`recovery`).
    """
    from iphr_desk.core.store.connection import connect_raw

    passphrase: str | None = None
    if not isinstance(store_or_path, (Path, str)):
        data_dir = store_or_path.data_dir
        source = store_or_path.raw_connection()
        encrypted = store_or_path.encrypted
        passphrase = store_or_path.passphrase
    else:
        path = Path(store_or_path)
        db_path = db_path_for(path) if path.is_dir() else path
        data_dir = db_path.parent
        source = connect_raw(db_path)
        encrypted = False
    folder = backup_dir_for(data_dir)
    target = _new_backup_path(folder, re.sub(r"[^a-z-]", "", reason.lower()) or "manual")
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        private_folder(folder)
        _create_private_file(partial)
        if encrypted:
            _export_encrypted(source, partial)
        else:
            _copy_plain(source, partial)
        kill_point("backup:partial-written")
        durable_replace(partial, target)
    except Exception as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Could not write a backup in {folder}: {_reason(exc)}.") from exc
    finally:
        source.close()
    prune_backups(data_dir, keep=keep, passphrase=passphrase)
    return target


def private_folder(folder: Path) -> None:
    """The backups folder, created or tightened to owner-only (it holds whole copies of the store)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _copy_plain(source: object, target: Path) -> None:
    from iphr_desk.core.store import dbfile

    destination = dbfile.connect(target, sqlcipher=False, timeout=5.0)
    try:
        source.backup(destination)  # type: ignore[attr-defined]
        destination.execute("PRAGMA journal_mode = DELETE")  # a self-contained file, no WAL beside it
    finally:
        destination.close()


def _export_encrypted(source: object, target: Path) -> None:
    # ATTACH without KEY: SQLCipher gives the attached file the main database's key.
    execute = source.execute  # type: ignore[attr-defined]
    execute("ATTACH DATABASE ? AS backup_copy", (str(target),))
    try:
        execute("SELECT sqlcipher_export('backup_copy')")
        version = execute("PRAGMA main.user_version").fetchone()[0]
        execute(f"PRAGMA backup_copy.user_version = {int(version)}")
    finally:
        execute("DETACH DATABASE backup_copy")


def prune_backups(data_dir: Path, *, keep: int = DEFAULT_KEEP, passphrase: str | None = None) -> list[Path]:
    """Delete the backups beyond the newest `keep`; returns what was removed.

    The newest backup that holds data is never deleted while none of the kept ones does: ten backups of
    a store that was emptied (or silently recreated) must not push out the last copy of the letters.
    """
    backups = list_backups(data_dir)
    beyond = backups[keep:]
    if not beyond:
        return []
    spared: Path | None = None
    if not any(holds_data(info.path, passphrase) for info in backups[:keep]):
        spared = next(
            (
                info.path
                for info in beyond
                if holds_data(info.path, passphrase) and verify_backup(info.path, passphrase)
            ),
            None,
        )
    removed = []
    for info in beyond:
        if info.path != spared:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def holds_data(path: Path, passphrase: str | None = None) -> bool:
    """Whether a backup has any letter or case in it (False when it cannot be read)."""
    from iphr_desk.core.store import dbfile
    from iphr_desk.core.store.connection import connect_raw

    kind = dbfile.kind_of(path)
    if kind is not dbfile.FileKind.PLAIN and (kind is not dbfile.FileKind.ENCRYPTED or passphrase is None):
        return False
    try:
        conn = connect_raw(path, None if kind is dbfile.FileKind.PLAIN else passphrase)
    except Exception:
        return False
    try:
        for table in ("letters", "cases"):
            if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                return True
    except Exception:
        return False
    finally:
        conn.close()
    return False


def made_today(data_dir: Path) -> bool:
    """Whether a backup was made today (local date)."""
    today = dt.date.today()
    return any(info.created.date() == today for info in list_backups(data_dir))


def daily_backup(store: OpenStore, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """A backup unless one was already made today (local date): the first open of each day."""
    if made_today(store.data_dir):
        return None
    return create_backup(store, reason="daily", keep=keep)


def verify_backup(path: Path, passphrase: str | None = None) -> bool:
    """True when the backup opens (with the key, if encrypted) and passes `PRAGMA integrity_check`."""
    from iphr_desk.core.store.connection import connect_raw, is_plain_sqlite

    plain = is_plain_sqlite(path)
    if passphrase is None and not plain:
        return False
    try:
        conn = connect_raw(path, None if plain else passphrase)
    except Exception:
        return False
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except Exception:
        return False
    finally:
        conn.close()
    return rows == ["ok"]


def newest_good_backup(data_dir: Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that passes its integrity check (checked newest first, stopping at the first)."""
    for info in list_backups(data_dir):
        if verify_backup(info.path, passphrase):
            return info
    return None


def move_aside_corrupt(db_path: Path) -> Path:
    """Keep a damaged database for inspection or rescue, out of the way of a restored one."""
    return move_aside(Path(db_path), "corrupt")


def restore_backup(data_dir: Path, backup_id: str | None = None) -> Path:
    """Put the backup `backup_id` (see `BackupInfo.id`; None: the newest) in place of the database;
    returns where the old file went.

    Holds the folder exclusively (every window and command must have closed the store: one still using
    the old file would go on writing into the file moved aside). The current database is moved aside
    with a timestamp, never deleted; the backup file itself stays in the backups folder. A journal lets
    the next open finish or undo a restore that was interrupted (`recovery`).
    """
    from iphr_desk.core.store import dbfile, folderlock
    from iphr_desk.core.store.recovery import Journal, clear_journal, recover, write_journal

    data_dir = Path(data_dir)
    chosen = find_backup(data_dir, backup_id)
    name = chosen.id
    db_path = db_path_for(data_dir)
    with folderlock.exclusive(data_dir):
        recover(data_dir)
        if dbfile.kind_of(db_path) is dbfile.FileKind.ENCRYPTED and dbfile.is_plain(chosen.path):
            raise BadInput(
                f"Backup {name} is not encrypted but the store is: restoring it would put an unencrypted "
                "copy of the data back on disk. Choose an encrypted backup."
            )
        incoming = data_dir / f".{DB_FILENAME}.restoring"
        write_journal(data_dir, Journal("restore", "copying", {"incoming": incoming.name}))
        try:
            _copy_private(chosen.path, incoming)
        except OSError as exc:
            incoming.unlink(missing_ok=True)
            clear_journal(data_dir)
            raise StoreError(f"Could not copy backup {name} into {data_dir}: {_reason(exc)}.") from exc
        kill_point("restore:copied")
        write_journal(data_dir, Journal("restore", "copied", {"incoming": incoming.name}))
        aside = move_aside(db_path, "replaced") if db_path.exists() else db_path
        kill_point("restore:moved-aside")
        durable_replace(incoming, db_path)
        clear_journal(data_dir)
    return aside


def _copy_private(source: Path, target: Path) -> None:
    """A byte copy readable by the owner only, flushed to disk before it is renamed into place."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
        shutil.copyfileobj(handle, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())
