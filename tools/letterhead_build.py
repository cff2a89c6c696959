"""Build the default letterhead (resources/letterheads/iphr.docx) from its profile (iphr.toml).

Run `python -m tools.letterhead_build` after editing the profile and commit both files.
The template is made with python-docx, never by editing XML by hand: A4 page, a first-page header
with the logo and the organisation's name, a lighter header with the page number on the following
pages, a footer with the address, and a named style for every part of a letter, so an assistant
can restyle the whole letterhead from Word's style pane.

Fonts: Arial (Windows and macOS) has Latin, Cyrillic, Greek, Hebrew and Arabic; LibreOffice on
Linux substitutes the metric-compatible Liberation Sans. The font is named in all four slots
(ASCII, high ANSI, complex script, East Asian) so Cyrillic or Arabic text never falls back to a
theme font that lacks it.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import struct
import sys
import tomllib
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from iphr_desk.core.export.docx.metadata import remove_leftovers, set_properties
from iphr_desk.core.export.docx.ooxml import PPR_AFTER_PBDR, element
from iphr_desk.core.export.docx.styles import ALL_STYLE_NAMES
from iphr_desk.core.export.docx.template import clear_body
from iphr_desk.core.export.letterhead import Organisation
from iphr_desk.resources import resource

#: A fixed date keeps the committed template byte-stable between rebuilds of the same profile.
BUILD_DATE = dt.datetime(2024, 1, 1, 9, 0, 0)


@dataclass(frozen=True)
class Look:
    body_font: str
    monospace: str
    size: float
    accent: RGBColor
    muted: RGBColor
    link: RGBColor

    @classmethod
    def from_profile(cls, data: dict[str, Any]) -> Look:
        fonts = data.get("fonts", {})
        colours = data.get("colours", {})
        return cls(
            body_font=fonts.get("body", "Arial"),
            monospace=fonts.get("monospace", "Courier New"),
            size=float(fonts.get("size_pt", 10.5)),
            accent=RGBColor.from_string(colours.get("accent", "1F3B5C")),
            muted=RGBColor.from_string(colours.get("muted", "5A6470")),
            link=RGBColor.from_string(colours.get("link", "1F5C99")),
        )


def build(profile: Path, output: Path, logo: Path) -> Path:
    data = tomllib.loads(profile.read_text(encoding="utf-8"))
    organisation = Organisation.from_mapping(data["organisation"], str(profile))
    look = Look.from_profile(data)
    if not logo.is_file():
        logo.write_bytes(draw_logo_png(480))
    document = docx.Document()
    clear_body(document)
    remove_leftovers(document)
    _defaults(document, look)
    _letter_styles(document, look)
    _prune_styles(document)
    _font_table(document, look)
    _page(document)
    _headers(document, organisation, look, logo)
    document.add_paragraph("")  # Word wants one paragraph in a body; the exporter empties it.
    set_properties(document, title="", author=organisation.name, when=BUILD_DATE)
    buffer = io.BytesIO()
    document.save(buffer)
    output.write_bytes(_stable_zip(buffer.getvalue()))
    return output


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so rebuilding an unchanged profile changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            stable = zipfile.ZipInfo(info.filename, date_time=BUILD_DATE.timetuple()[:6])
            stable.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stable, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- fonts and styles


def _fonts(rpr: BaseOxmlElement, font: str) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), font)


def _defaults(document: DocxDocument, look: Look) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _fonts(rpr, look.body_font)
    half_points = str(round(look.size * 2))
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), half_points)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    settings = document.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")  # required by the schema; the starting template omits it
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "en-GB")


def _paragraph_style(document: DocxDocument, name: str, base: str | None = "Normal") -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def _border(style: ParagraphStyle, side: str, colour: RGBColor, size_eighths: int, space: int) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = element("w:pBdr")
    line = element(f"w:{side}", val="single", sz=str(size_eighths), space=str(space), color=str(colour))
    borders.append(line)
    ppr.insert_element_before(borders, *PPR_AFTER_PBDR)


def _letter_styles(document: DocxDocument, look: Look) -> None:
    pf = _paragraph_style(document, "IPHR Body").paragraph_format
    pf.space_after = Pt(8)
    pf.line_spacing = 1.15
    pf.widow_control = True

    for name in ("IPHR Attention", "IPHR Address"):
        _paragraph_style(document, name)
    _paragraph_style(document, "IPHR Attention").font.color.rgb = look.muted

    date = _paragraph_style(document, "IPHR Date")
    date.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date.paragraph_format.space_before = Pt(24)
    date.paragraph_format.space_after = Pt(18)

    subject = _paragraph_style(document, "IPHR Subject")
    subject.font.bold = True
    subject.paragraph_format.space_after = Pt(16)
    subject.paragraph_format.keep_with_next = True

    salutation = _paragraph_style(document, "IPHR Salutation")
    salutation.paragraph_format.space_after = Pt(10)
    salutation.paragraph_format.keep_with_next = True

    heading = _paragraph_style(document, "IPHR Heading", "IPHR Body")
    heading.font.bold = True
    heading.paragraph_format.space_before = Pt(6)
    heading.paragraph_format.keep_with_next = True

    # Based on Word's built-in "Quote" (reset to plain) so Word, Pandoc and screen readers know it
    # is a quotation, whatever it looks like.
    plain_quote = _paragraph_style(document, "Quote", "IPHR Body")
    _reset_formatting(plain_quote)
    quote = _paragraph_style(document, "IPHR Quote", "Quote")
    quote.paragraph_format.space_before = Pt(2)
    quote.paragraph_format.space_after = Pt(10)
    quote.paragraph_format.left_indent = Mm(10)
    quote.paragraph_format.right_indent = Mm(10)
    quote.font.color.rgb = RGBColor(0x33, 0x3B, 0x45)
    _border(quote, "left", look.muted, 8, 8)

    listed = _paragraph_style(document, "IPHR List", "IPHR Body")
    listed.paragraph_format.space_after = Pt(4)

    code = _paragraph_style(document, "IPHR Code", "IPHR Body")
    _fonts(code.element.get_or_add_rPr(), look.monospace)
    code.font.size = Pt(look.size - 1)

    closing = _paragraph_style(document, "IPHR Closing", "IPHR Body")
    closing.paragraph_format.space_before = Pt(4)
    closing.paragraph_format.keep_with_next = True
    closing.paragraph_format.keep_together = True

    signature = _paragraph_style(document, "IPHR Signature")
    signature.font.bold = True
    signature.paragraph_format.space_before = Pt(48)  # room for the handwritten signature
    signature.paragraph_format.keep_with_next = True
    detail = _paragraph_style(document, "IPHR Signature Detail")
    detail.paragraph_format.keep_with_next = True

    cc = _paragraph_style(document, "IPHR Cc")
    cc.font.size = Pt(look.size - 1.5)
    cc.font.color.rgb = look.muted

    header = _paragraph_style(document, "IPHR Header")
    header.font.size = Pt(8.5)
    header.font.color.rgb = look.muted
    footer = _paragraph_style(document, "IPHR Footer")
    footer.font.size = Pt(8)
    footer.font.color.rgb = look.muted
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _border(footer, "top", look.muted, 4, 6)
    org = _paragraph_style(document, "IPHR Organisation")
    org.font.size = Pt(15)
    org.font.bold = True
    org.font.color.rgb = look.accent
    tagline = _paragraph_style(document, "IPHR Organisation Detail")
    tagline.font.size = Pt(9)
    tagline.font.color.rgb = look.muted

    note = _paragraph_style(document, "footnote text")
    note.style_id = "FootnoteText"
    note.font.size = Pt(8.5)
    note.paragraph_format.space_after = Pt(2)

    _character_style(document, "footnote reference", "FootnoteReference").font.superscript = True
    link = _character_style(document, "Hyperlink", "Hyperlink")
    link.font.color.rgb = look.link
    link.font.underline = True


def _reset_formatting(style: ParagraphStyle) -> None:
    for tag in ("w:pPr", "w:rPr"):
        for el in style.element.findall(qn(tag)):
            style.element.remove(el)
    link = style.element.find(qn("w:link"))
    if link is not None:
        style.element.remove(link)


#: Metric-compatible stand-ins named in the font table, so a machine without the Windows font
#: (a Linux desktop) lays the letter out with the same line breaks.
_FONT_FACTS: dict[str, tuple[str, str, str, str]] = {
    # name: (alternative, panose, family, pitch)
    "Arial": ("Liberation Sans", "020B0604020202020204", "swiss", "variable"),
    "Times New Roman": ("Liberation Serif", "02020603050405020304", "roman", "variable"),
    "Courier New": ("Liberation Mono", "02070309020205020404", "modern", "fixed"),
}


def _font_table(document: DocxDocument, look: Look) -> None:
    """Replace the starting template's font table (Cambria, MS Mincho...) with the fonts we use."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    fonts = []
    for name in dict.fromkeys((look.body_font, look.monospace)):
        alternative, panose, family, pitch = _FONT_FACTS.get(name, ("", "", "auto", "variable"))
        parts = [f'<w:font w:name="{name}">']
        if alternative:
            parts.append(f'<w:altName w:val="{alternative}"/>')
        if panose:
            parts.append(f'<w:panose1 w:val="{panose}"/>')
        parts.append(f'<w:charset w:val="00"/><w:family w:val="{family}"/>')
        parts.append(f'<w:pitch w:val="{pitch}"/></w:font>')
        fonts.append("".join(parts))
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(fonts)
        + "</w:fonts>"
    )
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            rel.target_part._blob = xml.encode("utf-8")  # a generic part: python-docx keeps its bytes


