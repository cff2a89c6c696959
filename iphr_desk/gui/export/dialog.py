"""Where and how to export: the folder, .docx or PDF, and what to do with several recipients.

The folder offered first is one that exists: the last folder exported to (remembered in the settings),
else the platform's documents folder, created when missing (a fresh Windows or Linux account may have
none), else the home folder. A typed folder that does not exist is offered for creation, not refused.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.export.worker import ExportOptions
from iphr_desk.gui.services import Services

if TYPE_CHECKING:
    from iphr_desk.gui.settings import Settings


FOLDER_CHARS = 48


def documents_folder() -> Path:
    """The platform's documents folder (Qt's answer, else platformdirs'), created when missing.

    Falls back to the home folder when it cannot be created (a read-only home, an odd profile).
    """
    located = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not located:
        import platformdirs

        located = platformdirs.user_documents_dir()
    folder = Path(located) if located else Path.home()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder if folder.is_dir() else Path.home()


def default_folder(settings: Settings | None = None) -> Path:
    """The last export folder when it still exists, else the documents folder (see the module)."""
    if settings is not None:
        last = settings.last_export_folder
        if last is not None and last.is_dir():
            return last
    return documents_folder()


class ExportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        letter_count: int,
        has_batch: bool,
        pdf_available: bool,
        parent: QWidget | None = None,
        folder: Path | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self.setWindowTitle(self.tr("Export letters") if letter_count > 1 else self.tr("Export letter"))
        self.count_label = QLabel(self.tr("%n letter(s) to export.", "", letter_count), self)
        self.count_label.setObjectName("exportCount")
        self.folder = QLineEdit(str(folder or default_folder(settings)), self)
        self.folder.setAccessibleName(self.tr("Export folder"))
        # Wide enough for a usual path ("C:\\Users\\…\\Documents\\Letters") to be read whole.
        self.folder.setMinimumWidth(self.folder.fontMetrics().averageCharWidth() * FOLDER_CHARS)
        self.folder.setCursorPosition(0)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.docx = QRadioButton(self.tr("Word document (.docx)"), self)
        self.pdf = QRadioButton(self.tr("PDF (through LibreOffice)"), self)
        self.docx.setChecked(True)
        self.pdf.setEnabled(pdf_available)
        if not pdf_available:
            self.pdf.setToolTip(self.tr("Install LibreOffice to export PDF."))
        formats = QButtonGroup(self)
        formats.addButton(self.docx)
        formats.addButton(self.pdf)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        format_box = QVBoxLayout()
        format_box.addWidget(self.docx)
        format_box.addWidget(self.pdf)
        form.addRow(self.tr("Format"), format_box)
        # The batch choice exists only when it applies: a radio button made and never laid out stays a
        # child of the dialog at (0, 0), painted over the first line (the bug this replaces).
        self.per_recipient: QRadioButton | None = None
        self.combined: QRadioButton | None = None
        if has_batch:
            self.per_recipient = QRadioButton(self.tr("One file per recipient"), self)
            self.combined = QRadioButton(self.tr("One document with every recipient's letter"), self)
            self.per_recipient.setChecked(True)
            batch = QButtonGroup(self)
            batch.addButton(self.per_recipient)
            batch.addButton(self.combined)
            batch_box = QVBoxLayout()
            batch_box.addWidget(self.per_recipient)
            batch_box.addWidget(self.combined)
            form.addRow(self.tr("Several recipients"), batch_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = self._services.choose_folder(self, self.tr("Export to folder"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _accept_if_valid(self) -> None:
        folder = self.chosen_folder()
        if not self.folder.text().strip():
            self._services.warning(self, self.tr("No folder"), self.tr("Choose a folder to export to."))
            return
        if folder.exists() and not folder.is_dir():
            self._services.warning(
                self,
                self.tr("Not a folder"),
                self.tr("%1 is a file, not a folder. Choose a folder.").replace("%1", str(folder)),
            )
            return
        if not folder.exists():
            if not self._services.ask_yes_no(
                self,
                self.tr("No such folder"),
                self.tr("The folder %1 does not exist. Create it?").replace("%1", str(folder)),
            ):
                return
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                self._services.warning(
                    self,
                    self.tr("No such folder"),
                    self.tr("The folder %1 could not be created: %2. Choose another folder.")
                    .replace("%1", str(folder))
                    .replace("%2", exc.strerror or str(exc)),
                )
                return
        if self._settings is not None:
            self._settings.last_export_folder = folder
            self._settings.sync()
        self.accept()

    def options(self) -> ExportOptions:
        return ExportOptions(
            folder=self.chosen_folder(),
            pdf=self.pdf.isChecked(),
            combined=self.combined is not None and self.combined.isChecked(),
        )
