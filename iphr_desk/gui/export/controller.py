"""Export from the editor or the letter list: options dialog, background worker, progress, result.

`start_export(ctx, parent, letter_ids)` is what the rest of the GUI calls. The letters are read from the
store here, on the GUI thread; the worker thread only writes files. The progress dialog's Cancel really
stops the run: the core exporter asks the worker's progress callback before each file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.core.letters.letter import Letter
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.context import AppContext
from iphr_desk.gui.export.dialog import ExportDialog
from iphr_desk.gui.export.worker import ExportOptions, ExportWorker

if TYPE_CHECKING:
    from iphr_desk.core.export.docx.review_marks import ReviewMarks  # python-docx: not at start-up

#: Runs in progress, kept alive until their thread ends (a QThread destroyed while running aborts).
_RUNS: set[ExportRun] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def start_export(ctx: AppContext, parent: QWidget | None, letter_ids: list[int]) -> None:
    """Ask where and how, then export `letter_ids` in the background."""
    if not letter_ids:
        return
    try:
        letters = [letter_repo.get_letter(ctx.store, letter_id) for letter_id in letter_ids]
    except IphrError as exc:
        ctx.services.error(parent, _tr("Export failed"), str(exc))
        return
    from iphr_desk.core.export.pdf import find_soffice

    dialog = ExportDialog(
        ctx.services,
        len(letters),
        any(len(x.recipients) > 1 for x in letters),
        find_soffice() is not None,
        parent,
        settings=ctx.settings,
    )
    dialog.setObjectName("exportDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        options = dialog.options()
        run_export(ctx, parent, letters, options, marks=_review_marks(ctx, parent, letter_ids, options))

    dialog.accepted.connect(accepted)
    dialog.open()


def _review_marks(
    ctx: AppContext, parent: QWidget | None, letter_ids: list[int], options: ExportOptions
) -> list[ReviewMarks | None] | None:
    """Each stored letter's .docx names the letter and the stored revision it shows (issue 15: a reviewed
    copy comes back to it); that may store a revision first, on this thread, before the worker starts."""
    if options.pdf:
        return None
    from iphr_desk.core.exchange.review_import import review_marks
    from iphr_desk.gui.profile import current_user

    try:
        return [review_marks(ctx.store, i, author=current_user(ctx.settings)) for i in letter_ids]
    except IphrError as exc:  # a letter that cannot take a revision is exported without its identity
        ctx.services.error(parent, _tr("Export"), str(exc))
        return None


def run_export(
    ctx: AppContext,
    parent: QWidget | None,
    letters: list[Letter],
    options: ExportOptions,
    *,
    marks: list[ReviewMarks | None] | None = None,
) -> ExportRun:
    """Start exporting `letters` with `options`; the returned run reports through its signals."""
    run = ExportRun(ctx, parent, letters, options, marks)
    _RUNS.add(run)
    run.done.connect(lambda: _RUNS.discard(run))
    run.start()
    return run


class ExportRun(QObject):
    """One export: the worker in its thread and the progress dialog. `done` fires once, at the end."""

    done = Signal(str, list)  # "finished" | "cancelled" | "failed", the paths written

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        letters: list[Letter],
        options: ExportOptions,
        marks: list[ReviewMarks | None] | None = None,
    ) -> None:
        super().__init__()
        self._ctx = ctx
        self._parent = parent
        self.options = options
        self.worker = ExportWorker(letters, options, ctx.data_dir, marks)
        self.worker_thread = QThread()
        self.worker.moveToThread(self.worker_thread)
        self.progress_dialog = QProgressDialog(_tr("Exporting…"), _tr("Cancel"), 0, self.worker.total, parent)
        self.progress_dialog.setWindowTitle(_tr("Export"))
        self.progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog.setMinimumDuration(0)
        self.progress_dialog.setAutoClose(False)
        self.progress_dialog.setAutoReset(False)
        # Not connected to the worker's slot: that would be queued to the busy worker thread and run only
        # after the export; the flag is a threading.Event, safe to set from here.
        self.progress_dialog.canceled.connect(self._cancel_worker)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.failed.connect(self._on_failed)
        self.result: str | None = None
        self.paths: list[object] = []

    def start(self) -> None:
        self.progress_dialog.setValue(0)
        self.worker_thread.start()

    def cancel(self) -> None:
        self._cancel_worker()
        self.progress_dialog.cancel()

    def _cancel_worker(self) -> None:
        self.worker.cancel()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress_dialog.setMaximum(total)
        self.progress_dialog.setValue(min(done, total))
        self.progress_dialog.setLabelText(
            _tr("Exporting %1 of %2: %3")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", label)
        )

    def _finish(self, result: str, paths: list[object]) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.progress_dialog.close()
        self.progress_dialog.deleteLater()
        self.result = result
        self.paths = paths
        self.done.emit(result, paths)

    def _on_finished(self, paths: list[object]) -> None:
        self._finish("finished", paths)
        folder = self.options.folder
        # Always the plural form with its count: without one, Qt leaves "%n" in the text.
        text = QCoreApplication.translate("Export", "%n file(s) written to %1.", "", len(paths)).replace(
            "%1", str(folder)
        )
        if self._ctx.services.ask_yes_no(
            self._parent, _tr("Export finished"), text + "\n\n" + _tr("Open the folder?")
        ):
            self._ctx.services.open_folder(folder)

    def _on_cancelled(self, paths: list[object]) -> None:
        self._finish("cancelled", paths)
        self._ctx.services.info(
            self._parent,
            _tr("Export cancelled"),
            QCoreApplication.translate(
                "Export", "Export cancelled. %n file(s) had been written before.", "", len(paths)
            ),
        )

    def _on_failed(self, message: str, paths: list[object]) -> None:
        self._finish("failed", paths)
        self._ctx.services.error(
            self._parent,
            _tr("Export failed"),
            message
            + "\n\n"
            + _tr(
                "Nothing was overwritten. Fix the problem above (for example, choose another "
                "folder or close the file in Word) and export again."
            ),
        )
