"""Case facts in the letter's language (issue 16.9): a localized date (babel, French "1er"), the event's
text, and its source as a footnote in the body, read back from the stored Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import EventData
from iphr_desk.gui.editor.letter_editor import LetterEditor


def editor_on(qtbot: Any, ctx: Any, letter_id: int, language: str, body: str = "") -> LetterEditor:
    letter = letter_repo.get_letter(ctx.store, letter_id)
    letter = replace(letter, language=language, cases=("KZ-2022-003",), body=body)  # type: ignore[arg-type]
    letter_repo.save_letter(ctx.store, letter_id, letter, author="test")
    editor = LetterEditor(ctx, letter_id)
    qtbot.addWidget(editor)
    editor.resize(1300, 850)
    editor.show()
    return editor


def insert_event(qtbot: Any, editor: LetterEditor, starts: str) -> None:
    cursor = editor.body.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.body.text.setTextCursor(cursor)
    item = next(
        i for i in editor.cases.facts() if str(i.data(0, Qt.ItemDataRole.UserRole)).startswith(starts)
    )
    editor.cases.tree.setCurrentItem(item)
    assert editor.cases.insert_button.isEnabled()
    qtbot.mouseClick(editor.cases.insert_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "14 septembre 2022\u00a0: Rally dispersed; 23 people detained.[^1]"),
        ("ru", "14 сентября 2022 г.: Rally dispersed; 23 people detained.[^1]"),
        ("en", "14 September 2022: Rally dispersed; 23 people detained.[^1]"),
        ("de", "14. September 2022: Rally dispersed; 23 people detained.[^1]"),
    ],
)
def test_an_event_goes_in_with_the_letters_date_and_its_source_as_a_footnote(
    qtbot: Any, ctx: Any, seeded: Any, language: str, expected: str
) -> None:
    editor = editor_on(qtbot, ctx, seeded["letter_fr"], language)
    insert_event(qtbot, editor, "2022-09-14")
    markdown = editor.body.markdown()
    seen = expected.replace("[^1]", "1").replace("\u00a0", " ")  # toPlainText shows a no-break space so
    assert seen in editor.body.text.toPlainText()  # as the writer sees it
    assert expected.replace("14.", "14\\.") in markdown  # a "14." opening a line is no list number
    assert "[^1]: https://example.org/rally" in markdown
    assert "2022-09-14" not in markdown
    assert editor.flush()
    stored = letter_repo.get_letter(ctx.store, seeded["letter_fr"]).body
    assert expected.replace("14.", "14\\.") in stored and "[^1]: https://example.org/rally" in stored


def test_the_first_of_the_month_is_1er_in_french(qtbot: Any, ctx: Any, seeded: Any) -> None:
    case_repo.add_event(
        ctx.store,
        seeded["case_kz"],
        EventData(dt.date(2022, 9, 1), "Lawyer denied access.", "https://example.org/access"),
    )
    editor = editor_on(qtbot, ctx, seeded["letter_fr"], "fr", "Nous écrivons.\n")
    insert_event(qtbot, editor, "2022-09-01")
    assert "1er septembre 2022\u00a0: Lawyer denied access.[^1]" in editor.body.markdown()


def test_an_event_without_source_has_no_footnote_and_a_second_source_is_note_2(
    qtbot: Any, ctx: Any, seeded: Any
) -> None:
    editor = editor_on(qtbot, ctx, seeded["letter_fr"], "ru")
    insert_event(qtbot, editor, "2022-09-16")  # no source
    assert "16 сентября 2022 г.: Five protesters charged." in editor.body.markdown()
    assert "[^" not in editor.body.markdown()
    insert_event(qtbot, editor, "2022-09-14")
    case_repo.add_event(
        ctx.store,
        seeded["case_kz"],
        EventData(dt.date(2022, 9, 20), "Appeal filed.", "https://example.org/appeal"),
    )
    editor.cases.show_cases(("KZ-2022-003",))
    insert_event(qtbot, editor, "2022-09-20")
    markdown = editor.body.markdown()
    assert "[^1]: https://example.org/rally" in markdown
    assert "[^2]: https://example.org/appeal" in markdown


def test_one_undo_takes_the_whole_fact_back(qtbot: Any, ctx: Any, seeded: Any) -> None:
    editor = editor_on(qtbot, ctx, seeded["letter_fr"], "en", "Before.\n")
    insert_event(qtbot, editor, "2022-09-14")
    editor.body.text.undo()
    assert editor.body.markdown().strip() == "Before."
