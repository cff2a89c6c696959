"""Merging a checked package into the store, by UUID, in one transaction (issue 15, packages).

The rules, per letter (a letter, revision, comment, status change and signature record is the same one
on every machine when its uuid is):
- a letter the store does not hold is added whole;
- revisions, comments, status changes and signature records the store does not hold are added; a
  comment resolved on either side stays resolved (the later resolution's author and time are kept);
- the letter's status is the `to_status` of the latest status change, by time, across both sides;
- the letter's text: a side's text is new to the other when the newest revision holding it is not among
  the other's revisions (text in no revision, autosaved, is new). Only the package's is new: it is
  taken. Only this store's: kept. Both (concurrent edits), against the newest revision both hold:
  both texts stay revisions and the letter becomes their three-way merge against the base (header
  fields changed on one side taken from it, the body paragraph by paragraph with `merge.merge_body`,
  which keeps both texts of a paragraph changed on both sides), stored as a revision marked `flagged`
  for a person to settle. When the merged status is read-only (approved, signed, sent), the text is
  the one of the side that set that status, and a differing text of the other side is kept as a
  flagged revision: an approved letter never silently takes text its approver did not see.
Every revision a merge makes gets a uuid derived from what it holds, so importing the same package again
finds everything already there and changes nothing (tests/core/exchange/test_package_exchange.py hashes
every row before and after).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iphr_desk.core.exchange.package import (
    Manifest,
    derived_uuid,
    letter_from_record,
    letter_text_of,
    read_package,
    tables,
    text_hash,
)
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from iphr_desk.core.store import models as m
    from iphr_desk.core.store.database import Store

#: The letter columns that are its content (the rest is identity, workflow and housekeeping).
_NOT_CONTENT = frozenset({"uuid", "status", "created_at", "updated_at", "deleted_at"})


@dataclass
class LetterOutcome:
    """What the merge did to one letter of the package."""

    uuid: str
    letter_id: int
    subject: str
    added: bool = False
    revisions: int = 0
    comments: int = 0
    status_changes: int = 0
    signatures: int = 0
    text_taken: bool = False  # the package's text became the letter's
    concurrent: bool = False  # both sides changed the text: a flagged revision to settle
    status: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.revisions or self.comments or self.status_changes or self.signatures
                    or self.text_taken or self.concurrent)  # fmt: skip


@dataclass
class MergeReport:
    letters: list[LetterOutcome] = field(default_factory=list)
    cases_added: int = 0
    cases_updated: int = 0

    @property
    def changed(self) -> bool:
        return any(o.changed for o in self.letters) or bool(self.cases_added or self.cases_updated)

    @property
    def concurrent(self) -> list[LetterOutcome]:
        return [o for o in self.letters if o.concurrent]

    def summary(self) -> str:
        """One line for the command line and the status bar."""
        if not self.changed:
            return f"nothing new: the {len(self.letters)} letter(s) of the package were already here"
        added = sum(o.added for o in self.letters)
        updated = sum(o.changed and not o.added for o in self.letters)
        parts = [f"{added} letter(s) added, {updated} updated"]
        counts = [
            (sum(o.revisions for o in self.letters if not o.added), "revision(s)"),
            (sum(o.comments for o in self.letters if not o.added), "comment(s)"),
            (sum(o.status_changes for o in self.letters if not o.added), "status change(s)"),
        ]
        news = ", ".join(f"{n} {what}" for n, what in counts if n)
        if news:
            parts.append(f"new in existing letters: {news}")
        if self.cases_added or self.cases_updated:
            parts.append(f"{self.cases_added} case(s) added, {self.cases_updated} updated")
        if self.concurrent:
            ids = ", ".join(str(o.letter_id) for o in self.concurrent)
            parts.append(f"edited on both sides, to compare (flagged revision): letter(s) {ids}")
        return "; ".join(parts)


def import_package(store: Store, path: Path, passphrase: str, *, author: str) -> MergeReport:
    """Read and check the whole package, then merge it in one transaction (nothing written before)."""
    return merge_manifest(store, read_package(path, passphrase), author=author)


def merge_manifest(store: Store, manifest: Manifest, *, author: str) -> MergeReport:
    report = MergeReport()
    with store.session() as session:
        for case in manifest.cases:
            _merge_case(session, case, report)
        for record in manifest.letters:
            report.letters.append(_merge_letter(session, record, author, manifest.created_by))
    return report


# --------------------------------------------------------------------------- letters


def _merge_letter(session: Session, record: Mapping[str, Any], author: str, who: str) -> LetterOutcome:
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    row = session.scalar(select(mm.Letter).where(mm.Letter.uuid == record["uuid"]))
    if row is None:
        return _add_letter(session, record)
    outcome = LetterOutcome(record["uuid"], row.id, row.subject)
    known = [
        (r[0], r[1], r[2])
        for r in session.execute(
            select(mm.Revision.uuid, mm.Revision.created_at, mm.Revision.text).where(
                mm.Revision.letter_id == row.id
            )
        )
    ]
    known_changes = set(
        session.scalars(select(mm.StatusChange.uuid).where(mm.StatusChange.letter_id == row.id))
    )
    outcome.revisions = _add_missing(session, mm.Revision, row.id, record["revisions"])
    _merge_flags(session, record["revisions"])
    outcome.comments = _merge_comments(session, row.id, record["comments"])
    outcome.status_changes = _add_missing(session, mm.StatusChange, row.id, record["status_changes"])
    outcome.signatures = _add_missing(session, mm.SignatureRecord, row.id, record["signature_records"])
    session.flush()
    latest = session.execute(
        select(mm.StatusChange.to_status, mm.StatusChange.uuid)
        .where(mm.StatusChange.letter_id == row.id)
        .order_by(mm.StatusChange.changed_at.desc(), mm.StatusChange.uuid.desc())
        .limit(1)
    ).first()
    if latest is not None and latest[0] != row.status:
        row.status = latest[0]
    set_by_package = latest is not None and latest[1] not in known_changes
    _merge_text(session, row, record, known, set_by_package, (author, who), outcome)
    if outcome.changed:
        row.updated_at = _now()
    outcome.status = row.status
    session.flush()
    return outcome


def _merge_text(
    session: Session,
    row: m.Letter,
    record: Mapping[str, Any],
    known: Sequence[tuple[str | None, dt.datetime, str]],
    set_by_package: bool,
    people: tuple[str, str],
    outcome: LetterOutcome,
) -> None:
    """`people`: who imports (the author of what the merge writes) and who made the package."""
    from iphr_desk.core.store.repository.letters import _letter_from_row

    author, who = people
    local_text = letter_text_of(_letter_from_row(row))
    incoming_text = letter_text_of(letter_from_record(record))
    if local_text == incoming_text:
        return
    # Each side's text is "new" to the other unless the revision holding it (its newest) is known there.
    known_uuids = {uuid for uuid, _at, _text in known}
    incoming_uuids = {r["uuid"] for r in record["revisions"]}
    in_head = _newest([(r["uuid"], r["created_at"], r["text"]) for r in record["revisions"]], incoming_text)
    local_head = _newest(known, local_text)
    common = [r for r in record["revisions"] if r["uuid"] in known_uuids]
    base_record = max(common, key=lambda r: (r["created_at"], r["uuid"])) if common else None
    base_text = base_record["text"] if base_record is not None else None
    # A status change snapshots the text under a new revision: back at the base's text is no change.
    package_changed = (in_head is None or in_head not in known_uuids) and incoming_text != base_text
    local_changed = (local_head is None or local_head not in incoming_uuids) and local_text != base_text
    if row.status in READ_ONLY_STATUSES:
        # The side that set the read-only status decides the text; the other side's, if it differs, is kept.
        if set_by_package:
            if local_changed:
                _keep_as_flagged(session, row, local_text, author, "this copy's text, not the one approved")
            _take_text(session, row, record)
            outcome.text_taken = True
            outcome.concurrent = local_changed
        elif package_changed:
            _keep_as_flagged(session, row, incoming_text, author, "the package's text, not the one approved")
            outcome.concurrent = True
        return
    if not package_changed:
        return
    if not local_changed:
        _take_text(session, row, record)
        outcome.text_taken = True
        return
    if base_record is None:  # no revision in common to merge against: both texts kept, side by side
        _keep_as_flagged(session, row, incoming_text, author, "edited on both machines; compare and settle")
    else:
        _three_way(session, row, base_record, (local_text, incoming_text), author, who)
    outcome.concurrent = True


def _newest(revisions: Sequence[tuple[str | None, dt.datetime, str]], text: str) -> str | None:
    """The uuid of the newest revision holding `text` (None: the text is in no revision, e.g. autosaved)."""
    holding = [(at, uuid or "") for uuid, at, held in revisions if held == text]
    return max(holding)[1] if holding else None


def _three_way(
    session: Session, row: m.Letter, base: Mapping[str, Any], texts: tuple[str, str], author: str, who: str
) -> None:
    """Both sides changed the letter since `base`. A header field changed on one side only is taken from
    that side (this machine's value where both changed it); the body is merged paragraph by paragraph
    (`merge.merge_body`: a paragraph changed on both sides keeps both texts under a marker). This
    machine's text and the package's stay revisions; the result is a new revision, flagged for a person
    to look at."""
    from dataclasses import fields, replace

    from iphr_desk.core.exchange.merge import merge_body
    from iphr_desk.core.letters.letterfile import parse_letter_text
    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.letters import _fill_letter_row

    local_text, incoming_text = texts
    ours = parse_letter_text(local_text, "this letter")
    theirs = parse_letter_text(incoming_text, f"the package from {who}")
    origin = parse_letter_text(base["text"], "the revision both started from")
    taken: dict[str, Any] = {}
    both: list[str] = []
    for item in fields(ours):
        name = item.name
        mine, other, was = getattr(ours, name), getattr(theirs, name), getattr(origin, name)
        if name == "body" or mine == other or other == was:
            continue
        if mine == was:
            taken[name] = other
        else:
            both.append(name)
    body = merge_body(origin.body, ours.body, theirs.body, who=who)
    merged_body, conflicts = _package_wording(body.text, body.conflicts, who)
    merged = replace(ours, **taken, body=merged_body)
    merged = parse_letter_text(letter_text_of(merged), "the merged letter")  # normalised as stored
    _keep_revision(session, row, local_text, author)
    _fill_letter_row(session, row, merged)
    session.flush()
    session.add(
        mm.Revision(
            letter_id=row.id,
            uuid=derived_uuid(row.uuid, "merge", text_hash(local_text), text_hash(incoming_text)),
            created_at=_now(),
            author=author,
            reason=f"merged with a package from {who}: edited on both machines",
            status=row.status,
            text=letter_text_of(merged),
            parent_uuid=base["uuid"],
            flagged=True,
            details={
                "merge": {"base": base["uuid"], "conflicts": list(conflicts), "fields_changed_on_both": both}
            },
        )
    )


def _package_wording(text: str, conflicts: Sequence[str], who: str) -> tuple[str, tuple[str, ...]]:
    """The merge's markers speak of a reviewed copy; here the other side is a package from another machine."""
    from iphr_desk.core.exchange.merge import CONFLICT_OURS, CONFLICT_THEIRS

    text = text.replace(CONFLICT_OURS, "**⚠ Changed on both machines. Version on this machine:**")
    text = text.replace(
        CONFLICT_THEIRS.format(who=who), f"**⚠ Version in the package from {who}; keep one of the two:**"
    )
    return text, tuple(
        c.replace("in the app and in the reviewed copy", "on both machines") for c in conflicts
    )


def _keep_revision(session: Session, row: m.Letter, text: str, author: str) -> None:
    """This machine's text as a revision before a merge replaces it (autosaved text may be in none)."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    held = session.scalar(
        select(mm.Revision.id).where(mm.Revision.letter_id == row.id, mm.Revision.text == text)
    )
    if held is None:
        session.add(
            mm.Revision(
                letter_id=row.id,
                uuid=derived_uuid(row.uuid, "kept", text_hash(text)),
                created_at=_now(),
                author=author,
                reason="saved before merging a package",
                status=row.status,
                text=text,
            )
        )
        session.flush()


def _keep_as_flagged(session: Session, row: m.Letter, text: str, author: str, why: str) -> None:
    """Mark the newest revision holding `text` flagged, or add one: the text stays in the history."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    holder = session.scalars(
        select(mm.Revision)
        .where(mm.Revision.letter_id == row.id, mm.Revision.text == text)
        .order_by(mm.Revision.created_at.desc(), mm.Revision.id.desc())
        .limit(1)
    ).first()
    if holder is not None:
        if not holder.flagged:
            holder.flagged = True
            holder.details = {**(holder.details or {}), "merge": why}
        return
    session.add(
        mm.Revision(
            letter_id=row.id,
            uuid=derived_uuid(row.uuid, "kept", text_hash(text)),
            created_at=_now(),
            author=author,
            reason=f"kept by a package merge: {why}",
            status=row.status,
            text=text,
            flagged=True,
            details={"merge": why},
        )
    )


