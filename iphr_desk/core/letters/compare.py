"""Two versions of a letter compared as a reader sees them: changed header fields, and the body word by word.

The revisions panel and the review import show a comparison in the style of Word's "Compare": the body is
rendered text (bold, italic, lists, footnotes as formatting, not Markdown source) with inserted words
marked and deleted words struck through, and the front matter is a short table of the values that
changed. This module computes that comparison as plain values; the GUI (gui/editor/compare_view.py)
only paints it.

Shape of the result::

    LetterDiff
      fields: tuple[FieldChange, ...]       key ("subject", "recipient.office"...), index, before, after
      blocks: tuple[BlockDiff, ...]         op: equal | insert | delete | change, and the block shown

    BlockDiff(op, block, old_marker)        block: DisplayBlock with tokens marked equal/insert/delete
    DisplayBlock(kind, tokens, marker, indent, quote)
                                            kind: paragraph | heading | code | rule | footnote
    Token(text, op, bold, italic, code, href, footnote)

The body is flattened into display blocks (one per paragraph, list-item paragraph, heading, code block,
rule, and footnote paragraph), the blocks are aligned, and aligned blocks are compared token by token.
A token is a word, a run of spaces, or one punctuation mark, with the look it has (bold, a link...), so
making a word bold shows as that word replaced.

Why difflib and no other library: `difflib.SequenceMatcher` compares sequences of any hashable items, so
tokens that carry their formatting compare as units and the blocks of two bodies align the same way;
the libraries built for text diffs (diff-match-patch and its ports) work on characters of one string and
reach word level only by encoding each word as a private character, which loses the formatting. What
difflib does not do is written here by hand, and small: pairing the paragraphs of a replaced stretch by
likeness (the recursion `difflib.Differ` uses for lines, which it keeps private), and the clean-up that
keeps a replaced phrase in one piece ("~~the old words~~ the new words" instead of word/word/word), the
"semantic clean-up" of diff-match-patch on tokens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, TypeAlias

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
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

TokenOp: TypeAlias = Literal["equal", "insert", "delete"]
BlockOp: TypeAlias = Literal["equal", "insert", "delete", "change", "moved_from", "moved_to"]
BlockKind: TypeAlias = Literal["paragraph", "heading", "code", "rule", "footnote"]
Side: TypeAlias = Literal["old", "new"]

#: A word (letters, digits, underscore in any script), a run of white space, or any other single character.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
#: Two paragraphs of a replaced stretch are shown as one changed paragraph from this likeness on
#: (difflib's ratio of their tokens; `difflib.Differ` pairs lines from 0.75, words change more freely).
PAIR_CUTOFF = 0.5
#: Letter fields that are not header values (the body is compared separately; `batch` is file shape).
_NOT_FIELDS = frozenset({"body", "recipients", "signatories", "batch", "signature_images"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a space or a punctuation mark, with its look and what the comparison says of it."""

    text: str
    op: TokenOp = "equal"
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    footnote: bool = False  # a footnote mark (its number as text)

    @property
    def key(self) -> tuple[str, bool, bool, bool, str | None, bool]:
        """What two tokens must share to be the same token."""
        return (self.text, self.bold, self.italic, self.code, self.href, self.footnote)


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    """One block as a reader sees it: a paragraph, a list item's paragraph, a heading, a footnote..."""

    kind: BlockKind
    tokens: tuple[Token, ...]
    marker: str = ""  # "•" or "3." for a list item's first paragraph, the number of a footnote
    indent: int = 0  # list nesting
    quote: int = 0  # quote nesting

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens)

    def key(self) -> tuple[object, ...]:
        return (self.kind, self.indent, self.quote, tuple(t.key for t in self.tokens))


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """A block of the comparison; its tokens say which words were inserted or deleted."""

    op: BlockOp
    block: DisplayBlock
    old_marker: str | None = None  # the marker the old side had when it differs (a renumbered item)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A header value that differs. `key` names the letter-file field ("recipient.name"); `index` is
    the recipient's or signatory's position (0-based) for those keys, else 0."""

    key: str
    before: str
    after: str
    index: int = 0

    def tokens(self) -> tuple[Token, ...]:
        return diff_words(self.before, self.after)


@dataclass(frozen=True, slots=True)
class LetterDiff:
    fields: tuple[FieldChange, ...]
    blocks: tuple[BlockDiff, ...]

    @property
    def changed(self) -> bool:
        return bool(self.fields) or any(b.op != "equal" for b in self.blocks)

    @property
    def counts(self) -> tuple[int, int]:
        """(words inserted, words deleted): spaces, punctuation and moved paragraphs are not counted."""
        inserted = deleted = 0
        for block in self.blocks:
            if block.op in ("moved_from", "moved_to"):
                continue  # moved, not written anew
            for token in block.block.tokens:
                if token.text.strip() and any(ch.isalnum() for ch in token.text):
                    inserted += token.op == "insert"
                    deleted += token.op == "delete"
        return inserted, deleted

    def side_text(self, side: Side) -> str:
        """The body as it reads on one side: kept and inserted words (new), or kept and deleted (old)."""
        return side_text(self.blocks, side)


# --------------------------------------------------------------------------- entry points


def compare_letter_texts(old_text: str, new_text: str, old_source: str, new_source: str) -> LetterDiff:
    """Compare two letter files (revision snapshots). A text that does not parse raises `BadInput`."""
    from iphr_desk.core.letters.letterfile import parse_letter_text

    return compare_letters(parse_letter_text(old_text, old_source), parse_letter_text(new_text, new_source))


def compare_letters(old: Letter, new: Letter) -> LetterDiff:
    return LetterDiff(fields=tuple(field_changes(old, new)), blocks=compare_bodies(old.body, new.body))


def compare_bodies(old_markdown: str, new_markdown: str) -> tuple[BlockDiff, ...]:
    return compare_blocks(display_blocks(parse_body(old_markdown)), display_blocks(parse_body(new_markdown)))


def body_text(markdown: str) -> str:
    """The body's visible text, one block a line, as `LetterDiff.side_text` gives it."""
    return "\n".join(block.text for block in display_blocks(parse_body(markdown)))


