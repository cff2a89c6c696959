"""A letter's revisions: the list, a side-by-side diff of any two, and "Restore"."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import revisions as revision_repo


def side_by_side(old: str, new: str, old_label: str, new_label: str) -> str:
    """Two letter files side by side, changed lines marked (difflib's HTML table)."""
    differ = difflib.HtmlDiff(tabsize=4, wrapcolumn=60)
    return differ.make_file(old.splitlines(), new.splitlines(), old_label, new_label, context=False)


class RevisionsPanel(QWidget):
    """Pick two revisions to compare; pick one to restore."""

    restoreRequested = Signal(int)

    def __init__(self, store: Store, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._letter_id = letter_id
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.compare_button = QPushButton(self.tr("Compare selected"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("Differences between revisions"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.diff, 2)
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for info in revision_repo.list_revisions(self._store, self._letter_id):
            when = info.created_at.strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{when} · {info.author or '—'} · {info.reason}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self._update_buttons()

    def revision_ids(self) -> list[int]:
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def _selected(self) -> list[int]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in rows]

    def _update_buttons(self) -> None:
        count = len(self.list.selectedItems())
        self.compare_button.setEnabled(count in (1, 2))
        self.restore_button.setEnabled(count == 1)

    def compare(self, older_id: int, newer_id: int) -> str:
        old = revision_repo.get_revision_text(self._store, older_id)
        new = revision_repo.get_revision_text(self._store, newer_id)
        html = side_by_side(
            old,
            new,
            self.tr("Revision %1").replace("%1", str(older_id)),
            self.tr("Revision %1").replace("%1", str(newer_id)),
        )
        self.diff.setHtml(html)
        return html

    def compare_selected(self) -> None:
        """Two selected: compare them; one selected: compare it with the newest."""
        selected = self._selected()
        if len(selected) == 1:
            newest = self.revision_ids()[0]
            selected = [newest, selected[0]] if newest != selected[0] else selected * 2
        if len(selected) == 2:
            newer, older = selected  # the list is newest first
            self.compare(older, newer)

    def _restore_selected(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.restoreRequested.emit(selected[0])

    def set_read_only(self, read_only: bool) -> None:
        self.restore_button.setVisible(not read_only)
