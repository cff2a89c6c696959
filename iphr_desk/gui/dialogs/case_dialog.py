"""Create or edit a case: its fields, the people concerned and the timeline of events."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.vocabularies import CASE_STATUSES, PERSON_ROLES, PERSON_SITUATIONS
from iphr_desk.gui.models import labels

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


def _field(obj: Any, name: str, default: Any = None) -> Any:
    value = obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)
    return default if value is None else value


class CaseDialog(QDialog):
    """`case_id` is None for a new case; after `accept()` it holds the saved case's id."""

    def __init__(self, ctx: AppContext, case_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("caseDialog")
        self.ctx = ctx
        self.case_id = case_id
        self.setWindowTitle(self.tr("New Case") if case_id is None else self.tr("Edit Case"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self._build_people())
        layout.addWidget(self._build_events())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 720)
        if case_id is not None:
            self._load(case_id)

    # Building -------------------------------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("e.g. KZ-2022-003"))
        self.title_edit = QLineEdit(self)
        self.country_combo = QComboBox(self)
        self.country_combo.setEditable(True)
        from iphr_desk.core.protocol.locale_names import countries_for_picker

        # Every country, named in the interface language, the five Central Asian republics first.
        for code, name in countries_for_picker(labels.ui_language_code()):
            self.country_combo.addItem(f"{name} ({code})", code)
        self.region_edit = QLineEdit(self)
        self.status_combo = QComboBox(self)
        for status in CASE_STATUSES:
            self.status_combo.addItem(labels.case_status(status), status)
        self.themes_edit = QLineEdit(self)
        self.themes_edit.setPlaceholderText(
            self.tr("Comma-separated, e.g. freedom of expression, fair trial")
        )
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(self.summary_edit.fontMetrics().lineSpacing() * 5 + 12)
        for caption, widget in (
            (self.tr("&Reference:"), self.reference_edit),
            (self.tr("&Title:"), self.title_edit),
            (self.tr("&Country:"), self.country_combo),
            (self.tr("Re&gion:"), self.region_edit),
            (self.tr("&Status:"), self.status_combo),
            (self.tr("T&hemes:"), self.themes_edit),
            (self.tr("S&ummary:"), self.summary_edit),
        ):
            widget.setAccessibleName(caption.replace("&", "").rstrip(": \u00a0"))
            form.addRow(caption, widget)
        return form

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setAccessibleName(name)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _box(self, title: str, table: QTableWidget, add: Any) -> QGroupBox:
        box = QGroupBox(title, self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(table)
        row = QHBoxLayout()
        add_button = QPushButton(self.tr("&Add"), box)
        add_button.setAccessibleName(self.tr("Add to %1").replace("%1", title))
        remove_button = QPushButton(self.tr("Remove"), box)
        remove_button.setAccessibleName(self.tr("Remove from %1").replace("%1", title))
        add_button.clicked.connect(lambda: add(None))
        remove_button.clicked.connect(lambda: self._remove_rows(table))
        row.addWidget(add_button)
        row.addWidget(remove_button)
        row.addStretch(1)
        box_layout.addLayout(row)
        return box

    def _build_people(self) -> QGroupBox:
        self.people = self._table(
            [self.tr("Name"), self.tr("Role"), self.tr("Situation"), self.tr("At risk")], self.tr("People")
        )
        self.people.horizontalHeader().setStretchLastSection(False)
        self.people.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self._box(self.tr("People"), self.people, self.add_person)

    def _build_events(self) -> QGroupBox:
        self.events = self._table([self.tr("Date"), self.tr("Event"), self.tr("Source")], self.tr("Timeline"))
        header = self.events.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, self.fontMetrics().averageCharWidth() * 34)
        self.events.setWordWrap(False)
        self.events.setMinimumHeight(self.fontMetrics().height() * 10)
        return self._box(self.tr("Timeline"), self.events, self.add_event)

    def add_person(self, person: Any) -> int:
        row = self.people.rowCount()
        self.people.insertRow(row)
        self.people.setItem(row, 0, QTableWidgetItem(str(_field(person, "name", "")) if person else ""))
        role = QComboBox(self.people)
        for code in PERSON_ROLES:
            role.addItem(labels.role(code), code)
        situation = QComboBox(self.people)
        for code in PERSON_SITUATIONS:
            situation.addItem(labels.situation(code), code)
        at_risk = QCheckBox(self.tr("At risk"), self.people)
        if person is not None:
            role.setCurrentIndex(max(role.findData(_code(_field(person, "role", "other"))), 0))
            situation.setCurrentIndex(max(situation.findData(_code(_field(person, "situation", "other"))), 0))
            at_risk.setChecked(bool(_field(person, "at_risk", False)))
        else:
            role.setCurrentIndex(role.findData("other"))
            situation.setCurrentIndex(situation.findData("other"))
        self.people.setCellWidget(row, 1, role)
        self.people.setCellWidget(row, 2, situation)
        self.people.setCellWidget(row, 3, at_risk)
        if person is None:
            self.people.setCurrentCell(row, 0)
            name_item = self.people.item(row, 0)
            if name_item is not None:
                self.people.editItem(name_item)
        return row

    def add_event(self, event: Any) -> int:
        row = self.events.rowCount()
        self.events.insertRow(row)
        date_edit = QDateEdit(self.events)
        date_edit.setCalendarPopup(True)
        date_edit.setDisplayFormat("yyyy-MM-dd")
        value = _field(event, "date", None) if event is not None else None
        date_edit.setDate(
            QDate(value.year, value.month, value.day) if isinstance(value, dt.date) else QDate.currentDate()
        )
        self.events.setCellWidget(row, 0, date_edit)
        self.events.setItem(row, 1, QTableWidgetItem(str(_field(event, "description", "")) if event else ""))
        source = str(_field(event, "source", "") or _field(event, "source_url", "")) if event else ""
        self.events.setItem(row, 2, QTableWidgetItem(source))
        return row

    def _remove_rows(self, table: QTableWidget) -> None:
        for row in sorted({index.row() for index in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)

    # Loading and saving ---------------------------------------------------------------------------------

    def _load(self, case_id: int) -> None:
        from iphr_desk.core.store.repository import cases as case_repo

        detail = case_repo.get_case_detail(self.ctx.store, case_id)
        case = _field(detail, "case", detail)
        self.reference_edit.setText(str(_field(case, "reference", "")))
        self.title_edit.setText(str(_field(case, "title", "")))
        self.title_edit.setCursorPosition(0)
        self.set_country(str(_field(case, "country", "")))
        self.region_edit.setText(str(_field(case, "region", "")))
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(_field(case, "status", "open")), 0))
        self.themes_edit.setText(", ".join(_field(case, "themes", ()) or ()))
        self.summary_edit.setPlainText(str(_field(case, "summary", "")))
        for person in _field(detail, "people", ()) or ():
            self.add_person(person)
        for event in _field(detail, "events", ()) or ():
            self.add_event(event)

    def set_country(self, code: str) -> None:
        if not code:
            return
        index = self.country_combo.findData(code.upper())
        if index < 0:
            self.country_combo.addItem(f"{labels.country(code)} ({code.upper()})", code.upper())
            index = self.country_combo.count() - 1
        self.country_combo.setCurrentIndex(index)

    def country(self) -> str:
        index = self.country_combo.currentIndex()
        text = self.country_combo.currentText().strip()
        if index >= 0 and self.country_combo.itemText(index) == text:
            return str(self.country_combo.itemData(index))
        if text.endswith(")") and "(" in text:
            text = text.rsplit("(", 1)[1].rstrip(")")
        return text.upper()[:2]

    def values(self) -> dict[str, Any]:
        """What the form holds, in the repository's terms."""
        themes = [t.strip() for t in self.themes_edit.text().split(",") if t.strip()]
        return {
            "reference": self.reference_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "country": self.country(),
            "region": self.region_edit.text().strip() or None,
            "status": str(self.status_combo.currentData()),
            "themes": themes,
            "summary": self.summary_edit.toPlainText().strip(),
            "people": self.people_values(),
            "events": self.event_values(),
        }

    def people_values(self) -> list[dict[str, Any]]:
        result = []
        for row in range(self.people.rowCount()):
            item = self.people.item(row, 0)
            name = item.text().strip() if item is not None else ""
            if not name:
                continue
            role = self.people.cellWidget(row, 1)
            situation = self.people.cellWidget(row, 2)
            at_risk = self.people.cellWidget(row, 3)
            assert isinstance(role, QComboBox) and isinstance(situation, QComboBox)
            assert isinstance(at_risk, QCheckBox)
            result.append(
                {
                    "name": name,
                    "role": str(role.currentData()),
                    "situation": str(situation.currentData()),
                    "at_risk": at_risk.isChecked(),
                }
            )
        return result

    def event_values(self) -> list[dict[str, Any]]:
        result = []
        for row in range(self.events.rowCount()):
            date_edit = self.events.cellWidget(row, 0)
            description = self.events.item(row, 1)
            source = self.events.item(row, 2)
            text = description.text().strip() if description is not None else ""
            if not text or not isinstance(date_edit, QDateEdit):
                continue
            result.append(
                {
                    "date": date_edit.date().toPython(),
                    "description": text,
                    "source_url": (source.text().strip() if source is not None else "") or None,
                }
            )
        return result

    def accept(self) -> None:
        values = self.values()
        missing = [
            caption
            for key, caption in (
                ("reference", self.tr("reference")),
                ("title", self.tr("title")),
                ("country", self.tr("country")),
            )
            if not values[key]
        ]
        if missing:
            self.ctx.services.warning(
                self, self.windowTitle(), self.tr("Please fill in: %1.").replace("%1", ", ".join(missing))
            )
            return
        from iphr_desk.gui.models.writes import save_case

        try:
            self.case_id = save_case(self.ctx, self.case_id, values)
        except Exception as error:  # the store's sentence (e.g. a duplicate reference) goes to the user
            self.ctx.services.error(
                self, self.windowTitle(), self.tr("The case could not be saved."), str(error)
            )
            return
        super().accept()


def _code(text: Any) -> str:
    return str(text).strip().lower().replace("-", "_").replace(" ", "_")
