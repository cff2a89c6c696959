"""Full-text search over letters and cases: the only module that knows the store uses SQLite FTS5.

The indexes (`letters_fts`, `cases_fts`, tokenizer `unicode61 remove_diacritics 2`, 2- and 3-letter
prefix indexes) and the triggers that keep them in step with every write are created by migrations 0002,
0003, 0006 and 0008 (letters are indexed at the end of each write transaction, autosave's excepted; see
`indexing.index_pending`). A PostgreSQL store would replace this module (tsvector columns, `ts_headline`)
and nothing else.

A letter search runs in two phases, so that its cost is the engine's own (issue 17):
1. `letter_ids`: the ids of one page of matches, the best by bm25 with the column weights or the newest,
   from the index alone (no join, no snippet, nothing read per match but what FTS5 reads);
2. `letter_rows` and `letter_snippets`: titles, statuses and snippets for those ids only.
Scrolling asks for the next page with `offset`. A search can be cancelled from another thread
(`Cancel`): a query typed on supersedes the one running.

User input never reaches FTS5's query syntax: each word becomes a quoted phrase (so `AND`, `"`, `(`, `-`
or `*` typed by a user are plain text), searched as itself or its transliteration key (translit.py:
Seitkali finds Сейткали), and the last word is a prefix, for search-as-you-type.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from iphr_desk.core.store import list_columns as cols
from iphr_desk.core.store import snippets as snip
from iphr_desk.core.store import translit
from iphr_desk.core.store.indexing import ANY_PENDING, index_pending, register_functions

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.values import LetterSummary

# Column weights for bm25: a word in the subject (or a case title) counts more than one in the body; a
# name found through its transliteration (the keys column) counts like a recipient's name.
LETTER_WEIGHTS: Final = (10.0, 1.0, 5.0, 5.0)  # subject, body, recipients, keys
CASE_WEIGHTS: Final = (10.0, 8.0, 1.0, 5.0)  # reference, title, summary, people

#: One page of search results (the first answer, and each page fetched as the list scrolls).
PAGE: Final = 50
#: The orders of `letter_ids`: bm25 with the weights, or the newest letters first (highest id).
Order = Literal["rank", "newest"]

#: A last word this short is matched whole, not as a prefix: FTS5 keeps prefix indexes of 2 and 3
#: letters (migration 0008), and a one-letter prefix would merge the lists of every word it starts.
MIN_PREFIX: Final = 2

_OPEN: Final = "\x02"  # snippet() markers for cases; the letter-file reader strips control characters
_CLOSE: Final = "\x03"
_SNIPPET_TOKENS: Final = 16


class SearchCancelled(Exception):
    """The search was superseded (`Cancel.cancel`) before it finished."""


class Cancel:
    """Lets another thread stop a running search: the UI thread, when the user has typed on.

    While a statement runs, `cancel()` calls the connection's `interrupt()` (thread-safe in SQLite); the
    search then raises `SearchCancelled`. The connection is only held while this search's statements
    run, so an interrupt never reaches another query on a pooled connection.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self.cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._connection is not None:
                self._connection.interrupt()

    def check(self) -> None:
        if self.cancelled:
            raise SearchCancelled

    @contextmanager
    def running(self, connection: Any) -> Iterator[None]:
        with self._lock:
            if self.cancelled:
                raise SearchCancelled
            self._connection = connection
        try:
            yield
        except Exception as error:
            if self.cancelled and "interrupt" in str(error).lower():
                raise SearchCancelled from error
            raise
        finally:
            with self._lock:
                self._connection = None


@dataclass(frozen=True)
class Hit:
    """One search result. `snippet` is plain text; `highlights` are (start, end) spans within it."""

    id: int
    kind: str  # "letter" or "case"
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    rank: float  # lower is better (bm25); the position in the list for letters
    status: str = ""

    def snippet_html(self, tag: str = "b") -> str:
        """The snippet as HTML with the matched words in `<tag>`: escaped, safe for a rich-text label."""
        return snip.Snippet(self.snippet, self.highlights).html(tag)


@dataclass(frozen=True)
class ParsedQuery:
    """What the user typed, as FTS5 sees it (`match`) and as the snippets match words (`words`)."""

    match: str
    words: tuple[str, ...]
    prefix: bool

    def snippet_words(self) -> list[snip.QueryWord]:
        return snip.query_words(self.words, self.prefix)


