"""What a reviewed .docx holds, as plain frozen values: shared by the reader, the import and the GUI.

Kept apart from the reader (`docx_review`) so the GUI's "Import reviewed copy…" dialog can name these
types without loading lxml or python-docx.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

#: Custom document properties (docProps/custom.xml) every export from the store carries.
LETTER_PROPERTY: Final = "IPHR-Desk-Letter"
REVISION_PROPERTY: Final = "IPHR-Desk-Revision"
REVISION_ID_PROPERTY: Final = "IPHR-Desk-Revision-Id"
RECIPIENT_PROPERTY: Final = "IPHR-Desk-Recipient"


@dataclass(frozen=True)
class TrackedChange:
    """One tracked change of the reviewed copy.

    `kind`: "insertion", "deletion", "move" (text moved: `text` is what moved), "formatting" (a run's
    character formatting changed: `text` is the run), "paragraph" (a paragraph mark inserted or deleted).
    `part`: where it is: "body", "footnote", "salutation", "closing", "address", "header" (date,
    subject and the rest of the letter's head), "signature", "cc".
    """

    kind: str
    author: str
    date: dt.datetime | None
    text: str
    part: str = "body"

    def as_json(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "text": self.text,
            "part": self.part,
        }


@dataclass(frozen=True)
class ReviewComment:
    """A Word comment. `key` identifies it within its file (author, date, text, anchor, parent's key):
    the import derives the app comment's uuid from it, so importing the same file twice adds nothing.
    `parent_key` is the key of the comment it replies to (commentsExtended `paraIdParent`)."""

    key: str
    author: str
    date: dt.datetime | None
    text: str
    anchor: str
    parent_key: str | None = None
    done: bool = False
    initials: str = ""


@dataclass(frozen=True)
class Provenance:
    """Where an exported .docx came from: the letter and the stored revision it was made from."""

    letter_uuid: str
    revision_uuid: str
    revision_id: int | None = None
    recipient: int = 0


@dataclass(frozen=True)
class HeaderFields:
    """The letter's head and foot as the document shows them (after tracked changes)."""

    address_lines: tuple[str, ...] = ()
    salutation: str | None = None
    closing: str | None = None
    date_line: str | None = None
    subject_line: str | None = None
    signature_lines: tuple[str, ...] = ()
    cc_lines: tuple[str, ...] = ()
    attention_line: str | None = None


@dataclass(frozen=True)
class ReviewedDocument:
    """A reviewed .docx read back: its identity, the body as Markdown, the head, changes, comments."""

    provenance: Provenance | None
    body_markdown: str
    header: HeaderFields
    changes: tuple[TrackedChange, ...] = ()
    comments: tuple[ReviewComment, ...] = ()
    language: str | None = None
    found_markers: bool = True  # False: the letter's styles were not found; the whole text is the body
    warnings: tuple[str, ...] = field(default=())

    @property
    def reviewers(self) -> tuple[str, ...]:
        """Everyone who changed or commented, in order of first appearance."""
        names = [c.author for c in self.changes] + [c.author for c in self.comments]
        return tuple(dict.fromkeys(n for n in names if n))
