"""The header form shows the address block's uncertain Russian forms next to the live salutation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from iphr_desk.core.letters.letter import Letter, Recipient
from iphr_desk.gui.editor.header_form import HeaderForm


def _russian_letter(recipient: Recipient) -> Letter:
    return Letter(
        language="ru",
        place="Брюссель",
        date=dt.date(2024, 3, 1),
        subject="",
        recipients=(recipient,),
        signatories=(),
    )


def test_an_unsure_dative_is_shown_for_checking(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    guessed = Recipient(
        name="Шавкат Мирзиёев", office="head_of_state", title="Президент Республики Узбекистан"
    )
    form.set_letter(_russian_letter(guessed))
    assert not form.address_note.isHidden()
    assert form.address_note.text().startswith("Check the declension: ")
    assert "guessed" in form.address_note.text()


def test_a_sure_dative_shows_no_note(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    sure = Recipient(
        name="Шавкат Мирзиёев", gender="male", office="head_of_state", title="Президент Республики Узбекистан"
    )
    form.set_letter(_russian_letter(sure))
    assert form.address_note.isHidden()


def test_the_note_follows_the_gender_as_it_is_set(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    guessed = Recipient(
        name="Шавкат Мирзиёев", office="head_of_state", title="Президент Республики Узбекистан"
    )
    form.set_letter(_russian_letter(guessed))
    assert not form.address_note.isHidden()
    form.r_gender.setCurrentIndex(form.r_gender.findData("male"))
    assert form.address_note.isHidden()
