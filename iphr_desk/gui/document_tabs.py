"""The window's tabs: the lists in the first tab (never closed), then one editor tab per open letter.

A widget of its own so the window need not know how an editor is made, titled, saved or closed: it asks
for a letter to be shown (`open_letter`) and hears when an editor saved (`letterSaved`). Every editor
is saved before its tab closes; a failed save is told, never silent.

It also keeps the tabs true to the store: a new letter closed untouched leaves nothing behind, a tab is
titled by its subject as it is typed ("New letter" before one), and the open letters with their scroll
positions come back at the next start (`attach`), skipping quietly a letter trashed or gone meanwhile.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTabBar, QTabWidget, QWidget

from iphr_desk.gui.services import Services

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.letter_actions import LetterActions

TITLE_CHARS = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentTabs", text)


class DocumentTabs(QTabWidget):
    """Tab 0 holds `lists`; tabs 1… hold `LetterEditor`s, at most one per letter."""

    #: An editor saved its letter (the window reads the list again when typing pauses).
    letterSaved = Signal(int)
    #: A new letter closed untouched was deleted (the lists read again).
    letterDiscarded = Signal(int)

    def __init__(self, lists: QWidget, title: str, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._ctx: AppContext | None = None
        self._actions: LetterActions | None = None
        self.setObjectName("documentTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setAccessibleName(_tr("Lists and open letters"))
        self.addTab(lists, title)
        bar = self.tabBar()
        bar.setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        bar.setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)

    def attach(self, ctx: AppContext, actions: LetterActions) -> None:
        """The store is open: follow the letter actions' close requests and reopen the last session's tabs."""
        self._ctx = ctx
        self._actions = actions
        actions.closeRequested.connect(self.close_letter)
        self.window().installEventFilter(self)  # closing the window closes untouched new letters too
        QTimer.singleShot(0, self.restore_session)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.discard_untouched()
        return super().eventFilter(watched, event)

    def discard_untouched(self) -> None:
        """Close the tabs of new letters nobody worked on (they are deleted), before the window closes."""
        for index in reversed(range(1, self.count())):
            if self.is_untouched(self.widget(index)):
                self.close_tab(index)

    def editors(self) -> list[QWidget]:
        widgets = (self.widget(i) for i in range(1, self.count()))
        return [widget for widget in widgets if widget is not None]

    def find_editor(self, letter_id: int) -> int:
        """The tab index of the editor showing `letter_id`, or -1."""
        for index in range(1, self.count()):
            if getattr(self.widget(index), "letter_id", None) == letter_id:
                return index
        return -1

    def current_letter_id(self) -> int | None:
        """The letter of the current editor tab; None on the lists."""
        letter_id = getattr(self.currentWidget(), "letter_id", None) if self.currentIndex() > 0 else None
        return int(letter_id) if letter_id is not None else None

    def open_letter(
        self, ctx: AppContext, actions: LetterActions | None, letter_id: int, title: str = ""
    ) -> QWidget | None:
        """Show the letter's editor, made on first use; None when this build has no editor.

        The tab is titled by the letter's subject (the editor tells it), whatever `title` the caller
        guessed; `title` is kept only for an editor that names no subject.
        """
        self._ctx = self._ctx or ctx
        self._actions = self._actions or actions
        index = self.find_editor(letter_id)
        if index >= 0:
            self.setCurrentIndex(index)
            return self.widget(index)
        try:
            from iphr_desk.gui.editor.letter_editor import LetterEditor
        except ImportError:
            self._services.info(
                self, _tr("Letter Editor"), _tr("The letter editor is not available in this build.")
            )
            return None
        editor = LetterEditor(ctx, letter_id, self, actions=actions)
        editor.titleChanged.connect(lambda _text, e=editor: self._set_title(e))
        editor.saved.connect(self.letterSaved)
        index = self.addTab(editor, title)
        self._set_title(editor, title)
        self.setCurrentIndex(index)
        return editor

    def _set_title(self, editor: QWidget, fallback: str = "") -> None:
        """Title the tab by the subject in the form as typed, or "New letter" while it has none."""
        index = self.indexOf(editor)
        if index <= 0:
            return
        form = getattr(editor, "form", None)
        subject_edit = getattr(form, "subject", None)
        subject = subject_edit.text().strip() if subject_edit is not None else fallback
        title = subject or _tr("New letter")
        shown = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
        self.setTabText(index, shown)
        self.setTabToolTip(index, title)

    def close_tab(self, index: int) -> None:
        """Close an editor tab after it has saved what is pending (the list tab stays).

        A new letter closed untouched (see `is_untouched`) is deleted instead: nothing is left behind.
        Closing a letter whose recipient is not in the address book offers, without blocking, to add them.
        """
        if index <= 0:
            return
        editor = self.widget(index)
        letter_id = getattr(editor, "letter_id", None)
        discard = self._ctx is not None and letter_id is not None and self.is_untouched(editor)
        if not discard:
            self.flush(editor)
            offer = getattr(editor, "recipient_offer", None)
            if offer is not None:
                offer.offer_on_close(self)
        release = getattr(editor, "release", None)
        if callable(release):
            release()  # the letter actions forget it
        self.removeTab(index)
        if editor is not None:
            editor.deleteLater()
        if self._ctx is not None and letter_id is not None:
            from iphr_desk.gui.models.drafts import forget_new_draft

            if discard:
                self._discard(int(letter_id))
            forget_new_draft(self._ctx.store, int(letter_id))

    def is_untouched(self, editor: QWidget | None) -> bool:
        """A new letter of this run whose every field, body included, is still what the draft started with.

        Anything typed, picked or changed (even changed back and saved in between as a revision) keeps it:
        the store refuses to discard a letter with a second revision, a comment or a status change.
        """
        if self._ctx is None or editor is None:
            return False
        from iphr_desk.gui.models.drafts import new_draft

        letter_id = getattr(editor, "letter_id", None)
        created = new_draft(self._ctx.store, int(letter_id)) if letter_id is not None else None
        current = getattr(editor, "current_letter", None)
        if created is None or not callable(current):
            return False
        try:
            return bool(current() == created)
        except Exception:  # a form that cannot make a letter is not "untouched": keep it
            return False

    def _discard(self, letter_id: int) -> None:
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.store.repository import letters as letter_repo

        assert self._ctx is not None
        try:
            discarded = letter_repo.discard_new_draft(self._ctx.store, letter_id)
        except IphrError as error:
            self._services.error(self, _tr("Could Not Save"), _tr("A letter could not be saved."), str(error))
            return
        if discarded:
            self.letterDiscarded.emit(letter_id)
            self.letterSaved.emit(letter_id)  # the window reads the lists again, as after a save

    def close_letter(self, letter_id: int) -> None:
        index = self.find_editor(letter_id)
        if index > 0:
            self.close_tab(index)

    def step(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def flush_all(self) -> None:
        """Save every open letter (before a backup, an encryption or closing the window), and which
        letters are open, so the next start reopens them."""
        for editor in self.editors():
            self.flush(editor)
        self.remember_session()

    def flush(self, editor: QWidget | None) -> None:
        flush = getattr(editor, "flush", None)
        if callable(flush):
            try:
                flush()
            except Exception as error:  # the user must hear that a save failed, whatever the cause
                self._services.error(
                    self, _tr("Could Not Save"), _tr("A letter could not be saved."), str(error)
                )

    # The session: open letters and their scroll positions, across restarts -----------------------------

    def session(self) -> list[dict[str, Any]]:
        """The open letters in tab order with their scroll positions; untouched new letters left out."""
        entries = []
        for index in range(1, self.count()):
            editor = self.widget(index)
            letter_id = getattr(editor, "letter_id", None)
            if letter_id is None or self.is_untouched(editor):
                continue
            entries.append(
                {
                    "letter": int(letter_id),
                    "current": index == self.currentIndex(),
                    "scroll": {name: bar.value() for name, bar in _scroll_bars(editor).items()},
                }
            )
        return entries

    def remember_session(self) -> None:
        if self._ctx is None:
            return
        self._ctx.settings.open_letters = json.dumps(self.session())
        self._ctx.settings.sync()

    def restore_session(self) -> None:
        """Reopen the letters open at the last close, where they were scrolled to; a letter trashed or
        deleted since, or a session written by another version, is skipped without a word."""
        if self._ctx is None:
            return
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            entries = json.loads(self._ctx.settings.open_letters or "[]")
        except ValueError:
            return
        current: QWidget | None = None
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not isinstance(entry.get("letter"), int):
                continue
            letter_id = entry["letter"]
            try:
                if letter_repo.get_letter_info(self._ctx.store, letter_id).deleted_at is not None:
                    continue  # trashed since
            except IphrError:
                continue  # deleted for good since
            editor = self.open_letter(self._ctx, self._actions, letter_id)
            if editor is None:
                return
            scroll = entry.get("scroll")
            if isinstance(scroll, dict):
                _restore_scroll(editor, scroll)
            if entry.get("current"):
                current = editor
        if current is not None:
            self.setCurrentWidget(current)


def _scroll_bars(editor: QWidget | None) -> dict[str, Any]:
    """The editor's vertical scroll bars worth keeping: the body's text and the header form's area."""
    bars: dict[str, Any] = {}
    body = getattr(getattr(editor, "body", None), "text", None)
    if isinstance(body, QAbstractScrollArea):
        bars["body"] = body.verticalScrollBar()
    form = getattr(editor, "form", None)
    viewport = form.parentWidget() if isinstance(form, QWidget) else None
    area = viewport.parentWidget() if viewport is not None else None
    if isinstance(area, QScrollArea):
        bars["form"] = area.verticalScrollBar()
    return bars


def _restore_scroll(editor: QWidget, positions: dict[str, Any]) -> None:
    """Scroll once the editor is laid out (before that the bars' range is still 0)."""
    bars = _scroll_bars(editor)

    def apply() -> None:
        for name, value in positions.items():
            bar = bars.get(name)
            if bar is not None and isinstance(value, int):
                bar.setValue(min(value, bar.maximum()))

    apply()
    QTimer.singleShot(0, apply)
