"""The dative a Russian address block needs (GOST R 7.0.97-2016: "Президенту Республики Узбекистан /
Ш.М. Мирзиёеву"), computed from the nominative the letter file holds.

Nothing here writes an ending by hand: office titles are declined with pymorphy3 (the OpenCorpora
dictionary, shipped in the `pymorphy3-dicts-ru` wheel, so it works offline), names with pytrovich (the
petrovich rules, which know Central Asian and female surnames: Токаев -> Токаеву, Юсупова ->
Юсуповой, Каллас stays). Either library can be unsure, and a wrong ending in a letter to a head of
state is worse than none, so every form comes back with the reasons it may be wrong (`Declined.notes`);
the frame carries them to the GUI, which shows the chosen form for the writer to check.

Both analysers take a noticeable moment to load, so they are built on first use only: a French or
English letter never pays for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import pymorphy3  # type: ignore[import-untyped]  # ships no type information
from pytrovich import Case, Gender, NamePart, PetrovichDeclinationMaker, PetrovichGenderDetector

_CYRILLIC: Final = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_ROMAN: Final = frozenset("IVXLCDM")
_AGREEING: Final = frozenset({"ADJF", "PRTF", "NUMR"})  # words before the head noun that agree with it
_LINKS: Final = frozenset({"и", ","})
_GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}


@dataclass(frozen=True)
class Declined:
    """A form in the dative, and why it may be wrong (empty when both libraries were sure)."""

    text: str
    notes: tuple[str, ...] = ()


@cache
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@cache
def _detector() -> PetrovichGenderDetector:
    return PetrovichGenderDetector()


def _is_cyrillic(word: str) -> bool:
    letters = [c for c in word.lower() if c.isalpha()]
    return bool(letters) and all(c in _CYRILLIC for c in letters) and _encodable(word)


def _encodable(word: str) -> bool:
    """False for text holding a lone surrogate (no file or keyboard gives one, but a string built in
    code can): the dictionaries encode every word as UTF-8 and would raise on it."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _same_case(original: str, form: str) -> str:
    """The dictionary's lower-case form written with the original's capitals, hyphen part by hyphen part
    ("Премьер-министр" -> "Премьер-министру")."""
    parts = form.split("-")
    for index, source in enumerate(original.split("-")[: len(parts)]):
        if source[:1].isupper():
            parts[index] = parts[index][:1].upper() + parts[index][1:]
    return "-".join(parts)


# --- office titles ----------------------------------------------------------------------------


def dative_title(title: str) -> Declined:
    """The title's head noun phrase in the dative, its complements untouched.

    "Чрезвычайный и Полномочный Посол Республики Узбекистан" -> "Чрезвычайному и Полномочному Послу
    Республики Узбекистан": the agreeing words up to the first noun in the nominative change, the
    genitive and prepositional complements after it already have their case. An office is held by a
    person, so an animate reading of the head wins over an inanimate one (посол "ambassador", not
    "salting").
    """
    words = title.split()
    out: list[str] = []
    notes: list[str] = []
    for index, word in enumerate(words):
        core = word.rstrip(",")
        if core.lower() in _LINKS or not core or not _encodable(core):
            out.append(word)
            continue
        parses = [p for p in _morph().parse(core) if "nomn" in p.tag and "plur" not in p.tag]
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        animate = [p for p in nouns if "anim" in p.tag]
        head = animate or nouns
        candidates = head or [p for p in parses if p.tag.POS in _AGREEING]
        inflected = [form for form in (p.inflect({"datv"}) for p in candidates) if form is not None]
        if not inflected:
            notes.append(f"«{title}»: no noun in the nominative found; the title is left as written.")
            return Declined(title, tuple(notes))
        forms = {form.word for form in inflected}
        chosen = inflected[0]
        dative = _same_case(core, chosen.word) + word[len(core) :]
        if len(forms) > 1:
            notes.append(f"«{core}»: dative forms {', '.join(sorted(forms))}; chose «{chosen.word}».")
        if not all(p.is_known for p in candidates):
            notes.append(f"«{core}» is not in the dictionary; «{chosen.word}» is a guess.")
        out.append(dative)
        if head:
            return Declined(" ".join([*out, *words[index + 1 :]]), tuple(notes))
    notes.append(f"«{title}»: no noun in the nominative found; the title is left as written.")
    return Declined(title, tuple(notes))


# --- names ------------------------------------------------------------------------------------


