"""The window's "Export Package…" and "Import Package…" (gui/package_actions.py), driven through the real
passphrase dialog (only the file dialogs are answered by the fake services) on real stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from iphr_desk.core.exchange.package import export_package
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.package_actions import PackageActions, PassphraseDialog

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "letters" / "fr_pre_visit.md"
PASSPHRASE = "a long package passphrase"


def package_actions(window: Any) -> PackageActions:
    found = window.exchange_menu.findChild(PackageActions)
    assert isinstance(found, PackageActions)
    return found


def select_letter(window: Any, letter_id: int) -> None:
    window.refresh()
    model = window.letter_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == letter_id)
    window.letters_page.table.selectRow(row)
    assert window.selected_letter_ids() == [letter_id]


def answer_dialog(
    qtbot: Any, actions: PackageActions, typed: list[str], *, with_cases: bool = False
) -> list[str]:
    """When the passphrase dialog opens: type into its fields as a person would, then press OK.
    Returns what was seen on the way (the OK button's state after each field, the mismatch message)."""
    seen: list[str] = []

    def fill() -> None:
        dialog = actions.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, fill)
            return
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        fields = [dialog.passphrase, dialog.again][: len(typed)]
        for field, text in zip(fields, typed, strict=True):
            qtbot.keyClicks(field, text)
            seen.append(f"ok={ok.isEnabled()}")
        seen.append(dialog.problem.text())
        if with_cases:
            dialog.with_cases.setChecked(True)
        if ok.isEnabled():
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    QTimer.singleShot(0, fill)
    return seen


def test_export_and_import_from_the_window(
    qtbot: Any, window: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    letter_id = int(letter_repo.add_letter(store, parse_letter_file(SAMPLE), author="field"))
    actions = package_actions(window)
    texts = [a.text() for a in window.exchange_menu.actions()]
    assert "Export &Package…" in texts and "I&mport Package…" in texts
    window.refresh()
    actions.update_actions()
    assert not actions.export_action.isEnabled() and actions.import_action.isEnabled()
    select_letter(window, letter_id)
    actions.update_actions()
    assert actions.export_action.isEnabled()

    # Export: the two passphrases must agree before OK is enabled.
    fake_services.answers["save_file"] = [tmp_path / "to-brussels"]
    seen = answer_dialog(qtbot, actions, [PASSPHRASE, PASSPHRASE[:-1]])
    assert actions.export_package() is None  # the dialog was left with differing passphrases
    assert seen == ["ok=False", "ok=False", "The two passphrases differ."]
    assert not (tmp_path / "to-brussels.iphrpkg").exists()
    fake_services.answers["save_file"] = [tmp_path / "to-brussels"]
    seen = answer_dialog(qtbot, actions, [PASSPHRASE, PASSPHRASE])
    written = actions.export_package()
    assert seen == ["ok=False", "ok=True", ""]
    assert written == tmp_path / "to-brussels.iphrpkg" and written.read_bytes().startswith(
        b"age-encryption.org/v1"
    )
    assert window.statusBar().currentMessage() == actions.last_result
    assert actions.last_result.startswith("1 letter(s) written to ") and str(written) in actions.last_result

    # Import into another machine's store: a wrong passphrase is told and imports nothing.
    office = Store.open(tmp_path / "office")
    try:
        uuid = letter_repo.get_letter_info(store, letter_id).uuid
        from_office = tmp_path / "from-office.iphrpkg"
        office_id = letter_repo.add_letter(office, parse_letter_file(SAMPLE), author="office")
        export_package(office, [office_id], from_office, PASSPHRASE, author="office")
    finally:
        office.close()
    fake_services.answers["open_file"] = [from_office]
    answer_dialog(qtbot, actions, ["not the passphrase"])
    assert actions.import_package() is None
    [(title, message, _details)] = fake_services.called("error")
    assert title == "Could Not Import the Package" and "wrong passphrase" in message
    assert letter_repo.find_letter_by_uuid(store, uuid) == letter_id and len(window_letters(window)) == 1

    fake_services.answers["open_file"] = [from_office]
    answer_dialog(qtbot, actions, [PASSPHRASE])
    report = actions.import_package()
    assert report is not None and [o.added for o in report.letters] == [True]
    assert actions.last_result == "1 letter(s) added, 0 updated."
    assert window.statusBar().currentMessage() == actions.last_result
    assert len(window_letters(window)) == 2  # the list was refreshed


def test_edits_on_both_machines_are_told_in_a_message_box(
    qtbot: Any, window: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    letter_id = int(letter_repo.add_letter(store, parse_letter_file(SAMPLE), author="field"))
    package = tmp_path / "letter.iphrpkg"
    export_package(store, [letter_id], package, PASSPHRASE, author="field")
    office = Store.open(tmp_path / "office")
    try:
        from iphr_desk.core.exchange.package_merge import import_package

        import_package(office, package, PASSPHRASE, author="office")
        office_id = letter_repo.find_letter_by_uuid(
            office, letter_repo.get_letter_info(store, letter_id).uuid
        )
        assert office_id is not None
        theirs = letter_repo.get_letter(office, office_id)
        edited = replace(theirs, body=theirs.body + "\nAdded in Brussels.\n")
        letter_repo.save_letter(office, office_id, edited, author="office", revision_reason="edited")
        export_package(office, [office_id], package, PASSPHRASE, author="office")
    finally:
        office.close()
    ours = letter_repo.get_letter(store, letter_id)
    letter_repo.save_letter(store, letter_id, replace(ours, subject=ours.subject + " (revised)"),
                            author="field", revision_reason="edited")  # fmt: skip
    actions = package_actions(window)
    editor = window.open_letter(letter_id)  # open while the package comes in: it must show the merge
    assert editor is not None and "Added in Brussels." not in editor.current_letter().body
    fake_services.answers["open_file"] = [package]
    answer_dialog(qtbot, actions, [PASSPHRASE])
    report = actions.import_package()
    assert report is not None and report.concurrent
    assert editor.current_letter().subject.endswith("(revised)")
    assert "Added in Brussels." in editor.current_letter().body
    [(title, text)] = fake_services.called("info")
    assert title == "Package Imported" and f"letter(s) {letter_id}." in text
    merged = letter_repo.get_letter(store, letter_id)
    assert merged.subject.endswith("(revised)") and "Added in Brussels." in merged.body


def test_the_passphrase_dialog_for_opening_asks_once(qtbot: Any) -> None:
    dialog = PassphraseDialog(confirm=False, file_name="x.iphrpkg", parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.again.isVisible() and not dialog.with_cases.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "x")
    assert ok.isEnabled()


def window_letters(window: Any) -> list[int]:
    window.refresh()
    model = window.letter_model
    return [model.row_at(r).id for r in range(model.rowCount())]
