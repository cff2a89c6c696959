"""The local database: one SQLite (or SQLCipher) file per data folder, opened safely.

Opening does, in this order and before anything can write: resolve the folder, check the passphrase of an
encrypted file, `PRAGMA quick_check`, and read the schema revision (a revision this program does not know
means a newer IPHR Desk wrote the file: refuse and leave it untouched). Only then is the file switched to WAL,
backed up (daily, and always before a migration) and migrated to the newest schema with Alembic.

Heavy modules (SQLAlchemy's ORM, Alembic) are imported inside functions so that `import
iphr_desk.core.store.database` stays cheap for the GUI's start-up path. SQLite specifics (PRAGMAs,
driver set-up)
live here and in `search.py`; everything else speaks portable SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    MissingDatabaseError,
    NewerSchemaError,
    NoStoreError,
    PassphraseError,
    StoreError,
)
from iphr_desk.core.paths import db_path_for, resolve_data_dir, sidecar_paths
from iphr_desk.core.store import dbfile, folderlock, recovery
from iphr_desk.core.store.connection import (
    DEFAULT_BUSY_TIMEOUT,
    cannot_open_reason,
    connect_raw,
    dbapi_module,
    is_locked,
    locked_error,
    plain_failure,
    unusable,
)
from iphr_desk.core.store.dbfile import DBAPIConnection, FileKind

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

#: How long a command waits for another one that is creating (and migrating) a new store in the folder.
NEW_STORE_WAIT_S: Final = 30.0


class Store:
    """An open store. Create it with `Store.open(...)`; close it with `close()` (or use `with`)."""

    def __init__(
        self,
        data_dir: Path,
        db_path: Path,
        engine: Engine,
        *,
        passphrase: str | None,
        busy_timeout: float,
    ) -> None:
        from sqlalchemy.orm import sessionmaker

        self.data_dir = data_dir
        self.db_path = db_path
        self.engine = engine
        self.busy_timeout = busy_timeout
        self._passphrase = passphrase  # kept in memory only, to open pooled connections and backups
        self._sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        self.migrated_from: str | None = None  # the revision found on open when a migration ran
        self.backup_made: Path | None = None  # the backup taken while opening, if any
        #: what opening found and put right (an interrupted command finished or undone), one line each
        self.notices: list[str] = []
        self._folder_lock: folderlock.FolderLock | None = None

    def __repr__(self) -> str:  # never shows the passphrase
        return f"Store({str(self.db_path)!r}, encrypted={self.encrypted})"

    # Opening ---------------------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | str | None = None,
        *,
        passphrase: str | None = None,
        create: bool = True,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        daily_backup: bool = True,
        check: str = "always",
    ) -> Store:
        """Open (or create) the store of `data_dir`, checked, backed up and migrated.

        A new store is created encrypted when a passphrase is given. A passphrase given for a plain store
        is ignored (the environment variable may be set for another folder).
        `check="daily"` runs `PRAGMA quick_check` only at the first open of the day (before that day's
        backup, so a damaged file is never kept as a good backup): quick_check reads the whole file, about
        a second per 500 MB, which a window that must show its list quickly may not want to pay every time.
        Raises `PassphraseError`, `CorruptDatabaseError`, `NewerSchemaError`, `DatabaseLockedError` or
        `StoreError`; in each case the file is left as it was.
        """
        if check not in ("always", "daily"):
            raise ValueError(f"check must be 'always' or 'daily', not {check!r}")
        folder = resolve_data_dir(data_dir)
        db_path = db_path_for(folder)
        if not folder.is_dir():
            if not create:
                raise NoStoreError(f"There is no IPHR Desk store in {folder} (no such folder).")
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # private: names of people at risk
            except OSError as exc:
                raise StoreError(f"Cannot create the data folder {folder}: {exc.strerror or exc}.") from exc
        lock, notices = _lock_folder(folder, busy_timeout)
        try:
            new = dbfile.kind_of(db_path) in (FileKind.MISSING, FileKind.EMPTY)
            if new and create and lock is not None:
                # Two commands starting on a new folder must not both create and migrate it.
                lock.convert(exclusive=True, timeout=max(busy_timeout, NEW_STORE_WAIT_S))
            store = cls._open_locked(
                folder,
                db_path,
                passphrase,
                create=create,
                busy_timeout=busy_timeout,
                check=check,
                daily_backup=daily_backup,
            )
            if lock is not None and lock.exclusive:
                lock.convert(exclusive=False, timeout=busy_timeout)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store._folder_lock = lock
        store.notices = notices
        return store

    @classmethod
    def _open_locked(
        cls,
        folder: Path,
        db_path: Path,
        passphrase: str | None,
        *,
        create: bool,
        busy_timeout: float,
        check: str,
        daily_backup: bool,
    ) -> Store:
        kind = dbfile.kind_of(db_path)
        if kind is FileKind.NOT_A_FILE:
            raise StoreError(f"Cannot open the database {db_path}: it is not a file (a folder or a device).")
        exists = kind in (FileKind.PLAIN, FileKind.ENCRYPTED)
        if not exists:
            _refuse_silent_recreation(folder, db_path, kind, passphrase)
            if not create:
                raise NoStoreError(f"There is no IPHR Desk store in {folder}.")
            key = passphrase or None
            version: str | None = None
            _create_private(db_path)
        else:
            key = None if kind is FileKind.PLAIN else passphrase
            if key is None and kind is FileKind.ENCRYPTED:
                raise PassphraseError(
                    f"The store in {folder} is encrypted (or its file is damaged): give its passphrase."
                )
            _make_private(db_path)
            full_check = check == "always" or not _backed_up_today(folder)
            version = inspect_database(db_path, key, busy_timeout=busy_timeout, quick_check=full_check)
            refuse_unknown_revision(version, db_path)
        engine = _make_engine(db_path, key, busy_timeout)
        store = cls(folder, db_path, engine, passphrase=key, busy_timeout=busy_timeout)
        try:
            store._prepare(existing=exists, version=version, daily_backup=daily_backup)
            if not exists:
                dbfile.remember(db_path, FileKind.ENCRYPTED if key else FileKind.PLAIN)
            _make_private(db_path)
        except BaseException:
            store.engine.dispose()
            raise
        return store

    def _prepare(self, *, existing: bool, version: str | None, daily_backup: bool) -> None:
        from iphr_desk.core.store import backup
        from iphr_desk.core.store.migrations import HEAD_REVISION

        with self._translate_errors():
            try:
                conn = self.raw_connection()
                try:
                    conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once, outside a transaction
                finally:
                    conn.close()
            except Exception as exc:
                raise unusable(exc, self.db_path) from exc
            if version != HEAD_REVISION:
                if existing:
                    self.backup_made = backup.create_backup(self, reason="pre-migration")
                    self.migrated_from = version
                from iphr_desk.core.store.migrations import upgrade_to_head

                upgrade_to_head(self.engine)
            elif existing and daily_backup:
                self.backup_made = backup.daily_backup(self)

    # Sessions --------------------------------------------------------------------------------------------

    @contextmanager
    def session(self, *, defer_index: bool = False) -> Iterator[Session]:
        """A write transaction (BEGIN IMMEDIATE): committed on success, rolled back on any exception.

        Taking the write lock up front means a busy database makes us wait (up to `busy_timeout`)
        instead of failing half-way through when a read turns into a write. Letters changed in the
        transaction are full-text indexed just before the commit, in it; `defer_index` (autosave,
        every few seconds while someone types) leaves that to the next write or search instead.
        """
        with self._translate_errors(), self._sessions() as session:
            session.connection(execution_options={"iphr_begin": "BEGIN IMMEDIATE"})
            try:
                yield session
                if not defer_index:
                    from iphr_desk.core.store.indexing import index_pending

                    index_pending(session.connection())
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def connection(self, *, defer_index: bool = False) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE) on a Core connection, like `session` without the ORM.

        For the hot paths (autosave) where an ORM session's bookkeeping costs more than the statement.
        """
        with self._translate_errors(), self.engine.connect() as plain:
            conn = plain.execution_options(iphr_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn
                if not defer_index:
                    from iphr_desk.core.store.indexing import index_pending

                    index_pending(conn)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read transaction: one consistent snapshot, never blocks a writer (WAL)."""
        with self._translate_errors(), self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def _translate_errors(self) -> Iterator[None]:
        from sqlalchemy.exc import DBAPIError

        try:
            yield
        except DBAPIError as exc:
            if is_locked(exc):
                raise locked_error(exc) from exc
            plain = plain_failure(exc, self.db_path)
            if plain is not None:
                raise plain from exc
            raise

    # Properties and closing -------------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None

    @property
    def passphrase(self) -> str | None:
        """The key the store was opened with (memory only): backups and re-keying need it."""
        return self._passphrase

    def raw_connection(self) -> DBAPIConnection:
        """A fresh DB-API connection to the same file with the same key (backups, maintenance)."""
        return connect_raw(self.db_path, self._passphrase, busy_timeout=self.busy_timeout)

    def close(self) -> None:
        """Close every pooled connection (SQLite then checkpoints the WAL), then let the folder go."""
        self.engine.dispose()
        if self._folder_lock is not None:
            self._folder_lock.release()
            self._folder_lock = None

    def reopen(self) -> None:
        """Open the folder's database again in place, with every check of `open` (and its migration).

        For after `backup.restore_backup`: the restored file may be from an older schema, and code that
        holds this Store keeps working on the restored data.
        """
        self.close()
        fresh = Store.open(self.data_dir, passphrase=self._passphrase, busy_timeout=self.busy_timeout)
        self.engine = fresh.engine
        self._sessions = fresh._sessions
        self.migrated_from = fresh.migrated_from
        self.backup_made = fresh.backup_made
        self.notices = fresh.notices
        self._folder_lock, fresh._folder_lock = fresh._folder_lock, None

    def reopen_with(self, passphrase: str | None) -> None:
        """Switch to another key after the file was re-keyed (`crypto.change_passphrase`)."""
        from sqlalchemy.orm import sessionmaker

        self.engine.dispose()
        if self._folder_lock is None:  # closed for the re-keying, which held the folder exclusively
            self._folder_lock, _ = _lock_folder(self.data_dir, self.busy_timeout)
        self._passphrase = passphrase
        self.engine = _make_engine(self.db_path, passphrase, self.busy_timeout)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock_folder(folder: Path, busy_timeout: float) -> tuple[folderlock.FolderLock | None, list[str]]:
    """The folder's shared lock, after finishing or undoing whatever an interrupted command left.

    A journal means the database itself may be half-replaced: nobody may use it before it is put right,
    so its recovery waits for the folder like `encrypt` does. Stray copies without a journal are only
    removed when the folder is free at once (a live command may be writing one of them).
    """
    notices: list[str] = []
    for _attempt in range(3):
        if recovery.journal_path(folder).exists():
            with folderlock.exclusive(folder, timeout=busy_timeout) as held:
                if held is not None or not recovery.journal_path(folder).exists():
                    notices += recovery.recover(folder)
        elif recovery.leftovers(folder):
            try:
                with folderlock.exclusive(folder, timeout=0) as held:
                    if held is not None:
                        notices += recovery.recover(folder)
            except DatabaseLockedError:
                pass  # in use: the next open cleans up
        lock = folderlock.acquire(folder, exclusive=False, timeout=busy_timeout)
        if not recovery.journal_path(folder).exists():
            return lock, notices
        if lock is not None:  # an operation started and died between the two looks: put it right first
            lock.release()
    raise DatabaseLockedError(
        f"The store in {folder} is being encrypted or restored by another IPHR Desk command; "
        "try again when it has finished."
    )


def _refuse_silent_recreation(folder: Path, db_path: Path, kind: FileKind, passphrase: str | None) -> None:
    """A missing or empty database beside backups is lost data to restore, not a new store to start."""
    from iphr_desk.core.store.backup import holds_data, list_backups, newest_good_backup

    def worth_restoring(path: Path) -> bool:
        unreadable = passphrase is None and dbfile.kind_of(path) is FileKind.ENCRYPTED
        return unreadable or holds_data(path, passphrase)

    if not any(worth_restoring(info.path) for info in list_backups(folder)):
        return  # no backup holds a letter or a case: starting afresh loses nothing
    what = "is missing" if kind is FileKind.MISSING else "is empty (0 bytes)"
    good = newest_good_backup(folder, passphrase)
    if good is None:
        offer = (
            "None of the backups in the backups folder passes its check; move that folder away to start "
            "a new, empty store."
        )
    else:
        offer = (
            f"The newest good backup is {good.id}, from {good.label} ({good.path.name}); "
            f"restore it with `iphr-desk backup restore {good.id}`."
        )
    raise MissingDatabaseError(f"The database {db_path} {what}, but the folder has backups. {offer}")


def _create_private(db_path: Path) -> None:
    """Create the new database file readable by its owner only; SQLite gives its WAL the same mode.

    No connection of this process is open on it yet, so opening a descriptor here drops no lock.
    """
    try:
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise StoreError(_folder_problem(db_path.parent, exc)) from exc
    os.close(fd)


def _make_private(db_path: Path) -> None:
    """Owner-only modes on the database, its WAL and its shared memory, whatever the folder's mode."""
    for path in (db_path, *sidecar_paths(db_path)):
        with contextlib.suppress(OSError):
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)  # chmod opens no descriptor: no lock is dropped


