"""The letter as the rest of the core sees it: plain, immutable values with no database attached.

A `Letter` is exactly what a letter file holds (docs/letter-format.md): the letter-file parser
produces it, the store converts it to and from rows, the forms-of-address module turns it into a
`Frame`, and the exporter turns frame + body into a .docx. Keeping it free of SQLAlchemy lets the
CLI export a file without opening any store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
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
    #: The recipient block typed by hand, one line each, for a Russian letter whose computed dative
    #: (pymorphy3, pytrovich) is wrong: it replaces the organisation, office and name lines; the
    #: `address` lines still follow. Other languages keep it but do not use it (see `address_block_for`).
    address_dative: str | None = None

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


#: A signatory's title per letter language, as (language, title) pairs in `LANGUAGES` order: a tuple
#: rather than a dict so that a `Letter` stays hashable and compares equal whatever order the titles
#: were given in.
Titles = tuple[tuple[str, str], ...]


def normal_titles(titles: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> Titles:
    """Titles in `LANGUAGES` order, blank ones left out; refuses a language the app does not write in."""
    pairs = dict(titles.items() if isinstance(titles, Mapping) else titles or ())
    unknown = sorted(set(pairs) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"unknown letter language {unknown[0]!r} in titles (use {', '.join(LANGUAGES)})")
    return tuple((lang, pairs[lang].strip()) for lang in LANGUAGES if (pairs.get(lang) or "").strip())


def stored_titles(value: object) -> Titles:
    """Titles as a store's JSON column holds them ({"fr": "Directrice"}), read leniently: a language
    or a value the app does not know is skipped rather than making the letter unreadable."""
    if not isinstance(value, Mapping):
        return ()
    return normal_titles({k: v for k, v in value.items() if k in LANGUAGES and isinstance(v, str)})


@dataclass(frozen=True)
class TitleChoice:
    """The title a signature block prints in a given letter language, and where it came from.

    `fallback` is True when the signatory has no title in that language and another one stands in
    (the general `title`, else a title in another language): the editor shows it, as it shows a
    letterhead without a place in the letter's language, so nobody signs "Director" in a French letter
    without having seen it.
    """

    text: str | None
    language: str | None
    fallback: bool


@dataclass(frozen=True)
class Signatory:
    """One signature block. `title` is the title for any language `titles` has no entry for."""

    name: str
    title: str | None = None
    organisation: str | None = None
    titles: Titles = ()

    def __post_init__(self) -> None:
        # Normalised here so that two signatories with the same titles given in another order (a
        # letter file's mapping, the database's JSON) are equal: the autosave compares them.
        object.__setattr__(self, "titles", normal_titles(self.titles))

    def title_for(self, language: str) -> TitleChoice:
        """The title for a letter in `language`: its own, else `title`, else English, else the first."""
        own = dict(self.titles)
        if language in own:
            return TitleChoice(own[language], language, False)
        if self.title and self.title.strip():
            return TitleChoice(self.title, None, bool(self.titles))
        for lang in ("en", *LANGUAGES):
            if lang in own:
                return TitleChoice(own[lang], lang, True)
        return TitleChoice(None, None, False)


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
    #: The signatories' signature images (PNG), in their order. The store sets them only on a Signed or
    #: Sent letter (and signing, on the letter it signs); a letter file never holds them. Not compared:
    #: the same letter with or without its images is the same text.
    signature_images: tuple[bytes | None, ...] = field(default=(), compare=False, repr=False)

    @property
    def recipient(self) -> Recipient:
        """The first (for a single letter, the only) recipient."""
        return self.recipients[0]

    def for_recipient(self, index: int) -> Letter:
        """The single letter this batch sends to recipient number `index`."""
        return replace(self, recipients=(self.recipients[index],), batch=False)
