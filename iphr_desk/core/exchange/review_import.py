"""Taking a reviewed .docx back into the store, and exporting a letter for review.

Public API (stable; the GUI's "Import reviewed copy…" and `iphr-desk review import` use it):

    plan_review_import(store, path, *, letter_id=None, as_new=False) -> ReviewPlan
        Everything the import would do, computed without writing: which letter, the exported
        revision's text (`base_text`), the letter now (`current_text`), what would be stored
        (`result_text`, all three as letter-file text), the tracked changes with author and date,
        the comments, the paragraphs both sides changed (`conflicts`) and the status it would move to.
        Raises BadInput (one line) for a file that is not a readable .docx, or that has no identity in
        this store while neither `letter_id` nor `as_new` is given.
    apply_review_import(store, plan, *, author, approve=False) -> ReviewResult
        Stores the plan: a new revision (parent = the exported revision, details = the tracked changes),
        the comments (each once: their uuids derive from the file), and the status change.
    export_for_review(store, letter_id, out, *, with_comments=True, author=...) -> Path
        The .docx with its provenance (letter and revision uuids as custom properties) and the open
        comments as Word comments, replies as replies.
    review_marks(store, letter_id, *, with_comments=False, author=...) -> ReviewMarks
        The same provenance for any .docx export of a stored letter (`export --id`, the window's export).

How the copy is laid over the letter: the exported revision is exported again in memory and read back
with the same reader, so `base` and the reviewed copy differ only by what the reviewer did; those edits
are replayed on the stored Markdown (`merge.prefer_theirs_merge`), so the export's typography and the
reader's Markdown spelling never show as changes. When the letter moved on since the export, the result
is merged three-way with the letter as it is now (`merge.merge_body`). Edits to the head and foot become
the recipient's fields (`review_header`). The status rules are `_status_after`'s. A file is imported
once: its SHA-256 is kept in the revision's details, and comment uuids derive from the letter and the
file's comment (`docx_xml.comment_key`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Final

from iphr_desk.core.errors import BadInput
from iphr_desk.core.exchange.merge import merge_body, prefer_theirs_merge
from iphr_desk.core.exchange.review_model import (
    LETTER_PROPERTY,
    RECIPIENT_PROPERTY,
    REVISION_ID_PROPERTY,
    REVISION_PROPERTY,
    ReviewComment,
    ReviewedDocument,
    TrackedChange,
)
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.letters.letterfile import parse_letter_text, write_letter_text
from iphr_desk.core.letters.normalise import normalise_body
from iphr_desk.core.store.repository.revisions import ImportedComment
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES

if TYPE_CHECKING:
    from iphr_desk.core.export.docx.review_marks import ExportComment, ReviewMarks
    from iphr_desk.core.export.letterhead import Letterhead
    from iphr_desk.core.store.database import Store

#: The reason of the revision an export makes when the letter changed since its last revision.
EXPORT_REASON: Final = "exported for review"
#: The key of a reviewed revision's details holding the SHA-256 of the file it came from.
SHA_KEY: Final = "source_sha256"
AS_NEW_SHA_KEY: Final = "source_sha256_as_new"
_NAMESPACE: Final = uuid.UUID("6f1d6c3e-5b0a-4c55-9a57-2b1f0e7a9d41")


def letter_text(letter: Letter) -> str:
    return write_letter_text(letter)


@dataclass(frozen=True)
class HeaderChange:
    """A change the reviewer made to the letter's head or foot, and where it goes in the letter:
    `field` is a recipient field ("salutation", "closing", "address", "title", "organisation",
    "name") that becomes an override, or "note" when it maps onto no field (the change is then kept
    as a comment so that nothing is lost)."""

    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ReviewPlan:
    """Everything the import would do, computed without writing (see the module docstring)."""

    letter_id: int | None
    letter_uuid: str | None
    file_name: str
    reviewers: tuple[str, ...]
    base_text: str  # letter-file text of the exported revision ("" when unknown)
    current_text: str  # letter-file text of the letter now ("" for --as-new)
    result_text: str  # letter-file text that the import stores
    changes: tuple[TrackedChange, ...]
    comments: tuple[ReviewComment, ...]
    conflicts: tuple[str, ...]
    new_status: str | None  # the status the letter moves to without --approve (None: unchanged)
    letter_status: str | None = None  # the letter's status now
    base_revision_id: int | None = None
    base_revision_uuid: str | None = None
    header_changes: tuple[HeaderChange, ...] = ()
    notes: tuple[str, ...] = ()  # what the user should know (header edits kept as comments, ...)
    as_new: bool = False
    already_imported: bool = False  # this very file was imported before: applying adds nothing
    source_sha256: str = ""
    new_comment_count: int = 0  # comments (and header notes) not yet in the store
    reviewer_changed: bool = False  # the reviewer changed the text (against the exported revision)
    needs_changes: bool = False  # changes, open comments, conflicts or header notes: changes requested
    to_store: tuple[ImportedComment, ...] = ()  # the comments as they would be stored (uuids included)
    resolve_threads: tuple[str, ...] = ()  # uuids of app threads the reviewer marked done

    @property
    def text_changed(self) -> bool:
        """The import changes the letter's stored text."""
        return self.result_text != self.current_text

    @property
    def can_approve(self) -> bool:
        """Nothing to act on: no change by the reviewer, no open comment, no conflict."""
        return not self.needs_changes


