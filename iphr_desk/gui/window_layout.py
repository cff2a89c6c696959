"""The main window's remembered layout: geometry, toolbar state, splitters and list columns.

Kept out of the window class: restoring and saving are plain reads and writes of `Settings`, and the
first-paint path (geometry only) must not wait for the lists that the rest of the layout needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QSplitter

from iphr_desk.gui.settings import Settings

if TYPE_CHECKING:
    from iphr_desk.gui.widgets.list_page import ListPage

#: Sizes of the splitters the first time (no saved state): navigation (its narrowest: its longest entry) |
#: tabs, case list | case view.
FIRST_SIZES = {"mainSplitter": [1, 10000], "caseSplitter": [560, 470]}


def restore_geometry(window: QMainWindow, settings: Settings) -> None:
    """The saved size and place, else 90% of the screen up to 1280×820."""
    if not settings.window_geometry.isEmpty():
        window.restoreGeometry(settings.window_geometry)
    else:
        available = window.screen().availableGeometry()
        window.resize(min(1280, int(available.width() * 0.9)), min(820, int(available.height() * 0.9)))
    if not settings.window_state.isEmpty():
        window.restoreState(settings.window_state)


def restore_splitters(splitters: list[QSplitter], settings: Settings) -> None:
    for splitter in splitters:
        state = settings.splitter_state(splitter.objectName())
        if not state.isEmpty():
            splitter.restoreState(state)
        elif splitter.objectName() in FIRST_SIZES:
            splitter.setSizes(FIRST_SIZES[splitter.objectName()])


def restore_headers(pages: list[ListPage], settings: Settings) -> None:
    """Column widths and order, and the sort they show (the model sorts the same way)."""
    for page in pages:
        state = settings.header_state(page.objectName())
        if not state.isEmpty():
            page.table.horizontalHeader().restoreState(state)
            page.widths_restored = True
        page.model.apply_header_sort(page.table.horizontalHeader())


def save_layout(
    window: QMainWindow, settings: Settings, splitters: list[QSplitter], pages: list[ListPage]
) -> None:
    """Write what the restore functions read, and sync (the process may end right after)."""
    settings.window_geometry = window.saveGeometry()
    settings.window_state = window.saveState()
    for splitter in splitters:
        settings.set_splitter_state(splitter.objectName(), splitter.saveState())
    for page in pages:
        settings.set_header_state(page.objectName(), page.table.horizontalHeader().saveState())
    settings.sync()
