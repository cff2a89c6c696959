"""The letter body model (`core.richtext.Body`) written back as CommonMark.

`core.richtext` only reads Markdown; the editor also has to write it. No library writes CommonMark
from a markdown-it token stream or from our model with footnotes, so this small writer is
hand-written. It aims at one property: `parse_body(render(body))` gives `body` back (up to the
normalisations listed below), and `render(parse_body(text))` is a fixed point after one pass, so a
revision diff shows only what the writer changed.

Normalisations (the model cannot tell the difference, or a letter has no use for it):
- a paragraph is one line; hard breaks are written as a backslash at the end of the line;
- footnotes are labelled 1, 2, 3 ... in order of first reference;
- bullet lists use "-", numbered lists "1." (the other marker only to separate two adjacent lists).

The module imports no Qt, so it could move to the core unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

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
    merge_runs,
    parse_body,
)

# Characters escaped wherever they appear in text: they can open emphasis, links, code, HTML,
# escapes, or footnotes (`^[inline note]`, `[^label]`).
_ALWAYS = set("\\*_[]`<^")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
_LINE_START = set("#>-+=~")


def render(body: Body) -> str:
    """The body as CommonMark text ending with one newline ('' for an empty body)."""
    parts = ["\n".join(render_blocks(body.blocks))] if body.blocks else []
    for note in body.footnotes:
        parts.append("\n".join(_footnote_lines(note.number, note.blocks)))
    text = "\n\n".join(part for part in parts if part)
    return text + "\n" if text else ""


def _footnote_lines(number: int, blocks: tuple[Block, ...]) -> list[str]:
    lines = render_blocks(blocks)
    marker = f"[^{number}]: "
    if not lines:
        return [marker.rstrip()]
    out = [marker + lines[0]]
    out.extend(("    " + line) if line else "" for line in lines[1:])
    return out


def render_blocks(blocks: Sequence[Block]) -> list[str]:
    """Blocks as lines, separated by blank lines; adjacent lists of one kind get different markers."""
    lines: list[str] = []
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if (
            isinstance(block, ListBlock)
            and isinstance(previous, ListBlock)
            and (previous.ordered == block.ordered)
        ):
            alternate = not alternate
        else:
            alternate = False
        if lines:
            lines.append("")
        lines.extend(_block_lines(block, alternate))
        previous = block
    return lines


def _block_lines(block: Block, alternate: bool = False) -> list[str]:
    if isinstance(block, Paragraph):
        return _paragraph_lines(block.runs)
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        text = render_inlines(block.runs).replace("\\\n", " ")
        return [("#" * level + " " + text).rstrip()]
    if isinstance(block, CodeBlock):
        fence = "`" * max(3, _longest_run(block.text, "`") + 1)
        return [fence, *block.text.split("\n"), fence]
    if isinstance(block, Rule):
        return ["---"]
    if isinstance(block, Quote):
        inner = render_blocks(block.blocks)
        return [("> " + line) if line else ">" for line in inner] or [">"]
    return _list_lines(block, alternate)


def _paragraph_lines(runs: tuple[Inline, ...]) -> list[str]:
    text = render_inlines(runs)
    return text.split("\n") if text else []


def _list_lines(block: ListBlock, alternate: bool) -> list[str]:
    lines: list[str] = []
    for index, item in enumerate(block.items):
        if block.ordered:
            marker = f"{block.start + index}{')' if alternate else '.'} "
        else:
            marker = "* " if alternate else "- "
        inner = _item_lines(item.blocks)
        if not inner:
            lines.append(marker.rstrip())
            continue
        pad = " " * len(marker)
        lines.append(marker + inner[0])
        lines.extend((pad + line) if line else "" for line in inner[1:])
    return lines


def _item_lines(blocks: tuple[Block, ...]) -> list[str]:
    """An item's blocks: a nested list follows its paragraph directly, other blocks after a blank line."""
    lines: list[str] = []
    previous: Block | None = None
    alternate = False
    for block in blocks:
        if (
            isinstance(block, ListBlock)
            and isinstance(previous, ListBlock)
            and (previous.ordered == block.ordered)
        ):
            alternate = not alternate
        else:
            alternate = False
        if lines and not (isinstance(block, ListBlock) and isinstance(previous, Paragraph)):
            lines.append("")
        lines.extend(_block_lines(block, alternate))
        previous = block
    return lines


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text)
    return max((len(run) for run in runs), default=0)


