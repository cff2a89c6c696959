"""Opening the store at start-up, on a worker thread, and what can go wrong at that moment.

The letter list's first rows come first when they can (core/store/quick_list.py: sqlite3, no
SQLAlchemy); the store opens once they are painted, and the window switches to it. A passphrase, a damaged
database, a newer schema or any other failure ends in a dialog from the main thread, never a traceback.
Imported at the first paint (app.py), not before it; it imports nothing from app.py, so the two do not
import each other.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from iphr_desk.core.paths import PASSPHRASE_ENV, resolve_data_dir

if TYPE_CHECKING:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.quick_list import QuickLetterReader
    from iphr_desk.gui.main_window import MainWindow
    from iphr_desk.gui.services import Services
    from iphr_desk.gui.settings import Settings

PASSPHRASE_ATTEMPTS = 3
REST_AFTER_MS = 120  # the other lists fill after the letters have been painted
QUICK_PAGE = 100  # rows read for the first page before the store opens (PagedTableModel's page size)
QUICK_WAIT_S = 1.0  # the worker waits at most this long for the quick rows to be painted (hidden window)
NOTICE_MS = 20_000  # how long a notice from the opening stays in the status bar


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


class _OpenResult(QObject):
    """Carries the worker's outcome to the main thread (queued signals)."""

    quick = Signal(object)  # a QuickLetterReader: the letter list before the store is open
    done = Signal(object, object)  # the Store or None, the exception or None


def _quick_reader(folder: Path, passphrase: str | None) -> QuickLetterReader | None:
    """The letter list's count and first page read with sqlite3, when the store needs no check (or None)."""
    from iphr_desk.core.store.quick_list import open_quick_reader

    reader = open_quick_reader(folder, passphrase)
    if reader is None:
        return None
    try:
        reader.prefetch(QUICK_PAGE)
    except Exception:  # a busy or odd file: the rows come with the store, which reports any problem
        reader.close()
        return None
    return reader


def _remove_stale_conversions() -> None:
    """A PDF conversion killed with the app leaves the letter's .docx in its private work folder."""
    try:
        from iphr_desk.core.export.pdf import remove_stale_work

        remove_stale_work()
    except Exception:  # housekeeping: never a reason not to open the store
        return


