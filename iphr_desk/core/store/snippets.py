"""Search snippets made in Python, for the rows a list shows: the matched words in any script.

FTS5's `snippet()` marks only the tokens its own query matched: a name found through its transliterated
key (Seitkali for Сейткали, migration 0008) lies in another column, and `snippet()` then showed the start
of the body. Here each word of the text is matched the way the query was built (`search.fts_query`): by
its folded form, as a whole word or a prefix of the last query word, or by its transliteration key, so
the snippet shows the words that made the letter match, whatever their script. It is made for the 50 or
so rows on screen only (a few milliseconds), never for every match.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Final

from iphr_desk.core.store import translit

#: Words in a snippet (FTS5's snippet() took 16 tokens; the same here).
SNIPPET_WORDS: Final = 16
ELLIPSIS: Final = "…"


@dataclass(frozen=True)
class QueryWord:
    """One typed word: its folded forms (itself, its key) and whether it is still being typed."""

    plains: tuple[str, ...]
    keys: tuple[str, ...]
    prefix: bool

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Where the word's folded form starts a word of the folded text (whole, or as a prefix)."""
        end = "" if self.prefix else r"(?![\w'’ʻʼ`])"
        forms = "|".join(re.escape(p) for p in sorted(self.plains, key=len, reverse=True))
        return re.compile(rf"(?<![\w'’ʻʼ`])(?:{forms}){end}\w*(?:['’ʻʼ`]\w+)*")

    def matches_key(self, word: str) -> bool:
        keyed = translit.key(word)
        return any(keyed == k or (self.prefix and keyed.startswith(k)) for k in self.keys)


def query_words(words: Sequence[str], last_is_prefix: bool) -> list[QueryWord]:
    out = []
    for number, word in enumerate(words):
        prefix = last_is_prefix and number == len(words) - 1
        # The key even when it is the word itself: a Latin word's key is what a Cyrillic name matches by.
        keys = (translit.key(word),) if len(word) > 1 and translit.key(word) else ()
        out.append(QueryWord(plains=(translit.plain(word),), keys=keys, prefix=prefix))
    return out


def _base_letter(code: int) -> str | None:
    folded = translit.plain(chr(code))
    return folded if len(folded) == 1 and folded != chr(code) else None


#: Latin letters with marks and their base letter (what the tokenizer's remove_diacritics does), one
#: character for one, so that positions in the folded text are positions in the text.
_MARKS: Final = {
    code: base
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if chr(code).islower() and (base := _base_letter(code)) is not None
}

_MARKED: Final = re.compile("[" + "".join(re.escape(chr(code)) for code in _MARKS) + "]")


def fold(text: str) -> str:
    """`text` folded as `translit.plain` folds a word, position for position."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer (İ): one at a time
        lowered = "".join(low if len(low := char.lower()) == 1 else char for char in text)
    return _MARKED.sub(_unmark, lowered)  # C scans past the unmarked letters (all of a Russian text)


def _unmark(match: re.Match[str]) -> str:
    return _MARKS[ord(match.group())]


#: A word starting with a capital letter of the Latin or Cyrillic alphabets (keys are made for those
#: only, translit.index_keys): a character class, so the scan skips the other words in C.
_UPPER: Final = "".join(re.escape(chr(code)) for code in range(0x41, 0x530) if chr(code).isupper())
_NAME: Final = re.compile(rf"(?<![\w'’ʻʼ`])[{_UPPER}]\w*(?:['’ʻʼ`]\w+)*")


@dataclass(frozen=True)
class Snippet:
    """Plain text with the matched words' (start, end) spans."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def html(self, tag: str = "b") -> str:
        out: list[str] = []
        last = 0
        for start, end in self.highlights:
            out.append(html.escape(self.text[last:start]))
            out.append(f"<{tag}>{html.escape(self.text[start:end])}</{tag}>")
            last = end
        out.append(html.escape(self.text[last:]))
        return "".join(out)


def snippet(texts: Sequence[str], query: Sequence[QueryWord], size: int = SNIPPET_WORDS) -> Snippet | None:
    """The window of `size` words holding the most distinct query words, from the first text that has any.

    Ties go to the earliest window. None when no text holds a query word.
    """
    for text in texts:
        found = _best_window(text, query, size)
        if found is not None:
            return found
    return None


#: Matches kept per query word and text: enough to place the snippet ("de" starts most French words).
_MAX_HITS: Final = 24


def _matches(text: str, query: Sequence[QueryWord]) -> list[tuple[int, int, int]]:
    """(start, end, query word) of each word of `text` matching a query word, in text order."""
    folded = fold(text)
    found: dict[int, tuple[int, int, int]] = {}
    missing = []
    for number, wanted in enumerate(query):
        before = len(found)
        for match in islice(wanted.pattern.finditer(folded), _MAX_HITS):
            found.setdefault(match.start(), (match.start(), match.end(), number))
        if len(found) == before and wanted.keys:
            missing.append(number)
    if missing:  # names written in the other script (or spelling): by their keys
        for match in _NAME.finditer(text):
            if match.start() in found:
                continue
            for number in missing:
                if query[number].matches_key(match.group()):
                    found[match.start()] = (match.start(), match.end(), number)
                    break
    return [found[start] for start in sorted(found)]


def _best_window(text: str, query: Sequence[QueryWord], size: int) -> Snippet | None:
    """About `size` words of `text` around the stretch holding the most distinct query words."""
    hits = _matches(text, query)
    if not hits:
        return None
    width = size * 7  # characters: an average word and its space
    best_left, best_score, left = 0, -1, 0
    for right in range(len(hits)):
        while hits[right][0] - hits[left][0] >= width:
            left += 1
        score = len({number for _, _, number in hits[left : right + 1]})
        if score > best_score:
            best_score, best_left = score, left
    first = hits[best_left][0]
    begin = _word_start(
        text, max(0, first - 10)
    )  # a word or two before: a narrow column still shows the match
    end = _word_end(text, min(len(text), begin + width))
    end = max(end, hits[best_left][1])
    lead = "" if text[:begin].strip() == "" else ELLIPSIS
    tail = "" if text[end:].strip() == "" else ELLIPSIS
    raw = text[begin:end]
    inside = [(a - begin, b - begin) for a, b, _ in hits if begin <= a and b <= end]
    body = " ".join(raw.split())  # one line: paragraphs and indentation become single spaces
    marked = _spans_in_collapsed(raw, inside)
    return Snippet(lead + body + tail, tuple((a + len(lead), b + len(lead)) for a, b in marked))


def _word_start(text: str, position: int) -> int:
    """`position` moved back to the start of the word it falls in."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _spans_in_collapsed(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where `spans` of `raw` fall once its runs of white space are collapsed as `" ".join(raw.split())`."""
    mapping: list[int] = []
    position = 0
    in_space = False
    started = False
    for char in raw:
        if char.isspace():
            if started and not in_space:
                position += 1
            in_space = True
            mapping.append(position)
        else:
            in_space = False
            started = True
            mapping.append(position)
            position += 1
    return [(mapping[a], mapping[b - 1] + 1) for a, b in spans]
