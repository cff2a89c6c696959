"""The values callers receive and pass in: frozen dataclasses, never ORM objects.

Frozen plain values can cross into the GUI thread and outlive the session that read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from iphr_desk.core.letters import letter as lt
from iphr_desk.core.vocabularies import READ_ONLY_STATUSES


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
