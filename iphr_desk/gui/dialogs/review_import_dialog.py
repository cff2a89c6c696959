"""What a reviewed copy brings back, shown before anything is stored ("Import Reviewed Copy…").

The plan is the core's (`core.exchange.review_import.plan_review_import`): this dialog only shows it
and returns the user's choice. Three tabs:

- the letter: the reviewer's changes as rendered text, side by side (the revision that was sent against
  the text the import would store, `compare_view.CompareView`); when the letter moved on since it was
  sent, a second comparison shows the letter as it is now against the result, and the paragraphs both
  sides changed are flagged;
- the tracked changes, each with its author and date;
- the comments and their replies, with the words they are anchored to.

Accept stores the plan; "Accept and Approve" is offered when the copy asks for nothing (no change, no
open comment, no conflict) and the letter may still be approved; Cancel stores nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.editor.compare_view import CompareView
from iphr_desk.gui.editor.review_panel import author_text
from iphr_desk.gui.models import labels

if TYPE_CHECKING:
    from iphr_desk.core.exchange.review_import import ReviewPlan

#: What a conflict paragraph starts with in the merged text (core/exchange/merge.py's markers).
CONFLICT_FLAG = "⚠"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewImportDialog", text)


def change_kind(kind: str) -> str:
    names = {
        "insertion": _tr("Inserted"),
        "deletion": _tr("Deleted"),
        "move": _tr("Moved"),
        "moved-from": _tr("Moved away"),
        "moved-to": _tr("Moved here"),
        "formatting": _tr("Formatting"),
        "paragraph": _tr("Paragraph"),
    }
    return names.get(kind, kind)


def change_part(part: str) -> str:
    names = {
        "body": _tr("Body"),
        "footnote": _tr("Footnote"),
        "salutation": _tr("Salutation"),
        "closing": _tr("Closing"),
        "address": _tr("Address"),
        "header": _tr("Head of the letter"),
        "signature": _tr("Signature"),
        "cc": _tr("Copies (cc)"),
    }
    return names.get(part, part)


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def _fit_columns(tree: QTreeWidget, *, stretch: int, interactive: dict[int, int] | None = None) -> None:
    """One column takes the room left; the others fit their contents (or a set width), so the text
    that matters is read whole at 1024 pixels instead of cut to "Is the na…"."""
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif interactive and column in interactive:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, interactive[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def can_approve(plan: ReviewPlan) -> bool:
    """Whether "Accept and Approve" is offered: nothing to act on, and a status that can become Approved."""
    from iphr_desk.core.vocabularies import READ_ONLY_STATUSES

    status = plan.letter_status or "draft"
    return plan.can_approve and not plan.already_imported and status not in READ_ONLY_STATUSES


class ReviewImportDialog(QDialog):
    """Shows a `ReviewPlan`; `approve` says whether the user chose "Accept and Approve"."""

    def __init__(
        self, plan: ReviewPlan, subject: str, sent_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewImportDialog")
        self.setWindowTitle(self.tr("Import Reviewed Copy"))
        self.plan = plan
        self.approve = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(self._summary_html(subject))
        self.tabs = QTabWidget(self)
        # The reviewer's changes: the revision that was sent against what the import stores.
        self.changes_view = CompareView(self, side_by_side=True)
        reviewed_label = self.tr("Reviewed copy: %1").replace("%1", plan.file_name)
        flags = (CONFLICT_FLAG,) if plan.conflicts else ()
        if plan.base_text:
            self.changes_view.set_texts(
                plan.base_text, plan.result_text, sent_label, reviewed_label, flags=flags
            )
        else:  # a new letter, or a copy from elsewhere: there is nothing to compare it with
            self.changes_view.set_texts(plan.result_text, plan.result_text, reviewed_label, reviewed_label)
            self.changes_view.summary.setText(self.tr("A new letter made from the reviewed copy."))
        self.tabs.addTab(self.changes_view, self.tr("Reviewer's Changes"))
        self.now_view: CompareView | None = None
        if plan.current_text and plan.base_text and plan.current_text != plan.base_text:
            self.now_view = CompareView(self, side_by_side=True)
            self.now_view.set_texts(
                plan.current_text,
                plan.result_text,
                self.tr("The letter now"),
                self.tr("After the import"),
                flags=flags,
            )
            self.tabs.addTab(self.now_view, self.tr("Against the Letter Now"))
        self.tracked = QTreeWidget(self)
        self.tracked.setHeaderLabels(
            [self.tr("Change"), self.tr("Text"), self.tr("Author"), self.tr("Date"), self.tr("Where")]
        )
        self.tracked.setRootIsDecorated(False)
        self.tracked.setWordWrap(True)
        self.tracked.setAccessibleName(self.tr("Tracked changes"))
        for change in plan.changes:
            item = QTreeWidgetItem(
                [
                    change_kind(change.kind),
                    change.text,
                    change.author,
                    _when(change.date),
                    change_part(change.part),
                ]
            )
            item.setToolTip(1, change.text)
            self.tracked.addTopLevelItem(item)
        _fit_columns(self.tracked, stretch=1)
        self.tabs.addTab(self.tracked, self.tr("Tracked Changes (%1)").replace("%1", str(len(plan.changes))))
        self.comments = QTreeWidget(self)
        self.comments.setHeaderLabels(
            [self.tr("Comment"), self.tr("On the text"), self.tr("Author"), self.tr("Date")]
        )
        self.comments.setWordWrap(True)
        self.comments.setAccessibleName(self.tr("Comments in the copy"))
        items: dict[str, QTreeWidgetItem] = {}
        # The letter's own comments travel in the copy too: those the import would not add are the app's.
        from_word = {(c.author, " ".join(c.text.split())) for c in plan.to_store}
        # Comments before replies, whatever the file's order, so each reply finds its thread.
        for comment in sorted(plan.comments, key=lambda c: c.parent_key is not None):
            text = comment.text + (" " + self.tr("(done)") if comment.done else "")
            new = (comment.author, " ".join(comment.text.split())) in from_word
            author = author_text(comment.author, "word" if new else "app")
            item = QTreeWidgetItem([text, comment.anchor, author, _when(comment.date)])
            item.setToolTip(0, comment.text)
            item.setToolTip(1, comment.anchor)
            thread = items.get(comment.parent_key or "")
            if thread is not None:
                thread.addChild(item)
            else:
                self.comments.addTopLevelItem(item)
            items[comment.key] = item
        self.comments.expandAll()
        _fit_columns(self.comments, stretch=0, interactive={1: 240})
        self.tabs.addTab(self.comments, self.tr("Comments (%1)").replace("%1", str(len(plan.comments))))
        self.buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setDefault(True)
        self.approve_button = QPushButton(self.tr("Accept and A&pprove"), self)
        self.approve_button.setToolTip(
            self.tr("The copy asks for no change: store it and approve the letter")
        )
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button.setVisible(can_approve(plan))  # after addButton, which shows its button
        self.accept_button.clicked.connect(self.accept)
        self.approve_button.clicked.connect(self._accept_and_approve)
        self.buttons.rejected.connect(self.reject)
        if plan.already_imported:
            self.accept_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 680)

    def _accept_and_approve(self) -> None:
        self.approve = True
        self.accept()

    def _summary_html(self, subject: str) -> str:
        import html

        plan = self.plan
        lines = [f"<b>{html.escape(subject)}</b> — {html.escape(plan.file_name)}"]
        if plan.reviewers:
            lines.append(self.tr("Reviewed by: %1").replace("%1", html.escape(", ".join(plan.reviewers))))
        counts = [
            QCoreApplication.translate("ReviewImportDialog", "%n tracked change(s)", "", len(plan.changes)),
            QCoreApplication.translate("ReviewImportDialog", "%n comment(s)", "", len(plan.comments)),
        ]
        lines.append(" · ".join(counts))
        if plan.already_imported:
            lines.append(
                self._warning(self.tr("This copy was imported before: there is nothing new to store."))
            )
        if plan.conflicts:
            text = QCoreApplication.translate(
                "ReviewImportDialog",
                "%n paragraph(s) changed both in the app and in the copy: both texts are kept and flagged.",
                "",
                len(plan.conflicts),
            )
            lines.append(self._warning(text))
        if plan.header_changes:
            text = QCoreApplication.translate(
                "ReviewImportDialog",
                "%n change(s) to the head or foot of the letter (kept as the recipient's overrides).",
                "",
                len(plan.header_changes),
            )
            lines.append(text)
        if plan.notes:
            lines.append(
                self._warning(self.tr("Please check: %1").replace("%1", html.escape("; ".join(plan.notes))))
            )
        if plan.new_status and plan.new_status != plan.letter_status:
            lines.append(
                self.tr("The letter will move to: <b>%1</b>").replace(
                    "%1", labels.letter_status(plan.new_status)
                )
            )
        return "<br/>".join(lines)

    @staticmethod
    def _warning(text: str) -> str:
        return f'<span style="color:#8a5a00;">⚑ {text}</span>'
