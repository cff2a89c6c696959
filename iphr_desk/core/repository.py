"""What the CLI and the GUI do with the store: plain functions taking a `Store`, returning plain values.

Callers never see ORM objects (they would drag sessions and lazy loads into the GUI thread); they get
`iphr_desk.core.letter` values, the frozen summaries and details below, and `IphrError`s with one
plain sentence. List pages are windows of rows: one SELECT per page with the first recipient's name
joined in, and a separate COUNT, so a 100,000-letter store costs what a 100-letter page costs.

The review workflow is data (`TRANSITIONS`); letters in `READ_ONLY_STATUSES` refuse edits until reopened.
Every status change and every save point stores a revision: the whole letter as letter-file text.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid as uuid_module
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Final, cast

from iphr_desk.core import letter as lt
from iphr_desk.core.errors import BadInput, IphrError, StoreError

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session

    from iphr_desk.core import models as m
    from iphr_desk.core.store import Store

# --------------------------------------------------------------------------- vocabularies (data)

LETTER_STATUSES: Final[tuple[str, ...]] = (
    "draft",
    "in_review",
    "changes_requested",
    "approved",
    "signed",
    "sent",
)
CASE_STATUSES: Final[tuple[str, ...]] = ("open", "monitoring", "closed")
PERSON_ROLES: Final[tuple[str, ...]] = (
    "human_rights_defender",
    "journalist",
    "lawyer",
    "blogger",
    "activist",
    "relative",
    "other",
)
PERSON_SITUATIONS: Final[tuple[str, ...]] = (
    "detained",
    "charged",
    "convicted",
    "harassed",
    "released",
    "missing",
    "other",
)

# --------------------------------------------------------------------------- the review workflow (data)

#: Which status may follow which. "Reopen" (back to draft) is the only way out of a read-only status.
TRANSITIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "draft": ("in_review",),
    "in_review": ("changes_requested", "approved", "draft"),
    "changes_requested": ("in_review", "draft"),
    "approved": ("signed", "draft"),
    "signed": ("sent", "draft"),
    "sent": ("draft",),
}
#: Statuses in which a letter's content cannot be changed (reopen it first).
READ_ONLY_STATUSES: Final[frozenset[str]] = frozenset({"approved", "signed", "sent"})
STATUSES: Final = LETTER_STATUSES

LETTER_SORT_KEYS: Final[tuple[str, ...]] = (
    "updated",
    "created",
    "date",
    "subject",
    "status",
    "language",
    "recipient",
    "place",
    "id",
    "deleted",
)
CASE_SORT_KEYS: Final[tuple[str, ...]] = (
    "updated",
    "created",
    "reference",
    "title",
    "country",
    "region",
    "status",
    "id",
)


def allowed_transitions(status: str) -> tuple[str, ...]:
    """The statuses a letter in `status` may move to, in the order a menu should offer them."""
    return TRANSITIONS.get(status, ())


def is_read_only(status: str) -> bool:
    return status in READ_ONLY_STATUSES


# --------------------------------------------------------------------------- values callers receive


@dataclass(frozen=True)
class LetterFilter:
    """What a letter list shows. `text` is a full-text query (as typed; prefix search on the last word).

    `country` (ISO code) and `theme` keep letters linked to a case of that country or theme; `office`
    keeps letters of which any recipient holds that office.
    """

    status: str | None = None
    statuses: tuple[str, ...] = ()
    language: str | None = None
    case_id: int | None = None
    country: str | None = None
    theme: str | None = None
    office: str | None = None
    text: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    trashed: bool = False  # True: the trash instead of the live letters


@dataclass(frozen=True)
class LetterSummary:
    """One row of a letter list. `recipient` is the first recipient's name, "+N" added for a batch."""

    id: int
    uuid: str
    subject: str
    language: str
    date: dt.date
    place: str
    status: str
    recipient: str
    recipient_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None

    @property
    def read_only(self) -> bool:
        return self.status in READ_ONLY_STATUSES


@dataclass(frozen=True)
class LetterInfo:
    """A stored letter with its workflow state."""

    id: int
    uuid: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None
    letter: lt.Letter
    case_ids: tuple[int | None, ...] = ()

    @property
    def read_only(self) -> bool:
        return self.status in READ_ONLY_STATUSES


@dataclass(frozen=True)
class CaseFilter:
    country: str | None = None
    status: str | None = None
    theme: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class CaseData:
    """The editable fields of a case (what a form or the demo loader supplies)."""

    reference: str
    title: str
    country: str
    status: str = "open"
    region: str | None = None
    themes: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True)
class CaseSummary:
    id: int
    reference: str
    title: str
    country: str
    region: str | None
    status: str
    themes: tuple[str, ...]
    people_count: int
    at_risk_count: int
    letter_count: int
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class PersonData:
    name: str
    role: str = "other"
    situation: str = "other"
    at_risk: bool = False
    notes: str = ""


@dataclass(frozen=True)
class PersonInfo:
    id: int
    case_id: int
    name: str
    role: str
    situation: str
    at_risk: bool
    notes: str


@dataclass(frozen=True)
class EventData:
    date: dt.date
    description: str
    source_url: str | None = None


@dataclass(frozen=True)
class EventInfo:
    id: int
    case_id: int
    date: dt.date
    description: str
    source_url: str | None


@dataclass(frozen=True)
class CaseDetail:
    id: int
    reference: str
    title: str
    country: str
    region: str | None
    status: str
    themes: tuple[str, ...]
    summary: str
    created_at: dt.datetime
    updated_at: dt.datetime
    people: tuple[PersonInfo, ...] = ()
    events: tuple[EventInfo, ...] = ()
    letters: tuple[LetterSummary, ...] = ()

    @property
    def data(self) -> CaseData:
        return CaseData(
            reference=self.reference,
            title=self.title,
            country=self.country,
            status=self.status,
            region=self.region,
            themes=self.themes,
            summary=self.summary,
        )


@dataclass(frozen=True)
class RecipientRecord:
    """A reusable addressee from the address book."""

    id: int
    recipient: lt.Recipient
    language: str | None = None


@dataclass(frozen=True)
class SignatoryRecord:
    id: int
    signatory: lt.Signatory


