"""What the letters view shows before there is anything to list: three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A first-run page; the main window decides what each button does."""

    loadDemoRequested = Signal()
    newCaseRequested = Signal()
    newLetterRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("No letters yet"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Record a case, then write a letter about it. "
                "Or load the demo cases and letters to see how it works."
            )
        )
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        self.demo_button = self._button(self.tr("Load Demo Data"), self.loadDemoRequested, layout)
        self.case_button = self._button(self.tr("New Case…"), self.newCaseRequested, layout)
        self.letter_button = self._button(self.tr("New Letter"), self.newLetterRequested, layout)
        self.demo_button.setDefault(True)
        layout.addStretch(3)

    def _button(self, text: str, signal: SignalInstance, layout: QVBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setMinimumWidth(220)
        button.clicked.connect(signal)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        return button
