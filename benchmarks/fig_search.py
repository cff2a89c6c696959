"""Full-text search over the 100k store, against the engine's own limits measured on the same file.

Three floors, each run bare with the `sqlite3` module on the same database, taking turns with the app:
- **bm25 floor**: the FTS5 query for the 50 best ids by bm25 with the app's column weights and the app's
  own MATCH expression (`SELECT rowid FROM letters_fts WHERE letters_fts MATCH ? ORDER BY bm25(...)
  LIMIT 50`): what any ranked search must pay. Target for the app's ranked search (ids, then titles,
  statuses and snippets for those rows): p95 ≤ 1.5 × this floor.
- **newest floor**: the 50 newest ids of the same match (`ORDER BY rowid DESC LIMIT 50`). Target for the
  first rows as you type (measured in the letter list: from the last key pressed to the rows in the
  model, the debounce included): ≤ 2 × this floor + the debounce.
- **replayed floor** (the old figure, kept for comparison): the app's own FTS5 statements, captured with
  SQLAlchemy's `before_cursor_execute` event and replayed verbatim. Its ratio shows what the app adds
  around its SQL, not whether the SQL is slow.

The queries are words of the store's own index, from common to rare, pairs of words from one stored
letter, and prefixes of 2 and 3 letters of those words (what a user has typed a moment before).
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks._harness import Context, Figure, close_store, percentile, store_engine

LIMIT = 50
_WORD = re.compile(r"[^\W\d_]{5,}")
Statement = tuple[str, Any]


def fts_table(db: sqlite3.Connection) -> str:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(sql) LIKE '%using fts5%'"
    ).fetchall()
    names = [name for (name,) in rows]
    if not names:
        raise RuntimeError("the store has no FTS5 table")
    return str(next((n for n in names if "letter" in n.lower()), names[0]))


def pick_queries(db_path: Path, count: int) -> list[str]:
    """Half single words of the letters' index, spread from the most to the least frequent; half pairs
    of words taken from one stored letter (so a pair always finds something, as a real search would);
    then the 2- and 3-letter prefixes of a few of them, as typed on the way."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        table = fts_table(db)
        db.execute(f"CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, '{table}', 'row')")
        terms = [
            term
            for (term,) in db.execute(
                "SELECT term FROM temp.bench_vocab WHERE length(term) >= 5 AND doc >= 2 "
                "AND term NOT GLOB '*[0-9]*' ORDER BY doc DESC, term"
            )
        ]
        singles = max(1, count // 2)
        step = max(1, len(terms) // singles)
        queries = terms[::step][:singles]
        low, high = db.execute("SELECT min(id), max(id) FROM letters").fetchone()
        rng = random.Random(5)
        wanted = count - len(queries)
        for number in range(wanted * 3):
            if len(queries) >= count or low is None:
                break
            rowid = low + (high - low) * number // max(1, wanted * 3 - 1)
            # The source view, not the index: reading the index's content calls the app's keys function.
            row = db.execute(
                "SELECT subject, body, recipients FROM letters_fts_source WHERE id >= ? LIMIT 1", (rowid,)
            ).fetchone()
            words = sorted({w.lower() for w in _WORD.findall(" ".join(str(v) for v in row or ()))})
            if len(words) >= 2:
                queries.append(" ".join(rng.sample(words, 2)))
    finally:
        db.close()
    if not queries:
        raise RuntimeError("the letters' index has no words")
    prefixes = [word[:size] for word in queries[: max(1, count // 8)] for size in (2, 3)]
    return queries + prefixes


def capture(store: Any, call: Callable[[], object]) -> list[Statement]:
    from sqlalchemy import event

    seen: list[Statement] = []

    def listener(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    engine = store_engine(store)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return seen


def replay(db: sqlite3.Connection, statements: list[Statement]) -> None:
    for statement, parameters in statements:
        db.execute(statement, parameters).fetchall()


def _collect(found: list[Any], store: Any, query: str) -> None:
    from iphr_desk.core.store import search

    found.append(search.search_letters(store, query, LIMIT))


def _fetch(db: sqlite3.Connection, statement: str, parameters: tuple[Any, ...]) -> list[Any]:
    return db.execute(statement, parameters).fetchall()


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(ctx: Context) -> list[Figure]:
    from iphr_desk.core.store import search
    from iphr_desk.core.store.database import Store

    opts = ctx.options
    store = Store.open(ctx.corpus(), daily_backup=False)
    db_path = Path(store.db_path)
    queries = pick_queries(db_path, opts.search_queries)
    bare = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    matches = {query: search.fts_query(query) for query in queries}
    bm25_sql = (
        f"SELECT rowid FROM letters_fts WHERE letters_fts MATCH ? ORDER BY {search.LETTER_BM25} LIMIT {LIMIT}"
    )
    newest_sql = f"SELECT rowid FROM letters_fts WHERE letters_fts MATCH ? ORDER BY rowid DESC LIMIT {LIMIT}"
    samples: dict[str, list[float]] = {k: [] for k in ("app", "bm25", "newest", "replayed_app", "replayed")}
    try:
        sql: dict[str, list[Statement]] = {}
        hits: dict[str, int] = {}
        for query in queries:  # warm-up, and the SQL the app sends for each query
            found: list[Any] = []
            statements = capture(
                store, lambda q=query, f=found: f.append(search.search_letters(store, q, LIMIT))
            )
            sql[query] = [s for s in statements if "match" in s[0].lower()]
            hits[query] = len(found[0])
            bare.execute(bm25_sql, (matches[query],)).fetchall()
            bare.execute(newest_sql, (matches[query],)).fetchall()
        for _ in range(opts.search_repeats):
            for query in queries:
                match = (matches[query],)
                samples["app"].append(_timed(partial(search.search_letters, store, query, LIMIT)))
                samples["bm25"].append(_timed(partial(_fetch, bare, bm25_sql, match)))
                samples["newest"].append(_timed(partial(_fetch, bare, newest_sql, match)))
                samples["replayed"].append(_timed(partial(replay, bare, sql[query])))
        ctx.profile("search", lambda: [search.search_letters(store, query, LIMIT) for query in queries])
        typing = _as_you_type(store, queries, opts.search_repeats)
    finally:
        bare.close()
        close_store(store)
    extra = {
        "queries": queries,
        "limit": LIMIT,
        "samples": len(samples["app"]),
        "hits": hits,
        "bm25_floor_sql": bm25_sql,
        "newest_floor_sql": newest_sql,
        "replayed_statements": sql[queries[0]][0][0] if sql[queries[0]] else "",
    }
    figures = []
    for pct in (50, 95):
        figures.append(
            Figure(
                f"search_p{pct}", f"search: ranked, 50 best with titles and snippets, p{pct}",
                "app search_letters (ids, then rows and snippets)",
                "bare FTS5: the 50 best ids by bm25", "ms", 1.5,
                project=percentile(samples["app"], pct) * 1000,
                floor=percentile(samples["bm25"], pct) * 1000, extra=extra,
            )
        )  # fmt: skip
    for pct in (50, 95):
        figures.append(
            Figure(
                f"search_replayed_p{pct}", f"search: against its own SQL replayed (old ratio), p{pct}",
                "app search_letters", "its FTS5 statements via bare sqlite3", "ms", 2.0,
                project=percentile(samples["app"], pct) * 1000,
                floor=percentile(samples["replayed"], pct) * 1000,
            )
        )  # fmt: skip
    debounce = typing["debounce_ms"]
    for pct in (50, 95):
        newest = percentile(samples["newest"], pct) * 1000
        figures.append(
            Figure(
                f"search_first_rows_p{pct}", f"search: first rows as you type (debounce included), p{pct}",
                "letter list: last key → newest 50 rows in the model",
                f"2 × bare newest-50 ids ({newest:.2f} ms) + the {debounce} ms debounce", "ms", 1.0,
                project=percentile(typing["first_rows_s"], pct) * 1000, floor=2 * newest + debounce,
                extra={**typing, "newest_floor_ms": newest},
            )
        )  # fmt: skip
    return figures


def _as_you_type(store: Any, queries: list[str], repeats: int) -> dict[str, Any]:
    """Types each query into the letter list's search field, a key every 40 ms, and times the rows.

    `first_rows_s`: from the last key to the newest rows in the model (the debounce included);
    `ranked_s`: from the last key to the ranked rows replacing them.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from iphr_desk.gui.models.letters import LetterTableModel
    from iphr_desk.gui.widgets.search_field import DEBOUNCE_MS, SearchField

    app = QApplication.instance() or QApplication([])
    model = LetterTableModel()
    model.attach(store)
    field = SearchField()
    field.searchChanged.connect(model.set_search)
    first: list[float] = []
    ranked: list[float] = []
    clock = QElapsedTimer()

    def wait(condition: Callable[[], bool], timeout_ms: int = 20_000) -> bool:
        limit = QElapsedTimer()
        limit.start()
        while not condition():
            if limit.elapsed() > timeout_ms:
                return False
            app.processEvents()
            time.sleep(0.0002)
        return True

    stamps: dict[str, float] = {}
    typed = [""]

    def on_reset() -> None:
        if model.search_phase == "newest" and field.query() == typed[0]:
            stamps.setdefault("first", clock.nsecsElapsed() / 1e9)

    def on_ranked() -> None:
        if model.search_phase == "ranked" and field.query() == typed[0]:
            stamps.setdefault("ranked", clock.nsecsElapsed() / 1e9)

    model.modelReset.connect(on_reset)
    model.layoutChanged.connect(on_ranked)
    try:
        for _ in range(repeats):
            for query in queries:
                field.clear()
                wait(lambda: not model.searching)
                for char in query[:-1]:
                    field.insert(char)  # as a key press would (QTest.keyClicks takes ASCII only)
                    QTest.qWait(40)
                stamps.clear()
                typed[0] = query.strip()
                clock.start()
                field.insert(query[-1])
                if wait(lambda: "ranked" in stamps):
                    first.append(stamps["first"])
                    ranked.append(stamps["ranked"])
    finally:
        model.wait_for_background()
        field.deleteLater()
        model.deleteLater()
        QCoreApplication.processEvents()
    if not first:
        raise RuntimeError("no search rows arrived while typing")
    return {"debounce_ms": DEBOUNCE_MS, "first_rows_s": first, "ranked_s": ranked, "key_interval_ms": 40}
