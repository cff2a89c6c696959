"""The letter body as a small, immutable block/run model, parsed from CommonMark.

Both the .docx exporter and the GUI's live preview lay out this model, so what the writer sees in
the preview is what the signatory gets in Word. The model is deliberately smaller than Markdown:
a letter needs paragraphs, emphasis, links, lists, quotes, hard line breaks and footnotes; the rest
of CommonMark (headings, code, raw HTML, images, rules) is kept readable rather than dropped, so no
text the writer typed ever disappears from the letter.

Shape of the model (all classes are frozen dataclasses, safe to share between threads)::

    Body
      blocks:    tuple[Block, ...]         Block = Paragraph | ListBlock | Quote | Heading | CodeBlock | Rule
      footnotes: tuple[Footnote, ...]      numbered 1, 2, 3 ... in order of first reference

    Paragraph(runs)                         runs: tuple[Inline, ...]
    ListBlock(ordered, start, items)        items: tuple[ListItem, ...]; ListItem(blocks) nests any Block
    Quote(blocks)
    Heading(level, runs)                    shown as a bold paragraph in a letter
    CodeBlock(text)                         shown in a monospace font
    Rule()                                  a thematic break

    Inline = Text | LineBreak | FootnoteRef
    Text(text, bold, italic, code, href)    href is the link target when the text is part of a link
    LineBreak()                             a hard line break inside a paragraph
    FootnoteRef(number)                     the footnote `Body.footnotes[number - 1]`

Parsing uses markdown-it-py's "commonmark" preset with mdit-py-plugins' footnote plugin; linkify is
off so bare words are never turned into links behind the writer's back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeAlias

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin


@dataclass(frozen=True, slots=True)
class Text:
    """A stretch of text with one set of character properties."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break (two trailing spaces or a backslash at the end of a line)."""


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote mark; `number` is 1-based and indexes `Body.footnotes`."""

    number: int


Inline: TypeAlias = Text | LineBreak | FootnoteRef


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    runs: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A thematic break (`---`)."""


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bullet list (`ordered=False`) or a numbered list starting at `start`."""

    ordered: bool
    start: int
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    blocks: tuple[Block, ...]


Block: TypeAlias = Paragraph | ListBlock | Quote | Heading | CodeBlock | Rule


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote's content; `label` is the writer's label (`[^label]`), kept for round trips."""

    number: int
    label: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = field(default=())

    def plain_text(self) -> str:
        """The body's text, one line per paragraph; handy for previews, search snippets and tests."""
        return "\n".join(_block_lines(self.blocks))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"linkify": False}).use(footnote_plugin)


def parse_body(markdown: str) -> Body:
    """Parse a letter body written in CommonMark (with `[^n]` footnotes) into the model."""
    root = SyntaxTreeNode(_parser().parse(markdown))
    numbers: dict[int, int] = {}
    blocks: list[Block] = []
    footnote_nodes: dict[int, SyntaxTreeNode] = {}
    for node in root.children:
        if node.type == "footnote_block":
            for fn in node.children:
                footnote_nodes[int(fn.meta["id"])] = fn
        else:
            blocks.extend(_blocks(node, numbers))
    footnotes: list[Footnote] = []
    # Footnote definitions may themselves hold references, which can add numbers as we go.
    done: set[int] = set()
    while len(done) < len(numbers):
        for plugin_id, number in sorted(numbers.items(), key=lambda kv: kv[1]):
            if plugin_id in done:
                continue
            done.add(plugin_id)
            fn_node = footnote_nodes.get(plugin_id)
            label = str(fn_node.meta.get("label", number)) if fn_node is not None else str(number)
            content: list[Block] = []
            if fn_node is not None:
                for child in fn_node.children:
                    content.extend(_blocks(child, numbers))
            footnotes.append(Footnote(number=number, label=label, blocks=tuple(content)))
    footnotes.sort(key=lambda f: f.number)
    return Body(blocks=tuple(blocks), footnotes=tuple(footnotes))


