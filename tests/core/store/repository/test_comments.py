"""Review comments: threads, replies and resolution."""

from __future__ import annotations

import pytest
from repo_support import make_letter

from iphr_desk.core.errors import BadInput
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo


def test_comment_threads_replies_and_resolution(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    first = comment_repo.add_comment(store, letter_id, "Soften the second paragraph", author="Anna")
    answer = comment_repo.reply(store, first, "Done", author="Ben")
    again = comment_repo.reply(store, answer, "Thanks", author="Anna")
    other = comment_repo.add_comment(store, letter_id, "Check the date", author="Ben")
    comments = comment_repo.list_comments(store, letter_id)
    assert [(c.id, c.parent_id) for c in comments] == [
        (first, None),
        (answer, first),
        (again, first),
        (other, None),
    ]
    comment_repo.resolve_comment(store, first, author="Anna")
    assert [c.id for c in comment_repo.list_comments(store, letter_id, include_resolved=False)] == [other]
    [resolved] = [c for c in comment_repo.list_comments(store, letter_id) if c.id == first]
    assert (resolved.resolved, resolved.resolved_by) == (True, "Anna")
    with pytest.raises(BadInput, match="cannot be empty"):
        comment_repo.add_comment(store, letter_id, "  ", author="Anna")
