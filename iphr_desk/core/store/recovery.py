"""Operations that replace the database file, made safe against a crash at any step.

`encrypt` and `backup restore` write a journal (`<data dir>/.iphr-desk.journal`) before their first
change and update it at the one step after which the work can be finished without the user: the
encrypted copies are complete and verified, or the backup's copy is complete. The next process that opens
the folder (holding it exclusively, see `folderlock`) reads the journal and either rolls the operation
back (nothing was replaced yet: the store is as it was) or finishes it (no passphrase is needed: the
copies were verified before the journal said so).

Files an interrupted command can leave without a journal are found by name and removed at the next
open: a half-written backup (`backups/*.partial`), the plain file kept for shredding
(`*.plain-old`), an unfinished encrypted copy (`*.encrypting`), or an unfinished restore copy. Plain ones
are overwritten before they are unlinked. Each kind of clean-up yields a one-line notice for the user.

`kill_point(name)` lets the crash tests kill the process (SIGKILL) at a named step; it does nothing
unless `IPHR_DESK_TEST_KILL_AT` names that step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from iphr_desk.core.paths import DB_FILENAME, backup_dir_for, db_path_for, sidecar_paths

JOURNAL_NAME: Final = ".iphr-desk.journal"
KILL_ENV: Final = "IPHR_DESK_TEST_KILL_AT"
PARTIAL_SUFFIX: Final = ".partial"
PLAIN_OLD_SUFFIX: Final = ".plain-old"
ENCRYPTING_SUFFIX: Final = ".encrypting"
_CHUNK: Final = 1 << 20


def kill_point(name: str) -> None:
    """Die here, as a power cut would, when the crash tests ask for it (`IPHR_DESK_TEST_KILL_AT`)."""
    if os.environ.get(KILL_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass
class Journal:
    """What an operation in progress is doing: enough to undo or finish it without the user."""

    op: str  # "encrypt" | "restore"
    phase: str  # encrypt: "staging" -> "prepared"; restore: "copying" -> "copied"
    #: encrypt: {target: its encrypted copy} (the store first, then backups); restore: {"incoming": name}
    files: dict[str, str] = field(default_factory=dict)
    #: encrypt: plain backups too damaged to copy, removed when the operation is finished
    discard: list[str] = field(default_factory=list)


def journal_path(folder: Path) -> Path:
    return Path(folder) / JOURNAL_NAME


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def durable_replace(source: Path, target: Path) -> None:
    """`os.replace`, then the folder flushed, so the rename survives a power cut."""
    os.replace(source, target)
    _fsync_dir(target.parent)


def write_journal(folder: Path, journal: Journal) -> None:
    path = journal_path(folder)
    temporary = path.with_name(path.name + ".tmp")
    data = json.dumps(journal.__dict__, sort_keys=True).encode("utf-8")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    durable_replace(temporary, path)


def read_journal(folder: Path) -> Journal | None:
    path = journal_path(folder)
    try:
        raw: Any = json.loads(path.read_bytes()[: 1 << 20])
        return Journal(
            op=str(raw["op"]),
            phase=str(raw["phase"]),
            files={str(k): str(v) for k, v in dict(raw.get("files", {})).items()},
            discard=[str(v) for v in raw.get("discard", [])],
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # Unreadable: written half-way, before the operation changed anything (it is written first).
        return Journal(op="unknown", phase="unknown")


def clear_journal(folder: Path) -> None:
    journal_path(folder).unlink(missing_ok=True)
    journal_path(folder).with_name(JOURNAL_NAME + ".tmp").unlink(missing_ok=True)
    _fsync_dir(Path(folder))


def shred(path: Path) -> None:
    """Overwrite a file with random bytes, flush it to disk, then unlink it.

    Only for files no connection of this process has open (see `dbfile`): the write opens a descriptor.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        remaining = size
        while remaining > 0:
            chunk = min(_CHUNK, remaining)
            handle.write(os.urandom(chunk))
            remaining -= chunk
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink(missing_ok=True)


def _resolve(folder: Path, name: str) -> Path:
    """A journal entry as a path inside the data folder (a damaged journal cannot point elsewhere)."""
    candidate = (Path(folder) / name).resolve()
    root = Path(folder).resolve()
    if root != candidate.parent and root != candidate.parent.parent:
        raise ValueError(f"journal entry outside the data folder: {name}")
    return candidate


def swap_in_encrypted(encrypted: Path, plain: Path) -> None:
    """Put a verified encrypted copy where the plain file was, then shred every plain byte left.

    The plain file gets a second name first, so that its content can still be overwritten after the
    rename (the rename alone would leave the blocks as they were).
    """
    aside = plain.with_name(plain.name + PLAIN_OLD_SUFFIX)
    if plain.exists():
        aside.unlink(missing_ok=True)
        try:
            os.link(plain, aside)
        except OSError:
            os.replace(plain, aside)
    durable_replace(encrypted, plain)
    for sidecar in sidecar_paths(aside):
        shred(sidecar)
    shred(aside)


