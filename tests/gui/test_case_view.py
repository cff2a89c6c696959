"""The case view and the case form, on a real store."""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


def test_case_view_shows_fields_people_events_and_letters(
    window: Any, store: Any, seeded: dict[str, int]
) -> None:
    window.refresh()
    view = window.case_view
    view.show_case(seeded["case_kz"])
    assert view.title.text() == "Trial of peaceful protesters in Almaty"
    assert view.fields["reference"].text() == "KZ-2022-003"
    assert "Kazakhstan" in view.fields["country"].text()
    assert view.fields["themes"].text() == "freedom of assembly, fair trial"
    people = [view.people.topLevelItem(i) for i in range(view.people.topLevelItemCount())]
    assert [p.text(0) for p in people] == ["Yerlan Sarsenbayev", "Marat Iskakov"]
    assert people[0].text(1) == "At risk" and people[0].font(0).bold()
    assert people[1].text(1) == "" and not people[1].font(0).bold()
    events = view.timeline_texts()
    assert len(events) == 2
    assert "2022-09-14" in events[0] and "Rally dispersed" in events[0]
    assert 'href="https://example.org/rally"' in events[0]
    assert "2022-09-16" in events[1] and "href" not in events[1]
    letters = [view.letters.topLevelItem(i) for i in range(view.letters.topLevelItemCount())]
    assert [item.data(0, Qt.ItemDataRole.UserRole) for item in letters] == [seeded["letter_fr"]]


def test_clicking_a_source_copies_it_and_fetches_nothing(window: Any, seeded: dict[str, int]) -> None:
    view = window.case_view
    view.show_case(seeded["case_kz"])
    messages: list[str] = []
    view.messageRequested.connect(messages.append)
    view.timeline_labels[0].linkActivated.emit("https://example.org/rally")
    assert QGuiApplication.clipboard().text() == "https://example.org/rally"
    assert messages and "https://example.org/rally" in messages[0]


def test_selecting_a_case_row_shows_it(window: Any, seeded: dict[str, int]) -> None:
    window.refresh()
    window.show_page("cases")
    model = window.case_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == seeded["case_uz"])
    window.cases_page.table.selectRow(row)
    assert window.case_view.case_id == seeded["case_uz"]
    assert window.app_actions.new_letter_from_case.isEnabled()


def test_new_letter_button_asks_for_a_letter_from_this_case(window: Any, seeded: dict[str, int]) -> None:
    view = window.case_view
    view.show_case(seeded["case_uz"])
    asked: list[int] = []
    view.newLetterRequested.disconnect()
    view.newLetterRequested.connect(asked.append)
    view.new_letter_button.click()
    assert asked == [seeded["case_uz"]]


def test_case_form_creates_a_case_with_people_and_events(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog

    dialog = CaseDialog(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reference_edit, "TJ-2024-001")
    qtbot.keyClicks(dialog.title_edit, "Lawyer disbarred in Dushanbe")
    dialog.set_country("TJ")
    qtbot.keyClicks(dialog.themes_edit, "fair trial, lawyers")
    row = dialog.add_person(None)
    dialog.people.item(row, 0).setText("Zarina Nazarova")
    dialog.people.cellWidget(row, 1).setCurrentIndex(dialog.people.cellWidget(row, 1).findData("lawyer"))
    dialog.people.cellWidget(row, 3).setChecked(True)
    row = dialog.add_event(None)
    dialog.events.cellWidget(row, 0).setDate(dt.date(2024, 2, 1))
    dialog.events.item(row, 1).setText("Bar licence withdrawn.")
    dialog.events.item(row, 2).setText("https://example.org/bar")
    dialog.accept()
    assert dialog.case_id is not None
    detail = case_repo.get_case_detail(ctx.store, dialog.case_id)
    assert detail.country == "TJ"
    assert detail.themes == ("fair trial", "lawyers")
    assert [(p.name, p.role, p.at_risk) for p in detail.people] == [("Zarina Nazarova", "lawyer", True)]
    assert [(e.date, e.source_url) for e in detail.events] == [
        (dt.date(2024, 2, 1), "https://example.org/bar")
    ]


def test_case_form_edits_and_drops_rows(qtbot: Any, ctx: Any, seeded: dict[str, int]) -> None:
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog

    dialog = CaseDialog(ctx, seeded["case_kz"])
    qtbot.addWidget(dialog)
    assert dialog.reference_edit.text() == "KZ-2022-003"
    assert dialog.people.rowCount() == 2
    dialog.people.selectRow(1)
    dialog._remove_rows(dialog.people)
    dialog.title_edit.setText("Trial of protesters (Almaty)")
    dialog.accept()
    detail = case_repo.get_case_detail(ctx.store, seeded["case_kz"])
    assert detail.title == "Trial of protesters (Almaty)"
    assert [p.name for p in detail.people] == ["Yerlan Sarsenbayev"]
    assert len(detail.events) == 2


def test_case_form_refuses_missing_fields(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog

    dialog = CaseDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.case_id is None
    assert ctx.services.called("warning")


def test_closing_the_case_form_frees_it(qtbot: Any, ctx: Any) -> None:
    from iphr_desk.gui.dialogs.case_dialog import CaseDialog

    dialog = CaseDialog(ctx, None)
    ref = weakref.ref(dialog)
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    dialog.show()
    dialog.reject()
    dialog.close()
    del dialog
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)
    del ref