def _folder_problem(folder: Path, exc: OSError) -> str:
    """An OS error on the data folder as the sentence a user can act on."""
    import errno

    if exc.errno in (errno.EROFS,):
        return f"The data folder {folder} is on a read-only disk; IPHR Desk needs to write there."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"Permission denied: IPHR Desk cannot write in the data folder {folder}."
    if exc.errno == errno.ENOSPC:
        return f"The disk holding {folder} is full; free some space and try again."
    return f"Cannot use the data folder {folder}: {exc.strerror or exc}."


def _backed_up_today(folder: Path) -> bool:
    from iphr_desk.core.store.backup import made_today

    return made_today(folder)


def inspect_database(
    db_path: Path, passphrase: str | None, *, busy_timeout: float, quick_check: bool = True
) -> str | None:
    """The schema revision of an existing file, after checking its key and integrity. Writes nothing.

    Without `quick_check` the file is still read far enough to prove the key and the schema.
    """
    try:
        conn = connect_raw(db_path, passphrase, busy_timeout=busy_timeout)
    except Exception as exc:
        raise _open_failure(exc, db_path, passphrase) from exc
    try:
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except Exception as exc:
            raise _open_failure(exc, db_path, passphrase) from exc
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")] if quick_check else ["ok"]
        except Exception as exc:
            if is_locked(exc):
                raise locked_error(exc) from exc
            plain = plain_failure(exc, db_path)
            if plain is not None:
                raise plain from exc
            problems = [str(exc)]
        if problems != ["ok"]:
            raise corrupt_error(db_path, problems[0] if problems else "no answer", passphrase)
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(
                    f"{db_path} is not an IPHR Desk store (it has tables but no schema version)."
                )
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def _open_failure(exc: Exception, db_path: Path, passphrase: str | None) -> Exception:
    """Why an existing file could not be read: only a file SQLite calls damaged is called damaged.

    A read-only folder, a full disk or a permission problem must never be reported as damage: the advice
    for damage (restore a backup) would replace current data with older data.
    """
    if is_locked(exc):
        return locked_error(exc)
    plain = plain_failure(exc, db_path)
    if plain is not None:
        return plain
    if "unable to open" in str(exc).lower():
        return StoreError(cannot_open_reason(db_path))
    if passphrase is not None:
        return PassphraseError(
            f"The passphrase for the store in {db_path.parent} is wrong (or its file is damaged)."
        )
    return corrupt_error(db_path, str(exc), passphrase)