# Inline text -------------------------------------------------------------------------------------------


def render_inlines(runs: Iterable[Inline]) -> str:
    """Inline runs as Markdown; a hard break becomes a backslash and a newline.

    Emphasis that CommonMark's delimiter rules cannot express at a given spot (rare: a change of
    style inside a word next to punctuation) is dropped rather than risking a wrong reading; the
    text itself is always kept.
    """
    normal = normalise_runs(tuple(runs))
    text = _render_runs(normal)
    if _reads_back(text, normal):
        return text
    plain = tuple(replace(r, bold=False, italic=False) if isinstance(r, Text) else r for r in normal)
    return _render_runs(normalise_runs(plain))


def normalise_runs(runs: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Runs as the parser would give them back: no blank edges on a line, neighbours merged.

    Markdown cannot keep spaces at the start or end of a line, so they are dropped here, once, instead
    of changing on every save.
    """
    lines: list[list[Inline]] = [[]]
    for run in runs:
        if isinstance(run, LineBreak):
            lines.append([])
        else:
            lines[-1].append(run)
    out: list[Inline] = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        # The parser strips all Unicode white space at a paragraph's ends, only spaces and tabs elsewhere.
        stripped = _strip_line(
            line, str.lstrip if number == 0 else _lstrip, str.rstrip if number == last else _rstrip
        )
        if number and (stripped or number < last):
            out.append(LineBreak())
        out.extend(stripped)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    return merge_runs(out)


def _strip_line(
    line: list[Inline], lstrip: Callable[[str], str], rstrip: Callable[[str], str]
) -> list[Inline]:
    items = [r for r in line if not (isinstance(r, Text) and not r.text)]
    while items and isinstance(items[0], Text):
        first = items[0]
        assert isinstance(first, Text)
        text = first.text if first.code else lstrip(first.text)
        if text:
            items[0] = replace(first, text=text)
            break
        items.pop(0)
    while items and isinstance(items[-1], Text):
        end = items[-1]
        assert isinstance(end, Text)
        text = end.text if end.code else rstrip(end.text)
        if text:
            items[-1] = replace(end, text=text)
            break
        items.pop()
    return items


def _lstrip(text: str) -> str:
    return text.lstrip(" \t")


def _rstrip(text: str) -> str:
    return text.rstrip(" \t")


def _render_runs(runs: tuple[Inline, ...]) -> str:
    out: list[str] = []
    group: list[Text] = []
    for run in runs:
        if isinstance(run, Text) and group and run.href == group[0].href:
            group.append(run)
            continue
        if group:
            out.append(_render_group(group, _prev_char(out), _next_char(run)))
            group = []
        if isinstance(run, Text):
            group = [run]
        elif isinstance(run, LineBreak):
            out.append("\\\n")
        else:
            out.append(f"[^{run.number}]")
    if group:
        out.append(_render_group(group, _prev_char(out), ""))
    return _escape_line_starts("".join(out))


def _prev_char(out: list[str]) -> str:
    joined = "".join(out[-2:])
    return joined[-1] if joined else ""


def _next_char(run: Inline) -> str:
    if isinstance(run, Text):
        return run.text[:1]
    if isinstance(run, FootnoteRef):
        return "["
    return "\n"


def _render_group(group: list[Text], before: str, after: str) -> str:
    """Text runs sharing one link target (or none): emphasis inside, the link around."""
    href = group[0].href
    inner = _render_emphasis([replace(r, href=None) for r in group], "bold", before, after)
    if href is None:
        return inner
    return f"[{inner}]({_destination(href)})"


def _render_emphasis(runs: list[Text], flag: str, before: str, after: str) -> str:
    """Group runs by `flag` ("bold", then "italic" inside), wrapping each span in its delimiter."""
    out: list[str] = []
    spans = _spans(runs, flag)
    for index, (on, span) in enumerate(spans):
        left = out[-1][-1:] if out else before
        right = _first_char(spans[index + 1][1]) if index + 1 < len(spans) else after
        if flag == "bold":
            inner_render = _render_emphasis_inner(span, "italic", left, right)
        else:
            inner_render = "".join(_render_plain(r) for r in span)
        if on:
            out.append(_wrap(inner_render, "**" if flag == "bold" else "*", left, right))
        else:
            out.append(inner_render)
    return "".join(out)


def _render_emphasis_inner(span: list[Text], flag: str, before: str, after: str) -> str:
    cleared = [replace(r, bold=False) for r in span]
    return _render_emphasis(cleared, flag, before, after)


def _spans(runs: list[Text], flag: str) -> list[tuple[bool, list[Text]]]:
    spans: list[tuple[bool, list[Text]]] = []
    for run in runs:
        on = bool(getattr(run, flag))
        if spans and spans[-1][0] == on:
            spans[-1][1].append(run)
        else:
            spans.append((on, [run]))
    return spans


def _first_char(span: list[Text]) -> str:
    return span[0].text[:1] if span else ""


def _wrap(inner: str, delimiter: str, before: str, after: str) -> str:
    """Put `delimiter` around `inner`, keeping edge spaces outside where CommonMark needs them."""
    core = inner.strip(" \t")
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip(" \t"))]
    trail = inner[len(inner.rstrip(" \t")) :]
    return f"{lead}{delimiter}{core}{delimiter}{trail}"


def _render_plain(run: Text) -> str:
    if run.code:
        return _code_span(run.text)
    return escape_text(run.text)


def _code_span(text: str) -> str:
    fence = "`" * (_longest_run(text, "`") + 1)
    pad = (
        " "
        if text.startswith("`")
        or text.endswith("`")
        or (text.startswith(" ") and text.endswith(" ") and text.strip(" "))
        else ""
    )
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_text(text: str) -> str:
    """Escape what CommonMark would read as markup anywhere in a line of plain text."""
    out = "".join(("\\" + ch) if ch in _ALWAYS else ch for ch in text)
    return _ENTITY.sub(r"\\&", out)


def _escape_line_starts(text: str) -> str:
    """Escape a character that would start a block (list, heading, quote...) at the start of a line."""
    lines = text.split("\n")
    return "\n".join(_escape_line_start(line) for line in lines)


def _escape_line_start(line: str) -> str:
    if not line:
        return line
    match = _ORDERED_START.match(line)
    if match:
        return f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
    if line[0] in _LINE_START:
        return "\\" + line
    return line


def _destination(href: str) -> str:
    if re.search(r"[\s<>]", href) or not href or not _balanced(href):
        escaped = href.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
        return f"<{escaped}>"
    return href.replace("\\", "\\\\")


def _balanced(href: str) -> bool:
    depth = 0
    for char in href:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _reads_back(text: str, runs: tuple[Inline, ...]) -> bool:
    """Whether `text` parses back to exactly `runs` (footnote numbers aside)."""
    refs = sorted({r.number for r in runs if isinstance(r, FootnoteRef)})
    definitions = "".join(f"\n\n[^{n}]: note" for n in refs)
    body = parse_body(text + definitions) if text else Body()
    expected = tuple(_anonymous(r) for r in runs)
    if not expected:
        return not body.blocks
    if len(body.blocks) != 1 or not isinstance(body.blocks[0], Paragraph):
        return False
    return tuple(_anonymous(r) for r in body.blocks[0].runs) == expected


def _anonymous(run: Inline) -> Inline:
    return FootnoteRef(0) if isinstance(run, FootnoteRef) else run
