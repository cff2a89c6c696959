"""Offer to keep a typed recipient in the address book, without getting in the way.

A writer who types a new recipient into a letter will want them again. When the letter is saved (by the
autosave or a save point) while the name field is no longer being typed in, and the recipient's name was
typed in this editor (not one the letter already had, nor one picked from the address book) and is not in
the address book, a bar above the form offers "Save to address book" / "Not now". Closing the letter
with the offer unanswered asks once more, in a non-modal box. "Not now" is remembered for that name while
the letter is open, so the offer never nags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from iphr_desk.core.errors import IphrError

if TYPE_CHECKING:
    from iphr_desk.core.letters.letter import Recipient
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.editor.header_form import HeaderForm


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class RecipientOffer(QFrame):
    """The bar; `saved(name)` fires once the recipient is in the address book."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, form: HeaderForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipientOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._ctx = ctx
        self._form = form
        self._declined: set[str] = set()
        self._typed: dict[int, str] = {}  # recipient index -> the name typed for them in this editor
        form.r_name.textEdited.connect(self._on_name_typed)
        self._known: set[str] | None = None  # the address book's names, read once then kept up to date
        self.recipient: Recipient | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save to address book"), self)
        self.not_now_button = QPushButton(self.tr("Not now"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.text, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.not_now_button)
        self.save_button.clicked.connect(self.save)
        self.not_now_button.clicked.connect(self.decline)
        self.setVisible(False)

    def _known_names(self) -> set[str]:
        if self._known is None:
            from iphr_desk.core.store.repository import address_book

            try:
                self._known = {_key(r.recipient.name) for r in address_book.list_recipients(self._ctx.store)}
            except IphrError:
                self._known = set()
        return self._known

    def _on_name_typed(self, text: str) -> None:
        self._typed[self._form.current_recipient_index()] = _key(text)

    def candidate(self) -> Recipient | None:
        """The current recipient when they are worth offering: typed here, named, new, not declined."""
        index = self._form.current_recipient_index()
        recipients = self._form.letter().recipients
        if not 0 <= index < len(recipients):
            return None
        recipient = recipients[index]
        key = _key(recipient.name)
        if not key or key not in self._typed.values():
            return None
        if key in self._declined or key in self._known_names():
            return None
        return recipient

    def check(self) -> None:
        """Show or hide the bar for the current recipient (called after a save)."""
        if self._form.r_name.hasFocus():
            return  # still typing the name: "Kaj" is nobody to save
        recipient = self.candidate()
        self.recipient = recipient
        if recipient is None:
            self.setVisible(False)
            return
        self.text.setText(
            self.tr("%1 is not in the address book. Save this recipient for later letters?").replace(
                "%1", recipient.name
            )
        )
        self.setVisible(True)

    def save(self) -> None:
        from iphr_desk.core.store.repository import address_book

        recipient = self.recipient or self.candidate()
        if recipient is None:
            return
        language = self._form.letter().language
        try:
            address_book.add_recipient(self._ctx.store, recipient, language=language)
        except IphrError as exc:
            self._ctx.services.error(self, self.tr("Could not save the recipient"), str(exc))
            return
        self._known_names().add(_key(recipient.name))
        self.setVisible(False)
        self._tell_views()
        self.saved.emit(recipient.name)

    def _tell_views(self) -> None:
        _records_changed(getattr(self.parentWidget(), "letter_actions", None))

    def decline(self) -> None:
        if self.recipient is not None:
            self._declined.add(_key(self.recipient.name))
        self.setVisible(False)

    def offer_on_close(self, parent: QWidget) -> QMessageBox | None:
        """The letter is closing with the offer unanswered: ask once more, in a box that blocks nothing."""
        recipient = self.candidate()
        if recipient is None:
            return None
        box = QMessageBox(parent)
        box.setObjectName("recipientOfferBox")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Save to address book"))
        box.setText(
            self.tr("%1 is not in the address book. Save this recipient for later letters?").replace(
                "%1", recipient.name
            )
        )
        save = box.addButton(self.tr("Save to address book"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        # Taken now: the editor (this bar's parent) is deleted while the box waits for an answer.
        ctx, language = self._ctx, self._form.letter().language
        actions = getattr(self.parentWidget(), "letter_actions", None)

        def answered(button: object) -> None:
            if button is not save:
                return
            from iphr_desk.core.store.repository import address_book

            try:
                address_book.add_recipient(ctx.store, recipient, language=language)
            except IphrError as exc:
                ctx.services.error(parent, box.windowTitle(), str(exc))
                return
            _records_changed(actions)

        box.buttonClicked.connect(answered)
        box.show()
        return box


def _records_changed(actions: object) -> None:
    """The window's Recipients list reads the address book again (told through the letter actions)."""
    from iphr_desk.gui.store_op import Changes

    changed = getattr(actions, "changed", None)
    if changed is not None:
        changed.emit(Changes.RECORDS)
