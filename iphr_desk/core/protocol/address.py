"""Forms of address: from a letter's front matter to the frame around its body.

The forms themselves are data (resources/protocol/{fr,en,ru,de}.toml, sources cited there); this
module only loads and checks those tables, fills their templates, and assembles the frame. The
one rule kept in code is generic: a closing template may repeat the final salutation without its
trailing punctuation (`{salutation}`), which is how French closings echo the salutation even
when the recipient overrides it.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType
from typing import Any, Final

from iphr_desk.core.errors import BadInput, IphrError
from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, OFFICE_IDS, REGISTERS, VOICES, Letter, Recipient
from iphr_desk.core.protocol.frame import Frame, SignatureBlock
from iphr_desk.core.protocol.housestyle import HouseStyle
from iphr_desk.core.protocol.locale_names import format_day_date
from iphr_desk.resources import resource

#: Address-block placeholders beyond the plain ones: the organisation where the table places it, and the
#: Russian dative forms GOST R 7.0.97 asks for (computed by `russian.py`, only when a template names them).
_ADDRESS_EXTRA: Final = ("organisation", "title_dative", "short_name_dative", "name_dative")
_DATIVE_FIELDS: Final = frozenset(_ADDRESS_EXTRA[1:])
_LINE_LISTS: Final = frozenset({"address", "address_untitled"})

#: What each field of a cell may refer to; anything else in a template is a broken table.
PLACEHOLDERS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "salutation": frozenset({"name", "surname"}),
        "closing": frozenset({"salutation", "name", "surname"}),
        "courtesy": frozenset(),
        "address": frozenset({"courtesy", "name", "surname", "title", *_ADDRESS_EXTRA}),
        "address_untitled": frozenset({"courtesy", "name", "surname", *_ADDRESS_EXTRA}),
    }
)
_CELL_FIELDS: Final = tuple(PLACEHOLDERS)
_REQUIRED_IN_CELL: Final = ("salutation", "courtesy")
_DEFAULT_FIELDS: Final = ("closing", "address", "address_untitled")
_SPACES = re.compile(r"[ \t]+")
_SPACE_BEFORE_COMMA = re.compile(r" ,")
_TRAILING_PUNCTUATION = ",!:;"


class ProtocolTableError(IphrError):
    """A shipped forms-of-address table is broken: a missing cell, key or an unknown placeholder."""


@dataclass(frozen=True)
class Cell:
    """One office x gender x register of one language, its defaults already applied."""

    salutation: str
    closing: Mapping[str, str]  # voice -> template
    courtesy: str
    address: str
    address_untitled: str


@dataclass(frozen=True)
class Table:
    """One language's forms of address, checked complete when loaded."""

    language: str
    labels: Mapping[str, str]
    cells: Mapping[tuple[str, str, str], Cell]

    def cell(self, office: str, gender: str, register: str) -> Cell:
        try:
            return self.cells[(office, gender, register)]
        except KeyError:
            raise BadInput(
                f"No form of address for office '{office}', gender '{gender}', register '{register}'; "
                f"offices are {', '.join(OFFICE_IDS)}."
            ) from None


# --- loading ------------------------------------------------------------------------------------


