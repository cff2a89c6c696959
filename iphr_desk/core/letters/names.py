"""The surname a letter uses when the recipient has no `surname:` of its own.

"Dear President Leyen," and a batch file named "Leyen" are what the last word of a name gives; the
salutation needs the surname as its bearer uses it: "von der Leyen", "de Gaulle", "Borrell" (the first
of two Spanish surnames), "Tokayev" (never the patronymic "Kemeluly"). The name parser (nameparser)
knows particles and name order; resources/protocol/name_particles.toml adds the particles it lacks and
the rules it cannot know (patronymic markers, Spanish given names), each with its source. What cannot
be decided from the name alone is marked `ambiguous`, so the editor can ask the user to check it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from iphr_desk.resources import resource

if TYPE_CHECKING:
    from nameparser import Parser

#: Where the particles, patronymic markers and Spanish given names are kept, with their sources.
PARTICLES_FILE: Final = ("protocol", "name_particles.toml")
#: Letters a fused patronymic has before its ending ("Kemeluly", not a bare "uly").
_MIN_STEM: Final = 2
_APOSTROPHES: Final = re.compile(r"[’ʻʼ‘]")


@dataclass(frozen=True)
class SurnameGuess:
    """The surname found in a name, and whether the name left a real choice the user should check."""

    surname: str
    ambiguous: bool


@dataclass(frozen=True)
class _NameData:
    particles: frozenset[str]
    markers: frozenset[str]
    endings: tuple[str, ...]
    spanish_given: frozenset[str]


def _fold(word: str) -> str:
    """A word compared without case and with one apostrophe (o'g'li, o‘g‘li and oʻgʻli are one marker)."""
    return _APOSTROPHES.sub("'", word).casefold()


@cache
def _data() -> _NameData:
    """The data file, read once: it ships with the app and does not change while it runs."""
    with resource(*PARTICLES_FILE).open("rb") as f:
        raw = tomllib.load(f)
    words = {_fold(word) for group in raw["particles"].values() for entry in group for word in entry.split()}
    return _NameData(
        particles=frozenset(words),
        markers=frozenset(_fold(m) for m in raw["patronymics"]["markers"]),
        endings=tuple(_fold(e) for e in raw["patronymics"]["endings"]),
        spanish_given=frozenset(_fold(n) for n in raw["spanish"]["given_names"]),
    )


@cache
def _parser() -> Parser:
    """The parser with our particles added; built on first use, as importing nameparser takes 60 ms."""
    from nameparser import Lexicon, Parser, PatronymicRule, Policy

    lexicon = Lexicon.default().add(particles=sorted(_data().particles))
    rules = frozenset({PatronymicRule.TURKIC, PatronymicRule.EAST_SLAVIC})
    return Parser(lexicon, Policy(patronymic_rules=rules))


def _is_fused_patronymic(word: str, data: _NameData) -> bool:
    folded = _fold(word)
    return any(folded.endswith(e) and len(folded) - len(e) >= _MIN_STEM for e in data.endings)


def _patronymic_start(words: list[str], end: int, data: _NameData) -> int | None:
    """Where a patronymic ending just before `end` begins ("Nurgojo uulu", "Kemeluly"), if one does."""
    last = end - 1
    if last >= 1 and _fold(words[last]) in data.markers:
        return last - 1
    if last >= 0 and _is_fused_patronymic(words[last], data):
        return last
    return None


def _by_patronymic(words: list[str], data: _NameData) -> SurnameGuess | None:
    """The surname placed by a patronymic, which is itself never part of it.

    Ending the name ("Tokayev Kassym-Jomart Kemeluly", "Лавров Сергей Викторович"), it marks the
    official surname-first order (GOST R 7.0.97, Central Asian registries): the surname is the first
    word. Before the last word ("Sadyr Nurgojo uulu Japarov"), the given-name-first order: the surname
    is the last word. A two-word name is read as "Given Surname" ("Aleksandr Lukashevich").
    """
    if len(words) < 3:
        return None
    start = _patronymic_start(words, len(words), data)
    if start is not None:
        before = words[:start]
        if len(before) >= 2 and _patronymic_start(words, start, data) is None:
            return SurnameGuess(before[0], ambiguous=False)
        return SurnameGuess(before[0] if before else words[0], ambiguous=True)  # no surname written
    start = _patronymic_start(words, len(words) - 1, data)
    if start is not None and start >= 1:
        return SurnameGuess(words[-1], ambiguous=False)
    return None


def _by_spanish_rule(words: list[str], data: _NameData) -> SurnameGuess | None:
    """ "Josep Borrell Fontelles" -> "Borrell": after Spanish given names, the first of two surnames."""
    given = 0
    while given < len(words) - 1 and _fold(words[given]) in data.spanish_given:
        given += 1
    rest = words[given:]
    if given and len(rest) == 2 and not any(_fold(w) in data.particles for w in rest):
        return SurnameGuess(rest[0], ambiguous=False)
    return None


@lru_cache(maxsize=1024)
def surname_of(name: str, language: str | None = None) -> SurnameGuess:
    """The surname a salutation and a batch file name use for `name`.

    `language` is the letter's language; no rule depends on it today, since a name's tradition is its
    bearer's, not the letter's (a Spanish name in a German letter keeps both surnames' order), but
    the callers pass it where they know it so a rule of one language has its place here.
    """
    text = " ".join(name.split())
    if not text:
        return SurnameGuess("", ambiguous=False)
    data = _data()
    words = text.split(" ")
    if "," not in text:  # "Leyen, Ursula von der" is the parser's to read
        found = _by_patronymic(words, data) or _by_spanish_rule(words, data)
        if found:
            return found
    parsed = _parser().parse(text)
    surname = parsed.family.strip()
    if not surname:
        return SurnameGuess(words[-1], ambiguous=len(words) > 1)
    ambiguous = bool(parsed.ambiguities) or (bool(parsed.middle) and not parsed.family_particles)
    return SurnameGuess(surname, ambiguous=ambiguous)
