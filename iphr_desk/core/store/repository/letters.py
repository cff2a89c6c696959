"""Letters: rows <-> `Letter`, the public letter API (add, get, save, workflow) and the trash.

Everything that writes a letter's rows lives here, so the autosave fast path and the ORM path
stay side by side and agree on what a letter's columns are.
"""

from __future__ import annotations

import functools
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, cast

from iphr_desk.core.errors import BadInput, IphrError
from iphr_desk.core.letters import letter as lt
from iphr_desk.core.store.repository._common import (
    _live_letter,
    _now,
    _refuse_read_only_state,
    _require,
    letter_text,
)
from iphr_desk.core.store.repository.values import LetterInfo, StatusChangeInfo
from iphr_desk.core.vocabularies import LETTER_STATUSES, allowed_transitions

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store


#: The letter's own columns and its recipients' columns, as `Letter` and `Recipient` name them.
_LETTER_SCALARS: Final = ("language", "place", "date", "subject", "register", "voice", "cc", "letterhead",
                          "batch", "body")  # fmt: skip

_RECIPIENT_COLUMNS: Final = ("name", "surname", "gender", "office", "title", "organisation", "address",
                             "salutation", "closing", "address_dative")  # fmt: skip
#: A signatory row as the autosave compares it: `titles` as the JSON text SQLAlchemy stored ('null' when
#: the row predates the column), matched by `_signatory_key` on the Python side.
_SIGNATORY_SQL: Final = ("name", "title", "organisation", "ifnull(titles, 'null')")


def _titles_json(signatory: lt.Signatory) -> dict[str, str] | None:
    """The titles as the JSON column stores them (None when there are none)."""
    return dict(signatory.titles) or None


def _signatory_values(signatory: lt.Signatory) -> dict[str, Any]:
    return {"name": signatory.name, "title": signatory.title, "organisation": signatory.organisation,
            "titles": _titles_json(signatory)}  # fmt: skip


def _signatory_key(signatory: lt.Signatory) -> tuple[str, str | None, str | None, str]:
    """What `_SIGNATORY_SQL` reads for this signatory: SQLAlchemy's JSON type writes `json.dumps(value)`."""
    import json

    return signatory.name, signatory.title, signatory.organisation, json.dumps(_titles_json(signatory))


# --------------------------------------------------------------------------- letters: rows <-> Letter


def _check_letter(letter: lt.Letter) -> None:
    _require(letter.language in lt.LANGUAGES, f"Unknown language '{letter.language}'.")
    _require(bool(letter.recipients), "A letter needs at least one recipient.")
    _require(bool(letter.signatories), "A letter needs at least one signatory.")


def _resolve_case(session: Session, reference: str) -> int | None:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    found = session.scalar(select(mm.Case.id).where(mm.Case.reference == reference))
    # An all-digit reference may be a row id; "²" is a digit to isdigit(), and SQLite ids are 64-bit.
    if found is None and reference.isascii() and reference.isdigit() and int(reference) < 2**63:
        found = session.scalar(select(mm.Case.id).where(mm.Case.id == int(reference)))
    return found


def _fill_letter_row(session: Session, row: m.Letter, letter: lt.Letter) -> None:
    from iphr_desk.core.store import models as mm

    for name, value in _letter_scalars(letter).items():
        setattr(row, name, value)
    row.recipient_name = letter.recipients[0].name if letter.recipients else None  # the list's sort key
    wanted_recipients = [
        {"position": i, **{c: getattr(r, c) for c in _RECIPIENT_COLUMNS}}
        for i, r in enumerate(letter.recipients)
    ]
    current_recipients = [
        {"position": r.position, **{c: getattr(r, c) for c in _RECIPIENT_COLUMNS}} for r in row.recipients
    ]
    if wanted_recipients != current_recipients:  # autosave of the body alone rewrites no child rows
        row.recipients.clear()
        session.flush()
        row.recipients.extend(mm.LetterRecipient(**values) for values in wanted_recipients)
    wanted_signatories = list(letter.signatories)
    if wanted_signatories != [_signatory_from_row(s) for s in row.signatories]:
        row.signatories.clear()
        session.flush()
        row.signatories.extend(
            mm.LetterSignatory(position=i, **_signatory_values(s)) for i, s in enumerate(wanted_signatories)
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
                address_dative=r.address_dative,
            )
            for r in row.recipients
        ),
        signatories=tuple(_signatory_from_row(s) for s in row.signatories),
        body=row.body,
        register=cast("lt.Register", row.register),
        voice=cast("lt.Voice", row.voice),
        cc=tuple(row.cc or ()),
        cases=tuple(link.reference for link in row.case_links),
        letterhead=row.letterhead,
        batch=row.batch,
    )


