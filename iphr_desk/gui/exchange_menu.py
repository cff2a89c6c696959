"""The Letter menu's "Review and Exchange" submenu: the signatory's loop (issue 15).

Sending a letter for review, taking a reviewed copy back, signing it, and moving letters between offline
machines in packages are each built in their own module (`review_actions`, `sign_actions`,
`package_actions`). Each contributes its actions through `add_actions(menu)`, listed in `CONTRIBUTORS`,
so this menu knows none of them and the main window knows only this menu.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from iphr_desk.gui.letter_actions import LetterActions
    from iphr_desk.gui.tools_menu import ToolsHost

#: Modules (under iphr_desk.gui) with `add_actions(menu: ExchangeMenu) -> None`, in menu order.
CONTRIBUTORS: tuple[str, ...] = ("review_actions", "sign_actions", "package_actions")


class Contributor(Protocol):
    def add_actions(self, menu: ExchangeMenu) -> None: ...


class ExchangeMenu(QMenu):
    """Actions on the selected letters; `letter_actions` is set once the store is open."""

    def __init__(self, selected: Callable[[], list[int]], window: QMainWindow) -> None:
        super().__init__(QCoreApplication.translate("ExchangeMenu", "Review and E&xchange"), window)
        self.window_ = window
        self.selected = selected
        self.letter_actions: LetterActions | None = None
        for name in CONTRIBUTORS:
            module = cast("Contributor", importlib.import_module(f"iphr_desk.gui.{name}"))
            module.add_actions(self)

    @property
    def host(self) -> ToolsHost:
        """The main window, as the handlers may use it (store context, settings, refresh, status bar)."""
        return cast("ToolsHost", self.window_)
