"""The address book: reusable recipients and signatories.

Letters keep their own copies of addressees, so editing or deleting an entry never changes a letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from iphr_desk.core.letters import letter as lt
from iphr_desk.core.store.repository._common import _get, _require
from iphr_desk.core.store.repository.values import RecipientRecord, SignatoryRecord

if TYPE_CHECKING:
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


def _recipient_values(recipient: lt.Recipient) -> dict[str, Any]:
    _require(bool(recipient.name.strip()), "A recipient needs a name.")
    _require(recipient.gender in lt.GENDERS, f"Unknown gender '{recipient.gender}'.")
    _require(recipient.office in lt.OFFICE_IDS, f"Unknown office '{recipient.office}'.")
    values = dict(recipient.__dict__)
    values.pop("address_dative")  # a letter's own correction of its block; the address book has no column
    return values


def _recipient_record(row: m.Recipient) -> RecipientRecord:
    return RecipientRecord(
        id=row.id,
        recipient=lt.Recipient(
            name=row.name,
            surname=row.surname,
            gender=cast("lt.Gender", row.gender),
            office=row.office,
            title=row.title,
            organisation=row.organisation,
            address=row.address,
            salutation=row.salutation,
            closing=row.closing,
        ),
        language=row.language,
    )


def add_recipient(store: Store, recipient: lt.Recipient, *, language: str | None = None) -> int:
    from iphr_desk.core.store import models as mm

    values = _recipient_values(recipient)
    with store.session() as session:
        row = mm.Recipient(**values, language=language)
        session.add(row)
        session.flush()
        return row.id


def update_recipient(
    store: Store, recipient_id: int, recipient: lt.Recipient, *, language: str | None = None
) -> None:
    from iphr_desk.core.store import models as mm

    values = _recipient_values(recipient)
    with store.session() as session:
        row = _get(session, mm.Recipient, recipient_id, "recipient")
        for key, value in {**values, "language": language}.items():
            setattr(row, key, value)


def delete_recipient(store: Store, recipient_id: int) -> None:
    """Remove an address-book entry; letters keep their own copy of the addressee."""
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        session.delete(_get(session, mm.Recipient, recipient_id, "recipient"))


def get_recipient(store: Store, recipient_id: int) -> RecipientRecord:
    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return _recipient_record(_get(session, mm.Recipient, recipient_id, "recipient"))


def list_recipients(store: Store, *, language: str | None = None) -> list[RecipientRecord]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    query = select(mm.Recipient).order_by(mm.Recipient.name, mm.Recipient.id)
    if language:
        query = query.where(mm.Recipient.language == language)
    with store.read_session() as session:
        return [_recipient_record(row) for row in session.scalars(query)]


def _signatory_values(signatory: lt.Signatory) -> dict[str, Any]:
    """The row's columns; `titles` as the JSON object the column holds ({"fr": "Directrice"})."""
    return {**signatory.__dict__, "titles": dict(signatory.titles) or None}


def add_signatory(store: Store, signatory: lt.Signatory) -> int:
    from iphr_desk.core.store import models as mm

    _require(bool(signatory.name.strip()), "A signatory needs a name.")
    with store.session() as session:
        row = mm.Signatory(**_signatory_values(signatory))
        session.add(row)
        session.flush()
        return row.id


def update_signatory(store: Store, signatory_id: int, signatory: lt.Signatory) -> None:
    from iphr_desk.core.store import models as mm

    _require(bool(signatory.name.strip()), "A signatory needs a name.")
    with store.session() as session:
        row = _get(session, mm.Signatory, signatory_id, "signatory")
        for key, value in _signatory_values(signatory).items():
            setattr(row, key, value)


def delete_signatory(store: Store, signatory_id: int) -> None:
    from iphr_desk.core.store import models as mm

    with store.session() as session:
        session.delete(_get(session, mm.Signatory, signatory_id, "signatory"))


def list_signatories(store: Store) -> list[SignatoryRecord]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return [
            SignatoryRecord(
                row.id,
                lt.Signatory(
                    name=row.name,
                    title=row.title,
                    organisation=row.organisation,
                    titles=lt.stored_titles(row.titles),
                ),
            )
            for row in session.scalars(select(mm.Signatory).order_by(mm.Signatory.name, mm.Signatory.id))
        ]