#: Built-in styles the template keeps; python-docx's starting template holds some 160 others
#: (table designs, headings, list variants) that a letter never uses and Word lists anyway.
_KEPT_BUILTINS = frozenset(
    {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid", "Quote", "Header", "Footer"}
)


def _prune_styles(document: DocxDocument) -> None:
    root = document.styles.element
    for el in root.findall(qn("w:style")):
        name = el.find(qn("w:name")).get(qn("w:val"))
        if name in _KEPT_BUILTINS or name in ALL_STYLE_NAMES or name.startswith("IPHR "):
            continue
        root.remove(el)
    remaining = {el.get(qn("w:styleId")) for el in root.findall(qn("w:style"))}
    for ref in [*root.iter(qn("w:link")), *root.iter(qn("w:next"))]:
        if ref.get(qn("w:val")) not in remaining:
            ref.getparent().remove(ref)


def _character_style(document: DocxDocument, name: str, style_id: str) -> Any:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.style_id = style_id
    style.base_style = styles["Default Paragraph Font"]
    return style


# --------------------------------------------------------------------------- page, headers, footer


def _page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.left_margin, section.right_margin = Mm(25), Mm(22)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True


def _headers(document: DocxDocument, organisation: Organisation, look: Look, logo: Path) -> None:
    section = document.sections[0]
    text_width = Length(Mm(210) - Mm(25) - Mm(22))  # A4 less the margins of _page()

    first = section.first_page_header
    first.is_linked_to_previous = False
    table = first.add_table(rows=1, cols=2, width=text_width)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    logo_cell, name_cell = table.rows[0].cells
    name_width = Length(text_width - Mm(22))
    logo_cell.width, name_cell.width = Mm(22), name_width
    table.columns[0].width, table.columns[1].width = Mm(22), name_width
    logo_paragraph = logo_cell.paragraphs[0]
    logo_paragraph.add_run().add_picture(str(logo), width=Mm(17), height=Mm(17))
    name = name_cell.paragraphs[0]
    name.style = document.styles["IPHR Organisation"]
    name.paragraph_format.space_before = Pt(6)
    name.add_run(organisation.name)
    detail = name_cell.add_paragraph(style=document.styles["IPHR Organisation Detail"])
    detail.add_run(" · ".join(x for x in (organisation.website, organisation.email) if x))
    _borderless(table._tbl)
    trailing = first.paragraphs[0]
    trailing.style = document.styles["IPHR Header"]
    trailing.paragraph_format.space_after = Pt(18)  # keeps the address block clear of the letterhead

    following = section.header
    following.is_linked_to_previous = False
    line = following.paragraphs[0]
    line.style = document.styles["IPHR Header"]
    line.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    line.add_run(organisation.short_name or organisation.name)
    line.add_run("\t")
    _page_field(line)

    address = organisation.footer_for(None)  # the default; the exporter swaps in the letter's language
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["IPHR Footer"]
        paragraph.add_run(address)
    # The first-page header table must be followed by a paragraph; move that paragraph after it.
    hdr = first._element
    last_p = hdr.find(qn("w:p"))
    if last_p is not None:
        hdr.remove(last_p)
        hdr.append(last_p)


def _borderless(tbl: BaseOxmlElement) -> None:
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", val="nil"))
    tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"
    )


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field (begin / instruction / separate / result / end), so Word and LibreOffice number pages."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(element("w:fldChar", fldCharType=kind))
        elif text == " PAGE ":
            instr = element("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run.text = text or ""


# --------------------------------------------------------------------------- the logo


def draw_logo_png(size: int) -> bytes:
    """The neutral logo of logo.svg as a PNG (three linked rings on a rounded navy square).

    Hand-rasterised with zlib because the project has no imaging library and python-docx cannot
    embed SVG; the geometry matches logo.svg (a 240-unit square).
    """
    scale = size / 240
    rings = (((92, 98), (255, 255, 255)), ((148, 98), (0x9C, 0xC3, 0xE6)), ((120, 146), (0xE8, 0xB0, 0x4A)))
    background = (0x1F, 0x3B, 0x5C)
    samples = 3
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            red = green = blue = alpha = 0
            for sy in range(samples):
                for sx in range(samples):
                    px, py = (x + (sx + 0.5) / samples) / scale, (y + (sy + 0.5) / samples) / scale
                    cx, cy = min(max(px, 36), 204), min(max(py, 36), 204)
                    if (px - cx) ** 2 + (py - cy) ** 2 > 36 * 36:
                        continue
                    colour = background
                    for (rx, ry), ring in rings:
                        if abs(math.hypot(px - rx, py - ry) - 46) <= 7:
                            colour = ring
                    red, green, blue, alpha = red + colour[0], green + colour[1], blue + colour[2], alpha + 1
            if alpha:
                row += bytes((red // alpha, green // alpha, blue // alpha, round(255 * alpha / samples**2)))
            else:
                row += bytes(4)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str] | None = None) -> int:
    folder = resource("letterheads")
    out = build(folder / "iphr.toml", folder / "iphr.docx", folder / "logo.png")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
