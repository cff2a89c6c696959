"""Letter list pages: windows in the requested order, filters and counts that agree, and a fixed number
of statements per page."""

from __future__ import annotations

import datetime as dt

import pytest
from repo_support import fill

from iphr_desk.core.errors import BadInput
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import (
    LetterFilter,
)


def test_pages_are_windows_in_the_requested_order(store: Store) -> None:
    ids = fill(store, 30)
    page = letter_lists.letter_summaries(store, offset=10, limit=5, sort="date", descending=False)
    assert [row.id for row in page] == ids[10:15]
    assert [row.subject for row in page] == [f"Letter {i:03d}" for i in range(10, 15)]
    assert page[0].recipient == "Recipient 010"
    assert page[1].recipient == "Recipient 011 +1"
    assert page[1].recipient_count == 2
    newest_first = letter_lists.letter_summaries(store, limit=3, sort="date", descending=True)
    assert [row.id for row in newest_first] == ids[:-4:-1]
    by_recipient = letter_lists.letter_summaries(store, limit=2, sort="recipient", descending=False)
    assert [row.recipient for row in by_recipient] == ["Recipient 000", "Recipient 001 +1"]
    assert len(letter_lists.letter_summaries(store)) == 30


def test_filters_and_counts_agree(store: Store) -> None:
    ids = fill(store, 20)
    french = LetterFilter(language="fr")
    assert letter_lists.count_letters(store, french) == 5
    assert {row.language for row in letter_lists.letter_summaries(store, filters=french)} == {"fr"}
    letter_repo.change_status(store, ids[0], "in_review", author="t")
    assert letter_lists.count_letters(store, LetterFilter(status="in_review")) == 1
    assert letter_lists.count_letters(store, LetterFilter(statuses=("draft", "in_review"))) == 20
    window = LetterFilter(date_from=dt.date(2024, 1, 3), date_to=dt.date(2024, 1, 5))
    assert letter_lists.count_letters(store, window) == 3
    assert letter_lists.count_letters(store, LetterFilter(text="letter 007")) == 1
    assert letter_lists.count_letters(store, LetterFilter(text="recip")) == 20


def test_a_bad_sort_key_is_bad_input(store: Store) -> None:
    with pytest.raises(BadInput, match="cannot be sorted by 'colour'"):
        letter_lists.letter_summaries(store, sort="colour")


def test_loading_a_page_takes_the_same_few_statements_however_long_the_page(store: Store) -> None:
    from sqlalchemy import event

    fill(store, 150)
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        letter_lists.letter_summaries(store, offset=0, limit=10, sort="recipient")
        small = len(statements)
        statements.clear()
        page = letter_lists.letter_summaries(store, offset=0, limit=100, sort="recipient")
        large = len(statements)
        statements.clear()
        letter_lists.count_letters(store)
        counting = len(statements)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(page) == 100
    assert small == large
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert large <= 3  # BEGIN, the one SELECT, and nothing per row
    assert counting <= 3
