"""The recipients, signatories and letterheads pages: New, Edit and Delete, by button, menu or Enter.

One controller for the three pages, which differ only in their kind of record; the forms themselves are
in dialogs/record_dialogs.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import QMenu, QWidget

from iphr_desk.gui.context import AppContext
from iphr_desk.gui.widgets.list_page import ListPage


class RecordPages(QObject):
    """Buttons and context-menu entries of the address-book pages (`pages` maps a kind to its page)."""

    def __init__(
        self, pages: dict[str, ListPage], context: Callable[[], AppContext | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._pages = pages
        self._context = context
        self._parent = parent
        for kind, page in pages.items():
            page.add_button(self.tr("&New…"), lambda _=False, k=kind: self.edit(k, -1))
            page.add_button(self.tr("&Edit…"), lambda _=False, k=kind: self._edit_current(k))
            page.add_button(self.tr("&Delete"), lambda _=False, k=kind: self._delete_current(k))
            page.table.openRequested.connect(lambda row, k=kind: self.edit(k, row))

    def kind_of(self, page: ListPage) -> str | None:
        return next((kind for kind, candidate in self._pages.items() if candidate is page), None)

    def fill_context_menu(self, menu: QMenu, kind: str, index: QModelIndex) -> None:
        if index.isValid():
            row = index.row()
            menu.addAction(self.tr("&Edit…"), lambda: self.edit(kind, row))
            menu.addAction(self.tr("&Delete"), lambda: self.delete(kind, row))
            menu.addSeparator()
        menu.addAction(self.tr("&New…"), lambda: self.edit(kind, -1))

    def edit(self, kind: str, row: int) -> None:
        """The form for the record on `row`, or for a new one (`row` -1)."""
        ctx = self._context()
        if ctx is None:
            return
        from iphr_desk.gui.dialogs.record_dialogs import edit_record

        model = self._pages[kind].model
        item = model.row_at(row) if row >= 0 else None
        if edit_record(ctx, kind, getattr(item, "id", None), self._parent):
            model.reload()

    def delete(self, kind: str, row: int) -> None:
        ctx = self._context()
        if ctx is None:
            return
        from iphr_desk.gui.dialogs.record_dialogs import delete_record

        model = self._pages[kind].model
        item = model.row_at(row)
        if item is not None and delete_record(ctx, kind, int(item.id), self._parent):
            model.reload()

    def _edit_current(self, kind: str) -> None:
        index = self._pages[kind].table.currentIndex()
        if index.isValid():
            self.edit(kind, index.row())

    def _delete_current(self, kind: str) -> None:
        index = self._pages[kind].table.currentIndex()
        if index.isValid():
            self.delete(kind, index.row())
