"""Where and how to export: the folder, .docx or PDF, and what to do with several recipients."""

from __future__ import annotations

from pathlib import Path

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


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class ExportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        letter_count: int,
        has_batch: bool,
        pdf_available: bool,
        parent: QWidget | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Export letters") if letter_count > 1 else self.tr("Export letter"))
        self.folder = QLineEdit(str(folder or default_folder()), self)
        self.folder.setAccessibleName(self.tr("Export folder"))
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
        self.per_recipient = QRadioButton(self.tr("One file per recipient"), self)
        self.combined = QRadioButton(self.tr("One document with every recipient's letter"), self)
        self.per_recipient.setChecked(True)
        batch = QButtonGroup(self)
        batch.addButton(self.per_recipient)
        batch.addButton(self.combined)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        format_box = QVBoxLayout()
        format_box.addWidget(self.docx)
        format_box.addWidget(self.pdf)
        form.addRow(self.tr("Format"), format_box)
        if has_batch:
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
        layout.addWidget(QLabel(self.tr("%n letter(s) to export.", "", letter_count), self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        chosen = self._services.choose_folder(self, self.tr("Export to folder"))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _accept_if_valid(self) -> None:
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir():
            self._services.warning(
                self,
                self.tr("No such folder"),
                self.tr("The folder %1 does not exist. Choose an existing folder.").replace(
                    "%1", str(folder)
                ),
            )
            return
        self.accept()

    def options(self) -> ExportOptions:
        return ExportOptions(
            folder=Path(self.folder.text().strip()).expanduser(),
            pdf=self.pdf.isChecked(),
            combined=self.combined.isChecked(),
        )
