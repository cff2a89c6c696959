"""Search as you type in the letter list, on a 20,000-letter store: the debounce, the newest rows first
then the ranked ones in their place, stale results dropped, the selection kept, more rows on scrolling,
and the columns' widths kept when the snippets column appears."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtTest import QTest

from iphr_desk.core.store import search
from iphr_desk.core.store.database import Store
from iphr_desk.gui.models.letters import LetterTableModel
from iphr_desk.gui.widgets.list_page import ListPage
from iphr_desk.gui.widgets.search_field import DEBOUNCE_MS

LETTERS = 20_000


@pytest.fixture(scope="session")
def big_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 20,000-letter store from the corpus generator (tools/corpus.py), made once per session."""
    from tools.corpus import generate_corpus

    folder = tmp_path_factory.mktemp("corpus20k")
    with Store.open(folder) as store:
        generate_corpus(store, cases=500, letters=LETTERS, seed=3)
    return folder


@pytest.fixture
def big_store(big_store_dir: Path) -> Iterator[Store]:
    store = Store.open(big_store_dir, daily_backup=False)
    yield store
    store.close()


@pytest.fixture
def page(qtbot: Any, big_store: Store) -> Iterator[ListPage]:
    model = LetterTableModel()
    widget = ListPage("letters", model, empty_state=False)
    widget.search.searchChanged.connect(model.set_search)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    model.attach(big_store)
    yield widget
    model.wait_for_background()


class Recorder:
    """Every set of rows the list shows while searching: (the query searched, phase, row ids, signal).

    The query is the one the field last asked for: keys typed since wait for the debounce."""

    def __init__(self, page: ListPage) -> None:
        self.page = page
        self.model: LetterTableModel = page.model  # type: ignore[assignment]
        self.events: list[tuple[str, str, list[int], str]] = []
        self.model.modelReset.connect(lambda: self._record("reset"))
        self.model.layoutChanged.connect(lambda: self._record("layout"))

    def _record(self, kind: str) -> None:
        if self.model.searching:
            rows = [self.model.row_at(n).id for n in range(self.model.rowCount())]
            self.events.append((self.page.search.query(), self.model.search_phase, rows, kind))


def _type(qtbot: Any, page: ListPage, text: str, pause_ms: int) -> None:
    for char in text:
        QTest.keyClicks(page.search, char)
        qtbot.wait(pause_ms)


def test_the_debounce_is_short_and_one_search_follows_a_burst_of_keys(qtbot: Any, page: ListPage) -> None:
    assert DEBOUNCE_MS <= 150
    asked: list[str] = []
    page.search.searchChanged.connect(asked.append)
    QTest.keyClicks(page.search, "detent")  # faster than the debounce: one search at the end
    assert asked == []
    qtbot.waitUntil(lambda: asked == ["detent"], timeout=2000)