@dataclass(frozen=True)
class ReviewResult:
    letter_id: int
    revision_id: int | None  # None when the text did not change
    status: str
    comments_added: int
    created: bool = False  # a new letter (--as-new)


# --------------------------------------------------------------------------- export


def export_for_review(
    store: Store,
    letter_id: int,
    out: Path,
    *,
    with_comments: bool = True,
    author: str = "export",
    letterhead: str | None = None,
) -> Path:
    """Write letter `letter_id` to `out` (.docx) with its provenance, and its open comments when asked.

    A letter with several recipients is written as one .docx per recipient into the folder `out`
    (each naming its recipient); returns the path written (the folder for a batch).
    """
    from iphr_desk.core.export import docx_export
    from iphr_desk.core.export.letterhead import load_letterhead
    from iphr_desk.core.store.repository import letters as letter_repo

    letter = letter_repo.get_letter(store, letter_id)
    marks = review_marks(store, letter_id, with_comments=with_comments, author=author)
    head = load_letterhead(letterhead or letter.letterhead, store.data_dir)
    if len(letter.recipients) > 1:
        docx_export.export_batch(letter, out, letterhead=head, marks=marks)
        return out
    return docx_export.export_letter(letter, out, letterhead=head, marks=marks)


def review_marks(
    store: Store, letter_id: int, *, with_comments: bool = False, author: str = "export"
) -> ReviewMarks:
    """The provenance (and, asked, the open comments) of an export of letter `letter_id` as it is now.

    Makes sure a stored revision holds exactly the exported text first (`revision_for_export`), so a
    reviewed copy is compared with what was sent. The GUI's export and `export --id` use it as well.
    """
    from iphr_desk.core.export.docx.review_marks import ReviewMarks
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository import revisions as revision_repo

    info = letter_repo.get_letter_info(store, letter_id)
    revision = revision_repo.revision_for_export(store, letter_id, author=author, reason=EXPORT_REASON)
    properties = {
        LETTER_PROPERTY: info.uuid,
        REVISION_PROPERTY: revision.uuid,
        REVISION_ID_PROPERTY: str(revision.id),
    }
    comments = open_comments_for_export(store, letter_id) if with_comments else ()
    return ReviewMarks(properties, comments, recipient_key=RECIPIENT_PROPERTY)


def open_comments_for_export(store: Store, letter_id: int) -> tuple[ExportComment, ...]:
    """The letter's unresolved threads, each with its replies, oldest first."""
    from iphr_desk.core.export.docx.review_marks import ExportComment
    from iphr_desk.core.store.repository import comments as comment_repo

    records = comment_repo.comment_records(store, letter_id)
    roots = [c for c in records if c.parent_id is None and not c.resolved]
    replies: dict[int, list[ExportComment]] = {}
    for c in records:
        if c.parent_id is not None:
            replies.setdefault(c.parent_id, []).append(ExportComment(c.author, c.text, c.created_at))
    return tuple(
        ExportComment(c.author, c.text, c.created_at, c.anchor or "", tuple(replies.get(c.id, ())))
        for c in roots
    )


# --------------------------------------------------------------------------- planning


