"""Small helpers over python-docx's OXML layer used by the exporter's modules.

They build the same elements python-docx's own `get_or_add_*` methods and `run.text` build, in the
same schema order, but with lxml calls on its element classes directly: python-docx looks up every
tag name and scans every possible successor tag for each child it adds, and appends a run's text
one character at a time, which made those calls most of a letter's export time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

#: Children of w:pPr that come after w:numPr / w:pBdr, in schema order (ECMA-376 CT_PPrBase).
PPR_AFTER_PBDR: Final = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
#: Children of w:pPr after w:bidi, in schema order.
PPR_AFTER_BIDI: Final = PPR_AFTER_PBDR[PPR_AFTER_PBDR.index("w:adjustRightInd") :]
#: Children of w:rPr after w:lang, in schema order.
RPR_AFTER_LANG: Final = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
#: Children of w:sectPr after w:pgNumType, in schema order.
SECTPR_AFTER_PGNUMTYPE: Final = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip
#: Children of w:sectPr after w:footnotePr, in schema order.
SECTPR_AFTER_FOOTNOTEPR: Final = (
    "w:endnotePr", "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType",
    "w:pgNumType", *SECTPR_AFTER_PGNUMTYPE,
)  # fmt: skip


#: CT_PPr's children in schema order (python-docx's CT_PPr._tag_seq, ECMA-376 CT_PPrBase + CT_PPr).
PPR_SEQUENCE: Final = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", *PPR_AFTER_PBDR,
)  # fmt: skip
#: CT_RPr's children in schema order (python-docx's CT_RPr._tag_seq).
RPR_SEQUENCE: Final = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", *RPR_AFTER_LANG,
)  # fmt: skip
_W_NSMAP: Final = {"w": nsmap["w"]}


def _clark(sequence: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """For each tag of `sequence`, the Clark names of the tags that must follow it."""
    names = [qn(tag) for tag in sequence]
    return {name: frozenset(names[index + 1 :]) for index, name in enumerate(names)}


_PPR_AFTER: Final = _clark(PPR_SEQUENCE)
_RPR_AFTER: Final = _clark(RPR_SEQUENCE)
_NUMPR_AFTER: Final = _clark(("w:ilvl", "w:numId", "w:numberingChange", "w:ins"))
W_P: Final = qn("w:p")
W_PPR: Final = qn("w:pPr")
W_PSTYLE: Final = qn("w:pStyle")
W_R: Final = qn("w:r")
W_RPR: Final = qn("w:rPr")
W_RSTYLE: Final = qn("w:rStyle")
W_T: Final = qn("w:t")
W_TAB: Final = qn("w:tab")
W_BR: Final = qn("w:br")
W_VAL: Final = qn("w:val")
_XML_SPACE: Final = qn("xml:space")
_RUN_BREAKS: Final = re.compile(r"([\t\r\n])")


@lru_cache(maxsize=256)
def _name(tag: str) -> str:
    return qn(tag) if ":" in tag else qn(f"w:{tag}")


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new element; attribute names are given without prefix and take the w: namespace."""
    prefix = tag.partition(":")[0]
    made: BaseOxmlElement = oxml_parser.makeelement(
        _name(tag), {_name(k): v for k, v in attrs.items()}, {prefix: nsmap[prefix]}
    )
    return made


def child(parent: BaseOxmlElement, name: str, successors: frozenset[str]) -> BaseOxmlElement:
    """`parent`'s child `name` (a Clark name), added before the first of `successors` if missing:
    what python-docx's `get_or_add_*` does."""
    found: BaseOxmlElement | None = parent.find(name)
    if found is None:
        found = etree.SubElement(parent, name)
        for sibling in parent:
            if sibling.tag in successors:
                sibling.addprevious(found)
                break
    return found


