"""The paged table model: 100,000 rows stay cheap because only visible pages are fetched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from iphr_desk.gui.models.paged import MAX_PAGES, PAGE_SIZE, Column, PagedTableModel


@dataclass(frozen=True)
class FakeRow:
    id: int
    subject: str


class CountingBackend:
    """Stands in for the store in this test only: 100,000 rows, counting every row it hands out."""

    def __init__(self, total: int = 100_000) -> None:
        self.total = total
        self.fetched = 0
        self.calls: list[tuple[int, int, str | None, bool]] = []

    def count(self) -> int:
        return self.total

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[FakeRow]:
        self.calls.append((offset, limit, sort, descending))
        stop = min(offset + limit, self.total)
        numbers = range(offset, stop)
        if descending:
            numbers = range(self.total - 1 - offset, self.total - 1 - stop, -1)
        rows = [FakeRow(n, f"Letter {n:06d}") for n in numbers]
        self.fetched += len(rows)
        return rows


def _model() -> PagedTableModel[Any]:
    return PagedTableModel(
        [
            Column("Id", lambda r: str(r.id), "id"),
            Column("Subject", lambda r: r.subject, "subject"),
            Column("Fixed", lambda r: "x", None),
        ]
    )


def test_a_hundred_thousand_rows_fetch_only_what_is_shown(qtbot: Any) -> None:
    backend = CountingBackend()
    model = _model()
    model.set_backend(backend)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: backend.fetched > 0, timeout=3000)
    assert model.rowCount() == 100_000
    assert backend.fetched <= PAGE_SIZE  # one page for the first screen
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_pages()[-1] == (100_000 - 1) // PAGE_SIZE, timeout=3000)
    assert backend.fetched <= 3 * PAGE_SIZE  # the last page (and maybe its neighbour), not the middle
    assert view.model().data(model.index(99_999, 1)) == "Letter 099999"


def test_the_page_cache_stays_bounded_however_far_one_scrolls() -> None:
    backend = CountingBackend()
    model = _model()
    model.set_backend(backend)
    for row in range(0, 100_000, PAGE_SIZE * 7):
        model.data(model.index(row, 0))
    assert len(model.cached_pages()) <= MAX_PAGES


def test_sorting_asks_the_backend_and_unsortable_columns_do_nothing() -> None:
    backend = CountingBackend(total=1000)
    model = _model()
    model.set_backend(backend)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "999"
    assert backend.calls[-1][2:] == ("subject", True)
    calls = len(backend.calls)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # "Fixed" has no sort key
    assert len(backend.calls) == calls
    assert model.sort_column() == 1


def test_reload_forgets_pages_and_recounts() -> None:
    backend = CountingBackend(total=10)
    model = _model()
    model.set_backend(backend)
    counts: list[int] = []
    model.reloaded.connect(counts.append)
    assert model.data(model.index(3, 1)) == "Letter 000003"
    backend.total = 4
    model.reload()
    assert counts == [4]
    assert model.rowCount() == 4
    assert model.data(model.index(3, 1)) == "Letter 000003"
    assert model.row_at(4) is None


def test_store_letter_model_pages_through_the_real_store(
    qtbot: Any, store: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.models.letters import LetterTableModel

    model = LetterTableModel()
    model.attach(store)
    assert model.rowCount() == 4
    model.set_filters({"status": "draft", "language": "fr"})
    assert model.rowCount() == 1
    assert model.row_at(0).id == seeded["letter_fr"]
    model.set_filters({})
    model.set_search("protesters")
    assert model.rowCount() == 4
    assert model.searching
    model.wait_for_background()  # the snippet query must end before the store closes


def test_snippets_show_words_not_markdown() -> None:
    from iphr_desk.gui.models.letters import plain_snippet

    marked = "your **urgent intervention** on [the report](https://example.org/r)[^2] and <b>rights</b> 2*3"
    assert plain_snippet(marked) == "your urgent intervention on the report and <b>rights</b> 2*3"


def test_search_snippets_arrive_after_the_rows(qtbot: Any, store: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.models.letters import LetterTableModel

    model = LetterTableModel()
    model.attach(store)
    model.set_search("zebra")
    assert model.rowCount() == 1  # the rows do not wait for the ranked snippets
    qtbot.waitUntil(lambda: "<b>Zebra</b>" in model.snippet_of(seeded["letter_en"]), timeout=5000)
    model.set_search("")
    assert model.snippet_of(seeded["letter_en"]) == ""
    model.wait_for_background()


def test_a_screen_of_letters_costs_two_statements(qtbot: Any, store: Any, seeded: dict[str, int]) -> None:
    """One COUNT and one page SELECT, however many rows are shown: no statement per row."""
    from sqlalchemy import event

    from iphr_desk.gui.models.letters import LetterTableModel

    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA", "ROLLBACK", "COMMIT")):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        model = LetterTableModel()
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.show()
        model.attach(store)
        qtbot.waitUntil(lambda: model.cached_pages() == [0], timeout=3000)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.data(model.index(row, column))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(statements) == 2, statements