def parse_query(text: str, *, prefix: bool = True, keys: bool = True) -> ParsedQuery | None:
    """A safe FTS5 query for what the user typed: quoted words, all required, the last one a prefix.

    Each word is searched as itself or its transliteration key (`keys`); a last word of one letter is
    matched whole (see MIN_PREFIX). None when the text has no word characters.
    """
    words = translit.WORD.findall(text)
    if not words:
        return None
    last_prefix = prefix and not text[-1].isspace()  # a trailing space means the last word is finished
    groups = []
    for number, word in enumerate(words):
        star = last_prefix and number == len(words) - 1 and len(word) >= MIN_PREFIX
        forms = translit.query_forms(word) if keys and len(word) > 1 else (word,)
        phrases = [
            f'"{form}"' + ("*" if star else "") for form in forms if not star or len(form) >= MIN_PREFIX
        ]
        groups.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    match = groups[0] if len(groups) == 1 else " AND ".join(groups)
    short_last = len(words[-1]) < MIN_PREFIX
    return ParsedQuery(match=match, words=tuple(words), prefix=last_prefix and not short_last)


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """The FTS5 MATCH expression of `parse_query` (None if nothing to search for)."""
    parsed = parse_query(text, prefix=prefix)
    return None if parsed is None else parsed.match


def _weights(values: tuple[float, ...]) -> str:
    return ", ".join(repr(value) for value in values)


#: The letters' bm25 with the column weights: what `letter_ids` orders by, and the benchmark's floor.
LETTER_BM25: Final = f"bm25(letters_fts, {_weights(LETTER_WEIGHTS)})"
_LIVE: Final = "rowid NOT IN (SELECT id FROM letters WHERE deleted_at IS NOT NULL)"
_TRASHED: Final = "rowid IN (SELECT id FROM letters WHERE deleted_at IS NOT NULL)"


def ids_statement(order: Order, restriction: str = "") -> str:
    """The ids query: matches of `:match` in the index only, one page, in `order`."""
    by = f"{LETTER_BM25}, rowid" if order == "rank" else "rowid DESC"
    where = f"letters_fts MATCH :match{' AND ' + restriction if restriction else ''}"
    return f"SELECT rowid FROM letters_fts WHERE {where} ORDER BY {by} LIMIT :limit OFFSET :offset"


def _restriction(trashed: bool, include_trashed: bool) -> str:
    """The rows a search may return, as SQL on `rowid`: a short list of trashed ids (one in-memory
    lookup per match), the trash itself, or every letter."""
    if trashed:
        return _TRASHED
    return "" if include_trashed else _LIVE


def letter_ids(
    store: Store,
    query: str,
    *,
    order: Order = "rank",
    limit: int = PAGE,
    offset: int = 0,
    trashed: bool = False,
    include_trashed: bool = False,
    restrict: Any = None,
    cancel: Cancel | None = None,
) -> list[int]:
    """Phase one: the ids of one page of letters matching `query`, from the index alone.

    `rank`: the best by bm25 with the column weights (FTS5 scores each match, as its own floor does);
    `newest`: the highest ids, read from the end of the index and stopped after `limit` (its cost does
    not grow with the number of matches). The live letters, or the trash (`trashed`), or both
    (`include_trashed`); `restrict`, a select of letter ids the matches must be among, replaces that
    choice (the letter list's filters: repository/letter_search.py).
    """
    parsed = parse_query(query)
    if parsed is None or limit <= 0:
        return []
    catch_up(store)
    restriction = _restriction(trashed, include_trashed)
    params = {"match": parsed.match, "limit": limit, "offset": max(0, offset)}
    with store.read_session() as session:
        connection = session.connection()
        raw = _driver(connection)
        with (cancel or Cancel()).running(raw):
            if restrict is None:  # the statement as it is, through SQLAlchemy's events (benchmarks see it)
                rows = connection.exec_driver_sql(ids_statement(order, restriction), params).fetchall()
            else:
                rows = connection.execute(_filtered_ids(order, restrict, params)).fetchall()
    return [int(row[0]) for row in rows]


def _driver(connection: Any) -> Any:
    """The DB-API connection under a SQLAlchemy one: statements run on it bare, and it can be interrupted."""
    return connection.connection.driver_connection


