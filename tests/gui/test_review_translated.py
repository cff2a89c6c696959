"""The review dialogs in French and Russian: no English text of our catalogs left on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget

from iphr_desk.core.exchange.review_import import export_for_review, plan_review_import
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.i18n import install_translators, remove_translators
from tests.core.exchange.word_fixtures import word_review
from tests.gui.test_translations import _english, _english_on_screen

LETTER = Path(__file__).resolve().parents[1] / "core" / "exchange" / "review_letter.md"


@pytest.fixture(params=["fr", "ru"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    assert install_translators(qapp, request.param) == request.param
    yield str(request.param)
    remove_translators(qapp)
    QLocale.setDefault(before)


def test_review_dialogs_show_no_english(
    language: str, qtbot: Any, ctx: Any, store: Any, tmp_path: Path, seeded: dict[str, int]
) -> None:
    from iphr_desk.gui.dialogs.profile_dialog import ProfileQuestion
    from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog
    from iphr_desk.gui.dialogs.status_dialog import StatusChangeDialog
    from iphr_desk.gui.editor.review_panel import ReviewPanel
    from iphr_desk.gui.review_actions import SendForReviewDialog

    letter_id = int(letter_repo.add_letter(store, parse_letter_file(LETTER), author="Aigerim"))
    comment_repo.add_comment(store, letter_id, "Is the name right?", author="Aigerim")
    sent = export_for_review(store, letter_id, tmp_path / "sent.docx", author="Aigerim")
    plan = plan_review_import(store, word_review(sent, tmp_path / "reviewed.docx"))
    letter_repo.change_status(store, letter_id, "in_review", author="Aigerim", note="role: director")
    dialogs: list[QWidget] = [
        ProfileQuestion(ctx.settings),
        StatusChangeDialog("changes_requested", []),
        StatusChangeDialog("signed", ["Brigitte Dufour"]),
        SendForReviewDialog("Subject"),
        ReviewImportDialog(plan, "Subject", "2024-05-02 · Aigerim"),
        ReviewPanel(store, letter_id, lambda: "Test User"),
    ]
    english = _english(language)
    found: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        found += _english_on_screen(dialog, english)
    assert found == [], f"English in the {language} review dialogs:\n" + "\n".join(found)
    panel = dialogs[-1]
    assert isinstance(panel, ReviewPanel)
    top = panel.history.topLevelItem(0)
    assert top is not None
    assert "role" not in top.text(0) and "Director" not in top.text(0)
