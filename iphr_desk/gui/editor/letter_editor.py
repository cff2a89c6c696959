"""One stored letter open for writing: header form, body, live preview, cases, revisions and review.

The shell puts a `LetterEditor` in a tab and only needs its contract: `titleChanged(str)`,
`saved(int)`, `statusChanged(int, str)`, `letter_id`, `flush()` (called before the tab or the window
closes) and `release()` (when its tab closes). Panels talk to the editor through signals; the editor
talks to the store for its own text, and goes through `LetterActions` (letter_actions.py) for what the
list can do too — status changes, export — so both take the same path and record the same author.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Property, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.errors import IphrError
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.core.vocabularies import is_read_only
from iphr_desk.gui.context import AppContext
from iphr_desk.gui.editor.autosave import Autosave, SaveState
from iphr_desk.gui.editor.body_editor import BodyEditor
from iphr_desk.gui.editor.case_panel import CasePanel
from iphr_desk.gui.editor.header_form import HeaderForm
from iphr_desk.gui.editor.pane_layout import PaneLayout
from iphr_desk.gui.editor.preview import PreviewPane
from iphr_desk.gui.editor.recipient_offer import RecipientOffer
from iphr_desk.gui.editor.review_panel import ReviewPanel, status_label
from iphr_desk.gui.editor.revisions import RevisionsPanel
from iphr_desk.gui.letter_actions import LetterActions
from iphr_desk.gui.widgets.elided_label import ElidedLabel

PREVIEW_DELAY_MS = 300
T = TypeVar("T")


class LetterEditor(QWidget):
    titleChanged = Signal(str)
    saved = Signal(int)
    statusChanged = Signal(int, str)

    def __init__(
        self,
        ctx: AppContext,
        letter_id: int,
        parent: QWidget | None = None,
        *,
        actions: LetterActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._letter_id = letter_id
        #: The window's letter actions; an editor on its own (tests) makes its own, same code.
        self.letter_actions = actions if actions is not None else LetterActions(ctx, self)
        self._status = "draft"
        self._title = ""
        self._shown_cases: tuple[str, ...] = ()
        self.autosave = Autosave(self._save, self)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self._load()
        self.autosave.stateChanged.connect(self._show_save_state)
        self.form.changed.connect(self._on_changed)
        self.body.changed.connect(self._on_changed)
        self.form.recipient_list.currentRowChanged.connect(lambda _row: self.update_preview())
        self.letter_actions.statusChanged.connect(self._on_status_changed)
        self.letter_actions.register_editor(self._letter_id, self)

    # Contract ---------------------------------------------------------------------------------------

    def _get_letter_id(self) -> int:
        return self._letter_id

    letter_id = Property(int, _get_letter_id)

    def flush(self) -> bool:
        """Save pending changes now (before the tab closes, or an action on the letter); False if it failed.

        A failure is told here, in one dialog, so callers only decide whether to go on.
        """
        if self.autosave.flush():
            return True
        self._ctx.services.error(
            self,
            self.tr("The letter could not be saved"),
            self.tr(
                "Your last changes to this letter were not saved: %1\n"
                "Fix the problem (for example, give the letter a signatory) and save again."
            ).replace("%1", self.autosave.error or ""),
        )
        return False

    def release(self) -> None:
        """The tab is closing: the letter actions stop saving this editor before acting on its letter."""
        self.letter_actions.unregister_editor(self._letter_id, self)

    def reload(self) -> None:
        """Read the letter again from the store (after a change made elsewhere, e.g. from the list).

        Pending edits are saved first, so reloading never throws work away.
        """
        self.flush()
        self._load()
        self.revisions.refresh()
        self.review.refresh()

    # Layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        store = self._ctx.store
        recipients = [r.recipient for r in _safe(lambda: address_book.list_recipients(store), [])]
        signatories = [s.signatory for s in _safe(lambda: address_book.list_signatories(store), [])]
        self.form = HeaderForm(self._ctx.data_dir, self, recipients, signatories)
        self.body = BodyEditor(self._ctx.services, self)
        self.preview = PreviewPane(self._ctx.data_dir, self)
        self.cases = CasePanel(store, self)
        self.revisions = RevisionsPanel(store, self._letter_id, self)
        self.review = ReviewPanel(store, self._letter_id, self.author, self)

        self.title_label = ElidedLabel(self)  # a long subject must not widen the window
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Review status"))
        self.save_state = QLabel(self)
        self.save_state.setAccessibleName(self.tr("Save state"))
        self.save_revision_button = QPushButton(self.tr("Save revision"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.save_state)
        top.addWidget(self.save_revision_button)
        top.addWidget(self.export_button)

        self.read_only_banner = QFrame(self)
        self.read_only_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.read_only_banner)
        self.read_only_text = QLabel(self.read_only_banner)
        self.reopen_button = QPushButton(self.tr("Reopen"), self.read_only_banner)
        banner.addWidget(self.read_only_text, 1)
        banner.addWidget(self.reopen_button)

        # Form | body | side panes; form and side panes as tabs | body when space is short (pane_layout.py).
        self.panes = PaneLayout(
            self,
            self.form,
            self.tr("Details"),
            self.body,
            self.body.text,
            [
                (self.preview, self.tr("Preview")),
                (self.cases, self.tr("Cases")),
                (self.review, self.tr("Review")),
                (self.revisions, self.tr("Revisions")),
            ],
        )
        self.splitter = self.panes.splitter
        self.side = self.panes.side

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)  # the body's width matters more than a frame of air
        layout.addLayout(top)
        layout.addWidget(self.read_only_banner)
        self.recipient_offer = RecipientOffer(self._ctx, self.form, self)
        layout.addWidget(self.recipient_offer)
        self.saved.connect(lambda _id: self.recipient_offer.check())
        layout.addWidget(self.splitter, 1)

        self.save_revision_action = QAction(self.tr("Save revision"), self)
        self.save_revision_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_revision_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_revision_action)
        self.save_revision_action.triggered.connect(self.save_revision)
        self.save_revision_button.clicked.connect(self.save_revision)
        self.export_button.clicked.connect(self.export)
        self.reopen_button.clicked.connect(lambda: self.change_status("draft"))
        self.review.statusChangeRequested.connect(self.change_status)
        self.revisions.restoreRequested.connect(self.restore_revision)
        self.cases.insert_into(self.body, self.form.letter, self.form.house_style)
        self.setFocusProxy(self.body.text)  # the tab's focus goes to the letter's text

    # Keyboard and panes -----------------------------------------------------------------------------

    def focus_header(self) -> None:
        """The keyboard in the first header field (View ▸ Go to Letter Header, and after Ctrl+N)."""
        self.panes.show_details()
        self.form.focus_first()

    def focus_body(self) -> None:
        """The keyboard in the letter's text (View ▸ Go to Letter Body)."""
        self.body.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def side_visible(self) -> bool:
        return self.panes.side_shown

    def set_side_visible(self, shown: bool) -> None:
        """Show or hide the preview, cases, review and revisions (View ▸ Letter Side Panel)."""
        self.panes.set_side_shown(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.panes.fit(self.splitter.width() or self.width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.panes.update_minimums()
        self.panes.fit(self.splitter.width() or self.width())

    def author(self) -> str:
        """Who is writing: the profile's name (profile.current_user), read at each save."""
        return self.letter_actions.author()

    # Loading and saving -----------------------------------------------------------------------------

    def _load(self) -> None:
        info = letter_repo.get_letter_info(self._ctx.store, self._letter_id)
        self.form.set_letter(info.letter)
        self.body.set_markdown(info.letter.body)
        self._apply_status(info.status)
        self._set_title(info.letter.subject)
        self._shown_cases = info.letter.cases
        self.cases.show_cases(info.letter.cases)
        self.update_preview()
        self._show_save_state(self.autosave.state.value)

    def current_letter(self) -> Letter:
        return self.form.letter(self.body.markdown())

    def _save(self) -> None:
        letter_repo.save_letter(self._ctx.store, self._letter_id, self.current_letter(), author=self.author())
        self.saved.emit(self._letter_id)

    def _on_changed(self) -> None:
        self.autosave.mark_dirty()
        self._preview_timer.start()
        self._set_title(self.form.subject.text().strip())

    def _set_title(self, subject: str) -> None:
        title = subject or self.tr("Untitled letter")
        self.title_label.setText(title)
        if title != self._title:
            self._title = title
            self.titleChanged.emit(title)

    def title(self) -> str:
        return self._title

    def _show_save_state(self, state: str) -> None:
        texts = {
            SaveState.SAVED.value: self.tr("Saved"),
            SaveState.SAVING.value: self.tr("Saving…"),
            SaveState.UNSAVED.value: self.tr("Unsaved changes"),
            SaveState.FAILED.value: self.tr("Not saved: %1").replace("%1", self.autosave.error or ""),
            SaveState.READ_ONLY.value: self.tr("Read-only"),
        }
        self.save_state.setText(texts.get(state, state))
        self.save_state.setToolTip(self.autosave.error or "")
        if state == SaveState.SAVING.value and self.save_state.isVisible():
            self.save_state.repaint()  # the save runs on this thread: paint "Saving…" before it starts

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.form.refresh_computed()
        letter = self.current_letter()
        self.preview.show_letter(letter, self.form.current_recipient_index())
        if letter.cases != self._shown_cases:
            self._shown_cases = letter.cases
            self.cases.show_cases(letter.cases)

    def save_revision(self) -> None:
        """A save point: save now and keep a revision ("save point") to compare or restore later."""
        if self.is_read_only():
            return
        self.autosave.flush()
        try:
            letter_repo.save_letter(
                self._ctx.store,
                self._letter_id,
                self.current_letter(),
                author=self.author(),
                revision_reason="save point",
            )
        except IphrError as exc:
            self._error(self.tr("The revision could not be saved"), exc)
            return
        self.saved.emit(self._letter_id)
        self.revisions.refresh()

    def restore_revision(self, revision_id: int) -> None:
        if self.is_read_only():
            return
        if not self._ctx.services.ask_yes_no(
            self,
            self.tr("Restore revision"),
            self.tr("Replace the letter with this revision? The current text stays in the revision list."),
        ):
            return
        self.autosave.flush()
        try:
            revision_repo.restore_revision(
                self._ctx.store, self._letter_id, revision_id, author=self.author()
            )
        except IphrError as exc:
            self._error(self.tr("The revision could not be restored"), exc)
            return
        self._load()
        self.revisions.refresh()
        self.saved.emit(self._letter_id)

    # Review -----------------------------------------------------------------------------------------

    def status(self) -> str:
        return self._status

    def is_read_only(self) -> bool:
        return is_read_only(self._status)

    def change_status(self, new_status: str) -> bool:
        """Through the letter actions, as the list does: saved first, the author recorded, views told."""
        return self.letter_actions.change_status(self._letter_id, new_status)

    def _on_status_changed(self, letter_id: int, status: str) -> None:
        """A status change from anywhere (this editor, the list, a menu): show it, read-only if it is."""
        if letter_id != self._letter_id:
            return
        self._apply_status(status)
        self.revisions.refresh()
        self.review.refresh_comments()
        self.statusChanged.emit(self._letter_id, status)

    def _apply_status(self, status: str) -> None:
        self._status = status
        read_only = is_read_only(status)
        self.status_label.setText(status_label(status))
        self.review.show_status(status)
        self.form.set_read_only(read_only)
        self.body.set_read_only(read_only)
        self.revisions.set_read_only(read_only)
        self.save_revision_button.setEnabled(not read_only)
        self.autosave.set_read_only(read_only)
        self.read_only_banner.setVisible(read_only)
        self.read_only_text.setText(
            self.tr(
                "This letter is %1 and cannot be changed. Reopen it to edit (it goes back to draft)."
            ).replace("%1", status_label(status).lower())
        )
        self._show_save_state(self.autosave.state.value)

    # Export -----------------------------------------------------------------------------------------

    def export(self) -> None:
        self.letter_actions.export([self._letter_id])

    def _error(self, title: str, exc: IphrError) -> None:
        self._ctx.services.error(self, title, str(exc))


def _safe(call: Callable[[], list[T]], default: list[T]) -> list[T]:
    """An address-book list, or `default` when the store cannot give it (the editor still opens)."""
    try:
        return call()
    except IphrError:
        return default
