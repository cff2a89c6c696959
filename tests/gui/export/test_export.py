"""Exporting from the GUI: options dialog, background worker, progress, cancel, errors."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from iphr_desk.core.letters.letter import Letter, Recipient
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.export.controller import ExportRun, run_export, start_export
from iphr_desk.gui.export.dialog import ExportDialog
from iphr_desk.gui.export.worker import ExportOptions


def letters(ctx: Any, seeded: Any) -> list[Letter]:
    return [letter_repo.get_letter(ctx.store, seeded[f"letter_{code}"]) for code in ("fr", "en", "de")]


def batch_letter(ctx: Any, seeded: Any) -> Letter:
    letter = letter_repo.get_letter(ctx.store, seeded["letter_en"])
    people = (Recipient("Anna Alpha"), Recipient("Boris Beta"), Recipient("Chloé Gamma"))
    return dataclasses.replace(letter, recipients=people, batch=True)


def cancel_after_first(run: ExportRun) -> list[int]:
    """Cancel from the worker thread once one file is done (as a click would, but exactly then)."""
    seen: list[int] = []

    def on_progress(done: int, _total: int, _label: str) -> None:
        seen.append(done)
        if done >= 1:
            run.worker.cancel()

    run.worker.progress.connect(on_progress, Qt.ConnectionType.DirectConnection)
    return seen


def wait(qtbot: Any, run: ExportRun) -> None:
    qtbot.waitUntil(lambda: run.result is not None, timeout=60000)


def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix != ".docx"]


def test_several_letters_export_with_progress(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    tmp_path = out_dir(tmp_path)
    run = run_export(ctx, None, letters(ctx, seeded), ExportOptions(tmp_path))
    values: list[int] = []
    run.worker.progress.connect(lambda done, total, label: values.append(done))
    wait(qtbot, run)
    assert run.result == "finished"
    assert len(list(tmp_path.glob("*.docx"))) == 3
    assert values == [1, 2, 3]
    _title, text = ctx.services.called("ask_yes_no")[0]
    assert "3 file(s) written" in text or "3 files written" in text
    assert ctx.services.called("open_folder") == [(tmp_path,)]


def test_cancel_after_the_first_letter_leaves_fewer_files_and_no_partial(
    qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path
) -> None:
    tmp_path = out_dir(tmp_path)
    run = ExportRun(ctx, None, letters(ctx, seeded), ExportOptions(tmp_path))
    seen = cancel_after_first(run)
    run.start()
    wait(qtbot, run)
    assert run.result == "cancelled"
    assert seen == [1]
    assert len(list(tmp_path.glob("*.docx"))) == 1
    assert leftovers(tmp_path) == []
    assert ctx.services.called("info")


def test_cancelled_batch_per_recipient_writes_nothing(
    qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path
) -> None:
    tmp_path = out_dir(tmp_path)
    run = ExportRun(ctx, None, [batch_letter(ctx, seeded)], ExportOptions(tmp_path))
    cancel_after_first(run)
    run.start()
    wait(qtbot, run)
    assert run.result == "cancelled"
    assert list(tmp_path.iterdir()) == []


def test_batch_per_recipient_writes_one_file_each(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    tmp_path = out_dir(tmp_path)
    run = run_export(ctx, None, [batch_letter(ctx, seeded)], ExportOptions(tmp_path))
    wait(qtbot, run)
    names = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert len(names) == 3
    assert [n.split(" ")[1] for n in names] == ["Alpha", "Beta", "Gamma"]


def test_progress_dialog_cancel_button_cancels_the_worker(ctx: Any, seeded: Any, tmp_path: Path) -> None:
    run = ExportRun(ctx, None, letters(ctx, seeded), ExportOptions(tmp_path))
    assert not run.worker.is_cancelled()
    button = run.progress_dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    assert run.worker.is_cancelled()
    run.worker_thread.deleteLater()


def test_export_error_is_shown_with_what_to_do(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    run = run_export(ctx, None, [batch_letter(ctx, seeded)], ExportOptions(missing))
    wait(qtbot, run)
    assert run.result == "failed"
    (_title, text, _details) = ctx.services.called("error")[0]
    assert "does not exist" in text and "export again" in text


def test_start_export_asks_options_then_exports(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    tmp_path = out_dir(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    start_export(ctx, parent, [seeded["letter_fr"], seeded["letter_de"]])
    dialog = parent.findChild(ExportDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.folder.setText(str(tmp_path))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*.docx"))) == 2, timeout=60000)
    qtbot.waitUntil(lambda: bool(ctx.services.called("ask_yes_no")))


def test_export_dialog_refuses_a_missing_folder_the_user_does_not_create(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    dialog = ExportDialog(ctx.services, 1, False, False)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "missing"))
    ctx.services.answers["ask_yes_no"] = [False]
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0
    assert ctx.services.called("ask_yes_no")
    assert not (tmp_path / "missing").exists()
    assert not dialog.pdf.isEnabled()


def test_combined_batch_writes_one_document(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    tmp_path = out_dir(tmp_path)
    run = run_export(ctx, None, [batch_letter(ctx, seeded)], ExportOptions(tmp_path, combined=True))
    wait(qtbot, run)
    assert run.result == "finished"
    assert len(list(tmp_path.glob("*.docx"))) == 1


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_pdf_export_through_libreoffice(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    tmp_path = out_dir(tmp_path)
    run = run_export(
        ctx, None, [letter_repo.get_letter(ctx.store, seeded["letter_fr"])], ExportOptions(tmp_path, pdf=True)
    )
    wait(qtbot, run)
    assert run.result == "finished", ctx.services.calls
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