def test_typing_shows_newest_rows_then_the_ranked_ones_and_never_a_stale_result(
    qtbot: Any, page: ListPage, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ranked search is slowed down so that the user types on while it runs: its result, when it
    comes, belongs to an older query and must not replace the rows of the newer one."""
    real = search.letter_ids
    ranked_asked: list[str] = []

    def slow_ranked(store: Any, query: str, **kwargs: Any) -> list[int]:
        if kwargs.get("order") == "rank":
            ranked_asked.append(query)
            time.sleep(0.25)
        return real(store, query, **kwargs)

    monkeypatch.setattr(search, "letter_ids", slow_ranked)
    recorder = Recorder(page)
    model = recorder.model
    final = "detention of"
    _type(qtbot, page, final, DEBOUNCE_MS + 60)  # each prefix starts a search; the next key supersedes it
    qtbot.waitUntil(lambda: model.search_phase == "ranked" and model.match_count is not None, timeout=20_000)
    qtbot.wait(600)  # any late result of an older query would arrive now
    typed = [final[: n + 1].strip() for n in range(len(final))]
    shown = [query for query, _phase, _rows, _kind in recorder.events]
    # In the order typed, each row set for the query on screen at that moment.
    assert shown == sorted(shown, key=typed.index)
    assert len(ranked_asked) > 2 and len(set(shown)) > 2
    layouts = [event for event in recorder.events if event[3] == "layout"]
    assert len(layouts) < len(ranked_asked)  # superseded ranked searches were never shown
    for query, phase, rows, kind in recorder.events:
        expected = real(big_store, query, order="newest" if phase == "newest" else "rank")
        if kind == "reset":
            assert phase == "newest" and rows == expected, query
        else:
            assert phase == "ranked" and rows == expected, query
    # For each query, the newest rows come first and the ranked ones after them.
    for query in set(shown):
        phases = [phase for q, phase, _r, _k in recorder.events if q == query]
        assert phases[0] == "newest" and phases == sorted(phases, key=["newest", "ranked"].index)
    last_query, last_phase, last_rows, _ = recorder.events[-1]
    assert (last_query, last_phase) == (final, "ranked")
    assert last_rows == real(big_store, final, order="rank")
    assert page.count_label.text() != "…"


def test_the_ranked_rows_keep_the_selected_letter_where_it_is(qtbot: Any, page: ListPage) -> None:
    model: LetterTableModel = page.model  # type: ignore[assignment]
    phases: list[str] = []
    model.layoutChanged.connect(lambda: phases.append(model.search_phase))
    page.search.setText("rights")
    qtbot.waitUntil(lambda: model.searching and model.rowCount() > 10, timeout=5000)
    assert model.search_phase == "newest" or phases  # the newest rows came first
    model.set_search("torture")  # a new search; select before its ranked rows arrive
    chosen = model.row_at(7).id
    selection = page.table.selectionModel()
    selection.setCurrentIndex(
        model.index(7, 1),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.waitUntil(lambda: model.search_phase == "ranked", timeout=10_000)
    assert page.selected_ids() == [chosen]
    assert model.row_at(7).id == chosen and page.table.currentIndex().row() == 7
    ranked = search.letter_ids(model.store, "torture")
    others = [model.row_at(n).id for n in range(model.rowCount()) if n != 7]
    assert others == [ident for ident in ranked if ident != chosen][: len(others)]


def test_scrolling_to_the_end_fetches_the_next_ranked_page(qtbot: Any, page: ListPage) -> None:
    model: LetterTableModel = page.model  # type: ignore[assignment]
    page.search.setText("detention")
    qtbot.waitUntil(lambda: model.search_phase == "ranked", timeout=10_000)
    assert model.rowCount() == search.PAGE and model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > search.PAGE, timeout=10_000)
    ids = [model.row_at(n).id for n in range(model.rowCount())]
    assert ids == search.letter_ids(model.store, "detention", limit=len(ids))
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("width", [1024, 1600])
def test_the_columns_keep_their_widths_when_the_snippets_column_appears(
    qtbot: Any, page: ListPage, width: int
) -> None:
    """The Subject column collapsed to a few letters when the snippets appeared (issue 16)."""
    from iphr_desk.gui.widgets.list_page import SNIPPET_MIN, SUBJECT_KEEPS

    page.resize(width, 700)
    model: LetterTableModel = page.model  # type: ignore[assignment]
    header = page.table.horizontalHeader()
    subject = next(n for n in range(model.columnCount()) if model.column(n).stretch)
    match = next(n for n in range(model.columnCount()) if model.column(n).rich)
    qtbot.waitUntil(lambda: header.sectionSize(subject) > 100, timeout=5000)
    qtbot.wait(50)
    others = [n for n in range(model.columnCount()) if n not in (match, subject)]
    widths = [header.sectionSize(n) for n in others]
    subject_before = header.sectionSize(subject)
    assert page.table.isColumnHidden(match)
    page.search.setText("torture")
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(match), timeout=5000)
    qtbot.wait(50)
    char = page.fontMetrics().averageCharWidth()
    assert [header.sectionSize(n) for n in others] == widths
    assert header.sectionSize(subject) >= min(subject_before, SUBJECT_KEEPS * char)
    assert header.sectionSize(match) >= SNIPPET_MIN * char
    viewport = page.table.viewport().width()
    if width == 1600:  # room for all: the snippets are on screen, nothing scrolls
        assert header.sectionViewportPosition(match) + header.sectionSize(match) <= viewport + 1
        assert header.sectionSize(match) == SNIPPET_MIN * char  # the subject gave only what was needed
    page.search.clear()
    qtbot.waitUntil(lambda: page.table.isColumnHidden(match), timeout=5000)
    assert header.sectionResizeMode(subject) == header.ResizeMode.Stretch


def test_a_cyrillic_query_typed_in_the_list_finds_the_latin_spelling(qtbot: Any, page: ListPage) -> None:
    model: LetterTableModel = page.model  # type: ignore[assignment]
    store = model.store
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.translit import key

    with store.read_session() as session:
        from sqlalchemy import text

        name = session.execute(text("SELECT name FROM letter_recipients ORDER BY id LIMIT 1")).scalar_one()
    surname = name.split()[-1]
    assert surname.isascii()  # the generated names are in Latin letters
    cyrillic = _to_cyrillic(surname)
    assert key(cyrillic) == key(surname)
    page.search.setText(cyrillic)
    qtbot.waitUntil(lambda: model.search_phase == "ranked", timeout=10_000)
    assert model.rowCount() > 0
    letter = letter_repo.get_letter(store, model.row_at(0).id)
    assert any(key(word) == key(surname) for r in letter.recipients for word in r.name.split())


def _to_cyrillic(word: str) -> str:
    """A Cyrillic spelling of a Latin name, as a Russian text would write it (for the test's query)."""
    import cyrtranslit  # type: ignore[import-untyped]

    return str(cyrtranslit.to_cyrillic(word, "ru"))


def test_background_searches_keep_one_connection_and_never_close_the_ui_threads(
    qtbot: Any, store: Any, seeded: dict[str, int]
) -> None:
    """The store's pool keeps a connection per thread and closes others past five: background reads on
    Qt pool threads opened one per task, and the pool then closed the UI thread's while it was in use."""
    from sqlalchemy import event

    opened: list[int] = []
    event.listen(store.engine, "connect", lambda dbapi, _record: opened.append(id(dbapi)))
    model = LetterTableModel()
    model.attach(store)
    for number in range(12):
        model.set_search(["protesters", "zebra", "letter"][number % 3])
        qtbot.waitUntil(
            lambda: model.search_phase == "ranked" and model.match_count is not None, timeout=5000
        )
        assert search.newest_rows(store, "zebra")  # the UI thread's connection is still open
    model.wait_for_background()
    assert len(opened) <= 2  # the UI thread's and the list's worker's
