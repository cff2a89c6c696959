"""Recipients, signatories and letterheads (short lists), and the choices the filters and forms offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from iphr_desk.core.protocol.locale_names import CENTRAL_ASIA
from iphr_desk.gui.models import labels
from iphr_desk.gui.models.paged import Column, RowBackend, StoreTableModel


def _get(row: Any, name: str, default: Any = "") -> Any:
    value = getattr(row, name, default)
    return default if value is None else value


@dataclass(frozen=True)
class RecordRow:
    """One address-book entry flattened for display: `id`, `name` and the kind's other fields."""

    id: int
    name: str
    values: dict[str, Any]

    def __getattr__(self, key: str) -> Any:
        try:
            return self.values[key]
        except KeyError:
            raise AttributeError(key) from None


def record_rows(store: Any, kind: str) -> list[RecordRow]:
    """The whole (short) list of one kind, as the store returns it."""
    from iphr_desk.core.store.repository import address_book
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    if kind == "recipient":
        return [
            RecordRow(r.id, r.recipient.name, {**r.recipient.__dict__, "language": r.language})
            for r in address_book.list_recipients(store)
        ]
    if kind == "signatory":
        return [
            RecordRow(r.id, r.signatory.name, dict(r.signatory.__dict__))
            for r in address_book.list_signatories(store)
        ]
    return [
        RecordRow(
            r.id,
            r.name,
            {
                "organisation": r.organisation,
                "address": "\n".join(r.address_lines),
                "website": r.website,
                "template_path": r.template_path,
            },
        )
        for r in letterhead_repo.list_letterheads(store)
    ]


class RecordBackend:
    """An address-book list: a few hundred rows at most, so it is read once and sorted in memory."""

    def __init__(self, store: Any, kind: str, text: str) -> None:
        rows = record_rows(store, kind)
        needle = text.casefold()
        self._rows = [row for row in rows if needle in row.name.casefold()] if needle else rows

    def count(self) -> int:
        return len(self._rows)

    def fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Any]:
        key = sort or "name"
        ordered = sorted(
            self._rows, key=lambda r: str(getattr(r, key, "") or "").casefold(), reverse=descending
        )
        return ordered[offset : offset + limit]


class RecordTableModel(StoreTableModel):
    kind = ""

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.set_default_sort("name", False)

    def make_backend(self, store: Any, query: str, filters: dict[str, Any]) -> RowBackend[Any]:
        return RecordBackend(store, self.kind, query)


class RecipientTableModel(RecordTableModel):
    kind = "recipient"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name", width=26),
                Column(
                    self.tr("Office"), lambda r: labels.office(str(_get(r, "office"))), "office", width=24
                ),
                Column(self.tr("Title"), lambda r: str(_get(r, "title")), None, stretch=True),
                Column(
                    self.tr("Organisation"), lambda r: str(_get(r, "organisation")), "organisation", width=26
                ),
                Column(self.tr("Gender"), lambda r: labels.gender(str(_get(r, "gender"))), None, width=11),
                Column(
                    self.tr("Language"),
                    lambda r: labels.language(str(_get(r, "language"))),
                    "language",
                    width=10,
                ),
            ],
            parent,
        )
        self.setObjectName("recipientModel")


class SignatoryTableModel(RecordTableModel):
    kind = "signatory"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name", width=28),
                Column(self.tr("Title"), lambda r: str(_get(r, "title")), None, width=34),
                Column(
                    self.tr("Organisation"),
                    lambda r: str(_get(r, "organisation")),
                    "organisation",
                    stretch=True,
                ),
            ],
            parent,
        )
        self.setObjectName("signatoryModel")


class LetterheadTableModel(RecordTableModel):
    kind = "letterhead"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: str(_get(r, "name")), "name", width=14),
                Column(self.tr("Organisation"), lambda r: str(_get(r, "organisation")), None, width=44),
                Column(self.tr("Website"), lambda r: str(_get(r, "website")), None, width=26),
                Column(self.tr("Template"), lambda r: str(_get(r, "template_path")), None, stretch=True),
            ],
            parent,
        )
        self.setObjectName("letterheadModel")


# Choices for filters and forms ------------------------------------------------------------------------------


def country_choices(store: Any) -> list[tuple[str, str]]:
    """Countries that cases use, Central Asia first, then the others by name."""
    from iphr_desk.core.store.repository import cases as case_repo

    used = set(case_repo.list_countries(store))
    first = [c for c in CENTRAL_ASIA if c in used]
    rest = sorted((c for c in used if c not in CENTRAL_ASIA), key=labels.country)
    return [(code, labels.country(code)) for code in first + rest]


def theme_choices(store: Any) -> list[tuple[str, str]]:
    from iphr_desk.core.store.repository import cases as case_repo

    return [(theme, theme) for theme in sorted(case_repo.list_themes(store), key=str.casefold)]


def office_choices() -> list[tuple[str, str]]:
    from iphr_desk.core.letters.letter import OFFICE_IDS

    return [(office, labels.office(office)) for office in OFFICE_IDS]


def letterhead_names(store: Any) -> list[str]:
    from iphr_desk.core.store.repository import letterheads as letterhead_repo

    return [record.name for record in letterhead_repo.list_letterheads(store)]


def signatory_choices(store: Any) -> list[tuple[int, str]]:
    from iphr_desk.core.store.repository import address_book

    result = []
    for record in address_book.list_signatories(store):
        signatory = record.signatory
        title = f" — {signatory.title}" if signatory.title else ""
        result.append((int(record.id), f"{signatory.name}{title}"))
    return result
