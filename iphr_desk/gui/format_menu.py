"""The Format menu and the View menu's letter commands, acting on the letter editor of the current tab.

The Format menu lists the current letter body's own toolbar actions (Bold, Italic, Footnote…), the same
QAction objects, so the menu, the toolbar and the shortcuts cannot disagree; with no letter open it says
so. "Go to Letter Header/Body" and "Letter Side Panel" (View menu) reach the same editor. After a new
letter is made (Ctrl+N) the keyboard goes to its first header field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from iphr_desk.gui.actions import Actions


def editor_of(widget: QWidget | None) -> Any:
    """The widget when it is a letter editor (it has a body and a header form), else None."""
    return (
        widget if widget is not None and hasattr(widget, "body") and hasattr(widget, "focus_header") else None
    )


class EditorCommands(QObject):
    """Keeps the Format menu and the letter commands on the current tab's editor."""

    def __init__(
        self,
        actions: Actions,
        format_menu: QMenu,
        current: Callable[[], QWidget | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._menu = format_menu
        self._current = current
        self._shown: Any = None
        format_menu.aboutToShow.connect(self.update)
        actions.go_to_header.triggered.connect(lambda: self._call("focus_header"))
        actions.go_to_body.triggered.connect(lambda: self._call("focus_body"))
        actions.side_panel.toggled.connect(self._toggle_side)
        self.update()

    def editor(self) -> Any:
        return editor_of(self._current())

    def _call(self, method: str) -> None:
        editor = self.editor()
        if editor is not None:
            getattr(editor, method)()

    def _toggle_side(self, shown: bool) -> None:
        editor = self.editor()
        if editor is not None and editor.side_visible() != shown:
            editor.set_side_visible(shown)

    def update(self) -> None:
        """Refill the Format menu and enable the letter commands for the current tab."""
        editor = self.editor()
        for action in self._actions.editor_actions():
            action.setEnabled(editor is not None)
        if editor is not None:
            blocked = self._actions.side_panel.blockSignals(True)
            self._actions.side_panel.setChecked(editor.side_visible())
            self._actions.side_panel.blockSignals(blocked)
        if editor is self._shown and not self._menu.isEmpty():
            return
        self._shown = editor
        self._menu.clear()
        if editor is None:
            placeholder = self._menu.addAction(self.tr("Open a letter to format its text"))
            placeholder.setEnabled(False)
            return
        for action in editor.body.format_actions():
            if action is None:
                self._menu.addSeparator()
            else:
                self._menu.addAction(action)

    def focus_new_letter(self, letter_id: int | None, find: Callable[[int], QWidget | None]) -> None:
        """After Ctrl+N (or New Letter from a case): the keyboard in the new letter's first header field."""
        if letter_id is None:
            return
        editor = editor_of(find(letter_id))
        if editor is not None:
            self.update()
            editor.focus_header()
