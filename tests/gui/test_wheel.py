"""The wheel over the header form scrolls the form; it turns a combo or spin box only when it has the focus.

Reported: scrolling the form turned a Female recipient into a Male one and added three signatories.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from iphr_desk.gui.widgets.input_guard import InputGuard, install_input_guard


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[InputGuard]:
    yield install_input_guard(qapp)


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of `widget` (negative: towards the user, down)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def editor(guard: InputGuard, qtbot: Any, window: Any, seeded: dict[str, int]) -> Any:
    window.resize(1024, 700)
    opened = window.open_letter(seeded["letter_en"])
    assert opened is not None
    window.activateWindow()
    qtbot.waitExposed(window)
    return opened


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form_and_changes_nothing(
    qtbot: Any, editor: Any
) -> None:
    form = editor.form
    form.r_gender.setCurrentIndex(form.r_gender.findData("female"))
    editor.body.text.setFocus()
    scroll = editor.panes.scroll.verticalScrollBar()
    scroll.setValue(0)
    assert scroll.maximum() > 0, "at 1024x700 the form is taller than its column"
    signatories = form.signatories.rowCount()
    for combo in (form.r_gender, form.r_office, form.language, form.saved_signatory):
        assert not combo.hasFocus()
        before = combo.currentIndex()
        _wheel(combo)
        _wheel(combo)
        assert combo.currentIndex() == before, combo.accessibleName()
    before_date = form.date.date()
    _wheel(form.date)
    assert form.date.date() == before_date
    assert form.r_gender.currentData() == "female"
    assert form.signatories.rowCount() == signatories
    assert scroll.value() > 0, "the wheel went to the form, which scrolled"


def test_the_wheel_changes_a_combo_that_has_the_focus(qtbot: Any, editor: Any) -> None:
    combo = editor.form.r_gender
    combo.setCurrentIndex(0)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1


def test_combo_and_spin_boxes_take_the_focus_by_click_or_tab_not_by_wheel(editor: Any) -> None:
    for combo in editor.form.findChildren(QComboBox):
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert editor.form.date.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_without_the_guard_the_wheel_would_change_the_combo(qapp: QApplication, qtbot: Any) -> None:
    """What the guard prevents (Qt's own behaviour): the check above can fail."""
    existing = qapp.findChild(InputGuard)
    if existing is not None:
        qapp.removeEventFilter(existing)
    try:
        combo = QComboBox()
        qtbot.addWidget(combo)
        combo.addItems(["Female", "Male", "Unspecified"])
        combo.show()
        qtbot.waitExposed(combo)
        _wheel(combo)
        assert combo.currentIndex() == 1
    finally:
        if existing is not None:
            qapp.installEventFilter(existing)


def test_the_app_installs_the_guard(qapp: QApplication) -> None:
    from iphr_desk.gui.app import make_application

    assert make_application([]) is qapp
    assert qapp.findChild(InputGuard) is not None
