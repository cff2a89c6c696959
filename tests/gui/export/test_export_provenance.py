"""The window's export names each stored letter and the stored revision it shows (issue 15), as
`export --id N` does, so that a copy reviewed in Word can come back to it."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from iphr_desk.core.letters.letterfile import write_letter_text
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.gui.export.controller import start_export
from iphr_desk.gui.export.dialog import ExportDialog


def properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root}


def test_the_windows_export_carries_the_letter_and_revision(
    qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    letter_id = seeded["letter_fr"]
    parent = QWidget()
    qtbot.addWidget(parent)
    start_export(ctx, parent, [letter_id])
    dialog = parent.findChild(ExportDialog, "exportDialog")
    assert dialog is not None
    dialog.folder.setText(str(folder))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: len(list(folder.glob("*.docx"))) == 1, timeout=60000)
    qtbot.waitUntil(lambda: bool(ctx.services.called("ask_yes_no")))
    found = properties(next(folder.glob("*.docx")))
    assert found["IPHR-Desk-Letter"] == letter_repo.get_letter_info(ctx.store, letter_id).uuid
    revision = revision_repo.find_revision_by_uuid(ctx.store, found["IPHR-Desk-Revision"])
    assert revision is not None and revision.letter_id == letter_id
    assert revision.text == write_letter_text(letter_repo.get_letter(ctx.store, letter_id))
