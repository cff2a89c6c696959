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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.core.exchange.review_model import ReviewComment, TrackedChange

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store


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

    @property
    def text_changed(self) -> bool:
        return self.result_text != self.current_text

    @property
    def can_approve(self) -> bool:
        """Nothing to act on: no change to the text and no open comment."""
        open_comments = any(not c.done for c in self.comments)
        return not self.text_changed and not open_comments and not self.conflicts and not self.header_changes


@dataclass(frozen=True)
class ReviewResult:
    letter_id: int
    revision_id: int | None  # None when the text did not change
    status: str
    comments_added: int
    created: bool = False  # a new letter (--as-new)


def plan_review_import(
    store: Store, path: Path, *, letter_id: int | None = None, as_new: bool = False
) -> ReviewPlan:
    raise NotImplementedError  # filled in below by the next commit


def apply_review_import(store: Store, plan: ReviewPlan, *, author: str, approve: bool = False) -> ReviewResult:
    raise NotImplementedError


def export_for_review(
    store: Store, letter_id: int, out: Path, *, with_comments: bool = True, author: str = "export"
) -> Path:
    raise NotImplementedError


_ = dt
