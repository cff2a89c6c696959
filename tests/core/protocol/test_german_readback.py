"""The German formal address block as LibreOffice reads the exported .docx: "Seiner Exzellenz", then the
office in the dative, then "Herrn" and the name, each on its own line (reference §5 and §7)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from readback import libreoffice_text, soffice

from iphr_desk.core.export.docx_export import export_letter
from iphr_desk.core.letters.letter import Recipient
from iphr_desk.core.letters.letterfile import parse_letter_file

LETTER = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"

pytestmark = pytest.mark.skipif(soffice() is None, reason="needs LibreOffice (make test installs it)")


def test_exported_exzellenz_block_reads_back_in_the_dative(tmp_path: Path) -> None:
    base = parse_letter_file(LETTER)
    german = dataclasses.replace(
        base,
        language="de",
        register="formal",
        place="Brüssel",
        subject="Menschenrechte in Zentralasien",
        body="Wir wenden uns an Sie im Hinblick auf Ihren Besuch.\n",
        recipients=(
            Recipient(
                name="Emmanuel Macron",
                gender="male",
                office="head_of_state",
                title="Präsident der Französischen Republik",
                address="Palais de l'Élysée\n55 Rue du Faubourg Saint-Honoré\n75008 Paris",
            ),
        ),
    )
    path = export_letter(german, tmp_path / "de.docx")
    lines = [line.strip() for line in libreoffice_text([path], tmp_path / "txt")[path].splitlines()]
    start = lines.index("Seiner Exzellenz")
    assert lines[start : start + 4] == [
        "Seiner Exzellenz",
        "dem Präsidenten der Französischen Republik",
        "Herrn Emmanuel Macron",
        "Palais de l'Élysée",
    ]
    assert "Präsident der Französischen Republik" not in lines
