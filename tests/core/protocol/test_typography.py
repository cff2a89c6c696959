"""Typography per language (protocol/typography.py) and the first of the month in French dates.

The rules run at output only; these tests pin each rule, the house style's switches, and three
properties: typesetting twice is typesetting once, nothing but the rules' characters changes, and a
URL comes out exactly as it went in.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import Language, Letter, Recipient, Signatory
from iphr_desk.core.letters.richtext import (
    FootnoteRef,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Text,
    parse_body,
)
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.core.protocol.housestyle import HouseStyle
from iphr_desk.core.protocol.locale_names import format_day_date, format_list_date
from iphr_desk.core.protocol.typography import (
    NBSP,
    NNBSP,
    Rules,
    french_first_of_month,
    rules_for,
    typeset,
    typeset_body,
    typeset_frame,
    typeset_runs,
)

FR = Rules(french_spacing=True, french_colon=True, apostrophes=True)
FR_BODY = Rules(french_spacing=True, french_colon=True)
DE = Rules(quotes=("„", "“"))
RU = Rules(quotes=("«", "»"))


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("language", "pattern", "day", "expected"),
    [
        ("fr", "d MMMM y", 1, "1er novembre 2023"),
        ("fr", "d MMMM y", 2, "2 novembre 2023"),
        ("fr", "d MMMM y", 11, "11 novembre 2023"),
        ("fr", "dd/MM/y", 1, "01/11/2023"),  # a numeric day is never an ordinal
        ("en", "d MMMM y", 1, "1 November 2023"),
        ("en", "d MMMM y", 2, "2 November 2023"),
        ("de", "d. MMMM y", 1, "1. November 2023"),
        ("de", "d. MMMM y", 2, "2. November 2023"),
        ("ru", "d MMMM y", 1, "1 ноября 2023"),
        ("ru", "d MMMM y", 2, "2 ноября 2023"),
    ],
)
def test_day_dates_in_each_language(language: str, pattern: str, day: int, expected: str) -> None:
    assert format_day_date(dt.date(2023, 11, day), pattern, language) == expected


@pytest.mark.parametrize(
    ("ui", "day", "expected"),
    [("fr", 1, "1er nov. 2023"), ("fr", 2, "2 nov. 2023"), ("en", 1, "1 Nov 2023"), ("de", 1, "01.11.2023")],
)
def test_list_dates_write_the_french_first_as_an_ordinal(ui: str, day: int, expected: str) -> None:
    assert format_list_date(dt.date(2023, 11, day), ui) == expected


def _letter(language: str, day: int) -> Letter:
    return Letter(
        language=cast(Language, language),
        date=dt.date(2023, 11, day),
        place={"fr": "Bruxelles", "en": "Brussels", "de": "Brüssel", "ru": "Брюссель"}[language],
        subject="S",
        recipients=(Recipient(office="head_of_state", name="Kassym-Jomart Tokayev", gender="male"),),
        signatories=(Signatory("Brigitte Dufour"),),
        body="Texte.",
    )


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", 1, "Bruxelles, 1er novembre 2023"),
        ("fr", 2, "Bruxelles, 2 novembre 2023"),
        ("en", 1, "Brussels, 1 November 2023"),
        ("en", 2, "Brussels, 2 November 2023"),
        ("de", 1, "Brüssel, 1. November 2023"),
        ("de", 2, "Brüssel, 2. November 2023"),
        ("ru", 1, "Брюссель, 1 ноября 2023 г."),
        ("ru", 2, "Брюссель, 2 ноября 2023 г."),
    ],
)
def test_the_date_line_as_laid_out(language: str, day: int, expected: str) -> None:
    style = HouseStyle.default()
    frame = typeset_frame(compute_frame(_letter(language, day), style), style)
    assert frame.date_line == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bruxelles, 1 novembre 2023", "Bruxelles, 1er novembre 2023"),
        ("Bruxelles, le 1 mai 2024", "Bruxelles, le 1er mai 2024"),
        ("1 nov. 2023", "1er nov. 2023"),
        ("Bruxelles, 1er novembre 2023", "Bruxelles, 1er novembre 2023"),
        ("Bruxelles, 11 novembre 2023", "Bruxelles, 11 novembre 2023"),
        ("Bruxelles, 21 mars 2023", "Bruxelles, 21 mars 2023"),
        ("1 mardi", "1 mardi"),
    ],
)
def test_french_first_of_month(text: str, expected: str) -> None:
    assert french_first_of_month(text) == expected


# --------------------------------------------------------------------------- French


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pourquoi ? Vraiment !", f"Pourquoi{NNBSP}? Vraiment{NNBSP}!"),
        ("Pourquoi? Vraiment!", f"Pourquoi{NNBSP}? Vraiment{NNBSP}!"),
        ("droits ; avocats", f"droits{NNBSP}; avocats"),
        ("Objet : la visite", f"Objet{NBSP}: la visite"),
        ("Objet: la visite", f"Objet{NBSP}: la visite"),
        ("« la répression »", f"«{NBSP}la répression{NBSP}»"),
        ("«la répression»", f"«{NBSP}la répression{NBSP}»"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("(?)", "(?)"),
        ("À 10:30, au 1:2", "À 10:30, au 1:2"),
        ("voir https://www.iphronline.org/a?b=1;c=2 et", "voir https://www.iphronline.org/a?b=1;c=2 et"),
        # The sentence's own punctuation after a URL is not part of it:
        ("voir https://x.org/a?b!", f"voir https://x.org/a?b{NNBSP}!"),
        ("voir https://x.org ; merci", f"voir https://x.org{NNBSP}; merci"),
        ("écrire à iphr@iphronline.org ?", f"écrire à iphr@iphronline.org{NNBSP}?"),
        ("le schéma https:// seul", "le schéma https:// seul"),
        ("? en tête", "? en tête"),
        (f"déjà{NBSP}: et{NNBSP}; et{NBSP}!", f"déjà{NBSP}: et{NNBSP}; et{NBSP}!"),
    ],
)
def test_french_spacing(text: str, expected: str) -> None:
    assert typeset(text, FR_BODY) == expected


def test_french_apostrophes_only_between_letters() -> None:
    assert typeset("l'expression d'agréer aujourd'hui", FR) == "l’expression d’agréer aujourd’hui"
    assert typeset("'cité' et 80' et l'", FR) == "'cité' et 80' et l'"
    assert typeset("l'expression", FR_BODY) == "l'expression"


def test_eu_colon_spacing_keeps_the_colon_bare() -> None:
    style = HouseStyle.from_mapping({"colon_spacing": "eu"})
    assert typeset("Objet: oui ?", rules_for("fr", style, generated=False)) == f"Objet: oui{NNBSP}?"


def test_runs_are_read_as_one_text_and_protected_runs_kept() -> None:
    runs = (
        Text("le "),
        Text("mot", italic=True),
        Text(" ? voir "),
        Text("https://x.org/a?b", href="https://x.org/a?b"),
        Text(" : "),
        Text("a;b", code=True),
        FootnoteRef(1),
        Text(": fin"),
        LineBreak(),
        Text(": début"),
    )
    got = typeset_runs(runs, FR_BODY)
    assert got == (
        Text("le "),
        Text("mot", italic=True),
        Text(f"{NNBSP}? voir "),
        Text("https://x.org/a?b", href="https://x.org/a?b"),
        Text(f"{NBSP}: "),
        Text("a;b", code=True),
        FootnoteRef(1),
        Text(f"{NBSP}: fin"),
        LineBreak(),
        Text(": début"),
    )


def test_body_code_blocks_are_left_as_typed() -> None:
    body = parse_body("Bonjour ! `a ; b`\n\n```\nx ; y\n```\n\n> Cité : oui\n\n- un ; deux\n")
    got = typeset_body(body, "fr", HouseStyle.default())
    assert got.blocks[0] == Paragraph((Text(f"Bonjour{NNBSP}! "), Text("a ; b", code=True)))
    assert got.blocks[1] == body.blocks[1]
    assert got.blocks[2] == Quote((Paragraph((Text(f"Cité{NBSP}: oui"),)),))
    assert got.blocks[3] == ListBlock(False, 1, (ListItem((Paragraph((Text(f"un{NNBSP}; deux"),)),)),))


# --------------------------------------------------------------------------- German and Russian


def test_german_and_russian_quotes() -> None:
    assert typeset('Er sagte "Hallo" und "(gut)".', DE) == "Er sagte „Hallo“ und „(gut)“."
    assert typeset('Он сказал "да".', RU) == "Он сказал «да»."
    assert typeset('ein " allein und "zwei"', DE) == 'ein " allein und "zwei"'  # doubtful: all left
    assert typeset('siehe https://x.org/?q=a und "b"', DE) == "siehe https://x.org/?q=a und „b“"


def test_house_style_switches_each_rule_off() -> None:
    default = HouseStyle.default()
    assert default.fr_spacing and default.fr_apostrophes == "generated"
    assert not default.de_quotes and not default.ru_quotes
    assert rules_for("de", default, generated=False) == Rules()
    assert rules_for("de", HouseStyle.from_mapping({"de_quotes": True}), generated=False) == DE
    assert rules_for("ru", HouseStyle.from_mapping({"ru_quotes": True}), generated=False) == RU
    off = HouseStyle.from_mapping({"fr_spacing": False, "fr_apostrophes": "off"})
    assert rules_for("fr", off, generated=True) == Rules()
    everywhere = HouseStyle.from_mapping({"fr_apostrophes": "everywhere"})
    assert rules_for("fr", everywhere, generated=False).apostrophes
    assert rules_for("en", everywhere, generated=True) == Rules()


@pytest.mark.parametrize(
    "table",
    [{"fr_spacing": "yes"}, {"de_quotes": 1}, {"ru_quotes": "true"}, {"fr_apostrophes": "all"}],
)
def test_house_style_refuses_a_wrong_typography_value(table: dict[str, object]) -> None:
    with pytest.raises(BadInput):
        HouseStyle.from_mapping(table)


def test_frame_generated_text_gets_apostrophes_typed_text_does_not() -> None:
    style = HouseStyle.default()
    letter = _letter("fr", 2)
    frame = compute_frame(letter, style)
    frame = frame.__class__(**{**frame.__dict__, "subject": "L'avenir : quoi ?"})
    got = typeset_frame(frame, style)
    assert got.attention_line == f"À l’attention de{NBSP}:"
    assert "l’expression" in got.closing
    assert got.subject == f"L'avenir{NBSP}: quoi{NNBSP}?"


# --------------------------------------------------------------------------- properties

_TEXT = st.lists(
    st.sampled_from([*"ab1:;!?«»'\" \u00a0\u202f()/.@-\né", "https://", "www."]), max_size=30
).map("".join)
#: URLs end on a letter: the punctuation after one belongs to the sentence around it.
_URL = st.from_regex(r"https://[a-z]{1,8}\.org(/[a-z;:!?=]{0,8}[a-z]){0,3}", fullmatch=True)
_ALL = (FR, FR_BODY, DE, RU)
_CHANGED_BY_RULES = str.maketrans({NBSP: " ", NNBSP: " ", "’": "'", "„": '"', "“": '"', "«": '"', "»": '"'})


def _skeleton(text: str) -> str:
    """The text with what the rules may change made uniform: their spaces, quotes and apostrophes."""
    return re.sub(r"\s+", "", text.translate(_CHANGED_BY_RULES))


@given(_TEXT, st.sampled_from(_ALL))
def test_typesetting_twice_is_typesetting_once(text: str, rules: Rules) -> None:
    once = typeset(text, rules)
    assert typeset(once, rules) == once


@given(_TEXT, st.sampled_from(_ALL))
def test_nothing_changes_outside_the_rules(text: str, rules: Rules) -> None:
    assert _skeleton(typeset(text, rules)) == _skeleton(text)


@given(_TEXT, _URL, _TEXT, st.sampled_from(_ALL))
def test_urls_come_out_whole(before: str, url: str, after: str, rules: Rules) -> None:
    text = f"{before} {url} {after}"
    assert url in typeset(text, rules)
