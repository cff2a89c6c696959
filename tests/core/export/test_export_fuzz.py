"""Arbitrary Unicode and Markdown never break an export: the XML stays valid and LibreOffice opens it.

`make test` runs the default hypothesis profile (40 examples); `make fuzz` runs 2,000.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from export_samples import EN_FRAME, FIXED_NOW, replace_frame
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree
from readback import libreoffice_text, schema_errors, soffice, validate_docx

from iphr_desk.core.export.docx_export import document_bytes
from iphr_desk.core.export.letterhead import load_letterhead
from iphr_desk.core.letters.letter import LANGUAGES, Letter, Recipient, Signatory
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.core.protocol.frame import Frame, SignatureBlock

KEEP = 5
FRAGMENTS = [
    "*",
    "**",
    "_",
    "[^1]",
    "[^a]",
    "\n\n[^1]: a note\n",
    "\n\n[^a]: *другая* note [x](https://x.org)\n",
    "> ",
    "\n> > ",
    "- ",
    "\n- ",
    "1. ",
    "\n3) ",
    "   - ",
    "\n\n",
    "\n",
    "    code",
    "```",
    "<div>",
    "</i>",
    "[a](https://example.org/ü?q=1&b=2)",
    "[b](<not a url>)",
    "<https://auto.link>",
    "\\",
    "  \n",
    "---",
    "# ",
    "`",
    "&amp;",
    "&#0;",
    "\x00",
    "\x07",
    "\x0c",
    "\ud800",
    "\ufffe",
    "\u202e",
    "\u200f",
    "🕊️",
    "👩🏽‍⚖️",
    "مرحبا",
    "שלום",
    "Здравствуйте",
    "ß",
    "\t",
    "\r\n",
]
markdown = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=40).map("".join)
line = st.text(max_size=60) | st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)
frames = st.builds(
    lambda attention, address, date, subject, salutation, closing, names, cc: replace_frame(
        EN_FRAME,
        attention_line=attention,
        address_lines=tuple(address),
        date_line=date,
        subject=subject,
        salutation=salutation,
        closing=closing,
        signatures=tuple(SignatureBlock(n, n or None, None) for n in names),
        cc_lines=tuple(cc),
    ),
    st.none() | line,
    st.lists(line, max_size=4),
    line,
    line,
    line,
    line,
    st.lists(line, min_size=1, max_size=4),
    st.lists(line, max_size=3),
)


def _check_parts(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on anything XML 1.0 forbids


def test_arbitrary_letters_export_to_valid_documents(tmp_path: Path) -> None:
    kept: list[Path] = []

    @given(frame=frames, body=markdown)
    @example(frame=EN_FRAME, body="A very long paragraph. " * 4500)
    @example(frame=EN_FRAME, body="- \n-\n  1.\n\n>\n\n[^1]\n\n[^1]:\n")
    def export_one(frame: Frame, body: str) -> None:
        warnings: list[str] = []
        data = document_bytes([(frame, body)], warnings=warnings, now=FIXED_NOW)
        _check_parts(data)
        assert schema_errors(data) == []
        if len(kept) < KEEP:
            path = tmp_path / f"fuzz{len(kept)}.docx"
            path.write_bytes(data)
            kept.append(path)

    export_one()
    check = validate_docx(kept)
    assert check.returncode == 0, check.stdout
    if soffice() is None:
        pytest.skip("LibreOffice is not installed; the XML checks above did run")
    texts = libreoffice_text(kept, tmp_path / "txt")
    assert set(texts) == set(kept), "LibreOffice could not open every fuzzed document"


text_field = st.text(max_size=80) | st.lists(st.sampled_from(FRAGMENTS), max_size=5).map("".join)
letters = st.builds(
    lambda language, place, subject, name, title, address, cc, signer, body: Letter(
        language=language,
        place=place,
        date=dt.date(2024, 2, 29),
        subject=subject,
        recipients=(Recipient(name=name or "X", title=title or None, address=address or None),),
        signatories=(Signatory(signer or "Y", title or None),),
        cc=tuple(cc),
        body=body,
    ),
    st.sampled_from(LANGUAGES),
    text_field,
    text_field,
    text_field,
    text_field,
    text_field,
    st.lists(text_field, max_size=3),
    text_field,
    markdown,
)


@given(letter=letters)
def test_arbitrary_front_matter_through_the_real_frame_exports(letter: Letter) -> None:
    frame = compute_frame(letter, load_letterhead().style())
    data = document_bytes([(frame, letter.body)], warnings=[], now=FIXED_NOW)
    _check_parts(data)
    assert schema_errors(data) == []