@dataclass(frozen=True)
class LetterheadRecord:
    id: int
    name: str
    organisation: str
    address_lines: tuple[str, ...]
    website: str | None
    house_style: Mapping[str, Any] = field(default_factory=dict)
    template_path: str | None = None


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    letter_id: int
    created_at: dt.datetime
    author: str
    reason: str
    status: str


@dataclass(frozen=True)
class CommentInfo:
    id: int
    letter_id: int
    parent_id: int | None
    author: str
    created_at: dt.datetime
    text: str
    resolved: bool
    resolved_by: str | None = None
    resolved_at: dt.datetime | None = None


@dataclass(frozen=True)
class StatusChangeInfo:
    id: int
    letter_id: int
    author: str
    changed_at: dt.datetime
    from_status: str
    to_status: str
    note: str | None = None


# --------------------------------------------------------------------------- helpers


def _models() -> Any:
    """The ORM module, imported on first use: importing this module must not cost SQLAlchemy's ORM."""
    from iphr_desk.core import models

    return models


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise BadInput(message)


def _get(session: Session, model: Any, ident: int, what: str) -> Any:
    row = session.get(model, ident)
    if row is None:
        raise BadInput(f"There is no {what} with id {ident}.")
    return row


def _live_letter(session: Session, letter_id: int) -> m.Letter:
    row = _get(session, _models().Letter, letter_id, "letter")
    return cast("m.Letter", row)


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
    from iphr_desk.core.letterfile import write_letter_text

    return write_letter_text(letter)


# --------------------------------------------------------------------------- letters: rows <-> Letter


def _check_letter(letter: lt.Letter) -> None:
    _require(letter.language in lt.LANGUAGES, f"Unknown language '{letter.language}'.")
    _require(bool(letter.recipients), "A letter needs at least one recipient.")
    _require(bool(letter.signatories), "A letter needs at least one signatory.")


def _resolve_case(session: Session, reference: str) -> int | None:
    from sqlalchemy import select

    mm = _models()
    found = session.scalar(select(mm.Case.id).where(mm.Case.reference == reference))
    # An all-digit reference may be a row id; "²" is a digit to isdigit(), and SQLite ids are 64-bit.
    if found is None and reference.isascii() and reference.isdigit() and int(reference) < 2**63:
        found = session.scalar(select(mm.Case.id).where(mm.Case.id == int(reference)))
    return cast("int | None", found)


def _fill_letter_row(session: Session, row: m.Letter, letter: lt.Letter) -> None:
    mm = _models()
    row.language = letter.language
    row.place = letter.place
    row.date = letter.date
    row.subject = letter.subject
    row.register = letter.register
    row.voice = letter.voice
    row.cc = list(letter.cc)
    row.letterhead = letter.letterhead
    row.batch = letter.batch
    row.body = letter.body
    row.recipient_name = letter.recipients[0].name if letter.recipients else None  # the list's sort key
    wanted_recipients = [
        dict(
            position=i,
            name=r.name,
            surname=r.surname,
            gender=r.gender,
            office=r.office,
            title=r.title,
            organisation=r.organisation,
            address=r.address,
            salutation=r.salutation,
            closing=r.closing,
        )
        for i, r in enumerate(letter.recipients)
    ]
    current_recipients = [
        dict(
            position=r.position,
            name=r.name,
            surname=r.surname,
            gender=r.gender,
            office=r.office,
            title=r.title,
            organisation=r.organisation,
            address=r.address,
            salutation=r.salutation,
            closing=r.closing,
        )
        for r in row.recipients
    ]
    if wanted_recipients != current_recipients:  # autosave of the body alone rewrites no child rows
        row.recipients.clear()
        session.flush()
        row.recipients.extend(mm.LetterRecipient(**values) for values in wanted_recipients)
    wanted_signatories = [(s.name, s.title, s.organisation) for s in letter.signatories]
    if wanted_signatories != [(s.name, s.title, s.organisation) for s in row.signatories]:
        row.signatories.clear()
        session.flush()
        row.signatories.extend(
            mm.LetterSignatory(position=i, name=name, title=title, organisation=organisation)
            for i, (name, title, organisation) in enumerate(wanted_signatories)
        )
    if list(letter.cases) != [link.reference for link in row.case_links]:
        row.case_links.clear()
        session.flush()
        row.case_links.extend(
            mm.LetterCase(position=i, reference=ref, case_id=_resolve_case(session, ref))
            for i, ref in enumerate(letter.cases)
        )


def _letter_from_row(row: m.Letter) -> lt.Letter:
    return lt.Letter(
        language=cast("lt.Language", row.language),
        place=row.place,
        date=row.date,
        subject=row.subject,
        recipients=tuple(
            lt.Recipient(
                name=r.name,
                surname=r.surname,
                gender=cast("lt.Gender", r.gender),
                office=r.office,
                title=r.title,
                organisation=r.organisation,
                address=r.address,
                salutation=r.salutation,
                closing=r.closing,
            )
            for r in row.recipients
        ),
        signatories=tuple(
            lt.Signatory(name=s.name, title=s.title, organisation=s.organisation) for s in row.signatories
        ),
        body=row.body,
        register=cast("lt.Register", row.register),
        voice=cast("lt.Voice", row.voice),
        cc=tuple(row.cc or ()),
        cases=tuple(link.reference for link in row.case_links),
        letterhead=row.letterhead,
        batch=row.batch,
    )


def _add_revision(session: Session, row: m.Letter, letter: lt.Letter, *, author: str, reason: str) -> None:
    _add_revision_for(session, row.id, row.status, letter, author=author, reason=reason)


def _add_revision_for(
    session: Session, letter_id: int, status: str, letter: lt.Letter, *, author: str, reason: str
) -> None:
    session.add(
        _models().Revision(
            letter_id=letter_id,
            created_at=_now(),
            author=author,
            reason=reason,
            status=status,
            text=letter_text(letter),
        )
    )


def _insert_letter(
    session: Session,
    letter: lt.Letter,
    *,
    author: str,
    reason: str | None,
    status: str,
    uuid: str | None,
) -> int:
    return _insert_letters(session, [(letter, status, uuid)], author=author, reason=reason)[0]


