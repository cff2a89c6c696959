"""Preferences: who you are, what a new letter starts with, the interface language, where the data is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.dialogs.profile_dialog import chosen_role, role_combo
from iphr_desk.gui.services import Services
from iphr_desk.gui.settings import Settings

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


class PreferencesDialog(QDialog):
    """Saves to `Settings` on OK; a new interface language applies at the next start."""

    def __init__(
        self, settings: Settings, services: Services, ctx: AppContext | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.services = services
        self.ctx = ctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(settings.user_name, self)
        self.name_edit.setPlaceholderText(self.tr("Shown in revisions and comments"))
        self.role_combo = role_combo(settings.user_role, self)  # recorded with each status change
        self.place_edit = QLineEdit(settings.default_place, self)
        self.letterhead_combo = QComboBox(self)
        self.signatory_combo = QComboBox(self)
        self.language_combo = QComboBox(self)
        self.data_dir_edit = QLineEdit(str(ctx.data_dir) if ctx is not None else "", self)
        self.data_dir_edit.setReadOnly(True)
        open_button = QPushButton(self.tr("Open Folder"), self)
        open_button.clicked.connect(self._open_folder)
        open_button.setEnabled(ctx is not None)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(open_button)
        self._fill_letterheads()
        self._fill_signatories()
        self._fill_languages()
        for caption, widget in (
            (self.tr("Your &name:"), self.name_edit),
            (self.tr("Your &role:"), self.role_combo),
            (self.tr("Default &place:"), self.place_edit),
            (self.tr("Default &letterhead:"), self.letterhead_combo),
            (self.tr("Default &signatory:"), self.signatory_combo),
            (self.tr("Interface &language:"), self.language_combo),
        ):
            form.addRow(caption, widget)
            widget.setAccessibleName(caption.replace("&", "").rstrip(": \u00a0"))
        self.data_dir_edit.setAccessibleName(self.tr("Data folder"))
        form.addRow(self.tr("Data folder:"), folder_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _fill_letterheads(self) -> None:
        names: list[str] = []
        if self.ctx is not None:
            from iphr_desk.gui.models.records import letterhead_names

            names = letterhead_names(self.ctx.store)
        current = self.settings.default_letterhead
        if current and current not in names:
            names.insert(0, current)
        for name in names:
            self.letterhead_combo.addItem(name, name)
        self.letterhead_combo.setCurrentIndex(max(self.letterhead_combo.findData(current), 0))

    def _fill_signatories(self) -> None:
        self.signatory_combo.addItem(self.tr("(your organisation's first saved signatory)"), None)
        self.signatory_combo.setToolTip(
            self.tr(
                "Who signs a new letter. Automatic: the first saved signatory of the default "
                "letterhead's organisation."
            )
        )
        if self.ctx is not None:
            from iphr_desk.gui.models.records import signatory_choices

            for signatory_id, label in signatory_choices(self.ctx.store):
                self.signatory_combo.addItem(label, signatory_id)
        current = self.settings.default_signatory_id
        self.signatory_combo.setCurrentIndex(max(self.signatory_combo.findData(current), 0))

    def _fill_languages(self) -> None:
        for code, name in (
            ("", self.tr("System language")),
            ("en", "English"),
            ("fr", "Français"),
            ("ru", "Русский"),
        ):
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self.settings.ui_language), 0))

    def _open_folder(self) -> None:
        if self.ctx is not None:
            self.services.open_folder(Path(self.ctx.data_dir))

    def accept(self) -> None:
        s = self.settings
        old_language = s.ui_language
        s.user_name = self.name_edit.text()
        s.user_role = chosen_role(self.role_combo)
        s.default_place = self.place_edit.text()
        letterhead = self.letterhead_combo.currentData()
        if letterhead:
            s.default_letterhead = str(letterhead)
        s.default_signatory_id = self.signatory_combo.currentData()
        s.ui_language = str(self.language_combo.currentData() or "")
        s.sync()
        if s.ui_language != old_language:
            self.services.info(
                self,
                self.tr("Interface Language"),
                self.tr("The new interface language will be used the next time you start IPHR Desk."),
            )
        super().accept()
