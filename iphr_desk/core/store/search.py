"""Full-text search over letters and cases: the only module that knows the store uses SQLite FTS5.

The indexes (`letters_fts`, `cases_fts`, tokenizer `unicode61 remove_diacritics 2`) and the triggers that
keep them in step with every write are created by migrations 0002, 0003 and 0006 (letters are indexed
at the end of each write transaction, autosave's excepted; see `index_pending`). A PostgreSQL store
would replace this module (tsvector columns, `ts_headline`) and nothing else.

User input never reaches FTS5's query syntax: each word becomes a quoted phrase (so `AND`, `"`, `(`, `-`
or `*` typed by a user are plain text), and the last word is a prefix, for search-as-you-type.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.store.indexing import ANY_PENDING, index_pending

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store

# Column weights for bm25: a word in the subject (or a case title) counts more than one in the body.
LETTER_WEIGHTS: Final = (10.0, 1.0, 5.0)  # subject, body, recipients
CASE_WEIGHTS: Final = (10.0, 8.0, 1.0, 5.0)  # reference, title, summary, people

_OPEN: Final = "\x02"  # snippet() markers; the letter-file reader strips control characters from text
_CLOSE: Final = "\x03"
_WORD: Final = re.compile(r"\w+", re.UNICODE)
_SNIPPET_TOKENS: Final = 16


@dataclass(frozen=True)
class Hit:
    """One search result. `snippet` is plain text; `highlights` are (start, end) spans within it."""

    id: int
    kind: str  # "letter" or "case"
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    rank: float  # lower is better (bm25)
    status: str = ""

    def snippet_html(self, tag: str = "b") -> str:
        """The snippet as HTML with the matched words in `<tag>`: escaped, safe for a rich-text label."""
        out: list[str] = []
        last = 0
        for start, end in self.highlights:
            out.append(html.escape(self.snippet[last:start]))
            out.append(f"<{tag}>{html.escape(self.snippet[start:end])}</{tag}>")
            last = end
        out.append(html.escape(self.snippet[last:]))
        return "".join(out)


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """A safe FTS5 query for what the user typed: quoted words, all required, the last one a prefix.

    Returns None when the text has no word characters (nothing to search for).
    """
    words = _WORD.findall(text)
    if not words:
        return None
    phrases = [f'"{word}"' for word in words]
    if prefix and not text[-1].isspace():  # a trailing space means the last word is finished
        phrases[-1] += "*"
    return " ".join(phrases)


def _split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for char in marked:
        if char == _OPEN:
            start = length
        elif char == _CLOSE:
            spans.append((start, length))
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(spans)


def _weights(values: tuple[float, ...]) -> str:
    return ", ".join(repr(value) for value in values)


def search_letters(store: Store, query: str, limit: int = 50, *, include_trashed: bool = False) -> list[Hit]:
    """Letters matching `query`, best first, each with a highlighted snippet of the best column."""
    match = fts_query(query)
    if match is None:
        return []
    from sqlalchemy import text

    trashed = "" if include_trashed else "AND l.deleted_at IS NULL"
    statement = text(
        f"""
        SELECT l.id, l.subject, l.status,
               snippet(letters_fts, -1, :open, :close, '…', {_SNIPPET_TOKENS}) AS snip,
               bm25(letters_fts, {_weights(LETTER_WEIGHTS)}) AS rank
        FROM letters_fts JOIN letters AS l ON l.id = letters_fts.rowid
        WHERE letters_fts MATCH :match {trashed}
        ORDER BY rank, l.id
        LIMIT :limit
        """
    )
    return _run(store, statement, match, limit, "letter")


def search_cases(store: Store, query: str, limit: int = 50) -> list[Hit]:
    """Cases matching `query` in reference, title, summary or people's names, best first."""
    match = fts_query(query)
    if match is None:
        return []
    from sqlalchemy import text

    statement = text(
        f"""
        SELECT c.id, c.reference || ' — ' || c.title, c.status,
               snippet(cases_fts, -1, :open, :close, '…', {_SNIPPET_TOKENS}) AS snip,
               bm25(cases_fts, {_weights(CASE_WEIGHTS)}) AS rank
        FROM cases_fts JOIN cases AS c ON c.id = cases_fts.rowid
        WHERE cases_fts MATCH :match
        ORDER BY rank, c.id
        LIMIT :limit
        """
    )
    return _run(store, statement, match, limit, "case")


