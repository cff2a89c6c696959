"""The letter list's search with its filters: `search`'s two phases restricted to the filtered letters.

Its own module because the filters are `letter_lists`' clauses and `letter_lists` uses `search` for its
text filter: `search` importing `letter_lists` would close a cycle.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from iphr_desk.core.store import search
from iphr_desk.core.store.repository.values import LetterFilter

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.values import LetterSummary


def _restriction(filters: LetterFilter | None) -> tuple[bool, Any]:
    """(the trash?, a select of the filtered letters' ids, or None when only the trash is chosen).

    The trash alone is the short list `search` builds itself; any other filter is `letter_lists`' own
    clauses, so the search's rows are the list's rows.
    """
    plain = replace(filters or LetterFilter(), text=None)
    if plain == LetterFilter(trashed=plain.trashed):
        return plain.trashed, None
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository import letter_lists

    return plain.trashed, select(mm.Letter.id).where(*letter_lists._letter_filter_clauses(plain))


def letter_ids(
    store: Store,
    query: str,
    *,
    filters: LetterFilter | None = None,
    order: search.Order = "rank",
    limit: int = search.PAGE,
    offset: int = 0,
    cancel: search.Cancel | None = None,
) -> list[int]:
    """`search.letter_ids` among the letters `filters` keep (its `text` is ignored)."""
    trashed, restrict = _restriction(filters)
    return search.letter_ids(
        store,
        query,
        order=order,
        limit=limit,
        offset=offset,
        trashed=trashed,
        restrict=restrict,
        cancel=cancel,
    )


def newest_rows(
    store: Store, query: str, *, filters: LetterFilter | None = None, limit: int = search.PAGE
) -> list[LetterSummary]:
    trashed, restrict = _restriction(filters)
    return search.newest_rows(store, query, trashed=trashed, restrict=restrict, limit=limit)


def count_matches(
    store: Store, query: str, *, filters: LetterFilter | None = None, cancel: search.Cancel | None = None
) -> int:
    trashed, restrict = _restriction(filters)
    if restrict is None:
        return search.count_matches(store, query, trashed=trashed, cancel=cancel)
    from iphr_desk.core.store.repository import letter_lists

    return int(letter_lists.count_letters(store, replace(filters or LetterFilter(), text=query)))