def _insert_letters(
    session: Session, items: Sequence[tuple[lt.Letter, str, str | None]], *, author: str, reason: str | None
) -> list[int]:
    """Insert letters with their child rows and first revision: one multi-row INSERT per table.

    Imports store a thousand letters at a time; going through ORM objects and the unit of work cost
    about 2 ms a letter, most of it bookkeeping for rows nobody reads back. The full-text index takes
    the new letters at the end of the transaction (`search.index_pending`).
    """
    from sqlalchemy import insert

    if not items:
        return []
    mm = _models()
    for letter, status, _uuid in items:
        _check_letter(letter)
        _require(status in LETTER_STATUSES, f"Unknown letter status '{status}'.")
    now = _now()
    letter_rows = [
        {
            **_letter_scalars(letter),
            "uuid": uuid or str(uuid_module.uuid4()),
            "status": status,
            "created_at": now,
            "updated_at": now,
            "recipient_name": letter.recipients[0].name,  # the list's sort key
        }
        for letter, status, uuid in items
    ]
    ids = list(
        session.scalars(insert(mm.Letter).returning(mm.Letter.id, sort_by_parameter_order=True), letter_rows)
    )
    letters = [letter for letter, _status, _uuid in items]
    recipients = [
        {"letter_id": ident, "position": i, **{c: getattr(r, c) for c in _RECIPIENT_COLUMNS}}
        for ident, letter in zip(ids, letters, strict=True)
        for i, r in enumerate(letter.recipients)
    ]
    signatories = [
        {"letter_id": ident, "position": i, "name": s.name, "title": s.title, "organisation": s.organisation}
        for ident, letter in zip(ids, letters, strict=True)
        for i, s in enumerate(letter.signatories)
    ]
    case_ids: dict[str, int | None] = {}
    cases = [
        {
            "letter_id": ident,
            "position": i,
            "reference": ref,
            "case_id": _resolve_case_cached(session, ref, case_ids),
        }
        for ident, letter in zip(ids, letters, strict=True)
        for i, ref in enumerate(letter.cases)
    ]
    for model, rows in (
        (mm.LetterRecipient, recipients),
        (mm.LetterSignatory, signatories),
        (mm.LetterCase, cases),
    ):
        if rows:
            session.execute(insert(model), rows)
    if reason:
        revisions = [
            {"letter_id": ident, "created_at": now, "author": author, "reason": reason, "status": status,
             "text": letter_text(letter)}
            for ident, (letter, status, _uuid) in zip(ids, items, strict=True)
        ]  # fmt: skip
        session.execute(insert(mm.Revision), revisions)
    return ids


def _resolve_case_cached(session: Session, reference: str, known: dict[str, int | None]) -> int | None:
    if reference not in known:
        known[reference] = _resolve_case(session, reference)
    return known[reference]


# --------------------------------------------------------------------------- letters: public API


def add_letter(
    store: Store,
    letter: lt.Letter,
    *,
    author: str,
    reason: str = "created",
    status: str = "draft",
    uuid: str | None = None,
) -> int:
    """Store a new letter (with a first revision) and return its id."""
    with store.session() as session:
        return _insert_letter(session, letter, author=author, reason=reason, status=status, uuid=uuid)


def add_letters(
    store: Store, letters: Iterable[lt.Letter], *, author: str, reason: str | None = "created"
) -> list[int]:
    """Store many letters in one transaction (imports, the demo, the benchmark corpus): all or none."""
    with store.session() as session:
        return _insert_letters(
            session, [(letter, "draft", None) for letter in letters], author=author, reason=reason
        )


def get_letter(store: Store, letter_id: int) -> lt.Letter:
    """The stored letter as a `Letter` (trashed letters too: they can still be read and exported)."""
    return get_letter_info(store, letter_id).letter


def get_letter_info(store: Store, letter_id: int) -> LetterInfo:
    with store.read_session() as session:
        row = _live_letter(session, letter_id)
        return LetterInfo(
            id=row.id,
            uuid=row.uuid,
            status=row.status,
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted_at=row.deleted_at,
            letter=_letter_from_row(row),
            case_ids=tuple(link.case_id for link in row.case_links),
        )


def find_letter_by_uuid(store: Store, uuid: str) -> int | None:
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return cast("int | None", session.scalar(select(mm.Letter.id).where(mm.Letter.uuid == uuid)))


def save_letter(
    store: Store,
    letter_id: int,
    letter: lt.Letter,
    *,
    author: str,
    revision_reason: str | None = None,
) -> None:
    """Update a letter in place (autosave); with `revision_reason`, also keep a revision (a save point).

    Refuses (IphrError) when the letter is approved, signed or sent, or in the trash. A save that changes
    nothing writes nothing (the list order, by last change, stays put).
    """
    _check_letter(letter)
    with store.session(defer_index=not revision_reason) as session:  # autosave: index at the next save point
        status = _save_in_place(session, letter_id, letter)
        if status is None:  # recipients, signatories or cases changed: the ORM rewrites the child rows
            row = _live_letter(session, letter_id)
            _fill_letter_row(session, row, letter)
            row.updated_at = _now()
            session.flush()
            status = row.status
        if revision_reason:
            _add_revision_for(session, letter_id, status, letter, author=author, reason=revision_reason)


def _letter_scalars(letter: lt.Letter) -> dict[str, Any]:
    return {
        "language": letter.language,
        "place": letter.place,
        "date": letter.date,
        "subject": letter.subject,
        "register": letter.register,
        "voice": letter.voice,
        "cc": list(letter.cc),
        "letterhead": letter.letterhead,
        "batch": letter.batch,
        "body": letter.body,
    }


_RECIPIENT_COLUMNS: Final = ("name", "surname", "gender", "office", "title", "organisation", "address",
                             "salutation", "closing")  # fmt: skip


def _json_rows(table: str, columns: Sequence[str]) -> str:
    """A letter's child rows as one JSON array of arrays, in their order: one value for the autosave read."""
    listed = ", ".join(columns)
    return (
        f"(SELECT coalesce(json_group_array(json_array({listed})), '[]') FROM "
        f"(SELECT {listed} FROM {table} WHERE {table}.letter_id = letters.id ORDER BY {table}.position))"
    )


