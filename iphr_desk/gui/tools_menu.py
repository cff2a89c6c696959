"""The Tools and Help menus' handlers: preferences, backups, encryption, demo data, the data folder, About.

Apart from the window because none of them is about the window itself: each opens a dialog or runs one
store operation, then asks the window to read its lists again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6 import QtCore
from PySide6.QtCore import QObject

from iphr_desk import __version__
from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QMainWindow, QStatusBar

    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.services import Services
    from iphr_desk.gui.settings import Settings


class ToolsHost(Protocol):
    """What the handlers need of the main window (which imports this module: no import back)."""

    ctx: AppContext | None
    settings: Settings
    services: Services

    def flush_editors(self) -> None: ...

    def refresh(self) -> None: ...

    def refresh_changed(self, changes: Changes) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def windowIcon(self) -> QIcon: ...


class ToolsMenu(QObject):
    """Slots for the Tools and Help actions of `window`."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._host = cast("ToolsHost", window)

    def show_preferences(self) -> None:
        from iphr_desk.gui.dialogs.preferences import PreferencesDialog

        w = self._host
        PreferencesDialog(w.settings, w.services, w.ctx, self._window).exec()

    def show_backups(self) -> None:
        w = self._host
        if w.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import BackupDialog

        w.flush_editors()
        dialog = BackupDialog(w.ctx, self._window)
        dialog.exec()
        if dialog.restored:
            w.refresh()

    def encrypt_store(self) -> None:
        w = self._host
        if w.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import encrypt_store

        w.flush_editors()
        encrypt_store(w.ctx, self._window)

    def change_passphrase(self) -> None:
        w = self._host
        if w.ctx is None:
            return
        from iphr_desk.gui.dialogs.backup_dialog import change_passphrase

        w.flush_editors()
        change_passphrase(w.ctx, self._window)

    def load_demo(self) -> None:
        w = self._host
        if w.ctx is None:
            return
        try:
            from iphr_desk.core.demo import load_demo
        except ImportError:
            w.services.info(
                self._window, self.tr("Demo Data"), self.tr("The demo data is not available in this build.")
            )
            return
        store = w.ctx.store
        if StoreOp(
            self._window,
            w.services,
            self.tr("Could Not Load the Demo Data"),
            lambda: load_demo(store),
            changes=Changes.ALL,
            refresh=w.refresh_changed,
        ).run():
            w.statusBar().showMessage(self.tr("Demo cases and letters loaded"), 4000)

    def open_data_folder(self) -> None:
        w = self._host
        if w.ctx is not None:
            w.services.open_folder(Path(w.ctx.data_dir))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        w = self._host
        text = self.tr(
            "<h3>IPHR Desk %1</h3>"
            "<p>Cases and advocacy letters on the organisation's letterhead, offline.</p>"
            "<p>Your data stays on this computer: IPHR Desk never connects to the network.</p>"
        ).replace("%1", __version__)
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            self.tr("About IPHR Desk"),
            text,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setIconPixmap(w.windowIcon().pixmap(64, 64))
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self._window, self.tr("About Qt"))
