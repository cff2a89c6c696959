"""The main window on a real temporary store, driven through its widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.gui.conftest import seed


def _column_texts(page: Any, title: str) -> list[str]:
    model = page.model
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == title
    )
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_window_opens_on_an_empty_store_with_the_empty_state(window: Any) -> None:
    assert window.isVisible()
    assert window.ctx is not None
    assert window.current_page_name() == "letters"
    assert window.letters_page.is_showing_empty_state()
    assert window.app_actions.new_letter.isEnabled()


def test_empty_state_new_case_opens_the_case_form(window: Any, qtbot: Any, monkeypatch: Any) -> None:
    opened: list[Any] = []

    from iphr_desk.gui.dialogs import case_dialog

    monkeypatch.setattr(case_dialog.CaseDialog, "exec", lambda self: opened.append(self) or 0)
    assert window.letters_page.empty is not None
    qtbot.mouseClick(window.letters_page.empty.case_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].case_id is None


def test_empty_state_new_letter_creates_a_draft(window: Any, qtbot: Any, store: Any) -> None:
    from iphr_desk.core.store.repository import letter_lists

    assert window.letters_page.empty is not None
    qtbot.mouseClick(window.letters_page.empty.letter_button, Qt.MouseButton.LeftButton)
    assert letter_lists.count_letters(store) == 1
    assert not window.letters_page.is_showing_empty_state()


def test_load_demo_fills_the_lists(window: Any, qtbot: Any, store: Any) -> None:
    import pytest

    demo = pytest.importorskip("iphr_desk.core.demo")
    del demo
    assert window.letters_page.empty is not None
    qtbot.mouseClick(window.letters_page.empty.demo_button, Qt.MouseButton.LeftButton)
    assert window.letter_model.rowCount() >= 5
    assert window.case_model.rowCount() >= 10
    assert not window.letters_page.is_showing_empty_state()


def test_lists_show_seeded_rows_with_status(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    assert window.letter_model.rowCount() == 4
    assert set(_column_texts(window.letters_page, "Status")) == {"Draft"}
    assert window.case_model.rowCount() == 2
    assert window.recipient_model.rowCount() == 1
    assert window.signatory_model.rowCount() == 1


def test_search_filters_the_letters_as_you_type(window: Any, qtbot: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    page = window.letters_page
    qtbot.keyClicks(page.search, "zebr")
    assert window.letter_model.rowCount() == 4  # debounced: nothing yet
    qtbot.waitUntil(lambda: window.letter_model.rowCount() == 1, timeout=3000)
    assert _column_texts(page, "Subject") == ["Zebra crossing of human rights concerns"]
    match_column = next(
        c for c in range(window.letter_model.columnCount()) if window.letter_model.column(c).rich
    )
    assert not page.table.isColumnHidden(match_column)
    qtbot.waitUntil(lambda: "<b>" in window.letter_model.data(window.letter_model.index(0, match_column)))
    page.search.clear()
    qtbot.waitUntil(lambda: window.letter_model.rowCount() == 4, timeout=3000)
    assert page.table.isColumnHidden(match_column)


def test_search_with_no_hit_keeps_the_list_not_the_empty_state(window: Any, qtbot: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    qtbot.keyClicks(window.letters_page.search, "nothingmatchesthis")
    qtbot.waitUntil(lambda: window.letter_model.rowCount() == 0, timeout=3000)
    assert not window.letters_page.is_showing_empty_state()


def test_sorting_by_a_column_changes_the_order(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    page = window.letters_page
    model = window.letter_model
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Date"
    )
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    ascending = _column_texts(page, "Date")
    assert ascending == sorted(ascending)
    assert model.sort_key == "date"
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert _column_texts(page, "Date") == sorted(ascending, reverse=True)


def test_filters_narrow_the_lists(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    bar = window.letters_page.filters
    bar.set_value("language", "ru")
    assert window.letter_model.rowCount() == 1
    assert _column_texts(window.letters_page, "Language") == ["Russian"]
    bar.set_value("language", None)
    assert window.letter_model.rowCount() == 4
    cases = window.cases_page.filters
    cases.set_value("country", "UZ")
    assert _column_texts(window.cases_page, "Reference") == ["UZ-2022-009"]
    cases.set_value("country", None)
    cases.set_value("status", "open")
    assert _column_texts(window.cases_page, "Reference") == ["KZ-2022-003"]


def test_country_filter_lists_central_asia_by_name(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    combo = window.cases_page.filters.combo("country")
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[1:] == ["Kazakhstan", "Uzbekistan"]


def test_enter_opens_the_current_letter(window: Any, qtbot: Any, store: Any, monkeypatch: Any) -> None:
    seed(store)
    window.refresh()
    opened: list[int] = []
    monkeypatch.setattr(window, "open_letter", lambda letter_id: opened.append(letter_id))
    table = window.letters_page.table
    table.setFocus()
    table.setCurrentIndex(window.letter_model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [window.letter_model.row_at(0).id]


def test_context_menu_offers_open_export_status_and_trash(window: Any, store: Any, monkeypatch: Any) -> None:
    seed(store)
    window.refresh()
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, pos, at=None: shown.append(self))
    table = window.letters_page.table
    table.selectRow(0)
    rect = table.visualRect(window.letter_model.index(0, 1))
    window._context_menu(window.letters_page, rect.center())
    texts = [action.text() for action in shown[0].actions()]
    assert window.app_actions.open_letter.text() in texts
    assert window.app_actions.export.text() in texts
    assert window.app_actions.move_to_trash.text() in texts
    assert window.status_menu.title() in texts


def test_status_menu_offers_only_allowed_transitions(window: Any, store: Any, fake_services: Any) -> None:
    from iphr_desk.core.store.repository import letters as letter_repo

    ids = seed(store)
    window.refresh()
    window.letters_page.table.selectRow(0)
    letter_id = window.letter_model.row_at(0).id
    window.status_menu.fill()
    offered = [a.text() for a in window.status_menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert offered == ["Submit for Review"]
    window.letter_actions.change_status(letter_id, "in_review")
    assert letter_repo.get_letter_info(store, letter_id).status == "in_review"
    window.letter_actions.change_status(letter_id, "sent")  # not allowed from in_review
    assert fake_services.called("error")
    assert letter_repo.get_letter_info(store, letter_id).status == "in_review"
    del ids


def test_trash_moves_selected_letters_out_of_the_list(window: Any, store: Any, fake_services: Any) -> None:
    from iphr_desk.core.store.repository import letter_lists

    seed(store)
    window.refresh()
    window.letters_page.table.selectRow(0)
    window.letters_page.table.setFocus()
    window.trash_selected()
    assert fake_services.called("ask_yes_no")
    assert window.letter_model.rowCount() == 3
    assert letter_lists.count_letters(store) == 3


def test_new_letter_from_case_is_linked_and_opens(window: Any, store: Any) -> None:
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.core.store.repository import letters as letter_repo

    ids = seed(store)
    window.refresh()
    window.settings.default_place = "Bruxelles"
    before = letter_lists.count_letters(store)
    letter_id = window.letter_actions.new_letter(ids["case_kz"])
    assert letter_id is not None
    assert letter_lists.count_letters(store) == before + 1
    info = letter_repo.get_letter_info(store, letter_id)
    assert info.letter.subject == "Trial of peaceful protesters in Almaty"
    assert info.letter.cases == ("KZ-2022-003",)
    assert ids["case_kz"] in info.case_ids
    assert info.letter.place == "Bruxelles"
    assert info.letter.signatories[0].name == "Brigitte Dufour"
    try:
        import iphr_desk.gui.editor.letter_editor  # noqa: F401
    except ImportError:
        return
    assert window.find_editor(letter_id) > 0
    assert window.tabs.currentIndex() == window.find_editor(letter_id)


def test_opening_an_open_letter_focuses_its_tab(window: Any, store: Any) -> None:
    import pytest

    pytest.importorskip("iphr_desk.gui.editor.letter_editor")
    ids = seed(store)
    window.refresh()
    window.open_letter(ids["letter_fr"])
    window.open_letter(ids["letter_en"])
    assert window.tabs.count() == 3
    window.open_letter(ids["letter_fr"])
    assert window.tabs.count() == 3
    assert window.tabs.currentIndex() == window.find_editor(ids["letter_fr"])
    window.close_tab(window.tabs.currentIndex())
    assert window.find_editor(ids["letter_fr"]) == -1


def test_menus_and_visible_texts_exist(window: Any) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "F&ormat", "&Letter", "&Case", "&Tools", "&Help"]
    for menu in window.menus.values():
        for action in menu.actions():
            assert action.isSeparator() or action.text().strip()
    for action in window.app_actions.all_actions():
        assert action.text().strip()
        assert action.toolTip().strip()
    for page in window._list_pages():
        model = page.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert all(headers)
    assert window.app_actions.quit.shortcut().toString()
    assert window.app_actions.find.shortcut().toString()
    assert window.app_actions.new_letter.shortcut().toString()


def test_about_dialog_shows_the_version_and_frees_itself(window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from iphr_desk import __version__

    window.tools.show_about()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and __version__ in boxes[0].text()
    destroyed: list[bool] = []
    boxes[0].destroyed.connect(lambda: destroyed.append(True))
    boxes[0].close()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=2000)


def test_controls_have_accessible_names(window: Any) -> None:
    for page in window._list_pages():
        assert page.search.accessibleName()
        assert page.table.accessibleName()
    assert window.navigation.accessibleName()
    assert window.case_view.accessibleName()


def test_navigation_switches_pages(window: Any, qtbot: Any) -> None:
    window.app_actions.show_cases.trigger()
    assert window.current_page_name() == "cases"
    assert window.pages.currentWidget() is window.case_splitter
    window.navigation.setCurrentRow(2)
    assert window.pages.currentWidget() is window.recipients_page
    assert window.tabs.tabText(0) == "Recipients"


def test_index_helpers_ignore_invalid(window: Any) -> None:
    assert window.letter_model.data(QModelIndex()) is None
    assert window.letter_model.row_at(5) is None


def test_export_from_the_list_sends_the_selected_letters(window: Any, store: Any, monkeypatch: Any) -> None:
    import pytest

    controller = pytest.importorskip("iphr_desk.gui.export.controller")
    seed(store)
    window.refresh()
    asked: list[list[int]] = []
    monkeypatch.setattr(controller, "start_export", lambda ctx, parent, ids: asked.append(ids))
    table = window.letters_page.table
    table.selectRow(0)
    table.selectionModel().select(
        window.letter_model.index(2, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    window.export_selected()
    assert asked == [[window.letter_model.row_at(0).id, window.letter_model.row_at(2).id]]


def test_closing_tabs_and_the_window_saves_open_letters(window: Any, store: Any) -> None:
    import pytest

    pytest.importorskip("iphr_desk.gui.editor.letter_editor")
    ids = seed(store)
    window.refresh()
    flushed: list[int] = []
    first = window.open_letter(ids["letter_fr"])
    second = window.open_letter(ids["letter_en"])
    for editor in (first, second):
        original = editor.flush
        editor.flush = lambda e=editor, o=original: (flushed.append(e.letter_id), o())
    window.close_tab(window.find_editor(ids["letter_fr"]))
    assert flushed == [ids["letter_fr"]]
    window.close()
    assert flushed == [ids["letter_fr"], ids["letter_en"]]


def test_the_delete_action_says_what_it_does_on_each_list(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    window.show_page("cases")
    assert window.app_actions.move_to_trash.text() == "&Delete Case…"
    window.show_page("letters")
    assert window.app_actions.move_to_trash.text() == "Move to &Trash"


def test_trashed_letters_can_be_restored_or_deleted_for_good(
    window: Any, store: Any, fake_services: Any, monkeypatch: Any
) -> None:
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.repository.values import LetterFilter

    ids = seed(store)
    letter_repo.trash_letter(store, ids["letter_fr"])
    letter_repo.trash_letter(store, ids["letter_de"])
    window.refresh()
    assert window.letter_model.rowCount() == 2
    window.app_actions.show_trash.trigger()
    assert window.pages.currentWidget() is window.trash_page
    assert window.trash_model.rowCount() == 2
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, pos, at=None: shown.append(self))
    window._context_menu(
        window.trash_page, window.trash_page.table.visualRect(window.trash_model.index(0, 1)).center()
    )
    assert [a.text() for a in shown[0].actions()] == ["&Restore", "&Empty Trash…"]
    row = next(r for r in range(2) if window.trash_model.row_at(r).id == ids["letter_fr"])
    window.trash_page.table.selectRow(row)
    window.trash.restore_selected()
    assert window.trash_model.rowCount() == 1
    assert window.letter_model.rowCount() == 3
    window.trash.empty_trash()
    assert fake_services.called("ask_yes_no")
    assert window.trash_model.rowCount() == 0
    assert letter_lists.count_letters(store, LetterFilter(trashed=True)) == 0
    assert letter_lists.count_letters(store) == 3


def test_import_a_letter_file_stores_and_opens_it(window: Any, store: Any, fake_services: Any) -> None:
    from pathlib import Path

    from iphr_desk.core.store.repository import letters as letter_repo

    sample = Path(__file__).resolve().parents[1] / "data" / "letters" / "fr_pre_visit.md"
    fake_services.answers["open_file"] = [sample]
    letter_id = window.letter_actions.import_letter_file()
    assert letter_id is not None
    assert letter_repo.get_letter(store, letter_id).language == "fr"
    assert window.letter_model.rowCount() == 1


def test_a_malformed_letter_file_is_told_and_not_stored(
    window: Any, store: Any, fake_services: Any, tmp_path: Any
) -> None:
    from iphr_desk.core.store.repository import letter_lists

    bad = tmp_path / "bad.md"
    bad.write_text("---\nlanguage: fr\nplace: Bruxelles\n---\nBody\n", encoding="utf-8")
    fake_services.answers["open_file"] = [bad]
    assert window.letter_actions.import_letter_file() is None
    errors = fake_services.called("error")
    assert errors and "bad.md" in errors[0][1]
    assert letter_lists.count_letters(store) == 0


def test_a_reload_keeps_the_selection_but_a_new_sort_does_not(window: Any, store: Any) -> None:
    seed(store)
    window.refresh()
    table = window.letters_page.table
    table.setCurrentIndex(window.letter_model.index(2, 1))
    chosen = window.letter_model.row_at(2).id
    window.letter_model.reload()  # what an autosave in an editor tab triggers
    assert table.currentIndex().row() == 2
    assert window.letter_model.row_at(table.currentIndex().row()).id == chosen
    column = next(
        c
        for c in range(window.letter_model.columnCount())
        if window.letter_model.column(c).sort_key == "date"
    )
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert not table.currentIndex().isValid()
