"""Real hyperlinks: `w:hyperlink` pointing at an external relationship of the part it sits in.

python-docx reads hyperlinks but cannot create them; this writes them with its OXML layer. The
relationship must belong to the part holding the paragraph (document, footnotes or header), or
Word reports the file as damaged.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement


def new_hyperlink(part: Part, href: str) -> BaseOxmlElement:
    """An empty `w:hyperlink` to `href`; append runs to it."""
    rel_id = part.relate_to(href, RT.HYPERLINK, is_external=True)
    return OxmlElement("w:hyperlink", attrs={qn("r:id"): rel_id, qn("w:history"): "1"})