def _take_text(session: Session, row: m.Letter, record: Mapping[str, Any]) -> None:
    """The package's content becomes the letter's: its own columns and child rows, as the package has them."""
    from sqlalchemy import delete

    kinds = tables()
    for column in kinds["letter"][1]:
        if column.name not in _NOT_CONTENT:
            setattr(row, column.name, record[column.name])
    for kind in ("recipients", "signatories", "cases"):
        model = kinds[kind][0]
        session.execute(delete(model).where(model.letter_id == row.id))
    session.flush()
    _insert_children(session, row.id, record, ("recipients", "signatories", "cases"))
    session.expire(row, ["recipients", "signatories", "case_links"])


def _add_letter(session: Session, record: Mapping[str, Any]) -> LetterOutcome:
    from sqlalchemy import insert

    from iphr_desk.core.store import models as mm

    kinds = tables()
    values = {c.name: record[c.name] for c in kinds["letter"][1]} | {"deleted_at": None}
    letter_id = int(session.execute(insert(mm.Letter).returning(mm.Letter.id), [values]).scalar_one())
    _insert_children(session, letter_id, record, ("recipients", "signatories", "cases"))
    outcome = LetterOutcome(record["uuid"], letter_id, record["subject"], added=True, status=record["status"])
    outcome.revisions = _add_missing(session, mm.Revision, letter_id, record["revisions"])
    outcome.comments = _merge_comments(session, letter_id, record["comments"])
    outcome.status_changes = _add_missing(session, mm.StatusChange, letter_id, record["status_changes"])
    outcome.signatures = _add_missing(session, mm.SignatureRecord, letter_id, record["signature_records"])
    session.flush()
    return outcome


