"""A letter's revisions: the history list, a snapshot's text, restoring one.

Revisions are whole letter files, so a restore goes through the letter-file parser like an import.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters import letter as lt
from iphr_desk.core.store.repository._common import _get, _live_letter, _now, _refuse_read_only, letter_text
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


# ----------------------------------------------------------------------- revisions with identity (issue 15)


@dataclass(frozen=True)
class RevisionRecord:
    """A revision with its text and identity: what exports name and reviewed copies come back to."""

    id: int
    uuid: str
    letter_id: int
    created_at: dt.datetime
    author: str
    reason: str
    status: str
    text: str
    parent_uuid: str | None = None
    flagged: bool = False
    details: dict[str, Any] | None = None


def _record(r: m.Revision) -> RevisionRecord:
    return RevisionRecord(
        id=r.id,
        uuid=r.uuid or "",
        letter_id=r.letter_id,
        created_at=r.created_at,
        author=r.author,
        reason=r.reason,
        status=r.status,
        text=r.text,
        parent_uuid=r.parent_uuid,
        flagged=bool(r.flagged),
        details=dict(r.details) if r.details else None,
    )


def get_revision_record(store: Store, revision_id: int) -> RevisionRecord:
    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return _record(_get(session, mm.Revision, revision_id, "revision"))


def find_revision_by_uuid(store: Store, uuid: str) -> RevisionRecord | None:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        row = session.scalar(select(mm.Revision).where(mm.Revision.uuid == uuid))
        return _record(row) if row is not None else None


def latest_revision(store: Store, letter_id: int) -> RevisionRecord | None:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        row = session.scalar(
            select(mm.Revision)
            .where(mm.Revision.letter_id == letter_id)
            .order_by(mm.Revision.created_at.desc(), mm.Revision.id.desc())
            .limit(1)
        )
        return _record(row) if row is not None else None


def revision_for_export(store: Store, letter_id: int, *, author: str, reason: str) -> RevisionRecord:
    """The stored revision whose text is the letter as it is now: the latest when it is the same
    (an export after a save point adds nothing), else a new one (autosave changed the letter since).

    An exported .docx names this revision, so a reviewed copy is compared with exactly what was sent.
    """
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.letters import _letter_from_row

    with store.session() as session:
        row = _live_letter(session, letter_id)
        text = letter_text(_letter_from_row(row))
        latest = session.scalar(
            select(mm.Revision)
            .where(mm.Revision.letter_id == letter_id)
            .order_by(mm.Revision.created_at.desc(), mm.Revision.id.desc())
            .limit(1)
        )
        if latest is not None and latest.text == text:
            if not latest.uuid:
                latest.uuid = str(uuid_module.uuid4())
            return _record(latest)
        revision = mm.Revision(
            letter_id=letter_id,
            created_at=_now(),
            author=author,
            reason=reason,
            status=row.status,
            text=text,
            uuid=str(uuid_module.uuid4()),
        )
        session.add(revision)
        session.flush()
        return _record(revision)


def find_revision_with_detail(
    store: Store, letter_id: int | None, key: str, value: str
) -> RevisionRecord | None:
    """The letter's revision (any letter's, for None) whose details hold `key: value` (e.g. the SHA-256
    of an imported reviewed copy)."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        query = select(mm.Revision).where(mm.Revision.details.is_not(None))
        if letter_id is not None:
            query = query.where(mm.Revision.letter_id == letter_id)
        rows = session.scalars(query)
        for row in rows:
            if isinstance(row.details, dict) and row.details.get(key) == value:
                return _record(row)
    return None


@dataclass(frozen=True)
class ImportedComment:
    """A comment to store with a revision (`parent_uuid`: the comment it replies to)."""

    uuid: str
    author: str
    created_at: dt.datetime
    text: str
    anchor: str
    origin: str = "word"
    parent_uuid: str | None = None
    resolved: bool = False


