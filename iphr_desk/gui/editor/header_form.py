"""The letter's front matter as a form, with the computed salutation and closing shown live.

The form edits a `Letter` minus its body. The salutation and closing come from `core.protocol` (the
same call the exporter makes), recomputed on every change, so the writer sees at once what the
recipient's office, gender, the language, register and voice produce, and can override either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.errors import IphrError
from iphr_desk.core.export.letterhead import Organisation, available_letterheads, load_letterhead
from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, Letter, Recipient, Signatory
from iphr_desk.core.letters.names import surname_of
from iphr_desk.core.protocol import address as protocol
from iphr_desk.core.protocol.housestyle import HouseStyle
from iphr_desk.gui.editor.focus_order import HEADER_FOCUS_ORDER, chain_focus
from iphr_desk.gui.editor.letter_languages import (
    DativeOverride,
    retitle_signatories,
    show_language_parts,
    signatory_from_cells,
    title_item,
)
from iphr_desk.gui.editor.name_hint import awaits_name, show_computed
from iphr_desk.gui.widgets.fitting import fit_combos, label_above

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "ru": "Русский", "de": "Deutsch"}


def style_for(letterhead: str | None, data_dir: Path | None) -> HouseStyle:
    """The letterhead's house style; the default one when the letterhead cannot be read."""
    try:
        return load_letterhead(letterhead, data_dir).style()
    except IphrError:
        return HouseStyle.default()


def organisation_for(letterhead: str | None, data_dir: Path | None) -> Organisation | None:
    """The letterhead's organisation profile; None when the letterhead cannot be read."""
    try:
        return load_letterhead(letterhead, data_dir).organisation
    except IphrError:
        return None


