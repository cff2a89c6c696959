"""The letter editor on a real temporary store: the writing journey, autosave, revisions, review."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.gui.editor.autosave import SaveState
from iphr_desk.gui.editor.letter_editor import LetterEditor
from iphr_desk.gui.export.controller import run_export
from iphr_desk.gui.export.worker import ExportOptions


def open_editor(qtbot: Any, ctx: Any, letter_id: int) -> LetterEditor:
    editor = LetterEditor(ctx, letter_id)
    qtbot.addWidget(editor)
    editor.resize(1300, 850)
    editor.show()
    return editor


def set_female_minister(qtbot: Any, editor: LetterEditor, name: str = "Nathalie Dubois") -> None:
    form = editor.form
    form.r_name.clear()
    qtbot.keyClicks(form.r_name, name)
    form.r_gender.setCurrentIndex(form.r_gender.findData("female"))
    form.r_office.setCurrentIndex(form.r_office.findData("minister"))


def type_body(qtbot: Any, editor: LetterEditor) -> None:
    """'We write about *Ivanov* and [the report](https://example.org/r).' typed with the toolbar."""
    text = editor.body.text
    text.selectAll()
    text.textCursor().removeSelectedText()
    qtbot.keyClicks(text, "We write about ")
    editor.body.italic_action.trigger()
    qtbot.keyClicks(text, "Ivanov")
    editor.body.italic_action.trigger()
    qtbot.keyClicks(text, " and the report")
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len("the report"))
    text.setTextCursor(cursor)
    editor._ctx.services.answers["ask_text"] = ["https://example.org/r"]
    editor.body.link_action.trigger()
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    text.setTextCursor(cursor)
    qtbot.keyClicks(text, ".")


REPO = Path(__file__).resolve().parents[3]
VALIDATOR = REPO / "tests" / "ooxml" / "validate_docx.py"  # the repository's own Word-schema check
BODY = "We write about *Ivanov* and [the report](https://example.org/r).\n"


def test_salutation_follows_the_recipient_in_form_and_preview(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_fr"])
    assert editor.form.salutation.computed.text() == "Madame, Monsieur,"
    set_female_minister(qtbot, editor)
    assert editor.form.salutation.computed.text() == "Madame la Ministre,"
    assert "Madame la Ministre," in editor.form.closing.computed.text()
    qtbot.waitUntil(lambda: "Madame la Ministre," in editor.preview.toPlainText())
    editor.form.language.setCurrentIndex(editor.form.language.findData("en"))
    assert editor.form.salutation.computed.text() == "Dear Minister,"
    qtbot.waitUntil(lambda: "Dear Minister," in editor.preview.toPlainText())


def test_override_replaces_the_computed_salutation(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.form.salutation.override.setChecked(True)
    editor.form.salutation.edit.clear()
    qtbot.keyClicks(editor.form.salutation.edit, "Dear Kaja,")
    qtbot.waitUntil(lambda: "Dear Kaja," in editor.preview.toPlainText())
    editor.flush()
    assert letter_repo.get_letter(ctx.store, seeded["letter_en"]).recipient.salutation == "Dear Kaja,"


def test_the_writing_journey(qtbot: Any, ctx: Any, seeded: Any, tmp_path: Path) -> None:
    letter_id = seeded["letter_fr"]
    editor = open_editor(qtbot, ctx, letter_id)
    set_female_minister(qtbot, editor)
    type_body(qtbot, editor)
    assert editor.body.markdown() == BODY
    assert editor.autosave.state == SaveState.UNSAVED
    assert editor.save_state.text() == "Unsaved changes"
    # Autosave, without any explicit save.
    qtbot.waitUntil(lambda: editor.autosave.state == SaveState.SAVED, timeout=3000)
    assert editor.save_state.text() == "Saved"
    stored = letter_repo.get_letter(ctx.store, letter_id)
    assert stored.body == BODY
    assert stored.recipient.gender == "female" and stored.recipient.office == "minister"
    # A change just before closing is flushed, not lost.
    qtbot.keyClicks(editor.body.text, " Thank you")
    editor.flush()
    editor.close()
    reopened = open_editor(qtbot, ctx, letter_id)
    assert reopened.body.markdown() == BODY.replace(".\n", ". Thank you\n")
    assert reopened.form.r_name.text() == "Nathalie Dubois"
    # Review: submit, approve; the approved letter is read-only until reopened.
    reopened.review.transition_buttons["in_review"].click()
    assert letter_repo.get_letter_info(ctx.store, letter_id).status == "in_review"
    reopened.review.transition_buttons["approved"].click()
    assert letter_repo.get_letter_info(ctx.store, letter_id).status == "approved"
    assert reopened.body.text.isReadOnly() and not reopened.read_only_banner.isHidden()
    assert reopened.form.subject.isReadOnly()
    assert set(reopened.review.transition_buttons) == {"signed", "draft"}
    # Export.
    out = tmp_path / "out"
    out.mkdir()
    run = run_export(ctx, reopened, [letter_repo.get_letter(ctx.store, letter_id)], ExportOptions(out))
    qtbot.waitUntil(lambda: run.result is not None, timeout=30000)
    assert run.result == "finished"
    files = list(out.glob("*.docx"))
    assert len(files) == 1 and files[0].name.startswith("2023-10-30 Dubois")
    assert ctx.services.called("open_folder") == [(out,)]
    # Word is stricter than LibreOffice: check the parts against ECMA-376, as a developer would run it.
    check = subprocess.run(
        [sys.executable, str(VALIDATOR), str(files[0])],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    if shutil.which("soffice") and shutil.which("pandoc"):
        text, markdown = read_back(files[0], tmp_path)
        assert "Madame la Ministre," in text
        assert "Ivanov" in text
        assert "*Ivanov*" in markdown


def read_back(docx: Path, work: Path) -> tuple[str, str]:
    """What LibreOffice and Pandoc read in the exported file."""
    profile = (work / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (work / (docx.stem + ".txt")).read_text(encoding="utf-8-sig")
    markdown = subprocess.run(
        ["pandoc", "-t", "markdown", str(docx)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return text, markdown


def test_save_revision_diff_and_restore(qtbot: Any, ctx: Any, seeded: Any) -> None:
    letter_id = seeded["letter_en"]
    editor = open_editor(qtbot, ctx, letter_id)
    before = len(revision_repo.list_revisions(ctx.store, letter_id))
    editor.body.set_markdown("First version of the body.\n")
    editor.body.changed.emit()
    editor.save_revision_action.trigger()
    editor.body.set_markdown("Second version, rewritten.\n")
    editor.body.changed.emit()
    editor.save_revision()
    revisions = revision_repo.list_revisions(ctx.store, letter_id)
    assert len(revisions) == before + 2
    assert [r.reason for r in revisions[:2]] == ["save point", "save point"]
    assert editor.revisions.list.count() == len(revisions)
    dialog = editor.revisions.compare(revisions[1].id, revisions[0].id)
    shown = dialog.view.shown_text().replace("\xa0", " ")
    assert "First version of the body." in shown and "Second version, rewritten." in shown
    assert dialog.view.diff is not None
    tokens = [t for b in dialog.view.diff.blocks for t in b.block.tokens]
    assert [t.op for t in tokens if t.text == "rewritten"] == ["insert"]
    # Restore the first save point (the user confirms).
    editor.revisions.list.setCurrentRow(1)
    editor.revisions.restore_button.click()
    assert editor.body.markdown() == "First version of the body.\n"
    assert letter_repo.get_letter(ctx.store, letter_id).body == "First version of the body.\n"
    assert revision_repo.list_revisions(ctx.store, letter_id)[0].reason.startswith("restored revision")


def test_comments_add_reply_resolve(qtbot: Any, ctx: Any, seeded: Any) -> None:
    letter_id = seeded["letter_de"]
    ctx.settings.user_name = "Reviewer Rita"
    editor = open_editor(qtbot, ctx, letter_id)
    review = editor.review
    qtbot.keyClicks(review.comment_text, "Please cite the court ruling.")
    review.add_button.click()
    assert review.comments.topLevelItemCount() == 1
    review.comments.setCurrentItem(review.comments.topLevelItem(0))
    qtbot.keyClicks(review.comment_text, "Done, see footnote 2.")
    review.reply_button.click()
    comments = comment_repo.list_comments(ctx.store, letter_id)
    assert [(c.text, c.author, c.parent_id is None) for c in comments] == [
        ("Please cite the court ruling.", "Reviewer Rita", True),
        ("Done, see footnote 2.", "Reviewer Rita", False),
    ]
    assert review.comments.topLevelItem(0).childCount() == 1
    review.comments.setCurrentItem(review.comments.topLevelItem(0).child(0))
    review.resolve_button.click()
    assert comment_repo.list_comments(ctx.store, letter_id)[0].resolved
    assert "(resolved)" in review.comments.topLevelItem(0).text(0)


def test_read_only_letter_refuses_edits_until_reopened(qtbot: Any, ctx: Any, seeded: Any) -> None:
    letter_id = seeded["letter_ru"]
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="t")
    letter_repo.change_status(ctx.store, letter_id, "approved", author="t")
    editor = open_editor(qtbot, ctx, letter_id)
    assert editor.is_read_only()
    assert editor.body.text.isReadOnly()
    assert not editor.save_revision_button.isEnabled()
    assert editor.save_state.text() == "Read-only"
    statuses: list[tuple[int, str]] = []
    editor.statusChanged.connect(lambda i, s: statuses.append((i, s)))
    editor.reopen_button.click()
    assert statuses == [(letter_id, "draft")]
    assert not editor.body.text.isReadOnly()
    assert editor.read_only_banner.isHidden()


def test_case_panel_inserts_a_fact_at_the_cursor(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_fr"])
    facts = {item.data(0, 256): item for item in editor.cases.facts()}
    fact = "2022-09-14: Rally dispersed; 23 people detained."
    assert fact in facts and "Yerlan Sarsenbayev" in facts
    cursor = editor.body.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.body.text.setTextCursor(cursor)
    editor.cases.tree.setCurrentItem(facts[fact])
    editor.cases.insert_button.click()
    # In the letter's language, with the source as footnote 1 (tests/gui/editor/test_case_facts.py).
    inserted = "14 septembre 2022 : Rally dispersed; 23 people detained.1"
    assert editor.body.text.toPlainText().endswith(inserted)
    assert editor.autosave.state == SaveState.UNSAVED
    # Linking another case in the header shows it in the panel too.
    qtbot.keyClicks(editor.form.cases, ", UZ-2022-009")
    qtbot.waitUntil(lambda: any("Journalist convicted in Nukus" in i.text(0) for i in _top_items(editor)))


def _top_items(editor: LetterEditor) -> list[Any]:
    tree = editor.cases.tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_paste_from_a_browser_keeps_only_letter_formatting(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.body.set_markdown("")
    mime = QMimeData()
    mime.setHtml(
        "<p style='color:red;font-family:Impact'>See <b>this</b> <i>ruling</i> "
        "<a href='https://x.org/r'>here</a><img src='x.png'></p><table><tr><td>cell</td></tr></table>"
    )
    mime.setText("See this ruling here cell")
    editor.body.text.insertFromMimeData(mime)
    assert editor.body.markdown() == "See **this** *ruling* [here](https://x.org/r)\n\ncell\n"


def test_footnote_shortcut_inserts_a_numbered_note(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.body.set_markdown("Second claim[^1].\n\n[^1]: Old note.\n")
    cursor = editor.body.text.textCursor()
    cursor.setPosition(len("Second"))
    editor.body.text.setTextCursor(cursor)
    ctx.services.answers["ask_text"] = ["New note."]
    editor.body.footnote_action.trigger()
    qtbot.keyClicks(editor.body.text, " typed")
    assert editor.body.markdown() == ("Second[^1] typed claim[^2].\n\n[^1]: New note.\n\n[^2]: Old note.\n")
    assert editor.body.text.toPlainText() == "Second1 typed claim2."


def test_closing_the_editor_frees_it(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = LetterEditor(ctx, seeded["letter_en"])
    editor.show()
    destroyed: list[bool] = []
    editor.destroyed.connect(lambda: destroyed.append(True))
    editor.body.insert_text("x")
    editor.flush()
    editor.close()
    editor.deleteLater()
    qtbot.waitUntil(lambda: destroyed == [True])
    assert letter_repo.get_letter(ctx.store, seeded["letter_en"]).body.endswith("x\n")
    QApplication.processEvents()
    gc.collect()


@pytest.mark.parametrize("subject", ["Nouveau sujet"])
def test_title_changes_with_the_subject(qtbot: Any, ctx: Any, seeded: Any, subject: str) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_fr"])
    titles: list[str] = []
    editor.titleChanged.connect(titles.append)
    editor.form.subject.clear()
    qtbot.keyClicks(editor.form.subject, subject)
    assert titles[-1] == subject
    saved: list[int] = []
    editor.saved.connect(saved.append)
    qtbot.waitUntil(lambda: saved == [seeded["letter_fr"]], timeout=3000)
    assert letter_repo.get_letter(ctx.store, seeded["letter_fr"]).subject == subject


def test_footnote_can_be_edited_after_its_mark(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.body.set_markdown("Claim[^1] and again[^1].\n\n[^1]: Old.\n")
    cursor = editor.body.text.textCursor()
    cursor.setPosition(len("Claim1"))
    editor.body.text.setTextCursor(cursor)
    ctx.services.answers["ask_text"] = ["Corrected."]
    editor.body.footnote_action.trigger()
    assert ctx.services.called("ask_text")[-1][2] == "Old."
    assert editor.body.markdown() == "Claim[^1] and again[^1].\n\n[^1]: Corrected.\n"


def test_tab_nests_a_list_item_and_shift_tab_brings_it_back(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    text = editor.body.text
    editor.body.set_markdown("- first\n- second\n- third\n")
    cursor = text.textCursor()
    cursor.setPosition(text.document().findBlockByNumber(1).position() + 2)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert editor.body.markdown() == "- first\n  - second\n- third\n"
    qtbot.keyClick(text, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.body.markdown() == "- first\n- second\n- third\n"


def test_toolbar_lists_and_quote(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.body.set_markdown("Point one\n\nA quoted line\n")
    text = editor.body.text
    text.setTextCursor(QTextCursor(text.document().findBlockByNumber(0)))
    editor.body.numbers_action.trigger()
    text.setTextCursor(QTextCursor(text.document().findBlockByNumber(1)))
    editor.body.quote_action.trigger()
    assert editor.body.markdown() == "1. Point one\n\n> A quoted line\n"
    text.setTextCursor(QTextCursor(text.document().findBlockByNumber(0)))
    editor.body.bullets_action.trigger()
    assert editor.body.markdown().startswith("- Point one\n")
    editor.body.bullets_action.trigger()
    assert editor.body.markdown().startswith("Point one\n")


def test_bold_shortcut_formats_the_selection(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.body.set_markdown("make this strong\n")
    text = editor.body.text
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(len("make this "))
    cursor.setPosition(len("make this strong"), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.markdown() == "make this **strong**\n"
    assert editor.body.word_count() == 3
    assert editor.body.words.text() == "3 word(s)"


def test_reload_picks_up_a_status_change_made_elsewhere(qtbot: Any, ctx: Any, seeded: Any) -> None:
    letter_id = seeded["letter_de"]
    editor = open_editor(qtbot, ctx, letter_id)
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="list")
    editor.reload()
    assert editor.status() == "in_review"
    assert set(editor.review.transition_buttons) == {"changes_requested", "approved", "draft"}


def test_a_failed_save_is_shown_and_reported_on_flush(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = open_editor(qtbot, ctx, seeded["letter_en"])
    editor.form.signatories.setCurrentCell(0, 0)
    editor.form.remove_signatory_button.click()
    qtbot.waitUntil(lambda: editor.autosave.state == SaveState.FAILED, timeout=3000)
    assert editor.save_state.text().startswith("Not saved: ")
    assert "signatory" in editor.save_state.text()
    editor.flush()
    (_title, text, _details) = ctx.services.called("error")[-1]
    assert "were not saved" in text and "signatory" in text
    # Adding a signatory again lets the next save through.
    editor.form.add_signatory(address_book.list_signatories(ctx.store)[0].signatory)
    qtbot.waitUntil(lambda: editor.autosave.state == SaveState.SAVED, timeout=3000)
