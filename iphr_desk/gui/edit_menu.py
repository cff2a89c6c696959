"""The Edit menu's Undo, Redo, Cut, Copy, Paste and Select All, acting on the widget with the keyboard focus.

Qt's text widgets already answer Ctrl+Z, Ctrl+C… themselves; the menu gives the same commands to the mouse
and shows their keys, and each item is enabled only when the focused widget can do it now (Undo after
typing, Copy with a selection, Paste in an editable field), as in any desktop editor. The states follow
the focus and the focused widget's own signals, so the menu and its shortcuts are never stale.
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from iphr_desk.gui.actions import Actions

TextBox = QLineEdit | QTextEdit | QPlainTextEdit
#: Command name -> the method every text widget (and item views for select all) has under that name.
COMMANDS = ("undo", "redo", "cut", "copy", "paste", "selectAll")


def edit_target(widget: QWidget | None) -> QWidget | None:
    """The widget an Edit command acts on: the focused one, or the line edit inside a combo or spin box."""
    if isinstance(widget, QComboBox):
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return widget


def available(widget: QWidget | None, command: str) -> bool:
    """Whether `command` would do something in `widget` now."""
    if isinstance(widget, QLineEdit):
        editable = not widget.isReadOnly()
        selected = widget.hasSelectedText()
        secret = widget.echoMode() != QLineEdit.EchoMode.Normal
        return {
            "undo": editable and widget.isUndoAvailable(),
            "redo": editable and widget.isRedoAvailable(),
            "cut": editable and selected and not secret,
            "copy": selected and not secret,
            "paste": editable,
            "selectAll": bool(widget.text()),
        }[command]
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        editable = not widget.isReadOnly()
        selected = widget.textCursor().hasSelection()
        document = widget.document()
        return {
            "undo": editable and document.isUndoAvailable(),
            "redo": editable and document.isRedoAvailable(),
            "cut": editable and selected,
            "copy": selected,
            "paste": editable and widget.canPaste(),
            "selectAll": not document.isEmpty(),
        }[command]
    if isinstance(widget, QAbstractItemView):
        return command == "selectAll" and widget.selectionMode() in (
            QAbstractItemView.SelectionMode.ExtendedSelection,
            QAbstractItemView.SelectionMode.MultiSelection,
        )
    return False


class EditCommands(QObject):
    """Wires the window's Edit actions to whatever widget has the focus."""

    def __init__(self, actions: Actions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions: dict[str, QAction] = {
            "undo": actions.undo,
            "redo": actions.redo,
            "cut": actions.cut,
            "copy": actions.copy,
            "paste": actions.paste,
            "selectAll": actions.select_all,
        }
        for command, action in self.actions.items():
            action.triggered.connect(lambda _=False, c=command: self.run(c))
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)  # a method: disconnected when this object goes
        self.update()

    def target(self) -> QWidget | None:
        return edit_target(QApplication.focusWidget())

    def run(self, command: str) -> None:
        widget = self.target()
        if widget is not None and available(widget, command):
            getattr(widget, command)()
        self.update()

    def update(self) -> None:
        if not all(shiboken6.isValid(action) for action in self.actions.values()):
            return  # the window is being torn down: its actions went before this object did
        widget = self.target()
        for command, action in self.actions.items():
            action.setEnabled(available(widget, command))

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._watch(new)

    def _watch(self, focused: QWidget | None) -> None:
        """Follow the focused widget's undo and selection signals (a typed letter enables Undo).

        Connected once per widget (UniqueConnection) and never disconnected: the connection goes with the
        widget, and a widget that no longer has the focus only makes `update` read the focus again.
        """
        widget = edit_target(focused)
        if widget is not self._watched:
            self._watched = widget
            signals = []
            if isinstance(widget, QLineEdit):
                signals = [widget.textChanged, widget.selectionChanged]
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                signals = [
                    widget.undoAvailable,
                    widget.redoAvailable,
                    widget.selectionChanged,
                    widget.copyAvailable,
                ]
            # QtCore.Qt read here, not imported: the Qt namespace's enums cost the first paint milliseconds.
            unique = QtCore.Qt.ConnectionType.UniqueConnection
            for signal in signals:
                signal.connect(self._on_signal, unique)
        self.update()

    def _on_signal(self, *_: object) -> None:
        self.update()
