"""House style: IPHR's defaults, and the alternatives a letterhead profile can switch to."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.protocol.address import compute_frame, date_line_for
from iphr_desk.core.protocol.housestyle import NBSP, HouseStyle


def letter(language: str, place: str, date: dt.date, **extra: Any) -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place=place,
        date=date,
        subject="Subject",
        recipients=(Recipient(name="Jane Smith", gender="female", office="official"),),
        signatories=(Signatory("Brigitte Dufour"),),
        **extra,
    )


def test_default_is_iphr_house_style() -> None:
    style = HouseStyle.default()
    assert style == HouseStyle.from_mapping({})
    assert style.subject_label("fr") == f"Objet{NBSP}:"
    assert style.subject_label("en") == "Subject:"
    assert style.subject_label("ru") is None
    assert style.subject_label("de") is None
    assert style.attention_line("fr") == f"À l'attention de{NBSP}:"
    assert style.attention_line("en") is None
    assert [style.cc_label(lang) for lang in ("fr", "en", "ru", "de")] == [
        f"Copie{NBSP}:",
        "cc:",
        "Копия:",
        "Kopie:",
    ]


def test_french_date_article() -> None:
    style = HouseStyle.from_mapping({"date_article": True})
    assert (
        date_line_for(letter("fr", "Bruxelles", dt.date(2023, 10, 30)), style)
        == "Bruxelles, le 30 octobre 2023"
    )
    # the article is French only
    assert date_line_for(letter("en", "Brussels", dt.date(2024, 3, 14)), style) == "Brussels, 14 March 2024"


def test_eu_colon_spacing() -> None:
    style = HouseStyle.from_mapping({"colon_spacing": "eu"})
    assert style.subject_label("fr") == "Objet:"
    assert style.attention_line("fr") == "À l'attention de:"
    assert style.subject_label("en") == "Subject:"


@pytest.mark.parametrize(
    ("ru_year", "expected"),
    [
        ("г.", "Москва, 30 октября 2023 г."),
        ("года", "Москва, 30 октября 2023 года"),
        ("", "Москва, 30 октября 2023"),
    ],
)
def test_russian_year_word(ru_year: str, expected: str) -> None:
    style = HouseStyle.from_mapping({"ru_year": ru_year})
    assert date_line_for(letter("ru", "Москва", dt.date(2023, 10, 30)), style) == expected


def test_per_language_patterns_and_labels() -> None:
    style = HouseStyle.from_mapping(
        {
            "date_pattern": {"de": "dd.MM.y"},
            "subject_label": {"de": "Betreff", "en": ""},
            "attention_line": {"en": "For the attention of"},
            "cc_label": {"en": "Copy to"},
        }
    )
    assert date_line_for(letter("de", "Berlin", dt.date(2023, 10, 30)), style) == "Berlin, 30.10.2023"
    assert style.subject_label("de") == "Betreff:"
    assert style.subject_label("en") is None
    assert style.subject_label("fr") == f"Objet{NBSP}:"  # untouched languages keep the default
    frame = compute_frame(letter("en", "Brussels", dt.date(2024, 3, 14), cc=("EEAS",)), style)
    assert frame.attention_line == "For the attention of:"
    assert frame.cc_label == "Copy to:"
    assert frame.subject_line == "Subject"


def test_a_letterhead_profile_table_is_accepted() -> None:
    profile = tomllib.loads(
        """
        [house_style]
        date_article = true
        colon_spacing = "eu"
        ru_year = "года"
        date_pattern = { fr = "d MMMM y" }
        """
    )
    style = HouseStyle.from_mapping(profile["house_style"])
    assert style.date_article and style.colon_spacing == "eu" and style.ru_year == "года"


def test_style_is_an_immutable_hashable_value() -> None:
    style = HouseStyle.default()
    same = HouseStyle.from_mapping({"date_pattern": {"fr": "d MMMM y"}})
    assert style == same and hash(style) == hash(same)
    assert {style, same, HouseStyle.from_mapping({"ru_year": "года"})} == {style, HouseStyle(ru_year="года")}
    with pytest.raises(AttributeError):
        style.date_article = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        style.date_patterns["fr"] = "y"  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date_articel": True}, "unknown key 'date_articel'"),
        ({"date_article": "yes"}, "date_article"),
        ({"colon_spacing": "swiss"}, "colon_spacing"),
        ({"ru_year": "год"}, "ru_year"),
        ({"date_pattern": "d MMMM y"}, "date_pattern: must be a table"),
        ({"date_pattern": {"it": "d MMMM y"}}, "unknown language 'it'"),
        ({"date_pattern": {"fr": ""}}, "date_pattern.fr"),
        ({"date_pattern": {"fr": "HH:mm"}}, "'H' is not a date field"),
        ({"date_pattern": {"fr": "'Bruxelles'"}}, "no day, month or year"),
        ({"subject_label": {"fr": 3}}, "subject_label.fr: must be text"),
        ({"cc_label": {"xx": "cc"}}, "unknown language 'xx'"),
    ],
)
def test_bad_values_are_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(BadInput, match=message):
        HouseStyle.from_mapping(data)
