"""The letter list before SQLAlchemy is loaded: the unfiltered live list read with the sqlite3 module.

Start-up speed is measured up to the letter list painted with its first rows (benchmarks/fig_startup.py).
Importing SQLAlchemy, its ORM and the models takes about 0.4 s and 50 MB, twice the bare window's whole
start, so the window shows its first rows from this reader while the store opens behind it; once
`Store.open` has finished, the list switches to the repository and this reader is closed.

The reader is only used when the file can be read as it is: it exists, its key is known (plain, or the
passphrase was given) and its schema is the newest one (no migration due, none from a newer IPHR Desk).
In every other case `open_quick_reader` returns None and the list waits for the store, as before. On the
first open of a day the rows show while `Store.open` runs that day's quick_check and backup (seconds for a
large file): reading writes nothing, and a damaged file still ends in the dialog that offers a backup,
which takes the rows away.

The statements are built from `list_columns`, the columns and sort keys `repository.letter_lists` builds
its own query from, so the two lists cannot differ in what they read or how they order it
(tests/core/store/test_quick_list.py compares them on every sort key). The connection comes from
`connection.connect_raw`, like every other one: opening the file any other way could drop this process's
locks (see `dbfile`). Imports no SQLAlchemy and no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from iphr_desk.core.store import list_columns as cols

#: Re-exported for callers that ask which keys the quick list can order by.
SORT_COLUMNS: Final = cols.SORT_COLUMNS


def _select_list(columns: tuple[str, ...]) -> str:
    """The SELECT list of a list row: the letters columns by name, the two stand-ins as their SQL."""
    computed = {
        cols.FIRST_RECIPIENT_NAME: "letter_recipients.name",
        cols.RECIPIENT_COUNT: (
            "(SELECT count(r.id) FROM letter_recipients AS r WHERE r.letter_id = letters.id)"
        ),
    }
    return ", ".join(computed.get(name, f"letters.{name}") for name in columns)


_LIVE: Final = f"letters.{cols.DELETED} IS NULL"
_COUNT: Final = f"SELECT count(letters.{cols.TIE_BREAK}) FROM letters WHERE {_LIVE}"
# One page in two steps, as the repository does: the page's ids from an index, then those rows only.
_PAGE: Final = f"""
SELECT {_select_list(cols.LIST_COLUMNS)}
FROM letters
JOIN (SELECT letters.id AS id FROM letters WHERE {_LIVE}
      ORDER BY {{order}} LIMIT ? OFFSET ?) AS page ON page.id = letters.id
LEFT OUTER JOIN letter_recipients
  ON letter_recipients.letter_id = letters.id AND letter_recipients.position = 0
ORDER BY {{order}}
"""


@dataclass(frozen=True)
class QuickLetterRow:
    """One row of the letter list, with the fields of `repository.LetterSummary`.

    Its own class rather than LetterSummary, so that the reader loads nothing of the repository package
    before the first paint; tests/core/store/test_quick_list.py keeps the two classes' fields the same.
    """

    id: int
    uuid: str
    subject: str
    language: str
    date: dt.date
    place: str
    status: str
    recipient: str
    recipient_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None


def _date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _utc(value: Any) -> Any:
    """As models.UTCDateTime reads it: stored naive UTC, handed back aware."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _order(sort: str | None, descending: bool) -> str:
    """ORDER BY text from the shared mapping only: a sort key never reaches the SQL as it was given."""
    column = cols.sort_column(sort)
    if column is None:
        raise ValueError(f"unknown letter sort key {sort!r}")
    direction = "DESC" if descending else "ASC"
    return f"letters.{column} {direction}, letters.{cols.TIE_BREAK} {direction}"


def _quick_row(row: Any) -> QuickLetterRow:
    """A row as the repository hands it back: sqlite3 gives dates and times as text, SQLAlchemy as values."""
    fields = cols.row_fields(row)
    fields["date"] = _date(fields["date"])
    for name in ("created_at", "updated_at", "deleted_at"):
        fields[name] = _utc(fields[name])
    return QuickLetterRow(**fields)


class QuickLetterReader:
    """Counts and pages of the live letter list over one read-only use of a DB-API connection."""

    def __init__(self, connection: Any) -> None:
        self._conn: Any = connection
        self._first: tuple[str | None, bool, int, list[QuickLetterRow]] | None = None
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = int(self._conn.execute(_COUNT).fetchone()[0])
        return self._count

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[QuickLetterRow]:
        first = self._first
        if first is not None and first[:3] == (sort or cols.DEFAULT_SORT, descending, limit) and offset == 0:
            return list(first[3])
        rows = self._conn.execute(_PAGE.format(order=_order(sort, descending)), (limit, max(0, offset)))
        return [_quick_row(row) for row in rows]

    def prefetch(self, limit: int, sort: str | None = "updated", descending: bool = True) -> None:
        """Read the count and the first page now (on the worker thread), for the window to show at once."""
        self.count()
        rows = self.page(0, limit, sort, descending)
        self._first = (sort or cols.DEFAULT_SORT, descending, limit, rows)

    def forget_prefetch(self) -> None:
        """The first page may be stale once shown: later reads go to the file."""
        self._first = None
        self._count = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None


def open_quick_reader(folder: Path, passphrase: str | None) -> QuickLetterReader | None:
    """A reader when the file can be read as it is (see the module's docstring); else None.

    Never raises: whatever is wrong with the folder, `Store.open` finds it and the window says so.
    """
    from iphr_desk.core.paths import db_path_for
    from iphr_desk.core.store import connection as store_module
    from iphr_desk.core.store.database import inspect_database
    from iphr_desk.core.store.migrations import HEAD_REVISION

    try:
        db_path = db_path_for(folder)
        if not db_path.is_file() or db_path.stat().st_size == 0:
            return None  # a new store: created and migrated by Store.open
        key = None if store_module.is_plain_sqlite(db_path) else passphrase
        if key is None and not store_module.is_plain_sqlite(db_path):
            return None  # encrypted, and the passphrase is asked for by the window
        timeout = store_module.DEFAULT_BUSY_TIMEOUT
        version = inspect_database(db_path, key, busy_timeout=timeout, quick_check=False)
        if version != HEAD_REVISION:
            return None  # a migration (or a newer schema, which Store.open refuses)
        connection = store_module.connect_raw(db_path, key, busy_timeout=timeout)
    except Exception:  # Store.open meets the same problem and reports it
        return None
    return QuickLetterReader(connection)