def plan_review_import(
    store: Store, path: Path, *, letter_id: int | None = None, as_new: bool = False
) -> ReviewPlan:
    """What importing the reviewed copy at `path` would do (see the module docstring). Writes nothing."""
    from iphr_desk.core.exchange.docx_parts import DocxParts
    from iphr_desk.core.exchange.docx_review import read_reviewed
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository import revisions as revision_repo

    parts = DocxParts.open(path)
    reviewed = read_reviewed(parts)
    name = path.name
    provenance = reviewed.provenance
    found_id = letter_repo.find_letter_by_uuid(store, provenance.letter_uuid) if provenance else None
    revision = revision_repo.find_revision_by_uuid(store, provenance.revision_uuid) if provenance else None
    if letter_id is not None:
        letter_repo.get_letter_info(store, letter_id)  # BadInput when there is none
        target: int | None = letter_id
    elif as_new:
        target = None
    elif provenance is None:
        raise BadInput(
            f"{name}: this copy carries no IPHR Desk identity (it was exported from a letter file, or by "
            "another program); give --id N to take it into letter N, or --as-new."
        )
    elif found_id is None:
        raise BadInput(
            f"{name}: this copy was exported from another store (letter {provenance.letter_uuid} is not "
            "here); give --id N to take it into letter N, or --as-new."
        )
    else:
        target = found_id
    base_revision = (
        revision if revision is not None and (target is None or revision.letter_id == target) else None
    )
    sha = parts.sha256
    # A file imported as a new letter is looked for among every letter's revisions under its own key,
    # so `--as-new` twice makes one letter, and `--as-new` after `--id N` still makes one.
    done_before = revision_repo.find_revision_with_detail(
        store, target, AS_NEW_SHA_KEY if as_new else SHA_KEY, sha
    )
    recipient = provenance.recipient if provenance else 0
    notes: list[str] = []
    current_info = letter_repo.get_letter_info(store, target) if target is not None else None
    if current_info is not None and current_info.deleted_at is not None:
        raise BadInput(
            f"{name}: letter {target} is in the trash; restore it before importing a copy into it."
        )
    if base_revision is not None:
        base_text = base_revision.text
    elif current_info is not None:
        base_text = letter_text(current_info.letter)
        if provenance is not None:
            notes.append(
                "the revision this copy was made from is not in this store: "
                "it is compared with the letter as it is now"
            )
    else:
        base_text = ""
    work = _Work(store, reviewed, name, recipient, notes)
    if base_text:
        base_letter = parse_letter_text(base_text, f"revision {base_revision.id if base_revision else '?'}")
        recipient = min(recipient, len(base_letter.recipients) - 1)
        work.recipient = recipient
        theirs = work.theirs(base_letter)
    else:
        base_letter = None
        theirs = letter_from_document(reviewed, name)
    if as_new or current_info is None:
        result = theirs
        current_text = ""
        conflicts: list[str] = []
    else:
        current = current_info.letter
        current_text = letter_text(current)
        result, conflicts = work.merge(base_letter or current, current, theirs)
    result = parse_letter_text(write_letter_text(result), name)  # normalised as any stored letter
    result_text = letter_text(result)
    reviewer_changed = base_letter is None or letter_text(theirs) != base_text
    # Comment uuids derive from the letter they go into and the file's comment: the same file imported
    # again finds them; imported into another letter (--id, --as-new) they are that letter's own.
    namespace = current_info.uuid if current_info is not None else f"as-new:{sha}"
    comments, existing, resolve = _match_comments(store, target, reviewed.comments, namespace)
    status = current_info.status if current_info is not None else None
    # The app's own comments come back in the copy: only the reviewer's new ones ask for changes.
    open_comments = any(not c.resolved for c in comments if c.uuid not in existing)
    reviewers = tuple(
        dict.fromkeys(
            [c.author for c in reviewed.changes] + [c.author for c in comments if c.uuid not in existing]
        )
    )
    needs_changes = (
        (reviewer_changed and base_letter is not None)
        or open_comments
        or bool(conflicts)
        or bool(work.notes_as_comments)
    )
    if status in READ_ONLY_STATUSES and result_text != current_text and not as_new and done_before is None:
        raise BadInput(
            f"{name}: letter {target} is {status.replace('_', ' ')} and this copy changes it; "
            f"reopen the letter as a draft first (iphr-desk status --id {target} draft)."
        )
    new_status = (
        None if done_before else _status_after(status or "draft", needs_changes=needs_changes, approve=False)
    )
    return ReviewPlan(
        letter_id=done_before.letter_id if done_before is not None and target is None else target,
        letter_uuid=current_info.uuid if current_info else None,
        file_name=name,
        reviewers=reviewers,
        base_text=base_text,
        current_text=current_text,
        result_text=result_text,
        changes=reviewed.changes,
        comments=reviewed.comments,
        conflicts=tuple(conflicts),
        new_status=new_status[-1] if new_status else None,
        letter_status=status,
        base_revision_id=base_revision.id if base_revision else None,
        base_revision_uuid=base_revision.uuid if base_revision else None,
        header_changes=tuple(work.header_changes),
        notes=tuple(notes),
        as_new=as_new,
        already_imported=done_before is not None,
        source_sha256=sha,
        new_comment_count=sum(1 for c in comments if c.uuid not in existing) + len(work.notes_as_comments),
        reviewer_changed=reviewer_changed,
        needs_changes=needs_changes,
        to_store=tuple(comments) + tuple(work.notes_as_comments),
        resolve_threads=tuple(resolve),
    )


