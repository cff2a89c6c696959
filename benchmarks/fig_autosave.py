"""Autosave of a 20-page letter through the app's save path, against writing the same text with sqlite3.

Each save changes a few characters (as typing between two autosaves does), so a save that skips
unchanged text cannot look faster than it is. The floor is one UPDATE of one row in a WAL database
committed at the store's own `synchronous` setting, in the same folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import _letters
from benchmarks._harness import Context, Figure, close_store, median_ms, samples, store_engine


def edits(body: str) -> Callable[[], str]:
    """A new version of the body at each call: a counter typed into its middle."""
    middle = len(body) // 2
    middle = body.index(" ", middle)
    count = iter(range(10_000_000))
    return lambda: f"{body[:middle]} ({next(count)}){body[middle:]}"


def store_synchronous(store: Any) -> int:
    with store_engine(store).connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA synchronous").scalar())


Writer = Callable[[str], None]


def sqlite_floor(path: Path, synchronous: int) -> tuple[sqlite3.Connection, Writer]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.execute("CREATE TABLE letter (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    db.execute("INSERT INTO letter VALUES (1, '')")

    def write(body: str) -> None:
        db.execute("BEGIN")
        db.execute("UPDATE letter SET body = ? WHERE id = 1", (body,))
        db.execute("COMMIT")

    return db, write


def run(ctx: Context) -> list[Figure]:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import letters as letter_repo

    opts = ctx.options
    letter = _letters.letter(paragraphs=_letters.paragraphs_for(opts.autosave_pages))
    store = Store.open(ctx.writable_store(), daily_backup=False)
    try:
        letter_id = letter_repo.add_letter(store, letter, author="benchmark")
        synchronous = store_synchronous(store)
        app_next = edits(letter.body)

        def app_save() -> None:
            letter_repo.save_letter(store, letter_id, replace_body(letter, app_next()), author="benchmark")

        floor_db, floor_write = sqlite_floor(ctx.work_dir / "autosave-floor.sqlite", synchronous)
        row_db, row_write = store_row_update(Path(store.db_path), letter_id, synchronous)
        floor_next, row_next = edits(letter.body), edits(letter.body)
        try:
            # One after the other, not in turns: each commit fsyncs, and an fsync right after the app's
            # larger write would make the floor pay for the app's dirty pages.
            times = {
                "app": samples(app_save, opts.runs * 2, opts.warmup),
                "floor": samples(lambda: floor_write(floor_next()), opts.runs * 2, opts.warmup),
                "store_row": samples(lambda: row_write(row_next()), opts.runs * 2, opts.warmup),
            }
        finally:
            floor_db.close()
            row_db.close()

        def twenty_saves() -> None:
            for _ in range(20):
                app_save()

        ctx.profile("autosave", twenty_saves)
    finally:
        close_store(store)
    figure = Figure(
        "autosave", f"autosave: a {opts.autosave_pages}-page letter", "app letter_repo.save_letter",
        "the same text, one UPDATE via bare sqlite3", "ms", 3.0,
        project=median_ms(times["app"]), floor=median_ms(times["floor"]),
        extra={
            "body_chars": len(letter.body),
            "synchronous": synchronous,
            "bare_update_of_the_store_row_ms": median_ms(times["store_row"]),
        },
    )  # fmt: skip
    return [figure]


def store_row_update(db_path: Path, letter_id: int, synchronous: int) -> tuple[sqlite3.Connection, Writer]:
    """For the owners, not the ratio: the same UPDATE on the store's own row, so its FTS5 triggers
    re-index the body. What the app takes beyond this is its own (Python, ORM) share."""
    db = sqlite3.connect(db_path, isolation_level=None, timeout=10)
    db.execute(f"PRAGMA synchronous={synchronous}")

    def write(body: str) -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE letters SET body = ? WHERE id = ?", (body, letter_id))
        db.execute("COMMIT")

    return db, write


def replace_body(letter: Any, body: str) -> Any:
    from dataclasses import replace

    return replace(letter, body=body)
