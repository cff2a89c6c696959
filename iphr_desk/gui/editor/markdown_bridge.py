"""The editor's QTextDocument to and from the stored CommonMark body, without Qt's own Markdown code.

Qt's `setMarkdown`/`toMarkdown` know no footnotes, escape `[^1]` and re-wrap lines, so the bridge goes
through the core's body model instead (`core.richtext.Body`): Markdown -> `parse_body` -> cursor inserts,
and a walk over blocks and fragments -> `Body` -> `body_markdown.render`. The preview and the .docx read
the same model, so what the editor stores is exactly what they show.

How the document holds what Markdown has (all properties are `QTextFormat.UserProperty + n`):
- bold, italic, links: ordinary char formats (font weight, italic, anchor href);
- inline code: `CODE_SPAN` on the char format (shown in a fixed-pitch font);
- footnotes: a superscript number whose char format carries the note's Markdown (`FOOTNOTE_TEXT`),
  the note's identity (`FOOTNOTE_KEY`, shared when one note is referenced twice) and a unique id per
  mark (`FOOTNOTE_ID`) so two neighbouring marks never merge into one fragment;
- hard line breaks: U+2028 inside a block;
- lists: QTextList (bullet or decimal), nesting depth in the list format (`LIST_DEPTH`); a further
  paragraph of a list item is a block outside the list with `LIST_CONTINUATION` = the item's depth;
- block quotes: `QUOTE_LEVEL` on the block format, shown with a left margin;
- headings (`headingLevel`), code blocks (`CODE_BLOCK`) and rules (`RULE`) so no stored text is lost.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
)

from iphr_desk.core.letters.body_markdown import normalise_runs, render, render_blocks
from iphr_desk.core.letters.richtext import (
    Block,
    Body,
    CodeBlock,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Text,
    parse_body,
)

_USER = int(QTextFormat.Property.UserProperty)
FOOTNOTE_TEXT = _USER + 1
FOOTNOTE_ID = _USER + 2
CODE_SPAN = _USER + 3
FOOTNOTE_KEY = _USER + 4
QUOTE_LEVEL = _USER + 10
LIST_CONTINUATION = _USER + 11
CODE_BLOCK = _USER + 12
RULE = _USER + 13
LIST_DEPTH = _USER + 20

LINE_SEPARATOR = "\u2028"
OBJECT_REPLACEMENT = "\ufffc"
INDENT_WIDTH = 24.0  # pixels per quote level / list continuation level
PARAGRAPH_SPACING = 8.0  # pixels below a paragraph, so the editor shows paragraphs as the letter will
MARKDOWN_MIME = "text/markdown"

_footnote_ids = itertools.count(1)


# Markdown -> document --------------------------------------------------------------------------------


def set_markdown(doc: QTextDocument, markdown: str) -> None:
    """Replace the document's content with the Markdown body (not undoable: a fresh load)."""
    doc.clear()
    fill_document(doc, parse_body(markdown))
    doc.clearUndoRedoStacks()
    doc.setModified(False)


def fill_document(doc: QTextDocument, body: Body) -> None:
    """Write `body` into an empty document."""
    _Writer(doc, body).write()


def document_from_markdown(markdown: str) -> QTextDocument:
    doc = QTextDocument()
    set_markdown(doc, markdown)
    return doc


