"""A reviewed .docx read back: identity, body as Markdown, head and foot, tracked changes, comments.

What the exporter leaves to find things by: every part of the letter has its own paragraph style
("IPHR Address", "IPHR Salutation", "IPHR Body", "IPHR Closing"...; `export.docx.styles`), found by
name because Word and LibreOffice keep style names (ids may be renamed or localised). The head is
everything up to the salutation, the body what lies between it and the closing; the provenance is in
the custom document properties (`review_model.LETTER_PROPERTY`...).

Tracked changes (ECMA-376 Part 1, 17.13.5) are read as accepted: `w:ins` and `w:moveTo` kept, `w:del`
and `w:moveFrom` dropped, a run's `w:rPrChange` ignored (the run's own properties are the new ones), a
deleted paragraph mark joins its paragraph to the next. Each is recorded with its author and date.
Comments (17.13.4) come with their anchored text (between `w:commentRangeStart` and `w:commentRangeEnd`,
or the paragraph holding the reference); `commentsExtended` (MS-DOCX 2.5.2) makes replies and marks
threads done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from iphr_desk.core.exchange.docx_markdown import Para, Span, body_markdown
from iphr_desk.core.exchange.docx_parts import DocxParts
from iphr_desk.core.exchange.docx_xml import MC, R, parse_date, w
from iphr_desk.core.exchange.review_model import (
    LETTER_PROPERTY,
    RECIPIENT_PROPERTY,
    REVISION_ID_PROPERTY,
    REVISION_PROPERTY,
    HeaderFields,
    Provenance,
    ReviewComment,
    ReviewedDocument,
    TrackedChange,
)

_CUSTOM: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"


#: Paragraph style names (casefolded) -> the part of the letter.
STYLE_ROLES: Final = {
    "iphr attention": "attention",
    "iphr address": "address",
    "iphr date": "date",
    "iphr subject": "subject",
    "iphr salutation": "salutation",
    "iphr body": "body",
    "iphr heading": "heading",
    "iphr quote": "quote",
    "iphr list": "list",
    "iphr code": "code",
    "iphr closing": "closing",
    "iphr signature": "signature",
    "iphr signature detail": "signature",
    "iphr cc": "cc",
}
HEAD_ROLES: Final = frozenset({"attention", "address", "date", "subject", "salutation"})
FOOT_ROLES: Final = frozenset({"closing", "signature", "cc"})
_OFF: Final = frozenset({"0", "false", "off", "none"})
_DESCEND: Final = frozenset(
    w(t) for t in ("smartTag", "customXml", "sdtContent", "bdo", "dir", "fldSimple", "ins", "moveTo")
)
_SKIP: Final = frozenset(w(t) for t in ("del", "moveFrom", "pPr", "proofErr", "bookmarkStart", "bookmarkEnd"))
_HYPERLINK_FIELD: Final = re.compile(r'^\s*HYPERLINK\s+"([^"]*)"', re.IGNORECASE)


@dataclass
class _Style:
    name: str
    kind: str
    based_on: str | None
    bold: bool | None
    italic: bool | None


@dataclass
class _Walk:
    """State of one story's walk: changes met, open comment ranges and field state."""

    changes: list[TrackedChange] = field(default_factory=list)
    open_ranges: set[str] = field(default_factory=set)
    anchors: dict[str, list[str]] = field(default_factory=dict)
    references: dict[str, Para] = field(default_factory=dict)
    field_state: list[str] = field(default_factory=list)  # per open field: "code" | "result"
    field_href: list[str | None] = field(default_factory=list)
    field_code: list[str] = field(default_factory=list)
    change_part: str = "body"
    para_changes: list[tuple[Para, TrackedChange]] = field(default_factory=list)


def read_reviewed_file(path: Path) -> ReviewedDocument:
    return read_reviewed(DocxParts.open(path))


def read_reviewed_bytes(data: bytes, source: str) -> ReviewedDocument:
    return read_reviewed(DocxParts(data, source))


def read_reviewed(parts: DocxParts) -> ReviewedDocument:
    return _Reader(parts).read()


