"""App-wide input rules every form follows, installed once on the application (app.py).

- A combo box or spin box (dates included) changes only when the user means it: the wheel turns it only
  when it has the keyboard focus. Otherwise the wheel scrolls what is around it (the header form), as in
  a web page. Qt gives these widgets `WheelFocus`, so one wheel turn over a form silently changed a
  recipient's gender or added a signatory; they get `StrongFocus` instead (click or Tab).
- Tab moves the focus out of multi-line boxes (addresses, copies, comments) and date fields; only a text
  whose Tab means something (the letter body: it nests list items) sets `TAB_IS_TEXT` on itself to keep it.
- A dialog is at least as wide as its title (the window manager would cut it) and as its contents.
- A combo box's drop-down list shows its longest entry whole: Qt sizes the list for its entries but not
  for the scrollbar a long list (countries) gets, which then cut the longest names.

An application event filter rather than a subclass per widget: the rules then hold for every form, dialog
and message box, including those written later, without each remembering to use a special class.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QWidget,
)

#: A dynamic property: a text edit that sets it to True keeps Tab as a character (the letter body).
TAB_IS_TEXT = "iphrTabIsText"
#: Room a window manager takes on a title bar besides the title: icon and the close/maximise buttons.
TITLE_BAR_EXTRA = 140


def guarded(widget: QObject) -> bool:
    """Whether the wheel rule applies: combo boxes and spin boxes (QDateEdit is a spin box)."""
    return isinstance(widget, QComboBox | QAbstractSpinBox)


def has_focus(widget: QWidget) -> bool:
    """Whether the keyboard is in `widget` (or in its own line edit: editable combos, spin boxes)."""
    focused = QApplication.focusWidget()
    return widget.hasFocus() or (focused is not None and widget.isAncestorOf(focused))


def title_width(title: str) -> int:
    """The width a dialog needs for the title bar to show `title` whole (the title font is usually bold)."""
    font = QGuiApplication.font()
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(title) + TITLE_BAR_EXTRA


class InputGuard(QObject):
    """The event filter; `install_input_guard(app)` installs one per application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel and guarded(watched):
            widget = watched
            assert isinstance(widget, QWidget)
            if not has_focus(widget):
                # Not for this widget: for the scroll area around it (the header form), else ignored,
                # so Qt hands it to the parents.
                assert isinstance(event, QWheelEvent)
                if not scroll_instead(widget, event):
                    event.ignore()
                return True
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QDateTimeEdit):
            assert isinstance(event, QKeyEvent)
            return tab_out_of_date(watched, event)
        elif kind == QEvent.Type.Polish:
            polish(watched)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            fit_title(watched)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            combo = watched.parentWidget()
            if isinstance(combo, QComboBox):  # the combo's drop-down list opening
                fit_popup(watched, combo)
        return False


def scroll_instead(widget: QWidget, event: QWheelEvent) -> bool:
    """Give the wheel to the nearest scroll area around `widget`; False when there is none.

    Handed over here rather than left to Qt's propagation, which only carries the wheel events that come
    from the system (and scrolling must not depend on where an event came from).
    """
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return False
    viewport = area.viewport()
    position = viewport.mapFromGlobal(event.globalPosition().toPoint())
    forwarded = QWheelEvent(
        QPointF(position),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QCoreApplication.sendEvent(viewport, forwarded)
    event.accept()
    return True


def tab_out_of_date(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Tab leaves a date field, as it leaves every field (Qt's date field keeps it to step from the day to
    the month to the year, which the arrow keys do too); True when the key was used."""
    keys = QtCore.Qt.Key
    if event.key() not in (keys.Key_Tab, keys.Key_Backtab):
        return False
    if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier:
        return False
    forward = event.key() == keys.Key_Tab and not event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier
    QWidget.focusNextPrevChild(edit, forward)  # QWidget's own: the focus chain, not the date's sections
    return True


def polish(widget: QObject) -> None:
    """Give a new widget the app's focus rules (called when Qt polishes it, before it is first shown)."""
    if guarded(widget):
        assert isinstance(widget, QWidget)
        # QtCore.Qt read here, not imported: the window's first paint polishes no combo box, and building
        # the Qt namespace's enums would cost it milliseconds (tests/gui/test_app.py).
        focus = QtCore.Qt.FocusPolicy
        if widget.focusPolicy() == focus.WheelFocus:
            widget.setFocusPolicy(focus.StrongFocus)
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.property(TAB_IS_TEXT):
        widget.setTabChangesFocus(True)


def fit_title(dialog: QDialog) -> None:
    """Widen a dialog whose title, or whose contents, would be cut (within the screen).

    The contents count too: a dialog given a fixed minimum width (`setMinimumWidth(520)`) no longer takes
    its layout's minimum, and in Russian its labels and choices were squeezed below their texts.
    """
    needed = max(title_width(dialog.windowTitle()), dialog.minimumSizeHint().width())
    screen = dialog.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().width())
    # Set only when the layout's own minimum falls short (a long title, or a fixed minimum given by
    # hand): a minimum set here is fixed, and the layout would no longer raise it as its contents grow.
    if dialog.minimumWidth() < needed:
        dialog.setMinimumWidth(needed)
    if dialog.width() < needed:
        dialog.resize(needed, dialog.height())


def fit_popup(popup: QWidget, combo: QComboBox) -> None:
    """Widen an opening drop-down list to its longest entry plus its scrollbar (within the screen)."""
    view = combo.view()
    needed = view.sizeHintForColumn(0) + 2 * view.frameWidth() + (popup.width() - view.width())
    if view.verticalScrollBar().isVisible() or combo.count() > combo.maxVisibleItems():
        needed += view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    if popup.width() >= needed:
        return
    x = popup.x()
    screen = popup.screen()
    if screen is not None:  # near the screen's right edge the list grows to the left
        available = screen.availableGeometry()
        needed = min(needed, available.width())
        x = max(available.left(), min(x, available.right() + 1 - needed))
    popup.setGeometry(x, popup.y(), needed, popup.height())


def install_input_guard(app: QCoreApplication | None = None) -> InputGuard:
    """Install the guard on `app` (default: the running application) once; return it."""
    app = app or QApplication.instance()
    assert app is not None
    existing = app.findChild(InputGuard)
    if isinstance(existing, InputGuard):
        return existing
    guard = InputGuard(app)
    app.installEventFilter(guard)
    return guard
