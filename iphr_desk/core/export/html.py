"""The letter as HTML: the preview pane's renderer, and an export format of its own (`-o letter.html`).

Built from the same pieces as the .docx: `protocol.frame` for everything around the body (under the
letterhead's house style) and `letters.richtext` for the body, so neither the preview nor an HTML copy can
show a salutation or a list the Word document would not hold. Plain HTML 4 tags and inline styles only:
Qt's rich-text engine (the preview) renders no more than that.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from iphr_desk.core.export.letterhead import Letterhead, load_letterhead
from iphr_desk.core.export.signature_images import attach_images, image_html, keep_images
from iphr_desk.core.letters.letter import Letter
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
    parse_body,
)
from iphr_desk.core.protocol.address import compute_frame
from iphr_desk.core.protocol.frame import Frame
from iphr_desk.core.protocol.housestyle import HouseStyle
from iphr_desk.core.protocol.typography import typeset_body, typeset_frame


def export_html(
    letter: Letter,
    output: Path,
    *,
    letterhead: Letterhead | None = None,
    data_dir: Path | None = None,
    warnings: list[str] | None = None,
) -> Path:
    """Write a single-recipient `letter` as a standalone HTML page (UTF-8) at `output`."""
    from iphr_desk.core.safewrite import write_bytes_atomically

    head = letterhead or load_letterhead(letter.letterhead, data_dir)
    frame = attach_images(compute_frame(letter, head.style()), letter.signature_images)
    title = escape(letter.subject)
    body = letter_html(frame, parse_body(letter.body), head)
    page = (
        f"<!DOCTYPE html>\n<html lang='{escape(letter.language)}'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body>{body}</body></html>\n"
    )
    return write_bytes_atomically(output, page.encode("utf-8"), example="letter.html")


def letter_html(frame: Frame, body: Body, head: Letterhead | None) -> str:
    """The letter as HTML, typeset like the .docx (typography.py): the preview shows the spaces and
    apostrophes the signatory will get, while the text being edited keeps what the writer typed."""
    style = head.style() if head is not None else HouseStyle.default()
    frame = keep_images(typeset_frame(frame, style), frame)
    body = typeset_body(body, frame.language, style)
    parts: list[str] = ["<div style='font-size:11pt'>"]
    if head is not None:
        org = head.organisation
        lines = [f"<b>{escape(org.name)}</b>", *map(escape, org.address_for(frame.language))]
        if org.website:
            lines.append(escape(org.website))
        parts.append(f"<p align='right' style='color:#555; font-size:9pt'>{'<br>'.join(lines)}</p><hr>")
    block = [escape(line) for line in frame.address_lines]
    if frame.attention_line:
        block.insert(0, escape(frame.attention_line))
    parts.append(f"<p>{'<br>'.join(block)}</p>")
    parts.append(f"<p align='right'>{escape(frame.date_line)}</p>")
    parts.append(f"<p><b>{escape(frame.subject_line)}</b></p>")
    parts.append(f"<p>{escape(frame.salutation)}</p>")
    parts.append(blocks_html(body.blocks))
    parts.append(f"<p>{escape(frame.closing)}</p>")
    signatures = [
        (image_html(sig.image) + "<br>" if sig.image else "")
        + "<br>".join(escape(line) for line in sig.lines)
        for sig in frame.signatures
    ]
    if signatures:
        cells = "".join(f"<td style='padding-right:24px'>{sig}</td>" for sig in signatures)
        parts.append(f"<br><br><table><tr>{cells}</tr></table>")
    if frame.cc_lines:
        label = escape(frame.cc_label) + "<br>" if frame.cc_label else ""
        parts.append(f"<p style='font-size:9pt'>{label}{'<br>'.join(escape(c) for c in frame.cc_lines)}</p>")
    if body.footnotes:
        parts.append("<hr width='30%' align='left'>")
        for note in body.footnotes:
            inner = blocks_html(note.blocks).replace("<p>", "", 1).replace("</p>", "", 1)
            parts.append(f"<p style='font-size:9pt'><sup>{note.number}</sup> {inner}</p>")
    parts.append("</div>")
    return "".join(parts)


def blocks_html(blocks: Iterable[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{runs_html(block.runs)}</p>")
        elif isinstance(block, Heading):
            out.append(f"<p><b>{runs_html(block.runs)}</b></p>")
        elif isinstance(block, CodeBlock):
            out.append(f"<pre>{escape(block.text)}</pre>")
        elif isinstance(block, Rule):
            out.append("<hr>")
        elif isinstance(block, Quote):
            out.append(f"<blockquote>{blocks_html(block.blocks)}</blockquote>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f" start='{block.start}'" if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{_item_html(item.blocks)}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
    return "".join(out)


def _item_html(blocks: tuple[Block, ...]) -> str:
    html = blocks_html(blocks)
    if html.startswith("<p>"):  # keep a tight item on one line
        html = html[3:].replace("</p>", "", 1)
    return html


def runs_html(runs: Iterable[Inline]) -> str:
    out: list[str] = []
    for run in runs:
        if isinstance(run, LineBreak):
            out.append("<br>")
        elif isinstance(run, FootnoteRef):
            out.append(f"<sup>{run.number}</sup>")
        elif isinstance(run, Text):
            text = escape(run.text)
            if run.code:
                text = f"<code>{text}</code>"
            if run.italic:
                text = f"<i>{text}</i>"
            if run.bold:
                text = f"<b>{text}</b>"
            if run.href:
                text = f"<a href='{escape(run.href, quote=True)}'>{text}</a>"
            out.append(text)
    return "".join(out)
