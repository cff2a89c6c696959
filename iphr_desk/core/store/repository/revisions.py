"""A letter's revisions: the history list, a snapshot's text, restoring one.

Revisions are whole letter files, so a restore goes through the letter-file parser like an import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters import letter as lt
from iphr_desk.core.store.repository._common import _get, _live_letter, _now, _refuse_read_only
from iphr_desk.core.store.repository.letters import _add_revision, _fill_letter_row
from iphr_desk.core.store.repository.values import RevisionInfo

if TYPE_CHECKING:
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


def _revision_info(r: m.Revision) -> RevisionInfo:
    return RevisionInfo(
        id=r.id,
        letter_id=r.letter_id,
        created_at=r.created_at,
        author=r.author,
        reason=r.reason,
        status=r.status,
    )


def list_revisions(store: Store, letter_id: int) -> list[RevisionInfo]:
    """The letter's revisions, newest first (without their text: a history list stays light)."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        rows = session.execute(
            select(
                mm.Revision.id,
                mm.Revision.letter_id,
                mm.Revision.created_at,
                mm.Revision.author,
                mm.Revision.reason,
                mm.Revision.status,
            )
            .where(mm.Revision.letter_id == letter_id)
            .order_by(mm.Revision.created_at.desc(), mm.Revision.id.desc())
        )
        return [RevisionInfo(*row) for row in rows]


def get_revision_text(store: Store, revision_id: int) -> str:
    """The revision's snapshot: a complete letter file."""
    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return _get(session, mm.Revision, revision_id, "revision").text


def restore_revision(store: Store, letter_id: int, revision_id: int, *, author: str) -> lt.Letter:
    """Make a revision the letter's current content; the restore is itself a new revision."""
    from iphr_desk.core.letters.letterfile import parse_letter_text
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        revision = _get(session, mm.Revision, revision_id, "revision")
        if revision.letter_id != letter_id:
            raise BadInput(f"Revision {revision_id} does not belong to letter {letter_id}.")
        row = _live_letter(session, letter_id)
        _refuse_read_only(row)
        letter = parse_letter_text(revision.text, f"revision {revision_id}")
        _fill_letter_row(session, row, letter)
        row.updated_at = _now()
        session.flush()
        _add_revision(session, row, letter, author=author, reason=f"restored revision {revision_id}")
        return letter
