"""The header form's pieces that depend on the letter's language: signatory titles per language with
their visible fallback, and the hand-typed Russian address block (issue 14).

Kept apart from header_form.py so that the form's layout and these rules can change independently;
the form creates the widgets and calls these helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.errors import IphrError
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.protocol.address import computed_dative_lines

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "ru": "Русский", "de": "Deutsch"}

#: Item data of a signatory's title cell: the titles per language, the general title, and the language
#: whose title the cell shows and edits (None: the general title).
TITLES_ROLE = Qt.ItemDataRole.UserRole
GENERAL_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("LetterLanguages", text)


def title_item(signatory: Signatory, language: str) -> QTableWidgetItem:
    """The title cell for `language`, showing the title the letter prints.

    It edits the signatory's title in that language when it has one, or when the title shown is a
    stand-in (typing there gives the language its own title); otherwise the general title. A stand-in
    is in italics with a tooltip, so the writer sees it is not this language's title.
    """
    choice = signatory.title_for(language)
    item = QTableWidgetItem(choice.text or "")
    item.setData(TITLES_ROLE, signatory.titles)
    item.setData(GENERAL_ROLE, signatory.title)
    own = language in dict(signatory.titles)
    item.setData(LANGUAGE_ROLE, language if own or choice.fallback else None)
    if choice.fallback:
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setToolTip(fallback_sentence(signatory, language))
    elif signatory.titles:
        item.setToolTip(" · ".join(f"{lang}: {title}" for lang, title in signatory.titles))
    return item


def signatory_from_cells(name: str, title: QTableWidgetItem | None, organisation: str) -> Signatory:
    """The signatory a row holds: the title cell's text goes back where it came from."""
    text = title.text().strip() if title is not None else ""
    if title is None or (title.data(GENERAL_ROLE) is None and not title.data(TITLES_ROLE)):
        return Signatory(name, text or None, organisation or None)  # a row typed in, or a plain title
    titles = dict(title.data(TITLES_ROLE) or ())
    general = title.data(GENERAL_ROLE)
    language = title.data(LANGUAGE_ROLE)
    if language is None:
        general = text or None
    elif language in titles or text != (
        Signatory(name, general, titles=tuple(titles.items())).title_for(language).text or ""
    ):
        titles[language] = text  # this language's own title, typed or changed (blank removes it)
    return Signatory(name, general, organisation or None, tuple(titles.items()))


def fallback_sentence(signatory: Signatory, language: str) -> str:
    choice = signatory.title_for(language)
    return (
        _tr("%1 has no title in %2: “%3” is used.")
        .replace("%1", signatory.name)
        .replace("%2", LANGUAGE_NAMES.get(language, language))
        .replace("%3", choice.text or "")
    )


def title_fallbacks(signatories: Sequence[Signatory], language: str) -> str:
    """One sentence per signatory whose title in `language` is a stand-in; empty when there is none."""
    return " ".join(fallback_sentence(s, language) for s in signatories if s.title_for(language).fallback)


def show_language_parts(
    form: QFormLayout, dative: DativeOverride, title_hint: QLabel, recipient: Recipient, letter: Letter
) -> None:
    """The Russian address block as computed (its row shown for Russian letters only), and a sentence
    for each signatory whose title in the letter's language is a stand-in."""
    russian = letter.language == "ru"
    form.setRowVisible(dative, russian)
    if russian:
        try:
            lines = computed_dative_lines(replace(recipient, address_dative=None), letter.register)
        except IphrError:
            lines = ()
        dative.set_computed(lines)
    fallbacks = title_fallbacks(letter.signatories, letter.language)
    title_hint.setText(fallbacks)
    title_hint.setVisible(bool(fallbacks))


def retitle_signatories(table: QTableWidget, signatories: Sequence[Signatory], language: str) -> None:
    """Show each signatory row's title in `language` (after the letter's language changed)."""
    with QSignalBlocker(table):
        for row, signatory in enumerate(signatories):
            if row < table.rowCount():
                table.setItem(row, 1, title_item(signatory, language))


class DativeOverride(QWidget):
    """The Russian address block as computed (pymorphy3, pytrovich), and an "Override" box that opens it
    for typing by hand, prefilled with the computed lines; what is typed is the recipient's
    `address_dative`, which the export and the preview print instead."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.computed = QLabel(self)
        self.computed.setWordWrap(True)
        self.computed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.computed.setAccessibleName(self.tr("Computed address block in the dative"))
        self.override = QCheckBox(self.tr("Override"), self)
        self.override.setToolTip(self.tr("Type the address block by hand where the computed dative is wrong"))
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(self.tr("Address block in the dative, typed by hand"))
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4)
        self.edit.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.computed, 1)
        row.addWidget(self.override)
        layout.addLayout(row)
        layout.addWidget(self.edit)
        self.override.toggled.connect(self._on_toggled)
        self.edit.textChanged.connect(self.changed.emit)

    def _on_toggled(self, on: bool) -> None:
        self.edit.setVisible(on)
        self.computed.setEnabled(not on)
        if on and not self.edit.toPlainText().strip():
            with QSignalBlocker(self.edit):
                self.edit.setPlainText(self.computed.text())
        self.changed.emit()

    def set_computed(self, lines: Sequence[str]) -> None:
        self.computed.setText("\n".join(lines))

    def value(self) -> str | None:
        """The typed block, or None when the computed one applies."""
        text = self.edit.toPlainText().strip()
        return text if self.override.isChecked() and text else None

    def set_value(self, value: str | None) -> None:
        with QSignalBlocker(self.override), QSignalBlocker(self.edit):
            self.override.setChecked(bool(value))
            self.edit.setPlainText((value or "").strip("\n"))
            self.edit.setVisible(bool(value))
            self.computed.setEnabled(not value)
