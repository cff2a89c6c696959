"""The header form asks the user to check a surname guessed from a name that leaves a real choice."""

from __future__ import annotations

from typing import Any

from iphr_desk.gui.editor.header_form import HeaderForm


def _type_name(form: HeaderForm, name: str) -> None:
    form.r_name.setText(name)
    form.r_name.textEdited.emit(name)


def test_hint_shows_for_an_ambiguous_name_only(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    _type_name(form, "John Fitzgerald Kennedy")
    assert not form.surname_hint.isHidden()
    assert form.surname_hint.text() == "Surname guessed from the name: check it"
    _type_name(form, "Ursula von der Leyen")
    assert form.surname_hint.isHidden()


def test_hint_goes_once_the_surname_is_given(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    _type_name(form, "John Fitzgerald Kennedy")
    form.r_surname.setText("Kennedy")
    form.r_surname.textEdited.emit("Kennedy")
    assert form.surname_hint.isHidden()