#: The blocks that are not on one side: inserted (or moved here) are not in the old text, and so on.
ABSENT: dict[Side, tuple[BlockOp, ...]] = {"old": ("insert", "moved_to"), "new": ("delete", "moved_from")}


def side_text(blocks: Iterable[BlockDiff], side: Side) -> str:
    dropped = "insert" if side == "old" else "delete"
    lines = []
    for diff in blocks:
        if diff.op in ABSENT[side]:
            continue
        lines.append("".join(t.text for t in diff.block.tokens if t.op != dropped))
    return "\n".join(lines)


# --------------------------------------------------------------------------- the header


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        if value and all(isinstance(v, tuple) and len(v) == 2 for v in value):
            return "; ".join(f"{_value(k)}: {_value(v)}" for k, v in value)  # per-language titles
        return "\n".join(_value(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _signatory_line(signatory: Signatory) -> str:
    return ", ".join(
        _value(getattr(signatory, f.name))
        for f in dataclasses.fields(signatory)
        if getattr(signatory, f.name)
    )


def field_changes(old: Letter, new: Letter) -> Iterator[FieldChange]:
    """The header values that differ, in the letter file's order; fields added to the `Letter` value
    later are compared too (the dataclass's own field list is read, not a copy of it)."""
    for f in dataclasses.fields(Letter):
        if f.name in _NOT_FIELDS:
            if f.name == "recipients":
                yield from _recipient_changes(old.recipients, new.recipients)
            elif f.name == "signatories":
                before = "\n".join(_signatory_line(s) for s in old.signatories)
                after = "\n".join(_signatory_line(s) for s in new.signatories)
                if before != after:
                    yield FieldChange("signatories", before, after)
            continue
        before, after = _value(getattr(old, f.name)), _value(getattr(new, f.name))
        if before != after:
            yield FieldChange(f.name, before, after)


def _recipient_changes(old: Sequence[Recipient], new: Sequence[Recipient]) -> Iterator[FieldChange]:
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        for f in dataclasses.fields(Recipient):
            before = _value(getattr(a, f.name)) if a is not None else ""
            after = _value(getattr(b, f.name)) if b is not None else ""
            if before != after:
                yield FieldChange(f"recipient.{f.name}", before, after, index)


# --------------------------------------------------------------------------- the body as a reader sees it


def tokens_of(text: str, style: Text | None = None, op: TokenOp = "equal") -> list[Token]:
    s = style or Text("")
    return [Token(m.group(), op, s.bold, s.italic, s.code, s.href) for m in _TOKEN.finditer(text)]


def _run_tokens(runs: Iterable[Inline]) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for run in runs:
        if isinstance(run, Text):
            tokens.extend(tokens_of(run.text, run))
        elif isinstance(run, LineBreak):
            tokens.append(Token("\n"))
        elif isinstance(run, FootnoteRef):
            tokens.append(Token(str(run.number), footnote=True))
    return tuple(tokens)


def display_blocks(body: Body) -> tuple[DisplayBlock, ...]:
    out: list[DisplayBlock] = list(_flatten(body.blocks, indent=0, quote=0))
    for footnote in body.footnotes:
        first = True
        for block in _flatten(footnote.blocks, indent=0, quote=0):
            marker = str(footnote.number) if first else ""
            out.append(dataclasses.replace(block, kind="footnote", marker=marker))
            first = False
        if first:  # an empty footnote still shows its number
            out.append(DisplayBlock("footnote", (), str(footnote.number)))
    return tuple(out)


def _flatten(blocks: Iterable[Block], *, indent: int, quote: int, marker: str = "") -> Iterator[DisplayBlock]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield DisplayBlock("paragraph", _run_tokens(block.runs), marker, indent, quote)
        elif isinstance(block, Heading):
            yield DisplayBlock("heading", _run_tokens(block.runs), marker, indent, quote)
        elif isinstance(block, CodeBlock):
            yield DisplayBlock(
                "code", tuple(tokens_of(block.text, Text("", code=True))), marker, indent, quote
            )
        elif isinstance(block, Rule):
            yield DisplayBlock("rule", (), marker, indent, quote)
        elif isinstance(block, Quote):
            yield from _flatten(block.blocks, indent=indent, quote=quote + 1, marker=marker)
        elif isinstance(block, ListBlock):
            for number, item in enumerate(block.items, start=block.start):
                item_marker = f"{number}." if block.ordered else "•"
                if not item.blocks:
                    yield DisplayBlock("paragraph", (), item_marker, indent + 1, quote)
                    continue
                for i, inner in enumerate(_flatten(item.blocks, indent=indent + 1, quote=quote)):
                    yield (
                        dataclasses.replace(inner, marker=item_marker)
                        if i == 0 and not inner.marker
                        else inner
                    )
        marker = ""  # a list item's marker goes on its first block only


# --------------------------------------------------------------------------- alignment


def compare_blocks(old: Sequence[DisplayBlock], new: Sequence[DisplayBlock]) -> tuple[BlockDiff, ...]:
    """Align two block sequences; blocks alike enough are compared word by word."""
    out: list[BlockDiff] = []
    matcher = SequenceMatcher(None, [b.key() for b in old], [b.key() for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                out.append(BlockDiff("equal", b, a.marker if a.marker != b.marker else None))
        else:
            out.extend(_replace(old[i1:i2], new[j1:j2]))
    return _moves(out)


def _moves(blocks: list[BlockDiff]) -> tuple[BlockDiff, ...]:
    """A paragraph deleted in one place and inserted word for word in another was moved (Word's compare
    shows it as a move, in its own colour). Only paragraphs of some length count: a deleted "Yes." and
    an inserted "Yes." elsewhere are two edits, not a move."""
    deleted: dict[tuple[object, ...], list[int]] = {}
    for index, diff in enumerate(blocks):
        if diff.op == "delete" and len(diff.block.text.split()) >= 3:
            deleted.setdefault(_plain_key(diff.block), []).append(index)
    if not deleted:
        return tuple(blocks)
    out = list(blocks)
    for index, diff in enumerate(blocks):
        if diff.op != "insert":
            continue
        sources = deleted.get(_plain_key(diff.block))
        if sources:
            source = sources.pop(0)
            out[source] = dataclasses.replace(out[source], op="moved_from")
            out[index] = dataclasses.replace(diff, op="moved_to")
    return tuple(out)


def _plain_key(block: DisplayBlock) -> tuple[object, ...]:
    return (block.kind, tuple(t.key for t in block.tokens))


def _likeness(a: DisplayBlock, b: DisplayBlock) -> float:
    if a.kind != b.kind and "footnote" in (a.kind, b.kind):
        return 0.0  # a footnote never pairs with a body paragraph
    # Likeness of the words alone: a paragraph whose words were made bold is still that paragraph.
    matcher = SequenceMatcher(None, [t.text for t in a.tokens], [t.text for t in b.tokens], autojunk=False)
    if matcher.real_quick_ratio() < PAIR_CUTOFF or matcher.quick_ratio() < PAIR_CUTOFF:
        return 0.0
    return matcher.ratio()


def _replace(old: Sequence[DisplayBlock], new: Sequence[DisplayBlock]) -> Iterator[BlockDiff]:
    """Pair the most alike old and new block of a replaced stretch, then do the same on each side of it.

    The recursion of `difflib.Differ._fancy_replace` (private there, hence written out): the pairing
    keeps the order of both sides, so a rewritten paragraph shows as one changed paragraph, and a new
    paragraph before it as an inserted one.
    """
    if not old or not new:
        yield from (BlockDiff("delete", _marked(b, "delete")) for b in old)
        yield from (BlockDiff("insert", _marked(b, "insert")) for b in new)
        return
    best, best_i, best_j = PAIR_CUTOFF - 1e-9, -1, -1
    for j, b in enumerate(new):
        for i, a in enumerate(old):
            score = _likeness(a, b)
            if score > best:
                best, best_i, best_j = score, i, j
    if best_i < 0:
        yield from (BlockDiff("delete", _marked(b, "delete")) for b in old)
        yield from (BlockDiff("insert", _marked(b, "insert")) for b in new)
        return
    yield from _replace(old[:best_i], new[:best_j])
    a, b = old[best_i], new[best_j]
    tokens = diff_tokens(a.tokens, b.tokens)
    op: BlockOp = "change" if any(t.op != "equal" for t in tokens) or a.key() != b.key() else "equal"
    yield BlockDiff(op, dataclasses.replace(b, tokens=tokens), a.marker if a.marker != b.marker else None)
    yield from _replace(old[best_i + 1 :], new[best_j + 1 :])


def _marked(block: DisplayBlock, op: TokenOp) -> DisplayBlock:
    return dataclasses.replace(block, tokens=tuple(dataclasses.replace(t, op=op) for t in block.tokens))


# --------------------------------------------------------------------------- words


def diff_words(old: str, new: str) -> tuple[Token, ...]:
    """Two plain texts compared word by word (the header table's cells)."""
    return diff_tokens(tokens_of(old), tokens_of(new))


def diff_tokens(old: Sequence[Token], new: Sequence[Token]) -> tuple[Token, ...]:
    """The tokens of both sides in reading order, each marked equal, delete (old only) or insert (new only).

    Within a changed stretch the deleted words come before the inserted ones, as in Word's comparison.
    """
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    segments: list[tuple[str, list[Token], list[Token]]] = []
    for opcode, i1, i2, j1, j2 in matcher.get_opcodes():
        segments.append((opcode, list(old[i1:i2]), list(new[j1:j2])))
    segments = _absorb_gaps(segments)
    out: list[Token] = []
    pending_old: list[Token] = []
    pending_new: list[Token] = []
    for tag, a, b in segments:
        if tag == "equal":
            out.extend(dataclasses.replace(t, op="delete") for t in pending_old)
            out.extend(dataclasses.replace(t, op="insert") for t in pending_new)
            pending_old, pending_new = [], []
            out.extend(dataclasses.replace(t, op="equal") for t in b)
        else:
            pending_old.extend(a)
            pending_new.extend(b)
    out.extend(dataclasses.replace(t, op="delete") for t in pending_old)
    out.extend(dataclasses.replace(t, op="insert") for t in pending_new)
    return tuple(out)


def _absorb_gaps(
    segments: list[tuple[str, list[Token], list[Token]]],
) -> list[tuple[str, list[Token], list[Token]]]:
    """Between two changes, a kept stretch of only spaces and punctuation joins the change.

    Word by word, "the old words" -> "some new words" would read "~~the~~ some ~~old~~ new words"; a
    reader sees one replaced phrase. A kept stretch is absorbed when it holds no word (letter or digit)
    and has a change on both sides.
    """
    out: list[tuple[str, list[Token], list[Token]]] = []
    for index, (tag, a, b) in enumerate(segments):
        between = 0 < index < len(segments) - 1
        if tag == "equal" and between and not any(any(ch.isalnum() for ch in t.text) for t in a):
            out.append(("replace", a, b))
        else:
            out.append((tag, a, b))
    return out
