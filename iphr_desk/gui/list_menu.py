"""The context menu of the main window's lists: a row's actions, or New on the empty space below the rows."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu


def show_list_menu(window: Any, page: Any, pos: QPoint) -> None:
    """The context menu of a list row (or of the empty space below the rows) of the main window.

    Here rather than in main_window.py, which is kept short (tests/test_architecture.py). `QtCore.Qt` is
    read here, not imported: the Qt namespace's enums cost milliseconds the first paint need not wait for.
    """
    index = page.table.indexAt(pos)
    menu = QMenu(window)
    menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    if page in (window.letters_page, window.cases_page):
        name = "letters" if page is window.letters_page else "cases"
        window.app_actions.fill_list_menu(menu, name, index.isValid(), window.status_menu)
    elif page is window.trash_page:
        window.trash.fill_context_menu(menu, index)
    else:
        window.record_pages.fill_context_menu(menu, window.record_pages.kind_of(page) or "", index)
    menu.popup(page.popup_position(pos))