@functools.cache
def _autosave_statements() -> tuple[Any, Any]:
    """The autosave's read and write, built once.

    Building SQLAlchemy expressions costs more than running them (about 1 ms a save); built once, their
    compiled forms come from SQLAlchemy's cache. The read takes the letter's own columns and its
    recipients, signatories and cases in one statement; the write sets the columns given at execution.
    """
    from sqlalchemy import bindparam, literal_column, select, update

    mm = _models()
    children = (
        _json_rows("letter_recipients", _RECIPIENT_COLUMNS),
        _json_rows("letter_signatories", ("name", "title", "organisation")),
        _json_rows("letter_cases", ("reference",)),
    )
    read = select(
        mm.Letter.status,
        mm.Letter.deleted_at,
        *(getattr(mm.Letter, name) for name in _LETTER_SCALARS),
        *(literal_column(sql) for sql in children),
    ).where(mm.Letter.id == bindparam("letter_id"))
    write = update(mm.Letter).where(mm.Letter.id == bindparam("letter_id"))
    return read, write


_LETTER_SCALARS: Final = ("language", "place", "date", "subject", "register", "voice", "cc", "letterhead",
                          "batch", "body")  # fmt: skip


def _save_in_place(session: Session, letter_id: int, letter: lt.Letter) -> str | None:
    """The autosave path: when only the letter's own fields changed, one UPDATE of the changed columns.

    Autosave runs every few seconds while someone types, so it stays close to the cost of the UPDATE
    itself: one read, one write, no ORM objects. Returns the letter's status, or None when child rows
    differ and the caller must take the ORM path.
    """
    import json

    read, write = _autosave_statements()
    conn = session.connection()
    current = conn.execute(read, {"letter_id": letter_id}).first()
    if current is None:
        raise BadInput(f"There is no letter with id {letter_id}.")
    status, deleted_at = current[0], current[1]
    _refuse_read_only_state(letter_id, status, deleted_at)
    count = len(_LETTER_SCALARS)
    stored_scalars = current[2 : 2 + count]
    recipients, signatories, cases = (json.loads(value) for value in current[2 + count :])
    if (
        [tuple(r) for r in recipients]
        != [tuple(getattr(r, c) for c in _RECIPIENT_COLUMNS) for r in letter.recipients]
        or [tuple(s) for s in signatories] != [(s.name, s.title, s.organisation) for s in letter.signatories]
        or [c[0] for c in cases] != list(letter.cases)
    ):
        return None
    scalars = _letter_scalars(letter)
    changed = {
        name: scalars[name]
        for name, old in zip(_LETTER_SCALARS, stored_scalars, strict=True)
        if scalars[name] != old
    }
    if changed:
        conn.execute(write, {"letter_id": letter_id, **changed, "updated_at": _now()})
    return str(status)


def change_status(
    store: Store, letter_id: int, new_status: str, *, author: str, note: str | None = None
) -> None:
    """Move a letter along the review workflow, recording who and when, with a revision snapshot."""
    _require(new_status in LETTER_STATUSES, f"Unknown letter status '{new_status}'.")
    with store.session() as session:
        row = _live_letter(session, letter_id)
        if row.deleted_at is not None:
            raise IphrError(f"Letter {letter_id} is in the trash; restore it before changing its status.")
        old = row.status
        if new_status not in allowed_transitions(old):
            allowed = ", ".join(allowed_transitions(old)) or "none"
            raise IphrError(
                f"A letter cannot go from {old.replace('_', ' ')} to {new_status.replace('_', ' ')} "
                f"(allowed: {allowed})."
            )
        now = _now()
        row.status = new_status
        row.updated_at = now
        session.add(
            _models().StatusChange(
                letter_id=row.id,
                author=author,
                changed_at=now,
                from_status=old,
                to_status=new_status,
                note=note,
            )
        )
        session.flush()
        _add_revision(
            session, row, _letter_from_row(row), author=author, reason=f"status: {old} → {new_status}"
        )


def status_history(store: Store, letter_id: int) -> list[StatusChangeInfo]:
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        rows = session.scalars(
            select(mm.StatusChange)
            .where(mm.StatusChange.letter_id == letter_id)
            .order_by(mm.StatusChange.changed_at, mm.StatusChange.id)
        )
        return [
            StatusChangeInfo(
                id=r.id,
                letter_id=r.letter_id,
                author=r.author,
                changed_at=r.changed_at,
                from_status=r.from_status,
                to_status=r.to_status,
                note=r.note,
            )
            for r in rows
        ]


# --------------------------------------------------------------------------- trash


def trash_letter(store: Store, letter_id: int, *, author: str = "") -> None:
    """Move a letter to the trash (it keeps its revisions and can be restored until the trash is emptied)."""
    with store.session() as session:
        row = _live_letter(session, letter_id)
        if row.deleted_at is None:
            row.deleted_at = _now()


def restore_from_trash(store: Store, letter_id: int) -> None:
    with store.session() as session:
        row = _live_letter(session, letter_id)
        row.deleted_at = None
        row.updated_at = _now()


def empty_trash(store: Store) -> int:
    """Delete the trashed letters for good (revisions and comments with them); returns how many."""
    from sqlalchemy import delete

    mm = _models()
    with store.session() as session:
        result = session.execute(delete(mm.Letter).where(mm.Letter.deleted_at.is_not(None)))
        return int(getattr(result, "rowcount", 0) or 0)


# --------------------------------------------------------------------------- letter lists (windows of rows)


def _letter_filter_clauses(filters: LetterFilter) -> list[Any]:
    from sqlalchemy import select

    from iphr_desk.core import search

    mm = _models()
    clauses: list[Any] = [
        mm.Letter.deleted_at.is_not(None) if filters.trashed else mm.Letter.deleted_at.is_(None)
    ]
    if filters.status:
        clauses.append(mm.Letter.status == filters.status)
    if filters.statuses:
        clauses.append(mm.Letter.status.in_(filters.statuses))
    if filters.language:
        clauses.append(mm.Letter.language == filters.language)
    if filters.date_from:
        clauses.append(mm.Letter.date >= filters.date_from)
    if filters.date_to:
        clauses.append(mm.Letter.date <= filters.date_to)
    if filters.case_id is not None:
        clauses.append(
            mm.Letter.id.in_(select(mm.LetterCase.letter_id).where(mm.LetterCase.case_id == filters.case_id))
        )
    clauses += _letter_link_clauses(filters)
    if filters.text and filters.text.strip():
        clauses.append(search.letter_match_clause(filters.text))
    return clauses


