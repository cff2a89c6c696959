"""Bad-input rows: the store shared between processes, honest diagnoses, missing databases.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py. What cannot be one command in one process (a window
beside the commands, a command killed half-way, two commands at once) is tested in
tests/test_window_and_commands.py, tests/core/store/test_recovery.py and tests/test_parallel_commands.py.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from badinput import STORE_PROOF, Context, Row, store_with_letter


def _no_folder(ctx: Context) -> None:
    assert not (ctx.work / "data").exists()


def _database_gone(how: str):  # type: ignore[no-untyped-def]
    def setup(ctx: Context) -> None:
        from iphr_desk.core.store.backup import create_backup
        from iphr_desk.core.store.database import Store

        store_with_letter(ctx)
        with Store.open(ctx.work / "data") as store:
            create_backup(store)
        db = ctx.work / "data" / "iphr-desk.sqlite3"
        if how == "missing":
            db.unlink()
        else:
            db.write_bytes(b"")

    return setup


def _sqlite_refuses(message: str, *, read_only_folder: bool = False):  # type: ignore[no-untyped-def]
    """What SQLite says on a read-only folder or a full disk (root ignores permission bits, and a full disk
    cannot be made safely in a test): the driver's own error, raised where the store connects."""

    def setup(ctx: Context) -> None:
        from iphr_desk.core.store import database as store_module

        store_with_letter(ctx)

        def refuse(*_: object, **__: object) -> object:
            raise sqlite3.OperationalError(message)

        ctx.monkeypatch.setattr(store_module, "connect_raw", refuse)
        if read_only_folder:
            data = (ctx.work / "data").resolve()
            real_access = os.access

            def access(path: object, mode: int, **kwargs: object) -> bool:
                if Path(str(path)).resolve() == data and mode & os.W_OK:
                    return False
                return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

            ctx.monkeypatch.setattr(os, "access", access)

    return setup


ROWS: list[Row] = [
    Row(
        "list on a folder that does not exist",
        ["list", "letters"],
        2,
        "iphr-desk: There is no IPHR Desk store in data (no such folder).",
        _no_folder,
        proof="working folder byte for byte the same: no data folder and no store created",
    ),
    Row(
        "backup restore with an unknown id (a number, as before ids)",
        ["backup", "restore", "1"],
        2,
        "iphr-desk: There is no backup '1'; `iphr-desk backup list` shows their ids (the newest is <id>).",
        store_with_letter,
        proof=STORE_PROOF,
    ),
    Row(
        "database missing beside good backups",
        ["import", "good.md"],
        1,
        "iphr-desk: The database data/iphr-desk.sqlite3 is missing, but the folder has backups. The newest "
        "good backup is <id>, from <time> (<backup>); restore it with `iphr-desk backup restore <id>`.",
        _database_gone("missing"),
        proof="working folder byte for byte the same: no new, empty store; backups all kept",
    ),
    Row(
        "empty (0-byte) database beside good backups",
        ["list", "letters"],
        1,
        "iphr-desk: The database data/iphr-desk.sqlite3 is empty (0 bytes), but the folder has backups. The "
        "newest good backup is <id>, from <time> (<backup>); restore it with "
        "`iphr-desk backup restore <id>`.",
        _database_gone("empty"),
        proof="working folder byte for byte the same: the empty file left as it is, backups all kept",
    ),
    Row(
        "read-only data folder",
        ["list", "letters"],
        1,
        "iphr-desk: The data folder data is read-only: IPHR Desk must be able to write there (beside the "
        "database it keeps a journal of each change). Nothing was changed.",
        _sqlite_refuses("unable to open database file", read_only_folder=True),
        proof=STORE_PROOF + "; not called damaged, no backup offered",
    ),
    Row(
        "disk full when the store is opened",
        ["list", "letters"],
        1,
        "iphr-desk: The disk holding data is full: the last change was not saved. Free some space and "
        "try again.",
        _sqlite_refuses("database or disk is full"),
        proof=STORE_PROOF + "; not called damaged, no backup offered",
    ),
]
