"""The trash page: restore the selected letters or empty the trash, by button or context menu.

The work is `LetterActions.restore` and `LetterActions.empty_trash` (the one path of every letter action);
this controller only knows the page: which rows are selected and how many letters it lists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from iphr_desk.gui.letter_actions import LetterActions
from iphr_desk.gui.widgets.list_page import ListPage


class TrashPage(QObject):
    """Restore and Empty Trash for the trash list; `actions()` is None until the store is open."""

    #: A line for the status bar.
    messageRequested = Signal(str)

    def __init__(
        self, page: ListPage, actions: Callable[[], LetterActions | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page = page
        self._actions = actions
        page.search.setPlaceholderText(self.tr("Search the trash…"))
        page.add_button(self.tr("&Restore"), self.restore_selected)
        page.add_button(self.tr("&Empty Trash…"), self.empty_trash)

    def fill_context_menu(self, menu: QMenu, index: QModelIndex) -> None:
        if index.isValid():
            menu.addAction(self.tr("&Restore"), self.restore_selected)
        menu.addAction(self.tr("&Empty Trash…"), self.empty_trash)

    def restore_selected(self) -> None:
        """Bring the selected letters back from the trash."""
        actions = self._actions()
        ids = self.page.selected_ids()
        if actions is not None and actions.restore(ids):
            self.messageRequested.emit(self.tr("%n letter(s) restored", "", len(ids)))

    def empty_trash(self) -> None:
        """Delete the trashed letters for good, after a question that says so."""
        actions = self._actions()
        if actions is not None:
            actions.empty_trash(self.page.model.rowCount())
