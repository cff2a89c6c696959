"""The signatory's loop in the window: "Send for Review…" and "Import Reviewed Copy…" (issue 15).

Contributed to the Letter menu's "Review and Exchange" submenu (exchange_menu.py). The work is the
core's (`core.exchange.review_import`: `export_for_review`, `plan_review_import`,
`apply_review_import`; `core.exchange.package.export_package`); this module asks what the user wants,
runs each store operation through `StoreOp` (one dialog on failure, the lists refreshed), and shows a
reviewed copy's changes before anything is stored (dialogs/review_import_dialog.py).

- Send for Review: the selected letter as a Word document carrying its provenance (which letter, which
  revision) and its open comments as Word comments; or, for a reviewer who has IPHR Desk, as an
  encrypted exchange package. A draft is then offered to move to "In review".
- Import Reviewed Copy: a .docx comes back; the plan is computed (nothing written), shown side by side,
  and stored only on Accept. A copy with no identity, or from another store, can be taken into the
  selected letter or made a new letter, at the user's word.

Imported while the window is built: the core and the dialogs are imported inside the handlers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    import datetime as dt

    from iphr_desk.core.exchange.review_import import ReviewPlan, ReviewResult
    from iphr_desk.core.letters.letter import Letter
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog
    from iphr_desk.gui.exchange_menu import ExchangeMenu


T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewActions", text)


def add_actions(menu: ExchangeMenu) -> None:
    ReviewActions(menu)


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a copy is read or written (a second or two on a large letter)."""
    from PySide6.QtCore import Qt  # not at import: the window is built before Qt's enums are needed

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SendForReviewDialog(QDialog):
    """How to send: a Word document (with the open comments), or an encrypted exchange package."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendForReviewDialog")
        self.setWindowTitle(self.tr("Send for Review"))
        intro = QLabel(self.tr("How should “%1” travel to its reviewer?").replace("%1", subject), self)
        intro.setWordWrap(True)
        self.docx = QRadioButton(self.tr("As a &Word document, to review with tracked changes"), self)
        self.comments = QCheckBox(self.tr("Include the open &comments as Word comments"), self)
        self.package = QRadioButton(
            self.tr("As an encrypted &exchange package, for a reviewer using IPHR Desk"), self
        )
        self.docx.setChecked(True)
        self.comments.setChecked(True)
        self.docx.toggled.connect(self.comments.setEnabled)
        note = QLabel(
            self.tr(
                "The document remembers which letter and which revision it was made from, so the reviewed "
                "copy can be taken back with “Import Reviewed Copy…”."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.docx)
        comments_row = QVBoxLayout()
        comments_row.setContentsMargins(24, 0, 0, 0)
        comments_row.addWidget(self.comments)
        layout.addLayout(comments_row)
        layout.addWidget(self.package)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


class ReviewActions(QObject):
    """The two actions and their handlers, owned by the menu."""

    def __init__(self, menu: ExchangeMenu) -> None:
        super().__init__(menu)
        self.menu = menu
        self.send_action = QAction(_tr("Send for &Review…"), menu)
        self.send_action.setObjectName("sendForReview")
        self.send_action.setStatusTip(
            _tr("Export the selected letter as a Word document (or a package) for its reviewer")
        )
        self.import_action = QAction(_tr("&Import Reviewed Copy…"), menu)
        self.import_action.setObjectName("importReviewedCopy")
        self.import_action.setStatusTip(
            _tr("Take back a reviewed Word document: see its changes, then accept them")
        )
        menu.addAction(self.send_action)
        menu.addAction(self.import_action)
        self.send_action.triggered.connect(lambda _checked=False: self.send_for_review())
        self.import_action.triggered.connect(lambda _checked=False: self.import_reviewed_copy())
        menu.aboutToShow.connect(self.update_actions)
        #: The dialogs while they are open (tests answer them).
        self.dialog: ReviewImportDialog | None = None
        self.send_dialog: SendForReviewDialog | None = None

    # Shared ------------------------------------------------------------------------------------------

    @property
    def ctx(self) -> AppContext | None:
        return self.menu.host.ctx

    def _parent(self) -> QWidget:
        return self.menu.window_

    def update_actions(self) -> None:
        opened = self.ctx is not None and self.menu.letter_actions is not None
        self.send_action.setEnabled(opened and len(self.menu.selected()) == 1)
        self.import_action.setEnabled(opened)

    def _op(self, title: str, operation: Callable[[], T], changes: Changes = Changes.LETTERS) -> StoreOp[T]:
        ctx = self.ctx
        assert ctx is not None
        host = self.menu.host
        return StoreOp(
            self._parent(), ctx.services, title, operation, changes=changes, refresh=host.refresh_changed
        )

    # Send for review ----------------------------------------------------------------------------------

    def send_for_review(self) -> Path | None:
        """Export the one selected letter for its reviewer; the path written, or None."""
        ctx, actions = self.ctx, self.menu.letter_actions
        ids = self.menu.selected()
        if ctx is None or actions is None:
            return None
        if len(ids) != 1:
            ctx.services.info(
                self._parent(), _tr("Send for Review"), _tr("Select one letter to send for review.")
            )
            return None
        letter_id = ids[0]
        if not actions.flush([letter_id]):
            return None
        from iphr_desk.core.store.repository import letters as letter_repo

        letter = letter_repo.get_letter(ctx.store, letter_id)
        choice = SendForReviewDialog(letter.subject, self._parent())
        self.send_dialog = choice
        try:
            if choice.exec() != QDialog.DialogCode.Accepted:
                return None
            as_package, with_comments = choice.package.isChecked(), choice.comments.isChecked()
        finally:
            self.send_dialog = None
            choice.deleteLater()
        if as_package:
            written = self._send_package(ctx, letter_id, letter.date, letter.subject)
        else:
            written = self._send_docx(ctx, letter_id, letter, with_comments)
        if written is None:
            return None
        ctx.settings.last_export_folder = written.parent if written.suffix else written
        self.menu.host.statusBar().showMessage(_tr("Sent for review: %1").replace("%1", str(written)), 8000)
        status = actions.status_of(letter_id)
        if status in ("draft", "changes_requested") and ctx.services.ask_yes_no(
            self._parent(),
            _tr("Send for Review"),
            _tr("The letter is written to %1. Move it to “In review” now?").replace("%1", str(written)),
        ):
            actions.change_status(letter_id, "in_review")
        return written

    def _default_folder(self, ctx: AppContext) -> Path:
        folder = ctx.settings.last_export_folder
        return folder if folder is not None and folder.is_dir() else Path.home()

    def _send_docx(self, ctx: AppContext, letter_id: int, letter: Letter, with_comments: bool) -> Path | None:
        from iphr_desk.core.exchange.review_import import export_for_review
        from iphr_desk.core.export.filenames import combined_filename
        from iphr_desk.gui.profile import current_user

        if len(letter.recipients) > 1:
            target = ctx.services.choose_folder(
                self._parent(), _tr("Choose a Folder for the Documents to Review")
            )
        else:
            suggested = self._default_folder(ctx) / combined_filename(letter.date, letter.subject, ".docx")
            target = ctx.services.save_file(
                self._parent(), _tr("Send for Review"), str(suggested), _tr("Word documents (*.docx)")
            )
            if target is not None and target.suffix.lower() != ".docx":
                target = target.with_name(target.name + ".docx")
        if target is None:
            return None
        author = current_user(ctx.settings)
        written: list[Path] = []
        self._op(
            _tr("Could Not Export for Review"),
            lambda: export_for_review(
                ctx.store, letter_id, target, with_comments=with_comments, author=author
            ),
        ).success(written.append).run()
        return written[0] if written else None

    def _send_package(self, ctx: AppContext, letter_id: int, date: dt.date, subject: str) -> Path | None:
        from iphr_desk.core.exchange.package import SUFFIX, export_package
        from iphr_desk.core.export.filenames import combined_filename
        from iphr_desk.gui.profile import current_user

        suggested = self._default_folder(ctx) / combined_filename(date, subject, SUFFIX)
        target = ctx.services.save_file(
            self._parent(),
            _tr("Send for Review"),
            str(suggested),
            _tr("Exchange packages (*%1)").replace("%1", SUFFIX),
        )
        if target is None:
            return None
        if not target.name.endswith(SUFFIX):
            target = target.with_name(target.name + SUFFIX)
        services = ctx.services
        passphrase = services.ask_passphrase(
            self._parent(),
            _tr("Package Passphrase"),
            _tr("A passphrase to encrypt the package (tell it to the reviewer another way):"),
        )
        if not passphrase:
            return None
        again = services.ask_passphrase(
            self._parent(), _tr("Package Passphrase"), _tr("The same passphrase again:")
        )
        if again != passphrase:
            services.warning(
                self._parent(),
                _tr("Package Passphrase"),
                _tr("The two passphrases differ; nothing was written."),
            )
            return None
        author = current_user(ctx.settings)
        done: list[int] = []
        self._op(
            _tr("Could Not Write the Package"),
            lambda: export_package(ctx.store, [letter_id], target, passphrase, author=author),
        ).success(done.append).run()
        return target if done else None

    # Import a reviewed copy ----------------------------------------------------------------------------

    def import_reviewed_copy(self, path: Path | None = None) -> int | None:
        """Choose a reviewed .docx, show what it brings, store it on Accept; the letter's id, or None."""
        ctx, actions = self.ctx, self.menu.letter_actions
        if ctx is None or actions is None:
            return None
        if path is None:
            path = ctx.services.open_file(
                self._parent(), _tr("Import a Reviewed Copy"), _tr("Word documents (*.docx);;All files (*)")
            )
        if path is None:
            return None
        self.menu.host.flush_editors()  # the plan compares with the letter as it is now, saved
        plan = self._plan(ctx, path)
        if plan is None:
            return None
        from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog

        subject, sent = self._describe(ctx, plan)
        dialog = ReviewImportDialog(plan, subject, sent, self._parent())
        self.dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            approve = dialog.approve
        finally:
            self.dialog = None
            dialog.deleteLater()
        return self._apply(ctx, plan, approve)

    def _plan(self, ctx: AppContext, path: Path) -> ReviewPlan | None:
        from iphr_desk.core.errors import BadInput
        from iphr_desk.core.exchange.review_import import plan_review_import

        title = _tr("Could Not Read the Reviewed Copy")
        try:
            with busy():
                return plan_review_import(ctx.store, path)
        except BadInput as error:
            # The copy has no identity, or comes from another store (the core's message names the
            # command line's way round it, --id N or --as-new): ask the window's way instead.
            if "--as-new" not in str(error):
                if self._reopen_for(ctx, path):  # an approved letter: reopened at the user's word
                    plans: list[ReviewPlan] = []
                    StoreOp(
                        self._parent(), ctx.services, title, lambda: plan_review_import(ctx.store, path)
                    ).success(plans.append).run()
                    return plans[0] if plans else None
                ctx.services.error(self._parent(), title, str(error))
                return None
        plans = []
        selected = self.menu.selected()
        question = _tr(
            "“%1” does not come from a letter of this store (it has no IPHR Desk identity, or it was "
            "exported elsewhere)."
        ).replace("%1", path.name)
        if len(selected) == 1 and ctx.services.ask_yes_no(
            self._parent(),
            _tr("Import Reviewed Copy"),
            question + " " + _tr("Take it into the selected letter?"),
        ):
            StoreOp(
                self._parent(),
                ctx.services,
                title,
                lambda: plan_review_import(ctx.store, path, letter_id=selected[0]),
            ).success(plans.append).run()
        elif ctx.services.ask_yes_no(
            self._parent(), _tr("Import Reviewed Copy"), question + " " + _tr("Import it as a new letter?")
        ):
            StoreOp(
                self._parent(), ctx.services, title, lambda: plan_review_import(ctx.store, path, as_new=True)
            ).success(plans.append).run()
        return plans[0] if plans else None

    def _reopen_for(self, ctx: AppContext, path: Path) -> bool:
        """The copy changes a letter that is approved, signed or sent: offer to reopen it as a draft (the
        way `iphr-desk status --id N draft` does on the command line). True when it was reopened."""
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.exchange.docx_review import read_reviewed_file
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.core.vocabularies import READ_ONLY_STATUSES
        from iphr_desk.gui.models import labels

        actions = self.menu.letter_actions
        try:
            provenance = read_reviewed_file(path).provenance
            letter_id = (
                letter_repo.find_letter_by_uuid(ctx.store, provenance.letter_uuid) if provenance else None
            )
        except IphrError:
            return False
        status = actions.status_of(letter_id) if actions is not None and letter_id is not None else None
        if actions is None or letter_id is None or status not in READ_ONLY_STATUSES:
            return False
        subject = letter_repo.get_letter(ctx.store, letter_id).subject
        question = (
            _tr(
                "The letter “%1” has the status “%2”, and this reviewed copy changes it. Reopen it as a "
                "draft to take the changes in?"
            )
            .replace("%1", subject)
            .replace("%2", labels.letter_status(status))
        )
        if not ctx.services.ask_yes_no(self._parent(), _tr("Import Reviewed Copy"), question):
            return False
        return actions.change_status(letter_id, "draft")

    def _describe(self, ctx: AppContext, plan: ReviewPlan) -> tuple[str, str]:
        """The letter's subject, and the label of the revision that was sent (as the revision list says)."""
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.core.store.repository import revisions as revision_repo
        from iphr_desk.gui.editor.revisions import revision_label

        if plan.letter_id is None:
            return _tr("New letter"), _tr("Sent for review")
        subject = letter_repo.get_letter(ctx.store, plan.letter_id).subject
        sent = _tr("Sent for review")
        for info in revision_repo.list_revisions(ctx.store, plan.letter_id):
            if info.id == plan.base_revision_id:
                sent = revision_label(info)
        return subject, sent

    def _apply(self, ctx: AppContext, plan: ReviewPlan, approve: bool) -> int | None:
        """Store the plan; with `approve`, the approval goes the workflow's way (`_approve`)."""
        from iphr_desk.core.exchange.review_import import apply_review_import
        from iphr_desk.gui.profile import current_user

        actions = self.menu.letter_actions
        assert actions is not None
        author = current_user(ctx.settings)
        own = approve and plan.letter_id is not None and actions.is_own_letter(plan.letter_id, author)
        if own and not actions.confirm_own("approved"):
            return None
        results: list[ReviewResult] = []

        def store() -> ReviewResult:
            result = apply_review_import(ctx.store, plan, author=author, approve=False)
            if approve:
                self._approve(ctx, result.letter_id, plan.file_name, author, own)
            return result

        ok = self._op(_tr("Could Not Import the Reviewed Copy"), store).success(results.append).run()
        if not ok or not results:
            return None
        letter_id = results[0].letter_id
        actions.reload_open(letter_id)
        status = actions.status_of(letter_id) or results[0].status
        actions.statusChanged.emit(letter_id, status)
        self.menu.host.statusBar().showMessage(
            _tr("Reviewed copy imported: %1").replace("%1", plan.file_name), 8000
        )
        actions.openRequested.emit(letter_id)
        return letter_id

    def _approve(self, ctx: AppContext, letter_id: int, file_name: str, author: str, own: bool) -> None:
        """Approve after a copy that asks for nothing: through "In review" when the letter is not there
        yet, and with the note every approval carries (the role; a confirmed approval of one's own
        letter, asked before anything was stored), as `LetterActions.change_status` writes it."""
        from iphr_desk.core.store.repository import letters as letter_repo
        from iphr_desk.gui.dialogs.status_dialog import compose_note

        status = letter_repo.get_letter_info(ctx.store, letter_id).status
        if status in ("draft", "changes_requested"):
            letter_repo.change_status(
                ctx.store, letter_id, "in_review", author=author, note=f"reviewed copy {file_name}"
            )
        note = compose_note(role=ctx.settings.user_role, own_letter=own) or None
        letter_repo.change_status(ctx.store, letter_id, "approved", author=author, note=note)
