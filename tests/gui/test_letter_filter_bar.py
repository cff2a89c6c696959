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
    from iphr_desk.core.letter import DEFAULT_OFFICE

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