def _signatory_from_row(row: m.LetterSignatory) -> lt.Signatory:
    return lt.Signatory(
        name=row.name, title=row.title, organisation=row.organisation, titles=lt.stored_titles(row.titles)
    )


def _add_revision(session: Session, row: m.Letter, letter: lt.Letter, *, author: str, reason: str) -> None:
    _add_revision_for(session, row.id, row.status, letter, author=author, reason=reason)


def _add_revision_for(
    session: Session, letter_id: int, status: str, letter: lt.Letter, *, author: str, reason: str
) -> None:
    from iphr_desk.core.store import models as mm

    session.add(
        mm.Revision(
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
    the new letters at the end of the transaction (`indexing.index_pending`).
    """
    from sqlalchemy import insert

    if not items:
        return []
    from iphr_desk.core.store import models as mm

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
        {"letter_id": ident, "position": i, **_signatory_values(s)}
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
            letter=_with_signature_images(session, row, _letter_from_row(row)),
            case_ids=tuple(link.case_id for link in row.case_links),
        )


def _with_signature_images(session: Session, row: m.Letter, letter: lt.Letter) -> lt.Letter:
    """A Signed or Sent letter carries its signatories' signature images (issue 15); a draft never does."""
    if row.status not in ("signed", "sent"):
        return letter
    from dataclasses import replace

    from iphr_desk.core.store.repository.address_book import signature_images_for

    return replace(letter, signature_images=signature_images_for(session, row))


def find_letter_by_uuid(store: Store, uuid: str) -> int | None:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

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
    if not revision_reason and _autosaved_in_one_statement(store, letter_id, letter):
        return
    # Autosave leaves the full-text index to the next save point or search (migration 0006): indexing a
    # 20-page letter at every autosave makes the autosave figure about 7 times its floor (target 3).
    with store.session(defer_index=not revision_reason) as session:
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
    """The letter's own columns as the row holds them (`cc` is a JSON list there)."""
    return {name: getattr(letter, name) for name in _LETTER_SCALARS} | {"cc": list(letter.cc)}


def _json_rows(table: str, columns: Sequence[str]) -> str:
    """A letter's child rows as one JSON array of arrays, in their order: one value for the autosave read."""
    inner = ", ".join(f"{column} AS c{i}" for i, column in enumerate(columns))  # columns or expressions
    listed = ", ".join(f"c{i}" for i in range(len(columns)))
    return (
        f"(SELECT coalesce(json_group_array(json_array({listed})), '[]') FROM "
        f"(SELECT {inner} FROM {table} WHERE {table}.letter_id = letters.id ORDER BY {table}.position))"
    )


@functools.cache
def _autosave_statements() -> tuple[Any, Any]:
    """The autosave's read and write, built once.

    Building SQLAlchemy expressions costs more than running them (about 1 ms a save); built once, their
    compiled forms come from SQLAlchemy's cache. The read takes the letter's own columns and its
    recipients, signatories and cases in one statement; the write sets the columns given at execution.
    """
    from sqlalchemy import bindparam, literal_column, select, update

    from iphr_desk.core.store import models as mm

    children = (
        _json_rows("letter_recipients", _RECIPIENT_COLUMNS),
        _json_rows("letter_signatories", _SIGNATORY_SQL),
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


@functools.cache
def _autosave_update() -> Any:
    """One UPDATE that writes a letter only when it is editable, its recipients, signatories and cases
    are the ones given, and one of its own fields changed: the autosave of a body edit in one statement.

    Its children are compared as JSON text (SQLite's `json_array`, Python's compact `json.dumps`); where
    the two spell a value differently nothing is written and `save_letter` takes the full path, so a
    mismatch costs time, never correctness. Needed by the autosave figure (benchmarks/README.md, "Fast
    paths and what they buy": without it the ratio is about 3.2 against a target of 3).
    """
    from sqlalchemy import and_, bindparam, literal_column, or_, update

    from iphr_desk.core.store import models as mm
    from iphr_desk.core.vocabularies import READ_ONLY_STATUSES

    new = {name: bindparam(f"new_{name}", type_=getattr(mm.Letter, name).type) for name in _LETTER_SCALARS}
    children = [
        literal_column(_json_rows("letter_recipients", _RECIPIENT_COLUMNS)) == bindparam("recipients"),
        literal_column(_json_rows("letter_signatories", _SIGNATORY_SQL)) == bindparam("signatories"),
        literal_column(_json_rows("letter_cases", ("reference",))) == bindparam("cases"),
    ]
    return (
        update(mm.Letter)
        .where(
            mm.Letter.id == bindparam("letter_id"),
            mm.Letter.deleted_at.is_(None),
            mm.Letter.status.not_in(READ_ONLY_STATUSES),
            or_(*(getattr(mm.Letter, name).is_distinct_from(value) for name, value in new.items())),
            and_(*children),
        )
        .values(
            {
                **{getattr(mm.Letter, name): value for name, value in new.items()},
                mm.Letter.updated_at: bindparam("now"),
            }
        )
    )


def _autosaved_in_one_statement(store: Store, letter_id: int, letter: lt.Letter) -> bool:
    """True when the one-statement autosave wrote the letter; False sends the caller down the full path
    (nothing changed, child rows changed, read-only or missing letter: each handled, and said, there)."""
    import json

    def compact(rows: list[list[Any]]) -> str:
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))

    params = {f"new_{name}": value for name, value in _letter_scalars(letter).items()}
    params |= {
        "letter_id": letter_id,
        "now": _now(),
        "recipients": compact([[getattr(r, c) for c in _RECIPIENT_COLUMNS] for r in letter.recipients]),
        "signatories": compact([list(_signatory_key(s)) for s in letter.signatories]),
        "cases": compact([[reference] for reference in letter.cases]),
    }
    with store.connection(defer_index=True) as conn:
        return bool(conn.execute(_autosave_update(), params).rowcount == 1)


def _save_in_place(session: Session, letter_id: int, letter: lt.Letter) -> str | None:
    """The autosave path: when only the letter's own fields changed, one UPDATE of the changed columns.

    Autosave runs every few seconds while someone types, so it stays close to the cost of the UPDATE
    itself: one read, one write, no ORM objects. Returns the letter's status, or None when child rows
    differ and the caller must take the ORM path. Needed by the autosave figure (benchmarks/README.md,
    "Fast paths and what they buy": the ORM path alone is about 7 times the floor, the target 3).
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
        or [tuple(s) for s in signatories] != [_signatory_key(s) for s in letter.signatories]
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
    with store.session() as session:
        change_status_in(session, letter_id, new_status, author=author, note=note)


def change_status_in(
    session: Session, letter_id: int, new_status: str, *, author: str, note: str | None = None
) -> None:
    """`change_status` inside the caller's transaction (signing records the signature in the same one)."""
    from iphr_desk.core.store import models as mm

    _require(new_status in LETTER_STATUSES, f"Unknown letter status '{new_status}'.")
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
        mm.StatusChange(
            letter_id=row.id,
            author=author,
            changed_at=now,
            from_status=old,
            to_status=new_status,
            note=note,
        )
    )
    session.flush()
    _add_revision(session, row, _letter_from_row(row), author=author, reason=f"status: {old} → {new_status}")