def _search_catch_up(store: Store, filters: LetterFilter) -> None:
    """A text filter reads the full-text index: first index what autosave left pending."""
    if filters.text and filters.text.strip():
        from iphr_desk.core import search

        search.catch_up(store)


def _letter_link_clauses(filters: LetterFilter) -> list[Any]:
    """Country, theme and office as `id IN (subquery)`: each set comes from a covering index (0005).

    A correlated EXISTS would be probed once per letter: quick for the first page, but the count that
    every filter change needs then took 0.2–0.4 s at 100,000 letters; the id sets take 25–45 ms.
    """
    from sqlalchemy import select

    mm = _models()
    linked = select(mm.LetterCase.letter_id)
    clauses: list[Any] = []
    if filters.country:
        in_country = select(mm.Case.id).where(mm.Case.country == filters.country)
        clauses.append(mm.Letter.id.in_(linked.where(mm.LetterCase.case_id.in_(in_country))))
    if filters.theme:
        with_theme = select(mm.CaseTheme.case_id).where(mm.CaseTheme.theme == filters.theme)
        clauses.append(mm.Letter.id.in_(linked.where(mm.LetterCase.case_id.in_(with_theme))))
    if filters.office:
        to_office = select(mm.LetterRecipient.letter_id).where(mm.LetterRecipient.office == filters.office)
        clauses.append(mm.Letter.id.in_(to_office))
    return clauses


def _letter_sort_column(sort: str | None) -> Any:
    mm = _models()
    columns = {
        "updated": mm.Letter.updated_at,
        "updated_at": mm.Letter.updated_at,
        "created": mm.Letter.created_at,
        "created_at": mm.Letter.created_at,
        "date": mm.Letter.date,
        "subject": mm.Letter.subject,
        "status": mm.Letter.status,
        "language": mm.Letter.language,
        "recipient": mm.Letter.recipient_name,
        "place": mm.Letter.place,
        "id": mm.Letter.id,
        "deleted": mm.Letter.deleted_at,
        "deleted_at": mm.Letter.deleted_at,
    }
    key = sort or "updated"
    if key not in columns:
        raise BadInput(f"Letters cannot be sorted by '{key}' (use one of: {', '.join(LETTER_SORT_KEYS)}).")
    return columns[key]


def _ordered(query: Select[Any], order: Any, ident: Any, descending: bool) -> Select[Any]:
    if descending:
        return query.order_by(order.desc(), ident.desc())
    return query.order_by(order.asc(), ident.asc())


def _letter_page_query(
    filters: LetterFilter, sort: str | None, descending: bool, offset: int, limit: int | None
) -> Select[Any]:
    """One statement in two steps: pick the page's ids on narrow columns, then read those rows only.

    Sorting on the full rows would read every letter (its row holds the body) to order them; the inner
    query orders ids with the help of the indexes, and only the page's rows are read in full.
    """
    from sqlalchemy import and_, func, select

    mm = _models()
    first = mm.LetterRecipient
    order = _letter_sort_column(sort)
    on_first = and_(first.letter_id == mm.Letter.id, first.position == 0)
    ids = select(mm.Letter.id).where(*_letter_filter_clauses(filters))
    ids = _ordered(ids, order, mm.Letter.id, descending).offset(max(0, offset))
    if limit is not None:
        ids = ids.limit(max(0, limit))
    page = ids.subquery("page")
    recipient_count = (
        select(func.count(mm.LetterRecipient.id))
        .where(mm.LetterRecipient.letter_id == mm.Letter.id)
        .correlate(mm.Letter)
        .scalar_subquery()
    )
    query = (
        select(
            mm.Letter.id,
            mm.Letter.uuid,
            mm.Letter.subject,
            mm.Letter.language,
            mm.Letter.date,
            mm.Letter.place,
            mm.Letter.status,
            first.name,
            recipient_count,
            mm.Letter.created_at,
            mm.Letter.updated_at,
            mm.Letter.deleted_at,
        )
        .join(page, page.c.id == mm.Letter.id)
        .outerjoin(first, on_first)
    )
    return _ordered(query, order, mm.Letter.id, descending)


def letter_summaries(
    store: Store,
    *,
    offset: int = 0,
    limit: int | None = None,
    filters: LetterFilter | None = None,
    sort: str | None = "updated",
    descending: bool = True,
) -> list[LetterSummary]:
    """One page of the letter list in a single query (no per-row queries). `limit=None`: every row."""
    filters = filters or LetterFilter()
    _search_catch_up(store, filters)
    query = _letter_page_query(filters, sort, descending, offset, limit)
    with store.read_session() as session:
        return [
            LetterSummary(
                id=row[0],
                uuid=row[1],
                subject=row[2],
                language=row[3],
                date=row[4],
                place=row[5],
                status=row[6],
                recipient=(row[7] or "") + (f" +{row[8] - 1}" if row[8] > 1 else ""),
                recipient_count=row[8],
                created_at=row[9],
                updated_at=row[10],
                deleted_at=row[11],
            )
            for row in session.execute(query)
        ]


def count_letters(store: Store, filters: LetterFilter | None = None) -> int:
    from sqlalchemy import func, select

    mm = _models()
    filters = filters or LetterFilter()
    _search_catch_up(store, filters)
    query = select(func.count(mm.Letter.id)).where(*_letter_filter_clauses(filters))
    with store.read_session() as session:
        return int(session.scalar(query) or 0)


# --------------------------------------------------------------------------- revisions


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

    mm = _models()
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
    with store.read_session() as session:
        return cast("str", _get(session, _models().Revision, revision_id, "revision").text)


def restore_revision(store: Store, letter_id: int, revision_id: int, *, author: str) -> lt.Letter:
    """Make a revision the letter's current content; the restore is itself a new revision."""
    from iphr_desk.core.letterfile import parse_letter_text

    with store.session() as session:
        revision = _get(session, _models().Revision, revision_id, "revision")
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


# --------------------------------------------------------------------------- comments


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
    _require(bool(text.strip()), "A comment cannot be empty.")
    with store.session() as session:
        _live_letter(session, letter_id)
        row = _models().Comment(letter_id=letter_id, author=author, text=text, created_at=_now())
        session.add(row)
        session.flush()
        return cast("int", row.id)


