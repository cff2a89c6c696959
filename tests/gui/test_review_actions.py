"""The signatory's loop in the window: "Send for Review…" and "Import Reviewed Copy…" (gui/review_actions.py)
on a real store, with a reviewed copy in Word's own form (tests/core/exchange/word_fixtures.py)."""

from __future__ import annotations

import dataclasses
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from iphr_desk.core.exchange.review_import import export_for_review
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.gui.dialogs.review_import_dialog import ReviewImportDialog
from iphr_desk.gui.review_actions import ReviewActions, SendForReviewDialog
from tests.core.exchange.word_fixtures import word_review

LETTER = Path(__file__).resolve().parents[1] / "core" / "exchange" / "review_letter.md"


@pytest.fixture
def review_letter(store: Any) -> int:
    letter_id = int(letter_repo.add_letter(store, parse_letter_file(LETTER), author="Aigerim"))
    comment_repo.add_comment(store, letter_id, "Is the name right?", author="Aigerim")
    return letter_id


def review_actions(window: Any) -> ReviewActions:
    found = window.exchange_menu.findChild(ReviewActions)
    assert isinstance(found, ReviewActions)
    return found


def select_letter(window: Any, letter_id: int) -> None:
    window.refresh()
    model = window.letter_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == letter_id)
    window.letters_page.table.selectRow(row)
    window.letters_page.table.setFocus()
    assert window.selected_letter_ids() == [letter_id]


def reviewed_copy(store: Any, letter_id: int, folder: Path) -> Path:
    exported = export_for_review(store, letter_id, folder / "sent.docx", author="Aigerim")
    return word_review(exported, folder / "reviewed.docx")


def when_open(get: Callable[[], QDialog | None], act: Callable[[Any], None]) -> list[Any]:
    """Act on a modal dialog once it is open; returns what `act` stored."""
    seen: list[Any] = []

    def run() -> None:
        dialog = get()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, run)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, run)
    return seen


def test_the_menu_offers_both_actions(window: Any, review_letter: int) -> None:
    actions = review_actions(window)
    select_letter(window, review_letter)
    actions.update_actions()
    texts = [a.text() for a in window.exchange_menu.actions()]
    assert "Send for &Review…" in texts and "&Import Reviewed Copy…" in texts
    assert actions.send_action.isEnabled() and actions.import_action.isEnabled()


