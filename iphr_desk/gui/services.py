"""Message boxes, file dialogs and opening folders, in one place so tests patch one object.

Widgets never call QMessageBox or QFileDialog directly: they ask the `Services` they were given.
Tests replace it with a recording fake (tests/gui/conftest.py). The dialog classes are imported when a
dialog is asked for: each one's Python enums are built on first use, which the first paint need not wait for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Services", text)


def _core(text: str) -> str:
    """The core's English sentences in a message (an error's `str()`) in the interface language."""
    from iphr_desk.gui.core_messages import translate_core_message

    return translate_core_message(text)


class Services:
    """The application's dialogs. Every method blocks until the user answers."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, _core(text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, _core(text))

    def error(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        ok = QMessageBox.StandardButton.Ok
        box = QMessageBox(QMessageBox.Icon.Critical, title, _core(text), ok, parent)
        if details:
            box.setDetailedText(_core(details))
        box.exec()

    def ask_yes_no(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def ask_passphrase(self, parent: QWidget | None, title: str, label: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return value if ok else None

    def open_file(self, parent: QWidget | None, caption: str, name_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, caption, "", name_filter)
        return Path(path) if path else None

    def save_file(
        self, parent: QWidget | None, caption: str, suggested: str, name_filter: str
    ) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, name_filter)
        return Path(path) if path else None

    def choose_folder(self, parent: QWidget | None, caption: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(parent, caption)
        return Path(path) if path else None

    def open_folder(self, path: Path) -> bool:
        """Show a local folder in the system's file manager (a file:// URL; never the network)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
