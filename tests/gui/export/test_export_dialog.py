"""The export dialog (issue 16.4): nothing painted over its first line, a folder that exists, the last
folder remembered, and exported files readable as the user's other documents (umask), while the data
folder stays private."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialogButtonBox, QRadioButton

from iphr_desk.core.paths import DB_FILENAME
from iphr_desk.core.safewrite import FileAccess, write_bytes_atomically
from iphr_desk.gui.export import dialog as dialog_module
from iphr_desk.gui.export.controller import start_export
from iphr_desk.gui.export.dialog import ExportDialog, default_folder


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's documents folder, pointed into the test's folder and not created yet."""
    folder = tmp_path / "home" / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _location: str(folder)))
    return folder


def ok(dialog: ExportDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("has_batch", [False, True])
def test_every_radio_button_is_laid_out_and_none_covers_the_count(
    qtbot: Any, ctx: Any, has_batch: bool, documents: Path
) -> None:
    dialog = ExportDialog(ctx.services, 1, has_batch, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.count_label.geometry()
    buttons = dialog.findChildren(QRadioButton)
    assert len(buttons) == (4 if has_batch else 2)
    typical = "/home/aigerim.tulegenova/Documents/Letters"
    assert dialog.folder.width() > dialog.folder.fontMetrics().horizontalAdvance(typical)
    for button in buttons:
        assert button.isVisible()
        assert not button.geometry().intersects(label), button.text()
        assert button.geometry().top() >= label.bottom()


def test_the_count_reads_as_english_not_letter_s(qtbot: Any, ctx: Any, documents: Path) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from iphr_desk.gui.i18n import install_translators, remove_translators

    app = QApplication.instance()
    assert app is not None
    before = QLocale()
    install_translators(app, "en")
    try:
        one = ExportDialog(ctx.services, 1, False, True)
        three = ExportDialog(ctx.services, 3, False, True)
    finally:
        remove_translators(app)
        QLocale.setDefault(before)
    qtbot.addWidget(one)
    qtbot.addWidget(three)
    assert one.count_label.text() == "1 letter to export."
    assert three.count_label.text() == "3 letters to export."


def test_the_default_folder_is_the_documents_folder_created_when_missing(
    qtbot: Any, ctx: Any, documents: Path
) -> None:
    assert not documents.exists()
    dialog = ExportDialog(ctx.services, 1, False, True, settings=ctx.settings)
    qtbot.addWidget(dialog)
    assert Path(dialog.folder.text()) == documents
    assert documents.is_dir()


def test_without_a_documents_location_platformdirs_names_one(
    ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _location: ""))
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Docs"))
    assert dialog_module.documents_folder() == tmp_path / "Docs"
    assert (tmp_path / "Docs").is_dir()


def test_the_last_folder_is_remembered_and_offered_next_time(
    qtbot: Any, ctx: Any, tmp_path: Path, documents: Path
) -> None:
    chosen = tmp_path / "exports"
    chosen.mkdir()
    dialog = ExportDialog(ctx.services, 1, False, True, settings=ctx.settings)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(chosen))
    ok(dialog)
    assert dialog.result() == 1
    from iphr_desk.gui.settings import Settings

    again = Settings(ctx.settings.path)  # as after a restart
    assert again.last_export_folder == chosen
    second = ExportDialog(ctx.services, 1, False, True, settings=again)
    qtbot.addWidget(second)
    assert Path(second.folder.text()) == chosen
    chosen.rmdir()  # gone since: the documents folder again, not a folder that fails
    assert default_folder(again) == documents


def test_a_typed_missing_folder_is_created_when_the_user_agrees(
    qtbot: Any, ctx: Any, tmp_path: Path, documents: Path
) -> None:
    dialog = ExportDialog(ctx.services, 1, False, True, settings=ctx.settings)
    qtbot.addWidget(dialog)
    target = tmp_path / "new" / "letters"
    dialog.folder.setText(str(target))
    ctx.services.answers["ask_yes_no"] = [True]
    ok(dialog)
    assert dialog.result() == 1
    assert target.is_dir()
    assert dialog.options().folder == target
    assert dialog.options().combined is False


def test_exported_files_follow_the_umask_and_the_data_folder_stays_private(
    qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path, umask_022: None, documents: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    ctx.settings.last_export_folder = out
    ctx.services.defaults["ask_yes_no"] = False  # "Open the folder?" after the export
    start_export(
        ctx,
        None,
        [
            seeded["letter_en"],
            seeded["letter_fr"],
        ],
    )
    dialog = qtbot.waitUntil(lambda: _dialog() is not None) or _dialog()
    assert dialog is not None
    assert Path(dialog.folder.text()) == out
    ok(dialog)
    qtbot.waitUntil(lambda: len(list(out.glob("*.docx"))) == 2, timeout=60000)
    qtbot.waitUntil(lambda: bool(ctx.services.called("ask_yes_no")), timeout=60000)
    for path in out.glob("*.docx"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    # The store itself stays private under the same umask.
    database = ctx.data_dir / DB_FILENAME
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_new_data_folder_is_private_under_a_permissive_umask(tmp_path: Path, umask_022: None) -> None:
    from iphr_desk.core.store.database import Store

    folder = tmp_path / "fresh-data"
    Store.open(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / DB_FILENAME).stat().st_mode) == 0o600


def _dialog() -> ExportDialog | None:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ExportDialog) and widget.isVisible():
            return widget
    return None


@pytest.mark.parametrize(("umask", "document_mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_the_writer_takes_who_may_read_explicitly(tmp_path: Path, umask: int, document_mode: int) -> None:
    old = os.umask(umask)
    try:
        document = write_bytes_atomically(tmp_path / "letter.docx", b"x", access=FileAccess.DOCUMENT)
        private = write_bytes_atomically(tmp_path / "store.bin", b"x", access=FileAccess.PRIVATE)
        default = write_bytes_atomically(tmp_path / "default.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(document.stat().st_mode) == document_mode
    assert stat.S_IMODE(default.stat().st_mode) == document_mode  # the exporters' default
    assert stat.S_IMODE(private.stat().st_mode) == 0o600


def test_a_private_file_stays_private_when_it_replaces_a_readable_one(tmp_path: Path) -> None:
    target = tmp_path / "cache.bin"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_bytes_atomically(target, b"new", access=FileAccess.PRIVATE)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o664)
    write_bytes_atomically(target, b"newer")  # a document keeps the mode the user gave it
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
