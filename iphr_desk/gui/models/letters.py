"""The letters list: a page of summaries at a time, sorted and filtered by the store, or search hits."""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel
from iphr_desk.gui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from iphr_desk.core.store.quick_list import QuickLetterReader


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


def letter_filter(filters: dict[str, Any], text: str | None = None, *, trashed: bool = False) -> Any:
    """The store's LetterFilter for the filter bar's values; keys the store does not know are left out."""
    from dataclasses import fields

    from iphr_desk.core.store.repository.values import LetterFilter

    known = {f.name for f in fields(LetterFilter)}
    values = {key: value for key, value in filters.items() if value and key in known}
    return LetterFilter(**values, text=text or None, trashed=trashed)


class LetterListBackend:
    """Letter summaries from the store, filtered (and full-text matched) and sorted by SQL."""

    def __init__(
        self,
        store: Any,
        filters: dict[str, Any],
        text: str = "",
        *,
        trashed: bool = False,
        on_page: Callable[[list[int]], None] | None = None,
    ) -> None:
        from iphr_desk.core.store.repository import letter_lists

        self._lists = letter_lists
        self._store = store
        self._filter = letter_filter(filters, text, trashed=trashed)
        self._on_page = on_page  # told the ids of each page read (the model fetches their snippets)

    def count(self) -> int:
        return int(self._lists.count_letters(self._store, self._filter))

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        rows = self._lists.letter_summaries(
            self._store,
            filters=self._filter,
            sort=sort or "updated",
            descending=descending,
            offset=offset,
            limit=limit,
        )
        if self._on_page is not None and rows:
            self._on_page([row.id for row in rows])
        return rows


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def plain_snippet(snippet_html: str) -> str:
    """A body snippet without its Markdown marks: `[text](url)` shows as text, `**x**` as x.

    The snippet is a cut through the stored Markdown; a reader of the list wants the words, and the
    highlight tags added by the search module are left alone.
    """
    text = _LINK.sub(r"\1", snippet_html)
    text = _FOOTNOTE_REF.sub("", text)
    return _EMPHASIS.sub("", text)


class SerialWorker:
    """One Python thread running the letter list's background reads in the order asked.

    Not a QThreadPool: the store's SQLAlchemy pool (SingletonThreadPool) keeps one connection per Python
    thread state, and PySide gives every task run on a Qt pool thread a fresh one, so each task opened a
    connection and the pool, to stay at five, closed others, the UI thread's in use among them
    ("Cannot operate on a closed database"). A thread of our own keeps one connection for its life.
    """

    def __init__(self) -> None:
        self._tasks: queue.Queue[Callable[[], None]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, task: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="letter-list-search", daemon=True)
                self._thread.start()
        self._tasks.put(task)

    def _run(self) -> None:
        while True:
            task = self._tasks.get()
            try:
                task()
            finally:
                self._tasks.task_done()

    def wait(self) -> None:
        """Until every task asked so far has run."""
        self._tasks.join()