class _Writer:
    def __init__(self, doc: QTextDocument, body: Body) -> None:
        self.cursor = QTextCursor(doc)
        self.first = True
        self.notes = {note.number: note for note in body.footnotes}
        self.keys = {note.number: next(_footnote_ids) for note in body.footnotes}
        self.body = body

    def write(self) -> None:
        self.cursor.beginEditBlock()
        self.blocks(self.body.blocks, quote=0, depth=0)
        self.cursor.endEditBlock()

    def new_block(self, fmt: QTextBlockFormat) -> None:
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(QTextCharFormat())
            self.first = False
        else:
            self.cursor.insertBlock(fmt, QTextCharFormat())

    def blocks(self, blocks: tuple[Block, ...], quote: int, depth: int) -> None:
        for block in blocks:
            self.block(block, quote, depth)

    def block(self, block: Block, quote: int, depth: int) -> None:
        if isinstance(block, Quote):
            if depth:  # a quote inside a list item: its paragraphs stay in the item
                self.blocks(block.blocks, quote, depth)
            else:
                self.blocks(block.blocks, quote + 1, depth)
        elif isinstance(block, ListBlock):
            self.list_block(block, quote, depth + 1)
        elif isinstance(block, Paragraph):
            self.new_block(paragraph_format(quote, depth))
            self.inlines(block.runs)
        elif isinstance(block, Heading):
            fmt = paragraph_format(quote, depth)
            fmt.setHeadingLevel(block.level)
            self.new_block(fmt)
            self.inlines(block.runs, heading=True)
        elif isinstance(block, CodeBlock):
            fmt = paragraph_format(quote, depth)
            fmt.setProperty(CODE_BLOCK, True)
            self.new_block(fmt)
            self.cursor.insertText(block.text.replace("\n", LINE_SEPARATOR), code_format())
        elif isinstance(block, Rule):
            fmt = paragraph_format(quote, depth)
            fmt.setProperty(RULE, True)
            fmt.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            self.new_block(fmt)

    def list_block(self, block: ListBlock, quote: int, depth: int) -> None:
        qlist: QTextList | None = None
        for index, item in enumerate(block.items):
            fmt = paragraph_format(quote, 0)
            if index < len(block.items) - 1:
                fmt.setBottomMargin(0)  # a tight list; the last item keeps the space before what follows
            self.new_block(fmt)
            if qlist is None:
                qlist = self.cursor.createList(list_format(block.ordered, depth, block.start, quote))
            else:
                qlist.add(self.cursor.block())
            self.item(item, quote, depth)

    def item(self, item: ListItem, quote: int, depth: int) -> None:
        rest = item.blocks
        if rest and isinstance(rest[0], Paragraph):
            self.inlines(rest[0].runs)
            rest = rest[1:]
        elif rest and isinstance(rest[0], Heading | CodeBlock):
            self.inlines(_as_runs(rest[0]))
            rest = rest[1:]
        for block in rest:
            if isinstance(block, Heading | CodeBlock):
                block = Paragraph(_as_runs(block))
            self.block(block, quote, depth)

    def inlines(self, runs: tuple[Inline, ...], heading: bool = False) -> None:
        for run in runs:
            if isinstance(run, Text):
                self.cursor.insertText(run.text, char_format(run, heading))
            elif isinstance(run, LineBreak):
                self.cursor.insertText(LINE_SEPARATOR, QTextCharFormat())
            else:
                note = self.notes.get(run.number)
                text = "\n".join(render_blocks(note.blocks)) if note else ""
                key = self.keys.get(run.number)
                self.cursor.insertText(str(run.number), footnote_format(text, key))


def _as_runs(block: Heading | CodeBlock) -> tuple[Inline, ...]:
    if isinstance(block, Heading):
        return block.runs
    lines = block.text.split("\n")
    runs: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            runs.append(LineBreak())
        runs.append(Text(line, code=True))
    return tuple(runs)


def paragraph_format(quote: int, continuation: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    if quote:
        fmt.setProperty(QUOTE_LEVEL, quote)
    if continuation:
        fmt.setProperty(LIST_CONTINUATION, continuation)
    fmt.setLeftMargin(INDENT_WIDTH * (quote + continuation))
    fmt.setBottomMargin(PARAGRAPH_SPACING)
    return fmt


def list_format(ordered: bool, depth: int, start: int = 1, quote: int = 0) -> QTextListFormat:
    fmt = QTextListFormat()
    if ordered:
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
        fmt.setStart(start)
    else:
        styles = (
            QTextListFormat.Style.ListDisc,
            QTextListFormat.Style.ListCircle,
            QTextListFormat.Style.ListSquare,
        )
        fmt.setStyle(styles[(depth - 1) % 3])
    fmt.setIndent(depth + quote)
    fmt.setProperty(LIST_DEPTH, depth)
    return fmt


def char_format(run: Text, heading: bool = False) -> QTextCharFormat:
    fmt = code_format() if run.code else QTextCharFormat()
    if run.bold or heading:
        fmt.setFontWeight(QFont.Weight.Bold)
    if run.italic:
        fmt.setFontItalic(True)
    if run.href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.href)
        fmt.setFontUnderline(True)
        fmt.setForeground(_link_colour())
    return fmt


