"""Bad-input rows: encryption and backups refused before anything changes.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py. Encryption and restores killed at each step, and
imports racing `encrypt`, are in tests/core/store/test_recovery.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from badinput import STORE_PROOF, Context, Row, store_with_letter

PASSPHRASE = "a passphrase for the rows"


def _read_only_folder(ctx: Context) -> None:
    """A data folder that refuses new files; root ignores permission bits, so the refusal an ordinary user
    gets (PermissionError on creating a file there) is simulated as well."""
    store_with_letter(ctx)
    data = ctx.work / "data"
    data.chmod(0o555)
    ctx.cleanup.append(lambda: data.chmod(0o700))
    ctx.monkeypatch.setenv("IPHR_DESK_PASSPHRASE", PASSPHRASE)
    if os.geteuid() == 0:
        real_open = os.open
        inside = data.resolve()

        def refuse(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if flags & os.O_CREAT and Path(str(path)).resolve().parent == inside:
                raise PermissionError(13, "Permission denied")
            return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        ctx.monkeypatch.setattr(os, "open", refuse)


def _open_elsewhere(ctx: Context) -> None:
    """Another IPHR Desk (here: a store opened in this process) holds the folder; the wait is shortened."""
    from iphr_desk.core.store import crypto
    from iphr_desk.core.store.database import Store

    store_with_letter(ctx)
    holder = Store.open(ctx.work / "data")
    ctx.cleanup.append(holder.close)
    ctx.monkeypatch.setattr(crypto, "DEFAULT_BUSY_TIMEOUT", 0.2)
    ctx.monkeypatch.setenv("IPHR_DESK_PASSPHRASE", PASSPHRASE)


def _plain_backup_beside_encrypted_store(ctx: Context) -> None:
    from iphr_desk.core.store.backup import list_backups
    from iphr_desk.core.store.crypto import encrypt_store

    store_with_letter(ctx)
    plain = list_backups(ctx.work / "data")[0].path
    kept = plain.read_bytes()
    encrypt_store(ctx.work / "data", PASSPHRASE)
    plain.write_bytes(kept)  # left plain by an older version
    ctx.monkeypatch.setenv("IPHR_DESK_PASSPHRASE", PASSPHRASE)


ROWS: list[Row] = [
    Row(
        "encrypt on a read-only data folder",
        ["encrypt"],
        2,
        "iphr-desk: The data folder data cannot be written (Permission denied); encrypting writes a new copy "
        "of the store there. Nothing was changed.",
        _read_only_folder,
        proof=STORE_PROOF,
    ),
    Row(
        "encrypt while a window or command has the store open",
        ["encrypt"],
        1,
        "iphr-desk: The store in data is open in another IPHR Desk window or command; close it, then try "
        "again.",
        _open_elsewhere,
        proof=STORE_PROOF + "; the other program goes on with the plain file, nothing shredded",
    ),
    Row(
        "restore a plain backup into an encrypted store",
        ["backup", "restore"],
        2,
        "iphr-desk: Backup <id> is not encrypted but the store is: restoring it would put an unencrypted "
        "copy of the data back on disk. Choose an encrypted backup.",
        _plain_backup_beside_encrypted_store,
        proof=STORE_PROOF,
    ),
]
