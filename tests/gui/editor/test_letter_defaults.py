"""Letter defaults (issue 16.7): the organisation's own signatory, a salutation that waits for a name,
and a typed recipient offered for the address book."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.editor.letter_editor import LetterEditor
from iphr_desk.gui.editor.name_hint import hint_text
from iphr_desk.gui.models.drafts import build_draft, create_draft, default_signatory

PARTNER = Signatory("Aliya Karimova", "Chair", "Open Steppe Legal Clinic (Kazakhstan)")
DIRECTOR = Signatory("Brigitte Dufour", "Director", "International Partnership for Human Rights (IPHR)")
OFFICER = Signatory("Sofia Marchetti", "Advocacy Officer", "IPHR")


def editor_for(qtbot: Any, ctx: Any, letter_id: int) -> LetterEditor:
    editor = LetterEditor(ctx, letter_id)
    qtbot.addWidget(editor)
    editor.resize(1300, 850)
    editor.show()
    return editor


# The default signatory -----------------------------------------------------------------------------------


def test_a_new_letter_is_signed_by_the_organisation_not_the_first_partner_alphabetically(ctx: Any) -> None:
    for signatory in (PARTNER, OFFICER, DIRECTOR):
        address_book.add_signatory(ctx.store, signatory)
    assert default_signatory(ctx).name == "Brigitte Dufour"  # first of IPHR's own, by name
    assert build_draft(ctx, None, dt.date(2024, 5, 2)).signatories[0].name == "Brigitte Dufour"


def test_the_signatory_chosen_in_preferences_signs_new_letters(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog

    address_book.add_signatory(ctx.store, PARTNER)
    officer = address_book.add_signatory(ctx.store, OFFICER)
    address_book.add_signatory(ctx.store, DIRECTOR)
    dialog = PreferencesDialog(ctx.settings, ctx.services, ctx)
    qtbot.addWidget(dialog)
    assert dialog.signatory_combo.currentData() is None  # automatic until chosen
    dialog.signatory_combo.setCurrentIndex(dialog.signatory_combo.findData(officer))
    dialog.accept()
    letter_id = create_draft(ctx, None, dt.date(2024, 5, 2), author="test")
    assert letter_repo.get_letter(ctx.store, letter_id).signatories[0].name == "Sofia Marchetti"
    address_book.delete_signatory(ctx.store, officer)  # gone: the organisation's own again
    assert default_signatory(ctx).name == "Brigitte Dufour"


def test_without_any_own_signatory_the_first_saved_one_signs(ctx: Any) -> None:
    address_book.add_signatory(ctx.store, PARTNER)
    assert default_signatory(ctx).name == "Aliya Karimova"


# The salutation waits for a name -------------------------------------------------------------------------

DANGLING = ("Уважаемый(ая) !", "Dear ,", "Dear,", "Guten Tag,", "Dear Mr,", "Sehr geehrter Herr,")


@pytest.mark.parametrize(
    ("language", "office", "gender"),
    [
        ("ru", "official", "unspecified"),
        ("ru", "official", "male"),
        ("en", "official", "unspecified"),
        ("en", "member_of_parliament", "male"),
        ("de", "official", "unspecified"),
        ("de", "judge", "male"),
        ("fr", "official", "unspecified"),
    ],
)
def test_with_no_name_yet_a_hint_replaces_the_salutation_in_form_and_preview(
    qtbot: Any, ctx: Any, language: str, office: str, gender: str
) -> None:
    address_book.add_signatory(ctx.store, DIRECTOR)
    letter_id = create_draft(ctx, None, dt.date(2024, 5, 2), author="test")
    editor = editor_for(qtbot, ctx, letter_id)
    form = editor.form
    form.language.setCurrentIndex(form.language.findData(language))
    form.r_office.setCurrentIndex(form.r_office.findData(office))
    form.r_gender.setCurrentIndex(form.r_gender.findData(gender))
    editor.update_preview()
    shown = form.salutation.computed.text()
    preview = editor.preview.toPlainText()
    for dangling in DANGLING:
        assert dangling not in shown
        assert not any(line.strip() == dangling for line in preview.splitlines()), preview
    if language != "fr":  # French salutations here need no name ("Madame, Monsieur,")
        assert shown == hint_text()
        assert hint_text() in preview
        assert form.salutation.computed.font().italic()
    # A name brings the salutation back, in form and preview.
    qtbot.keyClicks(form.r_name, "Anna Petrova")
    editor.update_preview()
    assert form.salutation.computed.text() != hint_text()
    assert "Petrova" in form.salutation.computed.text() or language == "fr"
    assert hint_text() not in editor.preview.toPlainText()
    assert not form.salutation.computed.font().italic()


def test_the_override_box_does_not_copy_the_hint(qtbot: Any, ctx: Any) -> None:
    address_book.add_signatory(ctx.store, DIRECTOR)
    editor = editor_for(qtbot, ctx, create_draft(ctx, None, dt.date(2024, 5, 2), author="test"))
    form = editor.form
    form.language.setCurrentIndex(form.language.findData("ru"))
    form.r_office.setCurrentIndex(form.r_office.findData("official"))
    assert form.salutation.computed.text() == hint_text()
    form.salutation.override.setChecked(True)
    assert form.salutation.edit.text() == ""
    assert form.salutation.edit.placeholderText() == hint_text()


# A typed recipient offered for the address book --------------------------------------------------------


def type_recipient(qtbot: Any, editor: LetterEditor, name: str) -> None:
    form = editor.form
    form.r_name.setFocus()
    form.r_name.clear()
    qtbot.keyClicks(form.r_name, name)
    form.subject.setFocus()  # the name is finished


def test_saving_a_letter_with_a_new_recipient_offers_the_address_book(
    qtbot: Any, ctx: Any, seeded: Any
) -> None:
    editor = editor_for(qtbot, ctx, seeded["letter_en"])
    offer = editor.recipient_offer
    assert not offer.isVisible()
    type_recipient(qtbot, editor, "Volker Turk")
    assert editor.flush()
    qtbot.waitUntil(offer.isVisible)
    assert "Volker Turk" in offer.text.text()
    qtbot.mouseClick(offer.save_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    names = [r.recipient.name for r in address_book.list_recipients(ctx.store)]
    assert "Volker Turk" in names
    type_recipient(qtbot, editor, "Volker Turk ")  # the same person: no second offer
    editor.flush()
    assert not offer.isVisible()


def test_not_now_is_remembered_and_a_known_recipient_is_never_offered(
    qtbot: Any, ctx: Any, seeded: Any
) -> None:
    editor = editor_for(qtbot, ctx, seeded["letter_en"])
    offer = editor.recipient_offer
    type_recipient(qtbot, editor, "Kaja Kallas")  # in the address book already
    editor.flush()
    assert not offer.isVisible()
    type_recipient(qtbot, editor, "Mary Lawlor")
    editor.flush()
    qtbot.waitUntil(offer.isVisible)
    qtbot.mouseClick(offer.not_now_button, Qt.MouseButton.LeftButton)
    assert not offer.isVisible()
    editor.form.subject.setText("Changed")
    editor.form.subject.textEdited.emit("Changed")
    editor.flush()
    assert not offer.isVisible()
    assert len(address_book.list_recipients(ctx.store)) == 1


def test_a_recipient_the_letter_already_had_is_not_offered(
    qtbot: Any, window: Any, ctx: Any, store: Any
) -> None:
    from tests.gui.conftest import seed

    ids = seed(store)  # "Laurent Mercier" is in no address book, but nobody typed him here
    editor = window.open_letter(ids["letter_fr"])
    qtbot.keyClicks(editor.form.subject, " (2)")
    editor.flush()
    assert not editor.recipient_offer.isVisible()
    window.tabs.close_tab(window.tabs.currentIndex())
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not [w for w in shown if w.objectName() == "recipientOfferBox"]


def test_no_offer_while_the_name_is_being_typed(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = editor_for(qtbot, ctx, seeded["letter_en"])
    form = editor.form
    form.r_name.setFocus()
    qtbot.waitUntil(form.r_name.hasFocus)
    qtbot.keyClicks(form.r_name, "Mar")
    editor.flush()
    assert not editor.recipient_offer.isVisible()


def editor_gone(editor: Any) -> bool:
    from shiboken6 import isValid

    return not isValid(editor)


def test_closing_with_the_offer_unanswered_asks_once_more_without_blocking(
    qtbot: Any, window: Any, ctx: Any, store: Any
) -> None:
    from tests.gui.conftest import seed

    ids = seed(store)
    editor = window.open_letter(ids["letter_de"])
    type_recipient(qtbot, editor, "Annalena Baerbock")
    window.tabs.close_tab(window.tabs.currentIndex())
    box = next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "recipientOfferBox" and w.isVisible()
        ),
        None,
    )
    assert isinstance(box, QMessageBox)
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert "Annalena Baerbock" in box.text()
    save = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: editor_gone(editor))  # the user answers later, the editor deleted by then
    save.click()
    assert not box.isVisible()
    assert "Annalena Baerbock" in [r.recipient.name for r in address_book.list_recipients(store)]
    model = window.recipient_model
    qtbot.waitUntil(
        lambda: any(
            model.data(model.index(row, 0)) == "Annalena Baerbock" for row in range(model.rowCount())
        ),
        timeout=5000,
    )