def _blocks(node: SyntaxTreeNode, numbers: dict[int, int]) -> list[Block]:
    kind = node.type
    if kind == "paragraph":
        return [Paragraph(_inlines(node, numbers))]
    if kind == "heading":
        return [Heading(int(node.tag[1:]) if node.tag[1:].isdigit() else 1, _inlines(node, numbers))]
    if kind in ("bullet_list", "ordered_list"):
        start = node.attrs.get("start", 1)
        items = tuple(
            ListItem(tuple(b for child in item.children for b in _blocks(child, numbers)))
            for item in node.children
        )
        return [ListBlock(ordered=kind == "ordered_list", start=int(start), items=items)]
    if kind == "blockquote":
        return [Quote(tuple(b for child in node.children for b in _blocks(child, numbers)))]
    if kind in ("code_block", "fence"):
        return [CodeBlock(node.content.rstrip("\n"))]
    if kind == "html_block":
        # Raw HTML is shown as typed: a letter must never silently lose text.
        text = node.content.rstrip("\n")
        return [Paragraph((Text(text),))] if text else []
    if kind == "hr":
        return [Rule()]
    if kind == "inline":
        return [Paragraph(_inlines_of(node, numbers))]
    return []


def _inlines(node: SyntaxTreeNode, numbers: dict[int, int]) -> tuple[Inline, ...]:
    runs: list[Inline] = []
    for child in node.children:
        if child.type == "inline":
            runs.extend(_inlines_of(child, numbers))
    return merge_runs(runs)


def _inlines_of(inline: SyntaxTreeNode, numbers: dict[int, int]) -> tuple[Inline, ...]:
    return merge_runs(list(_walk(inline.children, Text(""), numbers)))


def _walk(nodes: list[SyntaxTreeNode], style: Text, numbers: dict[int, int]) -> Iterator[Inline]:
    for node in nodes:
        kind = node.type
        if kind in ("text", "text_special"):
            yield replace(style, text=node.content)
        elif kind == "code_inline":
            yield replace(style, text=node.content, code=True)
        elif kind == "html_inline":
            yield replace(style, text=node.content)
        elif kind == "softbreak":
            yield replace(style, text=" ")
        elif kind == "hardbreak":
            yield LineBreak()
        elif kind == "em":
            yield from _walk(node.children, replace(style, italic=True), numbers)
        elif kind == "strong":
            yield from _walk(node.children, replace(style, bold=True), numbers)
        elif kind == "link":
            href = str(node.attrs.get("href", "")) or None
            yield from _walk(node.children, replace(style, href=href), numbers)
        elif kind == "image":
            # An image cannot travel in a letter body; its description does.
            yield from _walk(node.children, style, numbers)
        elif kind == "footnote_ref":
            plugin_id = int(node.meta["id"])
            number = numbers.setdefault(plugin_id, len(numbers) + 1)
            yield FootnoteRef(number)
        elif node.children:
            yield from _walk(node.children, style, numbers)


def merge_runs(runs: Iterable[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring text runs that look the same, and drop empty ones.

    The texts of a stretch of alike runs are joined once at its end: adding each to the text so far
    copied that text every time, which made a long paragraph of many lines or escapes quadratic.
    """
    merged: list[Inline] = []
    last: Text | None = None
    texts: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            if not run.text:
                continue
            if last is not None and _same_look(last, run):
                texts.append(run.text)
                continue
            if last is not None:
                merged.append(_joined(last, texts))
            last, texts = run, [run.text]
            continue
        if last is not None:
            merged.append(_joined(last, texts))
            last, texts = None, []
        merged.append(run)
    if last is not None:
        merged.append(_joined(last, texts))
    return tuple(merged)


def _same_look(a: Text, b: Text) -> bool:
    return a.bold == b.bold and a.italic == b.italic and a.code == b.code and a.href == b.href


def _joined(first: Text, texts: list[str]) -> Text:
    return first if len(texts) == 1 else replace(first, text="".join(texts))


def runs_text(runs: tuple[Inline, ...]) -> str:
    """The visible text of some runs; a line break becomes a newline, a footnote its number."""
    parts: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            parts.append(run.text)
        elif isinstance(run, LineBreak):
            parts.append("\n")
        else:
            parts.append(str(run.number))
    return "".join(parts)


def _block_lines(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield runs_text(block.runs)
        elif isinstance(block, CodeBlock):
            yield block.text
        elif isinstance(block, ListBlock | Quote):
            inner = block.items if isinstance(block, ListBlock) else (ListItem(block.blocks),)
            for item in inner:
                yield from _block_lines(item.blocks)
