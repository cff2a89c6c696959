"""Never lose work: save a short while after the last change, and on demand before closing.

Each save is one small SQLite transaction on the GUI thread (a letter is a few kilobytes), started by a
single-shot timer that every keystroke restarts, so typing never waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from iphr_desk.core.errors import IphrError

DELAY_MS = 1000  # well inside the promise: saved within 2 s of the last change


class SaveState(StrEnum):
    SAVED = "saved"
    UNSAVED = "unsaved"
    SAVING = "saving"
    FAILED = "failed"
    READ_ONLY = "read_only"


class Autosave(QObject):
    """Debounces `save()`; `stateChanged(state)` drives the "Saved" / "Unsaved changes" label."""

    stateChanged = Signal(str)

    def __init__(
        self, save: Callable[[], None], parent: QObject | None = None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._state = SaveState.SAVED
        self.error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def state(self) -> SaveState:
        return self._state

    def _set(self, state: SaveState) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state.value)

    def set_read_only(self, read_only: bool) -> None:
        if read_only:
            self._timer.stop()
            self._set(SaveState.READ_ONLY)
        elif self._state == SaveState.READ_ONLY:
            self._set(SaveState.SAVED)

    def mark_dirty(self) -> None:
        if self._state == SaveState.READ_ONLY:
            return
        self._set(SaveState.UNSAVED)
        # Count from the first unsaved change, not the last: a steady typist never pauses for the
        # interval, and a crash must lose at most that much typing.
        if not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return self._state in (SaveState.UNSAVED, SaveState.FAILED)

    def flush(self) -> bool:
        """Save now if anything is pending; False when the save failed (the reason is in `error`)."""
        self._timer.stop()
        if not self.pending():
            return True
        self._set(SaveState.SAVING)
        try:
            self._save()
        except IphrError as exc:
            self.error = str(exc)
            self._set(SaveState.FAILED)
            return False
        self.error = None
        self._set(SaveState.SAVED)
        return True
