"""Search in two phases: ids from the index alone (best by bm25, or newest), then rows and snippets;
pages, filters, the trash, cancellation from another thread, and the prefix indexes."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store import search
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists, letter_search
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import LetterFilter


def letter(subject: str, body: str = "", recipient: str = "Someone", language: str = "en") -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place="Geneva",
        date=dt.date(2024, 1, 1),
        subject=subject,
        recipients=(Recipient(name=recipient),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body=body,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[int]]]:
    """130 letters about detention; every fifth has it in the subject too (ranked first)."""
    opened = Store.open(tmp_path_factory.mktemp("many"))
    letters = [
        letter(
            f"Appeal {n}" + (" on detention" if n % 5 == 0 else ""),
            f"Body {n} about the detention of a lawyer." + " More words." * (n % 7),
        )
        for n in range(130)
    ]
    ids = letter_repo.add_letters(opened, letters, author="t")
    yield opened, ids
    opened.close()


def test_newest_order_is_the_highest_ids_first(many: tuple[Store, list[int]]) -> None:
    store, ids = many
    assert search.letter_ids(store, "detention", order="newest") == sorted(ids, reverse=True)[: search.PAGE]


def test_ranked_order_puts_subject_matches_first_and_matches_the_bm25_order(
    many: tuple[Store, list[int]],
) -> None:
    store, ids = many
    ranked = search.letter_ids(store, "detention", order="rank", limit=200)
    in_subject = {ident for n, ident in enumerate(ids) if n % 5 == 0}
    assert set(ranked[: len(in_subject)]) == in_subject
    assert sorted(ranked) == sorted(ids)
    with store.read_session() as session:
        raw: Any = session.connection().connection.driver_connection
        bare = raw.execute(
            f"SELECT rowid FROM letters_fts WHERE letters_fts MATCH ? ORDER BY {search.LETTER_BM25}, rowid",
            (search.fts_query("detention"),),
        ).fetchall()
    assert ranked == [row[0] for row in bare]


@pytest.mark.parametrize("order", ["rank", "newest"])
def test_pages_follow_each_other_without_gaps_or_repeats(many: tuple[Store, list[int]], order: str) -> None:
    store, _ids = many
    whole = search.letter_ids(store, "detention", order=order, limit=500)  # type: ignore[arg-type]
    pages = [
        search.letter_ids(store, "detention", order=order, offset=offset)  # type: ignore[arg-type]
        for offset in range(0, 200, search.PAGE)
    ]
    assert [len(page) for page in pages] == [50, 50, 30, 0]
    assert [ident for page in pages for ident in page] == whole


def test_rows_and_snippets_come_for_the_given_ids_only_in_their_order(many: tuple[Store, list[int]]) -> None:
    store, ids = many
    wanted = [ids[7], ids[3], ids[99]]
    rows = search.letter_rows(store, wanted)
    assert [row.id for row in rows] == wanted
    assert rows[0].subject == "Appeal 7" and rows[0].status == "draft"
    snippets = search.letter_snippets(store, "detent", wanted)
    assert set(snippets) == set(wanted)
    assert all("<b>detention</b>" in html for html in snippets.values())


def test_search_letters_is_both_phases_best_first(many: tuple[Store, list[int]]) -> None:
    store, _ids = many
    hits = search.search_letters(store, "detention", limit=5)
    assert [hit.id for hit in hits] == search.letter_ids(store, "detention", limit=5)
    assert all(hit.title.endswith("on detention") for hit in hits)
    assert all("detention" in hit.snippet for hit in hits)


def test_the_trash_and_the_list_filters_restrict_the_ids(store: Store) -> None:
    first, second, third = letter_repo.add_letters(
        store,
        [letter("One", "torture"), letter("Two", "torture", language="fr"), letter("Three", "torture")],
        author="t",
    )
    letter_repo.trash_letter(store, third)
    assert search.letter_ids(store, "torture", order="newest") == [second, first]
    assert search.letter_ids(store, "torture", include_trashed=True, order="newest") == [third, second, first]
    assert letter_search.letter_ids(store, "torture", filters=LetterFilter(trashed=True)) == [third]
    assert letter_search.letter_ids(store, "torture", filters=LetterFilter(language="fr")) == [second]
    assert search.count_matches(store, "torture") == 2
    assert letter_search.count_matches(store, "torture", filters=LetterFilter(trashed=True)) == 1
    assert letter_search.newest_rows(store, "torture", filters=LetterFilter(trashed=True))[0].id == third
    assert letter_search.count_matches(store, "torture", filters=LetterFilter(language="fr")) == 1
    assert search.letter_rows(store, [first, third], trashed=False)[0].id == first
    assert [r.id for r in search.letter_rows(store, [first, third], trashed=False)] == [first]


def test_the_two_phases_agree_with_the_list_filtered_by_text(many: tuple[Store, list[int]]) -> None:
    store, _ids = many
    for query in ("detention", "appeal 1", "lawy", "words detention"):
        listed = {s.id for s in letter_lists.letter_summaries(store, filters=LetterFilter(text=query))}
        assert set(search.letter_ids(store, query, limit=1000)) == listed, query
        assert search.count_matches(store, query) == len(listed)


def test_the_newest_ids_are_read_from_the_index_in_order_without_sorting(store: Store) -> None:
    """No sorter in the plan: the newest page's cost does not grow with the number of matches."""
    with store.read_session() as session:
        raw: Any = session.connection().connection.driver_connection
        live = (
            "rowid NOT IN (SELECT id FROM letters WHERE deleted_at IS NOT NULL)"  # as the live list runs it
        )
        newest = raw.execute(
            "EXPLAIN QUERY PLAN " + search.ids_statement("newest", live), _params()
        ).fetchall()
        ranked = raw.execute("EXPLAIN QUERY PLAN " + search.ids_statement("rank", live), _params()).fetchall()
    assert not any("TEMP B-TREE" in str(row[-1]) for row in newest), newest
    assert any("TEMP B-TREE" in str(row[-1]) for row in ranked)  # bm25 must score every match (its floor too)
    # The trash is one list made once (from an index), not a lookup per match; no scan of the letters.
    assert any("LIST SUBQUERY" in str(row[-1]) for row in newest)
    assert not any(str(row[-1]).startswith("SCAN letters ") for row in newest)


