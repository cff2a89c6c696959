"""The linked cases beside the letter: summary, people and events, and a way to quote a fact."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo

FACT_ROLE = Qt.ItemDataRole.UserRole


class CasePanel(QWidget):
    """`insertRequested(text)` asks the body editor to insert a fact at its cursor."""

    insertRequested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("Linked cases"))
        self.insert_button = QPushButton(self.tr("Insert into letter"), self)
        self.insert_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.insert_button)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._insert(item))
        self.insert_button.clicked.connect(lambda: self._insert(self.tree.currentItem()))

    def show_cases(self, references: tuple[str, ...]) -> None:
        self.tree.clear()
        for reference in references:
            case_id = int(reference) if reference.isdigit() else case_repo.find_case(self._store, reference)
            if case_id is None:
                self._add(None, self.tr("%1 (not found)").replace("%1", reference), None)
                continue
            try:
                detail = case_repo.get_case_detail(self._store, case_id)
            except IphrError:
                continue
            top = self._add(None, f"{detail.reference} — {detail.title}", None)
            if detail.summary:
                self._add(top, detail.summary, detail.summary)
            if detail.people:
                people = self._add(top, self.tr("People"), None)
                for person in detail.people:
                    flag = self.tr(" — at risk") if person.at_risk else ""
                    text = f"{person.name} ({person.role}, {person.situation}){flag}"
                    self._add(people, text, person.name)
            if detail.events:
                events = self._add(top, self.tr("Events"), None)
                for event in detail.events:
                    fact = f"{event.date.isoformat()}: {event.description}"
                    shown = fact + (f" [{event.source_url}]" if event.source_url else "")
                    self._add(events, shown, fact)
            top.setExpanded(True)
        if not references:
            self._add(None, self.tr("No linked cases. Add case references in the header."), None)
        self.tree.expandAll()

    def _add(self, parent: QTreeWidgetItem | None, text: str, fact: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setToolTip(0, text)
        if fact is not None:
            item.setData(0, FACT_ROLE, fact)
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def facts(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            if item.data(0, FACT_ROLE):
                found.append(item)
            for index in range(item.childCount()):
                walk(item.child(index))

        for index in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(index))
        return found

    def _on_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.insert_button.setEnabled(item is not None and bool(item.data(0, FACT_ROLE)))

    def _insert(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and item.data(0, FACT_ROLE):
            self.insertRequested.emit(str(item.data(0, FACT_ROLE)))
