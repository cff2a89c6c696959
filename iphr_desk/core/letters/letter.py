"""The letter as the rest of the core sees it: plain, immutable values with no database attached.

A `Letter` is exactly what a letter file holds (docs/letter-format.md): the letter-file parser
produces it, the store converts it to and from rows, the forms-of-address module turns it into a
`Frame`, and the exporter turns frame + body into a .docx. Keeping it free of SQLAlchemy lets the
CLI export a file without opening any store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Final, Literal, get_args

from iphr_desk.core.letters.names import surname_of

Language = Literal["fr", "en", "ru", "de"]
Gender = Literal["female", "male", "unspecified"]
Register = Literal["house", "formal"]
Voice = Literal["we", "i"]

LANGUAGES: Final[tuple[str, ...]] = get_args(Language)
GENDERS: Final[tuple[str, ...]] = get_args(Gender)
REGISTERS: Final[tuple[str, ...]] = get_args(Register)
VOICES: Final[tuple[str, ...]] = get_args(Voice)

#: The office ids of docs/letter-format.md, "Offices" (a contract shared with resources/protocol/*.toml).
OFFICE_IDS: Final[tuple[str, ...]] = (
    "head_of_state",
    "monarch",
    "head_of_government",
    "minister",
    "ambassador",
    "eu_president",
    "eu_high_representative",
    "eu_commissioner",
    "member_of_parliament",
    "un_secretary_general",
    "un_high_commissioner",
    "un_special_rapporteur",
    "judge",
    "prosecutor",
    "official",
    "organisation",
)

DEFAULT_OFFICE: Final = "official"
DEFAULT_LETTERHEAD: Final = "iphr"


@dataclass(frozen=True)
class Recipient:
    """One addressee. `surname` overrides the surname found in `name` (see `effective_surname`)."""

    name: str
    surname: str | None = None
    gender: Gender = "unspecified"
    office: str = DEFAULT_OFFICE
    title: str | None = None
    organisation: str | None = None
    address: str | None = None
    salutation: str | None = None
    closing: str | None = None

    @property
    def effective_surname(self) -> str:
        """`surname:` when given, else the surname found in the name: "von der Leyen", not "Leyen".

        The salutation and the batch file names both read it, so the two never disagree.
        """
        if self.surname:
            return self.surname
        return surname_of(self.name).surname

    @property
    def address_lines(self) -> tuple[str, ...]:
        if not self.address:
            return ()
        return tuple(line.strip() for line in self.address.splitlines() if line.strip())


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Letter:
    """A letter as written in a letter file: front matter plus the CommonMark body.

    `recipients` always holds at least one recipient. `batch` records whether the file used the
    list form `recipients:` (one letter per recipient) rather than `recipient:`, so that writing
    the letter back gives the same file shape.
    """

    language: Language
    place: str
    date: dt.date
    subject: str
    recipients: tuple[Recipient, ...]
    signatories: tuple[Signatory, ...]
    body: str = ""
    register: Register = "house"
    voice: Voice = "we"
    cc: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    letterhead: str | None = None
    batch: bool = False

    @property
    def recipient(self) -> Recipient:
        """The first (for a single letter, the only) recipient."""
        return self.recipients[0]

    def for_recipient(self, index: int) -> Letter:
        """The single letter this batch sends to recipient number `index`."""
        return replace(self, recipients=(self.recipients[index],), batch=False)
