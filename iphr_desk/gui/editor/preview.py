"""The whole letter as it will be exported, in a read-only pane.

Built from the same pieces as the .docx: `core.protocol.compute_frame` for everything around the
body (under the letterhead's house style) and `core.richtext.parse_body` for the body, so the
preview cannot show a salutation or a list the exporter would not write.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtWidgets import QTextBrowser, QWidget

from iphr_desk.core.errors import IphrError
from iphr_desk.core.export.letterhead import Letterhead, load_letterhead
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


class PreviewPane(QTextBrowser):
    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._heads: dict[str | None, Letterhead] = {}
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("Preview of the exported letter"))

    def _letterhead(self, name: str | None) -> Letterhead:
        """Each letterhead is read once per pane, not on every refresh while the writer types."""
        if name not in self._heads:
            self._heads[name] = load_letterhead(name, self._data_dir)
        return self._heads[name]

    def show_letter(self, letter: Letter, recipient_index: int = 0) -> None:
        """Show `letter` as sent to recipient number `recipient_index`."""
        single = letter.for_recipient(min(recipient_index, len(letter.recipients) - 1))
        try:
            head = self._letterhead(letter.letterhead)
            frame = compute_frame(single, head.style())
        except IphrError as exc:
            self._show(f"<p style='color:#a00'>{escape(str(exc))}</p>")
            return
        self._show(letter_html(frame, parse_body(letter.body), head))

    def _show(self, html: str) -> None:
        """Replace the content but keep the reader's place: the preview follows typing every 300 ms."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(min(position, bar.maximum()))


def letter_html(frame: Frame, body: Body, head: Letterhead | None) -> str:
    parts: list[str] = ["<div style='font-size:11pt'>"]
    if head is not None:
        org = head.organisation
        lines = [f"<b>{escape(org.name)}</b>", *map(escape, org.address_lines)]
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
    signatures = ["<br>".join(escape(line) for line in sig.lines) for sig in frame.signatures]
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