class _Work:
    """The reviewed copy laid over the letter: body, head and foot, and what could not be placed."""

    def __init__(
        self, store: Store, reviewed: ReviewedDocument, name: str, recipient: int, notes: list[str]
    ) -> None:
        self.store = store
        self.reviewed = reviewed
        self.name = name
        self.recipient = recipient
        self.notes = notes
        self.header_changes: list[HeaderChange] = []
        self.notes_as_comments: list[ImportedComment] = []
        authors = [c.author for c in reviewed.changes] or [c.author for c in reviewed.comments]
        self.who = ", ".join(dict.fromkeys(a for a in authors if a)) or "reviewer"

    def theirs(self, base: Letter) -> Letter:
        """The base letter with the reviewer's changes: the body's edits laid over the stored Markdown
        (untouched paragraphs keep their stored spelling), the head's edits as the recipient's fields."""
        from iphr_desk.core.exchange.docx_review import read_reviewed_bytes
        from iphr_desk.core.exchange.review_header import apply_edits, header_edits
        from iphr_desk.core.protocol.address import compute_frame

        exported = read_reviewed_bytes(self._base_document(base), "exported")
        body = prefer_theirs_merge(
            exported.body_markdown, normalise_body(base.body), self.reviewed.body_markdown
        )
        letter = replace(base, body=body)
        if not self.reviewed.found_markers:
            self.notes.append(
                "the letter's styles were not found in the copy: its whole text was read as the body"
            )
            return letter
        single = base.for_recipient(self.recipient)
        frame = compute_frame(single, self._letterhead(base).style())
        edits = header_edits(exported.header, self.reviewed.header, frame, base, self.recipient)
        for edit in edits:
            self.header_changes.append(HeaderChange(edit.field, edit.before, edit.after))
            if edit.field == "note":
                self._note_comment(edit.before or "", edit.after or "")
        return apply_edits(letter, self.recipient, [e for e in edits if e.field != "note"])

    def merge(self, base: Letter, current: Letter, theirs: Letter) -> tuple[Letter, list[str]]:
        """Three-way: the app's changes since the export and the reviewer's, paragraph by paragraph."""
        from iphr_desk.core.exchange.review_header import apply_edits, field_value

        if letter_text(current) == letter_text(base):
            return theirs, []
        merged = merge_body(base.body, current.body, theirs.body, who=f"{self.who}, {self.name}")
        conflicts = list(merged.conflicts)
        result = replace(current, body=merged.text)
        index = min(self.recipient, len(current.recipients) - 1)
        kept = []
        for change in self.header_changes:
            if change.field == "note":
                continue
            base_value = field_value(base, self.recipient, change.field)
            current_value = field_value(current, index, change.field)
            theirs_value = field_value(theirs, self.recipient, change.field)
            if current_value in (base_value, theirs_value) or len(current.recipients) != len(base.recipients):
                kept.append(change)
                continue
            conflicts.append(f"{change.field} changed both in the app and in the reviewed copy")
            self._note_comment(str(current_value or ""), change.after or "", field=change.field)
        from iphr_desk.core.exchange.review_header import HeaderEdit

        result = apply_edits(result, index, [HeaderEdit(c.field, c.before, c.after) for c in kept])
        return result, conflicts

    def _note_comment(self, before: str, after: str, *, field: str | None = None) -> None:
        what = f"the {field}" if field else "the letter's head or foot"
        text = f"Changed in the reviewed copy ({what}): “{before}” → “{after}”"
        key = hashlib.sha256(f"{self.name}\x1f{text}".encode()).hexdigest()
        self.notes_as_comments.append(
            ImportedComment(
                uuid=str(uuid.uuid5(_NAMESPACE, key)),
                author=self.who,
                created_at=_first_date(self.reviewed) or dt.datetime.now(dt.UTC),
                text=text,
                anchor=before.split("\n")[0],
            )
        )
        self.notes.append(text)

    def _letterhead(self, letter: Letter) -> Letterhead:
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.export.letterhead import load_letterhead

        try:
            return load_letterhead(letter.letterhead, self.store.data_dir)
        except IphrError:
            return load_letterhead(None, self.store.data_dir)

    def _base_document(self, base: Letter) -> bytes:
        """The exported revision as it was sent, rebuilt in memory with the same exporter."""
        from iphr_desk.core.export.docx_export import compute_letter_frame, document_bytes

        head = self._letterhead(base)
        frame = compute_letter_frame(base.for_recipient(self.recipient), head)
        return document_bytes([(frame, base.body)], head)