def _link_colour() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.Link)


def code_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(CODE_SPAN, True)
    fmt.setFontFixedPitch(True)
    fmt.setFontFamilies(["monospace"])
    return fmt


def footnote_format(note_markdown: str, key: int | None = None) -> QTextCharFormat:
    """The char format of a footnote mark; a fresh id keeps neighbouring marks apart.

    `key` names the note: marks sharing it are one note referenced twice (a new note gets a new key).
    """
    fmt = QTextCharFormat()
    fmt.setProperty(FOOTNOTE_KEY, key if key is not None else next(_footnote_ids))
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setProperty(FOOTNOTE_TEXT, note_markdown)
    fmt.setProperty(FOOTNOTE_ID, next(_footnote_ids))
    fmt.setToolTip(note_markdown)
    return fmt


def is_footnote(fmt: QTextCharFormat) -> bool:
    return fmt.hasProperty(FOOTNOTE_TEXT)


def note_text(fmt: QTextFormat) -> str:
    return str(fmt.property(FOOTNOTE_TEXT)) if fmt.hasProperty(FOOTNOTE_TEXT) else ""


def int_property(fmt: QTextFormat, key: int | QTextFormat.Property) -> int:
    """An int property, 0 when absent.

    Asks `hasProperty` first: reading an absent property returns None through PySide's QVariant
    conversion, which on PySide6 6.12 drops a reference to None each time and crashes the
    interpreter after enough calls.
    """
    if not fmt.hasProperty(int(key)):
        return 0
    value = fmt.property(int(key))
    return int(value) if isinstance(value, int) else 0


# Document -> Markdown --------------------------------------------------------------------------------


def to_markdown(doc: QTextDocument) -> str:
    """The document's body as normalised CommonMark."""
    return render(document_to_body(doc))


@dataclass
class _Node:
    """A container being built: the root, a quote, a list or a list item."""

    kind: str
    key: object = None
    children: list[object] = field(default_factory=list)
    ordered: bool = False
    start: int = 1


@dataclass
class _Footnotes:
    notes: list[Footnote] = field(default_factory=list)
    numbers: dict[object, int] = field(default_factory=dict)

    def add(self, markdown: str, key: object) -> FootnoteRef:
        if key is not None and key in self.numbers:
            return FootnoteRef(self.numbers[key])
        number = len(self.notes) + 1
        self.notes.append(Footnote(number, str(number), parse_body(markdown).blocks))
        if key is not None:
            self.numbers[key] = number
        return FootnoteRef(number)


def document_to_body(doc: QTextDocument) -> Body:
    """Walk the blocks, rebuilding quote/list nesting from block and list properties."""
    footnotes = _Footnotes()
    root = _Node("root")
    stack: list[_Node] = [root]
    path: list[object] = []
    open_lists: list[tuple[QTextList, int]] = []
    items: dict[int, int] = {}
    last_quote = 0
    block = doc.begin()
    while block.isValid():
        quote = _quote_level(block)
        if quote != last_quote:
            open_lists = []
        last_quote = quote
        leaf, block_path = _place(block, quote, open_lists, items, footnotes)
        if leaf is not None:
            common = _common_prefix(path, block_path)
            del stack[common + 1 :]
            for key in block_path[common:]:
                node = _open(stack[-1], key)
                stack.append(node)
            path = list(block_path)
            stack[-1].children.append(leaf)
        block = block.next()
    return Body(tuple(_build(root.children)), tuple(footnotes.notes))


