"""Lays the body model (`core.richtext`) out as WordprocessingML paragraphs.

The same writer fills the document body, table cells and footnotes: a `Story` says where new
paragraphs go and which part owns their relationships (a hyperlink inside a footnote must be a
relationship of the footnotes part, not of the document).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from iphr_desk.core.export.docx.footnotes import Footnotes
from iphr_desk.core.export.docx.hyperlinks import new_hyperlink
from iphr_desk.core.export.docx.numbering import HANGING, Numbering, level_indent
from iphr_desk.core.export.docx.ooxml import (
    W_BR,
    W_P,
    W_R,
    W_VAL,
    append_text,
    new_run,
    ppr_child,
    rpr,
    rpr_child,
    set_indent,
    set_numbering,
    set_paragraph_style,
    set_spacing_after,
)
from iphr_desk.core.export.docx.styles import StyleIds
from iphr_desk.core.letters.richtext import (
    Block,
    Body,
    CodeBlock,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Text,
)

LIST_END_SPACE = 160  # twips (8 pt), the body paragraph's own space after
QUOTE_INDENT = 567  # twips (1 cm) per quote level beyond the style's own indent
MONOSPACE = "Courier New"
_MONOSPACE_FONTS = {qn(f"w:{slot}"): MONOSPACE for slot in ("ascii", "hAnsi", "cs")}
_R_FONTS = qn("w:rFonts")
_BOLD = (qn("w:b"), qn("w:bCs"))
_ITALIC = (qn("w:i"), qn("w:iCs"))


@dataclass(frozen=True)
class Story:
    """Where paragraphs go (`new_paragraph` appends one) and the part that owns relationships."""

    part: Part
    new_paragraph: Callable[[], CT_P]
    in_footnote: bool = False


@dataclass(frozen=True)
class _Context:
    style_role: str = "body"
    quote_depth: int = 0
    list_depth: int = -1


class BodyWriter:
    """Writes one letter body; footnotes go to the shared `Footnotes` part as they are met."""

    def __init__(self, styles: StyleIds, numbering: Numbering, footnotes: Footnotes, body: Body) -> None:
        self._styles = styles
        self._numbering = numbering
        self._footnotes = footnotes
        self._body = body
        self._last: CT_P | None = None

    def write(self, story: Story) -> None:
        self._blocks(story, self._body.blocks, _Context())

    def _blocks(self, story: Story, blocks: tuple[Block, ...], ctx: _Context) -> None:
        for block in blocks:
            self._block(story, block, ctx)

    def _block(self, story: Story, block: Block, ctx: _Context) -> CT_P | None:
        if isinstance(block, Paragraph):
            return self._paragraph(story, block.runs, ctx.style_role, ctx)
        if isinstance(block, Heading):
            role = "heading" if ctx.style_role == "body" else ctx.style_role
            return self._paragraph(story, block.runs, role, ctx)
        if isinstance(block, CodeBlock):
            p = self._paragraph(story, (), "code", ctx)
            run = new_run()
            _monospace(run)
            append_text(run, block.text)
            p.append(run)
            return p
        if isinstance(block, Rule):
            p = self._paragraph(story, (Text("*\u2003*\u2003*"),), ctx.style_role, ctx)
            ppr_child(p, "w:jc").set(W_VAL, "center")
            return p
        if isinstance(block, Quote):
            inner = _Context("quote", ctx.quote_depth + 1, ctx.list_depth)
            self._blocks(story, block.blocks, inner)
            return None
        self._list(story, block, ctx)
        return None

    def _list(self, story: Story, block: ListBlock, ctx: _Context) -> None:
        depth = min(ctx.list_depth + 1, 8)
        num_id = self._numbering.new_list(block.ordered, block.start, depth)
        inner = _Context("list", ctx.quote_depth, depth)
        # Inside a quotation the list moves right with the quoted text.
        shift = ctx.quote_depth * QUOTE_INDENT
        for item in block.items:
            first = True
            for child in item.blocks or (Paragraph(()),):
                if first and not isinstance(child, Paragraph | Heading | CodeBlock):
                    p = self._paragraph(story, (), inner.style_role, inner)
                    self._number(p, num_id, depth, shift)
                    first = False
                p_or_none = self._block(story, child, inner)
                if p_or_none is None:
                    continue
                if first:
                    self._number(p_or_none, num_id, depth, shift)
                    first = False
                else:
                    set_indent(p_or_none, level_indent(depth) + shift)
        if ctx.list_depth < 0 and self._last is not None and not story.in_footnote:
            # List items sit close together; the list as a whole keeps a body paragraph's gap.
            set_spacing_after(self._last, LIST_END_SPACE)

    @staticmethod
    def _number(p: CT_P, num_id: int, depth: int, shift: int) -> None:
        set_numbering(p, num_id, depth)
        if shift:
            set_indent(p, level_indent(depth) + shift, hanging=HANGING)

    def _paragraph(self, story: Story, runs: tuple[Inline, ...], role: str, ctx: _Context) -> CT_P:
        p = story.new_paragraph()
        self._last = p
        set_paragraph_style(p, self._styles["footnote_text"] if story.in_footnote else self._styles[role])
        if ctx.quote_depth > 1 and ctx.list_depth < 0:
            set_indent(p, ctx.quote_depth * QUOTE_INDENT)
        self.inlines(story, p, runs)
        if _right_to_left(runs):
            ppr_child(p, "w:bidi")
        return p

    def inlines(self, story: Story, p: CT_P | BaseOxmlElement, runs: tuple[Inline, ...]) -> None:
        """Append `runs` to paragraph `p`; links become `w:hyperlink`, footnote marks footnotes."""
        link: BaseOxmlElement | None = None
        link_href: str | None = None
        for run in runs:
            if isinstance(run, Text) and run.href:
                if link is None or link_href != run.href:
                    link, link_href = new_hyperlink(story.part, run.href), run.href
                    p.append(link)
                link.append(self._text_run(run))
                continue
            link, link_href = None, None
            if isinstance(run, Text):
                p.append(self._text_run(run))
            elif isinstance(run, LineBreak):
                etree.SubElement(etree.SubElement(p, W_R), W_BR)
            elif isinstance(run, FootnoteRef):
                p.append(self._footnote(story, run))

    def _text_run(self, run: Text) -> BaseOxmlElement:
        r = new_run(style_id=self._styles["hyperlink"] if run.href else None)
        if run.bold or run.italic or run.code:
            properties = rpr(r)  # a new run: its properties are added in schema order
            if run.code:
                etree.SubElement(properties, _R_FONTS, _MONOSPACE_FONTS)
            # The complex-script twins (bCs, iCs) make Arabic and Hebrew bold/italic as well.
            if run.bold:
                for tag in _BOLD:
                    etree.SubElement(properties, tag)
            if run.italic:
                for tag in _ITALIC:
                    etree.SubElement(properties, tag)
        if run.text:
            append_text(r, run.text)
        return r

    def _footnote(self, story: Story, ref: FootnoteRef) -> BaseOxmlElement:
        if story.in_footnote:
            # Word cannot nest footnotes: a mark inside a footnote stays a superscript number.
            r = new_run(str(ref.number))
            rpr_child(r, "w:vertAlign").set(W_VAL, "superscript")
            return r
        footnote_id, container = self._footnotes.add()
        notes = self._body.footnotes
        content = notes[ref.number - 1].blocks if ref.number <= len(notes) else ()

        def new_p() -> CT_P:
            p: CT_P = etree.SubElement(container, W_P)
            return p

        inner = Story(self._footnotes.part, new_p, in_footnote=True)
        self._blocks(inner, content or (Paragraph(()),), _Context())
        first = container.find(qn("w:p"))
        if first is not None:
            ppr = first.find(qn("w:pPr"))
            at = 1 if ppr is not None else 0
            first.insert(at, self._footnotes.mark_run())
            first.insert(at + 1, new_run(" "))
        return self._footnotes.reference_run(footnote_id)


def _right_to_left(runs: tuple[Inline, ...]) -> bool:
    """Whether the paragraph's first strong character is right-to-left (Arabic, Hebrew...)."""
    for run in runs:
        if isinstance(run, Text):
            for ch in run.text:
                kind = unicodedata.bidirectional(ch)
                if kind in ("R", "AL"):
                    return True
                if kind == "L":
                    return False
    return False


def _monospace(run: BaseOxmlElement) -> None:
    fonts = rpr_child(run, "w:rFonts")
    for name, value in _MONOSPACE_FONTS.items():
        fonts.set(name, value)
