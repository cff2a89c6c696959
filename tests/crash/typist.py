"""A real IPHR Desk process that types into a letter until it is killed (the crash-safety test's hook).

Usage: python tests/crash/typist.py DATA_DIR LETTER_ID TEXT_FILE [INTERVAL_MS]

The app starts through `run_gui` exactly as `iphr-desk gui` does (offscreen under the test). Once the
main window has opened the store, a timer opens the letter in its editor tab, puts the cursor at the end of
the body and types TEXT_FILE's words through real key events, one word per tick. After each word it prints
`typed <chars typed so far> <time.monotonic()>` and flushes, so the test, which kills this process with
SIGKILL, knows what had been typed and when. `time.monotonic()` is the system-wide CLOCK_MONOTONIC on
Linux, the same clock the killing test reads.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit

from iphr_desk.gui.app import make_application, run_gui
from iphr_desk.gui.main_window import MainWindow

POLL_MS = 20
DEFAULT_INTERVAL_MS = 40


def say(*words: object) -> None:
    print(*words, flush=True)


class Typist:
    """Waits for the window to hold a store, opens the letter and types one word per tick."""

    def __init__(self, letter_id: int, words: list[str], interval_ms: int) -> None:
        self.letter_id = letter_id
        self.words = words
        self.typed = 0
        self.editor_text: QTextEdit | None = None
        self.poll = QTimer()
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._find_window)
        self.tick = QTimer()
        self.tick.setInterval(interval_ms)
        self.tick.timeout.connect(self._type_word)

    def start(self) -> None:
        self.poll.start()

    def _find_window(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.ctx is not None:
                self.poll.stop()
                self._open(widget)
                return

    def _open(self, window: MainWindow) -> None:
        editor = window.open_letter(self.letter_id)
        body = getattr(getattr(editor, "body", None), "text", None)
        if not isinstance(body, QTextEdit):
            say("error no-editor")
            QApplication.exit(3)
            return
        body.setFocus()
        body.moveCursor(QTextCursor.MoveOperation.End)
        self.editor_text = body
        say("ready", time.monotonic())
        self.tick.start()

    def _type_word(self) -> None:
        assert self.editor_text is not None
        if not self.words:
            self.tick.stop()
            say("done", self.typed, time.monotonic())
            return
        word = self.words.pop(0)
        QTest.keyClicks(self.editor_text, word)
        self.typed += len(word)
        say("typed", self.typed, time.monotonic())


def main(argv: list[str]) -> int:
    data_dir, letter_id, text_file = argv[1], int(argv[2]), Path(argv[3])
    interval = int(argv[4]) if len(argv) > 4 else DEFAULT_INTERVAL_MS
    text = text_file.read_text(encoding="utf-8")
    words = [" " + word for word in text.split()]  # each word typed with the space before it
    make_application(sys.argv[:1])
    typist = Typist(letter_id, words, interval)
    typist.start()
    return run_gui(data_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