def _quote_level(block: QTextBlock) -> int:
    return int_property(block.blockFormat(), QUOTE_LEVEL)


def _list_depth(qlist: QTextList) -> int:
    fmt = qlist.format()
    value = int_property(fmt, LIST_DEPTH)
    return value if value > 0 else max(1, fmt.indent())


def _place(
    block: QTextBlock,
    quote: int,
    open_lists: list[tuple[QTextList, int]],
    items: dict[int, int],
    footnotes: _Footnotes,
) -> tuple[Block | None, list[object]]:
    """The block's content and its container path: quote levels, then (list, item) pairs."""
    path: list[object] = [("quote", level) for level in range(quote)]
    qlist = block.textList()
    fmt = block.blockFormat()
    leaf = _leaf(block, footnotes)
    if qlist is not None:
        depth = _list_depth(qlist)
        keys = [id(lst) for lst, _ in open_lists]
        if id(qlist) in keys:
            del open_lists[keys.index(id(qlist)) + 1 :]
        else:
            while open_lists and open_lists[-1][1] >= depth:
                open_lists.pop()
            open_lists.append((qlist, depth))
        items[id(qlist)] = qlist.itemNumber(block)
        path.extend(_list_path(open_lists, items))
        return leaf, path  # an empty item's Paragraph(()) still opens the item; _build drops it
    continuation = int_property(fmt, LIST_CONTINUATION)
    if continuation > 0 and open_lists:
        while open_lists and open_lists[-1][1] > continuation:
            open_lists.pop()
        path.extend(_list_path(open_lists, items))
    else:
        open_lists.clear()
    if isinstance(leaf, Paragraph) and not leaf.runs:
        return None, path
    return leaf, path


def _list_path(open_lists: list[tuple[QTextList, int]], items: dict[int, int]) -> list[object]:
    path: list[object] = []
    for lst, _depth in open_lists:
        fmt = lst.format()
        ordered = fmt.style() in (
            QTextListFormat.Style.ListDecimal,
            QTextListFormat.Style.ListLowerAlpha,
            QTextListFormat.Style.ListUpperAlpha,
            QTextListFormat.Style.ListLowerRoman,
            QTextListFormat.Style.ListUpperRoman,
        )
        path.append(("list", id(lst), ordered, max(0, fmt.start())))
        path.append(("item", id(lst), items.get(id(lst), 0)))
    return path


