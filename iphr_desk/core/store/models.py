"""The store's tables as SQLAlchemy 2.0 typed ORM classes.

Only the repository module and the migrations use these classes; the rest of the program sees the
plain values of `iphr_desk.core.letters.letter` and the summaries of `iphr_desk.core.store.repository`,
so a change of
table layout never ripples into the GUI. Enumerations are kept as short strings checked by the repository
(not database ENUM types) so the same schema runs on SQLite and PostgreSQL and a new value needs no
table rebuild. Every column a list filters or sorts on has an index (issue 8: windows of rows).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Constraint names are fixed so Alembic can alter them later (SQLite batch mode needs names).
NAMING_CONVENTION: Final = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out.

    SQLite has no time-zone type and hands back naive values; storing naive UTC and re-attaching the
    zone on the way out keeps comparisons and display conversions correct on both back ends.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Letterhead(Base):
    """A registered letterhead: the profile the exporter reads, with the path of its Word template."""

    __tablename__ = "letterheads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    organisation: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str | None] = mapped_column(Text)  # one line per address line
    website: Mapped[str | None] = mapped_column(String(300))
    house_style: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    template_path: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Signatory(Base):
    """A reusable signatory (a director, a partner organisation's head)."""

    __tablename__ = "signatories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    title: Mapped[str | None] = mapped_column(String(300))
    organisation: Mapped[str | None] = mapped_column(String(300))
    #: The title in other languages, {"fr": "Directrice", "ru": "Директор"}; `title` is the fallback.
    titles: Mapped[dict[str, str] | None] = mapped_column(JSON)
    #: A PNG or SVG of the handwritten signature, placed only on Signed or Sent letters (issue 15).
    signature_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    signature_mime: Mapped[str | None] = mapped_column(String(40))


class Recipient(Base):
    """A reusable addressee; picking one copies its fields into the letter (letters keep their own copy)."""

    __tablename__ = "recipients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    surname: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(16), default="unspecified")
    office: Mapped[str] = mapped_column(String(40), default="official")
    title: Mapped[str | None] = mapped_column(String(500))
    organisation: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    salutation: Mapped[str | None] = mapped_column(String(300))
    closing: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8), index=True)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_status_updated", "status", "updated_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(500), index=True)
    country: Mapped[str] = mapped_column(String(2), index=True)  # ISO 3166-1 alpha-2
    region: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    themes: Mapped[list[CaseTheme]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseTheme.position"
    )
    people: Mapped[list[Person]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Person.position"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseEvent.date"
    )


class CaseTheme(Base):
    """One theme of a case (a row each, so "cases about torture" is an indexed lookup)."""

    __tablename__ = "case_themes"
    __table_args__ = (
        UniqueConstraint("case_id", "theme", name="uq_case_themes_case_theme"),
        Index("ix_case_themes_theme_case", "theme", "case_id"),  # the letter list's theme filter
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    theme: Mapped[str] = mapped_column(String(100), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped[Case] = relationship(back_populates="themes")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(32), default="other")
    situation: Mapped[str] = mapped_column(String(16), default="other")
    at_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="people")


class CaseEvent(Base):
    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_date", "case_id", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(2000))

    case: Mapped[Case] = relationship(back_populates="events")


