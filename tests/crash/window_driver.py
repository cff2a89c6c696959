"""A real IPHR Desk window that takes orders on stdin (the window-and-commands test's hook).

Usage: python tests/crash/window_driver.py DATA_DIR

The app starts through `run_gui` exactly as `iphr-desk gui` does (offscreen under the test). Once the main
window holds its store it prints `ready <pid>`. Then each line on stdin is one order, answered by one line:

- `type LETTER_ID WORDS…`: open the letter in its editor, type the words at the end of the body through
  real key events, wait for the autosave; answers `typed LETTER_ID`.
- `add SUBJECT…`: store a new letter through the window's own store (as "Import Letter File…" does);
  answers `added ID`.
- `refresh`: re-read the lists as the window does after an import; answers `letters N` (the letter list's
  row count).
- `quit`: close the window (which flushes every editor); the process exits.

Errors are answered `error <text>` instead, so the test can say what went wrong.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit

from iphr_desk.gui.app import make_application, run_gui
from iphr_desk.gui.main_window import MainWindow

POLL_MS = 20
SAVE_WAIT_MS = 10_000


def say(*words: object) -> None:
    print(*words, flush=True)


class Orders(QObject):
    """Lines from stdin, delivered on the GUI thread."""

    line = Signal(str)


class Driver:
    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.orders = Orders()
        self.orders.line.connect(self.obey)
        self.poll = QTimer()
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._find_window)

    def start(self) -> None:
        self.poll.start()

    def _find_window(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.ctx is not None:
                self.poll.stop()
                self.window = widget
                say("ready", os.getpid())
                threading.Thread(target=self._read_stdin, daemon=True).start()
                return

    def _read_stdin(self) -> None:
        for raw in sys.stdin:
            self.orders.line.emit(raw.strip())

    def obey(self, line: str) -> None:
        verb, _, rest = line.partition(" ")
        try:
            if verb == "type":
                ident, _, words = rest.partition(" ")
                self.type_words(int(ident), words)
            elif verb == "add":
                say("added", self.add_letter(rest))
            elif verb == "refresh":
                assert self.window is not None
                self.window.refresh()
                say("letters", self.window.letter_model.rowCount())
            elif verb == "quit":
                assert self.window is not None
                self.window.close()
                QApplication.quit()
            else:
                say("error", f"unknown order {verb!r}")
        except Exception as exc:  # reported to the test, which fails with it
            say("error", f"{type(exc).__name__}: {exc}".replace("\n", " "))

    def type_words(self, letter_id: int, words: str) -> None:
        assert self.window is not None
        editor = self.window.open_letter(letter_id)
        body = getattr(getattr(editor, "body", None), "text", None)
        if editor is None or not isinstance(body, QTextEdit):
            say("error", "no editor")
            return
        body.setFocus()
        body.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(body, " " + words)
        autosave = editor.autosave  # type: ignore[attr-defined]
        if not autosave.flush():
            say("error", f"not saved: {autosave.error}")
            return
        say("typed", letter_id)

    def add_letter(self, subject: str) -> int:
        from iphr_desk.core.store.repository import letter_lists
        from iphr_desk.core.store.repository import letters as letter_repo

        assert self.window is not None and self.window.ctx is not None
        store = self.window.ctx.store
        first = letter_lists.letter_summaries(store)[-1].id
        letter = dataclasses.replace(letter_repo.get_letter(store, first), subject=subject)
        return letter_repo.add_letter(store, letter, author="window")


def main(argv: list[str]) -> int:
    make_application(sys.argv[:1])
    driver = Driver()
    driver.start()
    return run_gui(str(Path(argv[1])))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
