"""Real Word list numbering: one abstract definition per Markdown list, so each list restarts.

python-docx reads `w:numPr` but cannot create numbering definitions; this module writes
`w:abstractNum` / `w:num` with its OXML layer. Every list (nested ones included) gets its own
definition, which is how Word itself restarts "1." for a new list; nested lists use the level that
matches their depth, so Word's indentation and the Tab/Shift+Tab promotion keep working.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart
from lxml import etree

from iphr_desk.core.export.docx.ooxml import element

LEVELS: Final = 9
INDENT_STEP: Final = 360  # twips, a quarter inch per level
HANGING: Final = 360
_BULLETS: Final = ("•", "–", "◦")
_ORDERED: Final = (("decimal", "%{n}."), ("lowerLetter", "%{n})"), ("lowerRoman", "%{n}."))


def level_indent(level: int) -> int:
    """Left indent (twips) of list text at `level` (0-based); continuation paragraphs use it too."""
    return INDENT_STEP * (level + 1) + HANGING


class Numbering:
    """Adds list definitions to a document's numbering part."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._root_element: BaseOxmlElement | None = None
        self._next_abstract = 0
        self._next_num = 1
        # Where new definitions go, found once: looking them up for every list scanned all the
        # definitions added so far, which made a body of many short lists quadratic.
        self._first_num: BaseOxmlElement | None = None
        self._cleanup: BaseOxmlElement | None = None

    @property
    def _root(self) -> BaseOxmlElement:
        """The numbering part's root, created on the first list (many Word files have none)."""
        if self._root_element is None:
            self._root_element = _numbering_root(self._document)
            abstract_ids = [int(v) for v in self._root_element.xpath("./w:abstractNum/@w:abstractNumId")]
            num_ids = [int(v) for v in self._root_element.xpath("./w:num/@w:numId")]
            self._next_abstract = max(abstract_ids, default=-1) + 1
            self._next_num = max(num_ids, default=0) + 1
            self._first_num = self._root_element.find(qn("w:num"))
            self._cleanup = self._root_element.find(qn("w:numIdMacAtCleanup"))
        return self._root_element

    def new_list(self, ordered: bool, start: int, depth: int) -> int:
        """A fresh numbering instance for one list at `depth`; returns its numId."""
        root = self._root
        abstract_id = self._next_abstract
        self._next_abstract += 1
        abstract = parse_xml(_definition(ordered, start, depth))
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        if self._first_num is not None:
            self._first_num.addprevious(abstract)
        else:
            self._before_cleanup(root, abstract)
        num_id = self._next_num
        self._next_num += 1
        num = element("w:num", numId=str(num_id))
        num.append(element("w:abstractNumId", val=str(abstract_id)))
        self._before_cleanup(root, num)
        if self._first_num is None:
            self._first_num = num
        return num_id

    def _before_cleanup(self, root: BaseOxmlElement, new: BaseOxmlElement) -> None:
        """`root.insert_element_before(new, "w:numIdMacAtCleanup")` without searching for it."""
        if self._cleanup is not None:
            self._cleanup.addprevious(new)
        else:
            root.append(new)


def _numbering_root(document: DocxDocument) -> BaseOxmlElement:
    """The document's numbering root; python-docx cannot create a missing numbering part."""
    part = document.part
    try:
        numbering: BaseOxmlElement = part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
        return numbering
    except KeyError:
        root = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        new_part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, root, part.package)
        part.relate_to(new_part, RT.NUMBERING)
        created: BaseOxmlElement = new_part.element
        return created


@lru_cache(maxsize=64)
def _definition(ordered: bool, start: int, depth: int) -> bytes:
    """A list's nine-level definition (its id set by the caller), as XML: the same for every list
    of its kind, so it is built once and parsed for each list (a tree is never shared)."""
    abstract = element("w:abstractNum", abstractNumId="0")
    abstract.append(element("w:multiLevelType", val="hybridMultilevel"))
    for level in range(LEVELS):
        abstract.append(_level(level, ordered, start if level == depth else 1))
    xml: bytes = etree.tostring(abstract)
    return xml


def _level(level: int, ordered: bool, start: int) -> BaseOxmlElement:
    lvl = element("w:lvl", ilvl=str(level))
    lvl.append(element("w:start", val=str(max(start, 0))))
    if ordered:
        fmt, text = _ORDERED[level % len(_ORDERED)]
        lvl.append(element("w:numFmt", val=fmt))
        lvl.append(element("w:lvlText", val=text.replace("{n}", str(level + 1))))
    else:
        lvl.append(element("w:numFmt", val="bullet"))
        lvl.append(element("w:lvlText", val=_BULLETS[level % len(_BULLETS)]))
    lvl.append(element("w:lvlJc", val="left"))
    ppr = element("w:pPr")
    ppr.append(element("w:ind", left=str(level_indent(level)), hanging=str(HANGING)))
    lvl.append(ppr)
    return lvl
