"""The six lists of the window's first tab, one page each, with the case view beside the case list.

A widget of its own: the window shows a page by name (`show`), and reaches the models and pages it wires
through this object's attributes; how the pages are made and laid out stays here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QWidget

from iphr_desk.gui.models.cases import CaseTableModel
from iphr_desk.gui.models.letters import LetterTableModel
from iphr_desk.gui.models.records import LetterheadTableModel, RecipientTableModel, SignatoryTableModel
from iphr_desk.gui.widgets.case_view import CaseView
from iphr_desk.gui.widgets.list_page import ListPage
from iphr_desk.gui.widgets.navigation import PAGES


class ListStack(QStackedWidget):
    """Letters, cases (with the case view), recipients, signatories, letterheads and the trash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter_model = LetterTableModel(self)
        self.case_model = CaseTableModel(self)
        self.recipient_model = RecipientTableModel(self)
        self.signatory_model = SignatoryTableModel(self)
        self.letterhead_model = LetterheadTableModel(self)
        self.trash_model = LetterTableModel(self, trashed=True)
        self.trash_model.setObjectName("trashModel")
        self.letters_page = ListPage("letters", self.letter_model, empty_state=True, parent=self)
        self.cases_page = ListPage("cases", self.case_model, parent=self)
        self.recipients_page = ListPage("recipients", self.recipient_model, parent=self)
        self.signatories_page = ListPage("signatories", self.signatory_model, parent=self)
        self.letterheads_page = ListPage("letterheads", self.letterhead_model, searchable=False, parent=self)
        self.trash_page = ListPage("trash", self.trash_model, parent=self)
        self.letters_page.search.setPlaceholderText(self.tr("Search letters (subject, text, recipients)…"))
        self.cases_page.search.setPlaceholderText(self.tr("Search cases (reference, title, people)…"))
        self.recipients_page.search.setPlaceholderText(self.tr("Filter recipients by name…"))
        self.signatories_page.search.setPlaceholderText(self.tr("Filter signatories by name…"))
        self.letter_model.install_filters(self.letters_page.filters)
        self.case_model.install_filters(self.cases_page.filters)
        self.case_view = CaseView(self)
        self.case_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.case_splitter.setObjectName("caseSplitter")
        self.case_splitter.addWidget(self.cases_page)
        self.case_splitter.addWidget(self.case_view)
        self.case_splitter.setStretchFactor(0, 3)
        self.case_splitter.setStretchFactor(1, 2)
        self.case_splitter.setChildrenCollapsible(False)
        self.page_widgets: dict[str, QWidget] = {
            "cases": self.case_splitter,
            "letters": self.letters_page,
            "recipients": self.recipients_page,
            "signatories": self.signatories_page,
            "letterheads": self.letterheads_page,
            "trash": self.trash_page,
        }
        for name in PAGES:
            self.addWidget(self.page_widgets[name])

    def list_pages(self) -> list[ListPage]:
        return [
            self.letters_page,
            self.cases_page,
            self.recipients_page,
            self.signatories_page,
            self.letterheads_page,
            self.trash_page,
        ]

    def show(self, name: str) -> None:  # type: ignore[override]
        self.setCurrentWidget(self.page_widgets[name])

    def current_page(self) -> ListPage | None:
        """The list shown (the case list when the cases page is), or None."""
        widget = self.currentWidget()
        if widget is self.case_splitter:
            return self.cases_page
        return widget if isinstance(widget, ListPage) else None
