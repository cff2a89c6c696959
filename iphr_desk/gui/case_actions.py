"""What can be done to a case from the window: create, edit, delete.

Kept apart from the window for the same reason as letter_actions.py: one path per action, whichever menu,
button or list asks for it. Cases have no trash in the store, so deleting asks a question that says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext


class CaseActions(QObject):
    """Case dialogs and deletion; says which case to show and what to read again."""

    #: Show this case in the case view (after it was created or edited).
    showRequested = Signal(int)
    #: Views to read again (a `Changes`).
    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent

    def new_case(self) -> int | None:
        from iphr_desk.gui.dialogs.case_dialog import CaseDialog

        dialog = CaseDialog(self._ctx, None, self._parent)
        if not dialog.exec() or dialog.case_id is None:
            return None
        self.changed.emit(Changes.CASES | Changes.LETTERS)
        self.showRequested.emit(dialog.case_id)
        return dialog.case_id

    def edit_case(self, case_id: int) -> bool:
        from iphr_desk.gui.dialogs.case_dialog import CaseDialog

        dialog = CaseDialog(self._ctx, case_id, self._parent)
        if not dialog.exec():
            return False
        self.changed.emit(Changes.CASES)
        self.showRequested.emit(case_id)
        return True

    def delete_cases(self, case_ids: list[int]) -> bool:
        """Delete cases with their people and events, after a question; letters keep their reference."""
        if not case_ids:
            return False
        question = self.tr(
            "Delete %n case(s) with their people and events? Letters keep their case reference.",
            "",
            len(case_ids),
        )
        if not self._ctx.services.ask_yes_no(self._parent, self.tr("Delete Cases"), question):
            return False
        from iphr_desk.core.store.repository import cases as case_repo

        def delete_all() -> None:
            for case_id in case_ids:
                case_repo.delete_case(self._ctx.store, case_id)

        return StoreOp(
            self._parent,
            self._ctx.services,
            self.tr("Could Not Delete"),
            delete_all,
            changes=Changes.CASES | Changes.LETTERS,
            refresh=self.changed.emit,
        ).run()
