"""The linked cases beside the letter: summary, people and events, and a way to quote a fact.

An event goes into the letter in the letter's language: its date written as the letter's own date line
writes it (`protocol.address.date_line_for`: babel through `locale_names.format_day_date`, so French gets
"1er septembre 2022" and Russian "1 сентября 2022 г.", in the letterhead's house style), the event's text,
and its source as a footnote, since a letter that states a fact cites where it comes from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo

if TYPE_CHECKING:
    from iphr_desk.core.letters.letter import Letter
    from iphr_desk.core.protocol.housestyle import HouseStyle
    from iphr_desk.gui.editor.body_editor import BodyEditor

FACT_ROLE = Qt.ItemDataRole.UserRole
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class EventFact:
    """A case event as it can be quoted: when, what, and where it is documented."""

    date: dt.date
    description: str
    source_url: str | None = None

    def text(self, letter: Letter, style: HouseStyle | None = None) -> str:
        """ "14 September 2022: Rally dispersed." with the date as `letter`'s date line writes one."""
        from iphr_desk.core.protocol.address import date_line_for

        date = date_line_for(replace(letter, place="", date=self.date), style)
        date = date.removeprefix("le ")  # a house style's "le 14 septembre" belongs to the date line only
        separator = "\u00a0: " if letter.language == "fr" else ": "  # French: a no-break space before ":"
        return f"{date}{separator}{self.description.strip()}"


def insert_fact(body: BodyEditor, fact: EventFact, letter: Letter, style: HouseStyle | None = None) -> None:
    """Insert the event at the body's cursor, its source as a footnote, as one undo step."""
    from iphr_desk.gui.editor import markdown_bridge as bridge
    from iphr_desk.gui.editor.body_editor import renumber_footnotes

    text = body.text
    if text.isReadOnly():
        return
    cursor = text.textCursor()
    cursor.beginEditBlock()
    cursor.insertText(fact.text(letter, style), QTextCharFormat())
    if fact.source_url:
        cursor.insertText("0", bridge.footnote_format(fact.source_url.strip()))
        cursor.setCharFormat(QTextCharFormat())
        renumber_footnotes(text.document().begin(), cursor)
    cursor.endEditBlock()
    text.setTextCursor(cursor)
    text.setFocus()


class CasePanel(QWidget):
    """`insertRequested(text)` asks the body editor to insert a fact at its cursor; an event goes in
    through `insert_into` instead (localized, with its source), when the editor has connected one."""

    insertRequested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._body: BodyEditor | None = None
        self._letter: Callable[[], Letter] | None = None
        self._style: Callable[[], HouseStyle | None] = lambda: None
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
                    item = self._add(events, shown, fact)
                    item.setData(0, EVENT_ROLE, EventFact(event.date, event.description, event.source_url))
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

    def insert_into(
        self,
        body: BodyEditor,
        letter: Callable[[], Letter],
        style: Callable[[], HouseStyle | None] = lambda: None,
    ) -> None:
        """Insert facts into `body` directly; `letter` and `style` give the letter (its language, its
        letterhead's date style) at the moment of the insertion."""
        self._body = body
        self._letter = letter
        self._style = style
        self.insertRequested.connect(body.insert_text)

    def _insert(self, item: QTreeWidgetItem | None) -> None:
        if item is None or not item.data(0, FACT_ROLE):
            return
        event = item.data(0, EVENT_ROLE)
        if isinstance(event, EventFact) and self._body is not None and self._letter is not None:
            insert_fact(self._body, event, self._letter(), self._style())
            return
        self.insertRequested.emit(str(item.data(0, FACT_ROLE)))
