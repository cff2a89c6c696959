"""Review that records who did what: the reason for changes, the signatory who signed, self-approval,
and the role, through `LetterActions.change_status` (the path of the list, the menus and the editor)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.gui.dialogs.status_dialog import StatusChangeDialog
from iphr_desk.gui.letter_actions import LetterActions


@pytest.fixture
def actions(qtbot: Any, ctx: Any) -> LetterActions:
    parent = QWidget()
    qtbot.addWidget(parent)
    return LetterActions(ctx, parent)


def answer(
    actions: LetterActions, fill: Callable[[StatusChangeDialog], None], *, ok: bool = True
) -> list[str]:
    """Answer the status dialog once it is open (it is modal); returns what was seen in it."""
    seen: list[str] = []

    def run() -> None:
        dialog = actions.details_dialog
        assert dialog is not None and dialog.isVisible()
        seen.append(dialog.windowTitle())
        fill(dialog)
        seen.append(str(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()))
        if ok:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def test_request_changes_requires_a_reason_that_becomes_a_comment(
    actions: LetterActions, ctx: Any, seeded: dict[str, int], qtbot: Any
) -> None:
    letter_id = seeded["letter_fr"]
    ctx.settings.user_role = "director"
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Aigerim")

    # Cancelled: nothing moves, nothing is stored.
    answer(actions, lambda d: None, ok=False)
    assert not actions.change_status(letter_id, "changes_requested")
    assert letter_repo.get_letter_info(ctx.store, letter_id).status == "in_review"
    assert comment_repo.list_comments(ctx.store, letter_id) == []

    def no_reason_then_reason(dialog: StatusChangeDialog) -> None:
        assert dialog.reason_edit is not None
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no empty reason
        dialog.reason_edit.setPlainText("  ")
        assert not ok.isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "Cite the court ruling of 12 March.")

    seen = answer(actions, no_reason_then_reason)
    assert actions.change_status(letter_id, "changes_requested")
    assert seen == ["Request Changes", "True"]
    assert letter_repo.get_letter_info(ctx.store, letter_id).status == "changes_requested"
    comments = comment_repo.list_comments(ctx.store, letter_id)
    assert [(c.text, c.author) for c in comments] == [("Cite the court ruling of 12 March.", "Test User")]
    last = letter_repo.status_history(ctx.store, letter_id)[-1]
    assert last.note == "role: director\nreason: Cite the court ruling of 12 March."


def test_mark_signed_asks_which_signatory(actions: LetterActions, ctx: Any, seeded: dict[str, int]) -> None:
    letter_id = seeded["letter_en"]
    letter = letter_repo.get_letter(ctx.store, letter_id)
    two = dataclasses.replace(
        letter, signatories=(*letter.signatories, Signatory("Aigerim Tulegenova", "Chair"))
    )
    letter_repo.save_letter(ctx.store, letter_id, two, author="Aigerim")
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Aigerim")
    letter_repo.change_status(ctx.store, letter_id, "approved", author="Brigitte")

    offered: list[list[str]] = []

    def choose_second(dialog: StatusChangeDialog) -> None:
        combo = dialog.signatory_combo
        assert combo is not None
        offered.append([combo.itemText(i) for i in range(combo.count())])
        combo.setCurrentIndex(1)

    seen = answer(actions, choose_second)
    assert actions.change_status(letter_id, "signed")
    assert seen == ["Mark as Signed", "True"]
    assert offered == [["Brigitte Dufour", "Aigerim Tulegenova"]]
    last = letter_repo.status_history(ctx.store, letter_id)[-1]
    assert (last.to_status, last.note) == ("signed", "signed by: Aigerim Tulegenova")


def test_approving_ones_own_letter_asks_and_is_marked_in_the_history(
    actions: LetterActions, ctx: Any, seeded: dict[str, int], fake_services: Any
) -> None:
    letter_id = seeded["letter_de"]
    # Test User submitted it: approving it is approving one's own letter.
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Test User")
    assert actions.is_own_letter(letter_id, "Test User")
    assert not actions.is_own_letter(letter_id, "Brigitte")

    fake_services.answers["ask_yes_no"] = [False]
    assert not actions.change_status(letter_id, "approved")
    assert letter_repo.get_letter_info(ctx.store, letter_id).status == "in_review"
    (question,) = fake_services.called("ask_yes_no")
    assert question[0] == "Approve Your Own Letter?"

    fake_services.answers["ask_yes_no"] = [True]
    assert actions.change_status(letter_id, "approved")
    last = letter_repo.status_history(ctx.store, letter_id)[-1]
    assert (last.to_status, last.author, last.note) == ("approved", "Test User", "own letter: confirmed")


def test_approving_someone_elses_letter_asks_nothing(
    actions: LetterActions, ctx: Any, seeded: dict[str, int], fake_services: Any
) -> None:
    letter_id = seeded["letter_ru"]  # written by "test", submitted by Aigerim
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Aigerim")
    assert actions.change_status(letter_id, "approved")
    assert fake_services.called("ask_yes_no") == []
    assert letter_repo.status_history(ctx.store, letter_id)[-1].note is None


def test_the_author_of_a_save_point_signing_is_asked(
    actions: LetterActions, ctx: Any, seeded: dict[str, int], fake_services: Any
) -> None:
    letter_id = seeded["letter_en"]
    letter = letter_repo.get_letter(ctx.store, letter_id)
    letter_repo.save_letter(ctx.store, letter_id, letter, author="Test User", revision_reason="save point")
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Aigerim")
    letter_repo.change_status(ctx.store, letter_id, "approved", author="Brigitte")
    answer(actions, lambda d: None)
    assert actions.change_status(letter_id, "signed")
    (question,) = fake_services.called("ask_yes_no")
    assert question[0] == "Sign Your Own Letter?"
    note = letter_repo.status_history(ctx.store, letter_id)[-1].note
    assert note == "signed by: Brigitte Dufour\nown letter: confirmed"


def test_the_review_panel_shows_the_history_in_words(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.gui.editor.review_panel import ReviewPanel

    letter_id = seeded["letter_fr"]
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Aigerim")
    letter_repo.change_status(
        ctx.store,
        letter_id,
        "changes_requested",
        author="Brigitte",
        note="role: director\nreason: Cite the ruling.\nown letter: confirmed",
    )
    panel = ReviewPanel(ctx.store, letter_id, lambda: "Test User")
    qtbot.addWidget(panel)
    top, second = panel.history.topLevelItem(0), panel.history.topLevelItem(1)
    assert top is not None and second is not None
    assert top.text(1) == "Brigitte"
    assert top.text(0).splitlines()[1:] == [
        "In review → Changes requested",
        "As: Director (signatory)",
        "Reason: Cite the ruling.",
        "On the author's own letter (confirmed)",
    ]
    assert second.text(0).splitlines()[1:] == ["Draft → In review"]
    assert top.text(0).splitlines()[0].startswith("Brigitte · ")
    assert panel.tabs.tabText(1) == "History"
    assert set(panel.transition_buttons) == {"in_review", "draft"}


def test_the_status_menu_and_panel_say_which_moves_ask_first(qtbot: Any) -> None:
    from iphr_desk.gui.editor.review_panel import transition_label
    from iphr_desk.gui.status_menu import transition_text

    assert transition_text("in_review", "changes_requested").endswith("…")
    assert transition_text("approved", "signed").endswith("…")
    assert not transition_text("in_review", "approved").endswith("…")
    assert transition_label("in_review", "changes_requested").endswith("…")
    assert transition_label("approved", "signed").endswith("…")


def test_preferences_show_and_change_the_role(qtbot: Any, ctx: Any, fake_services: Any) -> None:
    from iphr_desk.gui.dialogs.preferences import PreferencesDialog

    ctx.settings.user_role = "field_officer"
    dialog = PreferencesDialog(ctx.settings, fake_services, ctx)
    qtbot.addWidget(dialog)
    assert dialog.role_combo.currentText() == "Field officer"
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("director"))
    dialog.accept()
    assert ctx.settings.user_role == "director"
    # A role of one's own words is kept as typed.
    again = PreferencesDialog(ctx.settings, fake_services, ctx)
    qtbot.addWidget(again)
    assert again.role_combo.currentText() == "Director (signatory)"
    again.role_combo.setEditText("Board member")
    again.accept()
    assert ctx.settings.user_role == "Board member"


def test_sending_or_taking_in_a_review_is_not_writing_the_letter(
    actions: LetterActions, ctx: Any, seeded: dict[str, int], tmp_path: Any
) -> None:
    from iphr_desk.core.exchange.review_import import export_for_review

    letter_id = seeded["letter_en"]
    letter = letter_repo.get_letter(ctx.store, letter_id)
    # A change after the last revision: the export stores the exported text as a revision of its own.
    letter_repo.save_letter(ctx.store, letter_id, dataclasses.replace(letter, body="Changed."), author="test")
    export_for_review(ctx.store, letter_id, tmp_path / "sent.docx", author="Test User")
    reasons = [(r.author, r.reason) for r in revision_repo.list_revisions(ctx.store, letter_id)]
    assert ("Test User", "exported for review") in reasons
    assert not actions.is_own_letter(letter_id, "Test User")
    assert actions.is_own_letter(letter_id, "test")  # who created it


def test_a_reply_dated_before_its_comment_still_sits_under_it(
    qtbot: Any, ctx: Any, seeded: dict[str, int]
) -> None:
    """A reply written in Word carries Word's date, which can be older than the app comment it answers."""
    import datetime as dt

    from iphr_desk.core.store import models as m
    from iphr_desk.gui.editor.review_panel import ReviewPanel

    letter_id = seeded["letter_fr"]
    first = comment_repo.add_comment(ctx.store, letter_id, "Is the name right?", author="Aigerim")
    with ctx.store.session() as session:
        session.add(
            m.Comment(
                letter_id=letter_id,
                parent_id=first,
                author="Jane Roe",
                text="Yes.",
                created_at=dt.datetime(2020, 1, 1),
                origin="word",
                anchor="Laurent",
            )
        )
    panel = ReviewPanel(ctx.store, letter_id, lambda: "Test User")
    qtbot.addWidget(panel)
    assert panel.comments.topLevelItemCount() == 1
    top = panel.comments.topLevelItem(0)
    assert top is not None and top.childCount() == 1
    reply = top.child(0)
    assert reply is not None and reply.text(1) == "Jane Roe (in Word)"
