"""Review comments: threads on a letter, replies and resolving.

Comments are allowed in every status, so they bypass the read-only checks that letters apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from iphr_desk.core.store.repository._common import _get, _live_letter, _now, _require
from iphr_desk.core.store.repository.values import CommentInfo

if TYPE_CHECKING:
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


def _comment_info(c: m.Comment) -> CommentInfo:
    return CommentInfo(
        id=c.id,
        letter_id=c.letter_id,
        parent_id=c.parent_id,
        author=c.author,
        created_at=c.created_at,
        text=c.text,
        resolved=c.resolved,
        resolved_by=c.resolved_by,
        resolved_at=c.resolved_at,
    )


def add_comment(store: Store, letter_id: int, text: str, *, author: str) -> int:
    """A new review comment (a thread of its own). Comments are allowed in every status."""
    from iphr_desk.core.store import models as mm

    _require(bool(text.strip()), "A comment cannot be empty.")
    with store.session() as session:
        _live_letter(session, letter_id)
        row = mm.Comment(letter_id=letter_id, author=author, text=text, created_at=_now())
        session.add(row)
        session.flush()
        return row.id


def reply(store: Store, comment_id: int, text: str, *, author: str) -> int:
    """A reply in the thread of `comment_id` (replies to a reply join the same thread)."""
    from iphr_desk.core.store import models as mm

    _require(bool(text.strip()), "A reply cannot be empty.")
    with store.session() as session:
        parent = _get(session, mm.Comment, comment_id, "comment")
        root_id = parent.parent_id or parent.id
        row = mm.Comment(
            letter_id=parent.letter_id, parent_id=root_id, author=author, text=text, created_at=_now()
        )
        session.add(row)
        session.flush()
        return row.id


def resolve_comment(store: Store, comment_id: int, *, author: str, resolved: bool = True) -> None:
    """Mark a thread resolved (or open again with `resolved=False`)."""
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = _get(session, mm.Comment, comment_id, "comment")
        row.resolved = resolved
        row.resolved_by = author if resolved else None
        row.resolved_at = _now() if resolved else None


def list_comments(store: Store, letter_id: int, *, include_resolved: bool = True) -> list[CommentInfo]:
    """Comments oldest first; replies carry `parent_id` (the thread's first comment)."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        query = (
            select(mm.Comment)
            .where(mm.Comment.letter_id == letter_id)
            .order_by(mm.Comment.created_at, mm.Comment.id)
        )
        comments = [_comment_info(c) for c in session.scalars(query)]
    if include_resolved:
        return comments
    resolved_threads = {c.id for c in comments if c.parent_id is None and c.resolved}
    return [c for c in comments if (c.parent_id or c.id) not in resolved_threads]


# ------------------------------------------------------------------------ comments with identity (issue 15)


@dataclass(frozen=True)
class CommentRecord:
    """A comment with its identity and anchor: what exports write and reviewed copies match."""

    id: int
    uuid: str
    letter_id: int
    parent_id: int | None
    author: str
    created_at: dt.datetime
    text: str
    resolved: bool
    anchor: str | None
    origin: str


def comment_records(store: Store, letter_id: int) -> list[CommentRecord]:
    """The letter's comments oldest first, with uuid, anchor and origin."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        query = (
            select(mm.Comment)
            .where(mm.Comment.letter_id == letter_id)
            .order_by(mm.Comment.created_at, mm.Comment.id)
        )
        return [
            CommentRecord(
                id=c.id,
                uuid=c.uuid or "",
                letter_id=c.letter_id,
                parent_id=c.parent_id,
                author=c.author,
                created_at=c.created_at,
                text=c.text,
                resolved=c.resolved,
                anchor=c.anchor,
                origin=c.origin or "app",
            )
            for c in session.scalars(query)
        ]
