"""The window's "Sign…" (issue 15): an approved letter signed with the signatory's certificate.

Contributed to the Letter menu's "Review and Exchange" submenu (exchange_menu.py); enabled for one
selected letter that is Approved. The work is the core's (`core.signing.letter_signing`), in its three
steps: the plan is read from the store here, on the GUI thread; the PDF is made, signed, checked and
written in a worker thread (LibreOffice takes seconds, and the window must not freeze); the record and
the move to Signed are then stored through `StoreOp`, back on the GUI thread.

Imported while the window is built: the core and the dialog's file checks are imported in the handlers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iphr_desk.gui.store_op import Changes, StoreOp

if TYPE_CHECKING:
    from iphr_desk.core.signing.certificates import KeySource
    from iphr_desk.core.signing.letter_signing import SignedFile, SigningPlan, SignOutcome
    from iphr_desk.gui.context import AppContext
    from iphr_desk.gui.exchange_menu import ExchangeMenu


def _tr(text: str) -> str:
    return QCoreApplication.translate("SignActions", text)


def add_actions(menu: ExchangeMenu) -> None:
    SignActions(menu)


class SignDialog(QDialog):
    """The certificate file, its passphrase, who signs, and where the signed PDF goes."""

    def __init__(
        self, ctx: AppContext, subject: str, signatories: list[str], suggested: Path, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sign the Letter"))
        intro = QLabel(
            self.tr(
                "“%1” will be made as a PDF/A, signed with your certificate (PAdES), and marked as signed."
            ).replace("%1", subject),
            self,
        )
        intro.setWordWrap(True)
        self.certificate = QLineEdit(self)
        self.certificate.setObjectName("certificateFile")
        self.certificate.setAccessibleName(self.tr("Certificate file"))
        self.certificate.setPlaceholderText(self.tr("A .p12 or .pfx file"))
        browse_certificate = QPushButton(self.tr("&Browse…"), self)
        browse_certificate.clicked.connect(self._browse_certificate)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("certificatePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the certificate"))
        self.signatory = QComboBox(self)
        self.signatory.setObjectName("signingSignatory")
        self.signatory.setAccessibleName(self.tr("Who signs"))
        for number, name in enumerate(signatories, start=1):
            self.signatory.addItem(name, str(number))
        self.output = QLineEdit(str(suggested), self)
        self.output.setObjectName("signedPdf")
        self.output.setAccessibleName(self.tr("Signed PDF"))
        browse_output = QPushButton(self.tr("Br&owse…"), self)
        browse_output.clicked.connect(self._browse_output)
        form = QFormLayout()
        form.addRow(self.tr("&Certificate:"), _row(self, self.certificate, browse_certificate))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Signed by:"), self.signatory)
        form.addRow(self.tr("Signed PDF &file:"), _row(self, self.output, browse_output))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.certificate, self.output):
            edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update_ok()

    def _update_ok(self) -> None:
        ready = bool(self.certificate.text().strip()) and bool(self.output.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _browse_certificate(self) -> None:
        path = self.ctx.services.open_file(
            self, self.tr("Choose Your Certificate"), self.tr("Certificates (*.p12 *.pfx);;All files (*)")
        )
        if path is not None:
            self.certificate.setText(str(path))

    def _browse_output(self) -> None:
        path = self.ctx.services.save_file(
            self, self.tr("Save the Signed PDF"), self.output.text(), self.tr("PDF documents (*.pdf)")
        )
        if path is not None:
            self.output.setText(
                str(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))
            )

    def source(self) -> KeySource:
        from iphr_desk.core.signing.certificates import Pkcs12Source

        return Pkcs12Source(Path(self.certificate.text().strip()), self.passphrase.text() or None)

    def signer_choice(self) -> str:
        return str(self.signatory.currentData())

    def output_path(self) -> Path:
        return Path(self.output.text().strip()).expanduser()


def _row(parent: QWidget, edit: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row


class SignWorker(QObject):
    """Makes, signs, checks and writes the PDF in its own thread; never touches the store."""

    finished = Signal(object)  # SignedFile
    failed = Signal(str)

    def __init__(self, plan: SigningPlan, source: KeySource, output: Path, data_dir: Path) -> None:
        super().__init__()
        self._plan, self._source, self._output, self._data_dir = plan, source, output, data_dir

    @Slot()
    def run(self) -> None:
        from iphr_desk.core.errors import IphrError
        from iphr_desk.core.signing.letter_signing import produce_signed_pdf

        try:
            signed = produce_signed_pdf(self._plan, self._source, self._output, data_dir=self._data_dir)
        except IphrError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # told in the dialog, never a traceback in the user's face
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(signed)


class SignActions(QObject):
    """The "Sign…" action, its dialog and its run."""

    #: The run ended: the outcome (SignOutcome) or the message of its failure (str).
    done = Signal(object)
    #: Runs in progress, kept alive until their thread ends (a QThread destroyed while running aborts).
    _running: ClassVar[set[Any]] = set()

    def __init__(self, menu: ExchangeMenu) -> None:
        super().__init__(menu)
        self.menu = menu
        self.action = QAction(_tr("&Sign…"), menu)
        self.action.setObjectName("signLetter")
        self.action.setStatusTip(_tr("Sign the selected approved letter with your certificate, as a PDF"))
        menu.addAction(self.action)
        self.action.triggered.connect(lambda _checked=False: self.sign())
        menu.aboutToShow.connect(self.update_actions)
        #: The dialog while it is open, and the busy indicator while signing (tests look at them).
        self.dialog: SignDialog | None = None
        self.progress: QProgressDialog | None = None

    @property
    def ctx(self) -> AppContext | None:
        return self.menu.host.ctx

    def _parent(self) -> QWidget:
        return self.menu.window_

    def _letter(self) -> int | None:
        selected = self.menu.selected()
        return selected[0] if len(selected) == 1 else None

    def update_actions(self) -> None:
        letter_actions = self.menu.letter_actions
        letter_id = self._letter()
        approved = (
            self.ctx is not None
            and letter_actions is not None
            and letter_id is not None
            and letter_actions.status_of(letter_id) == "approved"
        )
        self.action.setEnabled(approved)

    def sign(self) -> SignDialog | None:
        """Open the dialog for the selected letter (checked first: only an approved letter is signed)."""
        ctx, letter_id = self.ctx, self._letter()
        letter_actions = self.menu.letter_actions
        if (
            ctx is None
            or letter_id is None
            or letter_actions is None
            or not letter_actions.flush([letter_id])
        ):
            return None
        from iphr_desk.core.signing.letter_signing import plan_signing

        plans: list[SigningPlan] = []
        StoreOp(
            self._parent(), ctx.services, _tr("Cannot Sign"), lambda: plan_signing(ctx.store, letter_id)
        ).success(plans.append).run()
        if not plans:
            return None
        letter = plans[0].letter
        dialog = SignDialog(
            ctx, letter.subject, [s.name for s in letter.signatories], _suggested(ctx, letter), self._parent()
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._start(letter_id, dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: SignDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _start(self, letter_id: int, dialog: SignDialog) -> None:
        ctx = self.ctx
        assert ctx is not None
        from iphr_desk.core.signing.letter_signing import plan_signing

        plans: list[SigningPlan] = []
        StoreOp(
            self._parent(),
            ctx.services,
            _tr("Cannot Sign"),
            lambda: plan_signing(ctx.store, letter_id, dialog.signer_choice()),
        ).success(plans.append).run()
        if not plans:
            self.done.emit(_tr("Cannot Sign"))
            return
        worker = SignWorker(plans[0], dialog.source(), dialog.output_path(), ctx.data_dir)
        thread = QThread()
        worker.moveToThread(thread)
        progress = QProgressDialog(
            _tr("Signing… (making the PDF/A and signing it)"), "", 0, 0, self._parent()
        )
        progress.setObjectName("signingProgress")
        progress.setCancelButton(None)  # a signature half made is never written: nothing to cancel
        progress.setWindowTitle(_tr("Sign"))
        progress.setMinimumDuration(0)
        self.progress = progress
        run = (worker, thread, progress)
        SignActions._running.add(run)
        thread.started.connect(worker.run)
        worker.finished.connect(lambda signed: self._record(plans[0], signed))
        worker.failed.connect(self._failed)
        for signal in (worker.finished, worker.failed):
            signal.connect(thread.quit)
        thread.finished.connect(lambda: self._ended(run))
        progress.show()
        thread.start()

    def _ended(self, run: tuple[Any, QThread, QProgressDialog]) -> None:
        run[2].close()
        run[2].deleteLater()
        if self.progress is run[2]:
            self.progress = None
        SignActions._running.discard(run)

    def _failed(self, message: str) -> None:
        ctx = self.ctx
        if ctx is not None:
            ctx.services.error(self._parent(), _tr("Could Not Sign"), message)
        self.done.emit(message)

    def _record(self, plan: SigningPlan, signed: SignedFile) -> None:
        ctx = self.ctx
        assert ctx is not None
        from iphr_desk.core.signing.letter_signing import record_signed_file

        letter_actions = self.menu.letter_actions
        author = letter_actions.author() if letter_actions is not None else ""
        outcomes: list[SignOutcome] = []
        StoreOp(
            self._parent(),
            ctx.services,
            _tr("Could Not Record the Signature"),
            lambda: record_signed_file(ctx.store, plan, signed, author=author),
            changes=Changes.LETTERS,
            refresh=self.menu.host.refresh_changed,
        ).success(outcomes.append).run()
        if not outcomes:
            self.done.emit(_tr("Could Not Record the Signature"))
            return
        if letter_actions is not None:
            letter_actions.statusChanged.emit(plan.letter_id, "signed")
        when = signed.signed_at.astimezone(dt.UTC)
        ctx.services.info(
            self._parent(),
            _tr("Letter Signed"),
            _tr("Signed by %1 on %2 UTC. The letter is now signed; the PDF is %3.")
            .replace("%1", signed.signer_name)
            .replace("%2", f"{when:%Y-%m-%d %H:%M}")
            .replace("%3", str(signed.output)),
        )
        self.done.emit(outcomes[0])


def _suggested(ctx: AppContext, letter: Any) -> Path:
    """`YYYY-MM-DD Surname - Subject (signed).pdf` in the documents folder."""
    from iphr_desk.core.export.filenames import batch_filename

    name = batch_filename(
        letter.date, letter.recipient.effective_surname, letter.subject, set(), suffix=".pdf"
    )
    folder = Path.home() / "Documents"
    return (folder if folder.is_dir() else Path.home()) / name.replace(".pdf", " (signed).pdf")
