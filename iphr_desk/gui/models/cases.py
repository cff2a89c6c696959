"""The cases list: summaries a page at a time, sorted and filtered by the store, or search hits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from iphr_desk.core.vocabularies import CASE_STATUSES
from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel
from iphr_desk.gui.widgets.filter_bar import FilterBar


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


class CaseListBackend:
    """Case summaries from the store, filtered (and full-text matched) and sorted by SQL."""

    def __init__(self, store: Any, filters: dict[str, Any], text: str = "") -> None:
        from iphr_desk.core.store.repository import cases as case_repo
        from iphr_desk.core.store.repository.values import CaseFilter

        self._cases = case_repo
        self._store = store
        self._filter = CaseFilter(**{k: v for k, v in filters.items() if v}, text=text or None)

    def count(self) -> int:
        return int(self._cases.count_cases(self._store, self._filter))

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        return self._cases.case_summaries(
            self._store,
            filters=self._filter,
            sort=sort or "updated",
            descending=descending,
            offset=offset,
            limit=limit,
        )


class CaseTableModel(StoreTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(self.tr("Reference"), lambda r: str(_get(r, "reference")), "reference", width=13),
            Column(
                self.tr("Title"),
                lambda r: str(_get(r, "title")),
                "title",
                tooltip=lambda r: str(_get(r, "title")),
                stretch=True,
            ),
            Column(
                self.tr("Country"), lambda r: labels.country(str(_get(r, "country"))), "country", width=14
            ),
            Column(
                self.tr("Status"), lambda r: labels.case_status(str(_get(r, "status"))), "status", width=12
            ),
            Column(
                self.tr("At risk"),
                lambda r: str(_get(r, "at_risk_count", "")) or "",
                None,
                tooltip=lambda r: self.tr("People at risk in this case"),
                width=8,
            ),
            Column(self.tr("Letters"), lambda r: str(_get(r, "letter_count", "")), None, width=8),
        ]
        super().__init__(columns, parent)
        self.setObjectName("caseModel")
        self.set_default_sort("updated", True)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        return CaseListBackend(store, filters, query)

    def install_filters(self, bar: FilterBar) -> None:
        bar.add_filter("country", self.tr("Country"), [], self.tr("All countries"))
        statuses = [(s, labels.case_status(s)) for s in CASE_STATUSES]
        bar.add_filter("status", self.tr("Status"), statuses, self.tr("All statuses"))
        bar.add_filter("theme", self.tr("Theme"), [], self.tr("All themes"))

    def refresh_filter_choices(self, bar: FilterBar) -> None:
        if self._store is None:
            return
        from iphr_desk.gui.models.records import country_choices, theme_choices

        store = self._store  # read when each filter is first used (country names need babel)
        bar.set_choices_later("country", lambda: country_choices(store))
        bar.set_choices_later("theme", lambda: theme_choices(store))