def reply(store: Store, comment_id: int, text: str, *, author: str) -> int:
    """A reply in the thread of `comment_id` (replies to a reply join the same thread)."""
    _require(bool(text.strip()), "A reply cannot be empty.")
    with store.session() as session:
        parent = _get(session, _models().Comment, comment_id, "comment")
        root_id = parent.parent_id or parent.id
        row = _models().Comment(
            letter_id=parent.letter_id, parent_id=root_id, author=author, text=text, created_at=_now()
        )
        session.add(row)
        session.flush()
        return cast("int", row.id)


def resolve_comment(store: Store, comment_id: int, *, author: str, resolved: bool = True) -> None:
    """Mark a thread resolved (or open again with `resolved=False`)."""
    with store.session() as session:
        row = _get(session, _models().Comment, comment_id, "comment")
        row.resolved = resolved
        row.resolved_by = author if resolved else None
        row.resolved_at = _now() if resolved else None


def list_comments(store: Store, letter_id: int, *, include_resolved: bool = True) -> list[CommentInfo]:
    """Comments oldest first; replies carry `parent_id` (the thread's first comment)."""
    from sqlalchemy import select

    mm = _models()
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


# --------------------------------------------------------------------------- cases


def _check_case(data: CaseData) -> None:
    _require(bool(data.reference.strip()), "A case needs a reference code.")
    _require(bool(data.title.strip()), "A case needs a title.")
    _require(
        len(data.country) == 2 and data.country.isalpha() and data.country.isupper(),
        f"'{data.country}' is not an ISO 3166 country code (two capital letters such as KZ).",
    )
    _require(data.status in CASE_STATUSES, f"Unknown case status '{data.status}'.")


def _fill_case_row(session: Session, row: m.Case, data: CaseData) -> None:
    from sqlalchemy import select

    mm = _models()
    with session.no_autoflush:
        clash = session.scalar(select(mm.Case.id).where(mm.Case.reference == data.reference.strip()))
    if clash is not None and clash != row.id:
        raise BadInput(f"There is already a case with the reference {data.reference}.")
    row.reference = data.reference.strip()
    row.title = data.title.strip()
    row.country = data.country
    row.region = data.region
    row.status = data.status
    row.summary = data.summary
    themes = list(dict.fromkeys(t.strip() for t in data.themes if t.strip()))
    if themes != [t.theme for t in row.themes]:
        row.themes.clear()
        session.flush()
        row.themes.extend(mm.CaseTheme(theme=t, position=i) for i, t in enumerate(themes))


def _relink_dangling_references(session: Session, case: m.Case) -> None:
    """Letters that named this case before it existed get linked now."""
    from sqlalchemy import or_, update

    mm = _models()
    session.execute(
        update(mm.LetterCase)
        .where(mm.LetterCase.case_id.is_(None))
        .where(or_(mm.LetterCase.reference == case.reference, mm.LetterCase.reference == str(case.id)))
        .values(case_id=case.id)
    )


def add_case(store: Store, data: CaseData) -> int:
    _check_case(data)
    with store.session() as session:
        now = _now()
        row = _models().Case(created_at=now, updated_at=now)
        _fill_case_row(session, row, data)
        session.add(row)
        session.flush()
        _relink_dangling_references(session, row)
        return cast("int", row.id)


def update_case(store: Store, case_id: int, data: CaseData) -> None:
    _check_case(data)
    with store.session() as session:
        row = _get(session, _models().Case, case_id, "case")
        _fill_case_row(session, row, data)
        row.updated_at = _now()
        session.flush()
        _relink_dangling_references(session, row)


def delete_case(store: Store, case_id: int) -> None:
    """Delete a case with its people and events; letters keep their `cases:` text, unlinked."""
    with store.session() as session:
        session.delete(_get(session, _models().Case, case_id, "case"))


def find_case(store: Store, reference: str) -> int | None:
    """The id of the case with this reference code, if any."""
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return cast("int | None", session.scalar(select(mm.Case.id).where(mm.Case.reference == reference)))


def _case_filter_clauses(filters: CaseFilter) -> list[Any]:
    from sqlalchemy import select

    from iphr_desk.core import search

    mm = _models()
    clauses: list[Any] = []
    if filters.country:
        clauses.append(mm.Case.country == filters.country)
    if filters.status:
        clauses.append(mm.Case.status == filters.status)
    if filters.theme:
        clauses.append(
            mm.Case.id.in_(select(mm.CaseTheme.case_id).where(mm.CaseTheme.theme == filters.theme))
        )
    if filters.text and filters.text.strip():
        clauses.append(search.case_match_clause(filters.text))
    return clauses


def _case_sort_column(sort: str | None) -> Any:
    mm = _models()
    columns = {
        "updated": mm.Case.updated_at,
        "updated_at": mm.Case.updated_at,
        "created": mm.Case.created_at,
        "created_at": mm.Case.created_at,
        "reference": mm.Case.reference,
        "title": mm.Case.title,
        "country": mm.Case.country,
        "region": mm.Case.region,
        "status": mm.Case.status,
        "id": mm.Case.id,
    }
    key = sort or "updated"
    if key not in columns:
        raise BadInput(f"Cases cannot be sorted by '{key}' (use one of: {', '.join(CASE_SORT_KEYS)}).")
    return columns[key]


_THEME_SEPARATOR: Final = "\x1f"


