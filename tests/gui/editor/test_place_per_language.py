"""The place follows the letter's language while it is the letterhead's default, never a typed one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.gui.editor.header_form import HeaderForm
from iphr_desk.gui.models.drafts import build_draft


def _letter(language: str, place: str, letterhead: str | None = None) -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place=place,
        date=dt.date(2024, 3, 1),
        subject="",
        recipients=(Recipient(name="Jean Dupont"),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        letterhead=letterhead,
    )


def _choose_language(form: HeaderForm, language: str) -> None:
    form.language.setCurrentIndex(form.language.findData(language))


def test_switching_from_french_to_russian_changes_the_default_place(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    form.set_letter(_letter("fr", "Bruxelles"))
    _choose_language(form, "ru")
    assert form.place.text() == "Брюссель"
    assert form.letter().place == "Брюссель"
    _choose_language(form, "de")
    assert form.place.text() == "Brüssel"
    assert form.place_hint.isHidden()


def test_a_typed_place_is_kept(qtbot: Any) -> None:
    form = HeaderForm()
    qtbot.addWidget(form)
    form.set_letter(_letter("fr", "Bruxelles"))
    _choose_language(form, "ru")
    assert form.place.text() == "Брюссель"
    form.place.setText("Genève")  # as typed: textEdited, the signal of the user's own edits
    form.place.textEdited.emit("Genève")
    _choose_language(form, "de")
    assert form.place.text() == "Genève"
    _choose_language(form, "fr")
    assert form.letter().place == "Genève"


def _register_partial_letterhead(data_dir: Path) -> None:
    folder = data_dir / "letterheads"
    folder.mkdir()
    builtin = Path(__file__).resolve().parents[3] / "resources" / "letterheads" / "iphr.docx"
    (folder / "partial.docx").write_bytes(builtin.read_bytes())
    (folder / "partial.toml").write_text(
        '[organisation]\nname = "Partial"\n[organisation.place]\ndefault = "Genève"\nen = "Geneva"\n',
        encoding="utf-8",
    )


def test_a_language_without_a_version_shows_that_the_default_was_used(qtbot: Any, tmp_path: Path) -> None:
    _register_partial_letterhead(tmp_path)
    form = HeaderForm(data_dir=tmp_path)
    qtbot.addWidget(form)
    form.set_letter(_letter("en", "Geneva", letterhead="partial"))
    assert form.place_hint.isHidden()
    _choose_language(form, "ru")
    assert form.place.text() == "Genève"
    assert not form.place_hint.isHidden()
    assert "Русский" in form.place_hint.text()
    _choose_language(form, "en")
    assert form.place.text() == "Geneva"
    assert form.place_hint.isHidden()


def test_a_new_letter_is_dated_from_the_letterheads_place_in_its_language(ctx: Any) -> None:
    ctx.settings.ui_language = "ru"
    assert build_draft(ctx, None, dt.date(2024, 3, 1)).place == "Брюссель"
    ctx.settings.ui_language = "fr"
    assert build_draft(ctx, None, dt.date(2024, 3, 1)).place == "Bruxelles"
    ctx.settings.default_place = "Genève"  # a place the user chose in the preferences wins
    assert build_draft(ctx, None, dt.date(2024, 3, 1)).place == "Genève"
