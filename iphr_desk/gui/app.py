"""Start the desktop app: window first, store second.

Start-up speed is measured (process start → window visible → first rows painted), so only PySide6 and the
window module are imported before `show()`. At the first paint a worker starts opening the store
(opener.py): when no migration is due (the usual start), the worker first reads the letter list's count and
first page with the standard sqlite3 module (core/store/quick_list.py) while this thread builds the
lists; once those rows are painted it opens the store (SQLAlchemy, about 0.4 s to import; on the day's
first start also the quick_check and the daily backup) and the lists switch to it and fill. Store errors
at start get a dialog that says what to do, never a traceback. Nothing is printed on stdout.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from iphr_desk import __version__
from iphr_desk.core.paths import DATA_DIR_ENV
from iphr_desk.gui.i18n import install_translators
from iphr_desk.gui.main_window import MainWindow
from iphr_desk.gui.services import Services
from iphr_desk.gui.settings import Settings
from iphr_desk.resources import resource

if TYPE_CHECKING:
    from iphr_desk.gui.opener import StoreOpener

QUIT_AFTER_ENV = "IPHR_DESK_QUIT_AFTER_MS"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
FALLBACK_OPEN_MS = 1500


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def app_icon() -> QIcon:
    """The PNG sizes drawn from resources/icons/iphr-desk.svg (PNGs: no SVG plugin needed at start)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource("icons", f"iphr-desk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def spare_the_source_cache() -> bool:
    """Stop PySide6 keeping the source text of every module imported after it (about 20 MiB once SQLAlchemy
    and the models are loaded); True when the check was replaced.

    PySide6's `__feature__` support looks at each newly imported module for the word "PySide6" with
    `inspect.getsource`, which leaves the whole file in `linecache` for the life of the process. The same
    question is answered here by reading the file's bytes; modules without a `.py` file still go to
    PySide6's own check. Nothing changes if a later PySide6 has no such function. (linecache is only a
    cache: a traceback reads the lines it needs again.)
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "spares_source_cache", False):
        return False

    def mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    mod_uses_pyside.spares_source_cache = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    import linecache

    linecache.clearcache()  # what it kept of the modules imported so far (the memory is reused)
    return True


def make_application(argv: list[str], *, icon: bool = True) -> QApplication:
    """The application object, named for settings and the desktop; `icon=False` leaves the window icon to
    the caller (run_gui sets it once the first rows are painted: decoding the PNGs and handing the window
    manager all seven sizes took about 6 ms before the first paint)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName("IPHR")
    app.setOrganizationDomain("iphr.org")
    app.setApplicationName("iphr-desk")
    app.setApplicationDisplayName("IPHR Desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.iphr.Desk")
    if sys.platform == "win32":  # group taskbar buttons with the Start-menu shortcut's AppUserModelID
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("IPHR.Desk")  # type: ignore[attr-defined]
    if icon:
        app.setWindowIcon(app_icon())
    from iphr_desk.gui.widgets.input_guard import install_input_guard

    install_input_guard(app)  # the wheel, Tab and dialog-title rules of every form (input_guard.py)
    return app


def claim_folder(
    app: QApplication, services: Services, given: str | None, *, listen: bool = True
) -> tuple[Any, bool, int]:
    """One window per data folder: (the folder's claim, go on, exit status).

    A second launch on the same folder brings the first window forward and ends here (status 0), or says
    the folder is in use when the first one does not answer (status 1). Without `listen` the owner takes
    the lock only; the caller calls `listen()` on the claim later (Qt's local sockets load after the first
    paint).
    """
    from iphr_desk.core.paths import resolve_data_dir
    from iphr_desk.gui.single_instance import Launch, SingleInstance

    try:
        folder = resolve_data_dir(given)
        instance = SingleInstance(app)
        owner = instance.acquire(folder, listen=listen)
    except Exception:  # an unusable folder: opening the store says what is wrong with it
        return None, True, 0
    if owner:
        return instance, True, 0
    if instance.result == Launch.ACTIVATED:
        return None, False, 0
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    services.warning(None, _tr("IPHR Desk"), instance.message())
    return None, False, 1


def run_gui(data_dir: str | None) -> int:
    """Show the main window on the data folder (`None`: `$IPHR_DESK_DATA_DIR` or the platform's folder)."""
    spare_the_source_cache()
    app = make_application(sys.argv[:1], icon=False)
    settings = Settings()
    install_translators(app, settings.ui_language)
    services = Services()
    given = data_dir or os.environ.get(DATA_DIR_ENV) or None
    instance, go_on, status = claim_folder(app, services, given, listen=False)
    if not go_on:
        return status
    window = MainWindow(settings, services, defer_panels=True)
    openers: list[StoreOpener] = []  # made at the first paint: opener.py need not load before it

    def after_first_rows() -> None:  # or the end of the opening, before any dialog
        if app.windowIcon().isNull():
            app.setWindowIcon(app_icon())
            window.setWindowIcon(app.windowIcon())
        if instance is not None:
            from iphr_desk.gui.single_instance import bring_forward

            instance.listen()  # a second launch meanwhile keeps knocking (single_instance.CONNECT_WAIT_S)
            instance.activationRequested.connect(lambda: bring_forward(window))

    def after_first_paint() -> None:
        if openers:
            return
        from iphr_desk.gui.opener import StoreOpener

        # The worker reads the first rows with sqlite3 while this thread builds the lists, then opens the
        # store. Started before the window was built or shown, its imports and queries competed with them
        # for the interpreter (and, on a busy two-core machine, for the core) and delayed the first paint.
        opener = StoreOpener(window, services, settings, given, threaded=True, quick=True)
        openers.append(opener)
        opener.when_shown(after_first_rows)
        opener.open()
        window.build_panels()

    window.firstPainted.connect(lambda: QTimer.singleShot(0, after_first_paint))
    window.show()
    QTimer.singleShot(FALLBACK_OPEN_MS, after_first_paint)  # a platform that never paints still opens
    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after.isdigit():
        QTimer.singleShot(int(quit_after), window.close)
        QTimer.singleShot(int(quit_after), app.quit)
    status = app.exec()
    for opener in openers:
        opener.wait()
    store = window.ctx.store if window.ctx is not None else None
    close = getattr(store, "close", None)
    if callable(close):
        close()
    if instance is not None:
        instance.release()
    return 1 if any(opener.failed for opener in openers) else status