def case_summaries(
    store: Store,
    *,
    offset: int = 0,
    limit: int | None = None,
    filters: CaseFilter | None = None,
    sort: str | None = "reference",
    descending: bool = False,
) -> list[CaseSummary]:
    """One page of the case list in a single query (themes and counts as correlated subqueries)."""
    from sqlalchemy import func, select

    mm = _models()
    themes = (
        select(func.aggregate_strings(mm.CaseTheme.theme, _THEME_SEPARATOR))
        .where(mm.CaseTheme.case_id == mm.Case.id)
        .correlate(mm.Case)
        .scalar_subquery()
    )
    people = (
        select(func.count(mm.Person.id))
        .where(mm.Person.case_id == mm.Case.id)
        .correlate(mm.Case)
        .scalar_subquery()
    )
    at_risk = (
        select(func.count(mm.Person.id))
        .where(mm.Person.case_id == mm.Case.id, mm.Person.at_risk.is_(True))
        .correlate(mm.Case)
        .scalar_subquery()
    )
    letters = (
        select(func.count(func.distinct(mm.LetterCase.letter_id)))
        .join(mm.Letter, mm.Letter.id == mm.LetterCase.letter_id)
        .where(mm.LetterCase.case_id == mm.Case.id, mm.Letter.deleted_at.is_(None))
        .correlate(mm.Case)
        .scalar_subquery()
    )
    order = _case_sort_column(sort)
    query = (
        select(
            mm.Case.id,
            mm.Case.reference,
            mm.Case.title,
            mm.Case.country,
            mm.Case.region,
            mm.Case.status,
            themes,
            people,
            at_risk,
            letters,
            mm.Case.created_at,
            mm.Case.updated_at,
        )
        .where(*_case_filter_clauses(filters or CaseFilter()))
        .order_by(
            order.desc() if descending else order.asc(), mm.Case.id.desc() if descending else mm.Case.id
        )
        .offset(max(0, offset))
    )
    if limit is not None:
        query = query.limit(max(0, limit))
    with store.read_session() as session:
        return [
            CaseSummary(
                id=row[0],
                reference=row[1],
                title=row[2],
                country=row[3],
                region=row[4],
                status=row[5],
                themes=tuple(sorted(row[6].split(_THEME_SEPARATOR))) if row[6] else (),
                people_count=row[7],
                at_risk_count=row[8],
                letter_count=row[9],
                created_at=row[10],
                updated_at=row[11],
            )
            for row in session.execute(query)
        ]


def count_cases(store: Store, filters: CaseFilter | None = None) -> int:
    from sqlalchemy import func, select

    mm = _models()
    query = select(func.count(mm.Case.id)).where(*_case_filter_clauses(filters or CaseFilter()))
    with store.read_session() as session:
        return int(session.scalar(query) or 0)


def list_themes(store: Store) -> list[str]:
    """Every theme in use, for a filter menu."""
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return list(session.scalars(select(mm.CaseTheme.theme).distinct().order_by(mm.CaseTheme.theme)))


def list_countries(store: Store) -> list[str]:
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return list(session.scalars(select(mm.Case.country).distinct().order_by(mm.Case.country)))


def _person_info(p: m.Person) -> PersonInfo:
    return PersonInfo(
        id=p.id,
        case_id=p.case_id,
        name=p.name,
        role=p.role,
        situation=p.situation,
        at_risk=p.at_risk,
        notes=p.notes,
    )


def _event_info(e: m.CaseEvent) -> EventInfo:
    return EventInfo(
        id=e.id, case_id=e.case_id, date=e.date, description=e.description, source_url=e.source_url
    )


def get_case_detail(store: Store, case_id: int) -> CaseDetail:
    """A case with its people, events (by date) and linked letters (live ones, newest first)."""

    mm = _models()
    with store.read_session() as session:
        row = _get(session, mm.Case, case_id, "case")
        detail = CaseDetail(
            id=row.id,
            reference=row.reference,
            title=row.title,
            country=row.country,
            region=row.region,
            status=row.status,
            themes=tuple(t.theme for t in row.themes),
            summary=row.summary,
            created_at=row.created_at,
            updated_at=row.updated_at,
            people=tuple(_person_info(p) for p in row.people),
            events=tuple(_event_info(e) for e in row.events),
        )
    letters = letter_summaries(store, filters=LetterFilter(case_id=case_id), sort="date", descending=True)
    return replace(detail, letters=tuple(letters))


def _check_person(data: PersonData) -> None:
    _require(bool(data.name.strip()), "A person needs a name.")
    _require(
        data.role in PERSON_ROLES, f"Unknown role '{data.role}' (use one of: {', '.join(PERSON_ROLES)})."
    )
    _require(
        data.situation in PERSON_SITUATIONS,
        f"Unknown situation '{data.situation}' (use one of: {', '.join(PERSON_SITUATIONS)}).",
    )


def add_person(store: Store, case_id: int, data: PersonData) -> int:
    from sqlalchemy import func, select

    _check_person(data)
    mm = _models()
    with store.session() as session:
        case = _get(session, mm.Case, case_id, "case")
        position = session.scalar(
            select(func.coalesce(func.max(mm.Person.position) + 1, 0)).where(mm.Person.case_id == case_id)
        )
        row = mm.Person(case_id=case_id, position=position or 0, **data.__dict__)
        session.add(row)
        case.updated_at = _now()
        session.flush()
        return cast("int", row.id)


def update_person(store: Store, person_id: int, data: PersonData) -> None:
    _check_person(data)
    with store.session() as session:
        row = _get(session, _models().Person, person_id, "person")
        for key, value in data.__dict__.items():
            setattr(row, key, value)
        row.case.updated_at = _now()


def delete_person(store: Store, person_id: int) -> None:
    with store.session() as session:
        row = _get(session, _models().Person, person_id, "person")
        row.case.updated_at = _now()
        session.delete(row)


def add_event(store: Store, case_id: int, data: EventData) -> int:
    _require(bool(data.description.strip()), "An event needs a description.")
    mm = _models()
    with store.session() as session:
        case = _get(session, mm.Case, case_id, "case")
        row = mm.CaseEvent(case_id=case_id, **data.__dict__)
        session.add(row)
        case.updated_at = _now()
        session.flush()
        return cast("int", row.id)


def update_event(store: Store, event_id: int, data: EventData) -> None:
    _require(bool(data.description.strip()), "An event needs a description.")
    with store.session() as session:
        row = _get(session, _models().CaseEvent, event_id, "event")
        for key, value in data.__dict__.items():
            setattr(row, key, value)
        row.case.updated_at = _now()


def delete_event(store: Store, event_id: int) -> None:
    with store.session() as session:
        row = _get(session, _models().CaseEvent, event_id, "event")
        row.case.updated_at = _now()
        session.delete(row)


def link_letter_case(store: Store, letter_id: int, case_id: int) -> None:
    """Add the case to the letter's `cases:` (by its reference code); linking twice changes nothing."""
    mm = _models()
    with store.session() as session:
        row = _live_letter(session, letter_id)
        case = _get(session, mm.Case, case_id, "case")
        if any(link.case_id == case_id for link in row.case_links):
            return
        position = max((link.position for link in row.case_links), default=-1) + 1
        row.case_links.append(mm.LetterCase(position=position, reference=case.reference, case_id=case_id))
        row.updated_at = _now()