def ppr(p: BaseOxmlElement) -> BaseOxmlElement:
    """The paragraph's `w:pPr`, added as its first child if missing (`CT_P.get_or_add_pPr`)."""
    found: BaseOxmlElement | None = p.find(W_PPR)
    if found is None:
        found = etree.SubElement(p, W_PPR)
        p.insert(0, found)
    return found


def rpr(r: BaseOxmlElement) -> BaseOxmlElement:
    """The run's `w:rPr`, added as its first child if missing (`CT_R.get_or_add_rPr`)."""
    found: BaseOxmlElement | None = r.find(W_RPR)
    if found is None:
        found = etree.SubElement(r, W_RPR)
        r.insert(0, found)
    return found


def ppr_child(p: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The paragraph property `tag` (e.g. "w:ind"), in schema order."""
    name = qn(tag)
    return child(ppr(p), name, _PPR_AFTER[name])


def rpr_child(r: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The run property `tag` (e.g. "w:b"), in schema order."""
    name = qn(tag)
    return child(rpr(r), name, _RPR_AFTER[name])


def add_paragraph(parent: BaseOxmlElement, before: BaseOxmlElement | None = None) -> CT_P:
    """A new `w:p` at the end of `parent`, or just before `before` (e.g. the body's `w:sectPr`)."""
    p: CT_P = etree.SubElement(parent, W_P)
    if before is not None:
        before.addprevious(p)
    return p


def new_run(text: str | None = None, *, style_id: str | None = None) -> CT_R:
    run: CT_R = oxml_parser.makeelement(W_R, nsmap=_W_NSMAP)
    if style_id:
        etree.SubElement(etree.SubElement(run, W_RPR), W_RSTYLE, {W_VAL: style_id})
    if text:
        append_text(run, text)
    return run


def append_text(run: BaseOxmlElement, text: str) -> None:
    """`run.text = text` for a run without text yet: tabs become `w:tab`, line ends `w:br`, the rest
    `w:t` (space-preserving when it starts or ends with white space), as python-docx writes them."""
    for piece in _RUN_BREAKS.split(text) if ("\t" in text or "\n" in text or "\r" in text) else (text,):
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(run, W_TAB)
        elif piece in ("\r", "\n"):
            etree.SubElement(run, W_BR)
        else:
            t = etree.SubElement(run, W_T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_XML_SPACE, "preserve")


def set_paragraph_style(p: CT_P, style_id: str | None) -> None:
    if style_id:
        properties = ppr(p)
        style = properties.find(W_PSTYLE)
        if style is None:
            style = etree.SubElement(properties, W_PSTYLE)
            properties.insert(0, style)
        style.set(W_VAL, style_id)


def set_numbering(p: CT_P, num_id: int, level: int) -> None:
    num_pr = ppr_child(p, "w:numPr")
    child(num_pr, qn("w:ilvl"), _NUMPR_AFTER[qn("w:ilvl")]).set(W_VAL, str(level))
    child(num_pr, qn("w:numId"), _NUMPR_AFTER[qn("w:numId")]).set(W_VAL, str(num_id))


def set_indent(p: CT_P, left_twips: int, *, hanging: int | None = None) -> None:
    ind = ppr_child(p, "w:ind")
    ind.set(qn("w:left"), str(left_twips))
    if hanging is not None:
        ind.set(qn("w:hanging"), str(hanging))


def set_spacing_before(p: CT_P, twips: int) -> None:
    ppr_child(p, "w:spacing").set(qn("w:before"), str(twips))


def set_spacing_after(p: CT_P, twips: int) -> None:
    ppr_child(p, "w:spacing").set(qn("w:after"), str(twips))


def strip_attributes(root: BaseOxmlElement, prefix: str) -> None:
    """Remove every w: attribute whose local name starts with `prefix` (e.g. "rsid")."""
    w_ns = qn("w:x")[:-1]
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(w_ns) and n[len(w_ns) :].startswith(prefix)]:
            del el.attrib[name]
