"""One path per action: the list, the editor and the menus change a letter the same way, name the same
author (the profile's, asked once at the first start, changed in Preferences), and a failed store
operation is told in one dialog with the lists left matching the store."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from iphr_desk.core.errors import IphrError
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import LetterFilter
from iphr_desk.gui.letter_actions import LetterActions
from tests.gui.conftest import TEST_USER


def _row_of(window: Any, letter_id: int) -> int:
    return next(
        r for r in range(window.letter_model.rowCount()) if window.letter_model.row_at(r).id == letter_id
    )


def _status_menu_action(window: Any, text: str) -> Any:
    window.status_menu.fill()
    return next(a for a in window.status_menu.actions() if a.text() == text)


def test_the_list_and_the_editor_change_status_through_one_path_with_one_author(
    window: Any, seeded: dict[str, int], store: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    letter_id = seeded["letter_en"]
    calls: list[tuple[LetterActions, int, str]] = []
    original = LetterActions.change_status

    def recording(self: LetterActions, letter: int, status: str) -> bool:
        calls.append((self, letter, status))
        return original(self, letter, status)

    monkeypatch.setattr(LetterActions, "change_status", recording)
    window.refresh()
    editor = window.open_letter(letter_id)
    assert editor.letter_actions is window.letter_actions

    # Typed in the editor, not yet autosaved: the list's status change saves it first.
    editor.body.text.setFocus()
    qtbot.keyClicks(editor.body.text, " Typed before submitting.")
    window.tabs.setCurrentIndex(0)
    window.letters_page.table.selectRow(_row_of(window, letter_id))
    _status_menu_action(window, "Submit for Review").trigger()
    assert "Typed before submitting." in letter_repo.get_letter(store, letter_id).body
    assert editor.status() == "in_review"  # the editor heard it

    # The editor's review panel: the same method of the same object.
    editor.review.transition_buttons["approved"].click()
    assert [(actions, status) for actions, _id, status in calls] == [
        (window.letter_actions, "in_review"),
        (window.letter_actions, "approved"),
    ]
    assert editor.is_read_only() and not editor.read_only_banner.isHidden()
    history = letter_repo.status_history(store, letter_id)
    assert [(h.to_status, h.author) for h in history] == [("in_review", TEST_USER), ("approved", TEST_USER)]
    # The list shows the new status too.
    assert window.letter_model.row_at(_row_of(window, letter_id)).status == "approved"

    # Reopened from the list: the editor opens up again.
    window.tabs.setCurrentIndex(0)
    window.letters_page.table.selectRow(_row_of(window, letter_id))
    _status_menu_action(window, "Reopen as Draft").trigger()
    assert editor.status() == "draft" and not editor.is_read_only()


def test_a_status_change_is_refused_when_the_open_letter_cannot_be_saved(
    window: Any, seeded: dict[str, int], store: Any, fake_services: Any
) -> None:
    letter_id = seeded["letter_fr"]
    editor = window.open_letter(letter_id)
    editor.autosave.flush = lambda: False  # the save failed (the editor has said why)
    editor.autosave.error = "no signatory"
    assert not window.letter_actions.change_status(letter_id, "in_review")
    assert letter_repo.get_letter_info(store, letter_id).status == "draft"
    errors = fake_services.called("error")
    assert len(errors) == 1 and "no signatory" in errors[0][1]


def test_every_recorded_author_is_the_profiles_name(
    window: Any, seeded: dict[str, int], store: Any, fake_services: Any
) -> None:
    from pathlib import Path

    from iphr_desk.core.store.repository import comments as comment_repo
    from iphr_desk.core.store.repository import revisions as revision_repo

    sample = Path(__file__).resolve().parents[1] / "data" / "letters" / "fr_pre_visit.md"
    fake_services.answers["open_file"] = [sample]
    imported = window.letter_actions.import_letter_file()
    drafted = window.letter_actions.new_letter(seeded["case_kz"])
    assert imported is not None and drafted is not None
    editor = window.open_letter(imported)
    editor.review.comment_text.setText("Check the date")
    editor.review.add_button.click()
    authors = {r.author for r in revision_repo.list_revisions(store, imported)}
    authors |= {r.author for r in revision_repo.list_revisions(store, drafted)}
    authors |= {c.author for c in comment_repo.list_comments(store, imported)}
    assert authors == {TEST_USER}


def test_the_first_start_asks_the_name_once_and_preferences_change_it(
    qtbot: Any, store: Any, fake_services: Any, data_dir: Any, tmp_path: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.profile import current_user
    from iphr_desk.gui.settings import Settings

    def start(settings: Settings) -> Any:
        window = MainWindow(settings, fake_services)
        qtbot.addWidget(window)
        window.show()
        window.attach(AppContext(store=store, services=fake_services, settings=settings, data_dir=data_dir))
        qtbot.wait(20)
        return window

    fresh = Settings(tmp_path / "fresh.ini")
    first = start(fresh)
    question = first.profile_question
    assert question is not None and question.isVisible()
    assert not question.isModal()  # a start is never held up by it
    ok = question.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no empty name
    qtbot.keyClicks(question.name_edit, "Aigerim Tulegenova")
    assert not ok.isEnabled()  # the role is asked too
    question.role_combo.setCurrentIndex(question.role_combo.findData("field_officer"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert fresh.user_name == "Aigerim Tulegenova" and fresh.user_role == "field_officer"
    assert Settings(fresh.path).user_name == "Aigerim Tulegenova"  # stored, not only in memory
    assert current_user(fresh) == "Aigerim Tulegenova"
    first.letter_actions.change_status(seeded["letter_fr"], "in_review")
    assert letter_repo.status_history(store, seeded["letter_fr"])[-1].author == "Aigerim Tulegenova"

    # Named: the next start asks nothing.
    assert start(fresh).profile_question is None
    # Closed without a name: asked once only.
    other = Settings(tmp_path / "other.ini")
    start(other).profile_question.reject()
    assert other.user_name == "" and start(other).profile_question is None

    # Preferences change the name; the next action records the new one.
    dialog = PreferencesDialog(fresh, fake_services, first.ctx, first)
    dialog.name_edit.setText("A. Tulegenova")
    dialog.accept()
    first.letter_actions.change_status(seeded["letter_fr"], "approved")
    assert letter_repo.status_history(store, seeded["letter_fr"])[-1].author == "A. Tulegenova"


def test_the_name_never_comes_from_the_os_login(ctx: Any) -> None:
    from iphr_desk.gui.profile import current_user

    ctx.settings.user_name = ""
    import getpass

    assert current_user(ctx.settings) != getpass.getuser()
    assert current_user(ctx.settings) == "Unnamed user"


@pytest.mark.parametrize(
    ("error", "says"),
    [(IphrError("The disk is full."), "The disk is full."), (OSError("boom"), "Something went wrong.")],
)
def test_a_failed_store_operation_shows_one_dialog_and_the_lists_match_the_store(
    window: Any,
    seeded: dict[str, int],
    store: Any,
    fake_services: Any,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    says: str,
) -> None:
    window.refresh()
    table = window.letters_page.table
    table.selectRow(0)
    table.selectionModel().select(
        window.letter_model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    table.setFocus()
    assert len(window.letters_page.selected_ids()) == 2
    original = letter_repo.trash_letter
    done: list[int] = []

    def second_fails(store_: Any, letter_id: int, *, author: str = "") -> None:
        if done:
            raise error
        original(store_, letter_id, author=author)
        done.append(letter_id)

    monkeypatch.setattr(letter_repo, "trash_letter", second_fails)
    window.trash_selected()
    errors = fake_services.called("error")
    assert len(errors) == 1
    assert errors[0][0] == "Could Not Delete" and errors[0][1] == says
    # Half done: the first letter is in the trash, and both lists say so.
    assert window.letter_model.rowCount() == letter_lists.count_letters(store) == 3
    assert window.trash_model.rowCount() == letter_lists.count_letters(store, LetterFilter(trashed=True)) == 1
