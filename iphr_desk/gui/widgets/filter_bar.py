"""A row of drop-down filters (country, status, language…) whose choices narrow a list.

Choices that are costly to list (country names need babel, office names the protocol data: about 6 MiB
and 40 ms together) can be given as a loader, read the first time the filter is used: its popup, the
keyboard focus, a wheel turn, or code asking for the combo or setting a value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from iphr_desk.gui.widgets.fitting import combo_width_for

ChoiceLoader = Callable[[], Sequence[tuple[str, str]]]


class _FilterCombo(QComboBox):
    """A combo that asks its bar for pending choices before the user can see or step through them."""

    def __init__(self, bar: FilterBar, key: str) -> None:
        super().__init__(bar)
        self._bar = bar
        self._key = key

    def showPopup(self) -> None:
        self._bar.load_choices(self._key)
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._bar.load_choices(self._key)
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._bar.load_choices(self._key)
        super().wheelEvent(event)

    def sizeHint(self) -> QSize:
        """As wide as the choice shown ("Toutes les langues" whole): the bar grows with what is chosen."""
        hint = super().sizeHint()
        return QSize(combo_width_for(self, self.currentText()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class FilterBar(QWidget):
    """Emits `filtersChanged(dict)` mapping each filter's key to its chosen value (None: any)."""

    filtersChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._combos: dict[str, QComboBox] = {}
        self._any_texts: dict[str, str] = {}
        self._loaders: dict[str, ChoiceLoader] = {}

    def add_filter(
        self, key: str, label: str, choices: Sequence[tuple[str, str]], any_text: str
    ) -> QComboBox:
        """`choices` are (value, visible text) pairs after the `any_text` entry ("All statuses").

        No caption beside the combo (narrow screens): `any_text` says what it filters, the tooltip and
        the accessible name carry `label`.
        """
        combo = _FilterCombo(self, key)
        name = label.replace("&", "").rstrip(":")
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # As wide as the choice shown (sizeHint); the list page puts the filters on a row of their own
        # when they do not fit beside the search field.
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(lambda _i, c=combo: c.updateGeometry())
        self._combos[key] = combo
        self._any_texts[key] = any_text
        self.set_choices(key, choices)
        combo.currentIndexChanged.connect(self._changed)
        self._layout.addWidget(combo)
        return combo

    def set_choices_later(self, key: str, load: ChoiceLoader) -> None:
        """Replace a filter's choices with `load()` when the filter is first used (module docstring)."""
        self._loaders[key] = load

    def load_choices(self, key: str) -> None:
        """Read a filter's pending choices now (a failure leaves the choices as they were)."""
        load = self._loaders.get(key)
        if load is None:
            return
        try:
            choices = load()
        except Exception:  # a closed or busy store: the filter keeps what it offered; tried again next time
            return
        self.set_choices(key, choices)

    def set_choices(self, key: str, choices: Sequence[tuple[str, str]]) -> None:
        """Replace a filter's choices, keeping the current value when it is still offered."""
        self._loaders.pop(key, None)
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
        combo.updateGeometry()

    def set_filter_visible(self, key: str, visible: bool) -> None:
        """Hide a filter the data cannot apply (and forget its value)."""
        if not visible:
            self.set_value(key, None)
        self._combos[key].setVisible(visible)

    def combo(self, key: str) -> QComboBox:
        self.load_choices(key)
        return self._combos[key]

    def set_value(self, key: str, value: str | None) -> None:
        if value is not None:
            self.load_choices(key)
        combo = self._combos[key]
        combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)

    def values(self) -> dict[str, str | None]:
        return {key: combo.currentData() for key, combo in self._combos.items()}

    def _changed(self) -> None:
        self.filtersChanged.emit(self.values())
