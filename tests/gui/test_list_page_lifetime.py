"""A window closed while a list reload's deferred scroll restore is pending: the restore is dropped, not
run on a deleted table (it raised "Internal C++ object already deleted" in the event loop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent


def test_a_pending_scroll_restore_dies_with_its_window(
    qtbot: Any, ctx: Any, settings: Any, fake_services: Any, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.main_window import MainWindow

    window = MainWindow(settings, fake_services)
    window.show()
    window.attach(ctx)
    qtbot.wait(20)
    window.letters_page.model.reload()  # the reset schedules the scroll restore for the next turn
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before that turn
    qtbot.wait(50)  # pytest-qt fails the test on any exception raised in the event loop
