"""Real Word footnotes: a footnotes part, its relationship, and the two separator footnotes.

python-docx has no footnote API, so the part is built here with its OXML layer: a
`word/footnotes.xml` part related to the document with the footnotes relationship type, holding the
separator (-1) and continuation separator (0) that Word expects, then one `w:footnote` per
reference. A template that already has a footnotes part keeps its separators; its other
footnotes (template leftovers) are dropped.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from iphr_desk.core.export.docx.ooxml import element, new_run

_EMPTY = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


#: Children of w:settings after w:footnotePr, in schema order (ECMA-376 CT_Settings).
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


class Footnotes:
    """The document's footnotes part, created on first use."""

    def __init__(self, document: DocxDocument, reference_style: str | None) -> None:
        self._document = document
        self._reference_style = reference_style
        self._part: XmlPart | None = None
        self._next_id = 1

    @property
    def part(self) -> XmlPart:
        if self._part is None:
            self._part = self._create_part()
        return self._part

    def _create_part(self) -> XmlPart:
        doc_part = self._document.part
        root = parse_xml(_EMPTY)
        for rel_id, rel in list(doc_part.rels.items()):
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                old = parse_xml(rel.target_part.blob)
                specials = [fn for fn in old.findall(qn("w:footnote")) if fn.get(qn("w:type"))]
                if specials:
                    root = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}/>")
                    for fn in specials:
                        root.append(fn)
                doc_part.rels.pop(rel_id)
        ids = [int(fn.get(qn("w:id"), "0")) for fn in root.findall(qn("w:footnote"))]
        self._next_id = max([*ids, 0]) + 1
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, doc_part.package)
        doc_part.relate_to(part, RT.FOOTNOTES)
        self._declare_separators(root)
        return part

    def _declare_separators(self, root: BaseOxmlElement) -> None:
        """Name the separator footnotes in settings.xml, as Word itself does."""
        settings = self._document.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        declared = element("w:footnotePr")
        for fn in root.findall(qn("w:footnote")):
            if fn.get(qn("w:type")) in ("separator", "continuationSeparator"):
                declared.append(element("w:footnote", id=fn.get(qn("w:id"), "0")))
        settings.insert_element_before(declared, *_SETTINGS_AFTER_FOOTNOTEPR)

    def add(self) -> tuple[int, BaseOxmlElement]:
        """A new, empty footnote: its id and the `w:footnote` element to fill with paragraphs."""
        part = self.part  # created first: creating it sets the first free id
        footnote_id = self._next_id
        self._next_id += 1
        footnote = element("w:footnote", id=str(footnote_id))
        part.element.append(footnote)
        return footnote_id, footnote

    def reference_run(self, footnote_id: int) -> BaseOxmlElement:
        """The run placed in the text where the footnote mark appears."""
        run = new_run(style_id=self._reference_style)
        run.append(element("w:footnoteReference", id=str(footnote_id)))
        return run

    def mark_run(self) -> BaseOxmlElement:
        """The run that repeats the footnote's number at the start of its text."""
        run = new_run(style_id=self._reference_style)
        run.append(element("w:footnoteRef"))
        return run
