"""Small helpers over python-docx's OXML layer used by the exporter's modules."""

from __future__ import annotations

from typing import Final

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement

#: Children of w:pPr that come after w:numPr / w:pBdr, in schema order (ECMA-376 CT_PPrBase).
PPR_AFTER_PBDR: Final = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
#: Children of w:pPr after w:bidi, in schema order.
PPR_AFTER_BIDI: Final = PPR_AFTER_PBDR[PPR_AFTER_PBDR.index("w:adjustRightInd") :]
#: Children of w:rPr after w:lang, in schema order.
RPR_AFTER_LANG: Final = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
#: Children of w:sectPr after w:pgNumType, in schema order.
SECTPR_AFTER_PGNUMTYPE: Final = (
    "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)
#: Children of w:sectPr after w:footnotePr, in schema order.
SECTPR_AFTER_FOOTNOTEPR: Final = (
    "w:endnotePr", "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType",
    "w:pgNumType", *SECTPR_AFTER_PGNUMTYPE,
)


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new element; attribute names are given without prefix and take the w: namespace."""
    return OxmlElement(tag, attrs={qn(f"w:{k}") if ":" not in k else qn(k): v for k, v in attrs.items()})


def new_run(text: str | None = None, *, style_id: str | None = None) -> CT_R:
    run: CT_R = OxmlElement("w:r")
    if style_id:
        run.get_or_add_rPr().style = style_id
    if text:
        run.text = text
    return run


def set_paragraph_style(p: CT_P, style_id: str | None) -> None:
    if style_id:
        p.get_or_add_pPr().style = style_id


def set_numbering(p: CT_P, num_id: int, level: int) -> None:
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def set_indent(p: CT_P, left_twips: int, *, hanging: int | None = None) -> None:
    ind = p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:left"), str(left_twips))
    if hanging is not None:
        ind.set(qn("w:hanging"), str(hanging))


def set_spacing_before(p: CT_P, twips: int) -> None:
    spacing = p.get_or_add_pPr().get_or_add_spacing()
    spacing.set(qn("w:before"), str(twips))


def set_spacing_after(p: CT_P, twips: int) -> None:
    spacing = p.get_or_add_pPr().get_or_add_spacing()
    spacing.set(qn("w:after"), str(twips))


def strip_attributes(root: BaseOxmlElement, prefix: str) -> None:
    """Remove every w: attribute whose local name starts with `prefix` (e.g. "rsid")."""
    w_ns = qn("w:x")[:-1]
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(w_ns) and n[len(w_ns):].startswith(prefix)]:
            del el.attrib[name]