def _first_date(reviewed: ReviewedDocument) -> dt.datetime | None:
    dates = [c.date for c in reviewed.changes if c.date] + [c.date for c in reviewed.comments if c.date]
    return min(dates) if dates else None


def _match_comments(
    store: Store, letter_id: int | None, comments: tuple[ReviewComment, ...], namespace: str
) -> tuple[list[ImportedComment], set[str], list[str]]:
    """The file's comments as store rows, with (1) the uuids already stored, (2) threads to resolve.

    A comment the app exported comes back in the copy: it is recognised by author, text and time (to
    the second) and not added again; a reply to it joins its thread; marked done, it is resolved.
    """
    from iphr_desk.core.store.repository import comments as comment_repo

    records = comment_repo.comment_records(store, letter_id) if letter_id is not None else []
    by_look = {(r.author, " ".join(r.text.split()), r.created_at.replace(microsecond=0)): r for r in records}
    uuids: dict[str, str] = {}
    rows: list[ImportedComment] = []
    existing: set[str] = set()
    resolve: list[str] = []
    for comment in comments:
        when = comment.date.replace(microsecond=0) if comment.date else None
        found = by_look.get((comment.author, " ".join(comment.text.split()), when)) if when else None
        if found is not None:
            uuids[comment.key] = found.uuid
            existing.add(found.uuid)
            if comment.done and not found.resolved and found.parent_id is None:
                resolve.append(found.uuid)
            continue
        ident = str(uuid.uuid5(_NAMESPACE, f"{namespace}:{comment.key}"))
        uuids[comment.key] = ident
        parent = uuids.get(comment.parent_key) if comment.parent_key else None
        rows.append(
            ImportedComment(
                uuid=ident,
                author=comment.author,
                created_at=comment.date or dt.datetime.now(dt.UTC),
                text=comment.text or "(empty comment)",
                anchor=comment.anchor,
                parent_uuid=parent,
                resolved=comment.done and parent is None,
            )
        )
    return rows, existing, resolve


def _status_after(status: str, *, needs_changes: bool, approve: bool) -> tuple[str, ...]:
    """The status changes a reviewed copy makes, each an allowed transition (vocabularies.TRANSITIONS):

    - changes, open comments or conflicts: draft -> in_review -> changes_requested; in_review ->
      changes_requested; changes_requested stays; approved, signed and sent stay (a copy that changes
      their text is refused before this: reopen the letter first);
    - nothing to act on, and the user approves: draft -> in_review -> approved; in_review -> approved;
      changes_requested -> in_review -> approved; the others stay;
    - nothing to act on, no approval: the status stays.
    """
    if needs_changes:
        return {"draft": ("in_review", "changes_requested"), "in_review": ("changes_requested",)}.get(
            status, ()
        )
    if approve:
        return {
            "draft": ("in_review", "approved"),
            "in_review": ("approved",),
            "changes_requested": ("in_review", "approved"),
        }.get(status, ())
    return ()


# --------------------------------------------------------------------------- applying