@cache
def load_table(language: str) -> Table:
    """The checked table for `language`, read once per process."""
    if language not in LANGUAGES:
        raise BadInput(f"Unknown letter language '{language}' (use {', '.join(LANGUAGES)}).")
    path = resource("protocol", f"{language}.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProtocolTableError(f"{path}: cannot read the forms-of-address table ({exc}).") from exc
    return parse_table(language, data, str(path))


def parse_table(language: str, data: Mapping[str, Any], source: str) -> Table:
    """Check a loaded table cell by cell and apply its defaults (language, then office, then cell)."""
    unknown = set(data) - {"house", "formal", "offices"}
    if unknown:
        raise ProtocolTableError(f"{source}: unknown top-level key '{sorted(unknown)[0]}'.")
    offices = _table(data, "offices", source)
    extra = set(offices) - set(OFFICE_IDS)
    if extra:
        raise ProtocolTableError(f"{source}: unknown office '{sorted(extra)[0]}'.")
    labels: dict[str, str] = {}
    cells: dict[tuple[str, str, str], Cell] = {}
    for office in OFFICE_IDS:
        where = f"{source}: offices.{office}"
        entry = _table(offices, office, f"{source}: offices")
        unknown = set(entry) - {"label", "house", "formal", *GENDERS}
        if unknown:
            raise ProtocolTableError(f"{where}: unknown key '{sorted(unknown)[0]}'.")
        labels[office] = _text(entry, "label", where)
        for gender in GENDERS:
            by_register = _table(entry, gender, where)
            for register in REGISTERS:
                cell_where = f"{where}.{gender}.{register}"
                own = _table(by_register, register, f"{where}.{gender}")
                merged = {
                    **_optional_table(data, register, source),
                    **_optional_table(entry, register, where),
                    **own,
                }
                cells[(office, gender, register)] = _cell(merged, own, cell_where)
    return Table(language=language, labels=MappingProxyType(labels), cells=MappingProxyType(cells))


def _cell(merged: Mapping[str, Any], own: Mapping[str, Any], where: str) -> Cell:
    unknown = set(merged) - set(_CELL_FIELDS)
    if unknown:
        raise ProtocolTableError(f"{where}: unknown key '{sorted(unknown)[0]}'.")
    for key in _REQUIRED_IN_CELL:
        if key not in own:
            raise ProtocolTableError(f"{where}: missing '{key}'.")
    for key in _DEFAULT_FIELDS:
        if key not in merged:
            raise ProtocolTableError(f"{where}: missing '{key}' (in the cell or a register default).")
    closing = _voices(merged["closing"], where)
    values = {key: _template(merged, key, where) for key in _CELL_FIELDS if key != "closing"}
    for voice, text in closing.items():
        _check_placeholders(text, "closing", f"{where}.closing.{voice}")
    if not values["salutation"].strip():
        raise ProtocolTableError(f"{where}: the salutation is empty.")
    return Cell(closing=closing, **values)


def _voices(value: Any, where: str) -> Mapping[str, str]:
    """A closing is one text for both voices or a table `{ we = "…", i = "…" }`."""
    if isinstance(value, str):
        voices = dict.fromkeys(VOICES, value)
    elif isinstance(value, Mapping) and set(value) == set(VOICES):
        voices = dict(value)
    else:
        raise ProtocolTableError(f"{where}.closing: give one text or a table with exactly 'we' and 'i'.")
    for voice, text in voices.items():
        if not isinstance(text, str) or not text.strip():
            raise ProtocolTableError(f"{where}.closing.{voice}: must be non-empty text.")
    return MappingProxyType(voices)


def _template(data: Mapping[str, Any], key: str, where: str) -> str:
    """One template; an address block may be a list of line templates, one per line of the block."""
    value = data[key]
    if key in _LINE_LISTS and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = "\n".join(value)
    if not isinstance(value, str):
        kinds = "text or a list of lines" if key in _LINE_LISTS else "text"
        raise ProtocolTableError(f"{where}.{key}: must be {kinds}.")
    _check_placeholders(value, key, f"{where}.{key}")
    return value


def _check_placeholders(template: str, key: str, where: str) -> None:
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise ProtocolTableError(f"{where}: malformed template ({exc}).") from exc
    wrong = fields - PLACEHOLDERS[key]
    if wrong:
        allowed = ", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS[key])) or "none"
        raise ProtocolTableError(f"{where}: unknown placeholder {{{sorted(wrong)[0]}}} (allowed: {allowed}).")


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise ProtocolTableError(f"{where}: missing table '{key}'.")
    return value


def _optional_table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    if key not in data:
        return {}
    return _table(data, key, where)


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProtocolTableError(f"{where}: missing text '{key}'.")
    return value


# --- filling ------------------------------------------------------------------------------------


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with its placeholders replaced, each line's spaces tidied.

    Values are inserted verbatim (braces in a name stay braces). An empty value (the courtesy
    word of an unspecified gender, a missing name) leaves no double space, no space before a
    comma and no leading comma.
    """
    lines = (_tidy(line) for line in template.format_map(values).split("\n"))
    return "\n".join(line for line in lines if line)


def _tidy(line: str) -> str:
    line = _SPACE_BEFORE_COMMA.sub(",", _SPACES.sub(" ", line)).strip()
    return line.lstrip(", ") if line.startswith(",") else line


def bare_salutation(salutation: str) -> str:
    """The salutation as a closing repeats it: without its final comma (or "!" / ":")."""
    return salutation.strip().rstrip(_TRAILING_PUNCTUATION).rstrip()


def _person_values(recipient: Recipient) -> dict[str, str]:
    return {
        "name": recipient.name.strip(),
        "surname": recipient.effective_surname.strip(),
        "title": (recipient.title or "").strip(),
    }


def _cell_for(recipient: Recipient, language: str, register: str) -> Cell:
    return load_table(language).cell(recipient.office, recipient.gender, register)


def salutation_for(
    recipient: Recipient,
    language: str,
    register: str = "house",
    voice: str = "we",
    style: HouseStyle | None = None,
) -> str:
    """The salutation line: the recipient's own override, else the table's form filled in.

    `voice` and `style` are accepted so the GUI's preview can call every helper the same way;
    no table varies a salutation by them today.
    """
    if recipient.salutation and recipient.salutation.strip():
        return recipient.salutation.strip()
    cell = _cell_for(recipient, language, register)
    return fill(cell.salutation, _person_values(recipient))


def closing_for(
    recipient: Recipient,
    language: str,
    register: str = "house",
    voice: str = "we",
    style: HouseStyle | None = None,
) -> str:
    """The closing: the recipient's override, else the table's form in the letter's voice."""
    if recipient.closing and recipient.closing.strip():
        return recipient.closing.strip()
    if voice not in VOICES:
        raise BadInput(f"Unknown voice '{voice}' (use {', '.join(VOICES)}).")
    cell = _cell_for(recipient, language, register)
    salutation = salutation_for(recipient, language, register, voice, style)
    values = {**_person_values(recipient), "salutation": bare_salutation(salutation)}
    return fill(cell.closing[voice], values)


@dataclass(frozen=True)
class AddressBlock:
    """The recipient block's lines, and why a computed form in it may be wrong.

    `notes` is empty unless a declension library was unsure (several dative readings, an unknown word,
    a gender guessed from the name): the GUI shows them beside the block so the writer checks the form
    before a head of state reads it.
    """

    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()


def address_block_for(recipient: Recipient, language: str, register: str = "house") -> AddressBlock:
    """The recipient block as the table lays it out (lines, order, case), then the address lines.

    The organisation goes where the template puts `{organisation}`, else after the table's lines.
    In a Russian letter, the recipient's `address_dative` (typed by hand where the declension libraries
    are wrong) replaces the lines the table computes; the `address` lines follow it as usual, and no
    note is left, since a person wrote the form.
    """
    override = typed_dative_lines(recipient, language)
    if override:
        return AddressBlock(override + recipient.address_lines)
    cell = _cell_for(recipient, language, register)
    values = {**_person_values(recipient), "courtesy": cell.courtesy}
    template = cell.address if values["title"] else cell.address_untitled
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    organisation = (recipient.organisation or "").strip()
    if organisation == values["name"]:
        organisation = ""
    values["organisation"] = organisation
    notes: list[str] = []
    if fields & _DATIVE_FIELDS:
        notes.extend(_add_datives(values, recipient.gender, fields, language))
    lines = list(fill(template, values).split("\n"))
    if organisation and "organisation" not in fields:
        lines.append(organisation)
    lines.extend(recipient.address_lines)
    return AddressBlock(tuple(line for line in lines if line), tuple(dict.fromkeys(notes)))


def typed_dative_lines(recipient: Recipient, language: str) -> tuple[str, ...]:
    """The hand-typed dative block's non-empty lines when they apply (a Russian letter), else ()."""
    if language != "ru" or not recipient.address_dative:
        return ()
    return tuple(line.strip() for line in recipient.address_dative.splitlines() if line.strip())


def computed_dative_lines(recipient: Recipient, register: str = "house") -> tuple[str, ...]:
    """The lines `address_dative` replaces, as the tables compute them: what the editor prefills the
    override with, so the writer corrects the computed form instead of typing it from nothing."""
    plain = replace(recipient, address_dative=None, address=None)
    return address_block_for(plain, "ru", register).lines


def _add_datives(values: dict[str, str], gender: str, fields: set[str], language: str = "ru") -> list[str]:
    """Fill the dative placeholders the template names; imported here so other languages never load
    the Russian dictionaries (nor other blocks the German one)."""
    if language == "de":
        return _add_german_dative(values, gender, fields)
    from iphr_desk.core.protocol import russian

    declined: dict[str, russian.Declined] = {}
    if "title_dative" in fields and values["title"]:
        declined["title_dative"] = russian.dative_title(values["title"])
    if "short_name_dative" in fields:
        declined["short_name_dative"] = russian.dative_short_name(values["name"], values["surname"], gender)
    if "name_dative" in fields:
        declined["name_dative"] = russian.dative_full_name(values["name"], values["surname"], gender)
    for key in _DATIVE_FIELDS:
        values[key] = declined[key].text if key in declined else ""
    return [note for form in declined.values() for note in form.notes]


def _add_german_dative(values: dict[str, str], gender: str, fields: set[str]) -> list[str]:
    """German: only the office takes the dative ("Seiner Exzellenz / dem Präsidenten der … / Herrn …");
    the name keeps "Herrn"/"Frau" in the line template, so the Russian name fields stay empty."""
    from iphr_desk.core.protocol import german

    for key in _DATIVE_FIELDS:
        values[key] = ""
    if "title_dative" not in fields or not values["title"]:
        return []
    declined = german.dative_title(values["title"], gender)
    values["title_dative"] = declined.text
    return list(declined.notes)


def address_lines_for(recipient: Recipient, language: str, register: str = "house") -> tuple[str, ...]:
    """The recipient block's lines (`address_block_for` without its notes)."""
    return address_block_for(recipient, language, register).lines


def date_line_for(letter: Letter, style: HouseStyle | None = None) -> str:
    """The place as the user wrote it (in the letter's language), then the date through babel, with the
    French ordinal first of the month ("1er novembre")."""
    style = style or HouseStyle.default()
    date = format_day_date(letter.date, style.date_pattern(letter.language), letter.language)
    if letter.language == "fr" and style.date_article:
        date = f"le {date}"
    if letter.language == "ru" and style.ru_year:
        date = f"{date} {style.ru_year}"
    place = letter.place.strip()
    return f"{place}, {date}" if place else date


def office_label(office_id: str, language: str) -> str:
    """The office's human name for pickers, in a letter or interface language; English otherwise."""
    if office_id not in OFFICE_IDS:
        raise BadInput(f"Unknown office '{office_id}' (use {', '.join(OFFICE_IDS)}).")
    base = language.replace("-", "_").split("_")[0].lower()  # "fr_BE", "de-AT" -> "fr", "de"
    table = load_table(base if base in LANGUAGES else "en")
    return table.labels[office_id]


def available_offices() -> tuple[str, ...]:
    """The office ids every table covers, in the reference's order (highest office first)."""
    return OFFICE_IDS


def compute_frame(letter: Letter, style: HouseStyle | None = None) -> Frame:
    """The frame of a single-recipient letter (the first recipient; split batches with `for_recipient`)."""
    style = style or HouseStyle.default()
    recipient = letter.recipients[0]
    language = letter.language
    block = address_block_for(recipient, language, letter.register)
    return Frame(
        language=language,
        attention_line=style.attention_line(language),
        address_lines=block.lines,
        address_notes=block.notes,
        date_line=date_line_for(letter, style),
        subject_label=style.subject_label(language),
        subject=letter.subject.strip(),
        salutation=salutation_for(recipient, language, letter.register, letter.voice, style),
        closing=closing_for(recipient, language, letter.register, letter.voice, style),
        signatures=tuple(
            SignatureBlock(name=s.name, title=s.title_for(language).text, organisation=s.organisation)
            for s in letter.signatories
        ),
        cc_label=style.cc_label(language) if letter.cc else None,
        cc_lines=tuple(line for line in letter.cc if line.strip()),
    )
