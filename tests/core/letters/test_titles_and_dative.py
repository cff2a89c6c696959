"""Signatory titles per letter language and the hand-typed Russian address block (issue 14, deliverables
1 and 7): the letter file, the Letter value, the frame the exporter and the preview share, and the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from iphr_desk.core.errors import LetterFileError
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory, TitleChoice, stored_titles
from iphr_desk.core.letters.letterfile import parse_letter_text, write_letter_text
from iphr_desk.core.protocol.address import address_block_for, compute_frame, computed_dative_lines
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo

DUFOUR = Signatory(
    name="Brigitte Dufour",
    title="Director",
    organisation="IPHR",
    titles=(("ru", "Директор"), ("fr", "Directrice"), ("de", "Direktorin")),
)

FILE = """---
language: {language}
place: Bruxelles
date: 2023-11-01
subject: Visite
recipient:
  name: Шавкат Мирзиёев
  gender: male
  office: head_of_state
  title: Президент Республики Узбекистан
{recipient_extra}signatories:
- name: Brigitte Dufour
  title: Director
{signatory_extra}---

Texte.
"""


def _file(language: str = "fr", recipient_extra: str = "", signatory_extra: str = "") -> str:
    return FILE.format(language=language, recipient_extra=recipient_extra, signatory_extra=signatory_extra)


def _letter(language: str = "ru", **recipient: str) -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place="Брюссель",
        date=dt.date(2023, 11, 1),
        subject="Визит",
        recipients=(
            Recipient(
                name="Шавкат Мирзиёев",
                gender="male",
                office="head_of_state",
                title="Президент Республики Узбекистан",
                **recipient,
            ),
        ),
        signatories=(DUFOUR,),
    )


# --------------------------------------------------------------------------- the value


def test_titles_are_kept_in_language_order_whatever_order_they_were_given() -> None:
    assert DUFOUR.titles == (("fr", "Directrice"), ("ru", "Директор"), ("de", "Direktorin"))
    reordered = replace(DUFOUR, titles=(("de", "Direktorin"), ("fr", "Directrice"), ("ru", "Директор")))
    assert reordered == DUFOUR
    assert hash(DUFOUR) == hash(replace(DUFOUR, titles=tuple(reversed(DUFOUR.titles))))


def test_a_blank_title_counts_as_none_and_an_unknown_language_is_refused() -> None:
    assert Signatory("A", titles=(("fr", "  "),)).titles == ()
    with pytest.raises(ValueError, match="unknown letter language 'es'"):
        Signatory("A", titles=(("es", "Directora"),))


@pytest.mark.parametrize(
    ("signatory", "language", "expected"),
    [
        (DUFOUR, "fr", TitleChoice("Directrice", "fr", False)),
        (DUFOUR, "ru", TitleChoice("Директор", "ru", False)),
        # No English entry: the general title stands in, and says it is a stand-in.
        (DUFOUR, "en", TitleChoice("Director", None, True)),
        # Only the general title: nothing to fall back from, nothing to flag.
        (Signatory("A", title="Director"), "fr", TitleChoice("Director", None, False)),
        # No general title: English, then the first language that has one.
        (
            Signatory("A", titles=(("en", "Director"), ("fr", "Directrice"))),
            "de",
            TitleChoice("Director", "en", True),
        ),
        (Signatory("A", titles=(("ru", "Директор"),)), "fr", TitleChoice("Директор", "ru", True)),
        (Signatory("A"), "fr", TitleChoice(None, None, False)),
    ],
)
def test_the_title_for_a_language_and_its_fallback(
    signatory: Signatory, language: str, expected: TitleChoice
) -> None:
    assert signatory.title_for(language) == expected


def test_stored_titles_skip_what_the_app_does_not_know() -> None:
    assert stored_titles({"ru": "Директор", "es": "Directora", "fr": 3}) == (("ru", "Директор"),)
    assert stored_titles(None) == ()
    assert stored_titles(["fr"]) == ()


# --------------------------------------------------------------------------- the letter file


def test_titles_are_read_from_the_file_and_written_back_in_canonical_order() -> None:
    text = _file(signatory_extra="  titles:\n    ru: Директор\n    fr: Directrice\n")
    letter = parse_letter_text(text, "t.md")
    assert letter.signatories[0].titles == (("fr", "Directrice"), ("ru", "Директор"))
    written = write_letter_text(letter)
    assert "  title: Director\n  titles:\n    fr: Directrice\n    ru: Директор\n" in written
    assert parse_letter_text(written, "t.md") == letter


def test_address_dative_is_read_as_lines_and_written_back_as_a_block() -> None:
    extra = "  address_dative: |\n    Президенту Республики Узбекистан\n    г-ну Ш. М. Мирзиёеву\n"
    letter = parse_letter_text(_file(recipient_extra=extra), "t.md")
    assert letter.recipient.address_dative == "Президенту Республики Узбекистан\nг-ну Ш. М. Мирзиёеву\n"
    written = write_letter_text(letter)
    assert extra in written
    assert parse_letter_text(written, "t.md") == letter


TITLES = "signatories[0].titles"
BAD_ROWS = [
    (
        "",
        "  titles:\n    fre: Directrice\n",
        f"{TITLES}.fre: unknown letter language 'fre' (did you mean 'fr'?)",
    ),
    ("", "  titles:\n    es: Directora\n", f"{TITLES}.es: unknown letter language 'es' (use fr, en, ru, de)"),
    (
        "",
        "  titles: Directrice\n",
        f"{TITLES}: must be the title in each language (e.g. 'fr: Directrice') written as indented "
        "'key: value' lines, not text",
    ),
    ("", "  titles:\n    fr: '  '\n", f"{TITLES}.fr: is empty; give a value or leave the key out"),
    ("", '  titles:\n    fr: "a\\nb"\n', f"{TITLES}.fr: must be one line (found a line break)"),
    ("", "  tilte: Director\n", "signatories[0].tilte: unknown key (did you mean 'title'?)"),
    ("  adress_dative: x\n", "", "recipient.adress_dative: unknown key (did you mean 'address_dative'?)"),
    ("  address_dative: [a, b]\n", "", "recipient.address_dative: must be text, not a list"),
]


@pytest.mark.parametrize(("recipient_extra", "signatory_extra", "message"), BAD_ROWS)
def test_bad_titles_and_datives_are_one_line_errors(
    recipient_extra: str, signatory_extra: str, message: str
) -> None:
    with pytest.raises(LetterFileError) as caught:
        parse_letter_text(_file(recipient_extra=recipient_extra, signatory_extra=signatory_extra), "t.md")
    assert str(caught.value) == f"t.md: {message}"
    assert "\n" not in str(caught.value)


# --------------------------------------------------------------------------- the frame


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Directrice"), ("ru", "Директор"), ("de", "Direktorin"), ("en", "Director")],
)
def test_the_signature_block_prints_the_title_of_the_letters_language(language: str, title: str) -> None:
    frame = compute_frame(_letter(language))
    assert frame.signatures[0].lines == ("Brigitte Dufour", title, "IPHR")


def test_a_typed_dative_replaces_the_computed_lines_and_the_address_still_follows() -> None:
    typed = "Президенту Республики Узбекистан\n\n  г-ну Ш. М. Мирзиёеву  \n"
    letter = _letter("ru", address_dative=typed, address="Ташкент\nул. Мустакиллик, 5")
    block = address_block_for(letter.recipient, "ru")
    assert block.lines == (
        "Президенту Республики Узбекистан",
        "г-ну Ш. М. Мирзиёеву",
        "Ташкент",
        "ул. Мустакиллик, 5",
    )
    assert block.notes == ()
    assert compute_frame(letter).address_lines == block.lines


def test_the_typed_dative_is_kept_but_unused_in_other_languages() -> None:
    letter = _letter("fr", address_dative="Президенту\nг-ну Мирзиёеву")
    assert "Президенту" not in "\n".join(compute_frame(letter).address_lines)
    assert "Monsieur Шавкат Мирзиёев, Президент Республики Узбекистан" in compute_frame(letter).address_lines


def test_the_computed_dative_the_editor_prefills_is_the_block_without_address_lines() -> None:
    recipient = _letter("ru", address="Ташкент").recipient
    assert computed_dative_lines(recipient) == ("Президенту Республики Узбекистан", "Ш. Мирзиёеву")
    assert address_block_for(recipient, "ru").lines == (*computed_dative_lines(recipient), "Ташкент")


# --------------------------------------------------------------------------- the store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


def test_titles_and_the_typed_dative_round_trip_through_the_store(store: Store) -> None:
    letter = _letter("ru", address_dative="Президенту\nг-ну Ш. М. Мирзиёеву\n")
    letter_id = letter_repo.add_letter(store, letter, author="t")
    assert letter_repo.get_letter(store, letter_id) == letter
    [imported] = letter_repo.add_letters(store, [letter], author="t", reason="imported")
    assert letter_repo.get_letter(store, imported) == letter


def test_a_change_of_titles_alone_is_saved(store: Store) -> None:
    """The autosave compares child rows as JSON text: a change in `titles` only must not pass as
    'children unchanged' and be lost behind a body edit."""
    letter = _letter("ru")
    letter_id = letter_repo.add_letter(store, letter, author="t")
    changed = replace(
        letter, signatories=(replace(DUFOUR, titles=(("ru", "Директор IPHR"),)),), body="Ещё.\n"
    )
    letter_repo.save_letter(store, letter_id, changed, author="t")
    assert letter_repo.get_letter(store, letter_id) == changed
    dative = replace(changed, recipients=(replace(changed.recipient, address_dative="Президенту\n"),))
    letter_repo.save_letter(store, letter_id, dative, author="t")
    assert letter_repo.get_letter(store, letter_id) == dative


def test_a_body_edit_of_a_letter_with_titles_takes_the_one_statement_autosave(store: Store) -> None:
    letter = _letter("ru", address_dative="Президенту\n")
    letter_id = letter_repo.add_letter(store, letter, author="t")
    edited = replace(letter, body="Новый текст.\n")
    assert letter_repo._autosaved_in_one_statement(store, letter_id, edited)
    assert letter_repo.get_letter(store, letter_id) == edited


def test_the_address_book_keeps_titles_and_ignores_a_letters_typed_dative(store: Store) -> None:
    ident = address_book.add_signatory(store, DUFOUR)
    [record] = address_book.list_signatories(store)
    assert (record.id, record.signatory) == (ident, DUFOUR)
    address_book.update_signatory(store, ident, replace(DUFOUR, titles=()))
    assert address_book.list_signatories(store)[0].signatory.titles == ()
    recipient_id = address_book.add_recipient(store, _letter("ru", address_dative="x").recipient)
    assert address_book.get_recipient(store, recipient_id).recipient.address_dative is None
