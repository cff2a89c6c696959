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
from collections.abc import Sequence
from dataclasses import dataclass
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

    def matches(self, word: str) -> bool:
        folded = translit.plain(word)
        if any(folded == p or (self.prefix and folded.startswith(p)) for p in self.plains):
            return True
        if not self.keys or (not word[:1].isupper() and not _has_apostrophe(word)):
            return False  # keys are made for names only (translit.index_keys)
        keyed = translit.key(word)
        return any(keyed == k or (self.prefix and keyed.startswith(k)) for k in self.keys)


def _has_apostrophe(word: str) -> bool:
    return any(char in word for char in "'’ʻʼ`")


def query_words(words: Sequence[str], last_is_prefix: bool) -> list[QueryWord]:
    out = []
    for number, word in enumerate(words):
        forms = translit.query_forms(word)
        prefix = last_is_prefix and number == len(words) - 1
        out.append(
            QueryWord(
                plains=(translit.plain(word),), keys=tuple(translit.key(f) for f in forms[1:]), prefix=prefix
            )
        )
    return out


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


def _best_window(text: str, query: Sequence[QueryWord], size: int) -> Snippet | None:
    spans = [(m.start(), m.end()) for m in translit.WORD.finditer(text)]
    hits: list[tuple[int, int]] = []  # (word index, query word index)
    for index, (start, end) in enumerate(spans):
        word = text[start:end]
        for number, wanted in enumerate(query):
            if wanted.matches(word):
                hits.append((index, number))
                break
    if not hits:
        return None
    best_start, best_score = hits[0][0], -1
    left = 0
    for right in range(len(hits)):  # windows of `size` words ending at each hit
        while hits[right][0] - hits[left][0] >= size:
            left += 1
        score = len({number for _, number in hits[left : right + 1]})
        if score > best_score:
            best_score, best_start = score, hits[left][0]
    first = max(0, min(best_start - 2, len(spans) - size))  # a little context before the first match
    last = min(len(spans), first + size) - 1
    begin, end = spans[first][0], spans[last][1]
    if first == 0:
        begin = 0
    lead = "" if begin == 0 else ELLIPSIS
    tail = "" if last == len(spans) - 1 and text[end:].strip() == "" else ELLIPSIS
    body = " ".join(text[begin:end].split())  # one line: paragraphs and indentation become single spaces
    matched = {index for index, _ in hits}
    inside = [(a - begin, b - begin) for i, (a, b) in enumerate(spans) if first <= i <= last and i in matched]
    marked = _spans_in_collapsed(text[begin:end], inside)
    return Snippet(lead + body + tail, tuple((a + len(lead), b + len(lead)) for a, b in marked))


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
