"""Country and language names and list dates in the interface language (babel's CLDR data)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.protocol.locale_names import (
    CENTRAL_ASIA,
    countries_for_picker,
    country_name,
    format_list_date,
    language_name,
    sort_key,
)


@pytest.mark.parametrize(
    ("code", "ui", "name"),
    [
        ("KZ", "en", "Kazakhstan"),
        ("KZ", "fr", "Kazakhstan"),
        ("KZ", "ru", "Казахстан"),
        ("uz", "fr", "Ouzbékistan"),
        ("TJ", "ru", "Таджикистан"),
        ("BE", "fr", "Belgique"),
        ("BE", "ru", "Бельгия"),
        ("DE", "ru_KZ", "Германия"),
        ("FR", "en-GB", "France"),
        ("KG", "xx", "Kyrgyzstan"),  # a language babel does not know: English
    ],
)
def test_country_name(code: str, ui: str, name: str) -> None:
    assert country_name(code, ui) == name


def test_unknown_country_code_is_shown_as_given() -> None:
    assert country_name("Q9", "fr") == "Q9"


@pytest.mark.parametrize(
    ("code", "ui", "name"),
    [("fr", "ru", "французский"), ("ru", "fr", "russe"), ("de", "en", "German"), ("en", "ru", "английский")],
)
def test_language_name(code: str, ui: str, name: str) -> None:
    assert language_name(code, ui) == name


@pytest.mark.parametrize("ui", ["en", "fr", "ru"])
def test_picker_lists_central_asia_first_then_the_rest_alphabetically(ui: str) -> None:
    countries = countries_for_picker(ui)
    codes = [code for code, _ in countries]
    assert tuple(codes[:5]) == CENTRAL_ASIA
    rest = countries[5:]
    assert [sort_key(name) for _, name in rest] == sorted(sort_key(name) for _, name in rest)
    assert len(codes) == len(set(codes))
    assert set(CENTRAL_ASIA).isdisjoint(codes[5:])
    assert {"BE", "FR", "RU", "US", "XK"} <= set(codes)
    assert {"EU", "UN", "ZZ", "001", "QO"}.isdisjoint(codes)  # regions and groupings are not countries


def test_picker_names_are_in_the_interface_language() -> None:
    assert countries_for_picker("ru")[:2] == [("KZ", "Казахстан"), ("KG", "Киргизия")]
    assert dict(countries_for_picker("fr"))["DE"] == "Allemagne"


def test_accented_names_file_under_their_base_letter() -> None:
    """French "Égypte" comes among the E, not after Z; Russian names are in alphabet order."""
    french = [name for _, name in countries_for_picker("fr")[5:]]
    assert french.index("Égypte") < french.index("Équateur") < french.index("Espagne") < french.index("Fidji")
    russian = [name for _, name in countries_for_picker("ru")[5:]]
    assert russian.index("Австралия") < russian.index("Бельгия") < russian.index("Япония")
    assert russian[-1].startswith("Я")


def test_picker_returns_a_fresh_list() -> None:
    countries_for_picker("fr").clear()
    assert countries_for_picker("fr")


@pytest.mark.parametrize(
    ("ui", "text"),
    [
        ("en", "1 Nov 2023"),
        ("fr", "1er nov. 2023"),
        ("ru", "1 нояб. 2023\u202fг."),
        ("fr_BE", "1er nov. 2023"),
    ],
)
def test_list_date(ui: str, text: str) -> None:
    assert format_list_date(dt.date(2023, 11, 1), ui) == text


ACCENTED = "àâäéèêëîïôöùûüçÀÂÉÈÊÇŒœёЁйЙ"
BASE = "aaaeeeeiioouuucAAEEECŒœеЕиИ"


@given(st.text(alphabet=ACCENTED + "abcxyzABCабвЯ ", max_size=30))
def test_sort_key_compares_base_letters_without_case(text: str) -> None:
    plain = text.translate(str.maketrans(ACCENTED, BASE))
    assert sort_key(text) == plain.casefold()
