"""Signature records in the letter's history: who signed which file, when, with which certificate.

A record and the letter's move to Signed are stored in one transaction, after the signed file is on
disk: a letter is never Signed without its record, nor recorded without the file having been written.
The SHA-256 of the file as written lets `iphr-desk verify` say which stored letter a PDF is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


@dataclass(frozen=True)
class SignatureRecordInfo:
    uuid: str
    letter_id: int
    revision_uuid: str | None
    signed_at: dt.datetime
    signatory: str
    subject: str
    sha256: str
    file_name: str
    author: str


def _info(row: m.SignatureRecord) -> SignatureRecordInfo:
    return SignatureRecordInfo(
        uuid=row.uuid,
        letter_id=row.letter_id,
        revision_uuid=row.revision_uuid,
        signed_at=row.signed_at,
        signatory=row.signatory,
        subject=row.subject,
        sha256=row.sha256,
        file_name=row.file_name,
        author=row.author,
    )


def record_signature(
    store: Store,
    letter_id: int,
    *,
    signed_at: dt.datetime,
    signatory: str,
    subject: str,
    sha256: str,
    file_name: str,
    author: str,
) -> SignatureRecordInfo:
    """Record the signed file and move the letter from Approved to Signed, in one transaction.

    The record names the revision the PDF was made from (the letter's latest before the move).
    """
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.letters import change_status_in

    with store.session() as session:
        revision_uuid = session.scalar(
            select(mm.Revision.uuid)
            .where(mm.Revision.letter_id == letter_id)
            .order_by(mm.Revision.id.desc())
            .limit(1)
        )
        row = mm.SignatureRecord(
            letter_id=letter_id,
            revision_uuid=revision_uuid,
            signed_at=signed_at,
            signatory=signatory,
            subject=subject,
            sha256=sha256,
            file_name=file_name,
            author=author,
        )
        session.add(row)
        # The note puts the signature in the status history every view of the letter shows.
        note = f"signed PDF {file_name} ({signatory}; certificate: {subject}; SHA-256 {sha256})"
        change_status_in(session, letter_id, "signed", author=author, note=note)
        session.flush()
        return _info(row)


def signature_records(store: Store, letter_id: int) -> list[SignatureRecordInfo]:
    """The letter's signature records, oldest first."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    query = (
        select(mm.SignatureRecord)
        .where(mm.SignatureRecord.letter_id == letter_id)
        .order_by(mm.SignatureRecord.signed_at, mm.SignatureRecord.id)
    )
    with store.read_session() as session:
        return [_info(row) for row in session.scalars(query)]


def records_for_file(store: Store, sha256: str) -> list[SignatureRecordInfo]:
    """The records of the file with this SHA-256 (hex): which stored letter a signed PDF is."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    query = select(mm.SignatureRecord).where(mm.SignatureRecord.sha256 == sha256.lower())
    with store.read_session() as session:
        return [_info(row) for row in session.scalars(query)]
