"""The German formal address block after "Seiner/Ihrer Exzellenz": the office in the dative with its article,
declined from the german-nouns dictionary, and the notes the GUI shows when the form needs checking.

Expected strings follow protokoll-inland.de Anschriften and shared/reference/protocol.md §5 and §7
("Seiner Exzellenz / dem Präsidenten der Französischen Republik / Herrn Emmanuel Macron").
"""

from __future__ import annotations

from typing import cast

import pytest

from iphr_desk.core.letters.letter import Gender, Recipient
from iphr_desk.core.protocol.address import address_block_for
from iphr_desk.core.protocol.german import Declined as german_declined
from iphr_desk.core.protocol.german import dative_title

# (title as typed, recipient gender, expected dative) — real office titles, weak and strong nouns, compounds.
TITLES: list[tuple[str, str, str]] = [
    ("Präsident der Französischen Republik", "male", "dem Präsidenten der Französischen Republik"),
    ("Präsidentin der Republik Kasachstan", "female", "der Präsidentin der Republik Kasachstan"),
    ("Botschafter der Republik Usbekistan", "male", "dem Botschafter der Republik Usbekistan"),
    ("Botschafterin der Kirgisischen Republik", "female", "der Botschafterin der Kirgisischen Republik"),
    (
        "Premierminister des Vereinigten Königreichs",
        "male",
        "dem Premierminister des Vereinigten Königreichs",
    ),
    ("Premierministerin von Italien", "female", "der Premierministerin von Italien"),
    ("Bundeskanzler der Republik Österreich", "male", "dem Bundeskanzler der Republik Österreich"),
    ("Bundeskanzlerin", "female", "der Bundeskanzlerin"),
    ("Außenministerin der Republik Kasachstan", "female", "der Außenministerin der Republik Kasachstan"),
    ("Außenminister der Republik Tadschikistan", "male", "dem Außenminister der Republik Tadschikistan"),
    ("Ministerpräsident der Republik Ungarn", "male", "dem Ministerpräsidenten der Republik Ungarn"),
    ("Staatspräsident der Republik Turkmenistan", "male", "dem Staatspräsidenten der Republik Turkmenistan"),
    ("Generalsekretär der Vereinten Nationen", "male", "dem Generalsekretär der Vereinten Nationen"),
    ("König der Belgier", "male", "dem König der Belgier"),
    ("Königin der Niederlande", "female", "der Königin der Niederlande"),
    ("Kronprinz von Saudi-Arabien", "male", "dem Kronprinzen von Saudi-Arabien"),
    (
        "Bundespräsident der Schweizerischen Eidgenossenschaft",
        "male",
        "dem Bundespräsidenten der Schweizerischen Eidgenossenschaft",
    ),
    # Adjectival declension: the weak form after the article, the recipient's gender picking the noun.
    ("Vorsitzender des Ministerrats", "male", "dem Vorsitzenden des Ministerrats"),
    ("Vorsitzende des Ministerrats", "female", "der Vorsitzenden des Ministerrats"),
    # Extra spaces as typed in a form collapse; a trailing comma on the head stays where it was.
    ("  Präsident   der  Republik ", "male", "dem Präsidenten der Republik"),
]


@pytest.mark.parametrize(("title", "gender", "expected"), TITLES, ids=[t[0] for t in TITLES])
def test_dictionary_titles_decline_without_notes(title: str, gender: str, expected: str) -> None:
    form = dative_title(title, gender)
    assert form.text == expected
    assert form.notes == ()


def test_compound_missing_from_dictionary_is_declined_as_its_last_part_with_a_note() -> None:
    # "Hochkommissar" is not a Wiktionary headword; the library's splitter gives "Hoch" + "Kommissar".
    form = dative_title("Hochkommissar der Vereinten Nationen für Menschenrechte", "male")
    assert form.text == "dem Hochkommissar der Vereinten Nationen für Menschenrechte"
    assert form.notes and "Kommissar" in form.notes[0]


def test_hyphenated_compound_keeps_its_prefix() -> None:
    form = dative_title("Vize-Präsident der Kommission", "male")
    assert form.text == "dem Vize-Präsidenten der Kommission"
    assert form.notes  # declined through its last part: shown for checking