def _insert_children(
    session: Session, letter_id: int, record: Mapping[str, Any], kinds: Sequence[str]
) -> None:
    from sqlalchemy import insert, select

    from iphr_desk.core.store import models as mm

    columns = tables()
    for kind in kinds:
        model, cols = columns[kind]
        rows = [{c.name: child[c.name] for c in cols} | {"letter_id": letter_id} for child in record[kind]]
        if kind == "cases":  # linked to this store's case with that reference, if it has one
            for link in rows:
                link["case_id"] = session.scalar(
                    select(mm.Case.id).where(mm.Case.reference == link["reference"])
                )
        if rows:
            session.execute(insert(model), rows)


def _add_missing(session: Session, model: Any, letter_id: int, records: Sequence[Mapping[str, Any]]) -> int:
    """Insert the records whose uuid the store does not hold; returns how many."""
    from sqlalchemy import insert, select

    if not records:
        return 0
    columns = tables()[_kind_of(model)][1]
    uuids = [r["uuid"] for r in records]
    present = set(session.scalars(select(model.uuid).where(model.uuid.in_(uuids))))
    rows = [
        {c.name: r[c.name] for c in columns} | {"letter_id": letter_id}
        for r in records
        if r["uuid"] not in present
    ]
    if rows:
        session.execute(insert(model), rows)
    return len(rows)


