"""One list of the main window: search, filters, a lazily filled table, an optional empty state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.models.paged import StoreTableModel
from iphr_desk.gui.widgets.empty_state import EmptyState
from iphr_desk.gui.widgets.filter_bar import FilterBar
from iphr_desk.gui.widgets.rich_delegate import RichTextDelegate
from iphr_desk.gui.widgets.search_field import SearchField


class RecordTable(QTableView):
    """A row-selecting table where Enter opens the current row, like double-click."""

    openRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doubleClicked.connect(self._open_index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(index.row())

    def selected_rows(self) -> list[int]:
        model = self.selectionModel()
        if model is None:
            return []
        return sorted(index.row() for index in model.selectedRows())


class ListPage(QWidget):
    """Search, filters and table for one kind of record; the main window wires the signals."""

    #: Emitted once after `watch_first_rows()`, when the table has been painted with rows.
    firstRowsPainted = Signal()

    def __init__(
        self,
        name: str,
        model: StoreTableModel,
        *,
        searchable: bool = True,
        empty_state: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        self.search = SearchField(self)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.search.setVisible(searchable)
        self.filters = FilterBar(self)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of rows"))
        header.addWidget(self.search, 1)
        header.addWidget(self.filters, 0)
        header.addWidget(self.count_label, 0)
        layout.addLayout(header)
        self._header = header
        self.table = RecordTable(self)
        self.table.setModel(model)
        self.table.setAccessibleName(name)
        self._delegate = RichTextDelegate(self.table)
        self.apply_column_widths()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.empty: EmptyState | None = None
        if empty_state:
            self.empty = EmptyState(self)
            self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._place: tuple[int, int, Any, int] | None = None
        model.modelAboutToBeReset.connect(self._remember_place)
        model.modelReset.connect(self._restore_place)
        model.reloaded.connect(self._on_reloaded)
        model.modelReset.connect(self._sync_sort_indicator)

    def watch_first_rows(self) -> None:
        """Emit `firstRowsPainted` once the table's rows are on screen (start-up: the store opens after)."""
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        viewport = self.table.viewport()
        if watched is viewport and event.type() == QEvent.Type.Paint and self.model.rowCount() > 0:
            viewport.removeEventFilter(self)
            QTimer.singleShot(0, self.firstRowsPainted.emit)  # after this paint has been done
        return super().eventFilter(watched, event)

    def add_button(self, text: str, slot: Any) -> QPushButton:
        """A command button at the end of the header row (New…, Edit…, Delete for short lists)."""
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        self._header.addWidget(button)
        return button

    def apply_column_widths(self) -> None:
        """Initial widths from the columns' hints (restored header states replace them)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        char = self.fontMetrics().averageCharWidth()
        for number in range(self.model.columnCount()):
            column = self.model.column(number)
            if column.rich:
                self.table.setItemDelegateForColumn(number, self._delegate)
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(number, column.width * char + 16)

    def _remember_place(self) -> None:
        index = self.table.currentIndex()
        item = self.model.row_at(index.row()) if index.isValid() else None
        scroll = self.table.verticalScrollBar().value()
        self._place = (index.row(), index.column(), getattr(item, "id", None), scroll)

    def _restore_place(self) -> None:
        """After a reload of the same rows (an autosave elsewhere, F5) keep the selection and the scroll."""
        place, self._place = self._place, None
        if place is None or not self.model.same_query:
            return
        row, column, item_id, scroll = place
        item = self.model.row_at(row) if item_id is not None else None
        if item is not None and getattr(item, "id", None) == item_id:
            self.table.setCurrentIndex(self.model.index(row, max(column, 0)))
        # The table as context: a page closed before the timer fires takes the call with it.
        QTimer.singleShot(0, self.table, lambda: self.table.verticalScrollBar().setValue(scroll))

    def _on_reloaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%Ln row(s)", "", count))
        for number in range(self.model.columnCount()):
            if self.model.column(number).rich:
                self.table.setColumnHidden(number, not self.model.searching)

    def _sync_sort_indicator(self) -> None:
        column = self.model.sort_column()
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def show_empty_state(self, empty: bool) -> None:
        """The first-run page instead of an empty table (no search or filter is active then)."""
        if self.empty is not None:
            self.stack.setCurrentWidget(self.empty if empty else self.table)
            for widget in (self.search, self.filters, self.count_label):
                widget.setVisible(not empty)

    def is_showing_empty_state(self) -> bool:
        return self.empty is not None and self.stack.currentWidget() is self.empty

    def selected_items(self) -> list[object]:
        return [item for row in self.table.selected_rows() if (item := self.model.row_at(row)) is not None]

    def selected_ids(self) -> list[int]:
        """The store ids of the selected rows (every list's rows carry an `id`)."""
        return [int(item.id) for item in self.selected_items()]  # type: ignore[attr-defined]

    def current_item(self) -> object | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def popup_position(self, pos: QPoint) -> QPoint:
        return self.table.viewport().mapToGlobal(pos)
