"""Run the app (or the bare window) unchanged and report when it paints, from outside its code.

Usage: `python benchmarks/_probe_gui.py app DATA_DIR` or `python benchmarks/_probe_gui.py bare`.
The launcher puts its wall clock at launch in `IPHR_BENCH_LAUNCH_NS`, so the figures count from the
process start, interpreter start-up included. The probe replaces `QApplication` by a subclass that
installs one application-wide event filter (a few hundred events at start-up, the same hook for the
app and the floor), then runs the real program:

- first paint: the first Paint event delivered to a widget inside a QMainWindow;
- ready: the first Paint event of an item view's viewport whose model has rows and whose model, view
  or containers have "letter" in their class or object name (the first other list with rows is
  reported beside it, as `any_list_ms`);
- peak memory: VmHWM from /proc/self/status once ready (or painted, for the bare window), after a
  short settle.

It prints one line `BENCH-PROBE {json}` and leaves with os._exit, so no tear-down is counted.
The probe imports nothing of the project beyond what the program itself imports.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from pathlib import Path
from typing import Any

RESULT_PREFIX = "BENCH-PROBE "
SETTLE_MS = 300
#: Modules the app should not need before its window shows (README.md, "Performance"): reported, not judged.
HEAVY = (
    "sqlalchemy", "sqlalchemy.orm", "alembic", "docx", "babel", "markdown_it", "mdformat", "yaml", "lxml",
)  # fmt: skip


def _elapsed_ms() -> float:
    launch_ns = int(os.environ.get("IPHR_BENCH_LAUNCH_NS", "0")) or time.time_ns()
    return (time.time_ns() - launch_ns) / 1e6


def _peak_rss_mib() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def _finish(result: dict[str, Any]) -> None:
    result["peak_rss_mib"] = _peak_rss_mib()
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _looks_like_letters(view: Any) -> bool:
    model = view.model()
    names = [type(model).__name__, model.objectName(), view.objectName(), type(view).__name__]
    while model is not None and hasattr(model, "sourceModel"):
        model = model.sourceModel()
        if model is not None:
            names += [type(model).__name__, model.objectName()]
    parent = view.parentWidget()
    while parent is not None and not parent.isWindow():
        names.append(parent.objectName())
        parent = parent.parentWidget()
    return any("letter" in name.lower() and "letterhead" not in name.lower() for name in names)


def _install(mode: str, ready_timeout_s: float) -> None:
    """Patch `QApplication` before the program imports it, so the program runs as it is."""
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer

    result: dict[str, Any] = {"mode": mode, "first_paint_ms": None, "ready_ms": None, "ready_kind": None}
    paint = QEvent.Type.Paint

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if self.done or event.type() != paint or not isinstance(obj, QtWidgets.QWidget):
                return False
            if result["first_paint_ms"] is None:
                if isinstance(obj.window(), QtWidgets.QMainWindow):
                    result["first_paint_ms"] = _elapsed_ms()
                    result["heavy_modules_at_first_paint"] = [m for m in HEAVY if m in sys.modules]
                    result["modules_at_first_paint"] = len(sys.modules)
                    if mode == "bare":
                        self._settle()
                    else:
                        QTimer.singleShot(int(ready_timeout_s * 1000), self._settle)
                return False
            if mode == "app":
                self._check_ready(obj)
            return False

        def _check_ready(self, obj: QtWidgets.QWidget) -> None:
            view = obj.parent()
            if not isinstance(view, QtWidgets.QAbstractItemView) or view.model() is None:
                return
            if view.model().rowCount() <= 0:
                return
            if not _looks_like_letters(view):
                if result.get("any_list_ms") is None:  # reported beside, never counted as ready
                    result["any_list_ms"] = _elapsed_ms()
                    result["any_list_view"] = type(view).__name__ + "/" + type(view.model()).__name__
                return
            result["ready_ms"] = _elapsed_ms()
            result["heavy_modules_at_ready"] = [m for m in HEAVY if m in sys.modules]
            result["ready_kind"] = "letters"
            result["rows"] = view.model().rowCount()
            self._settle()

        def _settle(self) -> None:
            if self.done:
                return
            self.done = True
            QTimer.singleShot(SETTLE_MS, lambda: _finish(result))

    watcher = Watcher()
    base = QtWidgets.QApplication

    class ProbedApplication(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.installEventFilter(watcher)

    ProbedApplication.__name__ = base.__name__
    QtWidgets.QApplication = ProbedApplication  # type: ignore[misc]


def main() -> None:
    mode = sys.argv[1]
    timeout = float(os.environ.get("IPHR_BENCH_READY_TIMEOUT_S", "60"))
    _install(mode, timeout)
    if mode == "bare":
        sys.argv = [str(Path(__file__).with_name("_bare_window.py"))]
        runpy.run_path(sys.argv[0], run_name="__main__")
    else:
        from iphr_desk.cli import main as cli_main

        sys.argv = ["iphr-desk", "--data-dir", sys.argv[2], "gui"]
        cli_main(sys.argv[1:])
    # The program returned without ever painting a main window.
    sys.stdout.write(RESULT_PREFIX + json.dumps({"mode": mode, "error": "the program exited"}) + "\n")
    sys.stdout.flush()
    os._exit(3)


if __name__ == "__main__":
    main()
