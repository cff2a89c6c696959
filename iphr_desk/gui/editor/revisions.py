"""A letter's revisions: the list, a comparison of any two as rendered text, and "Restore".

The store keeps each revision's reason as a short code or a known form ("save point", "created",
"status: in_review → approved", "restored revision 12"); they are put into words, translated, when shown
(`reason_label`), so a revision made in English reads in French in a French window. The list and the
comparison name a revision the same way (`revision_label`): when, who, why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.core.store.repository.values import RevisionInfo
from iphr_desk.gui.editor.compare_view import CompareDialog
from iphr_desk.gui.models import labels

_STATUS = re.compile(r"^status: (\w+) → (\w+)$")
_RESTORED = re.compile(r"^restored revision (\d+)$")
#: core/exchange/review_import.py: "reviewed copy FILE (REVIEWERS)".
_REVIEWED = re.compile(r"^reviewed copy(?: (?:by|from) )?(.*)$", re.IGNORECASE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Revisions", text)


def reason_label(reason: str, names: Mapping[int, str] | None = None) -> str:
    """The revision's reason in words, translated; `names` gives other revisions' labels by id."""
    fixed = {
        "created": _tr("Created"),
        "save point": _tr("Save point"),
        "imported": _tr("Imported from a letter file"),
        "demo data": _tr("Demo data"),
        "restored": _tr("Restored"),
        "merged": _tr("Merged"),
        "package import": _tr("From an exchange package"),
        "exported for review": _tr("Exported for review"),
    }
    if reason in fixed:
        return fixed[reason]
    if match := _STATUS.match(reason):
        old, new = (labels.letter_status(code) for code in match.groups())
        return _tr("Status: %1 → %2").replace("%1", old).replace("%2", new)
    if match := _RESTORED.match(reason):
        revision_id = int(match.group(1))
        shown = (names or {}).get(revision_id)
        if shown:
            return _tr("Restored the version of %1").replace("%1", shown)
        return _tr("Restored an earlier version")
    if match := _REVIEWED.match(reason):
        detail = match.group(1).strip()
        return _tr("Reviewed copy: %1").replace("%1", detail) if detail else _tr("Reviewed copy")
    return reason


def revision_when(info: RevisionInfo) -> str:
    return info.created_at.strftime("%Y-%m-%d %H:%M")


def revision_label(info: RevisionInfo, names: Mapping[int, str] | None = None) -> str:
    """How the list and the comparison name a revision: when · who · why."""
    author = info.author or "—"
    return f"{revision_when(info)} · {author} · {reason_label(info.reason, names)}"


class RevisionsPanel(QWidget):
    """Pick two revisions to compare; pick one to restore."""

    restoreRequested = Signal(int)

    def __init__(self, store: Store, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._letter_id = letter_id
        self._labels: dict[int, str] = {}
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setToolTip(
            self.tr("Select two revisions to compare them, or one to compare it with the newest")
        )
        self.compare_button = QPushButton(self.tr("Compare selected"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.dialog: CompareDialog | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self._restore_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.compare_selected())
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        infos = revision_repo.list_revisions(self._store, self._letter_id)
        # Labels without the reason first, so "restored the version of …" can name its source.
        short = {info.id: f"{revision_when(info)} · {info.author or '—'}" for info in infos}
        self._labels = {}
        for info in infos:
            label = revision_label(info, short)
            self._labels[info.id] = label
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(label)
            self.list.addItem(item)
        self._update_buttons()

    def label_of(self, revision_id: int) -> str:
        return self._labels.get(revision_id, self.tr("Revision %1").replace("%1", str(revision_id)))

    def revision_ids(self) -> list[int]:
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def _selected(self) -> list[int]:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in rows]

    def _update_buttons(self) -> None:
        count = len(self.list.selectedItems())
        self.compare_button.setEnabled(count in (1, 2))
        self.restore_button.setEnabled(count == 1)

    def compare(self, older_id: int, newer_id: int) -> CompareDialog:
        """Show the two revisions compared, in the panel's comparison window (opened, or brought up)."""
        old = revision_repo.get_revision_text(self._store, older_id)
        new = revision_repo.get_revision_text(self._store, newer_id)
        if self.dialog is None:
            self.dialog = CompareDialog(self, title=self.tr("Compare Revisions"))
        self.dialog.set_texts(old, new, self.label_of(older_id), self.label_of(newer_id))
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def compare_selected(self) -> CompareDialog | None:
        """Two selected: compare them; one selected: compare it with the newest."""
        selected = self._selected()
        if len(selected) == 1:
            newest = self.revision_ids()[0]
            selected = [newest, selected[0]] if newest != selected[0] else selected * 2
        if len(selected) == 2:
            newer, older = selected  # the list is newest first
            return self.compare(older, newer)
        return None

    def _restore_selected(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.restoreRequested.emit(selected[0])

    def set_read_only(self, read_only: bool) -> None:
        self.restore_button.setVisible(not read_only)
