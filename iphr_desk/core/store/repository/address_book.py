"""The address book: reusable recipients and signatories.

Letters keep their own copies of addressees, so editing or deleting an entry never changes a letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from iphr_desk.core.letters import letter as lt
from iphr_desk.core.store.repository._common import _get, _require
from iphr_desk.core.store.repository.values import RecipientRecord, SignatoryRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


# Signature images (issue 15) ----------------------------------------------------------------------------


def set_signature_image(store: Store, signatory_id: int, png: bytes | None) -> None:
    """Store the signatory's signature image (a PNG from `core.signing.images`), or clear it with None.

    The image lives in the store, so an encrypted store keeps it encrypted with everything else.
    """
    from iphr_desk.core.signing.images import PNG_MIME, clean_png
    from iphr_desk.core.store import models as mm

    clean = clean_png(png).png if png is not None else None  # whatever the caller did, a clean PNG
    with store.session() as session:
        row = _get(session, mm.Signatory, signatory_id, "signatory")
        row.signature_image = clean
        row.signature_mime = PNG_MIME if clean is not None else None


def get_signature_image(store: Store, signatory_id: int) -> bytes | None:
    from iphr_desk.core.store import models as mm

    with store.read_session() as session:
        return _get(session, mm.Signatory, signatory_id, "signatory").signature_image


def signature_images_for(session: Session, letter: m.Letter) -> tuple[bytes | None, ...]:
    """The signature image of each of the letter's signatories, in order (None where there is none).

    A letter's signatory is found in the address book by `signatory_id` when the letter recorded it,
    else by its name when exactly one address-book entry with an image has that name.
    """
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    rows = session.execute(
        select(mm.Signatory.id, mm.Signatory.name, mm.Signatory.signature_image).where(
            mm.Signatory.signature_image.is_not(None)
        )
    ).all()
    by_id = {row.id: row.signature_image for row in rows}
    by_name: dict[str, list[bytes]] = {}
    for row in rows:
        by_name.setdefault(" ".join(row.name.split()).casefold(), []).append(row.signature_image)
    images: list[bytes | None] = []
    for signatory in letter.signatories:
        image = by_id.get(signatory.signatory_id) if signatory.signatory_id is not None else None
        if image is None:
            found = by_name.get(" ".join(signatory.name.split()).casefold(), [])
            image = found[0] if len(set(found)) == 1 else None
        images.append(image)
    return tuple(images)
