"""The signatory form keeps a title per letter language (issue 14, deliverable 7)."""

from __future__ import annotations

from typing import Any

from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.store.repository import address_book
from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
from iphr_desk.gui.models.writes import get_record
from iphr_desk.gui.widgets.titles_field import TitlesField


def test_the_signatory_form_saves_and_shows_the_titles_by_language(qtbot: Any, ctx: Any) -> None:
    dialog = RecordDialog(ctx, "signatory", None)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Brigitte Dufour")  # type: ignore[attr-defined]
    dialog.edits["title"].setText("Director")  # type: ignore[attr-defined]
    titles = dialog.edits["titles"]
    assert isinstance(titles, TitlesField)
    titles.edits["fr"].setText("Directrice")
    titles.edits["ru"].setText(" Директор ")
    dialog.accept()
    assert dialog.record_id is not None
    [saved] = address_book.list_signatories(ctx.store)
    assert saved.signatory == Signatory(
        "Brigitte Dufour", "Director", titles=(("fr", "Directrice"), ("ru", "Директор"))
    )
    edit = RecordDialog(ctx, "signatory", get_record(ctx, "signatory", dialog.record_id))
    qtbot.addWidget(edit)
    field = edit.edits["titles"]
    assert isinstance(field, TitlesField)
    assert [field.edits[lang].text() for lang in ("fr", "en", "ru", "de")] == [
        "Directrice",
        "",
        "Директор",
        "",
    ]
    field.edits["de"].setText("Direktorin")
    field.edits["fr"].setText("")
    edit.accept()
    assert address_book.list_signatories(ctx.store)[0].signatory.titles == (
        ("ru", "Директор"),
        ("de", "Direktorin"),
    )
