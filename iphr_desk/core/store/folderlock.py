"""Who may use a data folder at the same time: many users of the store, or one that replaces its file.

Ordinary work (the window, `import`, `list`, `export --id`, backups) shares the store: SQLite's WAL and
busy timeout let them read and write side by side. A few operations replace the database file itself:
`encrypt`, `backup restore`, a passphrase change, putting a damaged file aside, and finishing one of those
that was interrupted. A process still using the old file would go on writing into a file that is about to
be shredded or moved aside, and its acknowledged work would be lost. So every user of the store holds a
*shared* lock on `<data dir>/.iphr-desk.lock` while it has the store open, and those operations take it
*exclusively*: they wait briefly for the others to finish, then say plainly that the folder is in use.

The lock is a whole-file `flock` (LockFileEx on Windows), through portalocker. Unlike the POSIX record
locks SQLite uses, it belongs to the open file description: closing some other descriptor of the process
cannot drop it, and two descriptors of the same process conflict as two processes would. The lock file
holds nothing and is never removed (removing it would let two holders lock two different files).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

import portalocker

from iphr_desk.core.errors import DatabaseLockedError, StoreError

LOCK_NAME: Final = ".iphr-desk.lock"
_POLL_S: Final = 0.05


class FolderLock:
    """A held lock on a data folder; `release()` (or the context manager) lets it go."""

    def __init__(self, folder: Path, handle: IO[bytes], exclusive: bool) -> None:
        self.folder = folder
        self.exclusive = exclusive
        self._handle: IO[bytes] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def convert(self, *, exclusive: bool, timeout: float) -> None:
        """Turn a held lock shared or exclusive: let it go, then take the other kind.

        Never atomic (flock itself lets go first on conversion); letting go explicitly means two holders
        converting at once cannot wait for each other.
        """
        assert self._handle is not None
        portalocker.unlock(self._handle)
        flags = portalocker.LockFlags.EXCLUSIVE if exclusive else portalocker.LockFlags.SHARED
        _wait_for(self._handle, flags, timeout, self.folder, exclusive)
        self.exclusive = exclusive

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(Exception):
                portalocker.unlock(handle)
            handle.close()

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(folder: Path, name: str = LOCK_NAME) -> Path:
    return Path(folder) / name


def _open_lock_file(folder: Path, name: str) -> IO[bytes] | None:
    """The lock file opened for locking; None when the folder cannot hold one (read-only medium)."""
    path = lock_path(folder, name)
    cloexec = getattr(os, "O_CLOEXEC", 0)
    try:
        return os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | cloexec, 0o600), "rb+", buffering=0)
    except FileNotFoundError as exc:
        raise StoreError(f"There is no data folder {folder}.") from exc
    except OSError:
        pass
    try:  # a read-only folder: an existing lock file can still be locked for reading
        return os.fdopen(os.open(path, os.O_RDONLY | cloexec), "rb", buffering=0)
    except OSError:
        return None


def acquire(folder: Path, *, exclusive: bool, timeout: float, name: str = LOCK_NAME) -> FolderLock | None:
    """Take the folder's lock, waiting up to `timeout` seconds; None when the folder cannot be locked.

    Raises `DatabaseLockedError` (with a message for the kind of wait) when another process keeps it.
    `name` picks another lock file of the folder, for work that must not run twice at once.
    """
    folder = Path(folder)
    handle = _open_lock_file(folder, name)
    if handle is None:
        return None
    flags = portalocker.LockFlags.EXCLUSIVE if exclusive else portalocker.LockFlags.SHARED
    try:
        _wait_for(handle, flags, timeout, folder, exclusive)
    except DatabaseLockedError:
        handle.close()
        raise
    except OSError:
        handle.close()  # a file system without locks (some network shares): SQLite's own locks remain
        return None
    return FolderLock(folder, handle, exclusive)


def _wait_for(
    handle: IO[bytes], flags: portalocker.LockFlags, timeout: float, folder: Path, exclusive: bool
) -> None:
    deadline = time.monotonic() + max(0.0, timeout)
    while True:
        try:
            portalocker.lock(handle, flags | portalocker.LockFlags.NON_BLOCKING)
            return
        except portalocker.exceptions.LockException:
            if time.monotonic() >= deadline:
                raise (_in_use(folder) if exclusive else _being_replaced(folder)) from None
            time.sleep(_POLL_S)


def _in_use(folder: Path) -> DatabaseLockedError:
    return DatabaseLockedError(
        f"The store in {folder} is open in another IPHR Desk window or command; close it, then try again."
    )


def _being_replaced(folder: Path) -> DatabaseLockedError:
    return DatabaseLockedError(
        f"The store in {folder} is being encrypted or restored by another IPHR Desk command; "
        "try again when it has finished."
    )


@contextlib.contextmanager
def exclusive(folder: Path, *, timeout: float = 2.0) -> Iterator[FolderLock | None]:
    """The folder to ourselves for the length of the block (see the module docstring)."""
    held = acquire(folder, exclusive=True, timeout=timeout)
    try:
        yield held
    finally:
        if held is not None:
            held.release()
