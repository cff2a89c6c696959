"""An exported letter is the user's document: a new file gets the mode their umask gives any file they
create (it used to keep mkstemp's 0600, so a signatory on the same machine or a shared folder could not
open it); a replaced file keeps the mode it had."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iphr_desk.core.export.docx_export import export_letter
from iphr_desk.core.letters.letterfile import parse_letter_file

LETTER = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        out = export_letter(parse_letter_file(LETTER), tmp_path / "letter.docx")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == mode


def test_a_replaced_export_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"earlier")
    target.chmod(0o640)
    export_letter(parse_letter_file(LETTER), target)
    assert target.stat().st_mode & 0o777 == 0o640
