"""Every visible string of the main window goes through Qt's translation (tr / translate).

A translator that marks every string it is asked for is installed before the window is built; any visible
text without the mark was never offered for translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from iphr_desk.gui.widgets.case_view import DATA_LABEL

MARK = "⟦"


class MarkingTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return MARK + source if source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QCoreApplication)
    translator = MarkingTranslator()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the visible texts a user reads."""
    for child in widget.findChildren(QWidget):
        name = f"{type(child).__name__} {child.objectName()}"
        shows_words = isinstance(child, QAbstractButton) or (
            isinstance(child, QLabel) and child.objectName() != DATA_LABEL
        )
        if shows_words and child.text():  # type: ignore[attr-defined]
            yield name, child.text()  # type: ignore[attr-defined]
        elif isinstance(child, QLineEdit) and child.placeholderText():
            yield name, child.placeholderText()
        elif isinstance(child, QGroupBox):
            yield name, child.title()
        elif isinstance(child, QComboBox) and child.count() and child.itemData(0) is None:
            yield name, child.itemText(0)
        elif isinstance(child, QListWidget):
            for row in range(child.count()):
                item = child.item(row)
                assert item is not None
                yield name, item.text()


def test_menus_toolbar_and_lists_are_translated(
    marking: None, qtbot: Any, ctx: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.main_window import MainWindow

    window = MainWindow(ctx.settings, ctx.services)
    qtbot.addWidget(window)
    window.show()
    window.attach(ctx)
    window.case_view.show_case(seeded["case_kz"])
    untranslated: list[str] = []
    for menu_action in window.menuBar().actions():
        if not menu_action.text().startswith(MARK):
            untranslated.append(f"menu {menu_action.text()}")
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            if not action.isSeparator() and not action.text().startswith(MARK):
                untranslated.append(f"action {action.text()}")
    for page in window._list_pages():
        model = page.model
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            if not str(title).startswith(MARK):
                untranslated.append(f"header {title}")
    for where, text in _texts(window):
        if MARK not in text:
            untranslated.append(f"{where}: {text}")
    if not window.windowTitle().startswith(MARK):
        untranslated.append(f"title {window.windowTitle()}")
    assert untranslated == [], "\n".join(untranslated)


def test_dialogs_are_translated(marking: None, qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.dialogs.backup_dialog import BackupDialog
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog
    from iphr_desk.gui.dialogs.record_dialogs import RecordDialog

    untranslated: list[str] = []
    for dialog in (
        PreferencesDialog(ctx.settings, ctx.services, ctx),
        CaseDialog(ctx, seeded["case_kz"]),
        BackupDialog(ctx),
        RecordDialog(ctx, "recipient", None),
        RecordDialog(ctx, "letterhead", None),
    ):
        qtbot.addWidget(dialog)
        if not dialog.windowTitle().startswith(MARK):
            untranslated.append(f"title {dialog.windowTitle()}")
        for where, text in _texts(dialog):
            # Standard buttons (Save, Cancel) are Qt's own: translated by the qtbase catalogue.
            if MARK not in text and text.replace("&", "") not in {"OK", "Cancel", "Save", "Close"}:
                untranslated.append(f"{where}: {text}")
    assert untranslated == [], "\n".join(untranslated)