def _merge_flags(session: Session, records: Sequence[Mapping[str, Any]]) -> None:
    """A revision flagged on either side (concurrent edits to settle) is flagged on both."""
    from sqlalchemy import select

    from iphr_desk.core.store import models as mm

    flagged = {r["uuid"]: r for r in records if r["flagged"]}
    if not flagged:
        return
    for local in session.scalars(select(mm.Revision).where(mm.Revision.uuid.in_(list(flagged)))):
        if not local.flagged:
            local.flagged = True
            local.details = {**(local.details or {}), **(flagged[local.uuid]["details"] or {})}


def _kind_of(model: Any) -> str:
    """The record kind of a history table: its table name."""
    name: str = model.__tablename__
    return name


def _merge_comments(session: Session, letter_id: int, records: Sequence[Mapping[str, Any]]) -> int:
    """New comments added (threads before their replies); resolutions merged on the ones both hold."""
    from sqlalchemy import insert, select

    from iphr_desk.core.store import models as mm

    if not records:
        return 0
    columns = tables()["comments"][1]
    uuids = [r["uuid"] for r in records]
    present = {c.uuid: c for c in session.scalars(select(mm.Comment).where(mm.Comment.uuid.in_(uuids)))}
    added = 0
    for record in sorted(records, key=lambda r: r["parent_uuid"] is not None):
        local = present.get(record["uuid"])
        if local is not None:
            _merge_resolution(local, record)
            continue
        parent_id = None
        if record["parent_uuid"] is not None:
            parent_id = session.scalar(select(mm.Comment.id).where(mm.Comment.uuid == record["parent_uuid"]))
        values = {c.name: record[c.name] for c in columns} | {"letter_id": letter_id, "parent_id": parent_id}
        session.execute(insert(mm.Comment), [values])
        added += 1
    return added


