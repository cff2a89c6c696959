"""Letters right in their language, as LibreOffice reads the exported .docx: French typography and "1er",
the Russian address block in the dative, and the surname with its particle; the stored text unchanged.

Every document of this module is converted in one soffice call (LibreOffice takes seconds to start).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from readback import libreoffice_text, soffice

from iphr_desk.core.export.docx_export import export_letter
from iphr_desk.core.export.html import export_html
from iphr_desk.core.letters.letter import Recipient
from iphr_desk.core.letters.letterfile import parse_letter_file, parse_letter_text, write_letter_text

LETTER = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"
NNBSP, NBSP = "\u202f", "\u00a0"

FRENCH_BODY = (
    "Pourquoi ces détentions ? Nous demandons ceci : leur libération ; rien de moins !\n\n"
    "Le tribunal a parlé de « trouble à l'ordre public ».\n"
)

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (make test installs it)")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """French, Russian and English letters exported, then read back by LibreOffice."""
    folder = tmp_path_factory.mktemp("languages")
    base = parse_letter_file(LETTER)
    french = dataclasses.replace(base, date=dt.date(2023, 11, 1), body=FRENCH_BODY)
    russian = dataclasses.replace(
        base,
        language="ru",
        place="Брюссель",
        date=dt.date(2024, 3, 1),
        subject="О положении правозащитников",
        body="Мы обращаемся к Вам в связи с задержанием журналистов.\n",
        recipients=(
            Recipient(
                name="Шавкат Миромонович Мирзиёев",
                gender="male",
                office="head_of_state",
                title="Президент Республики Узбекистан",
            ),
        ),
    )
    english = dataclasses.replace(
        base,
        language="en",
        place="Brussels",
        subject="Human rights in Central Asia",
        body="We write to you ahead of the ministerial meeting.\n",
        recipients=(Recipient(name="Ursula von der Leyen", gender="female", office="eu_president"),),
    )
    paths = {
        "fr": export_letter(french, folder / "fr.docx"),
        "ru": export_letter(russian, folder / "ru.docx"),
        "en": export_letter(english, folder / "en.docx"),
    }
    texts = libreoffice_text(list(paths.values()), folder / "txt")
    return {language: texts[path] for language, path in paths.items()}


def test_french_punctuation_gets_its_no_break_spaces(documents: dict[str, str]) -> None:
    text = documents["fr"]
    for mark in "?;!":
        assert f"{NNBSP}{mark}" in text, mark
    assert f"ceci{NBSP}:" in text
    assert f"«{NBSP}trouble" in text and f"public{NBSP}»" in text
    assert " ?" not in text and " !" not in text


def test_the_first_of_the_month_is_1er_in_french(documents: dict[str, str]) -> None:
    assert "Bruxelles, 1er novembre 2023" in documents["fr"]
    assert "1 марта 2024" in documents["ru"]  # Russian has no ordinal day


def test_the_russian_address_block_is_in_the_dative(documents: dict[str, str]) -> None:
    lines = [line.strip() for line in documents["ru"].splitlines()]
    assert "Президенту Республики Узбекистан" in lines
    assert "Ш.М. Мирзиёеву" in lines
    assert "Мирзиёев" not in " ".join(lines).replace("Мирзиёеву", "")


def test_the_surname_keeps_its_particle(documents: dict[str, str]) -> None:
    assert "Dear President von der Leyen," in documents["en"].splitlines()
    assert "Dear President Leyen," not in documents["en"]


def test_exporting_leaves_the_stored_text_as_it_was(tmp_path: Path) -> None:
    """Typography is applied to the output only: the letter, and the file written back, keep plain spaces."""
    letter = dataclasses.replace(parse_letter_file(LETTER), body=FRENCH_BODY)
    before = write_letter_text(letter)
    export_letter(letter, tmp_path / "out.docx")
    export_html(letter, tmp_path / "out.html")
    assert write_letter_text(letter) == before
    assert NNBSP not in before and NBSP not in parse_letter_text(before, "letter.md").body
    assert f"{NNBSP}?" in (tmp_path / "out.html").read_text(encoding="utf-8")
