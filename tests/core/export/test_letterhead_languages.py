"""A letterhead's place and footer address have a version per letter language, with a default."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from readback import soffice

from iphr_desk.core.errors import LetterheadError
from iphr_desk.core.export.docx_export import export_letter
from iphr_desk.core.export.html import letter_html
from iphr_desk.core.export.letterhead import Organisation, load_letterhead, read_profile
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.letters.richtext import parse_body
from iphr_desk.core.protocol.address import compute_frame

OLD_PROFILE = """
[organisation]
name = "Helsinki Committee"
address = ["Kungsgatan 1", "111 43 Stockholm, Sweden"]
website = "www.example.org"
"""


def _letter(language: str, place: str) -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place=place,
        date=dt.date(2024, 3, 1),
        subject="Тема" if language == "ru" else "Subject",
        recipients=(
            Recipient(
                name="Шавкат Мирзиёев",
                gender="male",
                office="head_of_state",
                title="Президент Республики Узбекистан",
            ),
        ),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body="Текст.\n",
    )


def test_a_single_value_profile_still_loads(tmp_path: Path) -> None:
    profile = tmp_path / "old.toml"
    profile.write_text(OLD_PROFILE, encoding="utf-8")
    organisation, _style = read_profile(profile)
    assert organisation.address_lines == ("Kungsgatan 1", "111 43 Stockholm, Sweden")
    for language in ("fr", "en", "ru", "de"):
        assert organisation.address_for(language) == organisation.address_lines
        assert organisation.place_for(language) is None
        assert organisation.has_version(language)
    assert organisation.footer_for("ru") == "Kungsgatan 1 · 111 43 Stockholm, Sweden · www.example.org"
    single = Organisation.from_mapping({"name": "X", "place": "Geneva", "address": "A\nB"}, "x.toml")
    assert (single.place_for("ru"), single.address_for("de"), single.has_version("fr")) == (
        "Geneva",
        ("A", "B"),
        True,
    )


def test_each_language_picks_its_version() -> None:
    organisation = load_letterhead().organisation
    assert [organisation.place_for(x) for x in ("en", "fr", "ru", "de")] == [
        "Brussels",
        "Bruxelles",
        "Брюссель",
        "Brüssel",
    ]
    assert organisation.address_for("fr")[-1] == "1040 Bruxelles, Belgique"
    assert organisation.address_for("ru")[-1] == "1040 Брюссель, Бельгия"
    assert organisation.address_for("de")[-1] == "1040 Brüssel, Belgien"
    assert (
        organisation.footer_for(None)
        == "Rue Belliard 205, box 14 · 1040 Brussels, Belgium · www.iphronline.org"
    )
    assert all(organisation.has_version(x) for x in ("en", "fr", "ru", "de"))


def test_a_language_without_a_version_falls_back_to_the_default() -> None:
    data = {
        "name": "X",
        "place": {"default": "Genève", "en": "Geneva"},
        "address": {"default": ["1 rue X", "1201 Genève"], "ru": ["1 rue X", "1201 Женева"]},
    }
    organisation = Organisation.from_mapping(data, "x.toml")
    assert organisation.place_for("de") == "Genève"
    assert organisation.address_for("de") == ("1 rue X", "1201 Genève")
    assert organisation.address_for("ru") == ("1 rue X", "1201 Женева")
    assert not organisation.has_version("de")
    assert organisation.has_version("ru") and organisation.has_version("en")
    without_default = Organisation.from_mapping({"name": "X", "place": {"fr": "Genève", "en": "Geneva"}}, "x")
    assert without_default.place_for("de") == "Geneva"  # no default: the English version


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(LetterheadError, match="no language 'it'"):
        Organisation.from_mapping({"name": "X", "place": {"it": "Bruxelles"}}, "x.toml")
    with pytest.raises(LetterheadError, match="must be a text"):
        Organisation.from_mapping({"name": "X", "place": {"fr": 3}}, "x.toml")


def _footer_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(
            package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.startswith("word/footer")
        )


def test_the_exported_footer_is_in_the_letters_language(tmp_path: Path) -> None:
    russian = export_letter(_letter("ru", "Брюссель"), tmp_path / "ru.docx")
    english = export_letter(_letter("en", "Brussels"), tmp_path / "en.docx")
    assert "1040 Брюссель, Бельгия" in _footer_xml(russian)
    assert "1040 Brussels, Belgium" not in _footer_xml(russian)
    assert "1040 Brussels, Belgium" in _footer_xml(english)
    again = export_letter(
        _letter("en", "Brussels"), tmp_path / "en2.docx"
    )  # the cached template is untouched
    assert "1040 Brussels, Belgium" in _footer_xml(again)


def test_the_preview_shows_the_letters_language_address() -> None:
    letter = dataclasses.replace(_letter("fr", "Bruxelles"), recipients=(Recipient(name="Jean Dupont"),))
    page = letter_html(compute_frame(letter), parse_body(letter.body), load_letterhead())
    assert "1040 Bruxelles, Belgique" in page
    assert "1040 Brussels, Belgium" not in page


@pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (make test installs it)")
def test_a_russian_letter_reads_back_with_its_footer_and_place(tmp_path: Path) -> None:
    pdf = export_letter(_letter("ru", "Брюссель"), tmp_path / "ru.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "1040 Брюссель, Бельгия" in text
    assert "Брюссель, 1 марта 2024 г." in text
    assert "1040 Brussels" not in text
