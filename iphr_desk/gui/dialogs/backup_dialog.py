"""Backups in the GUI (list, create, restore) and the "Encrypt Data" command, over the core modules.

Restoring swaps the database file under the open store: the store's connections are closed first and
reopen on the restored file at the next query; the file that was replaced is kept aside by the core.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


class BackupDialog(QDialog):
    """Lists the rolling backups, newest first; `restored` tells the caller to re-read everything."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.ctx = ctx
        self.restored = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "IPHR Desk keeps a copy of your data at the first start of each day and before every "
                "upgrade. Restoring a backup keeps the current file aside; nothing is deleted."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Backups"))
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.create_button = QPushButton(self.tr("&Create Backup Now"), self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.folder_button = QPushButton(self.tr("Open &Folder"), self)
        for button in (self.create_button, self.restore_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.clicked.connect(self.create_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self.reload()

    def reload(self) -> None:
        from iphr_desk.core.store import backup

        self.tree.clear()
        locale = QLocale()
        for info in backup.list_backups(Path(self.ctx.data_dir)):
            item = QTreeWidgetItem(
                [str(info.number), info.label, self._reason(info.reason), locale.formattedDataSize(info.size)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info.id)  # restored by id: numbers shift
            self.tree.addTopLevelItem(item)
        self._update_buttons()

    def _reason(self, reason: str) -> str:
        names = {
            "manual": self.tr("Made by you"),
            "daily": self.tr("Daily"),
            "pre-migration": self.tr("Before an upgrade"),
            "": self.tr("Daily"),
        }
        return names.get(reason, reason)

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def create_backup(self) -> None:
        from iphr_desk.core.store import backup

        try:
            backup.create_backup(self.ctx.store, reason="manual")
        except Exception as error:  # shown with the core's sentence; the list is re-read either way
            self.ctx.services.error(
                self, self.tr("Backup Failed"), self.tr("The backup could not be made."), str(error)
            )
        self.reload()

    def selected_number(self) -> int | None:
        items = self.tree.selectedItems()
        return int(items[0].text(0)) if items else None

    def restore_selected(self) -> None:
        items = self.tree.selectedItems()
        number = self.selected_number()
        if number is None:
            return
        backup_id = str(items[0].data(0, Qt.ItemDataRole.UserRole))
        question = self.tr(
            "Replace your current data with backup %1? Your current data file is kept aside, not deleted."
        ).replace("%1", str(number))
        if not self.ctx.services.ask_yes_no(self, self.tr("Restore Backup"), question):
            return
        from iphr_desk.core.store import backup

        failure: Exception | None = None
        try:
            self.ctx.store.close()
            backup.restore_backup(Path(self.ctx.data_dir), backup_id)
        except Exception as error:  # the store reopens on whichever file is in place
            failure = error
        try:
            # Open the file in place with every check of a start: a backup from an older schema is
            # migrated, and the journal goes back to WAL.
            self.ctx.store.reopen()
        except Exception as error:
            failure = failure or error
        if failure is not None:
            self.ctx.services.error(
                self, self.tr("Restore Failed"), self.tr("The backup could not be restored."), str(failure)
            )
            return
        self.restored = True
        self.ctx.services.info(
            self,
            self.tr("Backup Restored"),
            self.tr("Backup %1 is now your data.").replace("%1", str(number)),
        )
        self.reload()

    def _open_folder(self) -> None:
        from iphr_desk.core.paths import backup_dir_for

        folder = backup_dir_for(Path(self.ctx.data_dir))
        self.ctx.services.open_folder(folder if folder.is_dir() else Path(self.ctx.data_dir))


def encrypt_store(ctx: AppContext, parent: QWidget) -> bool:
    """Ask for a passphrase twice and convert the store to SQLCipher through the core crypto module."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("EncryptStore", text)

    if ctx.store.encrypted:
        ctx.services.info(parent, tr("Encrypt Data"), tr("Your data is already encrypted."))
        return False
    from iphr_desk.core.store import crypto as crypto_module

    first = ctx.services.ask_passphrase(
        parent, tr("Encrypt Data"), tr("Choose a passphrase. Without it your data cannot be opened:")
    )
    if not first:
        return False
    second = ctx.services.ask_passphrase(parent, tr("Encrypt Data"), tr("Type the passphrase again:"))
    if second != first:
        ctx.services.warning(
            parent, tr("Encrypt Data"), tr("The two passphrases differ; nothing was changed.")
        )
        return False
    try:
        _encrypt(crypto_module, ctx.store, first)
    except Exception as error:  # the core keeps the plain copy until the encrypted one is verified
        ctx.services.error(parent, tr("Encrypt Data"), tr("Your data could not be encrypted."), str(error))
        return False
    ctx.services.info(parent, tr("Encrypt Data"), tr("Your data is now encrypted."))
    return True


def _encrypt(crypto: Any, store: Any, passphrase: str) -> None:
    store.close()
    crypto.encrypt_store(store.data_dir, passphrase)
    store.reopen_with(passphrase)


def change_passphrase(ctx: AppContext, parent: QWidget) -> bool:
    """Ask for the current passphrase and a new one (twice) and re-key the store and its backups."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("EncryptStore", text)

    title = tr("Change Passphrase")
    if not ctx.store.encrypted:
        ctx.services.info(parent, title, tr("Your data is not encrypted: use Tools, Encrypt Data first."))
        return False
    old = ctx.services.ask_passphrase(parent, title, tr("Current passphrase:"))
    if not old:
        return False
    new = ctx.services.ask_passphrase(parent, title, tr("New passphrase:"))
    if not new:
        return False
    if ctx.services.ask_passphrase(parent, title, tr("Type the new passphrase again:")) != new:
        ctx.services.warning(parent, title, tr("The two passphrases differ; nothing was changed."))
        return False
    from iphr_desk.core.store import crypto as crypto_module

    try:
        crypto_module.change_passphrase(ctx.store, old, new)
    except Exception as error:  # a wrong current passphrase is told with the core's sentence
        ctx.services.error(parent, title, tr("The passphrase was not changed."), str(error))
        return False
    ctx.services.info(parent, title, tr("The passphrase has been changed."))
    return True
