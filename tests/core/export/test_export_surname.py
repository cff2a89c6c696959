"""A letter to "Ursula von der Leyen" with no `surname:` exports as one to "von der Leyen", file name too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from iphr_desk.core.export.docx_export import export_batch
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory


def _letter() -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject="Detained lawyers",
        recipients=(
            Recipient(name="Ursula von der Leyen", gender="female", office="eu_president"),
            Recipient(name="Josep Borrell Fontelles", gender="male", office="eu_high_representative"),
        ),
        signatories=(Signatory("Brigitte Dufour", "Director"),),
        body="We ask you to call for the release of the lawyers.\n",
        batch=True,
    )


def test_batch_names_and_salutation_use_the_surname_with_its_particles(tmp_path: Path) -> None:
    paths = export_batch(_letter(), tmp_path)
    assert [p.name for p in paths] == [
        "2024-03-14 von der Leyen - Detained lawyers.docx",
        "2024-03-14 Borrell - Detained lawyers.docx",
    ]
    text = [p.text.strip() for p in Document(str(paths[0])).paragraphs]
    assert "Dear President von der Leyen," in text
    assert "Dear President Leyen," not in text
