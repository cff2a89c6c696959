"""State kept true (issue 16.8): counts refresh, an untouched new letter leaves nothing behind, the tab
follows the subject, and the open letters come back after a restart."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from iphr_desk.core.errors import IphrError
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from tests.gui.conftest import seed

LONG_BODY = "\n\n".join(f"Paragraph {n} about the detention of protesters in Almaty." for n in range(150))


def case_letters_shown(window: Any, reference: str) -> str:
    model = window.case_model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole) == reference:
            column = model.columnCount() - 1
            return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))
    raise AssertionError(f"{reference} not in the case list")


def new_letter(window: Any, qtbot: Any) -> tuple[int, Any]:
    window.app_actions.new_letter.trigger()
    qtbot.waitUntil(lambda: getattr(window.tabs.currentWidget(), "letter_id", None) is not None)
    editor = window.tabs.currentWidget()
    return int(editor.letter_id), editor


def test_the_case_list_counts_a_letter_written_from_the_case(window: Any, qtbot: Any, store: Any) -> None:
    ids = seed(store)
    window.refresh()
    before = int(case_letters_shown(window, "UZ-2022-009"))
    letter_id = window.letter_actions.new_letter(ids["case_uz"])
    assert letter_id is not None
    qtbot.waitUntil(lambda: case_letters_shown(window, "UZ-2022-009") == str(before + 1))


def test_linking_a_letter_to_a_case_in_the_editor_updates_the_count(
    window: Any, qtbot: Any, store: Any
) -> None:
    ids = seed(store)
    window.refresh()
    assert case_letters_shown(window, "UZ-2022-009") == "1"
    editor = window.open_letter(ids["letter_en"])
    editor.form.cases.setText("UZ-2022-009")
    editor.form.cases.textEdited.emit("UZ-2022-009")
    editor.flush()
    qtbot.waitUntil(lambda: case_letters_shown(window, "UZ-2022-009") == "2", timeout=5000)


def test_ctrl_n_then_close_leaves_nothing_behind(window: Any, qtbot: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    before = letter_lists.count_letters(store)
    letter_id, _editor = new_letter(window, qtbot)
    assert letter_lists.count_letters(store) == before + 1
    window.tabs.close_tab(window.tabs.currentIndex())
    assert letter_lists.count_letters(store) == before
    with pytest.raises(IphrError):  # not in the trash either: gone
        letter_repo.get_letter_info(store, letter_id)
    qtbot.waitUntil(lambda: window.letter_model.rowCount() == before, timeout=5000)


def test_a_new_letter_with_a_typed_subject_is_kept(window: Any, qtbot: Any, store: Any) -> None:
    letter_id, editor = new_letter(window, qtbot)
    qtbot.keyClicks(editor.form.subject, "Detention of Seitkali")
    window.tabs.close_tab(window.tabs.currentIndex())
    assert letter_repo.get_letter(store, letter_id).subject == "Detention of Seitkali"


def test_a_new_letter_with_only_a_changed_field_is_kept(window: Any, qtbot: Any, store: Any) -> None:
    letter_id, editor = new_letter(window, qtbot)
    form = editor.form
    form.r_gender.setCurrentIndex(form.r_gender.findData("female"))
    window.tabs.close_tab(window.tabs.currentIndex())
    assert letter_repo.get_letter(store, letter_id).recipient.gender == "female"


def test_a_new_letter_with_a_typed_body_is_kept(window: Any, qtbot: Any, store: Any) -> None:
    letter_id, editor = new_letter(window, qtbot)
    qtbot.keyClicks(editor.body.text, "We write")
    window.tabs.close_tab(window.tabs.currentIndex())
    assert letter_repo.get_letter(store, letter_id).body.strip() == "We write"


def test_an_existing_letter_opened_and_closed_unchanged_is_kept(window: Any, qtbot: Any, store: Any) -> None:
    ids = seed(store)
    window.open_letter(ids["letter_en"])
    window.tabs.close_tab(window.tabs.currentIndex())
    assert letter_repo.get_letter(store, ids["letter_en"]).subject


def test_the_tab_says_new_letter_then_follows_the_subject_as_typed(window: Any, qtbot: Any) -> None:
    _letter_id, editor = new_letter(window, qtbot)
    tabs = window.tabs
    index = tabs.indexOf(editor)
    assert tabs.tabText(index) == "New letter"
    qtbot.keyClicks(editor.form.subject, "Appeal")
    assert tabs.tabText(index) == "Appeal"
    qtbot.keyClicks(editor.form.subject, " for Seitkali")
    assert tabs.tabText(index) == "Appeal for Seitkali"
    editor.form.subject.selectAll()
    qtbot.keyClick(editor.form.subject, Qt.Key.Key_Delete)
    assert tabs.tabText(index) == "New letter"


def test_an_opened_letter_is_titled_by_its_subject_at_once(window: Any, store: Any) -> None:
    ids = seed(store)
    editor = window.open_letter(ids["letter_fr"])
    assert window.tabs.tabText(window.tabs.indexOf(editor)) == "Questions relatives aux droits humains"


def restart(qtbot: Any, ctx: Any, old: Any) -> Any:
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.settings import Settings

    old.close()  # saves the session, as quitting does
    settings = Settings(ctx.settings.path)
    from iphr_desk.gui.context import AppContext

    ctx2 = AppContext(store=ctx.store, services=ctx.services, settings=settings, data_dir=ctx.data_dir)
    win = MainWindow(settings, ctx.services)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.attach(ctx2)
    return win


def test_open_tabs_and_their_scroll_positions_come_back_after_a_restart(
    qtbot: Any, window: Any, ctx: Any, store: Any
) -> None:
    ids = seed(store)
    long_letter = letter_repo.get_letter(store, ids["letter_de"])
    from dataclasses import replace

    letter_repo.save_letter(store, ids["letter_de"], replace(long_letter, body=LONG_BODY), author="test")
    window.resize(1300, 850)
    window.open_letter(ids["letter_fr"])
    editor = window.open_letter(ids["letter_de"])
    bar = editor.body.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 400)
    bar.setValue(400)
    window.open_letter(ids["letter_en"])
    window.tabs.setCurrentWidget(editor)
    letter_repo.trash_letter(store, ids["letter_en"])  # trashed meanwhile: skipped quietly
    errors_before = len(ctx.services.called("error"))

    again = restart(qtbot, ctx, window)
    qtbot.waitUntil(lambda: again.tabs.count() == 3)
    opened = [again.tabs.widget(i).letter_id for i in range(1, again.tabs.count())]
    assert opened == [ids["letter_fr"], ids["letter_de"]]
    restored = again.tabs.currentWidget()
    assert restored.letter_id == ids["letter_de"]
    restored_bar = restored.body.text.verticalScrollBar()
    qtbot.waitUntil(lambda: restored_bar.value() == 400)
    assert len(ctx.services.called("error")) == errors_before


def test_an_untouched_new_letter_is_not_reopened(qtbot: Any, window: Any, ctx: Any, store: Any) -> None:
    ids = seed(store)
    window.open_letter(ids["letter_fr"])
    new_letter(window, qtbot)
    assert [entry["letter"] for entry in window.tabs.session()] == [ids["letter_fr"]]


def test_closing_the_window_deletes_an_untouched_new_letter_and_keeps_a_touched_one(
    window: Any, qtbot: Any, store: Any
) -> None:
    untouched, _editor = new_letter(window, qtbot)
    touched, editor = new_letter(window, qtbot)
    qtbot.keyClicks(editor.form.subject, "Kept")
    window.close()
    with pytest.raises(IphrError):
        letter_repo.get_letter_info(store, untouched)
    assert letter_repo.get_letter(store, touched).subject == "Kept"


def test_a_new_letter_from_a_case_closed_untouched_leaves_nothing_and_the_count_follows(
    window: Any, qtbot: Any, store: Any
) -> None:
    ids = seed(store)
    window.refresh()
    letter_id = window.letter_actions.new_letter(ids["case_uz"])
    assert letter_id is not None
    qtbot.waitUntil(lambda: case_letters_shown(window, "UZ-2022-009") == "2")
    window.tabs.close_tab(window.tabs.find_editor(letter_id))
    with pytest.raises(IphrError):
        letter_repo.get_letter_info(store, letter_id)
    qtbot.waitUntil(lambda: case_letters_shown(window, "UZ-2022-009") == "1", timeout=5000)
