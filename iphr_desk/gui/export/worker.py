"""The export itself, off the GUI thread: one worker per export run, cancellable between files.

The worker receives plain `Letter` values (read from the store on the GUI thread), so it never touches
the database; the core exporter writes every file atomically, and a cancelled per-recipient batch
writes nothing at all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from iphr_desk.core.errors import IphrError
from iphr_desk.core.export.filenames import batch_filename
from iphr_desk.core.letters.letter import Letter

if TYPE_CHECKING:
    from iphr_desk.core.export.docx.review_marks import ReviewMarks  # python-docx: not at start-up


@dataclass(frozen=True)
class ExportOptions:
    folder: Path
    pdf: bool = False
    combined: bool = False  # a letter with several recipients: one document instead of one per recipient


def planned_files(letters: list[Letter], options: ExportOptions) -> int:
    """How many files the run writes (the progress bar's maximum)."""
    return sum(1 if options.combined else max(len(letter.recipients), 1) for letter in letters)


class ExportWorker(QObject):
    progress = Signal(int, int, str)  # files done, files planned, what is being written
    finished = Signal(list)  # the paths written
    cancelled = Signal(list)  # the paths written before the cancel
    failed = Signal(str, list)  # the message, the paths written before the failure

    def __init__(
        self,
        letters: list[Letter],
        options: ExportOptions,
        data_dir: Path | None,
        marks: list[ReviewMarks | None] | None = None,
    ) -> None:
        super().__init__()
        self._letters = letters
        self._marks = marks if marks is not None else [None] * len(letters)  # each .docx's provenance
        self._options = options
        self._data_dir = data_dir
        self._cancel = threading.Event()
        self.total = planned_files(letters, options)
        self._taken: set[str] = set()  # names given in this run, so two letters never share a file

    def cancel(self) -> None:
        """Ask the run to stop; safe from any thread (the exporter polls it through its progress callback)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        written: list[Path] = []
        try:
            for letter, marks in zip(self._letters, self._marks, strict=True):
                if self._cancel.is_set():
                    break
                written.extend(self._export(letter, len(written), marks))
        except IphrError as exc:
            self.failed.emit(str(exc), written)
            return
        except OSError as exc:
            self.failed.emit(f"The file could not be written: {exc.strerror or exc}.", written)
            return
        if self._cancel.is_set():
            self.cancelled.emit(written)
        else:
            self.finished.emit(written)

    def _export(self, letter: Letter, done: int, marks: ReviewMarks | None = None) -> list[Path]:
        from iphr_desk.core.export.docx_export import export_batch, export_letter

        options = self._options
        label = letter.subject
        if len(letter.recipients) > 1 or options.combined:

            def step(count: int, _total: int) -> bool:
                self.progress.emit(done + (1 if options.combined else count), self.total, label)
                return not self._cancel.is_set()

            return export_batch(
                letter,
                options.folder,
                combined=options.combined,
                progress=step,
                data_dir=self._data_dir,
                pdf=options.pdf,
                marks=marks,
            )
        suffix = ".pdf" if options.pdf else ".docx"
        name = batch_filename(
            letter.date, letter.recipient.effective_surname, letter.subject, self._taken, suffix=suffix
        )
        path = export_letter(letter, options.folder / name, data_dir=self._data_dir, marks=marks)
        self.progress.emit(done + 1, self.total, label)
        return [path]