def _filtered_ids(order: Order, filtered: Any, params: dict[str, Any]) -> Any:
    """`ids_statement` restricted to the ids of the list's filters, composed by SQLAlchemy (bound values)."""
    from sqlalchemy import literal_column, select, table, text

    rowid: Any = literal_column("letters_fts.rowid")
    by = text(f"{LETTER_BM25}, letters_fts.rowid" if order == "rank" else "letters_fts.rowid DESC")
    return (
        select(rowid)
        .select_from(table("letters_fts"))
        .where(text("letters_fts MATCH :match").bindparams(match=params["match"]), rowid.in_(filtered))
        .order_by(by)
        .limit(params["limit"])
        .offset(params["offset"])
    )


def count_matches(
    store: Store,
    query: str,
    *,
    trashed: bool = False,
    include_trashed: bool = False,
    cancel: Cancel | None = None,
) -> int:
    """How many letters match (for the list's row count, asked after the first page is shown)."""
    parsed = parse_query(query)
    if parsed is None:
        return 0
    restriction = _restriction(trashed, include_trashed)
    where = f"letters_fts MATCH :match{' AND ' + restriction if restriction else ''}"
    catch_up(store)
    with store.read_session() as session:
        raw = _driver(session.connection())
        with (cancel or Cancel()).running(raw):
            row = raw.execute(f"SELECT count(*) FROM letters_fts WHERE {where}", {"match": parsed.match})
            return int(row.fetchone()[0])


def letter_rows(store: Store, ids: Sequence[int], *, trashed: bool | None = None) -> list[LetterSummary]:
    """Phase two: the list rows (subject, status, first recipient...) of `ids`, in the order given.

    `trashed` keeps only the letters in the trash (True) or out of it (False): for a list read again.
    """
    wanted = [int(ident) for ident in ids]
    if not wanted:
        return []
    from sqlalchemy import and_, func, select

    from iphr_desk.core.store import list_columns as cols
    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.values import LetterSummary

    first = mm.LetterRecipient
    on_first = and_(first.letter_id == mm.Letter.id, first.position == 0)
    recipient_count = (
        select(func.count(mm.LetterRecipient.id))
        .where(mm.LetterRecipient.letter_id == mm.Letter.id)
        .correlate(mm.Letter)
        .scalar_subquery()
    )
    computed = {cols.FIRST_RECIPIENT_NAME: first.name, cols.RECIPIENT_COUNT: recipient_count}
    columns = [computed[name] if name in computed else getattr(mm.Letter, name) for name in cols.LIST_COLUMNS]
    query = select(*columns).outerjoin(first, on_first).where(mm.Letter.id.in_(wanted))
    if trashed is not None:
        deleted = mm.Letter.deleted_at
        query = query.where(deleted.is_not(None) if trashed else deleted.is_(None))
    with store.read_session() as session:
        found = {row[0]: LetterSummary(**cols.row_fields(row)) for row in session.execute(query)}
    return [found[ident] for ident in wanted if ident in found]


def newest_rows(
    store: Store, query: str, *, trashed: bool = False, restrict: Any = None, limit: int = PAGE
) -> list[LetterSummary]:
    """The first rows shown as the user types: the newest matches with their list columns, both phases
    in one statement on one read transaction (a search list's first paint waits for this only).

    With `restrict` (the list's filters), `letter_ids` and `letter_rows` do it in two steps.
    """
    parsed = parse_query(query)
    if parsed is None or limit <= 0:
        return []
    if restrict is not None:
        return letter_rows(store, letter_ids(store, query, order="newest", limit=limit, restrict=restrict))
    restriction = _restriction(trashed, include_trashed=False)
    from iphr_desk.core.store.repository.values import LetterSummary

    statement = _NEWEST_ROWS.format(ids=ids_statement("newest", restriction))
    params = {"match": parsed.match, "limit": limit, "offset": 0}
    rows = None
    with store.read_session() as session:  # one transaction when autosave left nothing to index
        connection = session.connection()
        if connection.exec_driver_sql(ANY_PENDING).first() is None:
            rows = connection.exec_driver_sql(statement, params).fetchall()
    if rows is None:
        catch_up(store)
        with store.read_session() as session:
            rows = session.connection().exec_driver_sql(statement, params).fetchall()
    return [LetterSummary(**_summary_fields(row)) for row in rows]