@pytest.mark.parametrize(
    "title",
    [
        "Xyzquarr der Republik",  # not a word
        "Außerordentlicher und Bevollmächtigter Botschafter der Republik Usbekistan",  # adjectives first
        "Präsidenten der Republik",  # already inflected: not a nominative
        "ehemaliger Präsident",  # lower case: not a noun
    ],
)
def test_title_the_dictionary_cannot_decline_stays_as_typed_with_a_note(title: str) -> None:
    form = dative_title(title, "male")
    assert form.text == title
    assert len(form.notes) == 1
    assert "left as written" in form.notes[0]


def test_masculine_office_for_a_woman_is_declined_and_flagged() -> None:
    form = dative_title("Präsident der Republik", "female")
    assert form.text == "dem Präsidenten der Republik"
    assert any("masculine" in note for note in form.notes)


def test_ambiguous_reading_without_a_gender_is_noted() -> None:
    form = dative_title("Vorsitzende des Rates", "unspecified")
    assert form.text in {"dem Vorsitzenden des Rates", "der Vorsitzenden des Rates"}
    assert any("dative forms" in note for note in form.notes)


def person(gender: str, name: str, title: str | None, office: str = "head_of_state") -> Recipient:
    return Recipient(name=name, gender=cast(Gender, gender), office=office, title=title)


def test_reference_block_for_a_foreign_head_of_state() -> None:
    block = address_block_for(
        person("male", "Emmanuel Macron", "Präsident der Französischen Republik"), "de", "formal"
    )
    assert block.lines == (
        "Seiner Exzellenz",
        "dem Präsidenten der Französischen Republik",
        "Herrn Emmanuel Macron",
    )
    assert block.notes == ()


def test_ambassador_block_feminine_with_address_lines() -> None:
    recipient = Recipient(
        name="Malika Jusupowa",
        gender="female",
        office="ambassador",
        title="Botschafterin der Republik Usbekistan",
        address="Perleberger Straße 62\n10559 Berlin",
    )
    block = address_block_for(recipient, "de", "formal")
    assert block.lines == (
        "Ihrer Exzellenz",
        "der Botschafterin der Republik Usbekistan",
        "Frau Malika Jusupowa",
        "Perleberger Straße 62",
        "10559 Berlin",
    )


def test_unknown_title_reaches_the_frame_notes() -> None:
    block = address_block_for(
        person("male", "Ivan Petrov", "Außerordentlicher und Bevollmächtigter Botschafter", "ambassador"),
        "de",
        "formal",
    )
    assert block.lines[1] == "Außerordentlicher und Bevollmächtigter Botschafter"
    assert block.notes and "left as written" in block.notes[0]


def test_untitled_exzellenz_block_and_house_register_are_unchanged() -> None:
    assert address_block_for(person("male", "Ivan Petrov", None), "de", "formal").lines == (
        "Seiner Exzellenz",
        "Herrn Ivan Petrov",
    )
    house = address_block_for(person("male", "Ivan Petrov", "Präsident der Republik"), "de", "house")
    assert house.lines == ("Herrn", "Ivan Petrov", "Präsident der Republik")
    assert house.notes == ()


def test_without_the_dictionary_the_title_stays_as_typed_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from iphr_desk.core.protocol import german

    german._decline_head.cache_clear()
    german._nouns.cache_clear()
    monkeypatch.setitem(sys.modules, "german_nouns.lookup", None)  # what an install without it looks like
    try:
        form = dative_title("Präsident der Republik", "male")
        assert form.text == "Präsident der Republik"
        assert form.notes and "not installed" in form.notes[0]
    finally:
        german._decline_head.cache_clear()
        german._nouns.cache_clear()


def test_title_typed_in_the_dative_is_kept_without_a_note() -> None:
    # The writer's fix for a title the dictionary cannot decline: type it with its article.
    title = "dem Außerordentlichen und Bevollmächtigten Botschafter der Republik Usbekistan"
    assert dative_title(title, "male") == german_declined(title)
    block = address_block_for(person("male", "Ivan Petrov", title, "ambassador"), "de", "formal")
    assert block.lines == ("Seiner Exzellenz", title, "Herrn Ivan Petrov")
    assert block.notes == ()
