"""The letter list's country, theme and office filters, and search snippets for the rows on screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox


def _choose(combo: QComboBox, value: str) -> None:
    """Pick an entry the way a user does (the combo's own signal carries it to the list)."""
    position = combo.findData(value)
    assert position > 0, f"{value!r} is not offered"
    combo.setCurrentIndex(position)


def _shown_ids(window: Any) -> list[int]:
    model = window.letter_model
    return sorted(model.row_at(row).id for row in range(model.rowCount()))


def test_the_letter_filters_offer_countries_themes_and_offices(seeded: dict[str, int], window: Any) -> None:
    bar = window.letters_page.filters
    for key in ("country", "theme", "office"):
        assert not bar.combo(key).isHidden(), key
    countries = bar.combo("country")
    assert [countries.itemData(i) for i in range(1, countries.count())] == ["KZ", "UZ"]
    assert countries.itemText(countries.findData("KZ")) == "Kazakhstan"  # a name, not the code
    themes = bar.combo("theme")
    assert {themes.itemData(i) for i in range(1, themes.count())} == {
        "fair trial",
        "freedom of assembly",
        "freedom of expression",
    }
    offices = bar.combo("office")
    minister = offices.findData("minister")
    assert minister > 0
    assert offices.itemText(minister) not in ("", "minister")  # the protocol data's label
    for key in ("country", "theme", "office"):
        assert bar.combo(key).accessibleName()
        assert bar.combo(key).currentData() is None  # "All …" first


def test_choosing_a_country_lists_only_its_letters(seeded: dict[str, int], window: Any) -> None:
    bar = window.letters_page.filters
    assert window.letter_model.rowCount() == 4
    _choose(bar.combo("country"), "KZ")
    assert _shown_ids(window) == [seeded["letter_fr"]]
    _choose(bar.combo("country"), "UZ")
    assert _shown_ids(window) == [seeded["letter_ru"]]
    bar.combo("country").setCurrentIndex(0)
    assert window.letter_model.rowCount() == 4


def test_theme_and_office_narrow_the_list_together(seeded: dict[str, int], window: Any) -> None:
    from iphr_desk.core.letters.letter import DEFAULT_OFFICE

    bar = window.letters_page.filters
    _choose(bar.combo("theme"), "fair trial")
    assert _shown_ids(window) == [seeded["letter_fr"]]
    _choose(bar.combo("office"), DEFAULT_OFFICE)  # every seeded recipient holds the default office
    assert _shown_ids(window) == [seeded["letter_fr"]]
    other = next(
        bar.combo("office").itemData(i)
        for i in range(1, bar.combo("office").count())
        if bar.combo("office").itemData(i) != DEFAULT_OFFICE
    )
    _choose(bar.combo("office"), other)
    assert window.letter_model.rowCount() == 0
    assert "0" in window.letters_page.count_label.text()


def test_search_snippets_come_for_the_rows_on_screen(qtbot: Any, seeded: dict[str, int], window: Any) -> None:
    """Every row shown while searching gets its snippet, not only the best-ranked ones."""
    model = window.letter_model
    window.letters_page.search.setText("protesters")
    qtbot.waitUntil(lambda: model.searching and model.rowCount() == 4, timeout=5000)
    ids = _shown_ids(window)
    qtbot.waitUntil(lambda: all("<b>protesters</b>" in model.snippet_of(i) for i in ids), timeout=5000)
    _choose(window.letters_page.filters.combo("country"), "UZ")  # the same search, fewer rows
    assert _shown_ids(window) == [seeded["letter_ru"]]
    assert "<b>protesters</b>" in model.snippet_of(seeded["letter_ru"])


def test_costly_choices_are_read_when_the_filter_is_first_used(qtbot: Any) -> None:
    """Country and office names (babel, the protocol data) load when someone uses the filter."""
    from iphr_desk.gui.widgets.filter_bar import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    calls: list[str] = []
    bar.add_filter("country", "Country", [], "All countries")
    bar.add_filter("theme", "Theme", [], "All themes")
    bar.add_filter("office", "Office", [], "All offices")

    def countries() -> list[tuple[str, str]]:
        calls.append("country")
        return [("KZ", "Kazakhstan"), ("UZ", "Uzbekistan")]

    bar.set_choices_later("country", countries)

    def themes() -> list[tuple[str, str]]:
        calls.append("theme")
        return [("fair trial", "fair trial")]

    def offices() -> list[tuple[str, str]]:
        raise RuntimeError("the store is busy")

    bar.set_choices_later("theme", themes)
    bar.set_choices_later("office", offices)
    assert calls == [] and bar.values() == {"country": None, "theme": None, "office": None}
    bar.set_value("country", "UZ")  # code choosing a value reads the choices first
    assert calls == ["country"] and bar.values()["country"] == "UZ"
    bar.set_choices_later("country", countries)  # the data changed: read again at the next use...
    assert bar.combo("country").currentData() == "UZ"  # ...keeping the value still offered
    assert calls == ["country", "country"]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    theme = bar._combos["theme"]
    QApplication.sendEvent(theme, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert calls[-1] == "theme" and theme.count() == 2  # the keyboard reached the filter
    assert bar.combo("office").count() == 1  # a failing read leaves "All offices", no error


def test_the_window_reads_no_country_names_until_a_filter_is_used(tmp_path: Any, run_app_probe: Any) -> None:
    from pathlib import Path

    from iphr_desk.core.store.database import Store
    from tests.gui.conftest import seed

    data = Path(tmp_path) / "data"
    with Store.open(data) as store:
        seed(store)
    probe = """
import os, sys
from iphr_desk.gui.main_window import MainWindow
original = MainWindow._attach_rest
def rest(self):
    original(self)
    before = 'babel' in sys.modules
    self.letters_page.filters.combo('country')
    print('BABEL', before, 'babel' in sys.modules)
    sys.stdout.flush()
    os._exit(0)
MainWindow._attach_rest = rest
from iphr_desk.cli import main
main(['--data-dir', sys.argv[1]])
"""
    result = run_app_probe(probe, str(data))
    assert "BABEL False True" in result.stdout, result.stdout + result.stderr
