"""The letters list: a page of summaries at a time, sorted and filtered by the store, or search hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel
from iphr_desk.gui.widgets.filter_bar import FilterBar
from iphr_desk.gui.widgets.rich_delegate import snippet_html


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


class LetterListBackend:
    """Letter summaries from the store, filtered and sorted by SQL."""

    def __init__(self, store: Any, filters: dict[str, Any]) -> None:
        from iphr_desk.core import repository

        self._repo = repository
        self._store = store
        self._filter = repository.LetterFilter(**{k: v for k, v in filters.items() if v})

    def count(self) -> int:
        return int(self._repo.count_letters(self._store, self._filter))

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        return self._repo.letter_summaries(
            self._store,
            self._filter,
            sort=sort or "updated",
            descending=descending,
            offset=offset,
            limit=limit,
        )


class LetterSearchBackend:
    """Full-text hits (ranked by the store), with their highlighted snippets."""

    def __init__(self, store: Any, query: str, filters: dict[str, Any]) -> None:
        from iphr_desk.core import repository, search

        self._search = search
        self._store = store
        self._query = query
        self._filter = repository.LetterFilter(**{k: v for k, v in filters.items() if v})
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = int(self._search.count_letter_hits(self._store, self._query, self._filter))
        return self._count

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        return self._search.search_letters(self._store, self._query, self._filter, offset=offset, limit=limit)


class LetterTableModel(StoreTableModel):
    """The letters of the store; the class name tells the start-up benchmark this is the letter list."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(self.tr("Date"), lambda r: str(_get(r, "date")), "date"),
            Column(
                self.tr("Subject"),
                lambda r: str(_get(r, "subject")),
                "subject",
                tooltip=lambda r: str(_get(r, "subject")),
            ),
            Column(self.tr("Recipient"), lambda r: str(_get(r, "recipient")), "recipient"),
            Column(self.tr("Language"), lambda r: labels.language(str(_get(r, "language"))), "language"),
            Column(
                self.tr("Status"),
                lambda r: labels.letter_status(str(_get(r, "status"))),
                "status",
                tooltip=lambda r: self.tr("Where this letter is in review"),
            ),
            Column(self.tr("Updated"), lambda r: _short_time(_get(r, "updated_at", None)), "updated"),
            Column(self.tr("Match"), lambda r: snippet_html(str(_get(r, "snippet"))), None, rich=True),
        ]
        super().__init__(columns, parent)
        self.setObjectName("letterModel")
        self.set_default_sort("updated", True)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        if query:
            return LetterSearchBackend(store, query, filters)
        return LetterListBackend(store, filters)

    def subject_of(self, letter_id: int) -> str:
        for page in self._pages.values():
            for row in page:
                if getattr(row, "id", None) == letter_id:
                    return str(_get(row, "subject"))
        return ""

    def install_filters(self, bar: FilterBar) -> None:
        bar.add_filter(
            "status", self.tr("Status:"), [(s, labels.letter_status(s)) for s in labels.LETTER_STATUSES]
        )
        bar.add_filter(
            "language", self.tr("Language:"), [(c, labels.language(c)) for c in ("fr", "en", "ru", "de")]
        )
        bar.add_filter("country", self.tr("Country:"), [])
        bar.add_filter("theme", self.tr("Theme:"), [])
        bar.add_filter("office", self.tr("Office:"), [])

    def refresh_filter_choices(self, bar: FilterBar) -> None:
        """Countries, themes and offices come from the data (babel and the protocol data load here)."""
        if self._store is None:
            return
        from iphr_desk.gui.models.records import country_choices, office_choices, theme_choices

        bar.set_choices("country", country_choices(self._store))
        bar.set_choices("theme", theme_choices(self._store))
        bar.set_choices("office", office_choices())


def _short_time(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        local = value.astimezone()
        return local.strftime("%Y-%m-%d %H:%M")
    except (AttributeError, ValueError):
        return str(value)
