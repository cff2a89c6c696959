"""Everything about one case on one page: its fields, the people at risk, the timeline, the letters.

Source addresses are shown, never fetched: clicking one copies it to the clipboard, so the user decides
when and where to open it (the app itself never touches the network).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.models import labels

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


#: Object name of labels that show the user's data (never translated), as opposed to the interface's words.
DATA_LABEL = "dataLabel"


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


class CaseView(QWidget):
    """Shows one case; edits and new letters are asked of the main window through signals."""

    editRequested = Signal(int)
    newLetterRequested = Signal(int)
    openLetterRequested = Signal(int)
    messageRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.setAccessibleName(self.tr("Case details"))
        self.ctx: AppContext | None = None
        self.case_id: int | None = None
        self.detail: Any = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("Select a case to see its people, events and letters."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(scroll)
        scroll.setWidget(self.body)
        self.scroll_area = scroll
        outer.addWidget(self.placeholder)
        outer.addWidget(scroll)
        self._build_body()
        self._show_placeholder(True)

    def _build_body(self) -> None:
        layout = QVBoxLayout(self.body)
        self.title = QLabel(self.body)
        self.title.setObjectName(DATA_LABEL)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        buttons = QHBoxLayout()
        self.new_letter_button = QPushButton(self.tr("New Letter from This Case"), self.body)
        self.new_letter_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.edit_button = QPushButton(self.tr("Edit Case…"), self.body)
        for button in (self.new_letter_button, self.edit_button):
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_letter_button.clicked.connect(self._request_letter)
        self.edit_button.clicked.connect(self._request_edit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("reference", self.tr("Reference:")),
            ("country", self.tr("Country:")),
            ("region", self.tr("Region:")),
            ("status", self.tr("Status:")),
            ("themes", self.tr("Themes:")),
            ("summary", self.tr("Summary:")),
        ):
            value = QLabel(self.body)
            value.setObjectName(DATA_LABEL)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(caption.rstrip(":"))
            form.addRow(caption, value)
            self.fields[key] = value
        layout.addLayout(form)

        self.people = self._tree(
            [self.tr("Name"), self.tr("At risk"), self.tr("Situation"), self.tr("Role")], self.tr("People")
        )
        self.timeline = QWidget(self.body)
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline_layout = QVBoxLayout(self.timeline)
        self.timeline_layout.setContentsMargins(0, 0, 0, 0)
        self.timeline_layout.setSpacing(8)
        self.timeline_labels: list[QLabel] = []
        self.letters = self._tree(
            [self.tr("Date"), self.tr("Status"), self.tr("Language"), self.tr("Subject")], self.tr("Letters")
        )
        self.letters.itemActivated.connect(self._open_letter)
        for title, widget in (
            (self.tr("People"), self.people),
            (self.tr("Timeline"), self.timeline),
            (self.tr("Letters"), self.letters),
        ):
            box = QGroupBox(title, self.body)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(widget)
            layout.addWidget(box)
        layout.addStretch(1)

    def _tree(self, headers: list[str], name: str) -> QTreeWidget:
        tree = QTreeWidget(self.body)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(False)
        tree.setAccessibleName(name)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        tree.header().setMinimumSectionSize(60)
        tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        return tree

    def _fit(self, tree: QTreeWidget) -> None:
        """Tall enough for every row (the page scrolls, not each list), columns sized to their text."""
        for column in range(tree.columnCount() - 1):
            tree.resizeColumnToContents(column)
        rows = max(tree.topLevelItemCount(), 1)
        row_height = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 6)
        tree.setFixedHeight(tree.header().sizeHint().height() + rows * row_height + 2 * tree.frameWidth() + 4)

    def set_context(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def _show_placeholder(self, show: bool) -> None:
        self.placeholder.setVisible(show)
        self.scroll_area.setVisible(not show)

    def reload(self) -> None:
        self.show_case(self.case_id)

    def show_case(self, case_id: int | None) -> None:
        """Read the case from the store and show it (None: show the hint)."""
        self.case_id = case_id
        self.detail = None
        if case_id is None or self.ctx is None:
            self._show_placeholder(True)
            return
        from iphr_desk.core.store.repository import cases as case_repo

        try:
            detail = case_repo.get_case_detail(self.ctx.store, case_id)
        except Exception:  # the case may have been moved to the trash meanwhile: show nothing
            detail = None
        if detail is None:
            self.case_id = None
            self._show_placeholder(True)
            return
        self.detail = detail
        self._fill(detail)
        self._show_placeholder(False)

    def _fill(self, detail: Any) -> None:
        case = _field(detail, "case", detail)
        self.title.setText(str(_field(case, "title", "")))
        self.fields["reference"].setText(str(_field(case, "reference", "")))
        code = _field(case, "country", "")
        self.fields["country"].setText(f"{labels.country(code)} ({code})" if code else "")
        self.fields["region"].setText(str(_field(case, "region", "") or ""))
        self.fields["status"].setText(labels.case_status(str(_field(case, "status", ""))))
        self.fields["themes"].setText(", ".join(_field(case, "themes", ()) or ()))
        self.fields["summary"].setText(str(_field(case, "summary", "") or ""))
        self._fill_people(_field(detail, "people", ()) or ())
        self._fill_events(_field(detail, "events", ()) or ())
        self._fill_letters(_field(detail, "letters", ()) or ())

    def _fill_people(self, people: Any) -> None:
        self.people.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for person in people:
            at_risk = bool(_field(person, "at_risk", False))
            item = QTreeWidgetItem(
                [
                    str(_field(person, "name", "")),
                    self.tr("At risk") if at_risk else "",
                    labels.situation(str(_field(person, "situation", "") or "")),
                    labels.role(str(_field(person, "role", "") or "")),
                ]
            )
            if at_risk:
                # Bold text and the style's warning icon: visible in light and dark palettes alike.
                font = QFont(item.font(0))
                font.setBold(True)
                for column in range(4):
                    item.setFont(column, font)
                item.setIcon(1, warning)
                item.setToolTip(0, self.tr("This person is at risk"))
            self.people.addTopLevelItem(item)
        self._fit(self.people)

    def _fill_events(self, events: Any) -> None:
        """One wrapped paragraph per event; the source is a link that copies itself, never opens."""
        for label in self.timeline_labels:
            self.timeline_layout.removeWidget(label)
            label.deleteLater()
        self.timeline_labels = []
        for event in sorted(events, key=lambda e: str(_field(e, "date", ""))):
            date = html.escape(str(_field(event, "date", "")))
            text = html.escape(str(_field(event, "description", "")))
            source = str(_field(event, "source", "") or _field(event, "source_url", "") or "")
            markup = f"<b>{date}</b>&nbsp;&nbsp;{text}"
            if source:
                shown = html.escape(source)
                markup += f'<br><a href="{shown}">{shown}</a>'
            label = QLabel(markup, self.timeline)
            label.setObjectName(DATA_LABEL)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setOpenExternalLinks(False)  # a click copies the address: nothing is fetched
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.linkActivated.connect(self.copy_source)
            if source:
                label.setToolTip(self.tr("Click the address to copy it; nothing is fetched."))
            self.timeline_layout.addWidget(label)
            self.timeline_labels.append(label)
        if not self.timeline_labels:
            empty = QLabel(self.tr("No events recorded."), self.timeline)
            self.timeline_layout.addWidget(empty)
            self.timeline_labels.append(empty)

    def timeline_texts(self) -> list[str]:
        return [label.text() for label in self.timeline_labels]

    def _fill_letters(self, letters: Any) -> None:
        self.letters.clear()
        for letter in letters:
            subject = str(_field(letter, "subject", ""))
            item = QTreeWidgetItem(
                [
                    str(_field(letter, "date", "")),
                    labels.letter_status(str(_field(letter, "status", ""))),
                    labels.language(str(_field(letter, "language", ""))),
                    subject,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, int(_field(letter, "id", 0)))
            item.setToolTip(3, subject + "\n" + self.tr("Double-click or press Enter to open"))
            self.letters.addTopLevelItem(item)
        self._fit(self.letters)

    def copy_source(self, source: str) -> None:
        if source:
            QGuiApplication.clipboard().setText(source)
            self.messageRequested.emit(self.tr("Source address copied: %1").replace("%1", source))

    def _open_letter(self, item: QTreeWidgetItem) -> None:
        letter_id = item.data(0, Qt.ItemDataRole.UserRole)
        if letter_id:
            self.openLetterRequested.emit(int(letter_id))

    def _request_letter(self) -> None:
        if self.case_id is not None:
            self.newLetterRequested.emit(self.case_id)

    def _request_edit(self) -> None:
        if self.case_id is not None:
            self.editRequested.emit(self.case_id)
