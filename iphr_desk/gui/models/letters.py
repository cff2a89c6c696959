"""The letters list: a page of summaries at a time, sorted and filtered by the store, or search hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel
from iphr_desk.gui.widgets.filter_bar import FilterBar


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


def letter_filter(filters: dict[str, Any], text: str | None = None) -> Any:
    """The store's LetterFilter for the filter bar's values; keys the store does not know are left out."""
    from dataclasses import fields

    from iphr_desk.core.repository import LetterFilter

    known = {f.name for f in fields(LetterFilter)}
    values = {key: value for key, value in filters.items() if value and key in known}
    return LetterFilter(**values, text=text or None)


class LetterListBackend:
    """Letter summaries from the store, filtered (and full-text matched) and sorted by SQL."""

    def __init__(self, store: Any, filters: dict[str, Any], text: str = "") -> None:
        from iphr_desk.core import repository

        self._repo = repository
        self._store = store
        self._filter = letter_filter(filters, text)
        self._snippets = SnippetCache(store, text) if text else None

    def count(self) -> int:
        return int(self._repo.count_letters(self._store, self._filter))

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        rows = self._repo.letter_summaries(
            self._store,
            filters=self._filter,
            sort=sort or "updated",
            descending=descending,
            offset=offset,
            limit=limit,
        )
        if self._snippets is not None and rows:
            return with_snippets(self._snippets, rows)
        return rows


class SearchRow:
    """A letter summary with the search snippet that shows why it matched."""

    def __init__(self, summary: Any, snippet: str) -> None:
        self._summary = summary
        self.snippet = snippet

    def __getattr__(self, name: str) -> Any:
        return getattr(self._summary, name)


SNIPPET_HITS = 500


class SnippetCache:
    """Highlighted snippets of the best-ranked hits of one query, read once per query.

    The list itself is paged and sorted by the store (`LetterFilter.text`); the snippets come from the
    search module's ranked hits, so the rows a user looks at first (the best matches) carry one.
    """

    def __init__(self, store: Any, text: str) -> None:
        self._store = store
        self._text = text
        self._snippets: dict[int, str] | None = None

    def get(self, letter_id: int) -> str:
        if self._snippets is None:
            from iphr_desk.core import search

            hits = search.search_letters(self._store, self._text, SNIPPET_HITS)
            self._snippets = {hit.id: hit.snippet_html() for hit in hits}
        return self._snippets.get(letter_id, "")


def with_snippets(cache: SnippetCache, rows: Sequence[Any]) -> list[Any]:
    return [SearchRow(row, cache.get(row.id)) for row in rows]


class LetterTableModel(StoreTableModel):
    """The letters of the store; the class name tells the start-up benchmark this is the letter list."""

    def __init__(self, parent: QObject | None = None) -> None:
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
                width=19,
            ),
            Column(
                self.tr("Updated"), lambda r: _short_time(_get(r, "updated_at", None)), "updated", width=17
            ),
            Column(self.tr("Match"), lambda r: str(_get(r, "snippet")), None, rich=True, width=48),
        ]
        super().__init__(columns, parent)
        self.setObjectName("letterModel")
        self.set_default_sort("updated", True)

    def _status_tip(self, status: str) -> str:
        steps = " → ".join(labels.letter_status(s) for s in labels.LETTER_STATUSES)
        return self.tr("Review: %1 (of %2)").replace("%1", labels.letter_status(status)).replace("%2", steps)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        return LetterListBackend(store, filters, query)

    def subject_of(self, letter_id: int) -> str:
        for page in self._pages.values():
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
        """Countries, themes and offices come from the data (babel and the protocol data load here)."""
        if self._store is None:
            return
        from dataclasses import fields

        from iphr_desk.core.repository import LetterFilter
        from iphr_desk.gui.models.records import country_choices, office_choices, theme_choices

        known = {f.name for f in fields(LetterFilter)}
        for key in bar.values():
            bar.set_filter_visible(key, key in known)
        if "country" in known:
            bar.set_choices("country", country_choices(self._store))
        if "theme" in known:
            bar.set_choices("theme", theme_choices(self._store))
        if "office" in known:
            bar.set_choices("office", office_choices())


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
        return local.strftime("%Y-%m-%d %H:%M")
    except (AttributeError, ValueError):
        return str(value)