def corrupt_error(db_path: Path, problem: str, passphrase: str | None = None) -> CorruptDatabaseError:
    """The error for a damaged file, naming the newest backup that passes its own integrity check."""
    from iphr_desk.core.store.backup import newest_good_backup

    good = newest_good_backup(db_path.parent, passphrase)
    if good is None:
        offer = "There is no good backup to restore."
    else:
        offer = (
            f"The newest good backup is {good.id}, from {good.label} ({good.path.name}); "
            f"restore it with `iphr-desk backup restore {good.id}` (the damaged file is kept aside)."
        )
    return CorruptDatabaseError(f"The database {db_path} is damaged ({problem}). {offer}")


def refuse_unknown_revision(version: str | None, db_path: Path) -> None:
    """A revision this program does not know was written by a newer IPHR Desk: never touch that file."""
    from iphr_desk.core.store.migrations import KNOWN_REVISIONS

    if version is not None and version not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"The store {db_path} was written by a newer version of IPHR Desk (schema {version}). "
            "Update IPHR Desk to open it; the file was left untouched."
        )


def _make_engine(db_path: Path, passphrase: str | None, busy_timeout: float) -> Engine:
    from sqlalchemy import create_engine, event

    creator: Callable[[], DBAPIConnection] = lambda: connect_raw(  # noqa: E731
        db_path, passphrase, busy_timeout=busy_timeout
    )
    # hide_parameters: an SQL trace switched on for debugging must not print letter text or names.
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=creator,
        module=dbapi_module(passphrase is not None),
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # The SQLAlchemy recipe for SQLite: the driver does not begin transactions (isolation_level=None),
        # we do, so reads are consistent and writers can take the lock up front.
        conn.exec_driver_sql(conn.get_execution_options().get("iphr_begin", "BEGIN"))

    return engine
