"""Revisions: autosave keeps none, a save point keeps one, restoring brings old text back as a new
revision."""

from __future__ import annotations

from repo_support import make_letter

from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo


def test_autosave_keeps_no_revision_and_a_save_point_does(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    letter_repo.save_letter(store, letter_id, make_letter(body="typing\n"), author="t")
    assert len(revision_repo.list_revisions(store, letter_id)) == 1
    letter_repo.save_letter(
        store, letter_id, make_letter(body="done\n"), author="t", revision_reason="save point"
    )
    revisions = revision_repo.list_revisions(store, letter_id)
    assert [r.reason for r in revisions] == ["save point", "created"]


def test_restoring_a_revision_brings_the_old_text_back_as_a_new_revision(store: Store) -> None:
    original = make_letter()
    letter_id = letter_repo.add_letter(store, original, author="t")
    first = revision_repo.list_revisions(store, letter_id)[0]
    letter_repo.save_letter(
        store, letter_id, make_letter(subject="Rewritten", body="New\n"), author="t", revision_reason="s"
    )
    restored = revision_repo.restore_revision(store, letter_id, first.id, author="Anna")
    assert restored == original
    assert letter_repo.get_letter(store, letter_id) == original
    assert revision_repo.list_revisions(store, letter_id)[0].reason == f"restored revision {first.id}"
