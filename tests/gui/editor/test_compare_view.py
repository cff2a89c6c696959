"""Comparing revisions as rendered text (gui/editor/compare_view.py, revisions.py), in three languages."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.gui.editor.letter_editor import LetterEditor
from iphr_desk.gui.i18n import install_translators, remove_translators

OLD_BODY = (
    "We write about the detention of **Ivan Petrov**.\n\n"
    "We urge the authorities to:\n\n"
    "1. release him;\n"
    "2. grant access to a lawyer.\n\n"
    "The arrest was reported[^1].\n\n"
    "[^1]: Report of 12 March.\n"
)
NEW_BODY = (
    "We write about the arbitrary detention of **Ivan Petrov**.\n\n"
    "We urge the authorities to:\n\n"
    "1. release him at once;\n"
    "2. drop the charges;\n"
    "3. grant access to a lawyer.\n\n"
    "The arrest was reported[^1].\n\n"
    "[^1]: Report of 12 March, paragraph 4.\n"
)


def two_revisions(ctx: Any, letter_id: int) -> tuple[int, int]:
    """Two save points of the letter: the old body, then the new body with a new subject."""
    letter = letter_repo.get_letter(ctx.store, letter_id)
    old = dataclasses.replace(letter, body=OLD_BODY)
    letter_repo.save_letter(ctx.store, letter_id, old, author="Aigerim", revision_reason="save point")
    new = dataclasses.replace(letter, body=NEW_BODY, subject=letter.subject + " (urgent)")
    letter_repo.save_letter(ctx.store, letter_id, new, author="Brigitte", revision_reason="save point")
    newest, older = revision_repo.list_revisions(ctx.store, letter_id)[:2]
    return older.id, newest.id


def open_editor(qtbot: Any, ctx: Any, letter_id: int) -> LetterEditor:
    editor = LetterEditor(ctx, letter_id)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    return editor


def select_rows(editor: LetterEditor, *rows: int) -> None:
    editor.revisions.list.clearSelection()
    for row in rows:
        editor.revisions.list.item(row).setSelected(True)


def test_compare_selected_shows_rendered_text_with_the_lists_labels(
    qtbot: Any, ctx: Any, seeded: Any
) -> None:
    letter_id = seeded["letter_en"]
    older, newer = two_revisions(ctx, letter_id)
    editor = open_editor(qtbot, ctx, letter_id)
    select_rows(editor, 0, 1)
    editor.revisions.compare_button.click()
    dialog = editor.revisions.dialog
    assert dialog is not None and dialog.isVisible()
    view = dialog.view
    shown = view.shown_text()
    # Rendered text: no Markdown marks, no front matter, no footnote syntax.
    for source_only in ("**", "[^1]", "subject:", "---", "1. release"):
        assert source_only not in shown
    assert "Ivan Petrov" in shown and "Report of 12 March" in shown
    # The header table: the subject's label, before and after.
    assert "Subject" in shown and "(urgent)" in shown
    # Word's compare marks: inserted words underlined, deleted struck through.
    diff = view.diff
    assert diff is not None
    html = view.text.toHtml()
    assert "text-decoration: underline" in html and "line-through" in html
    inserted = [t.text for b in diff.blocks for t in b.block.tokens if t.op == "insert" and t.text.strip()]
    deleted = [t.text for b in diff.blocks for t in b.block.tokens if t.op == "delete" and t.text.strip()]
    assert {"arbitrary", "once", "drop", "charges", "paragraph", "4"} <= set(inserted)
    assert deleted == []  # only insertions, and the renumbered item is not a change
    assert [b.op for b in diff.blocks if b.block.marker == "3."] == ["equal"]
    # The same labels as the list.
    labels = view.labels.text()
    assert editor.revisions.list.item(1).text() in labels.replace("&amp;", "&")
    assert editor.revisions.list.item(0).text() in labels.replace("&amp;", "&")
    assert editor.revisions.list.item(0).text().endswith("· Brigitte · Save point")
    assert "Revision " not in labels
    # The source stays one switch away.
    view.show_source.setChecked(True)
    source = view.shown_text()
    assert "subject:" in source and "**Ivan Petrov**" in source and "[^1]:" in source
    view.show_source.setChecked(False)
    assert "subject:" not in view.shown_text()
    assert (older, newer) != (0, 0)


def test_one_selected_is_compared_with_the_newest_and_side_by_side_fits_1024(
    qtbot: Any, ctx: Any, seeded: Any
) -> None:
    letter_id = seeded["letter_en"]
    two_revisions(ctx, letter_id)
    editor = open_editor(qtbot, ctx, letter_id)
    select_rows(editor, 1)
    dialog = editor.revisions.compare_selected()
    assert dialog is not None
    assert dialog.view.diff is not None and dialog.view.diff.changed
    assert dialog.width() <= 1024 and dialog.minimumSizeHint().width() <= 1024
    dialog.resize(1000, 640)
    dialog.view.side_by_side.setChecked(True)
    QApplication.processEvents()
    # The text wraps: nothing to scroll sideways, and each paragraph faces its new form.
    assert dialog.view.text.horizontalScrollBar().maximum() == 0
    shown = dialog.view.shown_text()
    assert "release him;" in shown and "release him at once;" in shown


def test_a_revision_that_is_not_a_letter_shows_its_source(qtbot: Any) -> None:
    from iphr_desk.gui.editor.compare_view import CompareView

    view = CompareView()
    qtbot.addWidget(view)
    assert view.set_texts("not a letter", "neither", "A", "B") is None
    assert view.show_source.isChecked() and not view.show_source.isEnabled()
    assert "not a letter" in view.shown_text()


# --------------------------------------------------------------------------- French and Russian


@pytest.fixture(params=["fr", "ru"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    assert install_translators(qapp, request.param) == request.param
    yield str(request.param)
    remove_translators(qapp)
    QLocale.setDefault(before)


WORDS = {
    "fr": {"save": "Point de sauvegarde", "status": "Statut : Brouillon → En relecture", "subject": "Objet"},
    "ru": {"save": "Точка сохранения", "status": "Статус: Черновик → На рассмотрении", "subject": "Тема"},
}


def test_revision_list_and_comparison_are_translated(
    language: str, qtbot: Any, ctx: Any, seeded: Any
) -> None:
    from tests.gui.test_translations import _english, _english_on_screen

    letter_id = seeded["letter_en"]
    two_revisions(ctx, letter_id)
    letter_repo.change_status(ctx.store, letter_id, "in_review", author="Brigitte")
    editor = open_editor(qtbot, ctx, letter_id)
    texts = [editor.revisions.list.item(row).text() for row in range(editor.revisions.list.count())]
    words = WORDS[language]
    status = words["status"].replace(" :", "\u00a0:")  # French typography: a no-break space before ":"
    assert any(text.endswith(status) for text in texts), texts
    assert sum(words["save"] in text for text in texts) == 2
    assert not any(t.endswith(("save point", "created")) or "status:" in t for t in texts)
    select_rows(editor, 1, 2)
    dialog = editor.revisions.compare_selected()
    assert dialog is not None
    found = _english_on_screen(dialog, _english(language))
    assert found == []
    shown = dialog.view.shown_text()
    assert words["subject"] in shown
    assert "Subject" not in shown and "Before" not in shown and "Legends" not in shown
