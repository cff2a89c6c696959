"""Full-text search over the 100k store through the app's API, against its own FTS5 SQL run bare.

The app's statements are captured with SQLAlchemy's `before_cursor_execute` event during a first
call; the ones that carry the FTS5 `MATCH` are the floor, replayed verbatim with the `sqlite3` module on
the same file. The queries are words of the store's own index, from common to rare, and pairs of words
from one stored letter.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from collections.abc import Callable
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
    return next((n for n in names if "letter" in n.lower()), names[0])


def pick_queries(db_path: Path, count: int) -> list[str]:
    """Half single words of the letters' index, spread from the most to the least frequent; half pairs
    of words taken from one stored letter (so a pair always finds something, as a real search would)."""
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
        low, high = db.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
        rng = random.Random(5)
        wanted = count - len(queries)
        for number in range(wanted * 3):
            if len(queries) >= count or low is None:
                break
            rowid = low + (high - low) * number // max(1, wanted * 3 - 1)
            row = db.execute(f"SELECT * FROM {table} WHERE rowid >= ? LIMIT 1", (rowid,)).fetchone()
            words = sorted({w.lower() for w in _WORD.findall(" ".join(str(v) for v in row or ()))})
            if len(words) >= 2:
                queries.append(" ".join(rng.sample(words, 2)))
    finally:
        db.close()
    if not queries:
        raise RuntimeError("the letters' index has no words")
    return queries


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


def run(ctx: Context) -> list[Figure]:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.search import search_letters

    opts = ctx.options
    store = Store.open(ctx.corpus(), daily_backup=False)
    db_path = Path(store.db_path)
    queries = pick_queries(db_path, opts.search_queries)
    bare = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        sql: dict[str, list[Statement]] = {}
        all_statements: dict[str, int] = {}
        hits: dict[str, int] = {}
        for query in queries:  # warm-up, and the SQL the app sends for each query
            found: list[Any] = []

            def first_call(query: str = query, found: list[Any] = found) -> None:
                found.append(search_letters(store, query, LIMIT))

            statements = capture(store, first_call)
            all_statements[query] = len(statements)
            sql[query] = [s for s in statements if "match" in s[0].lower()]
            hits[query] = len(list(found[0])) if found[0] is not None else 0
            if not sql[query]:
                raise RuntimeError(f"the app sent no FTS5 MATCH statement for {query!r}")
            replay(bare, sql[query])
        app_s: list[float] = []
        floor_s: list[float] = []
        for _ in range(opts.search_repeats):
            for query in queries:
                start = time.perf_counter()
                search_letters(store, query, LIMIT)
                app_s.append(time.perf_counter() - start)
                start = time.perf_counter()
                replay(bare, sql[query])
                floor_s.append(time.perf_counter() - start)
        ctx.profile("search", lambda: [search_letters(store, query, LIMIT) for query in queries])
    finally:
        bare.close()
        close_store(store)
    extra = {
        "queries": queries,
        "limit": LIMIT,
        "samples": len(app_s),
        "hits": hits,
        "statements_per_search": max(all_statements.values()),
        "floor_sql": sql[queries[0]][0][0],
    }
    return [_figure(pct, app_s, floor_s, extra) for pct in (50, 95)]


def _figure(pct: int, app_s: list[float], floor_s: list[float], extra: dict[str, Any]) -> Figure:
    return Figure(
        f"search_p{pct}", f"search: full-text query, p{pct}", "app search_letters",
        "its FTS5 SQL via bare sqlite3", "ms", 2.0,
        project=percentile(app_s, pct) * 1000, floor=percentile(floor_s, pct) * 1000, extra=extra,
    )  # fmt: skip
