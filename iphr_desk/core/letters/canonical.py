"""A cheap, conservative test that a letter body is already in mdformat's canonical form.

Why it exists: normalising a body with mdformat (a CommonMark parse and render, 2-3 ms for a two-page
letter) was nearly all of an import's time, three times the floor's YAML parse (issue 17). Yet almost
every body an import reads was written by this app, or another copy of it, and is canonical already.
`is_plainly_canonical` recognises such bodies in a few hundred microseconds without parsing Markdown.

Why it is written by hand: no library answers "would mdformat change this text?" short of running
mdformat. The test therefore accepts only a small, plain subset of CommonMark whose rendering it can
be sure of, and says False for everything else (then mdformat runs, as before). It may say False for
a canonical body (it costs time, never correctness); it must never say True for a body mdformat would
change. tests/core/letters/test_canonical.py checks that against mdformat itself with hypothesis, on
bodies built from this grammar and on arbitrary text.

The subset, block by block (blocks separated by exactly one blank line, the body ending with one
newline):
- a paragraph: lines of inline text (below) that cannot start or interrupt another block;
- a tight list of one-line items, `- item` or `1. item` numbered 1, 2, 3 ... (at most nine, as
  mdformat pads numbers to a common width), never next to another list (two lists in a row merge);
- footnote definitions `[^label]: text`, each its own block, after every other block, one for each
  label referenced, in the order of first reference (where mdformat puts them).

Inline text is text without the characters mdformat may escape or rewrite (backslash, `_`, `` ` ``,
`<`, `>`, `&`, `#`, `~`, tabs, runs of spaces, leading or trailing spaces), plus three constructs in
the exact form mdformat writes them: `*emphasis*` and `**strong**` around plain text, delimited so
that CommonMark's flanking rules leave no doubt; `[text](https://...)` with plain text and a URL of
characters markdown-it does not percent-encode; and footnote references `[^label]`.
"""

from __future__ import annotations

import re
from typing import Final

#: Characters mdformat may escape or change, or that start constructs outside the subset.
_UNSAFE: Final = re.compile(r"[\\_`<>&#~\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: Plain text inside emphasis and link text: no markup characters at all.
_PLAIN: Final = r"[^*\[\]()\\_`<>&#~\s]"
_PLAIN_RUN: Final = rf"{_PLAIN}(?:(?:{_PLAIN}| (?! ))*{_PLAIN})?"
_URL: Final = r"https?://[A-Za-z0-9\-._~:/?#=+,;@]+"
_LABEL: Final = r"[A-Za-z0-9]{1,20}"

#: A line of the subset's inline tokens, each delimited beyond doubt. Emphasis and strong open at the
#: start of the line or after a space, on a letter or digit, and close on a non-space followed by a
#: space, the end or closing punctuation: left- and right-flanking without doubt (CommonMark), so the
#: runs pair exactly as written. A link is not an image (no "!" before it) and is not followed by text
#: that would extend it; a footnote reference is not at the start of a line (it would read as a
#: definition) nor followed by "(", ":" or "[". Possessive repeats: a line that fails, fails at once.
_OPEN: Final = r"(?<![^ ])"
_CLOSE: Final = r"(?=[ .,;:!?)\[]|$)"
_LINE: Final = re.compile(
    rf"(?:{_OPEN}\*\*(?=[^\W_]){_PLAIN_RUN}\*\*{_CLOSE}"
    rf"|{_OPEN}\*(?=[^\W_]){_PLAIN_RUN}\*{_CLOSE}"
    rf"|(?<!!)\[(?!\^){_PLAIN_RUN}\]\({_URL}\)(?!\()(?!\[(?!\^))"
    rf"|(?<=.)\[\^{_LABEL}\](?![(:\[])"
    r"|[^*\[\]]++)++"
)
_REFERENCE: Final = re.compile(rf"\[\^({_LABEL})\]")
#: A line that would start a block of its own, or end a paragraph (headings, quotes, lists, fences,
#: rules, HTML, indented code, tables of link references), or that the parser trims.
_BLOCK_START: Final = re.compile(r"[-+=*#>`~<|\s]|\[\^|\d{1,9}[.)](?:\s|$)")
_BULLET: Final = re.compile(r"- (\S.*)")
_NUMBERED: Final = re.compile(r"([1-9])\. (\S.*)")
_DEFINITION: Final = re.compile(rf"\[\^({_LABEL})\]: (\S.*)")


def is_plainly_canonical(body: str) -> bool:
    """True only when mdformat (with the footnote plugin) would return `body` unchanged."""
    if not body.endswith("\n") or body.startswith("\n") or body.endswith("\n\n") or "\n\n\n" in body:
        return False
    if "\r" in body or "  " in body or "![" in body or _UNSAFE.search(body):
        return False
    references: list[str] = []
    definitions: list[str] = []
    previous = ""
    for block in body[:-1].split("\n\n"):
        kind = _block_kind(block, references, definitions)
        if kind is None:
            return False
        if definitions and kind != "definition":
            return False  # a definition before other blocks: mdformat moves it to the end
        if kind == "list" and previous == "list":
            return False  # two lists in a row are one list to the parser
        previous = kind
    return definitions == list(dict.fromkeys(references))


def _block_kind(block: str, references: list[str], definitions: list[str]) -> str | None:
    lines = block.split("\n")
    first = lines[0]
    if first.startswith("[^"):
        match = _DEFINITION.fullmatch(block)
        # Labels match whatever their case: "A" and "a" would be one footnote to the parser.
        if match is None or match.group(1).lower() in (label.lower() for label in definitions):
            return None
        definitions.append(match.group(1))
        nested: list[str] = []  # a reference inside a definition: left to mdformat
        return "definition" if _inline_ok(match.group(2), nested) and not nested else None
    if first.startswith("- "):
        items = [_BULLET.fullmatch(line) for line in lines]
    elif first.startswith("1. "):
        items = [_NUMBERED.fullmatch(line) for line in lines]
        if any(m is None or m.group(1) != str(n) for n, m in enumerate(items, start=1)):
            return None
    else:
        ok = all(not _BLOCK_START.match(line) and _inline_ok(line, references) for line in lines)
        return "paragraph" if ok else None
    for item in items:
        if item is None:
            return None
        content = item.group(item.lastindex or 0)
        if _BLOCK_START.match(content) or not _inline_ok(content, references):
            return None
    return "list"


def _inline_ok(line: str, references: list[str]) -> bool:
    """The line is made only of the subset's inline tokens (`_LINE`); its references are collected."""
    if line != line.strip():
        return False
    if "*" not in line and "[" not in line and "]" not in line:
        return True  # one plain text token
    if _LINE.fullmatch(line) is None:
        return False
    references.extend(_REFERENCE.findall(line))
    return True
