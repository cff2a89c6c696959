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


def sqlite_floor(path: Path, synchronous: int) -> tuple[sqlite3.Connection, Callable[[str], None]]:
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
    from iphr_desk.core import repository
    from iphr_desk.core.store import Store

    opts = ctx.options
    letter = _letters.letter(paragraphs=_letters.paragraphs_for(opts.autosave_pages))
    store = Store.open(ctx.writable_store(), daily_backup=False)
    try:
        letter_id = repository.add_letter(store, letter, author="benchmark")
        synchronous = store_synchronous(store)
        app_next = edits(letter.body)

        def app_save() -> None:
            repository.save_letter(store, letter_id, replace_body(letter, app_next()), author="benchmark")

        app_s = samples(app_save, opts.runs * 2, opts.warmup)
        def twenty_saves() -> None:
            for _ in range(20):
                app_save()

        ctx.profile("autosave", twenty_saves)
        db_path = Path(store.db_path)
    finally:
        close_store(store)
    extra: dict[str, Any] = {"body_chars": len(letter.body), "synchronous": synchronous}
    extra["bare_update_of_the_store_row_ms"] = _store_row_update_ms(
        ctx, db_path, letter_id, letter.body, synchronous
    )
    db, write = sqlite_floor(ctx.work_dir / "autosave-floor.sqlite", synchronous)
    try:
        floor_next = edits(letter.body)
        floor_s = samples(lambda: write(floor_next()), opts.runs * 2, opts.warmup)
    finally:
        db.close()
    figure = Figure(
        "autosave", f"autosave: a {opts.autosave_pages}-page letter", "app repository.save_letter",
        "the same text, one UPDATE via bare sqlite3", "ms", 3.0,
        project=median_ms(app_s), floor=median_ms(floor_s),
        extra=extra,
    )  # fmt: skip
    return [figure]


def _store_row_update_ms(
    ctx: Context, db_path: Path, letter_id: int, body: str, synchronous: int
) -> float | None:
    """For the owners, not the ratio: the same UPDATE on the store's own row, so its FTS5 triggers
    re-index the body. The difference to the app's time is the app's own (Python, ORM) share."""
    db = sqlite3.connect(db_path, isolation_level=None)
    try:
        db.execute(f"PRAGMA synchronous={synchronous}")
        next_body = edits(body)

        def write() -> None:
            db.execute("BEGIN")
            db.execute("UPDATE letters SET body = ? WHERE id = ?", (next_body(), letter_id))
            db.execute("COMMIT")

        return median_ms(samples(write, ctx.options.runs * 2, ctx.options.warmup))
    except sqlite3.Error:  # the schema changed: this diagnostic is optional
        return None
    finally:
        db.close()


def replace_body(letter: Any, body: str) -> Any:
    from dataclasses import replace

    return replace(letter, body=body)