def status_history(store: Store, letter_id: int) -> list[StatusChangeInfo]:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

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

    from iphr_desk.core.store import models as mm

    with store.session() as session:
        result = session.execute(delete(mm.Letter).where(mm.Letter.deleted_at.is_not(None)))
        return int(getattr(result, "rowcount", 0) or 0)


def discard_new_draft(store: Store, letter_id: int) -> bool:
    """Delete for good a draft nobody worked on (the GUI's new letter closed untouched); True if deleted.

    Refused (False) unless the letter is a live draft with its first revision only, no comment, no
    status change and no signature record: anything someone did to it is kept.
    """
    from sqlalchemy import delete, func, select

    from iphr_desk.core.store import models as mm

    with store.session() as session:
        row = session.get(mm.Letter, letter_id)
        if row is None or row.deleted_at is not None or row.status != "draft":
            return False
        for model in (mm.Comment, mm.StatusChange, mm.SignatureRecord):
            if session.scalar(select(func.count()).select_from(model).where(model.letter_id == letter_id)):
                return False
        revisions = session.scalar(
            select(func.count()).select_from(mm.Revision).where(mm.Revision.letter_id == letter_id)
        )
        if (revisions or 0) > 1:
            return False
        session.execute(delete(mm.Letter).where(mm.Letter.id == letter_id))
        return True
