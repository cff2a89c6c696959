"""Letters in the store: round trips through rows, the first revision, the review workflow, autosave,
the trash."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from repo_support import fill, letters, make_letter, text

from iphr_desk.core.errors import BadInput, IphrError
from iphr_desk.core.letters.letter import Letter, Recipient
from iphr_desk.core.letters.letterfile import parse_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.core.store.repository.values import (
    LetterFilter,
)
from iphr_desk.core.vocabularies import STATUSES, TRANSITIONS, allowed_transitions


@given(letters, letters)
def test_letter_round_trips_through_rows_and_through_an_update(
    shared_store: Store, first: Letter, second: Letter
) -> None:
    letter_id = letter_repo.add_letter(shared_store, first, author="test", reason="")
    assert letter_repo.get_letter(shared_store, letter_id) == first
    letter_repo.save_letter(shared_store, letter_id, second, author="test")
    assert letter_repo.get_letter(shared_store, letter_id) == second


def test_a_new_letter_keeps_a_first_revision_in_letter_file_form(store: Store) -> None:
    letter = make_letter()
    letter_id = letter_repo.add_letter(store, letter, author="Anna")
    [revision] = revision_repo.list_revisions(store, letter_id)
    assert (revision.author, revision.reason, revision.status) == ("Anna", "created", "draft")
    assert parse_letter_text(revision_repo.get_revision_text(store, revision.id), "rev") == letter


def test_an_unknown_letter_is_a_clear_error(store: Store) -> None:
    with pytest.raises(BadInput, match="no letter with id 42"):
        letter_repo.get_letter(store, 42)


def test_only_the_allowed_transitions_are_accepted(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    with pytest.raises(IphrError, match="cannot go from draft to approved"):
        letter_repo.change_status(store, letter_id, "approved", author="t")
    path = ["in_review", "changes_requested", "in_review", "approved", "signed", "sent", "draft"]
    for status in path:
        assert status in allowed_transitions(letter_repo.get_letter_info(store, letter_id).status)
        letter_repo.change_status(store, letter_id, status, author="Reviewer")
    history = letter_repo.status_history(store, letter_id)
    assert [(h.from_status, h.to_status) for h in history] == list(
        zip(["draft", *path[:-1]], path, strict=True)
    )
    assert all(h.author == "Reviewer" for h in history)
    assert len(revision_repo.list_revisions(store, letter_id)) == 1 + len(path)


def test_every_status_in_the_table_is_a_known_status() -> None:
    for source, targets in TRANSITIONS.items():
        assert source in STATUSES
        assert set(targets) <= set(STATUSES)
        assert source not in targets


def test_approved_letters_are_read_only_until_reopened(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    for status in ("in_review", "approved"):
        letter_repo.change_status(store, letter_id, status, author="t")
    with pytest.raises(IphrError, match="approved and cannot be changed"):
        letter_repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert letter_repo.get_letter(store, letter_id).subject == "Detention of a blogger"
    letter_repo.change_status(store, letter_id, "draft", author="t")
    letter_repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert letter_repo.get_letter(store, letter_id).subject == "Changed"


def test_trash_hides_restores_and_empties(store: Store) -> None:
    keep, drop = fill(store, 2)
    comment_repo.add_comment(store, drop, "x", author="a")
    letter_repo.trash_letter(store, drop, author="a")
    assert [row.id for row in letter_lists.letter_summaries(store)] == [keep]
    assert [row.id for row in letter_lists.letter_summaries(store, filters=LetterFilter(trashed=True))] == [
        drop
    ]
    with pytest.raises(IphrError, match="in the trash"):
        letter_repo.save_letter(store, drop, make_letter(), author="a")
    letter_repo.restore_from_trash(store, drop)
    assert letter_lists.count_letters(store) == 2
    letter_repo.trash_letter(store, drop)
    assert letter_repo.empty_trash(store) == 1
    assert letter_lists.count_letters(store, LetterFilter(trashed=True)) == 0
    with pytest.raises(BadInput):
        letter_repo.get_letter(store, drop)
    assert letter_lists.count_letters(store) == 1


def test_autosave_of_the_body_alone_updates_one_row_and_an_unchanged_save_writes_nothing(
    store: Store,
) -> None:
    from sqlalchemy import event

    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    before = letter_repo.get_letter_info(store, letter_id)
    statements: list[tuple[str, int]] = []

    def record(conn: object, cursor: Any, statement: str, *args: object) -> None:
        statements.append((" ".join(statement.split()[:3]).upper(), cursor.rowcount))

    event.listen(store.engine, "after_cursor_execute", record)
    try:
        letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        body_save = list(statements)
        statements.clear()
        letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        unchanged_save = list(statements)
    finally:
        event.remove(store.engine, "after_cursor_execute", record)
    # A body edit is one statement in one transaction: no read first, no child rows rewritten.
    assert [s for s, _rows in body_save if s not in ("BEGIN IMMEDIATE", "COMMIT")] == ["UPDATE LETTERS SET"]
    assert [rows for s, rows in body_save if s.startswith("UPDATE")] == [1]
    assert not [s for s, rows in unchanged_save if s.startswith(("INSERT", "UPDATE", "DELETE")) and rows > 0]
    after = letter_repo.get_letter_info(store, letter_id)
    assert after.letter.body == "Typed a little more.\n"
    assert after.updated_at > before.updated_at
    letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
    assert letter_repo.get_letter_info(store, letter_id).updated_at == after.updated_at


@given(name=text.filter(str.strip), title=st.one_of(st.none(), text), case=text.filter(str.strip))
def test_autosave_sees_unchanged_children_whatever_their_text(
    shared_store: Store, name: str, title: str | None, case: str
) -> None:
    """Children are compared as JSON text: a body edit must still land, and children must stay, for any
    characters in them (quotes, backslashes, control characters, astral planes)."""
    store = shared_store
    recipient = Recipient(name=name, title=title, office="minister_foreign", gender="f")
    letter = make_letter(recipients=(recipient,), cases=(case,))
    letter_id = letter_repo.add_letter(store, letter, author="t")
    letter_repo.save_letter(store, letter_id, replace(letter, body="An edit.\n"), author="t")
    stored = letter_repo.get_letter(store, letter_id)
    assert stored.body == "An edit.\n"
    assert stored.recipients == (recipient,)
    assert stored.cases == (case,)