def _merge_resolution(local: m.Comment, incoming: Mapping[str, Any]) -> None:
    """Resolved on either side stays resolved; the later resolution (time, then author) is the one kept."""
    if not incoming["resolved"]:
        return
    floor = dt.datetime.min.replace(tzinfo=dt.UTC)
    theirs = (incoming["resolved_at"] or floor, incoming["resolved_by"] or "")
    ours = (local.resolved_at or floor, local.resolved_by or "")
    if not local.resolved or theirs > ours:
        local.resolved = True
        local.resolved_at = incoming["resolved_at"]
        local.resolved_by = incoming["resolved_by"]


# --------------------------------------------------------------------------- cases


def _merge_case(session: Session, record: Mapping[str, Any], report: MergeReport) -> None:
    """A case by its reference: added whole, or its newer side's fields kept and people and events united."""
    from sqlalchemy import delete, insert, select, update

    from iphr_desk.core.store import models as mm

    kinds = tables()
    values = {c.name: record[c.name] for c in kinds["case"][1]}
    row = session.scalar(select(mm.Case).where(mm.Case.reference == record["reference"]))
    changed = False
    if row is None:
        case_id = int(session.execute(insert(mm.Case).returning(mm.Case.id), [values]).scalar_one())
        report.cases_added += 1
        themes_wanted = True
    else:
        case_id = row.id
        themes_wanted = record["updated_at"] > row.updated_at
        if themes_wanted:
            for name, value in values.items():
                setattr(row, name, value)
            changed = True
    if themes_wanted:
        session.execute(delete(mm.CaseTheme).where(mm.CaseTheme.case_id == case_id))
        themes = list(dict.fromkeys(record["themes"]))
        if themes:
            session.execute(
                insert(mm.CaseTheme),
                [{"case_id": case_id, "theme": t, "position": i} for i, t in enumerate(themes)],
            )
    names = set(session.scalars(select(mm.Person.name).where(mm.Person.case_id == case_id)))
    people = [p for p in record["people"] if p["name"] not in names]
    if people:
        start = len(names)
        session.execute(insert(mm.Person), [
            {c.name: p[c.name] for c in kinds["people"][1]} | {"case_id": case_id, "position": start + i}
            for i, p in enumerate(people)
        ])  # fmt: skip
    events = {
        tuple(r)
        for r in session.execute(
            select(mm.CaseEvent.date, mm.CaseEvent.description).where(mm.CaseEvent.case_id == case_id)
        )
    }
    new_events = [e for e in record["events"] if (e["date"], e["description"]) not in events]
    if new_events:
        session.execute(insert(mm.CaseEvent), [
            {c.name: e[c.name] for c in kinds["events"][1]} | {"case_id": case_id} for e in new_events
        ])  # fmt: skip
    if row is not None and (changed or people or new_events):
        report.cases_updated += 1
    # Letters that name this case by reference and were not linked yet (it arrived with this package).
    session.execute(
        update(mm.LetterCase)
        .where(mm.LetterCase.reference == record["reference"], mm.LetterCase.case_id.is_(None))
        .values(case_id=case_id)
    )
    session.flush()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
