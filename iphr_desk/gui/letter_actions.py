"""What can be done to a letter, done one way: status changes, new drafts, import, export, trash, restore.

The letter list, the letter editor (its review panel and its read-only banner), the menus and the context
menus all call this one object, so a letter approved from the list and one approved in its editor go
through the same steps and record the same author:

1. the open editor's pending changes are saved first (a failed save stops the action: approving text that
   was never stored would approve the wrong letter);
2. the store does the change, with `profile.current_user()` as the author; the workflow's rules
   (`core.vocabularies.TRANSITIONS`) are the store's to enforce, and its refusal is shown as it says it;
3. what changed is announced (`changed`, `statusChanged`), so the lists, the case view and the editor of
   that letter (read-only after approval) refresh themselves.

Steps 2 and 3 are a `StoreOp` (store_op.py): one dialog on failure, the views refreshed either way.
The object knows no window: it asks for editors to be opened or closed with `openRequested` and
`closeRequested`, and the window wires those in its one wiring block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from iphr_desk.gui.profile import current_user
from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.dialogs.status_dialog import StatusChangeDialog, StatusDetails

T = TypeVar("T")


class OpenLetter(Protocol):
    """What an open editor offers the actions: a way to save what is pending (False: it could not), and
    to read the letter again after a change made elsewhere (a reviewed copy taken in)."""

    def flush(self) -> bool: ...

    def reload(self) -> None: ...


class LetterActions(QObject):
    """The one path of every letter action; held by the main window (or by a lone editor in tests)."""

    #: A letter's status changed: (letter id, new status). Its editor applies it; the lists read again.
    statusChanged = Signal(int, str)
    #: A letter was created or imported and should be shown in an editor.
    openRequested = Signal(int)
    #: A letter is leaving (to the trash): close its editor first.
    closeRequested = Signal(int)
    #: Views to read again (a `Changes`), after every operation, failed or not.
    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._parent = parent
        self._editors: dict[int, OpenLetter] = {}
        #: The status dialog while it is open (tests answer it; nothing else should hold it).
        self.details_dialog: StatusChangeDialog | None = None

    # Open editors ---------------------------------------------------------------------------------------

    def register_editor(self, letter_id: int, editor: OpenLetter) -> None:
        """An editor is open on the letter: it is saved before any action on that letter."""
        self._editors[letter_id] = editor

    def unregister_editor(self, letter_id: int, editor: OpenLetter) -> None:
        if self._editors.get(letter_id) is editor:
            del self._editors[letter_id]

    def flush(self, letter_ids: list[int]) -> bool:
        """Save the open editors of these letters; False when one could not (it has told the user)."""
        ok = True
        for letter_id in letter_ids:
            editor = self._editors.get(letter_id)
            if editor is not None and not editor.flush():
                ok = False
        return ok

    def reload_open(self, letter_id: int) -> None:
        """The letter changed in the store behind its editor's back: the open editor reads it again."""
        editor = self._editors.get(letter_id)
        if editor is not None:
            editor.reload()

    # The author -----------------------------------------------------------------------------------------

    def author(self) -> str:
        return current_user(self._ctx.settings)

    def _op(self, title: str, operation: Callable[[], T], changes: Changes) -> StoreOp[T]:
        return StoreOp(
            self._parent, self._ctx.services, title, operation, changes=changes, refresh=self.changed.emit
        )

    # Review ---------------------------------------------------------------------------------------------

    def status_of(self, letter_id: int) -> str | None:
        """The letter's review status, or None when it is gone (trashed meanwhile): nothing to offer."""
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.store.repository import letters as letter_repo

        try:
            return letter_repo.get_letter_info(self._ctx.store, letter_id).status
        except IphrError:
            return None

    def change_status(self, letter_id: int, status: str) -> bool:
        """Move the letter along the review workflow; True when it moved.

        Before it moves: a request for changes asks its reason (stored as a comment too), "Signed" asks
        which signatory signed, and approving or signing one's own letter (`is_own_letter`) asks for a
        confirmation. The answers and the user's role go into the status change's note
        (dialogs/status_dialog.py), so the history says who did what, in which capacity.
        """
        from iphr_desk.core.store.repository import comments as comment_repo
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.gui.dialogs.status_dialog import NEEDS_DETAILS, StatusDetails, compose_note

        if not self.flush([letter_id]):
            return False
        author = self.author()
        own = status in ("approved", "signed") and self.is_own_letter(letter_id, author)
        if own and not self.confirm_own(status):
            return False
        details = StatusDetails()
        if status in NEEDS_DETAILS:
            asked = self.ask_details(letter_id, status)
            if asked is None:
                return False
            details = asked
        note = compose_note(
            role=self._ctx.settings.user_role,
            reason=details.reason,
            signatory=details.signatory,
            own_letter=own,
        )

        def move() -> None:
            letter_repo.change_status(self._ctx.store, letter_id, status, author=author, note=note or None)
            if details.reason:
                comment_repo.add_comment(self._ctx.store, letter_id, details.reason, author=author)

        return (
            self._op(self.tr("Could Not Change the Status"), move, Changes.LETTERS)
            .success(lambda _none: self.statusChanged.emit(letter_id, status))
            .run()
        )

    def is_own_letter(self, letter_id: int, user: str) -> bool:
        """Whether `user` wrote the letter or submitted it for review.

        Wrote: made one of its revisions other than a status change (created it, saved a save point,
        imported or restored a version). Submitted: moved it to "In review". Either way an approval or
        signature by the same person is not a second pair of eyes. Sending the letter for review and
        taking a reviewed copy in are not writing it: the words of such a revision are the writer's or
        the reviewer's, not those of whoever pressed the button.
        """
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.core.store.repository import revisions as revision_repo

        store = self._ctx.store
        not_writing = ("status:", "exported for review", "reviewed copy")
        wrote = any(
            r.author == user and not r.reason.startswith(not_writing)
            for r in revision_repo.list_revisions(store, letter_id)
        )
        submitted = any(
            h.author == user and h.to_status == "in_review"
            for h in letter_repo.status_history(store, letter_id)
        )
        return wrote or submitted

    def confirm_own(self, status: str) -> bool:
        """Ask whether to approve or sign one's own letter anyway."""
        if status == "signed":
            title = self.tr("Sign Your Own Letter?")
            text = self.tr(
                "You wrote or submitted this letter. Marking it signed yourself is recorded in its history. "
                "Mark it signed anyway?"
            )
        else:
            title = self.tr("Approve Your Own Letter?")
            text = self.tr(
                "You wrote or submitted this letter. Approving it yourself is recorded in its history "
                "as a self-approval. Approve it anyway?"
            )
        return self._ctx.services.ask_yes_no(self._parent, title, text)

    def ask_details(self, letter_id: int, status: str) -> StatusDetails | None:
        """Ask the reason (changes requested) or the signatory (signed); None when the user cancels."""
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.gui.dialogs.status_dialog import StatusChangeDialog

        names: list[str] = []
        if status == "signed":
            names = [s.name for s in letter_repo.get_letter(self._ctx.store, letter_id).signatories]
        dialog = StatusChangeDialog(status, names, self._parent)
        self.details_dialog = dialog
        try:
            if dialog.exec() != StatusChangeDialog.DialogCode.Accepted:
                return None
            return dialog.details()
        finally:
            self.details_dialog = None
            dialog.deleteLater()

    # New letters ----------------------------------------------------------------------------------------

    def new_letter(self, case_id: int | None) -> int | None:
        """Store a new draft (from a case, prefilled from it) and ask for it to be opened."""
        from iphr_desk.gui.models.drafts import create_draft

        created: list[int] = []
        self._op(
            self.tr("Could Not Create the Letter"),
            lambda: create_draft(self._ctx, case_id, today=dt.date.today(), author=self.author()),
            Changes.LETTERS,
        ).success(created.append).run()
        if created:
            self.openRequested.emit(created[0])
        return created[0] if created else None

    def import_letter_file(self) -> int | None:
        """Store a letter file (Markdown with front matter) and open it; a bad file is told, not stored."""
        path = self._ctx.services.open_file(
            self._parent,
            self.tr("Import a Letter File"),
            self.tr("Letter files (*.md *.markdown);;All files (*)"),
        )
        if path is None:
            return None
        from iphr_desk.core.letters.letterfile import parse_letter_file
        from iphr_desk.core.store.repository import letters as letter_repo

        author = self.author()
        imported: list[int] = []
        self._op(
            self.tr("Could Not Import the Letter"),
            lambda: int(
                letter_repo.add_letter(
                    self._ctx.store, parse_letter_file(path), author=author, reason="imported"
                )
            ),
            Changes.LETTERS,
        ).success(imported.append).run()
        if imported:
            self.openRequested.emit(imported[0])
        return imported[0] if imported else None

    # Export ---------------------------------------------------------------------------------------------

    def export(self, letter_ids: list[int]) -> None:
        """Save the open editors of these letters, then ask where and how to export them."""
        if not letter_ids or not self.flush(letter_ids):
            return
        from iphr_desk.gui.export.controller import start_export

        start_export(self._ctx, self._parent, letter_ids)

    # Trash ----------------------------------------------------------------------------------------------

    def trash(self, letter_ids: list[int]) -> bool:
        """Move letters to the trash after a question (they can come back); their editors close first."""
        if not letter_ids:
            return False
        question = self.tr("Move %n letter(s) to the trash?", "", len(letter_ids))
        if not self._ctx.services.ask_yes_no(self._parent, self.tr("Move to Trash"), question):
            return False
        from iphr_desk.core.store.repository import letters as letter_repo

        for letter_id in letter_ids:
            self.closeRequested.emit(letter_id)  # the editor saves what is pending as it closes
        author = self.author()

        def trash_all() -> None:
            for letter_id in letter_ids:
                letter_repo.trash_letter(self._ctx.store, letter_id, author=author)

        return self._op(self.tr("Could Not Delete"), trash_all, Changes.LETTERS | Changes.TRASH).run()

    def restore(self, letter_ids: list[int]) -> bool:
        """Bring letters back from the trash."""
        if not letter_ids:
            return False
        from iphr_desk.core.store.repository import letters as letter_repo

        def restore_all() -> None:
            for letter_id in letter_ids:
                letter_repo.restore_from_trash(self._ctx.store, letter_id)

        return self._op(self.tr("Could Not Restore"), restore_all, Changes.LETTERS | Changes.TRASH).run()

    def empty_trash(self, count: int) -> bool:
        """Delete the `count` trashed letters for good, after a question that says so."""
        if count <= 0:
            return False
        question = self.tr(
            "Delete the %n letter(s) in the trash for good, with their revisions and comments? "
            "This cannot be undone.",
            "",
            count,
        )
        if not self._ctx.services.ask_yes_no(self._parent, self.tr("Empty Trash"), question):
            return False
        from iphr_desk.core.store.repository import letters as letter_repo

        return self._op(
            self.tr("Could Not Empty the Trash"),
            lambda: letter_repo.empty_trash(self._ctx.store),
            Changes.TRASH,
        ).run()
