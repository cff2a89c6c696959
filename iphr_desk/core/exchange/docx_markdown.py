"""The body paragraphs of a reviewed .docx as the letter's Markdown (CommonMark with footnotes).

The reader (`docx_review`) hands over paragraphs that already have tracked changes applied; this module
only writes Markdown: emphasis, links, inline code, hard line breaks and footnote marks inside a
paragraph; paragraphs, quotes, bullet and numbered lists (nested by their Word level), headings and code
blocks between them; footnote definitions at the end. The result goes through the same normaliser as
every stored body (`letters.normalise`), so an unchanged paragraph reads exactly as the app writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from iphr_desk.core.letters.normalise import normalise_body


@dataclass(frozen=True)
class Span:
    """A stretch of text with one look; `footnote` set: a footnote mark (its Word id), no text."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    footnote: str | None = None
    line_break: bool = False


@dataclass
class Para:
    """One paragraph as the reader found it (tracked changes applied)."""

    role: str  # "body", "quote", "list", "heading", "code", or a head/foot role ("salutation", ...)
    spans: list[Span] = field(default_factory=list)
    num_id: str | None = None  # a numbered or bulleted paragraph: its w:numId and level
    level: int = 0
    ordered: bool = False
    start: int = 1
    indent: int = 0  # left indent in twips (quote depth beyond the first, list continuations)
    mark_deleted: bool = False  # its paragraph mark is a tracked deletion: it joins the next one

    @property
    def text(self) -> str:
        return "".join("\n" if s.line_break else s.text for s in self.spans if s.footnote is None)


QUOTE_INDENT: Final = 567
_ESCAPE: Final = re.compile(r"([\\`*_\[\]<>!|~])")
_LINE_START: Final = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """Markdown's special characters escaped; the normaliser drops the escapes it does not need."""
    text = _ESCAPE.sub(r"\\\1", text)
    return text


def inline_markdown(spans: list[Span], footnote_numbers: dict[str, int]) -> str:
    """A paragraph's spans as Markdown; footnote marks numbered in order of first appearance."""
    out: list[str] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        if span.footnote is not None:
            number = footnote_numbers.setdefault(span.footnote, len(footnote_numbers) + 1)
            out.append(f"[^{number}]")
            index += 1
            continue
        if span.line_break:
            out.append("\\\n")
            index += 1
            continue
        if span.href:
            group = []
            while index < len(spans) and spans[index].href == span.href and spans[index].footnote is None:
                group.append(spans[index])
                index += 1
            label = "".join(_styled(s) for s in group) or escape(span.href)
            out.append(f"[{label}](<{span.href.replace('>', '%3E').replace(' ', '%20')}>)")
            continue
        out.append(_styled(span))
        index += 1
    text = "".join(out)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def _styled(span: Span) -> str:
    if span.code:
        ticks = "``" if "`" in span.text else "`"
        return f"{ticks} {span.text} {ticks}" if span.text.startswith("`") else f"{ticks}{span.text}{ticks}"
    text = span.text
    stripped = text.strip()
    if not stripped or not (span.bold or span.italic):
        return escape(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    marker = "***" if span.bold and span.italic else "**" if span.bold else "*"
    return f"{lead}{marker}{escape(stripped)}{marker}{trail}"


def merge_spans(spans: list[Span]) -> list[Span]:
    """Neighbouring spans that look the same joined, so emphasis is not split into pieces."""
    merged: list[Span] = []
    for span in spans:
        if not span.text and span.footnote is None and not span.line_break:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and span.footnote is None
            and last.footnote is None
            and not span.line_break
            and not last.line_break
            and (last.bold, last.italic, last.code, last.href)
            == (span.bold, span.italic, span.code, span.href)
        ):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, last.code, last.href)
        else:
            merged.append(span)
    return merged


def body_markdown(paragraphs: list[Para], footnotes: dict[str, list[Para]]) -> str:
    """The body as normalised Markdown (see the module docstring)."""
    numbers: dict[str, int] = {}
    blocks: list[str] = []
    list_lines: list[str] = []
    last_list: str | None = None
    bullets = "-*"
    orders = ".)"
    kind_count = 0
    markers: dict[str, str] = {}
    widths: list[int] = []

    def flush() -> None:
        nonlocal list_lines, last_list, widths
        if list_lines:
            blocks.append("\n".join(list_lines))
        list_lines, last_list, widths = [], None, []

    for para in paragraphs:
        content = inline_markdown(merge_spans(para.spans), numbers)
        if para.num_id is not None:
            if last_list is not None and para.num_id != last_list and para.level == 0:
                flush()
            if para.num_id not in markers:
                kind_count += 1
                markers[para.num_id] = (
                    f"{para.start}{orders[kind_count % 2]}" if para.ordered else bullets[kind_count % 2]
                )
            marker = markers[para.num_id]
            if para.ordered:
                marker = "1" + marker[-1] if list_lines and para.level == 0 else marker
            level = min(para.level, len(widths))
            widths = widths[:level]
            pad = " " * sum(widths)
            widths.append(len(marker) + 1)
            list_lines.append(f"{pad}{marker} {content.replace(chr(10), chr(10) + pad + '  ')}")
            last_list = para.num_id
            continue
        if para.role == "list" and list_lines and content:
            pad = " " * sum(widths)
            list_lines.append("")
            list_lines.append(pad + content.replace("\n", "\n" + pad))
            continue
        flush()
        if not para.text.strip() and not any(s.footnote for s in para.spans):
            continue
        if para.role == "code":
            blocks.append("```\n" + para.text + "\n```")
        elif para.role == "heading":
            blocks.append("## " + content)
        elif para.role == "quote":
            depth = max(1, round(para.indent / QUOTE_INDENT)) if para.indent else 1
            prefix = "> " * depth
            blocks.append("\n".join(prefix + line for line in content.split("\n")))
        else:
            blocks.append(content)
    flush()
    definitions = []
    for word_id, number in sorted(numbers.items(), key=lambda kv: kv[1]):
        note = footnotes.get(word_id, [])
        texts = [inline_markdown(merge_spans(p.spans), {}) for p in note if p.text.strip()]
        first, *rest = texts or [""]
        definition = f"[^{number}]: {first}"
        for more in rest:
            definition += "\n\n    " + more.replace("\n", "\n    ")
        definitions.append(definition)
    text = "\n\n".join(blocks + definitions)
    return normalise_body(text)
