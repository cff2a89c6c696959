"""The reviewed-copy reader against the exporter: a letter exported and read back untouched is the
letter's own Markdown (in English, where typography changes none of these characters)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from review_support import LETTER

from iphr_desk.core.exchange.docx_review import read_reviewed_bytes
from iphr_desk.core.export.docx_export import compute_letter_frame, document_bytes
from iphr_desk.core.export.letterhead import load_letterhead
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.letters.normalise import normalise_body

words = st.lists(
    st.sampled_from(["alpha", "beta", "gamma", "delta", "rights", "court", "2024", "x"]),
    min_size=1,
    max_size=6,
)
text = words.map(" ".join)


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["plain", "bold", "italic", "link"]))
        chunk = draw(text)
        parts.append({"plain": chunk, "bold": f"**{chunk}**", "italic": f"*{chunk}*",
                      "link": f"[{chunk}](https://example.org/{len(chunk)})"}[kind])  # fmt: skip
    return " ".join(parts)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["para", "bullets", "numbers", "nested", "quote"]))
    if kind == "para":
        return draw(inline())
    if kind == "quote":
        return "> " + draw(inline())
    items = draw(st.lists(inline(), min_size=1, max_size=3))
    if kind == "bullets":
        return "\n".join(f"- {item}" for item in items)
    if kind == "numbers":
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))
    inner = draw(st.lists(inline(), min_size=1, max_size=2))
    return "- " + items[0] + "\n" + "\n".join(f"  1. {item}" for item in inner)


@given(st.lists(block(), min_size=1, max_size=5), st.booleans())
def test_an_untouched_export_reads_back_as_its_markdown(blocks: list[str], footnote: bool) -> None:
    spaced: list[str] = []
    for item in blocks:  # two lists in a row would be one loose list, which Word does not show apart
        if spaced and spaced[-1][:1] in "-1 " and item[:1] in "-1":
            spaced.append("Between.")
        spaced.append(item)
    body = "\n\n".join(spaced)
    if footnote:
        body = body.replace("\n", "[^1]\n", 1) if "\n" in body else body + "[^1]"
        body += "\n\n[^1]: A note with *emphasis*."
    body = normalise_body(body)
    letter = dataclasses.replace(parse_letter_file(LETTER), language="en", body=body)
    head = load_letterhead()
    data = document_bytes([(compute_letter_frame(letter, head), letter.body)], head)
    assert read_reviewed_bytes(data, "t.docx").body_markdown == body


def test_the_review_letters_head_and_foot_are_found() -> None:
    letter = parse_letter_file(LETTER)
    head = load_letterhead()
    frame = compute_letter_frame(letter, head)
    read = read_reviewed_bytes(document_bytes([(frame, letter.body)], head), "t.docx")
    assert read.found_markers
    assert read.header.address_lines[1:] == frame.address_lines[1:]
    assert read.header.signature_lines == ("Brigitte Dufour", "Directrice")
    assert Path(LETTER).exists()


def test_several_signatories_are_the_foot_and_a_table_in_the_body_stays_body() -> None:
    import io
    import zipfile

    from iphr_desk.core.letters.letter import Signatory

    letter = parse_letter_file(LETTER)
    letter = dataclasses.replace(letter, signatories=(Signatory("A One", "Director"), Signatory("B Two")))
    head = load_letterhead()
    data = document_bytes([(compute_letter_frame(letter, head), letter.body)], head)
    read = read_reviewed_bytes(data, "t.docx")
    assert read.header.signature_lines == ("A One", "Director", "B Two")
    # a reviewer's table of one cell between two body paragraphs
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    marker = "Nos demandes"
    at = xml.index(marker)
    start = xml.rindex("<w:p>", 0, at) if "<w:p>" in xml[:at] else xml.rindex("<w:p ", 0, at)
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    parts["word/document.xml"] = (xml[:start] + table + xml[start:]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    body = read_reviewed_bytes(out.getvalue(), "t.docx").body_markdown
    assert "In a table.\n\nNos demandes" in body and "- libérer" in body