def _list_select() -> str:
    """The letter list's columns (list_columns.LIST_COLUMNS) as SQL over `letters` and its first recipient."""
    computed = {
        cols.FIRST_RECIPIENT_NAME: "first.name",
        cols.RECIPIENT_COUNT: (
            "(SELECT count(r.id) FROM letter_recipients AS r WHERE r.letter_id = letters.id)"
        ),
    }
    return ", ".join(computed.get(name, f"letters.{name}") for name in cols.LIST_COLUMNS)


_NEWEST_ROWS: Final = (
    f"SELECT {_list_select()} FROM ({{ids}}) AS page JOIN letters ON letters.id = page.rowid "
    "LEFT OUTER JOIN letter_recipients AS first ON first.letter_id = letters.id AND first.position = 0 "
    "ORDER BY letters.id DESC"
)


def _summary_fields(row: Sequence[Any]) -> dict[str, Any]:
    """A row read bare (dates as text) as LetterSummary's fields, as the ORM's column types give them."""
    fields = cols.row_fields(row)
    if isinstance(fields["date"], str):
        fields["date"] = dt.date.fromisoformat(fields["date"])
    for name in ("created_at", "updated_at", "deleted_at"):
        value = fields[name]
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if isinstance(value, dt.datetime):
            fields[name] = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return fields


def letter_snippets(store: Store, query: str, ids: Sequence[int], *, tag: str = "b") -> dict[int, str]:
    """Snippets of `query` for the letters `ids` only (the rows a list shows), as `Hit.snippet_html`.

    Made in Python from the rows' text (snippets.py): the matched words in any script, prefixes and
    transliterated names included. Letters among `ids` whose text holds no query word are left out.
    """
    return {ident: found.html(tag) for ident, found in _snippets(store, query, ids).items()}


def _snippets(store: Store, query: str, ids: Sequence[int]) -> dict[int, snip.Snippet]:
    parsed = parse_query(query)
    wanted = sorted({int(ident) for ident in ids})
    if parsed is None or not wanted:
        return {}
    from sqlalchemy import bindparam, text

    statement = text(
        "SELECT id, subject, body, recipients FROM letters_fts_source WHERE id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    words = parsed.snippet_words()
    out = {}
    with store.read_session() as session:
        rows = session.execute(statement, {"ids": wanted}).all()
    for ident, subject, body, recipients in rows:
        found = snip.snippet((body or "", subject or "", recipients or ""), words)
        if found is not None:
            out[int(ident)] = found
    return out


def search_letters(
    store: Store, query: str, limit: int = PAGE, *, include_trashed: bool = False
) -> list[Hit]:
    """Letters matching `query`, best first, each with a highlighted snippet: both phases in one call."""
    ids = letter_ids(store, query, limit=limit, include_trashed=include_trashed)
    rows = {row.id: row for row in letter_rows(store, ids)}
    found = _snippets(store, query, ids)
    hits = []
    for position, ident in enumerate(ids):
        row = rows.get(ident)
        if row is None:
            continue
        text = found.get(ident) or snip.Snippet("", ())
        hits.append(
            Hit(
                id=ident, kind="letter", title=row.subject, snippet=text.text, highlights=text.highlights,
                rank=float(position), status=row.status,
            )
        )  # fmt: skip
    return hits


def search_cases(store: Store, query: str, limit: int = 50) -> list[Hit]:
    """Cases matching `query` in reference, title, summary or people's names, best first.

    A Cyrillic query also finds the Latin spelling of a name here (its key is searched), but the cases
    index holds no keys of its own, so a Latin query finds only Latin text (see translit.py).
    """
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
    params = {"match": match, "limit": max(0, limit), "open": _OPEN, "close": _CLOSE}
    with store.read_session() as session:
        rows = session.execute(statement, params).all()
    hits = []
    for ident, title, status, marked, rank in rows:
        snippet, spans = _split_snippet(marked or "")
        hits.append(
            Hit(
                id=ident,
                kind="case",
                title=title,
                snippet=snippet,
                highlights=spans,
                rank=rank,
                status=status,
            )
        )
    return hits


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
        register_functions(session.connection())
        session.execute(text("DELETE FROM letters_fts_pending"))  # the rebuild reads the current text
        for table in ("letters_fts", "cases_fts"):
            session.execute(text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))
            session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))


def check_integrity(store: Store) -> None:
    """Raise if an index disagrees with the text it was built from (FTS5's own check against the tables)."""
    from sqlalchemy import text

    with store.session() as session:
        register_functions(session.connection())
        index_pending(session.connection())
        for table in ("letters_fts", "cases_fts"):
            session.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"))
