"""The letter list's columns and sort keys as plain data, read by both queries that build the list.

The list is read two ways: by `repository.letter_lists` (SQLAlchemy, once the store is open) and by
`quick_list` (the standard sqlite3 module, before SQLAlchemy is loaded, so that start-up paints rows
sooner). Each builds its statement from the names below, so a column added, dropped or reordered here
changes both, and a sort key cannot order one list by a column and the other by another. This module
imports nothing, so the quick path stays free of SQLAlchemy.
How the rows are joined (the first recipient, the recipient count, the page's ids picked first) is each
query's own; tests/core/store/test_quick_list.py compares the two lists on every sort key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

#: Set when a letter is in the trash: the live list keeps the rows where it is NULL.
DELETED: Final = "deleted_at"
#: Breaks ties of every sort key, so a page boundary never splits or repeats equal rows.
TIE_BREAK: Final = "id"
DEFAULT_SORT: Final = "updated"

#: Stand-ins in LIST_COLUMNS for the two values that are not a column of the letters table.
FIRST_RECIPIENT_NAME: Final = "<first recipient's name>"
RECIPIENT_COUNT: Final = "<number of recipients>"

#: What a list row reads, in order: a letters column by its name, or one of the two stand-ins above.
LIST_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "uuid",
    "subject",
    "language",
    "date",
    "place",
    "status",
    FIRST_RECIPIENT_NAME,
    RECIPIENT_COUNT,
    "created_at",
    "updated_at",
    "deleted_at",
)

#: Each letter sort key (vocabularies.LETTER_SORT_KEYS and their older spellings) and the letters column
#: it orders by.
SORT_COLUMNS: Final[dict[str, str]] = {
    "updated": "updated_at",
    "updated_at": "updated_at",
    "created": "created_at",
    "created_at": "created_at",
    "date": "date",
    "subject": "subject",
    "status": "status",
    "language": "language",
    "recipient": "recipient_name",
    "place": "place",
    "id": "id",
    "deleted": "deleted_at",
    "deleted_at": "deleted_at",
}


def sort_column(sort: str | None) -> str | None:
    """The letters column `sort` orders by (None: the default key); None for a key nobody knows."""
    return SORT_COLUMNS.get(sort or DEFAULT_SORT)


def row_fields(row: Sequence[Any]) -> dict[str, Any]:
    """A row read in LIST_COLUMNS order as the summary's fields: one place that says how "+N" is shown."""
    values = dict(zip(LIST_COLUMNS, row, strict=True))
    name = values.pop(FIRST_RECIPIENT_NAME) or ""
    count = values.pop(RECIPIENT_COUNT)
    values["recipient"] = name + (f" +{count - 1}" if count > 1 else "")
    values["recipient_count"] = count
    return values