def read_provenance(parts: DocxParts) -> Provenance | None:
    """The letter and revision the file was exported from, or None (a file export, or not ours)."""
    name = parts.related("", "/custom-properties")
    root = parts.xml(name) if name else None
    if root is None:
        return None
    values: dict[str, str] = {}
    for prop in root.iter(f"{{{_CUSTOM}}}property"):
        texts = [child.text or "" for child in prop]
        values[prop.get("name", "")] = texts[0].strip() if texts else ""
    letter, revision = values.get(LETTER_PROPERTY), values.get(REVISION_PROPERTY)
    if not letter or not revision:
        return None
    revision_id = values.get(REVISION_ID_PROPERTY, "")
    recipient = values.get(RECIPIENT_PROPERTY, "")
    return Provenance(
        letter_uuid=letter,
        revision_uuid=revision,
        revision_id=int(revision_id) if revision_id.isdigit() else None,
        recipient=int(recipient) if recipient.isdigit() else 0,
    )


class _Reader:
    def __init__(self, parts: DocxParts) -> None:
        self.parts = parts
        main = parts.main_part()
        assert main is not None  # DocxParts refuses a package without one
        self.main = main
        self.document = parts.xml(main)
        self.rels = parts.relationships(main)
        self.styles = self._read_styles()
        self.numbering = self._read_numbering()
        self.walk = _Walk()

    # ------------------------------------------------------------------ styles and numbering

    def _read_styles(self) -> dict[str, _Style]:
        name = self.parts.related(self.main, "/styles")
        root = self.parts.xml(name) if name else None
        styles: dict[str, _Style] = {}
        self.language: str | None = None
        if root is None:
            return styles
        lang = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
        if lang is not None and lang.get(w("val")):
            self.language = lang.get(w("val"), "")[:2].lower()
        for style in root.iter(w("style")):
            ident = style.get(w("styleId"), "")
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            rpr = style.find(w("rPr"))
            styles[ident] = _Style(
                name=(name_el.get(w("val"), "") if name_el is not None else ident),
                kind=style.get(w("type"), "paragraph"),
                based_on=based.get(w("val")) if based is not None else None,
                bold=_toggle(rpr, "b"),
                italic=_toggle(rpr, "i"),
            )
        return styles

    def _style_flag(self, style_id: str | None, flag: str) -> bool:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return False
            value = getattr(style, flag)
            if value is not None:
                return bool(value)
            style_id = style.based_on
        return False

    def _read_numbering(self) -> dict[tuple[str, int], tuple[bool, int]]:
        """(numId, level) -> (ordered, start)."""
        name = self.parts.related(self.main, "/numbering")
        root = self.parts.xml(name) if name else None
        found: dict[tuple[str, int], tuple[bool, int]] = {}
        if root is None:
            return found
        abstract: dict[str, dict[int, tuple[bool, int]]] = {}
        for item in root.iter(w("abstractNum")):
            levels: dict[int, tuple[bool, int]] = {}
            for lvl in item.iter(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                start = lvl.find(w("start"))
                kind = fmt.get(w("val"), "decimal") if fmt is not None else "decimal"
                value = start.get(w("val"), "1") if start is not None else "1"
                levels[_int(lvl.get(w("ilvl")))] = (kind not in ("bullet", "none"), _int(value, 1))
            abstract[item.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = dict(abstract.get(ref.get(w("val"), "") if ref is not None else "", {}))
            for override in num.iter(w("lvlOverride")):
                start = override.find(w("startOverride"))
                level = _int(override.get(w("ilvl")))
                if start is not None and level in levels:
                    levels[level] = (levels[level][0], _int(start.get(w("val")), 1))
            for level, value in levels.items():
                found[(num.get(w("numId"), ""), level)] = value
        return found

    # ------------------------------------------------------------------ the walk

    def read(self) -> ReviewedDocument:
        body = self.document.find(w("body")) if self.document is not None else None
        paragraphs: list[Para] = []
        if body is not None:
            # A table's paragraphs are read in order: the signature table's carry the signature styles,
            # and a table a reviewer put in the body stays body text.
            for p in self._paragraph_elements(body):
                paragraphs.append(self._paragraph(p))
        paragraphs = _join_deleted_marks(paragraphs)
        footnotes = self._footnotes()
        head, body_paras, foot, found = _split(paragraphs)
        for para, change in self.walk.para_changes:
            part = para.role if para.role in HEAD_ROLES | FOOT_ROLES else "body"
            if para in body_paras:
                part = "body"
            self.walk.changes.append(
                TrackedChange(change.kind, change.author, change.date, change.text, part)
            )
        self.walk.changes.sort(key=lambda c: c.date or dt.datetime.min.replace(tzinfo=dt.UTC))
        comments = self._comments()
        header = HeaderFields(
            attention_line=_joined(p for p in head if p.role == "attention") or None,
            address_lines=tuple(p.text.strip() for p in head if p.role == "address" and p.text.strip()),
            date_line=_joined(p for p in head if p.role == "date") or None,
            subject_line=_joined(p for p in head if p.role == "subject") or None,
            salutation=_joined(p for p in head if p.role == "salutation") if found else None,
            closing=_joined(p for p in foot if p.role == "closing") if found else None,
            signature_lines=tuple(p.text.strip() for p in foot if p.role == "signature" and p.text.strip()),
            cc_lines=tuple(p.text.strip() for p in foot if p.role == "cc" and p.text.strip()),
        )
        return ReviewedDocument(
            provenance=read_provenance(self.parts),
            body_markdown=body_markdown(body_paras, footnotes),
            header=header,
            changes=tuple(self.walk.changes),
            comments=comments,
            language=self.language,
            found_markers=found,
        )

    def _paragraph_elements(self, container: etree._Element) -> Iterator[etree._Element]:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                yield child
            elif tag == w("tbl"):
                for row in child.findall(w("tr")):
                    for cell in row.findall(w("tc")):
                        yield from self._paragraph_elements(cell)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._paragraph_elements(content)
            elif tag in (w("customXml"), w("ins"), w("moveTo")):
                yield from self._paragraph_elements(child)

    def _paragraph(self, p: etree._Element) -> Para:
        ppr = p.find(w("pPr"))
        style_id = None
        para = Para(role="body")
        if ppr is not None:
            pstyle = ppr.find(w("pStyle"))
            style_id = pstyle.get(w("val")) if pstyle is not None else None
            num = ppr.find(w("numPr"))
            if num is not None:
                num_id = num.find(w("numId"))
                ilvl = num.find(w("ilvl"))
                ident = num_id.get(w("val"), "") if num_id is not None else ""
                if ident and ident != "0":
                    para.num_id = ident
                    para.level = _int(ilvl.get(w("val")) if ilvl is not None else "0")
                    para.ordered, para.start = self.numbering.get((ident, para.level), (False, 1))
            ind = ppr.find(w("ind"))
            if ind is not None:
                para.indent = _int(ind.get(w("left")) or ind.get(w("start")))
            mark = ppr.find(f"{w('rPr')}/{w('del')}")
            para.mark_deleted = mark is not None
            for tag, kind in (("ins", "paragraph"), ("del", "paragraph")):
                change = ppr.find(f"{w('rPr')}/{w(tag)}")
                if change is not None:
                    what = "new paragraph" if tag == "ins" else "paragraphs joined"
                    self._record(para, change, kind, what)
            change = ppr.find(w("pPrChange"))
            if change is not None:
                self._record(para, change, "formatting", "paragraph formatting")
        style = self.styles.get(style_id or "")
        if style is not None:
            para.role = STYLE_ROLES.get(style.name.casefold(), "body")
        if para.num_id is None and para.role == "list" and para.indent == 0:
            para.role = "body"
        self._inlines(p, para, {})
        return para

    def _record(self, para: Para | None, el: etree._Element, kind: str, text: str) -> None:
        if not text:
            return  # an empty w:ins or w:del (LibreOffice writes some around fields): nothing changed
        change = TrackedChange(kind, el.get(w("author"), ""), parse_date(el.get(w("date"))), text)
        if para is None:
            self.walk.changes.append(
                TrackedChange(kind, change.author, change.date, text, self.walk.change_part)
            )
        else:
            self.walk.para_changes.append((para, change))

    def _inlines(self, parent: etree._Element, para: Para, look: dict[str, str | None]) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                if tag in (w("del"), w("moveFrom")):
                    kind = "deletion" if tag == w("del") else "moved-from"
                    self._record(para, child, kind, _deleted_text(child))
                continue
            if tag == w("r"):
                self._run(child, para, look)
            elif tag == w("hyperlink"):
                href = None
                rel = self.rels.get(child.get(f"{{{R}}}id", ""))
                if rel is not None and rel[2]:
                    href = rel[1]
                elif child.get(w("anchor")):
                    href = "#" + child.get(w("anchor"), "")
                self._inlines(child, para, {**look, "href": href})
            elif tag in _DESCEND:
                if tag in (w("ins"), w("moveTo")):
                    kind = "insertion" if tag == w("ins") else "moved-to"
                    self._record(para, child, kind, _visible_text(child))
                if tag == w("fldSimple"):
                    found = _HYPERLINK_FIELD.match(child.get(w("instr"), ""))
                    self._inlines(child, para, {**look, "href": found.group(1)} if found else look)
                    continue
                self._inlines(child, para, look)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inlines(content, para, look)
            elif tag == w("commentRangeStart"):
                ident = child.get(w("id"), "")
                self.walk.open_ranges.add(ident)
                self.walk.anchors.setdefault(ident, [])
            elif tag == w("commentRangeEnd"):
                self.walk.open_ranges.discard(child.get(w("id"), ""))
            elif tag == f"{{{MC}}}AlternateContent":
                continue

    def _run(self, r: etree._Element, para: Para, look: dict[str, str | None]) -> None:
        rpr = r.find(w("rPr"))
        rstyle = None
        bold = italic = code = False
        if rpr is not None:
            style_el = rpr.find(w("rStyle"))
            rstyle = style_el.get(w("val")) if style_el is not None else None
            bold_direct, italic_direct = _toggle(rpr, "b"), _toggle(rpr, "i")
            bold = bold_direct if bold_direct is not None else self._style_flag(rstyle, "bold")
            italic = italic_direct if italic_direct is not None else self._style_flag(rstyle, "italic")
            fonts = rpr.find(w("rFonts"))
            code = fonts is not None and "courier" in (fonts.get(w("ascii")) or "").casefold()
            change = rpr.find(w("rPrChange"))
            if change is not None:
                self._record(para, change, "formatting", _visible_text(r))
        elif rstyle is None:
            bold = italic = False
        href = look.get("href")
        for item in r:
            tag = item.tag
            if tag == w("fldChar"):
                self._field_char(item.get(w("fldCharType"), ""))
                continue
            if tag == w("instrText"):
                if self.walk.field_code:
                    self.walk.field_code[-1] += item.text or ""
                continue
            if self.walk.field_state and self.walk.field_state[-1] == "code":
                continue
            field_href = next((h for h in reversed(self.walk.field_href) if h), None)
            own_href = href or field_href
            text = None
            if tag == w("t"):
                text = item.text or ""
            elif tag == w("tab") or tag == w("ptab"):
                text = "\t"
            elif tag == w("noBreakHyphen"):
                text = "\u2011"
            elif tag == w("sym"):
                code_point = item.get(w("char"), "")
                text = chr(int(code_point, 16)) if re.fullmatch(r"[0-9A-Fa-f]{2,4}", code_point) else ""
            elif tag in (w("br"), w("cr")):
                if item.get(w("type")) in (None, "textWrapping") or tag == w("cr"):
                    para.spans.append(Span(line_break=True))
                    self._anchor("\n")
                continue
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                prefix = "f" if tag == w("footnoteReference") else "e"
                para.spans.append(Span(footnote=prefix + item.get(w("id"), "")))
                continue
            elif tag == w("commentReference"):
                self.walk.references[item.get(w("id"), "")] = para
                continue
            if text:
                text = text.replace("\t", " ")
                para.spans.append(Span(text, bold, italic, code, own_href))
                self._anchor(text)

    def _anchor(self, text: str) -> None:
        for ident in self.walk.open_ranges:
            self.walk.anchors[ident].append(text)

    def _field_char(self, kind: str) -> None:
        walk = self.walk
        if kind == "begin":
            walk.field_state.append("code")
            walk.field_code.append("")
            walk.field_href.append(None)
        elif kind == "separate" and walk.field_state:
            walk.field_state[-1] = "result"
            found = _HYPERLINK_FIELD.match(walk.field_code[-1])
            walk.field_href[-1] = found.group(1) if found else None
        elif kind == "end" and walk.field_state:
            walk.field_state.pop()
            walk.field_code.pop()
            walk.field_href.pop()

    # ------------------------------------------------------------------ footnotes and comments

    def _footnotes(self) -> dict[str, list[Para]]:
        found: dict[str, list[Para]] = {}
        for prefix, kind, tag in (("f", "/footnotes", "footnote"), ("e", "/endnotes", "endnote")):
            name = self.parts.related(self.main, kind)
            root = self.parts.xml(name) if name else None
            if root is None:
                continue
            self.walk.change_part = "footnote"
            for note in root.iter(w(tag)):
                if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paras = []
                for p in note.iter(w("p")):
                    para = Para(role="body")
                    self._inlines(p, para, {})
                    paras.append(para)
                for para, change in self.walk.para_changes:
                    if para in paras:
                        self.walk.changes.append(
                            TrackedChange(change.kind, change.author, change.date, change.text, "footnote")
                        )
                self.walk.para_changes = [(p, c) for p, c in self.walk.para_changes if p not in paras]
                for para in paras:  # the reference mark and the space after it are not the note's text
                    while para.spans and not para.spans[0].text.strip() and not para.spans[0].footnote:
                        para.spans.pop(0)
                    if para.spans and para.spans[0].text:
                        para.spans[0] = Span(para.spans[0].text.lstrip(), *_look(para.spans[0]))
                found[prefix + note.get(w("id"), "")] = paras
        return found

    def _comments(self) -> tuple[ReviewComment, ...]:
        from iphr_desk.core.exchange.docx_comments import read_comments

        return read_comments(
            self.parts, self.main, self._comment_paragraph, self.walk.anchors, self.walk.references
        )

    def _comment_paragraph(self, p: etree._Element) -> Para:
        """A paragraph of a comment's own text (its tracked changes are not the letter's)."""
        para = Para(role="body")
        self._inlines(p, para, {})
        self.walk.para_changes = [(q, c) for q, c in self.walk.para_changes if q is not para]
        return para


def _look(span: Span) -> tuple[bool, bool, bool, str | None]:
    return span.bold, span.italic, span.code, span.href


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    if rpr is None:
        return None
    el = rpr.find(w(tag))
    if el is None:
        return None
    return (el.get(w("val")) or "true").casefold() not in _OFF


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _visible_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(w("t")))


def _deleted_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(w("delText"), w("t")))