def apply_review_import(
    store: Store, plan: ReviewPlan, *, author: str, approve: bool = False
) -> ReviewResult:
    """Store what `plan` says, in one transaction. A plan of a file imported before stores nothing."""
    from iphr_desk.core.store.repository import revisions as revision_repo

    if plan.already_imported and plan.letter_id is not None:  # the letter it went into, for --as-new too
        from iphr_desk.core.store.repository import letters as letter_repo

        status = letter_repo.get_letter_info(store, plan.letter_id).status
        return ReviewResult(plan.letter_id, None, status, 0)
    result = parse_letter_text(plan.result_text, plan.file_name)
    status = plan.letter_status or "draft"
    statuses = _status_after(status, needs_changes=plan.needs_changes, approve=approve)
    read_only = status in READ_ONLY_STATUSES and not plan.as_new
    who = ", ".join(plan.reviewers) or "no marks"
    details = {
        "source": plan.file_name,
        (AS_NEW_SHA_KEY if plan.as_new else SHA_KEY): plan.source_sha256,
        "reviewers": list(plan.reviewers),
        "changes": [c.as_json() for c in plan.changes],
        "conflicts": list(plan.conflicts),
        "header_changes": [
            {"field": h.field, "before": h.before, "after": h.after} for h in plan.header_changes
        ],
        "notes": list(plan.notes),
        "base_revision_uuid": plan.base_revision_uuid,
    }
    written = revision_repo.store_reviewed(
        store,
        revision_repo.ReviewedWrite(
            letter_id=None if plan.as_new else plan.letter_id,
            letter=result,
            author=author,
            reason=f"reviewed copy {plan.file_name} ({who})",
            parent_uuid=plan.base_revision_uuid,
            details=details,
            flagged=bool(plan.conflicts),
            statuses=statuses,
            status_note=f"reviewed copy {plan.file_name} ({who})",
            comments=plan.to_store,
            resolve_uuids=plan.resolve_threads,
            new_revision=not read_only,
        ),
    )
    return ReviewResult(
        written.letter_id, written.revision_id, written.status, written.comments_added, plan.as_new
    )


# --------------------------------------------------------------------------- a copy with no identity


def letter_from_document(reviewed: ReviewedDocument, name: str) -> Letter:
    """A new letter from a copy the store does not know: the body, and the head read as well as it
    can be (the user checks it): the address block as the recipient (first line as the name, office
    "organisation" so it prints as it stands), the salutation and closing as overrides, the subject
    without its label, the place and date from the date line, the signatures' lines."""
    from iphr_desk.core.letters.letter import LANGUAGES, Recipient, Signatory

    head = reviewed.header
    language = reviewed.language if reviewed.language in LANGUAGES else "en"
    lines = head.address_lines or ("Recipient",)
    date_line = head.date_line or ""
    place, _, _date_part = date_line.rpartition(",")
    subject = head.subject_line or name
    if ":" in subject[:16]:
        subject = subject.split(":", 1)[1]
    signature = head.signature_lines or ("Signatory",)
    return Letter(
        language=language,  # type: ignore[arg-type]
        place=(place or date_line or "?").strip(),
        date=_date_from_line(date_line, language) or dt.date.today(),
        subject=" ".join(subject.split()) or name,
        recipients=(
            Recipient(
                name=lines[0],
                office="organisation",
                address="\n".join(lines[1:]) or None,
                salutation=head.salutation or None,
                closing=head.closing or None,
            ),
        ),
        signatories=(
            Signatory(
                signature[0],
                title=signature[1] if len(signature) > 1 else None,
                organisation=signature[2] if len(signature) > 2 else None,
            ),
        ),
        body=reviewed.body_markdown,
    )


def _date_from_line(line: str, language: str) -> dt.date | None:
    """The date in a date line ("Bruxelles, 14 mars 2024", "Brüssel, 2. Mai 2024"), by babel's month names."""
    import re

    from babel.dates import get_month_names

    words = re.findall(r"\w+", line.casefold())
    numbers = [int(w) for w in words if w.isdigit()]
    months = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, month in get_month_names(width, context, locale=language).items():
                months[month.casefold().rstrip(".")] = number
    month = next((months[w] for w in words if w in months), None)
    year = next((n for n in numbers if n > 999), None)
    day = next((n for n in numbers if 1 <= n <= 31), None)
    if month is None or year is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
