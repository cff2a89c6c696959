"""Helpers every part of the repository shares: the clock, checks, row lookups.

One place for them keeps the error messages identical across letters, cases and the address book.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from iphr_desk.core.errors import BadInput, IphrError
from iphr_desk.core.letters import letter as lt
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from iphr_desk.core.store import models as m


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise BadInput(message)


_Row = TypeVar("_Row")


def _get(session: Session, model: type[_Row], ident: int, what: str) -> _Row:
    row = session.get(model, ident)
    if row is None:
        raise BadInput(f"There is no {what} with id {ident}.")
    return row


def _live_letter(session: Session, letter_id: int) -> m.Letter:
    from iphr_desk.core.store import models as mm

    return _get(session, mm.Letter, letter_id, "letter")


def _refuse_read_only(row: m.Letter) -> None:
    _refuse_read_only_state(row.id, row.status, row.deleted_at)


def _refuse_read_only_state(letter_id: int, status: str, deleted_at: dt.datetime | None) -> None:
    if status in READ_ONLY_STATUSES:
        raise IphrError(
            f"Letter {letter_id} is {status.replace('_', ' ')} and cannot be changed; "
            "reopen it as a draft first."
        )
    if deleted_at is not None:
        raise IphrError(f"Letter {letter_id} is in the trash; restore it before changing it.")


def letter_text(letter: lt.Letter) -> str:
    """The letter as letter-file text: the form revisions are stored in."""
    from iphr_desk.core.letters.letterfile import write_letter_text

    return write_letter_text(letter)