def split_name(name: str, surname: str) -> tuple[list[str], list[str]]:
    """The given names (first name, patronymic) and the surname's words.

    The surname is found at the end of the name ("Шавкат Мирзиёев") or at its start ("Мирзиёев Шавкат
    Миромонович", the Russian official order). Lower-case particles before it belong to it and never
    decline ("Урсула фон дер Ляйен" -> "фон дер Ляйен").
    """
    words, family = name.split(), surname.split()
    if family and words[-len(family) :] == family:
        given = words[: -len(family)]
    elif family and words[: len(family)] == family:
        given = words[len(family) :]
    else:
        given = [word for word in words if word not in family]
    while given and given[-1][:1].islower():
        family.insert(0, given.pop())
    return given, family


def initials(given: list[str]) -> str:
    """GOST's initials, without spaces between them: "Ш.М.", and "К.-Ж." for a hyphenated first name."""
    return "".join("-".join(f"{part[0].upper()}." for part in word.split("-") if part) for word in given)


def _gender(gender: str, given: list[str], family: list[str]) -> tuple[Gender | None, bool, list[str]]:
    """The grammatical gender to decline with, whether the writer gave it, and notes when it was guessed."""
    if gender in _GENDERS:
        return _GENDERS[gender], True, []
    first = given[0] if given else None
    middle = given[1] if len(given) > 1 else None
    last = family[-1] if family else None
    if first is None and last is None:
        return None, False, []
    guessed = _detector().detect(firstname=first, lastname=last, middlename=middle)
    if guessed == Gender.ANDROGYNOUS:
        return (
            None,
            False,
            ["Gender not set and not clear from the name: the name is left in the nominative."],
        )
    word = "male" if guessed == Gender.MALE else "female"
    return guessed, False, [f"Gender not set: declined as {word}, guessed from the name."]


def _decline(part: NamePart, word: str, gender: Gender, known: bool) -> Declined:
    """One name word in the dative; the dictionary is asked too, and a disagreement is noted."""
    if not word or set(word) <= _ROMAN:
        return Declined(word)
    if not _is_cyrillic(word):
        return Declined(word, (f"«{word}» is not written in Cyrillic: left as written.",))
    form = _maker().make(part, gender, Case.DATIVE, word, known_gender=known)
    if part != NamePart.LASTNAME:
        return Declined(form)
    grammeme = "masc" if gender == Gender.MALE else "femn"
    dictionary = {
        inflected.word
        for p in _morph().parse(word)
        if p.is_known and {"Surn", "nomn", grammeme} <= p.tag.grammemes
        for inflected in [p.inflect({"datv"})]
        if inflected is not None
    }
    if dictionary and form.lower() not in dictionary:
        return Declined(
            form, (f"«{word}»: the dictionary gives {', '.join(sorted(dictionary))}; chose «{form}».",)
        )
    return Declined(form)


def _surname_dative(family: list[str], gender: Gender, known: bool) -> Declined:
    if not family:
        return Declined("")
    last = _decline(NamePart.LASTNAME, family[-1], gender, known)
    return Declined(" ".join([*family[:-1], last.text]), last.notes)


def dative_short_name(name: str, surname: str, gender: str) -> Declined:
    """Initials and surname in the dative, as GOST writes the addressee: "Ш.М. Мирзиёеву", "М. Юсуповой"."""
    given, family = split_name(name, surname)
    grammatical, known, notes = _gender(gender, given, family)
    if grammatical is None:
        return Declined(" ".join(part for part in (initials(given), " ".join(family)) if part), tuple(notes))
    declined = _surname_dative(family, grammatical, known)
    text = " ".join(part for part in (initials(given), declined.text) if part)
    return Declined(text, (*notes, *declined.notes))


def dative_full_name(name: str, surname: str, gender: str) -> Declined:
    """The whole name in the dative, first name, patronymic and surname each by its own rules
    ("Шавкат Мирзиёев" -> "Шавкату Мирзиёеву"); for monarchs, whom no initials abbreviate."""
    given, family = split_name(name, surname)
    grammatical, known, notes = _gender(gender, given, family)
    if grammatical is None:
        return Declined(name.strip(), tuple(notes))
    parts = [
        _decline(NamePart.FIRSTNAME if index == 0 else NamePart.MIDDLENAME, word, grammatical, known)
        for index, word in enumerate(given)
    ]
    if family and set(family[-1]) <= _ROMAN:  # "Карл III": the numeral is not a surname
        parts.extend(Declined(word) for word in family)
    else:
        parts.append(_surname_dative(family, grammatical, known))
    text = " ".join(part.text for part in parts if part.text)
    return Declined(text, (*notes, *(note for part in parts for note in part.notes)))