class Letter(Base):
    """A stored letter: the letter-file fields plus workflow state.

    `deleted_at` set means the letter is in the trash; `uuid` stays the same across exports,
    imports and machines so a letter can be recognised again.
    """

    __tablename__ = "letters"
    __table_args__ = (
        # The list always filters on deleted_at (live letters or the trash), so each sort key has an
        # index led by it: a page's ids come from an index scan, never from reading every row.
        Index("ix_letters_deleted_updated", "deleted_at", "updated_at"),
        Index("ix_letters_deleted_created", "deleted_at", "created_at"),
        Index("ix_letters_deleted_date", "deleted_at", "date"),
        Index("ix_letters_deleted_subject", "deleted_at", "subject"),
        Index("ix_letters_deleted_status", "deleted_at", "status"),
        Index("ix_letters_deleted_language", "deleted_at", "language"),
        Index("ix_letters_deleted_place", "deleted_at", "place"),
        Index("ix_letters_deleted_recipient", "deleted_at", "recipient_name"),
        Index("ix_letters_status_updated", "status", "updated_at"),
        Index("ix_letters_language_updated", "language", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    language: Mapped[str] = mapped_column(String(8))
    place: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    subject: Mapped[str] = mapped_column(String(1000), index=True)
    register: Mapped[str] = mapped_column(String(16), default="house")
    voice: Mapped[str] = mapped_column(String(8), default="we")
    cc: Mapped[list[str]] = mapped_column(JSON, default=list)
    letterhead: Mapped[str | None] = mapped_column(String(40))
    batch: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="draft", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The first recipient's name, copied here so the list sorts by it from an index (migration 0005).
    recipient_name: Mapped[str | None] = mapped_column(String(300))

    recipients: Mapped[list[LetterRecipient]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="LetterRecipient.position"
    )
    signatories: Mapped[list[LetterSignatory]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="LetterSignatory.position"
    )
    case_links: Mapped[list[LetterCase]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="LetterCase.position"
    )


class LetterRecipient(Base):
    """The letter's own copy of an addressee, in order (position 0 is the one lists show)."""

    __tablename__ = "letter_recipients"
    __table_args__ = (
        UniqueConstraint("letter_id", "position", name="uq_letter_recipients_letter_position"),
        Index("ix_letter_recipients_office_letter", "office", "letter_id"),  # the list's office filter
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    recipient_id: Mapped[int | None] = mapped_column(
        ForeignKey("recipients.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    surname: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(16), default="unspecified")
    office: Mapped[str] = mapped_column(String(40), default="official")
    title: Mapped[str | None] = mapped_column(String(500))
    organisation: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    salutation: Mapped[str | None] = mapped_column(String(300))
    closing: Mapped[str | None] = mapped_column(Text)
    #: The address block typed by hand where the declension (Russian dative) is wrong (issue 14).
    address_dative: Mapped[str | None] = mapped_column(Text)

    letter: Mapped[Letter] = relationship(back_populates="recipients")


class LetterSignatory(Base):
    __tablename__ = "letter_signatories"
    __table_args__ = (
        UniqueConstraint("letter_id", "position", name="uq_letter_signatories_letter_position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    signatory_id: Mapped[int | None] = mapped_column(
        ForeignKey("signatories.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    organisation: Mapped[str | None] = mapped_column(String(300))
    #: The title in other languages, chosen by the letter's language; `title` is the fallback.
    titles: Mapped[dict[str, str] | None] = mapped_column(JSON)

    letter: Mapped[Letter] = relationship(back_populates="signatories")


class LetterCase(Base):
    """A letter's `cases:` entry, in order.

    `reference` keeps the text the letter file gave (so a letter round-trips even when the case is not
    in this store); `case_id` links it when a case with that reference or id exists.
    """

    __tablename__ = "letter_cases"
    __table_args__ = (
        UniqueConstraint("letter_id", "position", name="uq_letter_cases_letter_position"),
        Index("ix_letter_cases_case_letter", "case_id", "letter_id"),  # country and theme filters
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)

    letter: Mapped[Letter] = relationship(back_populates="case_links")


class Revision(Base):
    """A full snapshot of a letter as letter-file text: readable and diffable without the app."""

    __tablename__ = "revisions"
    __table_args__ = (
        Index("ix_revisions_letter_created", "letter_id", "created_at"),
        Index("ix_revisions_uuid", "uuid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text)
    #: Identity across stores: exported .docx files and exchange packages name revisions by it.
    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid)
    #: The revision this one was made from (a reviewed copy's exported revision, a merge's base).
    parent_uuid: Mapped[str | None] = mapped_column(String(36))
    #: Set when a merge kept both texts of a paragraph changed on both sides (issue 15).
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    #: What made this revision beyond its reason: tracked changes with author and date, merge notes.
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Comment(Base):
    """A review comment; `parent_id` makes it a reply within a thread."""

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_letter_created", "letter_id", "created_at"),
        Index("ix_comments_uuid", "uuid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: Identity across stores (exchange packages merge comments by it).
    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid)
    #: The letter text the comment is about ("" or None: the whole letter).
    anchor: Mapped[str | None] = mapped_column(Text)
    #: Where it was written: "app", or "word" for a comment read from a reviewed .docx.
    origin: Mapped[str] = mapped_column(String(16), default="app")


class StatusChange(Base):
    """Who moved a letter from one review status to another, and when."""

    __tablename__ = "status_changes"
    __table_args__ = (
        Index("ix_status_changes_letter_changed", "letter_id", "changed_at"),
        Index("ix_status_changes_uuid", "uuid", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    author: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    #: Identity across stores (exchange packages merge the history by it).
    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid)


class SignatureRecord(Base):
    """A PDF signed with a certificate: who, when, and the SHA-256 of the file as signed (issue 15)."""

    __tablename__ = "signature_records"
    __table_args__ = (Index("ix_signature_records_letter_signed", "letter_id", "signed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    revision_uuid: Mapped[str | None] = mapped_column(String(36))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    signatory: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(1000))
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(200))