@dataclass(frozen=True)
class ReviewedWrite:
    """Everything one reviewed copy stores, in one transaction (`store_reviewed`)."""

    letter_id: int | None  # None: a new letter (`new_letter` then holds it)
    letter: lt.Letter
    author: str
    reason: str
    parent_uuid: str | None
    details: dict[str, Any]
    flagged: bool
    statuses: tuple[str, ...]  # the status changes to make, in order (each must be allowed)
    status_note: str
    comments: tuple[ImportedComment, ...]
    resolve_uuids: tuple[str, ...] = ()  # existing threads the reviewer marked done
    new_revision: bool = True
    new_letter_uuid: str | None = None


@dataclass(frozen=True)
class ReviewedWritten:
    letter_id: int
    revision_id: int | None
    status: str
    comments_added: int


def store_reviewed(store: Store, write: ReviewedWrite) -> ReviewedWritten:
    """Store a reviewed copy: the letter's new content and revision, its comments (each uuid once:
    importing the same file again adds none), the threads it resolved, and the status changes."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.letters import _insert_letter
    from iphr_desk.core.vocabularies import allowed_transitions

    with store.session() as session:
        if write.letter_id is None:
            letter_id = _insert_letter(
                session,
                write.letter,
                author=write.author,
                reason=None,
                status="draft",
                uuid=write.new_letter_uuid,
            )
        else:
            letter_id = write.letter_id
        row = _live_letter(session, letter_id)
        if write.new_revision and write.letter_id is not None:
            _refuse_read_only(row)
            _fill_letter_row(session, row, write.letter)
            row.updated_at = _now()
        now = _now()
        for new_status in write.statuses:
            if new_status not in allowed_transitions(row.status):
                raise BadInput(
                    f"Letter {letter_id} cannot go from {row.status.replace('_', ' ')} to "
                    f"{new_status.replace('_', ' ')}."
                )
            session.add(
                mm.StatusChange(
                    letter_id=letter_id, author=write.author, changed_at=now, from_status=row.status,
                    to_status=new_status, note=write.status_note,
                )
            )  # fmt: skip
            row.status = new_status
            row.updated_at = now
        session.flush()
        revision_id = None
        if write.new_revision:
            revision = mm.Revision(
                letter_id=letter_id,
                created_at=now,
                author=write.author,
                reason=write.reason,
                status=row.status,
                text=letter_text(write.letter),
                uuid=str(uuid_module.uuid4()),
                parent_uuid=write.parent_uuid,
                flagged=write.flagged,
                details=write.details,
            )
            session.add(revision)
            session.flush()
            revision_id = revision.id
        wanted = [c.uuid for c in write.comments] + [c.parent_uuid for c in write.comments if c.parent_uuid]
        wanted += list(write.resolve_uuids)
        known: dict[str, int] = {}
        threads: dict[int, int] = {}  # comment id -> its thread's first comment (replies join the thread)
        if wanted:
            query = select(mm.Comment.uuid, mm.Comment.id, mm.Comment.parent_id).where(
                mm.Comment.uuid.in_(wanted), mm.Comment.letter_id == letter_id
            )
            for found_uuid, found_id, found_parent in session.execute(query):
                known[str(found_uuid)] = found_id
                threads[found_id] = found_parent or found_id
        added = 0
        for comment in write.comments:
            if comment.uuid in known:
                continue
            parent = known.get(comment.parent_uuid) if comment.parent_uuid else None
            parent_id = threads.get(parent, parent) if parent is not None else None
            new = mm.Comment(
                letter_id=letter_id,
                parent_id=parent_id,
                author=comment.author,
                created_at=comment.created_at,
                text=comment.text,
                uuid=comment.uuid,
                anchor=comment.anchor,
                origin=comment.origin,
                resolved=comment.resolved,
                resolved_by=comment.author if comment.resolved else None,
                resolved_at=now if comment.resolved else None,
            )
            session.add(new)
            session.flush()
            known[comment.uuid] = new.id
            threads[new.id] = parent_id or new.id
            added += 1
        for thread_uuid in write.resolve_uuids:
            found = session.get(mm.Comment, known[thread_uuid]) if thread_uuid in known else None
            if found is not None and not found.resolved:
                found.resolved, found.resolved_by, found.resolved_at = True, write.author, now
        return ReviewedWritten(letter_id, revision_id, row.status, added)
