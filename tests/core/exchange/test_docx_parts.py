"""Reading a reviewed copy without trusting it: every refusal is one BadInput sentence naming the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from iphr_desk.core.errors import BadInput
from iphr_desk.core.exchange import docx_parts
from iphr_desk.core.exchange.docx_parts import DocxParts
from iphr_desk.core.exchange.docx_review import read_reviewed_bytes

RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Hello.</w:t></w:r></w:p></w:body></w:document>'


def package(document: str | bytes = DOC, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        for name, blob in (extra or {}).items():
            archive.writestr(name, blob)
    return out.getvalue()


def test_a_plain_package_reads_as_its_text_with_no_identity() -> None:
    read = read_reviewed_bytes(package(), "plain.docx")
    assert read.provenance is None and read.body_markdown == "Hello.\n" and not read.found_markers


def test_nested_entities_are_refused_before_any_expansion() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(BadInput, match=r"^laughs\.docx: the part word/document\.xml declares a DTD"):
        read_reviewed_bytes(package(laughs), "laughs.docx")


def test_too_many_parts_and_a_damaged_part_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_parts, "MAX_PARTS", 5)
    many = package(extra={f"word/media/p{i}.xml": b"<x/>" for i in range(5)})
    with pytest.raises(BadInput, match="holds 8 parts"):
        DocxParts(many, "many.docx")
    data = bytearray(package())
    at = data.index(b"word/document.xml") + 40  # inside the compressed document part
    data[at : at + 8] = b"\xff" * 8
    with pytest.raises(BadInput, match=r"^damaged\.docx: "):
        read_reviewed_bytes(bytes(data), "damaged.docx")


def test_invalid_xml_and_a_package_without_a_document_are_refused() -> None:
    with pytest.raises(BadInput, match="is not valid XML"):
        read_reviewed_bytes(package("<w:document"), "broken.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(BadInput, match="it has no document part"):
        DocxParts(out.getvalue(), "empty.docx")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="this is a folder, not a Word document"):
        DocxParts.open(tmp_path)
