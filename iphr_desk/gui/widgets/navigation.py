"""The side list that switches between Cases, Letters, Recipients, Signatories and Letterheads."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

PAGES: tuple[str, ...] = ("cases", "letters", "recipients", "signatories", "letterheads", "trash")


class NavigationList(QListWidget):
    """Emits `pageRequested(name)` with one of `PAGES` when the user picks an entry."""

    pageRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sections"))
        self.setIconSize(QSize(20, 20))
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        style = self.style()
        Pixmap = QStyle.StandardPixmap
        entries = (
            ("cases", self.tr("Cases"), Pixmap.SP_DirIcon),
            ("letters", self.tr("Letters"), Pixmap.SP_FileIcon),
            ("recipients", self.tr("Recipients"), Pixmap.SP_DirHomeIcon),
            ("signatories", self.tr("Signatories"), Pixmap.SP_DialogApplyButton),
            ("letterheads", self.tr("Letterheads"), Pixmap.SP_FileDialogDetailedView),
            ("trash", self.tr("Trash"), Pixmap.SP_TrashIcon),
        )
        for name, text, pixmap in entries:
            item = QListWidgetItem(style.standardIcon(pixmap), text, self)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(text)
        self.currentRowChanged.connect(self._emit)
        self.setMaximumWidth(max(220, self.sizeHint().width()))
        # Never narrower than its longest entry ("Подписанты", "Papiers à en-tête"): a squeezed list cut them.
        self.setMinimumWidth(self.sizeHint().width())

    def _emit(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.pageRequested.emit(PAGES[row])

    def select(self, name: str) -> None:
        if name in PAGES:
            self.setCurrentRow(PAGES.index(name))

    def current_page(self) -> str:
        row = self.currentRow()
        return PAGES[row] if 0 <= row < len(PAGES) else PAGES[0]

    def sizeHint(self) -> QSize:
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = max(self.sizeHintForColumn(0), 100) + 2 * self.frameWidth() + 2 * self.spacing() + 8
        if self.verticalScrollBar().isVisible():
            width += scrollbar
        return QSize(width, super().sizeHint().height())