def letter_snippets(store: Store, query: str, ids: Sequence[int], *, tag: str = "b") -> dict[int, str]:
    """Snippets of `query` for the letters `ids` only (the rows a list shows), as `Hit.snippet_html`.

    No ranking: `search_letters` orders every match by bm25 (0.2–2.5 s for a common word in 100,000
    letters); here only the given rows are read. Letters among `ids` that do not match are left out.
    FTS5 would answer `rowid IN (...)` as one lookup per id, and with a prefix query each lookup merges
    every matching term's list (130 ms for a page of 100, 20 s for "d*"); a rowid range is one pass, and
    the unary `+` keeps the IN as a plain filter on its rows (9 ms and 0.2 s).
    """
    match = fts_query(query)
    wanted = sorted({int(ident) for ident in ids})
    if match is None or not wanted:
        return {}
    from sqlalchemy import bindparam, text

    statement = text(
        f"""
        SELECT rowid, '', '', snippet(letters_fts, -1, :open, :close, '…', {_SNIPPET_TOKENS}), 0.0
        FROM letters_fts
        WHERE letters_fts MATCH :match AND rowid BETWEEN :low AND :high AND +rowid IN :ids
        """
    ).bindparams(bindparam("ids", expanding=True))
    params = {"match": match, "ids": wanted, "low": wanted[0], "high": wanted[-1]}
    return {hit.id: hit.snippet_html(tag) for hit in _hits(store, statement, params, "letter")}


def _run(store: Store, statement: Any, match: str, limit: int, kind: str) -> list[Hit]:
    return _hits(store, statement, {"match": match, "limit": max(0, limit)}, kind)


def _hits(store: Store, statement: Any, params: dict[str, Any], kind: str) -> list[Hit]:
    params = {**params, "open": _OPEN, "close": _CLOSE}
    if kind == "letter":
        catch_up(store)
    with store.read_session() as session:
        rows = session.execute(statement, params).all()
    hits = []
    for ident, title, status, marked, rank in rows:
        snippet, spans = _split_snippet(marked or "")
        hits.append(
            Hit(id=ident, kind=kind, title=title, snippet=snippet, highlights=spans, rank=rank, status=status)
        )
    return hits


def letter_match_clause(query: str) -> Any:
    """A WHERE clause for the letter list: letters whose text matches `query` (none if nothing to match)."""
    return _match_clause("letters_fts", "letters.id", query)


def case_match_clause(query: str) -> Any:
    return _match_clause("cases_fts", "cases.id", query)


def _match_clause(table: str, id_column: str, query: str) -> Any:
    from sqlalchemy import false, text

    match = fts_query(query)
    if match is None:
        return false()
    return text(f"{id_column} IN (SELECT rowid FROM {table} WHERE {table} MATCH :fts_{table})").bindparams(
        **{f"fts_{table}": match}
    )


def catch_up(store: Store) -> None:
    """Index what autosave left pending, so that a search finds every word saved so far.

    When the store cannot be written just now (busy, read-only, disk full) the search goes ahead on the
    index as it is: the pending letters are still found by their earlier text, and indexed later.
    """
    from iphr_desk.core.errors import StoreError

    with store.read_session() as session:
        if session.connection().exec_driver_sql(ANY_PENDING).first() is None:
            return
    try:
        with store.session() as session:
            index_pending(session.connection())
    except StoreError:
        return


def rebuild(store: Store) -> None:
    """Rebuild both indexes from their source views and merge their segments.

    The triggers keep the indexes right on every write; this is for after a bulk load (one merged index
    searches faster than thousands of small segments) or to repair an index after damage.
    """
    from sqlalchemy import text

    with store.session() as session:
        session.execute(text("DELETE FROM letters_fts_pending"))  # the rebuild reads the current text
        for table in ("letters_fts", "cases_fts"):
            session.execute(text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))
            session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))


def check_integrity(store: Store) -> None:
    """Raise if an index disagrees with the text it was built from (FTS5's own check against the tables)."""
    from sqlalchemy import text

    with store.session() as session:
        index_pending(session.connection())
        for table in ("letters_fts", "cases_fts"):
            session.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
