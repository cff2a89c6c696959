"""Sizes that fit the texts: combo boxes as wide as their longest choice, pickers as wide as their prompt.

Qt's default for a combo box is the longest item of the moment, and some forms lowered that to a few
characters to stay narrow; both cut French and Russian texts ("Toutes les langu…"). These helpers size
from the texts themselves and are what tests/gui/test_layout_fits.py measures against.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)


def combo_width_for(combo: QComboBox, text: str) -> int:
    """The combo box width that shows `text` whole (frame, arrow and margins from the style)."""
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    contents = combo.fontMetrics().horizontalAdvance(text)
    contents += 4  # the item's own text margins in the edit field
    if not combo.iconSize().isEmpty() and any(not combo.itemIcon(i).isNull() for i in range(combo.count())):
        contents += combo.iconSize().width() + 4
    size = combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, QSize(contents, combo.fontMetrics().height()), combo
    )
    return size.width()


def widest_item(combo: QComboBox) -> str:
    texts = [combo.itemText(i) for i in range(combo.count())]
    return max(texts, key=combo.fontMetrics().horizontalAdvance, default="")


def fit_combos(root: QWidget, pickers: Iterable[QComboBox] = ()) -> None:
    """Every combo box under `root` as wide as its longest choice; a picker (its first item a prompt such
    as "Pick a saved recipient…", put back after each pick) as wide as that prompt. (Their drop-down lists
    open as wide as their longest entry: widgets/input_guard.py.)"""
    picker_list = list(pickers)
    for combo in root.findChildren(QComboBox):
        if combo in picker_list:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
            combo.setMinimumWidth(combo_width_for(combo, combo.itemText(0)))
        else:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            # Its size hint (the longest choice, followed when the choices change) is also its minimum:
            # a layout short of room may not squeeze it below that.
            policy = combo.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
            combo.setSizePolicy(policy)


class _SameVisibility(QObject):
    """Shows and hides a label with the widget it names (the form hides a row by its field widget)."""

    def __init__(self, label: QLabel, widget: QWidget) -> None:
        super().__init__(widget)
        self._label = label
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShowToParent:
            self._label.setVisible(True)
        elif event.type() == QEvent.Type.HideToParent:
            self._label.setVisible(False)
        return False


def label_above(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A form row whose label stands above its field, the field across the whole column; the label is
    shown and hidden with the field (`QFormLayout.setRowVisible(field, …)` hides only the field's row)."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    form.addRow(label)
    form.addRow(widget)
    _SameVisibility(label, widget)
    label.setVisible(not widget.isHidden())
    return label
