"""A combined batch as PDF: each letter counts its footnotes and pages from 1 and keeps its footnote rule.

The PDF is read back the way a reader sees it: pdftotext for the text and where each word sits on the
page, pypdf for the drawn lines (the footnote separator is a short horizontal rule, the letterhead's
footer rule a long one).
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from export_samples import FIXED_NOW, batch_frames, batch_letter
from lxml import etree
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject, TextStringObject
from readback import soffice

from iphr_desk.core.export.docx_export import export_batch
from iphr_desk.core.export.pdf import join_pdfs

NOTES = 8
RECIPIENTS = ("Ursula von der Leyen", "Volker Türk", "Mary Lawlor")
_FILLER = " ".join(["The authorities continue to detain lawyers for their work."] * 12)
#: Long enough for two pages per letter, with footnotes on both.
BODY = (
    "\n\n".join(f"{_FILLER} Point {i}[^n{i}]." for i in range(1, NOTES + 1))
    + "\n\n"
    + "\n".join(f"[^n{i}]: Note number {i}." for i in range(1, NOTES + 1))
    + "\n"
)

needs_tools = pytest.mark.skipif(
    soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are needed",
)


@dataclasses.dataclass(frozen=True)
class Page:
    text: str
    #: Top of each word, in points from the top of the page (pdftotext -bbox).
    word_tops: dict[str, list[float]]
    #: Short horizontal rules drawn on the page: their distance from the top, in points.
    short_rules: list[float]


@pytest.fixture(scope="module")
def combined_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    letter = dataclasses.replace(batch_letter(), body=BODY)
    target = tmp_path_factory.mktemp("combined") / "combined.pdf"
    (path,) = export_batch(
        letter, target, combined=True, frames=batch_frames(letter), pdf=True, now=FIXED_NOW
    )
    return path


def _pages(path: Path) -> list[Page]:
    reader = PdfReader(path)
    bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    html = etree.fromstring(bbox, etree.XMLParser(recover=True))
    boxes = html.findall(".//{*}page")
    pages = []
    for number, (page, box) in enumerate(zip(reader.pages, boxes, strict=True), start=1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        tops: dict[str, list[float]] = {}
        for word in box.findall("{*}word"):
            tops.setdefault(word.text or "", []).append(float(word.get("yMin", "0")))
        height = float(page.mediabox.height)
        pages.append(Page(text, tops, [height - y for y in _short_rules(reader, page)]))
    return pages


#: The path-painting operators (PDF 32000-1, 8.5.3); `n` ends a path unpainted (a clip).
_PAINT = (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*")


def _short_rules(reader: PdfReader, page: PageObject) -> list[float]:
    """Heights (from the bottom) of filled or stroked paths under 2 pt tall and under half the page wide."""
    width = float(page.mediabox.width)
    rules: list[float] = []
    points: list[tuple[float, float]] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator in (b"m", b"l"):
            points.append((float(operands[0]), float(operands[1])))
        elif operator == b"re":
            x, y, w, h = map(float, operands)
            points = [(x, y), (x + w, y + h)]
        elif operator in _PAINT or operator == b"n":
            if points and operator != b"n":
                xs = [p[0] for p in points]
                ys = [p[1] for p in points]
                if max(ys) - min(ys) < 2 and 0 < max(xs) - min(xs) < width / 2:
                    rules.append(min(ys))
            points = []
    return rules


def _letters(pages: list[Page]) -> list[list[Page]]:
    """The pages of each letter, in turn (a letter starts on the page naming its recipient)."""
    starts = [next(i for i, p in enumerate(pages) if name in p.text) for name in RECIPIENTS]
    ends = [*starts[1:], len(pages)]
    return [pages[start:end] for start, end in zip(starts, ends, strict=True)]


def _footnotes(page: Page) -> list[tuple[int, int]]:
    """(number printed in the footnote area, the note it labels) for each footnote on the page."""
    flat = " ".join(page.text.split())
    return [(int(a), int(b)) for a, b in re.findall(r"(\d+) Note number (\d+)\.", flat)]


def _header_numbers(page: Page) -> list[int]:
    """The page number the continuation-page letterhead prints ("IPHR <tab> n")."""
    return [int(n) for n in re.findall(r"^\s*IPHR\s+(\d+)\s*$", page.text, flags=re.MULTILINE)]


@pytest.mark.libreoffice
@needs_tools
def test_each_letter_numbers_its_footnotes_and_pages_from_one(combined_pdf: Path) -> None:
    letters = _letters(_pages(combined_pdf))
    assert [len(pages) for pages in letters] == [2, 2, 2]  # the body fills two pages per letter
    for pages in letters:
        notes = [note for page in pages for note in _footnotes(page)]
        assert notes == [(i, i) for i in range(1, NOTES + 1)]  # the second letter's first note is 1, not 9
        assert _header_numbers(pages[0]) == []  # the first-page letterhead prints no number
        assert _header_numbers(pages[1]) == [2]
    info = PdfReader(combined_pdf).metadata
    assert info is not None
    assert info.title == "Release of detained lawyers: a joint appeal"
    assert info.author == "International Partnership for Human Rights"
    assert "pypdf" not in str(info.producer).lower()


@pytest.mark.libreoffice
@needs_tools
def test_every_page_with_footnotes_has_the_separator_above_them(combined_pdf: Path) -> None:
    pages = _pages(combined_pdf)
    for number, page in enumerate(pages, start=1):
        assert _footnotes(page), f"page {number} has no footnotes"
        assert len(page.short_rules) == 1, f"page {number}: rules at {page.short_rules}"
        (rule,) = page.short_rules
        note_tops = page.word_tops["Note"]
        assert len(note_tops) == len(_footnotes(page))
        assert all(top > rule for top in note_tops), f"page {number}: notes above the separator"
        assert all(top < rule for top in page.word_tops["authorities"]), f"page {number}: body below it"


def _blank_pdf(title: str, *, lang: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": title, "/Author": "Org", "/Producer": "LibreOffice 7.4"})
    if lang is not None:
        writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def test_joined_pdf_keeps_the_first_letters_language_and_information_only(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(_blank_pdf("First", lang="fr-FR"))
    second.write_bytes(_blank_pdf("Second", lang="de-DE"))
    joined = PdfReader(io.BytesIO(join_pdfs([first, second])))
    assert len(joined.pages) == 2
    assert joined.metadata is not None
    assert dict(joined.metadata) == {"/Title": "First", "/Author": "Org", "/Producer": "LibreOffice 7.4"}
    root = joined.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    assert root["/Lang"] == "fr-FR"
