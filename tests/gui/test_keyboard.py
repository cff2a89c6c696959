"""The keyboard: Tab, the Tab order of the header form, Ctrl+N, the shortcuts to the body and the header, the
Edit and Format menus acting on what has the focus, and Undo following the document."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from iphr_desk.gui.widgets.input_guard import install_input_guard


@pytest.fixture
def win(qapp: QApplication, qtbot: Any, window: Any) -> Any:
    install_input_guard(qapp)
    window.resize(1024, 700)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


@pytest.fixture
def editor(win: Any, seeded: dict[str, int]) -> Any:
    opened = win.open_letter(seeded["letter_en"])
    assert opened is not None
    return opened


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_in_the_address_box_moves_on_and_types_no_tab(qtbot: Any, editor: Any) -> None:
    form = editor.form
    form.r_address.setPlainText("Palais des Nations")
    form.r_address.setFocus()
    qtbot.waitUntil(form.r_address.hasFocus)
    qtbot.keyClick(form.r_address, Qt.Key.Key_Tab)
    assert "\t" not in form.r_address.toPlainText()
    assert _focused() is form.salutation.override
    form.cc.setFocus()
    qtbot.waitUntil(form.cc.hasFocus)
    qtbot.keyClick(form.cc, Qt.Key.Key_Tab)
    assert _focused() is form.cases


def test_tab_in_the_body_stays_a_tab(qtbot: Any, editor: Any) -> None:
    text = editor.body.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert "\t" in text.toPlainText()
    assert _focused() is text


def test_the_header_form_tabs_in_reading_order(qtbot: Any, editor: Any) -> None:
    form = editor.form
    form.language.setFocus()
    qtbot.waitUntil(form.language.hasFocus)
    seen = []
    for _ in range(4):
        widget = _focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        seen.append(_focused())
    assert seen == [form.letterhead, form.place, form.date, form.subject]
    for _ in range(3):  # subject, register, voice, then the recipient list
        widget = _focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert _focused() is form.recipient_list


def test_ctrl_n_puts_the_keyboard_in_the_new_letters_first_header_field(qtbot: Any, win: Any) -> None:
    win.app_actions.new_letter.trigger()
    editor = win.tabs.currentWidget()
    assert hasattr(editor, "form"), "the new letter's editor is the current tab"
    qtbot.waitUntil(lambda: _focused() is editor.form.language)


def test_shortcuts_go_to_the_body_and_back_to_the_header(qtbot: Any, win: Any, editor: Any) -> None:
    actions = win.app_actions
    assert actions.go_to_body.shortcut() == QKeySequence("Ctrl+Shift+B")
    assert actions.go_to_header.shortcut() == QKeySequence("Ctrl+Shift+H")
    qtbot.keyClick(
        _focused() or win,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _focused() is editor.body.text)
    qtbot.keyClick(
        editor.body.text,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _focused() is editor.form.language)


def test_letter_commands_are_off_on_the_lists(win: Any, editor: Any) -> None:
    win.show_page("letters")
    for action in win.app_actions.editor_actions():
        assert not action.isEnabled()
    win.tabs.setCurrentWidget(editor)
    for action in win.app_actions.editor_actions():
        assert action.isEnabled()


def test_no_shortcut_conflicts_among_the_window_actions(win: Any) -> None:
    seen: dict[str, str] = {}
    for action in win.app_actions.all_actions():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()


def test_the_view_menu_shows_portable_tab_shortcuts(win: Any) -> None:
    native = QKeySequence.SequenceFormat.NativeText
    assert win.app_actions.previous_tab.shortcut().toString(native) == QKeySequence(
        "Ctrl+Shift+Tab"
    ).toString(native)
    assert win.app_actions.next_tab.shortcut().toString(native) == QKeySequence("Ctrl+Tab").toString(native)
    for action in win.menus[win.app_actions.view.title].actions():
        assert "Backtab" not in action.shortcut().toString(native)


def test_edit_menu_acts_on_the_focused_field(qtbot: Any, win: Any, editor: Any) -> None:
    actions = win.app_actions
    titles = [a.text() for a in win.menus[actions.edit.title].actions() if not a.isSeparator()]
    for action in (actions.undo, actions.redo, actions.cut, actions.copy, actions.paste, actions.select_all):
        assert action.text() in titles
    subject = editor.form.subject
    subject.setFocus()
    qtbot.waitUntil(subject.hasFocus)
    original = subject.text()
    qtbot.keyClicks(subject, " (draft)")
    assert actions.undo.isEnabled()
    actions.select_all.trigger()
    assert subject.selectedText() == original + " (draft)"
    actions.copy.trigger()
    assert QApplication.clipboard().text() == original + " (draft)"
    actions.undo.trigger()
    assert subject.text() == original
    assert actions.redo.isEnabled()
    subject.selectAll()
    actions.cut.trigger()
    assert subject.text() == ""
    actions.paste.trigger()
    assert subject.text() == original
    # On the lists (a table has the focus) only Select All applies.
    win.show_page("letters")
    qtbot.waitUntil(lambda: _focused() is win.letters_page.table)
    assert not actions.undo.isEnabled() and not actions.paste.isEnabled()
    assert actions.select_all.isEnabled()


def test_edit_menu_in_the_body(qtbot: Any, win: Any, editor: Any) -> None:
    text = editor.body.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClicks(text, "Typed ")
    assert win.app_actions.undo.isEnabled()
    win.app_actions.undo.trigger()
    assert "Typed" not in text.toPlainText()


def test_format_menu_holds_the_bodys_actions_and_formats(qtbot: Any, win: Any, editor: Any) -> None:
    menu = win.menus[win.app_actions.format.title]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    body = editor.body
    assert texts == [a.text() for a in body.format_actions() if a is not None]
    bold = next(a for a in menu.actions() if a is body.bold_action)
    assert bold.shortcut() == QKeySequence(QKeySequence.StandardKey.Bold)
    assert body.footnote_action.shortcut() == QKeySequence("Ctrl+Alt+F")
    text = body.text
    text.selectAll()
    bold.trigger()
    assert body.markdown().startswith("**")
    win.show_page("letters")
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions()] == [False]


def test_toolbar_undo_follows_the_document(qtbot: Any, editor: Any) -> None:
    body = editor.body
    assert not body.undo_action.isEnabled()
    body.text.setFocus()
    qtbot.keyClicks(body.text, "x")
    assert body.undo_action.isEnabled()
    body.undo_action.trigger()
    assert not body.undo_action.isEnabled()
    assert body.redo_action.isEnabled()
    body.set_markdown("Fresh text.")  # a reload: no history, both grey again
    assert not body.undo_action.isEnabled() and not body.redo_action.isEnabled()


def test_the_footnote_button_is_not_behind_the_overflow_at_1400(qtbot: Any, win: Any, editor: Any) -> None:
    win.resize(1400, 900)
    QApplication.processEvents()
    body = editor.body
    for action in body.format_actions():
        if action is not None:
            button = body.toolbar.widgetForAction(action)
            assert button is not None and button.isVisible(), action.text()
