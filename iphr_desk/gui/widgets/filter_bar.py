"""A row of drop-down filters (country, status, language…) whose choices narrow a list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget


class FilterBar(QWidget):
    """Emits `filtersChanged(dict)` mapping each filter's key to its chosen value (None: any)."""

    filtersChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._combos: dict[str, QComboBox] = {}
        self._any_texts: dict[str, str] = {}

    def add_filter(
        self, key: str, label: str, choices: Sequence[tuple[str, str]], any_text: str
    ) -> QComboBox:
        """`choices` are (value, visible text) pairs after the `any_text` entry ("All statuses").

        No caption beside the combo (narrow screens): `any_text` says what it filters, the tooltip and
        the accessible name carry `label`.
        """
        combo = QComboBox(self)
        name = label.replace("&", "").rstrip(":")
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # Narrow when space is short (small laptop screens); the popup still shows whole names.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._combos[key] = combo
        self._any_texts[key] = any_text
        self.set_choices(key, choices)
        combo.currentIndexChanged.connect(self._changed)
        self._layout.addWidget(combo)
        return combo

    def set_choices(self, key: str, choices: Sequence[tuple[str, str]]) -> None:
        """Replace a filter's choices, keeping the current value when it is still offered."""
        combo = self._combos[key]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._any_texts[key], None)
        for value, text in choices:
            combo.addItem(text, value)
        position = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(position, 0))
        combo.blockSignals(False)

    def set_filter_visible(self, key: str, visible: bool) -> None:
        """Hide a filter the data cannot apply (and forget its value)."""
        if not visible:
            self.set_value(key, None)
        self._combos[key].setVisible(visible)

    def combo(self, key: str) -> QComboBox:
        return self._combos[key]

    def set_value(self, key: str, value: str | None) -> None:
        combo = self._combos[key]
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)

    def values(self) -> dict[str, str | None]:
        return {key: combo.currentData() for key, combo in self._combos.items()}

    def _changed(self) -> None:
        self.filtersChanged.emit(self.values())