def finish_encrypt(folder: Path, journal: Journal) -> None:
    """Swap every verified encrypted copy in and remove every plain copy the journal lists."""
    db_path = db_path_for(Path(folder))
    for target_name, staging_name in journal.files.items():
        target, staging = _resolve(folder, target_name), _resolve(folder, staging_name)
        if staging.exists():
            if target == db_path:
                for sidecar in sidecar_paths(db_path):  # checkpointed before staging: stale plain text
                    shred(sidecar)
            swap_in_encrypted(staging, target)
            kill_point(f"encrypt:swapped:{target.name}")
        else:  # swapped before the interruption; the plain copy may still be waiting for its shredding
            shred(target.with_name(target.name + PLAIN_OLD_SUFFIX))
    for name in journal.discard:
        shred(_resolve(folder, name))


def _undo_encrypt(folder: Path, journal: Journal) -> None:
    for staging_name in journal.files.values():
        with contextlib.suppress(ValueError):
            _resolve(folder, staging_name).unlink(missing_ok=True)


def _finish_restore(folder: Path, journal: Journal) -> None:
    incoming = _resolve(folder, journal.files["incoming"])
    db_path = db_path_for(Path(folder))
    if incoming.exists():
        if db_path.exists():
            move_aside(db_path, "replaced")
        durable_replace(incoming, db_path)


def _timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def move_aside(db_path: Path, label: str) -> Path:
    """Rename the database (and its WAL/SHM) to `<name>.<label>-<time>`; never overwrite anything."""
    stamp = _timestamp()
    target = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{counter}")
    os.replace(db_path, target)
    for sidecar, suffix in zip(sidecar_paths(db_path), ("-wal", "-shm"), strict=True):
        if sidecar.exists():
            os.replace(sidecar, target.with_name(target.name + suffix))
    return target


@dataclass(frozen=True)
class Recovered:
    """What `recover` did, as one-line notices for the user."""

    notices: list[str]


def leftovers(folder: Path) -> list[Path]:
    """Files an interrupted command left behind (see the module docstring); a few `stat`s and one listing."""
    folder = Path(folder)
    found = [
        path
        for path in (
            folder / (DB_FILENAME + PLAIN_OLD_SUFFIX),
            folder / f".{DB_FILENAME}{ENCRYPTING_SUFFIX}",
            folder / f".{DB_FILENAME}.restoring",
        )
        if path.exists()
    ]
    backups = backup_dir_for(folder)
    with contextlib.suppress(OSError):
        found += sorted(
            path
            for path in backups.iterdir()
            if path.name.endswith((PARTIAL_SUFFIX, PLAIN_OLD_SUFFIX, ENCRYPTING_SUFFIX))
        )
    return found


def needs_recovery(folder: Path) -> bool:
    return journal_path(folder).exists() or bool(leftovers(folder))


def recover(folder: Path) -> list[str]:
    """Undo or finish an interrupted operation and remove its leftovers; call with the folder held
    exclusively. Returns one-line notices (empty when there was nothing to do)."""
    folder = Path(folder)
    notices: list[str] = []
    journal = read_journal(folder)
    if journal is not None:
        notices.append(_recover_journal(folder, journal))
        clear_journal(folder)
    stray = leftovers(folder)
    partial = [path for path in stray if path.name.endswith(PARTIAL_SUFFIX)]
    for path in stray:
        if path.name.endswith(ENCRYPTING_SUFFIX):
            path.unlink(missing_ok=True)  # encrypted: nothing to overwrite
        else:
            shred(path)
    if partial:
        notices.append(
            f"Removed {len(partial)} unfinished backup file(s) left by an interrupted command "
            f"in {backup_dir_for(folder)}."
        )
    elif stray and journal is None:
        notices.append(
            f"Removed {len(stray)} temporary copy(ies) of the store left by an interrupted command."
        )
    return notices


def _recover_journal(folder: Path, journal: Journal) -> str:
    if journal.op == "encrypt" and journal.phase == "prepared":
        finish_encrypt(folder, journal)
        return "An interrupted `encrypt` was completed: the store is encrypted and no plain copy is left."
    if journal.op == "encrypt":
        _undo_encrypt(folder, journal)
        return "An interrupted `encrypt` was undone: the store is not encrypted; run it again."
    if journal.op == "restore" and journal.phase == "copied":
        _finish_restore(folder, journal)
        return "An interrupted `backup restore` was completed; the replaced database was kept aside."
    if journal.op == "restore":
        with contextlib.suppress(KeyError, ValueError):
            _resolve(folder, journal.files["incoming"]).unlink(missing_ok=True)
        return "An interrupted `backup restore` was undone: the database is as it was."
    return "An unreadable journal of an interrupted command was removed; nothing had been changed yet."
