"""The header form's language-dependent parts (issue 14): each signatory's title in the letter's language
with a visible stand-in, and the hand-typed Russian address block with the computed one beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.gui.editor.header_form import HeaderForm

DUFOUR = Signatory(
    "Brigitte Dufour",
    "Director",
    "IPHR",
    titles=(("fr", "Directrice"), ("ru", "Директор"), ("de", "Direktorin")),
)
ABENOV = Signatory("Nurlan Abenov", "Chair", None, titles=(("ru", "Председатель"),))
MIRZIYOYEV = Recipient(
    name="Шавкат Мирзиёев", gender="male", office="head_of_state", title="Президент Республики Узбекистан"
)


def _letter(language: str) -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place="Bruxelles",
        date=dt.date(2024, 3, 1),
        subject="Visite",
        recipients=(MIRZIYOYEV,),
        signatories=(DUFOUR, ABENOV),
    )


def _form(qtbot: Any, language: str) -> HeaderForm:
    form = HeaderForm()
    qtbot.addWidget(form)
    form.set_letter(_letter(language))
    return form


def _title_cell(form: HeaderForm, row: int) -> Any:
    return form.signatories.item(row, 1)


def test_the_title_column_shows_the_letters_language_and_names_each_stand_in(qtbot: Any) -> None:
    form = _form(qtbot, "fr")
    assert _title_cell(form, 0).text() == "Directrice"
    assert not _title_cell(form, 0).font().italic()
    assert _title_cell(form, 1).text() == "Chair"  # no French title: the general one stands in
    assert _title_cell(form, 1).font().italic()
    assert not form.title_hint.isHidden()
    assert form.title_hint.text() == "Nurlan Abenov has no title in Français: “Chair” is used."
    form.language.setCurrentIndex(form.language.findData("ru"))
    assert [_title_cell(form, row).text() for row in (0, 1)] == ["Директор", "Председатель"]
    assert form.title_hint.isHidden()
    # Switching languages to and fro changes nothing in the signatories themselves.
    assert form.letter().signatories == (DUFOUR, ABENOV)
    assert compute_frame(form.letter()).signatures[1].title == "Председатель"


def test_typing_over_a_stand_in_gives_the_language_its_own_title(qtbot: Any) -> None:
    form = _form(qtbot, "de")
    _title_cell(form, 1).setText("Vorsitzender")
    abenov = form.letter().signatories[1]
    assert dict(abenov.titles) == {"ru": "Председатель", "de": "Vorsitzender"}
    assert abenov.title == "Chair"
    _title_cell(form, 0).setText("Geschäftsführerin")
    assert dict(form.letter().signatories[0].titles)["de"] == "Geschäftsführerin"
    assert form.letter().signatories[0].title == "Director"


def test_a_signatory_with_one_title_edits_that_title(qtbot: Any) -> None:
    form = _form(qtbot, "fr")
    form.add_signatory(Signatory("Anna Roth", "Présidente"))
    _title_cell(form, 2).setText("Présidente d'honneur")
    assert form.letter().signatories[2] == Signatory("Anna Roth", "Présidente d'honneur")
    assert form.title_hint.text() == "Nurlan Abenov has no title in Français: “Chair” is used."


def test_the_dative_row_is_shown_for_russian_letters_with_the_computed_block(qtbot: Any) -> None:
    form = _form(qtbot, "fr")
    assert not form._recipient_form.isRowVisible(form.address_dative)
    form.language.setCurrentIndex(form.language.findData("ru"))
    assert form._recipient_form.isRowVisible(form.address_dative)
    assert form.address_dative.computed.text() == "Президенту Республики Узбекистан\nШ. Мирзиёеву"
    assert form.letter().recipient.address_dative is None


def test_overriding_the_dative_starts_from_the_computed_block_and_reaches_the_letter(qtbot: Any) -> None:
    form = _form(qtbot, "ru")
    form.address_dative.override.setChecked(True)
    assert form.address_dative.edit.toPlainText() == "Президенту Республики Узбекистан\nШ. Мирзиёеву"
    form.address_dative.edit.setPlainText("Президенту Республики Узбекистан\nг-ну Ш.М. Мирзиёеву")
    letter = form.letter()
    assert letter.recipient.address_dative == "Президенту Республики Узбекистан\nг-ну Ш.М. Мирзиёеву"
    assert compute_frame(letter).address_lines == ("Президенту Республики Узбекистан", "г-ну Ш.М. Мирзиёеву")
    assert not form.address_dative.computed.isEnabled()  # marked as overridden
    form.address_dative.override.click()
    assert form.letter().recipient.address_dative is None


def test_a_letter_with_a_typed_dative_opens_with_the_override_shown(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    typed = Recipient("Шавкат Мирзиёев", gender="male", office="head_of_state", address_dative="Президенту\n")
    form.set_letter(Letter("ru", "Брюссель", dt.date(2024, 3, 1), "Тема", (typed,), (DUFOUR,)))
    assert form.address_dative.override.isChecked()
    assert form.address_dative.edit.toPlainText() == "Президенту"
    assert form.letter().recipient.address_dative == "Президенту\n"  # unedited: kept as it came
    form.address_dative.override.setChecked(False)
    assert form.letter().recipient.address_dative is None
