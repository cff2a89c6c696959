"""The dative a German formal address block needs after "Seiner/Ihrer Exzellenz" ("Seiner Exzellenz /
dem Präsidenten der Französischen Republik / Herrn Emmanuel Macron", protokoll-inland.de Anschriften;
reference §5 and §7), computed from the office title as the letter file types it (the nominative).

Only the head noun changes: the title's first word, which must be a noun in the nominative singular
("Präsident", "Botschafterin", "Bundeskanzler"). Its dative and its gender (for the article "dem" or
"der") come from the `german-nouns` dictionary (Wiktionary's declension tables), not from endings
written here: weak nouns ("Präsident" -> "Präsidenten", "Kronprinz" -> "Kronprinzen") and nouns of the
adjectival declension ("Vorsitzender" -> "Vorsitzenden") are exactly where hand-written rules go wrong.
The complements after the head ("der Französischen Republik") already have their case and stay as
typed. A compound the dictionary lacks is declined as its last component ("Hochkommissar" as
"Kommissar"), found with the library's own compound splitter, its prefix kept.

A wrong ending in a letter to a head of state is worse than none, so every form the dictionary does not
settle (an unknown word, words before the noun such as "Außerordentlicher und Bevollmächtigter", a
compound, a masculine office for a woman) comes back with a note; the frame carries the notes to the
GUI, which shows the block for the writer to check, as it does for the Russian dative.

The dictionary takes about 0.9 s to load (a 20 MB CSV and its index), so it is built on the first German
formal block with a title only, and once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Final

#: The article before a noun in the dative singular, by grammatical gender (Wiktionary's "genus").
_ARTICLE: Final = {"m": "dem", "n": "dem", "f": "der"}
#: Dictionary rows that are names, not common nouns: never a head noun of an office.
_NAME_POS: Final = frozenset({"Nachname", "Vorname", "Familienname", "Eigenname", "Toponym"})
_TRAILING: Final = ",;:"


@dataclass(frozen=True)
class Declined:
    """A form in the dative, and why it may be wrong (empty when the dictionary settled it)."""

    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Head:
    """One dictionary reading of a head noun: its dative singular after the definite article, its gender."""

    dative: str
    genus: str


@cache
def _nouns() -> Any:
    """The dictionary, loaded once; imported here so no other language pays for it.

    Typed `Any`: the package ships no type information.
    """
    from german_nouns.lookup import Nouns  # type: ignore[import-untyped]  # no type information

    return Nouns()


def _readings(word: str) -> tuple[_Head, ...]:
    """The word's readings as a nominative singular common noun, from the dictionary's declension table.

    The index maps every inflected form to its row, so a row counts only when `word` is one of its
    nominative singular forms. After "dem"/"der" a noun of the adjectival declension takes its weak form
    ("dem Vorsitzenden"), which the table lists as "dativ singular schwach".
    """
    heads: list[_Head] = []
    for row in _nouns()[word]:
        if _NAME_POS.intersection(row.get("pos", ())) and "Substantiv" not in row.get("pos", ()):
            continue
        if "Substantiv" not in row.get("pos", ()):
            continue
        flexion: dict[str, str] = row.get("flexion", {})
        nominatives = {v for k, v in flexion.items() if k.startswith("nominativ singular")}
        if word not in nominatives:
            continue
        dative = flexion.get("dativ singular schwach") or flexion.get("dativ singular")
        if dative is None:
            numbered = sorted(k for k in flexion if k.startswith("dativ singular "))
            dative = flexion[numbered[0]] if numbered else None
        genera = {row[k] for k in ("genus", "genus 1", "genus 2", "genus 3", "genus 4") if row.get(k)}
        if dative and len(genera) == 1:
            heads.append(_Head(dative=dative, genus=genera.pop()))
    return tuple(dict.fromkeys(heads))


@cache
def _decline_head(word: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]] | None:
    """The head noun's (article, dative) readings and notes, or None when the dictionary cannot decline it.

    A word the dictionary lacks is tried as a compound: after a hyphen ("EU-Kommissar"), else split by the
    library; the last component gives the ending and the gender, the prefix is kept as typed.
    """
    readings = _readings(word)
    notes: list[str] = []
    prefix = ""
    if not readings:
        if "-" in word:
            prefix, _, last = word.rpartition("-")
            prefix += "-"
        else:
            parts = _nouns().parse_compound(word)
            last = parts[-1] if len(parts) > 1 else ""
            if not last or not word.lower().endswith(last.lower()):
                return None
            prefix = word[: len(word) - len(last)]
            last = word[len(prefix) :]
        candidate = last[:1].upper() + last[1:]
        readings = _readings(candidate)
        if not readings:
            return None
        if not (prefix.endswith("-") or last[:1].isupper()):
            readings = tuple(_Head(h.dative[:1].lower() + h.dative[1:], h.genus) for h in readings)
        notes.append(f"«{word}» is not in the dictionary; declined as «{candidate}».")
    forms = {(_ARTICLE[h.genus], prefix + h.dative) for h in readings if h.genus in _ARTICLE}
    if not forms:
        return None
    return tuple(sorted(forms)), tuple(notes)


def dative_title(title: str, gender: str = "unspecified") -> Declined:
    """The title with its head noun in the dative and the article before it; the rest as typed.

    "Präsident der Französischen Republik" -> "dem Präsidenten der Französischen Republik";
    "Botschafterin der Republik Usbekistan" -> "der Botschafterin der Republik Usbekistan". When the
    first word is not a noun the dictionary can decline, the title is left as typed, with a note.
    """
    title = " ".join(title.split())
    if not title:
        return Declined("")
    first, _, rest = title.partition(" ")
    if first in _ARTICLE.values():
        # Typed already in the dative ("dem Außerordentlichen und Bevollmächtigten Botschafter …"): how a
        # writer corrects a title the dictionary cannot decline, so it is taken as written, without a note.
        return Declined(title)
    word = first.rstrip(_TRAILING)
    tail = first[len(word) :]
    try:
        declined = _decline_head(word) if word[:1].isupper() else None
    except ImportError:
        # german-nouns cannot be a declared dependency (see pyproject.toml); an install without it writes
        # the title as typed and says why, rather than failing the letter.
        return Declined(
            title,
            (
                f"«{title}»: the German noun dictionary (german-nouns) is not installed; "
                "the title is left as written.",
            ),
        )
    if declined is None:
        return Declined(
            title, (f"«{title}»: «{word}» is not a noun the dictionary knows; the title is left as written.",)
        )
    forms, notes = declined
    extra = list(notes)
    # One written form can be two nouns ("Vorsitzende": the woman, or the man after an article); the
    # recipient's gender picks the person's reading, and only a choice it cannot settle is noted.
    wanted = {"female": "der", "male": "dem"}.get(gender)
    matching = [form for form in forms if form[0] == wanted] or list(forms)
    article, dative = matching[0]
    if len(matching) > 1:
        choices = ", ".join(f"{a} {d}" for a, d in matching)
        extra.append(f"«{word}»: dative forms {choices}; chose «{article} {dative}».")
    if gender == "female" and article == "dem":
        extra.append(f"«{word}» is a masculine office for a woman: check the title (feminine form?).")
    if gender == "male" and article == "der":
        extra.append(f"«{word}» is a feminine office for a man: check the title.")
    text = " ".join(part for part in (article, dative + tail, rest) if part)
    return Declined(text, tuple(extra))