def _common_prefix(a: list[object], b: list[object]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _open(parent: _Node, key: object) -> _Node:
    assert isinstance(key, tuple)
    kind = key[0]
    node = _Node(kind, key)
    if kind == "list":
        node.ordered = bool(key[2])
        node.start = int(key[3]) if key[3] else 1
    parent.children.append(node)
    return node


def _build(children: list[object]) -> list[Block]:
    blocks: list[Block] = []
    for child in children:
        if not isinstance(child, _Node):
            assert isinstance(child, Paragraph | Heading | CodeBlock | Rule)
            if not (isinstance(child, Paragraph) and not child.runs):
                blocks.append(child)
        elif child.kind == "quote":
            blocks.append(Quote(tuple(_build(child.children))))
        elif child.kind == "list":
            items = tuple(
                ListItem(tuple(_build(item.children)))
                for item in child.children
                if isinstance(item, _Node) and item.kind == "item"
            )
            blocks.append(ListBlock(child.ordered, child.start, items))
    return blocks


def _leaf(block: QTextBlock, footnotes: _Footnotes) -> Block | None:
    fmt = block.blockFormat()
    if fmt.hasProperty(RULE):
        return Rule()
    if fmt.hasProperty(CODE_BLOCK):
        return CodeBlock(block.text().replace(LINE_SEPARATOR, "\n"))
    runs = normalise_runs(tuple(_runs(block, footnotes)))
    level = fmt.headingLevel()
    if level > 0 and block.textList() is None:
        return Heading(level, tuple(_unbold(r) for r in runs)) if runs else Paragraph(())
    return Paragraph(runs)


def _unbold(run: Inline) -> Inline:
    if isinstance(run, Text) and run.bold:
        return Text(run.text, False, run.italic, run.code, run.href)
    return run


def _runs(block: QTextBlock, footnotes: _Footnotes) -> list[Inline]:
    runs: list[Inline] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        text = fragment.text()
        if is_footnote(fmt):
            key = int_property(fmt, FOOTNOTE_KEY) or None
            runs.append(footnotes.add(note_text(fmt), key))
            continue
        if fmt.isImageFormat():
            continue
        text = text.replace(OBJECT_REPLACEMENT, "")
        style = _style(fmt)
        for index, piece in enumerate(text.split(LINE_SEPARATOR)):
            if index:
                runs.append(LineBreak())
            if piece:
                runs.append(Text(piece, *style))
    return runs


def _style(fmt: QTextCharFormat) -> tuple[bool, bool, bool, str | None]:
    bold = fmt.fontWeight() >= int(QFont.Weight.DemiBold)
    italic = fmt.fontItalic()
    code = fmt.hasProperty(CODE_SPAN)
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    return bold, italic, code, href


# Clipboard -------------------------------------------------------------------------------------------


def sanitised_body(body: Body) -> Body:
    """What a letter keeps from pasted content: headings become bold paragraphs, code and rules go."""

    def clean(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, Heading):
                out.append(
                    Paragraph(
                        tuple(
                            Text(r.text, True, r.italic, False, r.href) if isinstance(r, Text) else r
                            for r in block.runs
                        )
                    )
                )
            elif isinstance(block, CodeBlock):
                out.append(Paragraph((Text(block.text.replace("\n", " ")),)))
            elif isinstance(block, Rule):
                continue
            elif isinstance(block, Quote):
                out.append(Quote(clean(block.blocks)))
            elif isinstance(block, ListBlock):
                out.append(
                    ListBlock(
                        block.ordered,
                        block.start,
                        tuple(ListItem(clean(item.blocks)) for item in block.items),
                    )
                )
            else:
                out.append(
                    Paragraph(
                        tuple(
                            Text(r.text, r.bold, r.italic, False, r.href) if isinstance(r, Text) else r
                            for r in block.runs
                        )
                    )
                )
        return tuple(out)

    return Body(clean(body.blocks), body.footnotes)


def body_from_html(html: str) -> Body:
    """Pasted HTML (Word, a browser) reduced to the letter's model: fonts, colours, tables, images go."""
    doc = QTextDocument()
    doc.setHtml(html)
    _mark_html_quotes(doc)
    return sanitised_body(document_to_body(doc))


def _mark_html_quotes(doc: QTextDocument) -> None:
    """Qt's HTML reader records <blockquote> as BlockQuoteLevel; give it our quote property."""
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        level = int_property(fmt, QTextFormat.Property.BlockQuoteLevel)
        if level > 0:
            cursor = QTextCursor(block)
            fmt.setProperty(QUOTE_LEVEL, level)
            cursor.setBlockFormat(fmt)
        block = block.next()


def fragment_for(body: Body) -> QTextDocumentFragment:
    """A fragment ready for `QTextCursor.insertFragment`, holding `body` in the editor's formats."""
    doc = QTextDocument()
    fill_document(doc, body)
    return QTextDocumentFragment(doc)


def selection_markdown(cursor: QTextCursor) -> str:
    """The selected text as Markdown (footnote notes included), for copying between letters."""
    doc = QTextDocument()
    QTextCursor(doc).insertFragment(cursor.selection())
    return to_markdown(doc)


def body_from_mime(mime: QMimeData) -> Body | None:
    """The letter content of clipboard data, or None when it holds only plain text."""
    if mime.hasFormat(MARKDOWN_MIME):
        data = bytes(mime.data(MARKDOWN_MIME).data()).decode("utf-8", "replace")
        return sanitised_body(parse_body(data))
    if mime.hasHtml():
        return body_from_html(mime.html())
    return None