def _params() -> dict[str, object]:
    return {"match": '"x"', "limit": 50, "offset": 0}


def test_both_indexes_keep_prefix_indexes_of_two_and_three_letters(store: Store) -> None:
    with store.read_session() as session:
        raw: Any = session.connection().connection.driver_connection
        for table in ("letters_fts", "cases_fts"):
            (sql,) = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert "prefix = '2 3'" in sql, sql


def test_short_prefixes_use_the_prefix_index_and_one_letter_is_a_whole_word(store: Store) -> None:
    assert search.fts_query("de") == '"de"*'
    assert search.fts_query("d") == '"d"'  # no one-letter prefix: it would merge every word's list
    assert search.fts_query("torture d") == '"torture" AND "d"'
    first = letter_repo.add_letter(store, letter("Dear", "d is a letter"), author="t")
    second = letter_repo.add_letter(store, letter("Detention", "de facto"), author="t")
    assert search.letter_ids(store, "de", order="newest") == [second, first]
    assert search.letter_ids(store, "d", order="newest") == [first]


def test_a_search_cancelled_before_it_runs_does_not_run(store: Store) -> None:
    letter_repo.add_letter(store, letter("Torture"), author="t")
    cancel = search.Cancel()
    cancel.cancel()
    with pytest.raises(search.SearchCancelled):
        search.letter_ids(store, "torture", cancel=cancel)
    assert search.letter_ids(store, "torture")  # the store is untouched


def test_cancel_interrupts_a_running_statement_from_another_thread() -> None:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    cancel = search.Cancel()
    started = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            with cancel.running(connection):
                started.set()
                connection.execute(endless).fetchall()
        except BaseException as error:  # the test looks at what was raised
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert started.wait(10)
    while worker.is_alive():
        cancel.cancel()
        worker.join(0.05)
    assert len(outcome) == 1 and isinstance(outcome[0], search.SearchCancelled)
    assert connection.execute("SELECT 1").fetchone() == (1,)  # the connection is usable afterwards


def test_an_interrupt_after_the_search_reaches_no_other_query() -> None:
    """The token drops its connection when the search ends: a late cancel is a no-op for the next user."""
    connection = sqlite3.connect(":memory:")
    cancel = search.Cancel()
    with cancel.running(connection):
        connection.execute("SELECT 1").fetchall()
    cancel.cancel()
    assert connection.execute("SELECT 2").fetchone() == (2,)


def test_autosaved_words_are_found_by_both_phases(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, letter("Subject", "first draft"), author="t")
    letter_repo.save_letter(store, letter_id, letter("Subject", "second draft by Сейткали"), author="t")
    assert search.letter_ids(store, "second", order="newest") == [letter_id]
    assert search.letter_ids(store, "seitkali") == [letter_id]
    assert search.letter_ids(store, "first") == []


def test_many_recipients_do_not_repeat_a_row(store: Store) -> None:
    batch = replace(letter("Batch", "torture"), recipients=tuple(Recipient(name=f"R{n}") for n in range(4)))
    ident = letter_repo.add_letter(store, batch, author="t")
    rows = search.letter_rows(store, [ident])
    assert [row.id for row in rows] == [ident] and rows[0].recipient_count == 4


def test_the_first_rows_are_the_newest_matches_with_their_list_columns(many: tuple[Store, list[int]]) -> None:
    store, _ids = many
    for query in ("detention", "lawy", "appeal 1", "nothing-like-this"):
        ids = search.letter_ids(store, query, order="newest")
        assert search.newest_rows(store, query) == search.letter_rows(store, ids), query
    filters = LetterFilter(status="draft")
    assert letter_search.newest_rows(store, "detention", filters=filters) == search.letter_rows(
        store, letter_search.letter_ids(store, "detention", order="newest", filters=filters)
    )