class OverridableLine(QWidget):
    """A computed line (salutation, closing) with an "Override" box that opens it for editing."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.computed = QLabel(self)
        self.computed.setWordWrap(True)
        self.computed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.computed.setAccessibleName(self.tr("Computed %1").replace("%1", name))
        self.override = QCheckBox(self.tr("Override"), self)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("%1 override").replace("%1", name))
        self.edit.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The box under the line, not beside it: beside a long salutation it was squeezed and cut.
        layout.addWidget(self.computed)
        layout.addWidget(self.override)
        layout.addWidget(self.edit)
        self.override.toggled.connect(self._on_toggled)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())

    def _on_toggled(self, on: bool) -> None:
        self.edit.setVisible(on)
        self.computed.setEnabled(not on)
        if on and not self.edit.text() and not self.computed.property("awaitingName"):
            self.edit.setText(self.computed.text())
        self.changed.emit()

    def set_computed(self, text: str) -> None:
        self.computed.setText(text)

    def value(self) -> str | None:
        """The override, or None when the computed line applies."""
        text = self.edit.text().strip()
        return text if self.override.isChecked() and text else None

    def set_value(self, value: str | None) -> None:
        with QSignalBlocker(self.override), QSignalBlocker(self.edit):
            self.override.setChecked(bool(value))
            self.edit.setText(value or "")
            self.edit.setVisible(bool(value))
            self.computed.setEnabled(not value)


class HeaderForm(QWidget):
    """Everything above and below the body. `changed` fires on every edit; read it with `letter()`."""

    changed = Signal()

    def __init__(
        self,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
        saved_recipients: list[Recipient] | None = None,
        saved_signatories: list[Signatory] | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._recipients: list[Recipient] = [Recipient("")]
        self._saved_recipients = saved_recipients or []
        self._saved_signatories = saved_signatories or []
        self._batch = False
        self._loading = False
        self._styles: dict[str | None, HouseStyle] = {}
        self._organisations: dict[str | None, Organisation | None] = {}
        self._shown_language: str = LANGUAGES[0]
        self._build()

    # Layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        letter_box = QGroupBox(self.tr("Letter"), self)
        form = QFormLayout(letter_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow column: label above
        self.language = QComboBox(letter_box)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.letterhead = QComboBox(letter_box)
        for name in available_letterheads(self._data_dir):
            self.letterhead.addItem(name, name)
        self.place = QLineEdit(letter_box)
        # Shown when the letterhead has versions per language but none for this one, and the place is
        # its default: the writer sees the default was used (and the footer's address is the default).
        self.place_hint = QLabel(letter_box)
        self.place_hint.setWordWrap(True)
        self.place_hint.setVisible(False)
        self.date = QDateEdit(letter_box)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.subject = QLineEdit(letter_box)
        self.register = QComboBox(letter_box)
        self.register.addItem(self.tr("House style"), "house")
        self.register.addItem(self.tr("Formal (protocol)"), "formal")
        self.voice = QComboBox(letter_box)
        self.voice.addItem(self.tr("We (the organisation)"), "we")
        self.voice.addItem(self.tr("I (the signatory)"), "i")
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("Letter&head"), self.letterhead)
        form.addRow(self.tr("&Place"), self.place)
        form.addRow("", self.place_hint)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Subject"), self.subject)
        form.addRow(self.tr("&Register"), self.register)
        form.addRow(self.tr("&Voice"), self.voice)
        layout.addWidget(letter_box)
        layout.addWidget(self._build_recipients())
        layout.addWidget(self._build_signatories())
        other = QGroupBox(self.tr("Copies and cases"), self)
        other_form = QFormLayout(other)
        self.cc = QPlainTextEdit(other)
        self.cc.setPlaceholderText(self.tr("One line per copy recipient"))
        self.cc.setFixedHeight(self.cc.fontMetrics().lineSpacing() * 4)
        self.cases = QLineEdit(other)
        self.cases.setPlaceholderText(self.tr("Case references, separated by commas"))
        other_form.addRow(self.tr("&Cc"), self.cc)
        other_form.addRow(self.tr("Linked c&ases"), self.cases)
        layout.addWidget(other)
        layout.addStretch(1)
        fit_combos(self, pickers=(self.saved_recipient, self.saved_signatory))
        for label, widget in (
            (self.tr("Language"), self.language),
            (self.tr("Letterhead"), self.letterhead),
            (self.tr("Place"), self.place),
            (self.tr("Date"), self.date),
            (self.tr("Subject"), self.subject),
            (self.tr("Register"), self.register),
            (self.tr("Voice"), self.voice),
            (self.tr("Cc"), self.cc),
            (self.tr("Linked cases"), self.cases),
        ):
            widget.setAccessibleName(label)
        for combo in (self.language, self.letterhead, self.register, self.voice):
            combo.currentIndexChanged.connect(self._emit)
        for line in (self.place, self.subject, self.cases):
            line.textEdited.connect(self._emit)
        self.date.dateChanged.connect(self._emit)
        self.cc.textChanged.connect(self._emit)
        chain_focus(self, HEADER_FOCUS_ORDER)

    def focus_first(self) -> None:
        """The keyboard in the first field (a new letter, or View ▸ Go to Letter Header)."""
        self.language.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_recipients(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recipient"), self)
        layout = QVBoxLayout(box)
        self.recipient_list = QListWidget(box)
        self.recipient_list.setAccessibleName(self.tr("Recipients"))
        self.recipient_list.setMaximumHeight(self.recipient_list.fontMetrics().lineSpacing() * 4)
        buttons = QHBoxLayout()
        self.saved_recipient = QComboBox(box)
        self.saved_recipient.setAccessibleName(self.tr("Saved recipients"))
        self.saved_recipient.addItem(self.tr("Pick a saved recipient…"), None)
        for index, recipient in enumerate(self._saved_recipients):
            label = ", ".join(p for p in (recipient.name, recipient.title) if p)
            self.saved_recipient.addItem(label, index)
        self.add_recipient_button = QPushButton(self.tr("Add recipient"), box)
        self.remove_recipient_button = QPushButton(self.tr("Remove"), box)
        buttons.addWidget(self.add_recipient_button)
        buttons.addWidget(self.remove_recipient_button)
        buttons.addStretch(1)
        layout.addWidget(self.recipient_list)
        layout.addWidget(self.saved_recipient)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.r_name = QLineEdit(box)
        self.r_surname = QLineEdit(box)
        self.r_surname.setPlaceholderText(self.tr("Default: the surname found in the name"))
        # Shown only when the name leaves a real choice ("John Fitzgerald Kennedy"): the salutation and
        # the batch file name use the guess, so the user should see it may be wrong before sending.
        self.surname_hint = QLabel(self.tr("Surname guessed from the name: check it"), box)
        self.surname_hint.setAccessibleName(self.tr("Surname guessed from the name: check it"))
        self.surname_hint.setVisible(False)
        self.surname_hint.setWordWrap(True)
        self.r_gender = QComboBox(box)
        for gender, label in zip(
            GENDERS, (self.tr("Female"), self.tr("Male"), self.tr("Unspecified")), strict=True
        ):
            self.r_gender.addItem(label, gender)
        self.r_office = QComboBox(box)
        self.r_title = QLineEdit(box)
        self.r_title.setPlaceholderText(self.tr("The office as written in the address block"))
        self.r_organisation = QLineEdit(box)
        self.r_address = QPlainTextEdit(box)
        self.r_address.setFixedHeight(self.r_address.fontMetrics().lineSpacing() * 4)
        self.address_dative = DativeOverride(box)  # shown for Russian letters only (refresh_computed)
        self.salutation = OverridableLine(self.tr("Salutation"), box)
        self.closing = OverridableLine(self.tr("Closing"), box)
        # The address block's forms a declension library was unsure of (a Russian dative): shown beside
        # the salutation so the writer checks them before the letter goes out.
        self.address_note = QLabel(box)
        self.address_note.setWordWrap(True)
        self.address_note.setAccessibleName(self.tr("Address block to check"))
        self.address_note.setVisible(False)
        for label, widget in (
            (self.tr("&Name"), self.r_name),
            (self.tr("Su&rname"), self.r_surname),
            (self.tr("&Gender"), self.r_gender),
            (self.tr("&Office"), self.r_office),
            (self.tr("&Title"), self.r_title),
            (self.tr("Or&ganisation"), self.r_organisation),
            (self.tr("Addr&ess"), self.r_address),
            (self.tr("Address block (dative)"), self.address_dative),
            (self.tr("Salutation"), self.salutation),
            (self.tr("Closing"), self.closing),
        ):
            if isinstance(widget.findChild(QCheckBox), QCheckBox):  # a computed line and its Override box
                # Its name above it and the line across the column: beside a label the "Override" box
                # came out a few pixels short whenever the row just fitted.
                label_above(form, label, widget)
            else:
                form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
            if widget is self.r_surname:
                form.addRow("", self.surname_hint)
            if widget is self.salutation:
                form.addRow("", self.address_note)
        layout.addLayout(form)
        self._recipient_form = form
        self._fill_offices("en")
        self.recipient_list.currentRowChanged.connect(self._show_recipient)
        self.saved_recipient.activated.connect(self._pick_saved_recipient)
        self.add_recipient_button.clicked.connect(self.add_recipient)
        self.remove_recipient_button.clicked.connect(self.remove_recipient)
        for line in (self.r_name, self.r_surname, self.r_title, self.r_organisation):
            line.textEdited.connect(self._recipient_edited)
        for combo in (self.r_gender, self.r_office):
            combo.currentIndexChanged.connect(self._recipient_edited)
        self.r_address.textChanged.connect(self._recipient_edited)
        self.salutation.changed.connect(self._recipient_edited)
        self.closing.changed.connect(self._recipient_edited)
        self.address_dative.changed.connect(self._recipient_edited)
        return box

    def _build_signatories(self) -> QGroupBox:
        box = QGroupBox(self.tr("Signatories (in signing order)"), self)
        layout = QVBoxLayout(box)
        self.signatories = QTableWidget(0, 3, box)
        self.signatories.setAccessibleName(self.tr("Signatories"))
        self.signatories.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Title"), self.tr("Organisation")]
        )
        self.signatories.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.signatories.verticalHeader().setVisible(False)
        self.signatories.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signatories.setMaximumHeight(self.signatories.fontMetrics().lineSpacing() * 7)
        row = QHBoxLayout()
        self.saved_signatory = QComboBox(box)
        self.saved_signatory.setAccessibleName(self.tr("Saved signatories"))
        self.saved_signatory.addItem(self.tr("Add a saved signatory…"), None)
        for index, signatory in enumerate(self._saved_signatories):
            self.saved_signatory.addItem(", ".join(p for p in (signatory.name, signatory.title) if p), index)
        self.add_signatory_button = QPushButton(self.tr("Add"), box)
        self.remove_signatory_button = QPushButton(self.tr("Remove"), box)
        # Arrows, not words: four worded buttons made the form too wide for a small screen in Russian.
        self.up_button = QPushButton(box)
        self.down_button = QPushButton(box)
        for button, text, pixmap in (
            (self.up_button, self.tr("Up"), QStyle.StandardPixmap.SP_ArrowUp),
            (self.down_button, self.tr("Down"), QStyle.StandardPixmap.SP_ArrowDown),
        ):
            button.setIcon(button.style().standardIcon(pixmap))
            button.setToolTip(text)
            button.setAccessibleName(text)
        for button in (
            self.add_signatory_button,
            self.remove_signatory_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.signatories)
        self.title_hint = QLabel(box)  # a signatory's title that stands in for the letter's language
        self.title_hint.setWordWrap(True)
        layout.addWidget(self.title_hint)
        layout.addWidget(self.saved_signatory)
        layout.addLayout(row)
        self.signatories.itemChanged.connect(self._emit)
        self.saved_signatory.activated.connect(self._pick_saved_signatory)
        self.add_signatory_button.clicked.connect(lambda: self.add_signatory(Signatory("")))
        self.remove_signatory_button.clicked.connect(self.remove_signatory)
        self.up_button.clicked.connect(lambda: self.move_signatory(-1))
        self.down_button.clicked.connect(lambda: self.move_signatory(1))
        return box

    def _fill_offices(self, language: str) -> None:
        current = self.r_office.currentData()
        with QSignalBlocker(self.r_office):
            self.r_office.clear()
            for office in protocol.available_offices():
                self.r_office.addItem(protocol.office_label(office, language), office)
            index = self.r_office.findData(current)
            self.r_office.setCurrentIndex(max(index, 0))

    # Reading and writing ----------------------------------------------------------------------------

    def set_letter(self, letter: Letter) -> None:
        self._loading = True
        try:
            _select(self.language, letter.language)
            self._shown_language = letter.language
            if self.letterhead.findData(letter.letterhead or "iphr") < 0 and letter.letterhead:
                self.letterhead.addItem(letter.letterhead, letter.letterhead)
            _select(self.letterhead, letter.letterhead or "iphr")
            self.place.setText(letter.place)
            self.date.setDate(QDate(letter.date.year, letter.date.month, letter.date.day))
            self.subject.setText(letter.subject)
            _select(self.register, letter.register)
            _select(self.voice, letter.voice)
            self.cc.setPlainText("\n".join(letter.cc))
            self.cases.setText(", ".join(letter.cases))
            self._batch = letter.batch
            self._recipients = list(letter.recipients) or [Recipient("")]
            self._fill_offices(letter.language)
            self._refresh_recipient_list()
            self.recipient_list.setCurrentRow(0)
            self._show_recipient(0)
            with QSignalBlocker(self.signatories):
                self.signatories.setRowCount(0)
                for signatory in letter.signatories:
                    self._append_signatory_row(signatory)
        finally:
            self._loading = False
        self.refresh_computed()

    def letter(self, body: str = "") -> Letter:
        qdate = self.date.date()
        recipients = tuple(self._recipients)
        return Letter(
            language=self.language.currentData(),
            place=self.place.text().strip(),
            date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            subject=self.subject.text().strip(),
            recipients=recipients,
            signatories=self._signatory_values(),
            body=body,
            register=self.register.currentData(),
            voice=self.voice.currentData(),
            cc=tuple(line.strip() for line in self.cc.toPlainText().splitlines() if line.strip()),
            cases=tuple(part.strip() for part in self.cases.text().split(",") if part.strip()),
            letterhead=self.letterhead.currentData(),
            batch=self._batch or len(recipients) > 1,
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
            elif isinstance(widget, QComboBox | QDateEdit | QPushButton | QCheckBox):
                widget.setEnabled(not read_only)
        self.signatories.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.recipient_list.setEnabled(True)

    def organisation(self) -> Organisation | None:
        """The chosen letterhead's organisation profile, read once per letterhead."""
        name = self.letterhead.currentData()
        if name not in self._organisations:
            self._organisations[name] = organisation_for(name, self._data_dir)
        return self._organisations[name]

    def _follow_language(self, language: str) -> None:
        """Replace the place by the letterhead's place in `language` while it is still the previous
        language's default (never a place the user typed)."""
        previous, self._shown_language = self._shown_language, language
        organisation = self.organisation()
        if organisation is None or previous == language:
            return
        old, new = organisation.place_for(previous), organisation.place_for(language)
        if old and new and self.place.text().strip() == old:
            self.place.setText(new)

    def _refresh_place_hint(self) -> None:
        organisation = self.organisation()
        language = self.language.currentData()
        default = organisation.place_for(language) if organisation is not None else None
        shown = (
            organisation is not None
            and not organisation.has_version(language)
            and bool(default)
            and self.place.text().strip() == default
        )
        name = LANGUAGE_NAMES.get(language, language)
        self.place_hint.setText(
            self.tr("The letterhead has no version in %1: its default place and address are used.").replace(
                "%1", name
            )
        )
        self.place_hint.setVisible(shown)

    def house_style(self) -> HouseStyle:
        """The chosen letterhead's style, read once per letterhead (not on every keystroke)."""
        name = self.letterhead.currentData()
        if name not in self._styles:
            self._styles[name] = style_for(name, self._data_dir)
        return self._styles[name]

    # Recipients -------------------------------------------------------------------------------------

    def current_recipient_index(self) -> int:
        return max(self.recipient_list.currentRow(), 0)

    def _refresh_recipient_list(self) -> None:
        with QSignalBlocker(self.recipient_list):
            row = self.recipient_list.currentRow()
            self.recipient_list.clear()
            for recipient in self._recipients:
                self.recipient_list.addItem(recipient.name or self.tr("(new recipient)"))
            self.recipient_list.setCurrentRow(min(max(row, 0), len(self._recipients) - 1))
        self.remove_recipient_button.setEnabled(len(self._recipients) > 1)

    def _show_recipient(self, row: int) -> None:
        if row < 0 or row >= len(self._recipients):
            return
        recipient = self._recipients[row]
        self._loading, was_loading = True, self._loading
        try:
            for widget in (
                self.r_name,
                self.r_surname,
                self.r_title,
                self.r_organisation,
                self.r_address,
                self.r_gender,
                self.r_office,
            ):
                widget.blockSignals(True)
            self.r_name.setText(recipient.name)
            self.r_surname.setText(recipient.surname or "")
            _select(self.r_gender, recipient.gender)
            _select(self.r_office, recipient.office)
            self.r_title.setText(recipient.title or "")
            self.r_organisation.setText(recipient.organisation or "")
            self.r_address.setPlainText(recipient.address or "")
            self.salutation.set_value(recipient.salutation)
            self.closing.set_value(recipient.closing)
            self.address_dative.set_value(recipient.address_dative)
        finally:
            for widget in (
                self.r_name,
                self.r_surname,
                self.r_title,
                self.r_organisation,
                self.r_address,
                self.r_gender,
                self.r_office,
            ):
                widget.blockSignals(False)
            self._loading = was_loading
        self.refresh_computed()

    def _recipient_from_fields(self) -> Recipient:
        return Recipient(
            name=self.r_name.text().strip(),
            surname=self.r_surname.text().strip() or None,
            gender=self.r_gender.currentData(),
            office=self.r_office.currentData(),
            title=self.r_title.text().strip() or None,
            organisation=self.r_organisation.text().strip() or None,
            address=self.r_address.toPlainText().strip() or None,
            salutation=self.salutation.value(),
            closing=self.closing.value(),
            address_dative=self.address_dative.value(),
        )

    def _recipient_edited(self) -> None:
        if self._loading:
            return
        row = self.current_recipient_index()
        self._recipients[row] = self._recipient_from_fields()
        item = self.recipient_list.item(row)
        if item is not None:
            item.setText(self._recipients[row].name or self.tr("(new recipient)"))
        self._emit()

    def set_recipient(self, recipient: Recipient, row: int | None = None) -> None:
        """Put `recipient` in the form (the current row by default), as if typed."""
        row = self.current_recipient_index() if row is None else row
        self._recipients[row] = recipient
        self._refresh_recipient_list()
        self.recipient_list.setCurrentRow(row)
        self._show_recipient(row)
        self._emit()

    def add_recipient(self, recipient: Recipient | None = None) -> None:
        self._recipients.append(recipient or Recipient(""))
        self._refresh_recipient_list()
        self.recipient_list.setCurrentRow(len(self._recipients) - 1)
        self._emit()

    def remove_recipient(self) -> None:
        if len(self._recipients) <= 1:
            return
        del self._recipients[self.current_recipient_index()]
        self._refresh_recipient_list()
        self._show_recipient(self.current_recipient_index())
        self._emit()

    def _pick_saved_recipient(self, index: int) -> None:
        data = self.saved_recipient.itemData(index)
        if isinstance(data, int) and 0 <= data < len(self._saved_recipients):
            self.set_recipient(self._saved_recipients[data])
        self.saved_recipient.setCurrentIndex(0)

    # Signatories ------------------------------------------------------------------------------------

    def _append_signatory_row(self, signatory: Signatory) -> None:
        row = self.signatories.rowCount()
        self.signatories.insertRow(row)
        self.signatories.setItem(row, 0, QTableWidgetItem(signatory.name))
        self.signatories.setItem(row, 1, title_item(signatory, self._shown_language))
        self.signatories.setItem(row, 2, QTableWidgetItem(signatory.organisation or ""))

    def _signatory_values(self) -> tuple[Signatory, ...]:
        values = []
        for row in range(self.signatories.rowCount()):
            cells = [self.signatories.item(row, c) for c in range(3)]
            texts = [(cell.text().strip() if cell is not None else "") for cell in cells]
            if texts[0]:
                values.append(signatory_from_cells(texts[0], cells[1], texts[2]))
        return tuple(values)

    def add_signatory(self, signatory: Signatory) -> None:
        with QSignalBlocker(self.signatories):
            self._append_signatory_row(signatory)
        self.signatories.setCurrentCell(self.signatories.rowCount() - 1, 0)
        first = self.signatories.item(self.signatories.rowCount() - 1, 0)
        if not signatory.name and first is not None:
            self.signatories.editItem(first)
        self._emit()

    def remove_signatory(self) -> None:
        row = self.signatories.currentRow()
        if row >= 0:
            self.signatories.removeRow(row)
            self._emit()

    def move_signatory(self, step: int) -> None:
        row = self.signatories.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.signatories.rowCount():
            return
        with QSignalBlocker(self.signatories):
            for column in range(3):
                upper = self.signatories.takeItem(row, column)
                lower = self.signatories.takeItem(target, column)
                self.signatories.setItem(row, column, lower)
                self.signatories.setItem(target, column, upper)
        self.signatories.setCurrentCell(target, 0)
        self._emit()

    def _pick_saved_signatory(self, index: int) -> None:
        data = self.saved_signatory.itemData(index)
        if isinstance(data, int) and 0 <= data < len(self._saved_signatories):
            self.add_signatory(self._saved_signatories[data])
        self.saved_signatory.setCurrentIndex(0)

    # Computed lines ---------------------------------------------------------------------------------

    def refresh_computed(self) -> None:
        """Show what the protocol tables give for the current recipient (overrides aside)."""
        letter = self.letter()
        recipient = replace(self._recipients[self.current_recipient_index()], salutation=None, closing=None)
        style = self.house_style()
        try:
            salutation = protocol.salutation_for(
                recipient, letter.language, letter.register, letter.voice, style
            )
            closing = protocol.closing_for(
                replace(recipient, salutation=self.salutation.value()),
                letter.language,
                letter.register,
                letter.voice,
                style,
            )
        except IphrError as exc:
            salutation = closing = str(exc)
        try:
            notes = protocol.address_block_for(recipient, letter.language, letter.register).notes
        except IphrError:
            notes = ()
        self.address_note.setText(self.tr("Check the declension: %1").replace("%1", " ".join(notes)))
        self.address_note.setVisible(bool(notes))
        awaiting = awaits_name(recipient, letter.language, letter.register, letter.voice, style)
        show_computed(self.salutation.computed, self.salutation.edit, salutation, awaiting)
        self.closing.set_computed(closing)
        self._refresh_place_hint()
        show_language_parts(self._recipient_form, self.address_dative, self.title_hint, recipient, letter)
        guess = surname_of(recipient.name, letter.language)
        self.surname_hint.setVisible(not recipient.surname and guess.ambiguous)

    def computed_salutation(self) -> str:
        return self.salutation.value() or self.salutation.computed.text()

    def computed_closing(self) -> str:
        return self.closing.value() or self.closing.computed.text()

    def _emit(self, *_args: object) -> None:
        if self._loading:
            return
        if self.sender() is self.language:
            self._fill_offices(self.language.currentData())
            self._follow_language(self.language.currentData())
            retitle_signatories(self.signatories, self._signatory_values(), self._shown_language)
        self.refresh_computed()
        self.changed.emit()


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