def test_send_for_review_writes_the_docx_with_provenance_and_comments(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    actions = review_actions(window)
    select_letter(window, review_letter)
    out = tmp_path / "to-review.docx"
    fake_services.answers["save_file"] = [out]
    fake_services.answers["ask_yes_no"] = [True]  # move the draft to "In review"

    def send_docx(dialog: SendForReviewDialog) -> None:
        assert dialog.docx.isChecked() and dialog.comments.isChecked()
        dialog.accept()

    when_open(lambda: getattr(actions, "send_dialog", None), send_docx)
    assert actions.send_for_review() == out
    with zipfile.ZipFile(out) as package:
        custom = package.read("docProps/custom.xml").decode()
        comments = package.read("word/comments.xml").decode()
    assert letter_repo.get_letter_info(store, review_letter).uuid in custom
    assert "Is the name right?" in comments
    assert letter_repo.get_letter_info(store, review_letter).status == "in_review"
    history = letter_repo.status_history(store, review_letter)
    assert [(h.to_status, h.author) for h in history] == [("in_review", "Test User")]


def test_import_shows_the_reviewers_changes_and_accept_stores_them(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    copy = reviewed_copy(store, review_letter, tmp_path)
    revisions_before = len(revision_repo.list_revisions(store, review_letter))
    actions = review_actions(window)
    shown: dict[str, Any] = {}

    def look_and_accept(dialog: ReviewImportDialog) -> None:
        view = dialog.changes_view
        shown["side_by_side"] = view.side_by_side.isChecked()
        shown["text"] = view.shown_text()
        shown["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        shown["tracked"] = [
            (dialog.tracked.topLevelItem(i).text(0), dialog.tracked.topLevelItem(i).text(2))  # type: ignore[union-attr]
            for i in range(dialog.tracked.topLevelItemCount())
        ]
        tops = [dialog.comments.topLevelItem(i) for i in range(dialog.comments.topLevelItemCount())]
        shown["comments"] = [(t.text(0), t.text(1), t.text(2), t.childCount()) for t in tops if t is not None]
        shown["replies"] = [
            (t.child(j).text(0), t.child(j).text(2))  # type: ignore[union-attr]
            for t in tops
            if t is not None
            for j in range(t.childCount())
        ]
        shown["approve"] = dialog.approve_button.isVisible()
        dialog.accept_button.click()

    when_open(lambda: actions.dialog, look_and_accept)
    assert actions.import_reviewed_copy(copy) == review_letter
    # Shown side by side, as rendered text: the reviewer's word against the sent one, no Markdown.
    assert shown["side_by_side"]
    assert "renommée" in shown["text"] and "reconnue" in shown["text"] and "**" not in shown["text"]
    assert shown["tabs"][0] == "Reviewer's Changes"
    kinds_and_authors = set(shown["tracked"])
    assert ("Inserted", "Omar Haddad") in kinds_and_authors and ("Deleted", "Jane Roe") in kinds_and_authors
    app_comment, *word_comments = shown["comments"]
    assert app_comment[0].startswith("Is the name right?") and app_comment[2] == "Aigerim (in the app)"
    assert word_comments and all(c[2].endswith("(in Word)") and c[1] for c in word_comments)
    # The replies written in Word sit under the comment they answer, the app's own included.
    assert shown["replies"] and all(author.endswith("(in Word)") for _text, author in shown["replies"])
    assert sum(c[3] for c in shown["comments"]) == len(shown["replies"])
    assert not shown["approve"]  # the copy asks for changes
    # Stored: a revision from the copy, the comments with their origin, the status.
    revisions = revision_repo.list_revisions(store, review_letter)
    assert len(revisions) > revisions_before
    assert revisions[0].reason.startswith("reviewed copy reviewed.docx")
    assert "renommée" in letter_repo.get_letter(store, review_letter).body
    records = comment_repo.comment_records(store, review_letter)
    assert any(r.origin == "word" and r.anchor for r in records)
    assert letter_repo.get_letter_info(store, review_letter).status == "changes_requested"
    # The letter opens; its review panel says who wrote each comment, and where.
    editor = window.tabs.currentWidget()
    assert editor.letter_id == review_letter
    authors = [
        editor.review.comments.topLevelItem(i).text(1)
        for i in range(editor.review.comments.topLevelItemCount())
    ]
    assert "Aigerim (in the app)" in authors
    assert any(a.endswith("(in Word)") for a in authors)
    word_item = next(
        editor.review.comments.topLevelItem(i)
        for i in range(editor.review.comments.topLevelItemCount())
        if editor.review.comments.topLevelItem(i).text(1).endswith("(in Word)")
    )
    assert word_item.text(0).splitlines()[1].startswith("On “")  # the words it is anchored to


def test_cancel_stores_nothing(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    copy = reviewed_copy(store, review_letter, tmp_path)
    before = (
        revision_repo.list_revisions(store, review_letter),
        comment_repo.comment_records(store, review_letter),
        letter_repo.status_history(store, review_letter),
        letter_repo.get_letter(store, review_letter),
    )
    actions = review_actions(window)
    when_open(lambda: actions.dialog, lambda dialog: dialog.reject())
    assert actions.import_reviewed_copy(copy) is None
    after = (
        revision_repo.list_revisions(store, review_letter),
        comment_repo.comment_records(store, review_letter),
        letter_repo.status_history(store, review_letter),
        letter_repo.get_letter(store, review_letter),
    )
    assert after == before


def test_a_letter_that_moved_on_is_compared_with_its_text_now_and_conflicts_are_flagged(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    copy = reviewed_copy(store, review_letter, tmp_path)
    letter = letter_repo.get_letter(store, review_letter)
    moved_on = dataclasses.replace(letter, body=letter.body.replace("reconnue", "respectée"))
    letter_repo.save_letter(store, review_letter, moved_on, author="Aigerim", revision_reason="save point")
    actions = review_actions(window)
    shown: dict[str, Any] = {}

    def look(dialog: ReviewImportDialog) -> None:
        assert dialog.now_view is not None
        shown["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        shown["html"] = dialog.now_view.text.toHtml()
        shown["now"] = dialog.now_view.shown_text()
        shown["summary"] = dialog.summary.text()
        dialog.reject()

    when_open(lambda: actions.dialog, look)
    assert actions.import_reviewed_copy(copy) is None
    assert "Against the Letter Now" in shown["tabs"]
    assert "respectée" in shown["now"] and "renommée" in shown["now"]
    assert "Changed on both sides" in shown["now"]
    assert "both in the app and in the copy" in shown["summary"]


def test_a_copy_from_elsewhere_can_become_a_new_letter(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    from iphr_desk.core.export.docx_export import export_letter

    plain = export_letter(parse_letter_file(LETTER), tmp_path / "plain.docx")  # no identity
    actions = review_actions(window)
    fake_services.answers["ask_yes_no"] = [True]  # no letter selected: "Import it as a new letter?"
    when_open(lambda: actions.dialog, lambda dialog: dialog.accept_button.click())
    created = actions.import_reviewed_copy(plain)
    assert created is not None and created != review_letter
    (question,) = fake_services.called("ask_yes_no")
    assert "new letter" in question[1]
    assert letter_repo.get_letter(store, created).subject == parse_letter_file(LETTER).subject
    QApplication.processEvents()


@pytest.mark.parametrize("submitter", ["Aigerim", "Test User"])
def test_a_copy_that_asks_nothing_can_be_accepted_and_approved(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path, submitter: str
) -> None:
    window.ctx.settings.user_role = "director"
    letter_repo.change_status(store, review_letter, "in_review", author=submitter)
    unchanged = export_for_review(store, review_letter, tmp_path / "sent.docx", author="Aigerim")
    actions = review_actions(window)
    offered: list[bool] = []

    def approve(dialog: ReviewImportDialog) -> None:
        offered.append(dialog.approve_button.isVisible())
        dialog.approve_button.click()

    when_open(lambda: actions.dialog, approve)
    assert actions.import_reviewed_copy(unchanged) == review_letter
    assert offered == [True]
    assert letter_repo.get_letter_info(store, review_letter).status == "approved"
    last = letter_repo.status_history(store, review_letter)[-1]
    own = submitter == "Test User"
    assert [q[0] for q in fake_services.called("ask_yes_no")] == (["Approve Your Own Letter?"] if own else [])
    assert (last.author, last.note) == (
        "Test User",
        "role: director\nown letter: confirmed" if own else "role: director",
    )


def test_a_file_that_is_not_a_word_document_is_told_in_one_line_and_nothing_is_stored(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip at all", encoding="utf-8")
    before = revision_repo.list_revisions(store, review_letter)
    fake_services.answers["open_file"] = [bad]
    assert review_actions(window).import_reviewed_copy() is None
    (error,) = fake_services.called("error")
    assert error[0] == "Could Not Read the Reviewed Copy"
    assert "notes.docx" in error[1] and "\n" not in error[1] and "Traceback" not in error[1]
    assert revision_repo.list_revisions(store, review_letter) == before


def test_send_for_review_as_an_encrypted_package(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    from iphr_desk.core.exchange.package import read_package

    actions = review_actions(window)
    select_letter(window, review_letter)

    def choose_package(dialog: SendForReviewDialog) -> None:
        dialog.package.setChecked(True)
        assert not dialog.comments.isEnabled()  # Word comments are for a Word document
        dialog.accept()

    # The two passphrases differ: nothing is written.
    fake_services.answers["save_file"] = [tmp_path / "for-brigitte"]
    fake_services.answers["ask_passphrase"] = ["correct horse", "correct hors"]
    when_open(lambda: getattr(actions, "send_dialog", None), choose_package)
    assert actions.send_for_review() is None
    assert fake_services.called("warning") and not (tmp_path / "for-brigitte.iphrpkg").exists()

    fake_services.answers["save_file"] = [tmp_path / "for-brigitte"]
    fake_services.answers["ask_passphrase"] = ["correct horse", "correct horse"]
    fake_services.answers["ask_yes_no"] = [False]  # leave the status as it is
    when_open(lambda: getattr(actions, "send_dialog", None), choose_package)
    written = actions.send_for_review()
    assert written == tmp_path / "for-brigitte.iphrpkg" and written.exists()
    manifest = read_package(written, "correct horse")
    assert [record["uuid"] for record in manifest.letters] == [
        letter_repo.get_letter_info(store, review_letter).uuid
    ]
    assert letter_repo.get_letter_info(store, review_letter).status == "draft"


@pytest.mark.parametrize("reopen", [True, False])
def test_a_copy_changing_an_approved_letter_offers_to_reopen_it(
    window: Any, review_letter: int, store: Any, fake_services: Any, tmp_path: Path, reopen: bool
) -> None:
    copy = reviewed_copy(store, review_letter, tmp_path)
    letter_repo.change_status(store, review_letter, "in_review", author="Aigerim")
    letter_repo.change_status(store, review_letter, "approved", author="Brigitte")
    before = revision_repo.list_revisions(store, review_letter)
    actions = review_actions(window)
    fake_services.answers["ask_yes_no"] = [reopen]
    if reopen:
        when_open(lambda: actions.dialog, lambda dialog: dialog.accept_button.click())
    result = actions.import_reviewed_copy(copy)
    (question,) = fake_services.called("ask_yes_no")
    assert "Approved" in question[1] and "Reopen" in question[1]
    if reopen:
        assert result == review_letter
        history = [h.to_status for h in letter_repo.status_history(store, review_letter)]
        assert history[-3:] == ["draft", "in_review", "changes_requested"]  # reopened, then the copy's moves
        assert "renommée" in letter_repo.get_letter(store, review_letter).body
    else:
        assert result is None
        (error,) = fake_services.called("error")
        assert "approved" in error[1]
        assert revision_repo.list_revisions(store, review_letter) == before
        assert letter_repo.get_letter_info(store, review_letter).status == "approved"