def _joined(paras: Iterable[Para]) -> str:
    return " ".join(p.text.strip() for p in paras if p.text.strip())


def _join_deleted_marks(paragraphs: list[Para]) -> list[Para]:
    """A paragraph whose mark is deleted runs on into the next (which keeps its own properties)."""
    out: list[Para] = []
    carry: list[Span] = []
    for para in paragraphs:
        if carry:
            para.spans = carry + para.spans
            carry = []
        if para.mark_deleted:
            carry = para.spans
            continue
        out.append(para)
    if carry:
        out.append(Para(role="body", spans=carry))
    return out


def _split(paragraphs: list[Para]) -> tuple[list[Para], list[Para], list[Para], bool]:
    """(head, body, foot, whether the letter's styles were found). Without them all is body."""
    salutation = next((i for i, p in enumerate(paragraphs) if p.role == "salutation"), None)
    if salutation is None:
        heads = [i for i, p in enumerate(paragraphs) if p.role in HEAD_ROLES]
        if not heads:
            return [], paragraphs, [], False
        salutation = heads[-1]
    end = next(
        (i for i in range(salutation + 1, len(paragraphs)) if paragraphs[i].role in FOOT_ROLES),
        len(paragraphs),
    )
    return paragraphs[: salutation + 1], paragraphs[salutation + 1 : end], paragraphs[end:], True
