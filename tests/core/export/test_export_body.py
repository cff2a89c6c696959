"""The body's WordprocessingML: numbering, hyperlinks, footnotes, breaks, scripts (read as XML)."""

from __future__ import annotations

import io
import zipfile

from export_samples import EN_FRAME, FIXED_NOW
from lxml import etree
from readback import schema_errors

from iphr_desk.core.export.docx_export import document_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def _export(body: str) -> dict[str, etree._Element]:
    data = document_bytes([(EN_FRAME, body)], now=FIXED_NOW)
    assert schema_errors(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _body_paragraphs(parts: dict[str, etree._Element], style: str) -> list[etree._Element]:
    return parts["word/document.xml"].xpath(f"//w:p[w:pPr/w:pStyle/@w:val='{style}']", namespaces=NS)


def _text(p: etree._Element) -> str:
    return "".join(p.xpath(".//w:t/text()", namespaces=NS))


def test_each_list_gets_its_own_numbering_so_it_restarts() -> None:
    parts = _export("1. a\n2. b\n\nbetween\n\n1. c\n\n7) d\n")
    items = _body_paragraphs(parts, "IPHRList")
    num_ids = [p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) for p in items]
    assert [_text(p) for p in items] == ["a", "b", "c", "d"]
    assert num_ids[0] == num_ids[1] and len({num_ids[0], num_ids[2], num_ids[3]}) == 3
    numbering = parts["word/numbering.xml"]

    def start_of(num_id: str) -> str:
        abstract = numbering.xpath(
            f"string(w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val)", namespaces=NS
        )
        return numbering.xpath(
            f"string(w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:start/@w:val)",
            namespaces=NS,
        )

    assert [start_of(n) for n in (num_ids[0], num_ids[2], num_ids[3])] == ["1", "1", "7"]
    assert numbering.xpath(
        "string(w:abstractNum[last()]/w:lvl[@w:ilvl='0']/w:numFmt/@w:val)", namespaces=NS
    ) == ("decimal")


def test_nested_bullets_use_the_next_level() -> None:
    parts = _export("- outer\n  - inner\n    - innermost\n")
    levels = [
        p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS)
        for p in _body_paragraphs(parts, "IPHRList")
    ]
    assert levels == ["0", "1", "2"]


def test_links_are_real_hyperlinks_with_external_relationships() -> None:
    parts = _export("See [the **report**](https://example.org/r?a=1&b=2) now.")
    links = parts["word/document.xml"].xpath("//w:hyperlink", namespaces=NS)
    assert len(links) == 1
    rel_id = links[0].get(f"{{{R}}}id")
    assert _text(links[0]) == "the report"
    assert links[0].xpath("w:r/w:rPr/w:rStyle/@w:val", namespaces=NS) == ["Hyperlink", "Hyperlink"]
    rel = parts["word/_rels/document.xml.rels"].xpath(f"//*[@Id='{rel_id}']")[0]
    assert rel.get("Target") == "https://example.org/r?a=1&b=2"
    assert rel.get("TargetMode") == "External"
    assert rel.get("Type").endswith("/hyperlink")


def test_footnotes_are_word_footnotes_with_separators() -> None:
    parts = _export("One[^a] two[^b].\n\n[^a]: First.\n[^b]: Second with [a link](https://example.org).\n")
    refs = parts["word/document.xml"].xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["1", "2"]
    notes = parts["word/footnotes.xml"]
    assert notes.xpath("w:footnote/@w:type", namespaces=NS) == ["separator", "continuationSeparator"]
    assert notes.xpath("w:footnote/@w:id", namespaces=NS) == ["-1", "0", "1", "2"]
    second = notes.xpath("w:footnote[@w:id='2']", namespaces=NS)[0]
    assert _text(second) == " Second with a link."
    assert second.xpath("w:p/w:r[1]/w:footnoteRef", namespaces=NS)
    assert second.xpath("w:p/w:pPr/w:pStyle/@w:val", namespaces=NS) == ["FootnoteText"]
    link_id = second.xpath("string(.//w:hyperlink/@r:id)", namespaces=NS)
    assert parts["word/_rels/footnotes.xml.rels"].xpath(f"//*[@Id='{link_id}']")[0].get("Target") == (
        "https://example.org"
    )
    settings = parts["word/settings.xml"]
    assert settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["-1", "0"]
    doc_rels = parts["word/_rels/document.xml.rels"]
    assert any(el.get("Type", "").endswith("/footnotes") for el in doc_rels)


def test_hard_breaks_quotes_and_code() -> None:
    parts = _export("line one\\\nline two\n\n> quoted\n>\n> > deeper\n\n```\nx = 1\n```\n")
    body = _body_paragraphs(parts, "IPHRBody")
    assert body[0].xpath("count(.//w:br)", namespaces=NS) == 1
    quotes = _body_paragraphs(parts, "IPHRQuote")
    assert [_text(q) for q in quotes] == ["quoted", "deeper"]
    assert quotes[1].xpath("string(w:pPr/w:ind/@w:left)", namespaces=NS) == "1134"
    code = _body_paragraphs(parts, "IPHRCode")[0]
    assert code.xpath("string(.//w:rFonts/@w:ascii)", namespaces=NS) == "Courier New"


def test_right_to_left_paragraphs_and_complex_script_emphasis() -> None:
    parts = _export("שלום **עולם**\n\nEnglish first, then عربي\n")
    hebrew, english = _body_paragraphs(parts, "IPHRBody")[:2]
    assert hebrew.xpath("w:pPr/w:bidi", namespaces=NS)
    assert not english.xpath("w:pPr/w:bidi", namespaces=NS)
    bold = hebrew.xpath("w:r[w:rPr/w:b]", namespaces=NS)[0]
    assert bold.xpath("w:rPr/w:bCs", namespaces=NS)


def test_text_is_written_as_is_with_spaces_and_tabs_kept() -> None:
    parts = _export("Two  spaces and a tab\there & <angle> brackets")
    paragraph = _body_paragraphs(parts, "IPHRBody")[0]
    assert _text(paragraph) == "Two  spaces and a tabhere & <angle> brackets"
    assert paragraph.xpath("count(.//w:tab)", namespaces=NS) == 1


def test_a_list_inside_a_quotation_moves_right_with_it() -> None:
    parts = _export("- plain\n\n> - quoted\n")
    plain, quoted = _body_paragraphs(parts, "IPHRList")
    assert not plain.xpath("w:pPr/w:ind", namespaces=NS)  # the numbering's own indent applies
    ind = quoted.xpath("w:pPr/w:ind", namespaces=NS)[0]
    assert (ind.get(f"{{{W}}}left"), ind.get(f"{{{W}}}hanging")) == ("1287", "360")