class StoreOpener:
    """Opens the store, and handles what can go wrong at that moment.

    With `threaded` the opening (SQLAlchemy's import, the integrity check, the daily backup: seconds for a
    large store) runs on a worker thread so the window keeps repainting; every dialog it leads to (the
    passphrase, a damaged database) is shown from the main thread. With `quick` the worker first reads the
    letter list's first rows with sqlite3 when it can (see the module's docstring) and opens the store once
    the window has painted them.

    """

    def __init__(
        self,
        window: MainWindow,
        services: Services,
        settings: Settings,
        data_dir: str | None,
        *,
        threaded: bool = False,
        quick: bool = False,
    ) -> None:
        self.window = window
        self.services = services
        self.settings = settings
        self.given = data_dir
        self.threaded = threaded
        self.quick = quick
        self.failed = False
        self.started = False
        self.folder: Path | None = None
        self._passphrase: str | None = None
        self._passphrase_tries = 0
        self._unclaimed: Store | None = None  # opened after the app quit: closed by `wait()`
        self._reader: QuickLetterReader | None = None  # the quick rows' reader, until the store is attached
        self._busy = False
        self._rows_painted = threading.Event()  # the worker opens the store after the quick rows show
        self._on_shown: list[Callable[[], None]] = []  # `when_shown` callbacks not called yet
        self._cancelled = threading.Event()  # the app quit before the worker opened the store
        self._result = _OpenResult()
        self._result.quick.connect(self._on_quick)
        self._result.done.connect(self._finished)
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)

    def when_shown(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the quick rows are painted or the opening ended (before any dialog)."""
        self._on_shown.append(callback)

    def _shown(self) -> None:
        callbacks, self._on_shown = self._on_shown, []
        for callback in callbacks:
            callback()

    def _quick_rows_painted(self) -> None:
        self._rows_painted.set()
        self._shown()

    def open(self) -> None:
        if self.started:
            return
        self.started = True
        try:
            self.folder = resolve_data_dir(self.given)
        except Exception as error:  # every failure at start ends in a dialog, not a traceback
            self._finished(None, error)
            return
        self._passphrase = os.environ.get(PASSPHRASE_ENV) or None
        self._try_open(quick=self.quick)

    def _try_open(self, *, quick: bool = False) -> None:
        folder, passphrase, result = self.folder, self._passphrase, self._result
        assert folder is not None
        rows_painted, cancelled = self._rows_painted, self._cancelled

        def work() -> None:
            if quick:
                reader = _quick_reader(folder, passphrase)
                if reader is not None:
                    result.quick.emit(reader)
                    # Importing SQLAlchemy now would slow the painting of those rows (one GIL).
                    rows_painted.wait(QUICK_WAIT_S)
                    if cancelled.is_set():
                        return
            _remove_stale_conversions()
            try:
                from iphr_desk.core.store.database import Store

                # quick_check reads the whole file (about 1 s per GB): the window runs it at the first
                # open of each day, before that day's backup, rather than at every start. The CLI and
                # every migration or restore still check at each open.
                store = Store.open(folder, passphrase=passphrase, check="daily")
            except Exception as error:  # handed to the main thread, which tells the user
                result.done.emit(None, error)
                return
            self._unclaimed = store
            result.done.emit(store, None)

        self._set_busy(True)
        if self.threaded:
            self._pool.start(work)
        else:
            work()

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            from PySide6.QtCore import Qt

            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _on_quick(self, reader: QuickLetterReader) -> None:
        self._reader = reader
        try:
            self.window.show_quick_rows(reader, self._quick_rows_painted)
        except Exception:  # the rows then come with the store
            self._quick_rows_painted()
            raise

    def _drop_reader(self, *, detach: bool) -> None:
        reader, self._reader = self._reader, None
        if reader is None:
            return
        if detach:
            self.window.letter_model.show_quick(None)
        reader.close()

    def _finished(self, store: Store | None, error: Exception | None) -> None:
        self._set_busy(False)
        self._unclaimed = None
        self._shown()
        if store is not None:
            from iphr_desk.gui.context import AppContext

            assert self.folder is not None
            context = AppContext(
                store=store, services=self.services, settings=self.settings, data_dir=self.folder
            )
            self.window.attach(context, defer_rest_ms=REST_AFTER_MS)  # the quick rows give way
            self._drop_reader(detach=False)
            if store.notices:  # what opening put right after an interrupted command, in the core's words
                self.window.statusBar().showMessage(" ".join(store.notices), NOTICE_MS)
            return
        assert error is not None
        self._drop_reader(detach=True)
        try:
            self._recover(error)
        except Exception as later:  # a failed restore, say: told like any other failure at start
            self._fail(later)

    def _recover(self, error: Exception) -> None:
        """Ask what the error needs (a passphrase, a backup) and try again, or give up with a dialog."""
        from iphr_desk.core.errors import CorruptDatabaseError, PassphraseError

        assert self.folder is not None
        if isinstance(error, PassphraseError) and self._passphrase_tries < PASSPHRASE_ATTEMPTS:
            label = (
                _tr("This data folder is encrypted. Enter its passphrase:")
                if self._passphrase is None
                else _tr("That passphrase is not right. Try again:")
            )
            self._passphrase_tries += 1
            self._passphrase = self.services.ask_passphrase(self.window, _tr("Passphrase"), label)
            if self._passphrase is None:
                self._quit()
            else:
                self._try_open()
        elif isinstance(error, CorruptDatabaseError):
            if self._offer_backup(self.folder, error):
                self._try_open()
            else:
                self._quit()
        else:
            self._fail(error)

    def wait(self) -> None:
        """Let a running opening finish; close a store nobody took (the app quit meanwhile)."""
        self._cancelled.set()  # a worker still waiting for the quick rows opens nothing
        self._rows_painted.set()
        self._pool.waitForDone()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._unclaimed is not None:
            self._unclaimed.close()
            self._unclaimed = None

    def _offer_backup(self, folder: Path, error: Exception) -> bool:
        """Offer the newest good backup; True when it was restored and opening may be tried again."""
        from iphr_desk.core.store import backup

        newest = backup.newest_good_backup(folder)
        if newest is None:
            self.services.error(
                self.window,
                _tr("Damaged Database"),
                _tr("Your database is damaged and there is no good backup to restore."),
                str(error),
            )
            return False
        from iphr_desk.core.errors import MissingDatabaseError

        if isinstance(error, MissingDatabaseError):
            question = _tr(
                "Your database file is missing or empty, but there are backups. Restore the newest good "
                "backup, from %1? Nothing else is changed."
            ).replace("%1", newest.label)
        else:
            question = _tr(
                "Your database is damaged. Restore the newest good backup, from %1? "
                "The damaged file is kept aside, not deleted."
            ).replace("%1", newest.label)
        if not self.services.ask_yes_no(self.window, _tr("Damaged Database"), question):
            return False
        backup.restore_backup(folder, newest.id)
        return True

    def _fail(self, error: Exception) -> None:
        from iphr_desk.core.errors import IphrError, NewerSchemaError

        self.failed = True
        if isinstance(error, NewerSchemaError):
            text = _tr(
                "This data was written by a newer version of IPHR Desk. Install the newer version "
                "to open it; nothing was changed."
            )
            self.services.error(self.window, _tr("Newer Data"), text, str(error))
        elif isinstance(error, IphrError):
            self.services.error(self.window, _tr("Cannot Open Your Data"), str(error))
        else:
            self.services.error(
                self.window,
                _tr("Cannot Open Your Data"),
                _tr("Something went wrong while opening your data."),
                f"{type(error).__name__}: {error}",
            )
        self._quit()

    def _quit(self) -> None:
        QTimer.singleShot(0, self.window.close)
        QTimer.singleShot(0, QCoreApplication.quit)
