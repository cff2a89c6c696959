"""Signatory titles per language and the hand-typed Russian address block, as LibreOffice reads the
exported .docx (issue 14): the exporter takes both from the frame the preview shows."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from readback import libreoffice_text, soffice

from iphr_desk.core.export.docx_export import export_letter
from iphr_desk.core.export.html import letter_html
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.letters.richtext import parse_body
from iphr_desk.core.protocol.address import compute_frame

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (make test installs it)")

DUFOUR = Signatory(
    "Brigitte Dufour",
    "Director",
    "IPHR",
    titles=(("fr", "Directrice"), ("ru", "Директор"), ("de", "Direktorin")),
)
TYPED = "Президенту Республики Узбекистан\nг-ну Ш.М. Мирзиёеву\n"
LETTER = Letter(
    language="ru",
    place="Брюссель",
    date=dt.date(2024, 3, 1),
    subject="О положении правозащитников",
    recipients=(
        Recipient(
            name="Шавкат Миромонович Мирзиёев",
            gender="male",
            office="head_of_state",
            title="Президент Республики Узбекистан",
            address="Ташкент",
            address_dative=TYPED,
        ),
    ),
    signatories=(DUFOUR,),
    body="Мы обращаемся к Вам в связи с задержанием журналистов.\n",
)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("titles")
    letters = {
        "ru": LETTER,
        "fr": dataclasses.replace(LETTER, language="fr", place="Bruxelles"),
        "en": dataclasses.replace(LETTER, language="en", place="Brussels"),
    }
    paths = {lang: export_letter(letter, folder / f"{lang}.docx") for lang, letter in letters.items()}
    read = libreoffice_text(list(paths.values()), folder / "txt")
    return {lang: read[path] for lang, path in paths.items()}


def test_the_russian_letter_prints_the_typed_block_and_the_russian_title(texts: dict[str, str]) -> None:
    lines = [line.strip() for line in texts["ru"].splitlines() if line.strip()]
    start = lines.index("Президенту Республики Узбекистан")
    assert lines[start : start + 3] == ["Президенту Республики Узбекистан", "г-ну Ш.М. Мирзиёеву", "Ташкент"]
    assert "Ш. Мирзиёеву" not in texts["ru"]  # the computed form is replaced, not added
    assert "Директор" in lines and "Director" not in texts["ru"]


def test_other_languages_keep_their_computed_block_and_print_their_own_title(texts: dict[str, str]) -> None:
    assert "Directrice" in texts["fr"] and "г-ну" not in texts["fr"]
    assert "Президенту" not in texts["fr"]
    # No English title: the general one stands in.
    assert "Director" in texts["en"] and "Директор" not in texts["en"]


def test_the_preview_shows_what_the_export_prints() -> None:
    html = letter_html(compute_frame(LETTER), parse_body(LETTER.body), None)  # as gui/editor/preview.py
    assert "г-ну Ш.М. Мирзиёеву" in html and "Директор" in html and "Director<" not in html