class SnippetLoader(QObject):
    """Reads the highlighted snippets of the rows just fetched on a worker thread.

    Only the page's rows are read (`search.letter_snippets`, about 10 ms for 100 rows at 100,000
    letters; a one-letter prefix can take 0.2 s), so every row on screen gets its snippet, whatever its
    rank, and the rows never wait for them.
    """

    loaded = Signal(int, object)  # generation, {letter id: snippet HTML} (object: int keys)

    def __init__(self, worker: SerialWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = worker

    def start(self, store: Any, text: str, ids: Sequence[int], generation: int) -> None:
        wanted = list(ids)

        def work() -> None:
            from iphr_desk.core.store import search

            try:
                snippets = search.letter_snippets(store, text, wanted)
            except Exception:  # a closed store or a malformed query: the list simply shows no snippets
                return
            self.loaded.emit(generation, {ident: plain_snippet(html) for ident, html in snippets.items()})

        self._pool.start(work)

    def wait(self) -> None:
        self._pool.wait()


class SearchRunner(QObject):
    """Runs the ranked phase of a search, its further pages and its count on one worker thread.

    Every result carries the generation it was asked for; the model drops any that is not the current
    one, so a stale result never replaces a newer one. `cancel()` also interrupts the statement running
    (search.Cancel), so the worker is free for the next query at once.
    """

    snippets = Signal(int, object)  # generation, {letter id: snippet HTML}
    ranked = Signal(int, object)  # generation, (rows, has more)
    page = Signal(int, object)  # generation, (offset, rows, has more)
    counted = Signal(int, int)  # generation, number of matches

    def __init__(self, worker: SerialWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = worker
        self._cancels: list[Any] = []

    def cancel(self) -> None:
        """Stop every task asked so far: the running one is interrupted, the queued ones end at once."""
        for cancel in self._cancels:
            cancel.cancel()
        self._cancels = []

    def _start(self, work: Callable[[Any], None]) -> None:
        from iphr_desk.core.store import search

        cancel = search.Cancel()
        self._cancels = [c for c in self._cancels if not c.cancelled] + [cancel]

        def run() -> None:
            try:
                work(cancel)
            except search.SearchCancelled:
                return
            except Exception:  # a closed store or a busy file: the list keeps what it shows
                return

        self._pool.start(run)

    def search(self, generation: int, store: Any, text: str, filters: Any, shown: list[int]) -> None:
        """Snippets of the rows shown, then the best page by bm25 with its snippets, then the count."""

        def work(cancel: Any) -> None:
            from iphr_desk.core.store import search
            from iphr_desk.core.store.repository import letter_search

            self.snippets.emit(generation, _plain(search.letter_snippets(store, text, shown)))
            cancel.check()
            ids = letter_search.letter_ids(store, text, order="rank", filters=filters, cancel=cancel)
            rows = search.letter_rows(store, ids)
            cancel.check()
            self.ranked.emit(generation, (rows, len(ids) == search.PAGE))
            wanted = [ident for ident in ids if ident not in shown]
            self.snippets.emit(generation, _plain(search.letter_snippets(store, text, wanted)))
            cancel.check()
            self.counted.emit(
                generation, letter_search.count_matches(store, text, filters=filters, cancel=cancel)
            )

        self._start(work)

    def more(self, generation: int, store: Any, text: str, filters: Any, order: Any, offset: int) -> None:
        """The next page of the same search, as the list scrolls."""

        def work(cancel: Any) -> None:
            from iphr_desk.core.store import search
            from iphr_desk.core.store.repository import letter_search

            ids = letter_search.letter_ids(
                store,
                text,
                order=order,
                offset=offset,
                filters=filters,
                cancel=cancel,
            )
            rows = search.letter_rows(store, ids)
            cancel.check()
            self.page.emit(generation, (offset, rows, len(ids) == search.PAGE))
            self.snippets.emit(generation, _plain(search.letter_snippets(store, text, ids)))

        self._start(work)

    def wait(self) -> None:
        self._pool.wait()


def _plain(snippets: dict[int, str]) -> dict[int, str]:
    return {ident: plain_snippet(html) for ident, html in snippets.items()}


class QuickLetterBackend:
    """The unfiltered live list from a `QuickLetterReader`, while the store is still opening."""

    def __init__(self, reader: QuickLetterReader) -> None:
        self._reader = reader

    def count(self) -> int:
        return int(self._reader.count())

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        return self._reader.page(offset, limit, sort, descending)


class LetterTableModel(StoreTableModel):
    """The letters of the store; the class name tells the start-up benchmark this is the letter list."""

    def __init__(self, parent: QObject | None = None, *, trashed: bool = False) -> None:
        self.trashed = trashed  # the trash: letters moved there, until restored or the trash is emptied
        columns = [
            Column(self.tr("Date"), lambda r: str(_get(r, "date")), "date", width=11),
            Column(
                self.tr("Subject"),
                lambda r: str(_get(r, "subject")),
                "subject",
                tooltip=lambda r: str(_get(r, "subject")),
                stretch=True,
            ),
            Column(self.tr("Recipient"), lambda r: str(_get(r, "recipient")), "recipient", width=24),
            Column(
                self.tr("Language"), lambda r: labels.language(str(_get(r, "language"))), "language", width=10
            ),
            Column(
                self.tr("Status"),
                lambda r: labels.letter_status(str(_get(r, "status"))),
                "status",
                tooltip=lambda r: self._status_tip(str(_get(r, "status"))),
                decoration=lambda r: status_icon(str(_get(r, "status"))),
                width=22,
            ),
            Column(
                self.tr("Updated"), lambda r: _short_time(_get(r, "updated_at", None)), "updated", width=17
            ),
            Column(self.tr("Match"), lambda r: self._snippets.get(r.id, ""), None, rich=True, width=48),
        ]
        super().__init__(columns, parent)
        self.setObjectName("letterModel")
        self.set_default_sort("updated", True)
        self._snippets: dict[int, str] = {}
        self._snippet_query = ""
        self._snippets_asked: set[int] = set()
        self._generation = 0
        self._worker = SerialWorker()  # the snippets and the search share one thread, in order
        self._loader = SnippetLoader(self._worker, self)
        self._loader.loaded.connect(self._snippets_loaded)
        self._quick: QuickLetterReader | None = None  # until `attach` gives the store
        # Search in two phases (core/store/search.py): the newest matches at once, then the best by bm25
        # from the worker; `_hits` holds the rows shown (None: the paged list of the store).
        self._runner = SearchRunner(self._worker, self)
        self._runner.snippets.connect(self._snippets_loaded)
        self._runner.ranked.connect(self._ranked_loaded)
        self._runner.page.connect(self._page_loaded)
        self._runner.counted.connect(self._count_loaded)
        self._hits: list[Any] | None = None
        self._hits_ranked = 0  # rows of `_hits` that came from the ranked query (the next page's offset)
        self._hits_more = False
        self._fetching = False
        self._relevance = True  # a search lists its best matches until a column header is clicked
        #: "newest" while the first rows show, "ranked" once the best matches replaced them (tests).
        self.search_phase = ""
        #: How many letters match, once the worker has counted them (None meanwhile).
        self.match_count: int | None = None
        #: The ids of the rows the user has selected (the list page sets it): they keep their place
        #: when the ranked rows replace the first ones.
        self.selected_ids: Callable[[], list[int]] = list

    def show_quick(self, reader: QuickLetterReader | None) -> None:
        """Show the unfiltered list from `reader` (core/store/quick_list.py) until `attach` gives the store.

        A search or a filter set meanwhile shows no rows until then (the store applies it); `None` takes
        the quick rows away.
        """
        if self._store is not None:
            return
        self._quick = reader
        if reader is None:  # the store failed to open: no rows from a reader about to be closed
            self._backend = None
        self._rebuild()

    @property
    def showing_quick(self) -> bool:
        return self._quick is not None

    def attach(self, store: Any) -> None:
        """From the quick rows to the store's: a plain reload, so the view keeps its place and selection."""
        if self._quick is None:
            super().attach(store)
            return
        self._quick = None
        self._store = store
        self.reload()

    def _status_tip(self, status: str) -> str:
        steps = " → ".join(labels.letter_status(s) for s in labels.LETTER_STATUSES)
        return self.tr("Review: %1 (of %2)").replace("%1", labels.letter_status(status)).replace("%2", steps)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        if query != self._snippet_query:
            self._snippet_query = query
            self._generation += 1
            self._snippets = {}
        self._snippets_asked = set()  # the rows may have changed: read again, show the old ones meanwhile
        on_page = self._snippets_for(store, query, self._generation) if query else None
        return LetterListBackend(store, filters, query, trashed=self.trashed, on_page=on_page)

    def _snippets_for(self, store: Any, query: str, generation: int) -> Callable[[list[int]], None]:
        def page_read(ids: list[int]) -> None:
            missing = [ident for ident in ids if ident not in self._snippets_asked]
            if missing and generation == self._generation:
                self._snippets_asked.update(missing)
                self._loader.start(store, query, missing, generation)

        return page_read

    @property
    def two_phase(self) -> bool:
        """True while the rows come from the two-phase search (a query, best matches first)."""
        return self._store is not None and bool(self._query) and self._relevance

    @property
    def count_pending(self) -> bool:
        return self.two_phase and self.match_count is None

    def set_search(self, text: str) -> None:
        if not text.strip():
            self._relevance = True  # the next search starts with its best matches again
        super().set_search(text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header clicked while searching lists every match in that column's order (the plain list)."""
        if self.searching and 0 <= column < self.columnCount() and self.column(column).sort_key is not None:
            self._relevance = False
        super().sort(column, order)

    def sort_column(self) -> int:
        return -1 if self.two_phase else super().sort_column()

    def reload(self) -> None:
        """While searching, the first page is read at once so its snippets are on their way."""
        if self.two_phase:
            self._reload_search()
            return
        self._runner.cancel()
        self._hits = None
        self.search_phase = ""
        if self._store is None and self._quick is not None:
            plain = not self._query and not self._filters
            self._backend = QuickLetterBackend(self._quick) if plain else None
        super().reload()
        if self.searching and self.rowCount():
            self.row_at(0)

    def _search_filter(self) -> Any:
        return letter_filter(self._filters, None, trashed=self.trashed)

    def _reload_search(self) -> None:
        """Phase one on this thread: the newest matches (from the index's end, a millisecond at 100,000
        letters); the worker then brings their snippets, the best matches and the count."""
        from iphr_desk.core.store import search
        from iphr_desk.core.store.repository import letter_search

        self.same_query = not self._query_changed
        self._query_changed = False
        self._runner.cancel()
        self._generation += 1
        if self._query != self._snippet_query:
            self._snippet_query = self._query
            self._snippets = {}
        filters = self._search_filter()
        if self.same_query and self._hits is not None:  # a refresh: the same rows, read again, then ranked
            rows = search.letter_rows(self._store, [row.id for row in self._hits], trashed=self.trashed)
        else:
            rows = letter_search.newest_rows(self._store, self._query, filters=filters)
        self.beginResetModel()
        self._pages.clear()
        self._backend = None
        self._hits = list(rows)
        self._hits_ranked = 0
        self._hits_more = False
        self._fetching = False
        self.search_phase = "newest"
        self.match_count = None
        self._count = len(rows)
        self.endResetModel()
        self.reloaded.emit(self._count)
        shown = [row.id for row in rows]
        self._runner.search(self._generation, self._store, self._query, filters, shown)

    def _ranked_loaded(self, generation: int, result: tuple[list[Any], bool]) -> None:
        if generation != self._generation or self._hits is None:
            return  # the user has typed on since
        rows, more = result
        self.search_phase = "ranked"
        self._hits_ranked = len(rows)
        self._hits_more = more
        self._replace_hits(rows)

    def _replace_hits(self, rows: list[Any]) -> None:
        """The ranked rows in place of the first ones; the selected letters keep their rows.

        A layout change, not a reset: the view's selection and current index follow their letters
        (`changePersistentIndex`), and a selected letter that is not among the best matches stays
        where it was, so the ranked order never pulls the row the user is on from under the pointer.
        """
        old = self._hits or []
        pinned = {
            ident: row for row, item in enumerate(old) if (ident := item.id) in set(self.selected_ids())
        }
        new = [row for row in rows if row.id not in pinned]
        for position in sorted(pinned.values()):
            new.insert(min(position, len(new)), old[position])
        where = {item.id: row for row, item in enumerate(new)}
        self.layoutAboutToBeChanged.emit()
        for index in self.persistentIndexList():
            item = old[index.row()] if 0 <= index.row() < len(old) else None
            row = where.get(item.id) if item is not None else None
            self.changePersistentIndex(
                index, self.index(row, index.column()) if row is not None else QModelIndex()
            )
        self._hits = new
        self._count = len(new)
        self.layoutChanged.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._hits is None:
            return False
        return self._hits_more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The next page of the best matches, read on the worker as the list is scrolled to its end."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self._runner.more(
            self._generation, self._store, self._query, self._search_filter(), "rank", self._hits_ranked
        )

    def _page_loaded(self, generation: int, result: tuple[int, list[Any], bool]) -> None:
        offset, rows, more = result
        if generation != self._generation or self._hits is None or offset != self._hits_ranked:
            return
        shown = {row.id for row in self._hits}
        fresh = [row for row in rows if row.id not in shown]
        self._hits_ranked += len(rows)
        self._hits_more = more
        self._fetching = False
        if fresh:
            start = len(self._hits)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._hits.extend(fresh)
            self._count = len(self._hits)
            self.endInsertRows()

    def _count_loaded(self, generation: int, count: int) -> None:
        if generation != self._generation or self._hits is None:
            return
        self.match_count = count
        self.reloaded.emit(count)

    def row_at(self, row: int) -> Any:
        if self._hits is not None:
            return self._hits[row] if 0 <= row < len(self._hits) else None
        return super().row_at(row)

    def _snippets_loaded(self, generation: int, snippets: dict[int, str]) -> None:
        if generation != self._generation:
            return  # the user has typed on since
        self._snippets.update(snippets)
        column = next(n for n in range(self.columnCount()) if self.column(n).rich)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def snippet_of(self, letter_id: int) -> str:
        return self._snippets.get(letter_id, "")

    def wait_for_background(self) -> None:
        """Stop a running search and let the snippet queries finish (before the store closes)."""
        self._runner.cancel()
        self._runner.wait()
        self._loader.wait()

    def subject_of(self, letter_id: int) -> str:
        for page in [*self._pages.values(), self._hits or []]:
            for row in page:
                if getattr(row, "id", None) == letter_id:
                    return str(_get(row, "subject"))
        return ""

    def install_filters(self, bar: FilterBar) -> None:
        """Every filter the issue asks for; `refresh_filter_choices` hides those the store cannot apply."""
        statuses = [(s, labels.letter_status(s)) for s in labels.LETTER_STATUSES]
        bar.add_filter("status", self.tr("Status"), statuses, self.tr("All statuses"))
        languages = [(c, labels.language(c)) for c in ("fr", "en", "ru", "de")]
        bar.add_filter("language", self.tr("Language"), languages, self.tr("All languages"))
        bar.add_filter("country", self.tr("Country"), [], self.tr("All countries"))
        bar.add_filter("theme", self.tr("Theme"), [], self.tr("All themes"))
        bar.add_filter("office", self.tr("Office"), [], self.tr("All offices"))
        for key in ("country", "theme", "office"):  # shown once the store says it can apply them
            bar.set_filter_visible(key, False)

    def refresh_filter_choices(self, bar: FilterBar) -> None:
        """Countries, themes and offices come from the data, read when each filter is first used (babel
        and the protocol data load then, not at start-up)."""
        if self._store is None:
            return
        from dataclasses import fields

        from iphr_desk.core.store.repository.values import LetterFilter
        from iphr_desk.gui.models.records import country_choices, office_choices, theme_choices

        known = {f.name for f in fields(LetterFilter)}
        for key in bar.values():
            bar.set_filter_visible(key, key in known)
        store = self._store
        if "country" in known:
            bar.set_choices_later("country", lambda: country_choices(store))
        if "theme" in known:
            bar.set_choices_later("theme", lambda: theme_choices(store))
        if "office" in known:
            bar.set_choices_later("office", office_choices)


_STATUS_PIXMAPS = {
    "draft": "SP_FileIcon",
    "in_review": "SP_MessageBoxQuestion",
    "changes_requested": "SP_MessageBoxWarning",
    "approved": "SP_DialogApplyButton",
    "signed": "SP_DialogSaveButton",
    "sent": "SP_ArrowForward",
}
_status_icons: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon | None:
    """The style's own icon for each review step (follows the platform theme; no colours of ours)."""
    name = _STATUS_PIXMAPS.get(status)
    if name is None:
        return None
    if status not in _status_icons:
        pixmap = getattr(QStyle.StandardPixmap, name)
        _status_icons[status] = QApplication.style().standardIcon(pixmap)
    return _status_icons[status]


def _short_time(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        local = value.astimezone()
        return str(local.strftime("%Y-%m-%d %H:%M"))
    except (AttributeError, ValueError):
        return str(value)
