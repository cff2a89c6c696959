"""Preferences, the address-book forms and the backups dialog: saved, and freed when closed."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog


def _closes_and_frees(qtbot: Any, dialog: QDialog) -> None:
    """Close the dialog as a user would and prove Qt deleted it (WA_DeleteOnClose)."""
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    dialog.show()
    dialog.reject()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)


def test_preferences_are_saved(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.settings import Settings

    dialog = PreferencesDialog(ctx.settings, ctx.services, ctx)
    qtbot.addWidget(dialog)
    assert dialog.data_dir_edit.isReadOnly()
    assert dialog.data_dir_edit.text() == str(ctx.data_dir)
    dialog.name_edit.setText("Aigerim Tulegenova")
    dialog.place_edit.setText("Bruxelles")
    dialog.signatory_combo.setCurrentIndex(dialog.signatory_combo.findData(seeded["signatory"]))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.accept()
    again = Settings(ctx.settings.path)
    assert again.user_name == "Aigerim Tulegenova"
    assert again.default_place == "Bruxelles"
    assert again.default_signatory_id == seeded["signatory"]
    assert again.ui_language == "fr"
    assert ctx.services.called("info"), "a new language is said to apply at the next start"


def test_preferences_cancel_changes_nothing(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog

    ctx.settings.user_name = "Before"
    dialog = PreferencesDialog(ctx.settings, ctx.services, ctx)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("After")
    dialog.reject()
    assert ctx.settings.user_name == "Before"


def test_preferences_offer_the_stored_letterheads_and_open_the_data_folder(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.core.store.repository import letterheads as letterhead_repo
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog

    letterhead_repo.add_letterhead_record(ctx.store, "partner", organisation="Partner NGO")
    dialog = PreferencesDialog(ctx.settings, ctx.services, ctx)
    qtbot.addWidget(dialog)
    names = [dialog.letterhead_combo.itemData(i) for i in range(dialog.letterhead_combo.count())]
    assert "partner" in names
    dialog._open_folder()
    assert ctx.services.called("open_folder") == [(Path(ctx.data_dir),)]


def test_closing_dialogs_frees_them(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog

    dialogs: list[QDialog] = [
        PreferencesDialog(ctx.settings, ctx.services, ctx),
        CaseDialog(ctx, seeded["case_kz"]),
        BackupDialog(ctx),
        RecordDialog(ctx, "signatory", None),
    ]
    refs = [weakref.ref(d) for d in dialogs]
    for dialog in dialogs:
        _closes_and_frees(qtbot, dialog)
    del dialogs, dialog
    gc.collect()
    assert all(ref() is None for ref in refs)


def test_recipient_form_creates_and_edits(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from iphr_desk.core.store.repository import address_book
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
    from iphr_desk.gui.models.writes import get_record

    dialog = RecordDialog(ctx, "recipient", None)
    qtbot.addWidget(dialog)
    name = dialog.edits["name"]
    office = dialog.edits["office"]
    gender = dialog.edits["gender"]
    assert isinstance(name, QLineEdit) and isinstance(office, QComboBox) and isinstance(gender, QComboBox)
    name.setText("Annalena Weber")
    office.setCurrentIndex(office.findData("minister"))
    gender.setCurrentIndex(gender.findData("female"))
    dialog.accept()
    assert dialog.record_id is not None
    saved = address_book.get_recipient(ctx.store, dialog.record_id)
    assert (saved.recipient.office, saved.recipient.gender) == ("minister", "female")
    edit = RecordDialog(ctx, "recipient", get_record(ctx, "recipient", dialog.record_id))
    qtbot.addWidget(edit)
    title = edit.edits["title"]
    assert isinstance(title, QLineEdit)
    title.setText("Bundesministerin")
    edit.accept()
    assert address_book.get_recipient(ctx.store, dialog.record_id).recipient.title == "Bundesministerin"


def test_record_form_refuses_an_empty_name(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.core.store.repository import address_book
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog

    dialog = RecordDialog(ctx, "signatory", None)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert ctx.services.called("warning")
    assert address_book.list_signatories(ctx.store) == []


def test_address_book_pages_list_edit_and_delete(window: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.core.store.repository import address_book
    from iphr_desk.gui.dialogs.record_dialogs import delete_record

    window.refresh()
    assert window.signatory_model.rowCount() == 1
    assert delete_record(ctx, "signatory", seeded["signatory"], window)
    window.signatory_model.reload()
    assert window.signatory_model.rowCount() == 0
    assert address_book.list_signatories(ctx.store) == []


def test_backup_dialog_lists_creates_and_restores(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository.values import CaseData
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog

    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    before = dialog.tree.topLevelItemCount()
    dialog.create_backup()
    assert dialog.tree.topLevelItemCount() == before + 1
    case_repo.add_case(ctx.store, CaseData("KG-9", "Made after the backup", "KG"))
    assert case_repo.count_cases(ctx.store) == 3
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog.restore_selected()
    assert dialog.restored
    assert case_repo.count_cases(ctx.store) == 2
    assert any("replaced" in p.name for p in Path(ctx.data_dir).iterdir())
    # The restored file was reopened with every check of a start: back in WAL mode.
    with ctx.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_new_letterhead_is_registered_from_its_word_file(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    from iphr_desk.core.store.repository import letterheads as letterhead_repo
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
    from iphr_desk.resources import resource

    ctx.services.answers["open_file"] = [resource("letterheads", "iphr.docx")]
    dialog = RecordDialog(ctx, "letterhead", None)
    qtbot.addWidget(dialog)
    name = dialog.edits["name"]
    template = dialog.edits["template_path"]
    assert isinstance(name, QLineEdit) and isinstance(template, QLineEdit)
    name.setText("partner")
    dialog._browse_template(template)
    assert template.text().endswith("iphr.docx")
    dialog.accept()
    assert dialog.record_id is not None
    stored = Path(ctx.data_dir) / "letterheads" / "partner.docx"
    assert stored.is_file()
    record = next(r for r in letterhead_repo.list_letterheads(ctx.store) if r.name == "partner")
    assert record.template_path == str(stored)
    assert record.organisation  # taken from the letterhead's profile when the form leaves it blank


def test_a_letterhead_that_is_not_a_word_file_is_refused(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLineEdit

    from iphr_desk.core.store.repository import letterheads as letterhead_repo
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog

    fake = tmp_path / "letterhead.docx"
    fake.write_text("not a Word document")
    dialog = RecordDialog(ctx, "letterhead", None)
    qtbot.addWidget(dialog)
    name = dialog.edits["name"]
    template = dialog.edits["template_path"]
    assert isinstance(name, QLineEdit) and isinstance(template, QLineEdit)
    name.setText("broken")
    template.setText(str(fake))
    dialog.accept()
    assert ctx.services.called("error")
    assert all(r.name != "broken" for r in letterhead_repo.list_letterheads(ctx.store))
    assert not (Path(ctx.data_dir) / "letterheads" / "broken.docx").exists()


def test_record_pages_have_new_edit_and_delete_buttons(window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    for page in (window.recipients_page, window.signatories_page, window.letterheads_page):
        texts = [b.text() for b in page.findChildren(QPushButton)]
        assert {"&New…", "&Edit…", "&Delete"} <= set(texts)
    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(window.record_pages, "edit", lambda kind, row: opened.append((kind, row)))
    new = next(b for b in window.signatories_page.findChildren(QPushButton) if b.text() == "&New…")
    new.click()
    assert opened == [("signatory", -1)]


def test_encrypt_then_change_the_passphrase(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    import pytest

    pytest.importorskip("sqlcipher3")
    from PySide6.QtWidgets import QWidget

    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.gui.dialogs.backup_dialog import change_passphrase, encrypt_store

    parent = QWidget()
    qtbot.addWidget(parent)
    ctx.services.answers["ask_passphrase"] = ["first secret", "first secret"]
    assert encrypt_store(ctx, parent)
    assert ctx.store.encrypted
    assert letter_lists.count_letters(ctx.store) == 4
    ctx.services.answers["ask_passphrase"] = ["first secret", "second secret", "second secret"]
    assert change_passphrase(ctx, parent)
    ctx.store.close()
    with Store.open(ctx.data_dir, passphrase="second secret") as reopened:
        assert letter_lists.count_letters(reopened) == 4