def unlink_letter_case(store: Store, letter_id: int, case_id: int) -> None:
    with store.session() as session:
        row = _live_letter(session, letter_id)
        kept = [link for link in row.case_links if link.case_id != case_id]
        if len(kept) == len(row.case_links):
            return
        references = [link.reference for link in kept]
        row.case_links.clear()
        session.flush()
        mm = _models()
        row.case_links.extend(
            mm.LetterCase(position=i, reference=ref, case_id=_resolve_case(session, ref))
            for i, ref in enumerate(references)
        )
        row.updated_at = _now()


# --------------------------------------------------------------------------- address book


def _recipient_values(recipient: lt.Recipient) -> dict[str, Any]:
    _require(bool(recipient.name.strip()), "A recipient needs a name.")
    _require(recipient.gender in lt.GENDERS, f"Unknown gender '{recipient.gender}'.")
    _require(recipient.office in lt.OFFICE_IDS, f"Unknown office '{recipient.office}'.")
    return dict(recipient.__dict__)


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
    values = _recipient_values(recipient)
    with store.session() as session:
        row = _models().Recipient(**values, language=language)
        session.add(row)
        session.flush()
        return cast("int", row.id)


def update_recipient(
    store: Store, recipient_id: int, recipient: lt.Recipient, *, language: str | None = None
) -> None:
    values = _recipient_values(recipient)
    with store.session() as session:
        row = _get(session, _models().Recipient, recipient_id, "recipient")
        for key, value in {**values, "language": language}.items():
            setattr(row, key, value)


def delete_recipient(store: Store, recipient_id: int) -> None:
    """Remove an address-book entry; letters keep their own copy of the addressee."""
    with store.session() as session:
        session.delete(_get(session, _models().Recipient, recipient_id, "recipient"))


def get_recipient(store: Store, recipient_id: int) -> RecipientRecord:
    with store.read_session() as session:
        return _recipient_record(_get(session, _models().Recipient, recipient_id, "recipient"))


def list_recipients(store: Store, *, language: str | None = None) -> list[RecipientRecord]:
    from sqlalchemy import select

    mm = _models()
    query = select(mm.Recipient).order_by(mm.Recipient.name, mm.Recipient.id)
    if language:
        query = query.where(mm.Recipient.language == language)
    with store.read_session() as session:
        return [_recipient_record(row) for row in session.scalars(query)]


def add_signatory(store: Store, signatory: lt.Signatory) -> int:
    _require(bool(signatory.name.strip()), "A signatory needs a name.")
    with store.session() as session:
        row = _models().Signatory(**signatory.__dict__)
        session.add(row)
        session.flush()
        return cast("int", row.id)


def update_signatory(store: Store, signatory_id: int, signatory: lt.Signatory) -> None:
    _require(bool(signatory.name.strip()), "A signatory needs a name.")
    with store.session() as session:
        row = _get(session, _models().Signatory, signatory_id, "signatory")
        for key, value in signatory.__dict__.items():
            setattr(row, key, value)


def delete_signatory(store: Store, signatory_id: int) -> None:
    with store.session() as session:
        session.delete(_get(session, _models().Signatory, signatory_id, "signatory"))


def list_signatories(store: Store) -> list[SignatoryRecord]:
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return [
            SignatoryRecord(
                row.id, lt.Signatory(name=row.name, title=row.title, organisation=row.organisation)
            )
            for row in session.scalars(select(mm.Signatory).order_by(mm.Signatory.name, mm.Signatory.id))
        ]


# --------------------------------------------------------------------------- letterheads


def _letterhead_record(row: m.Letterhead) -> LetterheadRecord:
    return LetterheadRecord(
        id=row.id,
        name=row.name,
        organisation=row.organisation,
        address_lines=tuple(line for line in (row.address or "").splitlines() if line.strip()),
        website=row.website,
        house_style=dict(row.house_style or {}),
        template_path=row.template_path,
    )


def add_letterhead_record(
    store: Store,
    name: str,
    *,
    organisation: str = "",
    address_lines: Sequence[str] = (),
    website: str | None = None,
    house_style: Mapping[str, Any] | None = None,
    template_path: str | None = None,
) -> int:
    """Record a letterhead (its files live in the data folder; see `letterhead.register_letterhead`).

    Registering a name again updates the record, so re-registering a letterhead is idempotent.
    """
    from sqlalchemy import select

    _require(bool(name.strip()), "A letterhead needs a name.")
    mm = _models()
    with store.session() as session:
        row = session.scalar(select(mm.Letterhead).where(mm.Letterhead.name == name))
        if row is None:
            row = mm.Letterhead(name=name, created_at=_now())
            session.add(row)
        row.organisation = organisation
        row.address = "\n".join(address_lines)
        row.website = website
        row.house_style = dict(house_style or {})
        row.template_path = template_path
        session.flush()
        return cast("int", row.id)


def list_letterheads(store: Store) -> list[LetterheadRecord]:
    from sqlalchemy import select

    mm = _models()
    with store.read_session() as session:
        return [
            _letterhead_record(row)
            for row in session.scalars(select(mm.Letterhead).order_by(mm.Letterhead.name))
        ]


def delete_letterhead_record(store: Store, name: str) -> None:
    from sqlalchemy import delete

    mm = _models()
    with store.session() as session:
        session.execute(delete(mm.Letterhead).where(mm.Letterhead.name == name))


__all__ = [
    "CASE_SORT_KEYS",
    "LETTER_SORT_KEYS",
    "READ_ONLY_STATUSES",
    "STATUSES",
    "TRANSITIONS",
    "CaseData",
    "CaseDetail",
    "CaseFilter",
    "CaseSummary",
    "CommentInfo",
    "EventData",
    "EventInfo",
    "LetterFilter",
    "LetterInfo",
    "LetterSummary",
    "LetterheadRecord",
    "PersonData",
    "PersonInfo",
    "RecipientRecord",
    "RevisionInfo",
    "SignatoryRecord",
    "StatusChangeInfo",
    "StoreError",
]
