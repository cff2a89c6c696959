"""The Letter menu's "Change Status" submenu (also in the letter list's context menu).

It offers only the moves the review workflow allows from the letter's current status, read when the menu
opens, and hands the choice to `LetterActions.change_status`, the same path the editor's review panel
takes. The moves that ask something first (the reason for changes, the signatory who signed) end in "…".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from iphr_desk.core.vocabularies import allowed_transitions
from iphr_desk.gui.models import labels

if TYPE_CHECKING:
    from iphr_desk.gui.letter_actions import LetterActions


def transition_text(current: str, target: str) -> str:
    """The menu text for moving a letter from `current` to `target`."""
    tr = QCoreApplication.translate
    if target == "draft":
        return tr("StatusMenu", "Reopen as Draft")
    if target == "in_review" and current == "draft":
        return tr("StatusMenu", "Submit for Review")
    if target == "in_review":
        return tr("StatusMenu", "Resubmit for Review")
    texts = {
        "changes_requested": tr("StatusMenu", "Request Changes…"),
        "approved": tr("StatusMenu", "Approve"),
        "signed": tr("StatusMenu", "Mark as Signed…"),
        "sent": tr("StatusMenu", "Mark as Sent"),
    }
    return texts.get(target, labels.letter_status(target))


class StatusMenu(QMenu):
    """Filled each time it opens, for the one selected letter (`selected()` gives the selection)."""

    def __init__(self, selected: Callable[[], list[int]], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("StatusMenu", "Change &Status"), parent)
        self._selected = selected
        self.letter_actions: LetterActions | None = None  # set once the store is open
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        ids = self._selected()
        actions = self.letter_actions
        status = actions.status_of(ids[0]) if actions is not None and len(ids) == 1 else None
        if actions is None or status is None:
            self.addAction(self.tr("Select one letter")).setEnabled(False)
            return
        letter_id = ids[0]
        now = self.addAction(self.tr("Now: %1").replace("%1", labels.letter_status(status)))
        now.setEnabled(False)
        self.addSeparator()
        for target in allowed_transitions(status):
            action = self.addAction(transition_text(status, target))
            action.triggered.connect(lambda _=False, s=target, a=actions: a.change_status(letter_id, s))
