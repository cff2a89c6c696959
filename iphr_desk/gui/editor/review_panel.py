"""Review and sign-off: the status, the transitions the workflow allows, and the comment threads.

The workflow itself is data in `core.vocabularies` (`allowed_transitions`); this panel only offers what
it allows and reports each move with `statusChangeRequested`: the editor hands it to `LetterActions`, the
path the letter list takes too. Comments name their author with the editor's `author()` (the profile's
name), read when the comment is written, so a name changed in Preferences applies at once.

Each comment says who wrote it and where: in the app, or in Word (a reviewed copy taken back with
"Import Reviewed Copy…"), with the text it was anchored to. The History tab lists every status change:
who, when, and the note the change carried (the reason for changes, the signatory who signed, the
role, a self-approval), put into words by dialogs/status_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.vocabularies import allowed_transitions
from iphr_desk.gui.models import labels

COMMENT_ROLE = Qt.ItemDataRole.UserRole


def status_label(status: str) -> str:
    """The status as the lists show it (one set of names: models/labels.py)."""
    return labels.letter_status(status)


def transition_label(old: str, new: str) -> str:
    """The button text for moving from `old` to `new` ("Reopen" for going back to a draft)."""
    tr = QCoreApplication.translate
    if new == "draft":
        return tr("Review", "Reopen")
    names = {
        "in_review": tr("Review", "Submit for review"),
        "changes_requested": tr("Review", "Request changes…"),
        "approved": tr("Review", "Approve"),
        "signed": tr("Review", "Mark signed…"),
        "sent": tr("Review", "Mark sent"),
    }
    return names.get(new, status_label(new))


def comment_text(text: str, anchor: str | None) -> str:
    """The comment, under the words of the letter it is about when it has them."""
    if not anchor or not anchor.strip():
        return text
    shown = " ".join(anchor.split())
    if len(shown) > 80:
        shown = shown[:79] + "…"
    on = QCoreApplication.translate("Review", "On “%1”:").replace("%1", shown)
    return f"{on}\n{text}"


def author_text(author: str, origin: str | None) -> str:
    """Who wrote a comment, and where: in Word (a reviewed copy taken back) or in the app."""
    if origin == "word":
        return QCoreApplication.translate("Review", "%1 (in Word)").replace("%1", author)
    return QCoreApplication.translate("Review", "%1 (in the app)").replace("%1", author)


class CardDelegate(QStyledItemDelegate):
    """A card's height for the text wrapped at the column's width (Qt's own hint counts only the
    text's line breaks, so a wrapped card would lose its last lines)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.tree.indentation() * (depth + (1 if self.tree.rootIsDecorated() else 0))
        width = max(self.tree.viewport().width() - indent - 12, 60)
        text = str(index.data() or "")
        bounds = QFontMetrics(styled.font).boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 8))


