"""Recipients, signatories and letterheads (short lists), and the choices the filters and forms offer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject

from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


class RecordBackend:
    """A short table read through one repository list function, filtered by name in SQL."""

    def __init__(self, store: Any, lister: str, counter: str, text: str) -> None:
        from iphr_desk.core import repository

        self._list: Callable[..., Sequence[Any]] = getattr(repository, lister)
        self._count: Callable[..., int] = getattr(repository, counter)
        self._store = store
        self._text = text or None

    def count(self) -> int:
        return int(self._count(self._store, name=self._text))

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        return self._list(
            self._store,
            name=self._text,
            sort=sort or "name",
            descending=descending,
            offset=offset,
            limit=limit,
        )


class RecordTableModel(StoreTableModel):
    lister = ""
    counter = ""

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.set_default_sort("name", False)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        return RecordBackend(store, self.lister, self.counter, query)


class RecipientTableModel(RecordTableModel):
    lister = "recipients"
    counter = "count_recipients"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name"),
                Column(self.tr("Office"), lambda r: labels.office(str(_get(r, "office"))), "office"),
                Column(self.tr("Title"), lambda r: str(_get(r, "title")), None),
                Column(self.tr("Organisation"), lambda r: str(_get(r, "organisation")), "organisation"),
                Column(self.tr("Gender"), lambda r: labels.gender(str(_get(r, "gender"))), None),
                Column(self.tr("Language"), lambda r: labels.language(str(_get(r, "language"))), "language"),
            ],
            parent,
        )
        self.setObjectName("recipientModel")


class SignatoryTableModel(RecordTableModel):
    lister = "signatories"
    counter = "count_signatories"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name"),
                Column(self.tr("Title"), lambda r: str(_get(r, "title")), None),
                Column(self.tr("Organisation"), lambda r: str(_get(r, "organisation")), "organisation"),
            ],
            parent,
        )
        self.setObjectName("signatoryModel")


class LetterheadTableModel(RecordTableModel):
    lister = "letterheads"
    counter = "count_letterheads"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name"),
                Column(self.tr("Organisation"), lambda r: str(_get(r, "organisation")), None),
                Column(self.tr("Website"), lambda r: str(_get(r, "website")), None),
                Column(self.tr("Template"), lambda r: str(_get(r, "template_path")), None),
            ],
            parent,
        )
        self.setObjectName("letterheadModel")


# Choices for filters and forms ------------------------------------------------------------------------------


def country_choices(store: Any) -> list[tuple[str, str]]:
    """Countries that cases use, Central Asia first, then the others by name."""
    from iphr_desk.core import repository

    used = set(repository.case_countries(store))
    first = [c for c in labels.CENTRAL_ASIA if c in used]
    rest = sorted((c for c in used if c not in labels.CENTRAL_ASIA), key=labels.country)
    return [(code, labels.country(code)) for code in first + rest]


def theme_choices(store: Any) -> list[tuple[str, str]]:
    from iphr_desk.core import repository

    return [(theme, theme) for theme in sorted(repository.case_themes(store), key=str.casefold)]


def office_choices() -> list[tuple[str, str]]:
    from iphr_desk.core.letter import OFFICE_IDS

    return [(office, labels.office(office)) for office in OFFICE_IDS]


def letterhead_names(store: Any) -> list[str]:
    from iphr_desk.core import repository

    return [str(row.name) for row in repository.letterheads(store, limit=1000)]


def signatory_choices(store: Any) -> list[tuple[int, str]]:
    from iphr_desk.core import repository

    result = []
    for row in repository.signatories(store, limit=1000):
        title = f" — {row.title}" if getattr(row, "title", None) else ""
        result.append((int(row.id), f"{row.name}{title}"))
    return result
