"""Typography per language, applied when a letter is laid out for output, never to the stored text.

The writer types plain spaces and straight quotes; the letter file, the store and its revisions keep
exactly what was typed (so a diff shows the writer's changes, and search finds "l'État" as typed).
The exporter and the preview pass the frame and the parsed body through `typeset_frame` and
`typeset_body` just before writing them, under the letterhead's house style (`housestyle.py`):

- French (`fr_spacing`): a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0)
  before : (unless `colon_spacing = "eu"`) and inside « », as the Imprimerie nationale's Lexique
  asks; a plain space already there is turned into the right one, and an existing U+00A0 or U+202F
  is left as it is.
- French apostrophes (`fr_apostrophes`): "l'État" -> "l’État" between two letters, in the text the
  app generates (salutation, closing, attention line and address block) or everywhere.
- German (`de_quotes`): straight "…" pairs become „…“; Russian (`ru_quotes`): «…».
- French dates: "1 novembre" -> "1er novembre" in the date line (always: orthography, not a choice).

Nothing inside a URL, an e-mail address, a code span, a link or a footnote mark is changed, and
"10:30" keeps its colon. Every rule only adds or replaces the character it is about, so applying
the rules twice gives what applying them once gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Final

from iphr_desk.core.letters.richtext import (
    Block,
    Body,
    CodeBlock,
    Footnote,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Text,
)
from iphr_desk.core.protocol.frame import Frame, SignatureBlock
from iphr_desk.core.protocol.housestyle import HouseStyle

NBSP: Final = "\u00a0"
NNBSP: Final = "\u202f"
#: Spaces that count as "already typeset": no-break, narrow no-break, thin and hair spaces.
_FIXED_SPACES: Final = frozenset("\u00a0\u202f\u2009\u200a\u2007")
#: Marks a protected inline (a link, a code span, a footnote mark) inside a paragraph's text.
_OPAQUE: Final = "\ufffc"
_NNBSP_BEFORE: Final = frozenset(";!?")
_NO_SPACE_AFTER: Final = frozenset("([{«“„‘\n\t")
#: URLs and e-mail addresses, without the punctuation that ends the sentence around them.
_PROTECTED: Final = re.compile(
    r"(?:[a-zA-Z][a-zA-Z0-9+.\-]*://|www\.|mailto:)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]'’]"
    r"|[^\s<>«»\"@]+@[^\s<>«»\"@]+\.[^\s<>«»\".,;:!?)\]]+"
)
_FRENCH_MONTHS: Final = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\."
)
_FRENCH_FIRST: Final = re.compile(rf"(?<![\d\w])1 (?=(?:{_FRENCH_MONTHS})(?!\w))")
_QUOTES: Final = {"de": ("„", "“"), "ru": ("«", "»")}


@dataclass(frozen=True)
class Rules:
    """Which rules apply to one piece of text (`rules_for` reads them from the house style)."""

    french_spacing: bool = False
    french_colon: bool = False
    apostrophes: bool = False
    quotes: tuple[str, str] | None = None

    @property
    def active(self) -> bool:
        return self.french_spacing or self.apostrophes or self.quotes is not None

    @property
    def triggers(self) -> str:
        """The characters a rule acts on: text holding none of them comes out as it went in."""
        return (
            ("".join(_NNBSP_BEFORE) + ":«»" if self.french_spacing else "")
            + ("'" if self.apostrophes else "")
            + ('"' if self.quotes is not None else "")
        )

    def touches(self, text: str) -> bool:
        # The character-by-character pass costs about 0.1 ms a paragraph; most runs of a letter hold
        # no punctuation it acts on ("export, against docxtpl" in make bench needs this shortcut).
        return any(ch in text for ch in self.triggers)


def rules_for(language: str, style: HouseStyle, *, generated: bool) -> Rules:
    """The rules for `language` under `style`; `generated` is text the app wrote (salutation, closing...)."""
    if language == "fr":
        apostrophes = style.fr_apostrophes == "everywhere" or (
            generated and style.fr_apostrophes == "generated"
        )
        return Rules(
            french_spacing=style.fr_spacing,
            french_colon=style.fr_spacing and style.colon_spacing == "french",
            apostrophes=apostrophes,
        )
    if (language == "de" and style.de_quotes) or (language == "ru" and style.ru_quotes):
        return Rules(quotes=_QUOTES[language])
    return Rules()


def typeset(text: str, rules: Rules) -> str:
    """`text` under `rules` (one paragraph or one line of the frame)."""
    if not rules.active or not text or not rules.touches(text):
        return text
    return "".join(ch for ch, _ in _typeset(text, [0] * len(text), rules))


def typeset_runs(runs: tuple[Inline, ...], rules: Rules) -> tuple[Inline, ...]:
    """A paragraph's runs under `rules`, reading across runs ("*mot* ?" gets its space in the plain run).

    Links, code spans, line breaks and footnote marks are never changed; they stand in the paragraph's
    text as one opaque character (a line break as a new line), so a rule sees what is around them.
    """
    if not rules.active:
        return runs
    if not any(isinstance(run, Text) and rules.touches(run.text) for run in runs):
        return runs
    chars: list[str] = []
    owners: list[int] = []
    for index, run in enumerate(runs):
        if isinstance(run, Text) and not run.code and not run.href:
            chars.extend(run.text)
            owners.extend([index] * len(run.text))
        else:
            chars.append("\n" if isinstance(run, LineBreak) else _OPAQUE)
            owners.append(-1 - index)
    texts: dict[int, list[str]] = {}
    for ch, owner in _typeset("".join(chars), owners, rules):
        if owner >= 0:
            texts.setdefault(owner, []).append(ch)
    out: list[Inline] = []
    for index, run in enumerate(runs):
        if isinstance(run, Text) and not run.code and not run.href:
            new_text = "".join(texts.get(index, ()))
            out.append(run if new_text == run.text else replace(run, text=new_text))
        else:
            out.append(run)
    return tuple(out)


def typeset_body(body: Body, language: str, style: HouseStyle) -> Body:
    """The body as it is laid out for output; code blocks are left exactly as typed."""
    rules = rules_for(language, style, generated=False)
    if not rules.active:
        return body

    def blocks(items: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(block_of(block) for block in items)

    def block_of(block: Block) -> Block:
        if isinstance(block, Paragraph):
            return Paragraph(typeset_runs(block.runs, rules))
        if isinstance(block, Heading):
            return Heading(block.level, typeset_runs(block.runs, rules))
        if isinstance(block, Quote):
            return Quote(blocks(block.blocks))
        if isinstance(block, ListBlock):
            items = tuple(ListItem(blocks(item.blocks)) for item in block.items)
            return ListBlock(block.ordered, block.start, items)
        assert isinstance(block, CodeBlock | Rule)
        return block

    notes = tuple(Footnote(n.number, n.label, blocks(n.blocks)) for n in body.footnotes)
    return Body(blocks(body.blocks), notes)


def typeset_frame(frame: Frame, style: HouseStyle) -> Frame:
    """The frame as it is laid out for output: the text the app generates gets every rule, the
    text the writer typed (subject, place, signatures, cc) the same rules as the body."""
    language = frame.language
    generated = rules_for(language, style, generated=True)
    typed = rules_for(language, style, generated=False)

    def gen(text: str) -> str:
        return typeset(text, generated)

    def own(text: str) -> str:
        return typeset(text, typed)

    def opt(text: str | None, how: Callable[[str], str]) -> str | None:
        return how(text) if text is not None else None

    date_line = own(frame.date_line)
    if language == "fr":
        date_line = french_first_of_month(date_line)
    return replace(
        frame,
        attention_line=opt(frame.attention_line, gen),
        address_lines=tuple(map(gen, frame.address_lines)),
        date_line=date_line,
        subject_label=opt(frame.subject_label, gen),
        subject=own(frame.subject),
        salutation=gen(frame.salutation),
        closing=gen(frame.closing),
        signatures=tuple(
            SignatureBlock(own(s.name), opt(s.title, own), opt(s.organisation, own)) for s in frame.signatures
        ),
        cc_label=opt(frame.cc_label, gen),
        cc_lines=tuple(map(own, frame.cc_lines)),
    )


def french_first_of_month(text: str) -> str:
    """ "Bruxelles, 1 novembre 2023" -> "Bruxelles, 1er novembre 2023" (`locale_names.format_day_date`
    writes dates this way; this puts right a date line formatted without it)."""
    return _FRENCH_FIRST.sub("1er ", text)


# --------------------------------------------------------------------------- the rules


def _protected(text: str) -> list[bool]:
    mask = [ch == _OPAQUE for ch in text]
    for match in _PROTECTED.finditer(text):
        for i in range(match.start(), match.end()):
            mask[i] = True
    return mask


def _typeset(text: str, owners: list[int], rules: Rules) -> Iterator[tuple[str, int]]:
    """The characters of `text` under `rules`, each with the owner (run) it belongs to.

    Owners let a paragraph's runs be typeset as one text: a character replaced keeps its owner, a
    space added belongs to the character it is added for.
    """
    chars = list(text)
    protected = _protected(text)
    if rules.quotes is not None:
        _pair_quotes(chars, protected, rules.quotes)
    out: list[tuple[str, int]] = []
    after_open = False  # the previous character was an opening «
    for i, ch in enumerate(chars):
        owner = owners[i]
        if after_open:  # « then a plain space, or « then a word (a link, a URL) with no space
            after_open = False
            if ch == " " and not protected[i]:
                out.append((NBSP, owner))
                continue
            if not ch.isspace():
                out.append((NBSP, out[-1][1]))
        if protected[i]:
            out.append((ch, owner))
            continue
        prev = out[-1][0] if out else None
        if rules.french_spacing and (ch in _NNBSP_BEFORE or ch == "»" or (ch == ":" and rules.french_colon)):
            if not (ch == ":" and _colon_is_not_punctuation(chars, i)):
                space = NNBSP if ch in _NNBSP_BEFORE else NBSP
                if prev == " ":
                    out[-1] = (space, out[-1][1])
                elif prev is not None and not _no_space_after(prev):
                    out.append((space, owner))
        elif rules.french_spacing and ch == "«":
            after_open = True
        elif rules.apostrophes and ch == "'" and _is_letter(prev) and _is_letter(_at(chars, i + 1)):
            ch = "’"
        out.append((ch, owner))
    return iter(out)


def _no_space_after(prev: str) -> bool:
    """Whether `prev` takes no space before `ch`: a space is there already, the line starts, or
    `prev` opens something ("(?)"), or is itself punctuation that took one ("?!" keeps one space)."""
    if prev in _FIXED_SPACES or prev.isspace() or prev in _NO_SPACE_AFTER:
        return True
    return prev in _NNBSP_BEFORE or prev == ":"


def _colon_is_not_punctuation(chars: list[str], i: int) -> bool:
    """A colon between digits ("10:30", "1:2") or starting "://" is not the punctuation mark."""
    before, after = _at(chars, i - 1), _at(chars, i + 1)
    if before is not None and after is not None and before.isdigit() and after.isdigit():
        return True
    return after == "/" and _at(chars, i + 2) == "/"


def _at(chars: list[str], i: int) -> str | None:
    return chars[i] if 0 <= i < len(chars) else None


def _is_letter(ch: str | None) -> bool:
    return ch is not None and ch.isalpha()


def _pair_quotes(chars: list[str], protected: list[bool], marks: tuple[str, str]) -> None:
    """Turn straight double quotes into `marks`, in place, only when every one of them pairs up.

    An opening quote follows a space, an opening bracket or the start, and precedes a non-space; a
    closing one follows a non-space. A lone or doubtful quote leaves the whole text as typed: half
    the quotes converted would be worse than none, and a second pass would pair the rest wrongly.
    """
    positions = [i for i, ch in enumerate(chars) if ch == '"' and not protected[i]]
    if not positions:
        return
    pairs: list[tuple[int, int]] = []
    opening: int | None = None
    for i in positions:
        before, after = _at(chars, i - 1), _at(chars, i + 1)
        can_open = (
            before is None or before.isspace() or before in "([{\u2014\u2013-/" or before == _OPAQUE
        ) and (after is not None and not after.isspace())
        can_close = before is not None and not before.isspace()
        if opening is None:
            if not can_open:
                return
            opening = i
        else:
            if not can_close:
                return
            pairs.append((opening, i))
            opening = None
    if opening is not None:
        return
    for start, end in pairs:
        chars[start], chars[end] = marks
