"""Document properties set on purpose, and template leftovers removed.

A letter leaves the building: its properties must not reveal the OS user, the tool that wrote it,
or the path and name of the template it came from. Core properties are rewritten from scratch
(title, author, last modified by, created, modified, revision 1); the extended (app) properties are
replaced; parts that carry other people's data (comments, custom XML, thumbnails, custom
properties, glossary, people) are unlinked so they are not written at all. python-docx has no API
for removing parts, so this works on the relationships directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from iphr_desk.core.export.docx.ooxml import strip_attributes

APPLICATION: Final = "IPHR Desk"
APP_PROPERTIES_TYPE: Final = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

#: Relationship types whose parts never belong in a letter.
_DROPPED_DOCUMENT_RELS: Final = frozenset(
    {
        RT.COMMENTS,
        RT.CUSTOM_XML,
        RT.GLOSSARY_DOCUMENT,
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
        "http://schemas.microsoft.com/office/2011/relationships/people",
        "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    }
)
#: The document's own parts, which nothing in document.xml points at by id.
_STRUCTURAL_RELS: Final = frozenset(
    {
        RT.STYLES,
        RT.NUMBERING,
        RT.SETTINGS,
        RT.FONT_TABLE,
        RT.WEB_SETTINGS,
        RT.THEME,
        RT.FOOTNOTES,
        RT.ENDNOTES,
        RT.HEADER,
        RT.FOOTER,
    }
)
_DROPPED_PACKAGE_RELS: Final = frozenset(
    {
        RT.THUMBNAIL,
        RT.CUSTOM_PROPERTIES,
        RT.EXTENDED_PROPERTIES,
        "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin",
    }
)
_DROPPED_SETTINGS: Final = (
    "w:attachedTemplate", "w:rsids", "w:docVars", "w:mailMerge", "w:linkStyles", "w:trackRevisions",
)  # fmt: skip
_OFFICE_RELS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_DROPPED_SETTINGS_RELS: Final = frozenset(
    {_OFFICE_RELS + kind for kind in ("attachedTemplate", "mailMergeSource", "mailMergeHeaderSource")}
)
_REMOVED_REVISIONS: Final = (
    "w:del", "w:moveFrom", "w:moveFromRangeStart", "w:moveFromRangeEnd", "w:moveToRangeStart",
    "w:moveToRangeEnd", "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange",
    "w:trPrChange", "w:tcPrChange", "w:numberingChange",
)  # fmt: skip
_COMMENT_MARKS: Final = ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")

_APP_XML: Final = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def remove_leftovers(document: DocxDocument) -> None:
    """Unlink comments, custom XML, thumbnails and the like; clean settings of template traces.

    Parts the body no longer uses go too: a letterhead's sample body may have held a scanned
    signature or a photo, which must not travel, unseen, inside every letter.
    """
    prune_relationships(document)
    clean_template(document)


def prune_relationships(document: DocxDocument) -> None:
    """Unlink the document's comments, custom XML and the like, and every part its body does not use.

    The part of `remove_leftovers` that depends on the letter's body: the exporter runs it for each
    letter, `clean_template` once per template.
    """
    doc_part = document.part
    used = set(document.element.xpath("//@r:id | //@r:embed | //@r:link | //@r:pict"))
    for rel_id, rel in list(doc_part.rels.items()):
        unused = rel.reltype not in _STRUCTURAL_RELS and rel_id not in used
        if rel.reltype in _DROPPED_DOCUMENT_RELS or unused:
            doc_part.rels.pop(rel_id)


def clean_template(document: DocxDocument) -> None:
    """The rest of `remove_leftovers`: package properties, settings, revisions, comment marks and
    revision ids in the document, its headers and footers. A letter's own body never has any."""
    doc_part = document.part
    package_rels = doc_part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype in _DROPPED_PACKAGE_RELS:
            package_rels.pop(rel_id)
    settings = document.settings.element
    for tag in _DROPPED_SETTINGS:
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for el in list(settings):
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in ("savePreviewPicture", "docId"):
            settings.remove(el)
    settings_part = document.part._settings_part
    for rel_id, rel in list(settings_part.rels.items()):
        if rel.reltype in _DROPPED_SETTINGS_RELS:
            settings_part.rels.pop(rel_id)
    for root in [part.element for part in _story_parts(document)] + [document.element]:
        for tag in _COMMENT_MARKS:
            for el in list(root.iter(qn(tag))):
                el.getparent().remove(el)
        accept_revisions(root)
        strip_attributes(root, "rsid")


def accept_revisions(root: BaseOxmlElement) -> None:
    """Accept tracked changes, which carry their authors' names and the text they removed."""
    for tag in _REMOVED_REVISIONS:
        for el in list(root.iter(qn(tag))):
            el.getparent().remove(el)
    for tag in ("w:ins", "w:moveTo"):
        for el in list(root.iter(qn(tag))):
            parent = el.getparent()
            at = parent.index(el)
            for offset, child in enumerate(list(el)):
                parent.insert(at + offset, child)
            parent.remove(el)


def _story_parts(document: DocxDocument) -> list[XmlPart]:
    parts = []
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER):
            part = rel.target_part
            if isinstance(part, XmlPart):
                parts.append(part)
    return parts


def set_properties(document: DocxDocument, *, title: str, author: str, when: dt.datetime) -> None:
    """Core properties exactly: title, creator, lastModifiedBy, created, modified, revision 1."""
    when = when.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0) if when.tzinfo else when
    props = document.core_properties
    element = props._element  # python-docx exposes no way to remove properties, only to blank them
    for child in list(element):
        element.remove(child)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = when
    props.modified = when
    props.revision = 1
    _replace_app_properties(document)


def _replace_app_properties(document: DocxDocument) -> None:
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            package.rels.pop(rel_id)
    part = Part(PackURI("/docProps/app.xml"), APP_PROPERTIES_TYPE, _APP_XML.encode("utf-8"), package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def set_language(document: DocxDocument, tag: str) -> None:
    """Make `tag` (e.g. "fr-FR") the default language, for Word's spelling and hyphenation."""
    set_language_element(document.styles.element, tag)


def set_language_element(styles: BaseOxmlElement, tag: str) -> None:
    """`set_language` on the root of a styles part."""
    from iphr_desk.core.export.docx.ooxml import RPR_AFTER_LANG, element

    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = element("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        rpr.insert_element_before(lang, *RPR_AFTER_LANG)
    lang.set(qn("w:val"), tag)
