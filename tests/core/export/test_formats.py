"""The export formats: each registered suffix writes a letter, the command line follows the registry, and
the HTML format (the preview's renderer) holds the same frame and body as the Word document."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from iphr_desk.cli import main
from iphr_desk.core.export import formats
from iphr_desk.core.export.letterhead import load_letterhead
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.core.protocol.typography import typeset_frame

LETTER = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"


def test_the_registry_knows_word_pdf_and_html() -> None:
    assert formats.suffixes() == [".docx", ".pdf", ".html"]
    assert formats.for_suffix(".DOCX") is formats.for_suffix(".docx")
    assert formats.for_suffix(".odt") is None


def test_the_html_page_holds_the_frame_and_the_body(tmp_path: Path) -> None:
    letter = parse_letter_file(LETTER)
    head = load_letterhead(letter.letterhead)
    export_format = formats.for_suffix(".html")
    assert export_format is not None
    out = export_format.write(letter, tmp_path / "letter.html", head, None)
    page = out.read_text(encoding="utf-8")
    frame = compute_frame(letter, head.style())
    assert page.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in page
    typeset = typeset_frame(frame, head.style())  # the page is typeset as the .docx is
    for line in (typeset.date_line, typeset.closing):
        assert line.replace("'", "&#x27;") in page
    assert "<sup>1</sup>" in page  # the footnote reference and its text


def test_text_from_the_letter_cannot_become_markup(tmp_path: Path) -> None:
    letter = dataclasses.replace(parse_letter_file(LETTER), subject="<script>alert(1)</script> & co")
    out = formats.for_suffix(".html").write(  # type: ignore[union-attr]
        letter, tmp_path / "letter.html", load_letterhead(None), None
    )
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_command_line_writes_each_format_by_its_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--data-dir", str(tmp_path / "data"), "export", str(LETTER), "-o", str(tmp_path / "l.html")])
        == 0
    )
    assert (tmp_path / "l.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (
        main(["--data-dir", str(tmp_path / "data"), "export", str(LETTER), "-o", str(tmp_path / "l.docx")])
        == 0
    )
    assert (tmp_path / "l.docx").read_bytes()[:2] == b"PK"
    capsys.readouterr()
    status = main(["export", str(LETTER), "--pdf", "-o", str(tmp_path / "x.html")])
    assert status == 2
    assert "--pdf asks for a PDF but the name ends in .html" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()
