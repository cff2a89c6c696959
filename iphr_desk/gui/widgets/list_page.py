"""One list of the main window: search, filters, a lazily filled table, an optional empty state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
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

from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import StoreTableModel
from iphr_desk.gui.widgets.empty_state import EmptyState
from iphr_desk.gui.widgets.filter_bar import FilterBar
from iphr_desk.gui.widgets.rich_delegate import RichTextDelegate
from iphr_desk.gui.widgets.search_field import SearchField

#: The widest a column is made to show its values whole (longer ones, such as names, are shortened).
COLUMN_MAX_CHARS = 28


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


#: While searching: the width in characters a stretching column (Subject) keeps at least, and the least
#: the snippets' column gets (`ListPage._show_search_column`).
SUBJECT_KEEPS = 32
SNIPPET_MIN = 30


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
        # The row may be narrower than the filters for a moment: `_place_filters` then gives them a row.
        self.filters.setMinimumWidth(1)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of rows"))
        header.addWidget(self.search, 1)
        header.addWidget(self.filters, 0)
        header.addWidget(self.count_label, 0)
        layout.addLayout(header)
        self._header = header
        # The filters' own row, used when they do not fit beside the search field (`_place_filters`).
        self._filter_row = QHBoxLayout()
        layout.addLayout(self._filter_row)
        self._filters_own_row = False
        self.table = RecordTable(self)
        self.table.setModel(model)
        self.table.setAccessibleName(labels.page(name))  # read aloud: in the interface language
        self._delegate = RichTextDelegate(self.table)
        if hasattr(model, "selected_ids"):  # a search's ranked rows keep the selected ones in place
            model.selected_ids = self.selected_ids
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
        #: True when the user's own column widths were restored (window_layout.py): then left alone.
        self.widths_restored = False
        self._columns_fitted = False
        self._fit_when_shown = False
        model.reloaded.connect(self._fit_columns_once)
        model.modelReset.connect(self._sync_sort_indicator)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            self._fit_columns_once(self.model.rowCount())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_filters()

    def _place_filters(self) -> None:
        """The filters beside the search field when they fit whole, else on a row of their own below it
        (French and Russian filter names are long; a cut "Toutes les langu…" helps nobody)."""
        header = self._header
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        needed = self.search.minimumSizeHint().width() if self.search.isVisibleTo(self) else 0
        needed = max(needed, self.search.minimumWidth())
        for index in range(header.count()):
            item = header.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.search and widget.isVisibleTo(self):
                needed += widget.sizeHint().width() + header.spacing()
        if self._filters_own_row:
            needed += self.filters.sizeHint().width() + header.spacing()
        own_row = room < needed
        if own_row == self._filters_own_row:
            return
        self._filters_own_row = own_row
        if own_row:
            header.removeWidget(self.filters)
            self._filter_row.addWidget(self.filters)
            self._filter_row.addStretch(1)
        else:
            self._filter_row.removeWidget(self.filters)
            while self._filter_row.count():
                self._filter_row.takeAt(0)
            header.insertWidget(1, self.filters, 0)

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
        # A column that stretches gives up room first, down to this: at least its name, whole.
        stretched = [
            str(self.model.headerData(n, Qt.Orientation.Horizontal) or "")
            for n in range(self.model.columnCount())
            if self.model.column(n).stretch
        ]
        if stretched:
            widest = max(header.fontMetrics().horizontalAdvance(title) for title in stretched)
            header.setMinimumSectionSize(max(header.minimumSectionSize(), widest + 28))
        for number in range(self.model.columnCount()):
            column = self.model.column(number)
            if column.rich:
                self.table.setItemDelegateForColumn(number, self._delegate)
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            else:
                # Never narrower than the column's name in the interface language ("En danger"), with
                # the sort arrow beside it.
                title = str(self.model.headerData(number, Qt.Orientation.Horizontal) or "")
                named = header.fontMetrics().horizontalAdvance(title) + 28
                header.resizeSection(number, max(column.width * char + 16, named))

    def _fit_columns_once(self, count: int) -> None:
        """When rows first show, widen a column whose values are cut ("Английс…" for Английский) to show
        them whole, up to COLUMN_MAX_CHARS; never narrower, and not over the user's own widths."""
        if self._columns_fitted or count == 0 or self.widths_restored:
            return
        if not self.isVisible():  # a list not shown yet need not read its values (country names: babel)
            self._fit_when_shown = True
            return
        self._columns_fitted = True
        header = self.table.horizontalHeader()
        most = self.fontMetrics().averageCharWidth() * COLUMN_MAX_CHARS
        for number in range(self.model.columnCount()):
            column = self.model.column(number)
            if column.stretch or column.rich or header.isSectionHidden(number):
                continue
            needed = min(self.table.sizeHintForColumn(number), most)
            if needed > header.sectionSize(number):
                header.resizeSection(number, needed)

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
        # While a search counts its matches on the worker (models/letters.py), no stale number is shown.
        pending = getattr(self.model, "count_pending", False)
        self.count_label.setText("…" if pending else self.tr("%Ln row(s)", "", count))
        for number in range(self.model.columnCount()):
            if self.model.column(number).rich:
                self._show_search_column(number, self.model.searching)

    def _show_search_column(self, number: int, show: bool) -> None:
        """The search snippets' column appears beside the others without collapsing them.

        A stretching column (Subject) would hand the new column its room and shrink to a few letters.
        Instead the other columns keep their widths, the stretching one gives up only what it has beyond
        `SUBJECT_KEEPS` characters, and the snippets take the room left (at least `SNIPPET_MIN`
        characters; a horizontal scroll bar when the window is narrower than that).
        """
        if self.table.isColumnHidden(number) != show:
            return
        header = self.table.horizontalHeader()
        stretching = [n for n in range(self.model.columnCount()) if self.model.column(n).stretch]
        if not show:
            self.table.setColumnHidden(number, True)
            for n in stretching:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
            return
        char = self.fontMetrics().averageCharWidth()
        widths = {n: header.sectionSize(n) for n in stretching}
        for n in stretching:
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnHidden(number, False)
        fixed = sum(
            header.sectionSize(n)
            for n in range(self.model.columnCount())
            if n != number and n not in widths and not self.table.isColumnHidden(n)
        )
        room = self.table.viewport().width() - fixed
        spare = room - sum(widths.values()) - SNIPPET_MIN * char
        for n, width in widths.items():
            keeps = min(width, SUBJECT_KEEPS * char)
            give = max(0, min(width - keeps, -spare)) if spare < 0 else 0
            header.resizeSection(n, width - give)
            spare += give
        used = fixed + sum(header.sectionSize(n) for n in widths)
        header.resizeSection(number, max(SNIPPET_MIN * char, self.table.viewport().width() - used))

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
