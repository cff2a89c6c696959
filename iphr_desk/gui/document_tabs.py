"""The window's tabs: the lists in the first tab (never closed), then one editor tab per open letter.

A widget of its own so the window need not know how an editor is made, titled, saved or closed: it asks
for a letter to be shown (`open_letter`) and hears when an editor saved (`letterSaved`). Every editor
is saved before its tab closes; a failed save is told, never silent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from iphr_desk.gui.services import Services

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.letter_actions import LetterActions

TITLE_CHARS = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentTabs", text)


class DocumentTabs(QTabWidget):
    """Tab 0 holds `lists`; tabs 1… hold `LetterEditor`s, at most one per letter."""

    #: An editor saved its letter (the window reads the list again when typing pauses).
    letterSaved = Signal(int)

    def __init__(self, lists: QWidget, title: str, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("documentTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setAccessibleName(_tr("Lists and open letters"))
        self.addTab(lists, title)
        bar = self.tabBar()
        bar.setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        bar.setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)

    def editors(self) -> list[QWidget]:
        widgets = (self.widget(i) for i in range(1, self.count()))
        return [widget for widget in widgets if widget is not None]

    def find_editor(self, letter_id: int) -> int:
        """The tab index of the editor showing `letter_id`, or -1."""
        for index in range(1, self.count()):
            if getattr(self.widget(index), "letter_id", None) == letter_id:
                return index
        return -1

    def current_letter_id(self) -> int | None:
        """The letter of the current editor tab; None on the lists."""
        letter_id = getattr(self.currentWidget(), "letter_id", None) if self.currentIndex() > 0 else None
        return int(letter_id) if letter_id is not None else None

    def open_letter(
        self, ctx: AppContext, actions: LetterActions | None, letter_id: int, title: str
    ) -> QWidget | None:
        """Show the letter's editor, made on first use; None when this build has no editor."""
        index = self.find_editor(letter_id)
        if index >= 0:
            self.setCurrentIndex(index)
            return self.widget(index)
        try:
            from iphr_desk.gui.editor.letter_editor import LetterEditor
        except ImportError:
            self._services.info(
                self, _tr("Letter Editor"), _tr("The letter editor is not available in this build.")
            )
            return None
        editor = LetterEditor(ctx, letter_id, self, actions=actions)
        editor.titleChanged.connect(lambda text, e=editor: self._set_title(e, text))
        editor.saved.connect(self.letterSaved)
        index = self.addTab(editor, title)
        self.setTabToolTip(index, title)
        self.setCurrentIndex(index)
        return editor

    def _set_title(self, editor: QWidget, title: str) -> None:
        index = self.indexOf(editor)
        if index > 0:
            shown = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
            self.setTabText(index, shown or _tr("Untitled letter"))
            self.setTabToolTip(index, title)

    def close_tab(self, index: int) -> None:
        """Close an editor tab after it has saved what is pending (the list tab stays)."""
        if index <= 0:
            return
        editor = self.widget(index)
        self.flush(editor)
        release = getattr(editor, "release", None)
        if callable(release):
            release()  # the letter actions forget it
        self.removeTab(index)
        if editor is not None:
            editor.deleteLater()

    def close_letter(self, letter_id: int) -> None:
        index = self.find_editor(letter_id)
        if index > 0:
            self.close_tab(index)

    def step(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def flush_all(self) -> None:
        """Save every open letter (before a backup, an encryption or closing the window)."""
        for editor in self.editors():
            self.flush(editor)

    def flush(self, editor: QWidget | None) -> None:
        flush = getattr(editor, "flush", None)
        if callable(flush):
            try:
                flush()
            except Exception as error:  # the user must hear that a save failed, whatever the cause
                self._services.error(
                    self, _tr("Could Not Save"), _tr("A letter could not be saved."), str(error)
                )
