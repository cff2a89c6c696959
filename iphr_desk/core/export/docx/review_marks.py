"""What a .docx sent out for review carries beyond the letter: where it came from, and the open comments.

Provenance is a set of custom document properties (docProps/custom.xml, ECMA-376 Part 1, 22.3): Word
and LibreOffice keep them when they save, so a reviewed copy names the letter and the revision it was
made from. python-docx has no API for custom properties, so the part is written here with lxml.

Comments go through python-docx's own `Document.add_comment`; it anchors a comment on whole runs, so
the run holding the start or the end of the anchored text is first split in two. Replies need the
commentsExtended part (Word 2012, [MS-DOCX] 2.5.2), which python-docx does not write: each comment's
last paragraph gets a `w14:paraId`, and a reply's `w15:commentEx` names its parent's.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

CUSTOM_PROPERTIES_TYPE: Final = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
COMMENTS_EXTENDED_TYPE: Final = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)
COMMENTS_EXTENDED_REL: Final = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W14: Final = "http://schemas.microsoft.com/office/word/2010/wordml"
W15: Final = "http://schemas.microsoft.com/office/word/2012/wordml"
MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CUSTOM_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined property carries (ECMA-376 Part 1, 22.3.2.2).
_USER_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_W_T: Final = qn("w:t")
_W_R: Final = qn("w:r")
_W_P: Final = qn("w:p")
_W_RPR: Final = qn("w:rPr")
#: Characters the typography pass may turn into others (or add): compared as one class when the
#: anchored text is looked for in the typeset document.
_LOOSE: Final = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class ExportComment:
    """An app comment written into the .docx; `replies` are written as Word replies."""

    author: str
    text: str
    date: dt.datetime
    anchor: str = ""
    replies: tuple[ExportComment, ...] = ()
    initials: str = ""


@dataclass(frozen=True)
class ReviewMarks:
    """Custom properties and comments for one exported document (see the module docstring)."""

    properties: Mapping[str, str] = field(default_factory=dict)
    comments: tuple[ExportComment, ...] = ()
    #: The property naming which recipient of a batch a document is for (set per file by the batch).
    recipient_key: str | None = None

    def with_property(self, name: str, value: str) -> ReviewMarks:
        return replace(self, properties={**self.properties, name: value})

    def for_recipient(self, index: int) -> ReviewMarks:
        return self.with_property(self.recipient_key, str(index)) if self.recipient_key else self


def apply_marks(document: DocxDocument, marks: ReviewMarks) -> None:
    """Write `marks` into `document` (after the exporter pruned the template's own leftovers)."""
    if marks.properties:
        set_custom_properties(document, marks.properties)
    if marks.comments:
        write_comments(document, marks.comments)


def set_custom_properties(document: DocxDocument, properties: Mapping[str, str]) -> None:
    """docProps/custom.xml with `properties` as text (vt:lpwstr), replacing any the package had."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            package.rels.pop(rel_id)
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(properties.items(), start=2):  # pids 0 and 1 are reserved
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_USER_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_TYPE, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


# --------------------------------------------------------------------------- comments


def write_comments(document: DocxDocument, comments: Sequence[ExportComment]) -> None:
    """Each comment anchored on its text (else on the first body paragraph), its replies after it."""
    paragraphs = document.paragraphs
    body_start = _first_body_index(document)
    extended: list[tuple[str, str | None]] = []  # (paraId, parent's paraId)
    counter = [0]
    for item in comments:
        runs = _anchor_runs(paragraphs, item.anchor, body_start)
        if not runs:
            continue
        parent_para = _add_one(document, runs, item, counter)
        extended.append((parent_para, None))
        for reply in item.replies:
            extended.append((_add_one(document, runs, reply, counter), parent_para))
    if extended:
        _write_comments_extended(document, extended)


def _add_one(document: DocxDocument, runs: list[Run], item: ExportComment, counter: list[int]) -> str:
    comment = document.add_comment(runs, text=item.text, author=item.author, initials=item.initials or "")
    root = comment.part.element
    found = root.find(f"{qn('w:comment')}[@{qn('w:id')}='{comment.comment_id}']")
    if found is None:  # pragma: no cover - python-docx just added it
        return ""
    found.set(qn("w:date"), item.date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    counter[0] += 1
    para_id = f"{0x1A000000 + counter[0]:08X}"  # w14:paraId: below 0x80000000 (MS-DOCX 2.6.3)
    last_p = found.findall(_W_P)[-1]
    last_p.set(f"{{{W14}}}paraId", para_id)
    _declare_w14(root)
    return para_id


def _declare_w14(root: BaseOxmlElement) -> None:
    """The comments part uses w14:paraId: declared on the part's root and marked ignorable, as Word
    writes it, so a consumer that does not know Word 2010's namespace still reads the part."""
    etree.cleanup_namespaces(root, top_nsmap={"w14": W14, "mc": MC})
    root.set(f"{{{MC}}}Ignorable", "w14")


def _write_comments_extended(document: DocxDocument, items: list[tuple[str, str | None]]) -> None:
    root = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    root.set(f"{{{MC}}}Ignorable", "w15")
    for para_id, parent in items:
        entry = etree.SubElement(root, f"{{{W15}}}commentEx")
        entry.set(f"{{{W15}}}paraId", para_id)
        if parent:
            entry.set(f"{{{W15}}}paraIdParent", parent)
        entry.set(f"{{{W15}}}done", "0")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/commentsExtended.xml"), COMMENTS_EXTENDED_TYPE, blob, document.part.package)
    document.part.relate_to(part, COMMENTS_EXTENDED_REL)


def _first_body_index(document: DocxDocument) -> int:
    """The first paragraph after the salutation (the body's first), or 0."""
    for index, paragraph in enumerate(document.paragraphs):
        style = paragraph.style
        if style is not None and (style.name or "").casefold() == "iphr salutation":
            return index + 1
    return 0


def _loose(ch: str) -> str:
    return ch.translate(_LOOSE)


def _anchor_runs(paragraphs: list[Paragraph], anchor: str, body_start: int) -> list[Run]:
    """The runs covering `anchor`'s first occurrence (split where it starts or ends inside a run);
    the body's first paragraph's runs when it is not found."""
    wanted = [_loose(ch) for ch in anchor if not ch.isspace()]
    if wanted:
        for paragraph in paragraphs:
            found = _find_in_paragraph(paragraph, wanted)
            if found:
                return found
    ordered = paragraphs[body_start:] + paragraphs[:body_start]
    for paragraph in ordered:
        runs = [r for r in paragraph.runs if r.text]
        if runs:
            return runs
    return []


def _find_in_paragraph(paragraph: Paragraph, wanted: list[str]) -> list[Run]:
    runs = [r for r in paragraph.runs if r.text]
    letters: list[tuple[int, int]] = []  # (run index, offset) of each non-space character
    chars: list[str] = []
    for run_index, run in enumerate(runs):
        for offset, ch in enumerate(run.text):
            if not ch.isspace() and ch not in "\u00a0\u202f":
                letters.append((run_index, offset))
                chars.append(_loose(ch))
    joined, target = "".join(chars), "".join(wanted)
    at = joined.find(target)
    if at < 0:
        return []
    (first_run, first_offset), (last_run, last_offset) = letters[at], letters[at + len(wanted) - 1]
    last = _split_after(runs[last_run], last_offset + 1)
    if first_run == last_run:
        first = _split_before(last, first_offset)
        return [first]
    first = _split_before(runs[first_run], first_offset)
    between = runs[first_run + 1 : last_run]
    return [first, *between, last]


def _plain(run: Run) -> bool:
    """A run of text only (one w:t, perhaps with properties): the only kind that is split."""
    children = [c for c in run.element if c.tag != _W_RPR]
    return len(children) == 1 and children[0].tag == _W_T


def _split_before(run: Run, offset: int) -> Run:
    """Split `run` at `offset`; the part from `offset` on, as a run (the whole run when it cannot be)."""
    text = run.text
    if offset <= 0 or offset >= len(text) or not _plain(run):
        return run
    head = copy.deepcopy(run.element)
    _set_text(head, text[:offset])
    run.element.addprevious(head)
    _set_text(run.element, text[offset:])
    return run


def _split_after(run: Run, offset: int) -> Run:
    """Split `run` at `offset`; the part before `offset`, as a run."""
    text = run.text
    if offset <= 0 or offset >= len(text) or not _plain(run):
        return run
    tail = copy.deepcopy(run.element)
    _set_text(tail, text[offset:])
    run.element.addnext(tail)
    _set_text(run.element, text[:offset])
    return run


def _set_text(r: BaseOxmlElement, text: str) -> None:
    t = r.find(_W_T)
    t.text = text
    if re.search(r"^\s|\s$", text):
        t.set(qn("xml:space"), "preserve")
