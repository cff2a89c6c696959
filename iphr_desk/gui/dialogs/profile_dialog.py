"""The first start's question: who is using the app (see gui/profile.py for why it is asked)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from iphr_desk.gui.settings import Settings


class ProfileQuestion(QDialog):
    """The first start's question: the user's name, stored in the settings on OK."""

    #: The name was stored (the caller may refresh what shows it).
    nameChosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("profileQuestion")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(self.tr("Welcome to IPHR Desk"))
        intro = QLabel(
            self.tr(
                "Your name is recorded with every status change, comment and revision, so your colleagues "
                "know who approved or changed a letter. You can change it later in Preferences."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("First name and surname"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            return
        self.settings.user_name = name
        self.settings.sync()
        self.nameChosen.emit(name)
        super().accept()