class CardList(QTreeWidget):
    """One wrapped card a row (who and when, then the text): read whole in a narrow side pane, where
    columns would cut every comment to a few letters. The author and time also stay in their own
    (hidden) columns, for sorting and for assistive technology.

    A tree view measures a wrapped row's height once; when the pane is resized the rows are laid out
    again, so a card never loses its last lines (Qt does not do it for word-wrapped rows by itself).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHeaderHidden(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegateForColumn(0, CardDelegate(self))

    def set_columns(self, labels: list[str]) -> None:
        self.setHeaderLabels(labels)
        for column in range(1, len(labels)):
            self.setColumnHidden(column, True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class ReviewPanel(QWidget):
    statusChangeRequested = Signal(str)

    def __init__(
        self, store: Store, letter_id: int, author: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._letter_id = letter_id
        self._author = author
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Review status"))
        self.transitions = QGridLayout()  # two a row: the side pane is narrow
        self.transition_buttons: dict[str, QPushButton] = {}
        self.comments = CardList(self)
        self.comments.set_columns([self.tr("Comment"), self.tr("Author"), self.tr("When")])
        self.comments.setAccessibleName(self.tr("Comments"))
        self.history = CardList(self)
        self.history.set_columns([self.tr("Change"), self.tr("By"), self.tr("When")])
        self.history.setAccessibleName(self.tr("Status history"))
        self.history.setRootIsDecorated(False)
        self.comment_text = QLineEdit(self)
        self.comment_text.setPlaceholderText(self.tr("Write a comment or a reply…"))
        self.comment_text.setAccessibleName(self.tr("Comment text"))
        self.add_button = QPushButton(self.tr("Comment"), self)
        self.reply_button = QPushButton(self.tr("Reply"), self)
        self.resolve_button = QPushButton(self.tr("Resolve"), self)
        row = QHBoxLayout()
        for button in (self.add_button, self.reply_button, self.resolve_button):
            row.addWidget(button)
        row.addStretch(1)
        comments_page = QWidget(self)
        comments_layout = QVBoxLayout(comments_page)
        comments_layout.setContentsMargins(0, 0, 0, 0)
        comments_layout.addWidget(self.comments, 1)
        comments_layout.addWidget(self.comment_text)
        comments_layout.addLayout(row)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(comments_page, self.tr("Comments"))
        self.tabs.addTab(self.history, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(self.transitions)
        layout.addWidget(self.tabs, 1)
        self.add_button.clicked.connect(self.add_comment)
        self.reply_button.clicked.connect(self.reply_to_current)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.comments.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        info = letter_repo.get_letter_info(self._store, self._letter_id)
        self.show_status(info.status)
        self.refresh_comments()

    def show_status(self, status: str) -> None:
        self.status.setText(self.tr("Status: <b>%1</b>").replace("%1", status_label(status)))
        for button in self.transition_buttons.values():
            self.transitions.removeWidget(button)
            button.deleteLater()
        self.transition_buttons = {}
        for index, new in enumerate(allowed_transitions(status)):
            button = QPushButton(transition_label(status, new), self)
            button.clicked.connect(lambda _checked=False, target=new: self.statusChangeRequested.emit(target))
            self.transitions.addWidget(button, index // 2, index % 2)
            self.transition_buttons[new] = button
        self.refresh_history()

    def refresh_history(self) -> None:
        """The status changes, newest first, each with what its note says."""
        from iphr_desk.gui.dialogs.profile_dialog import role_label
        from iphr_desk.gui.dialogs.status_dialog import note_lines

        self.history.clear()
        for change in reversed(letter_repo.status_history(self._store, self._letter_id)):
            moved = self.tr("%1 → %2").replace("%1", status_label(change.from_status))
            lines = [
                moved.replace("%2", status_label(change.to_status)),
                *note_lines(change.note, role_label),
            ]
            when = change.changed_at.strftime("%Y-%m-%d %H:%M")
            card = "\n".join([f"{change.author} · {when}", *lines])
            item = QTreeWidgetItem([card, change.author, when])
            item.setToolTip(0, card)
            self.history.addTopLevelItem(item)

    # Comments ---------------------------------------------------------------------------------------

    def refresh_comments(self) -> None:
        self.comments.clear()
        threads: dict[int, QTreeWidgetItem] = {}
        records = comment_repo.comment_records(self._store, self._letter_id)
        # Threads first: a reply written in Word can be dated before the app comment it answers.
        records.sort(key=lambda c: c.parent_id is not None)
        for comment in records:
            who = author_text(comment.author, comment.origin)
            when = comment.created_at.strftime("%Y-%m-%d %H:%M")
            text = comment_text(comment.text, comment.anchor)
            if comment.parent_id is None and comment.resolved:
                text = self.tr("%1 (resolved)").replace("%1", text)
            card = f"{who} · {when}\n{text}"
            item = QTreeWidgetItem([card, who, when])
            item.setData(0, COMMENT_ROLE, comment.id)
            item.setToolTip(0, card)
            if comment.parent_id is None:
                if comment.resolved:
                    font = item.font(0)
                    font.setStrikeOut(True)
                    item.setFont(0, font)
                self.comments.addTopLevelItem(item)
                threads[comment.id] = item
            else:
                parent = threads.get(comment.parent_id)
                (parent.addChild(item) if parent is not None else self.comments.addTopLevelItem(item))
        self.comments.expandAll()
        self._update_buttons()

    def _current_thread(self) -> int | None:
        item = self.comments.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else int(item.data(0, COMMENT_ROLE))

    def _update_buttons(self) -> None:
        has = self.comments.currentItem() is not None
        self.reply_button.setEnabled(has)
        self.resolve_button.setEnabled(has)

    def _take_text(self) -> str | None:
        text = self.comment_text.text().strip()
        if not text:
            self.comment_text.setFocus()
            return None
        self.comment_text.clear()
        return text

    def add_comment(self) -> None:
        text = self._take_text()
        if text:
            comment_repo.add_comment(self._store, self._letter_id, text, author=self._author())
            self.refresh_comments()

    def reply_to_current(self) -> None:
        thread = self._current_thread()
        text = self._take_text() if thread is not None else None
        if thread is not None and text:
            comment_repo.reply(self._store, thread, text, author=self._author())
            self.refresh_comments()

    def toggle_resolved(self) -> None:
        thread = self._current_thread()
        if thread is None:
            return
        resolved = next(
            (c.resolved for c in comment_repo.list_comments(self._store, self._letter_id) if c.id == thread),
            False,
        )
        comment_repo.resolve_comment(self._store, thread, author=self._author(), resolved=not resolved)
        self.refresh_comments()
