"""A QAbstractTableModel that knows the total row count but fetches rows one page at a time.

The view gets the true row count (so the scroll bar is honest) and asks `data()` only for visible rows; a
missing page is fetched from the backend with one LIMIT/OFFSET query, and a small LRU keeps memory flat
however far the user scrolls through 100,000 letters. Sorting is passed to the backend (an ORDER BY in
the store), never done by a proxy over all rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHeaderView

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
MAX_PAGES = 24


class RowBackend(Protocol[Row]):  # type: ignore[misc]
    """Where a model's rows come from (a store query, or a fake in tests)."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Row]: ...


@dataclass(frozen=True)
class Column:
    """One column: `key` is the sort key the backend understands (None: not sortable)."""

    title: str
    text: Callable[[Any], str]
    sort_key: str | None = None
    tooltip: Callable[[Any], str | None] | None = None
    decoration: Callable[[Any], Any] | None = None
    rich: bool = False
    width: int = 14  # initial width in average characters
    stretch: bool = False  # takes the room the other columns leave


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of a backend, fetched in pages of `PAGE_SIZE` on demand."""

    #: Emitted after the rows were re-counted (new backend, sort, filter or search).
    reloaded = Signal(int)

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._backend: RowBackend[Row] | None = None
        self._count = 0
        self._pages: OrderedDict[int, Sequence[Row]] = OrderedDict()
        self._sort: str | None = None
        self._descending = False
        self.fetched_rows = 0  # how many rows the backend returned so far (tests and benchmarks)

    # Backend ---------------------------------------------------------------------------------------------

    def set_backend(self, backend: RowBackend[Row] | None) -> None:
        self._backend = backend
        self.reload()

    def backend(self) -> RowBackend[Row] | None:
        return self._backend

    def reload(self) -> None:
        """Forget every fetched page and count again: the query or the data changed."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._backend.count() if self._backend is not None else 0
        self.endResetModel()
        self.reloaded.emit(self._count)

    def set_default_sort(self, sort: str | None, descending: bool) -> None:
        self._sort = sort
        self._descending = descending

    @property
    def sort_key(self) -> str | None:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def row_at(self, row: int) -> Row | None:
        """The row object, fetching its page if needed (None outside the table)."""
        if self._backend is None or not 0 <= row < self._count:
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            page = self._backend.fetch(page_number * PAGE_SIZE, PAGE_SIZE, self._sort, self._descending)
            self.fetched_rows += len(page)
            self._pages[page_number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    # Qt model --------------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def column(self, number: int) -> Column:
        return self._columns[number]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else None
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(item)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_column(self) -> int:
        """The column showing the current sort key, or -1."""
        for number, column in enumerate(self._columns):
            if column.sort_key is not None and column.sort_key == self._sort:
                return number
        return -1


class StoreTableModel(PagedTableModel[Any]):
    """A paged model over the store whose backend follows the search text and the filters."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._store: Any = None
        self._filters: dict[str, Any] = {}
        self._query = ""
        self._query_changed = True
        #: False after a new search, filter or sort (the view goes back to the top); True after a plain
        #: reload of the same rows (the view keeps its place and selection).
        self.same_query = False

    @property
    def searching(self) -> bool:
        return bool(self._query)

    @property
    def store(self) -> Any:
        return self._store

    def attach(self, store: Any) -> None:
        self._store = store
        self._rebuild()

    def set_filters(self, values: dict[str, Any]) -> None:
        self._filters = {key: value for key, value in values.items() if value}
        self._rebuild()

    def set_search(self, text: str) -> None:
        self._query = text.strip()
        self._rebuild()

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        raise NotImplementedError

    def _rebuild(self) -> None:
        self._query_changed = True
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._query_changed = True
        super().sort(column, order)

    def reload(self) -> None:
        """A fresh backend each time: the data, the search text or the filters may have changed."""
        self.same_query = not self._query_changed
        self._query_changed = False
        if self._store is not None:
            self._backend = self.make_backend(self._store, self._query, self._filters)
        super().reload()

    def apply_header_sort(self, header: QHeaderView) -> None:
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self.sort_column(), order)
