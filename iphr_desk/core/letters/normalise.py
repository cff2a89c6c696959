"""A letter body as canonical CommonMark (mdformat), so revision diffs show only what the writer changed.

Its own module because normalising is a concern apart from reading and writing letter files: the
file parser, the store's revisions and the corpus generator all use it, and it carries the two things
that keep mdformat off the import's critical path (the memo of canonical bodies, and a faster
renderer for plain text) with their reasons.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any, Final

from iphr_desk.core.letters.canonical import is_plainly_canonical
from iphr_desk.core.letters.markdown_depth import too_deep

_BODY_OPTIONS: Final = {"number": True}
#: The name our mdformat extension is registered under (see `PlainTextRenderer`).
PLAIN_TEXT_EXTENSION: Final = "iphr_plain_text"


def normalise_body(body: str) -> str:
    """Canonical CommonMark for the body, so revision diffs show only what the writer changed.

    mdformat is not guaranteed idempotent on every odd input, so it runs until the text stops
    changing (at most three passes); the footnote extension keeps `[^1]` and its definition intact.
    A body this function has already seen to be canonical comes back at once: parsing a letter file
    normalises its body, and writing the same letter (every revision, every import) must not pay
    for mdformat a second time.
    """
    text = body.replace("\r\n", "\n").strip("\n")
    if not text.strip():
        return ""
    extensions = body_extensions()
    if "footnote" not in extensions and "[^" in text:
        return text + "\n"  # without the plugin mdformat would escape `[^1]`: keep the text as written
    text += "\n"  # a canonical body ends with one newline, so it comes back from mdformat unchanged
    if is_known_canonical(canonical_key(text, extensions)):
        return text
    if "footnote" in extensions and is_plainly_canonical(text):
        return text  # canonical beyond doubt, without running mdformat (see `canonical`)
    if too_deep(text) is not None:
        return text  # mdformat would overflow the stack; a letter file with it is refused on reading
    return _format_body(text, frozenset(extensions))


@functools.lru_cache(maxsize=64)
def _format_body(text: str, extensions: frozenset[str]) -> str:
    """mdformat to a fixed point; the small cache serves autosave, which writes the same draft often."""
    import mdformat

    with_renderer = extensions | {plain_text_extension()}
    for _ in range(3):
        formatted = mdformat.text(text, options=_BODY_OPTIONS, extensions=with_renderer)
        if formatted == text:
            remember_canonical(canonical_key(text, extensions))
            break
        text = formatted
    return text


# --------------------------------------------------------------------------- plain text, faster

#: Characters whose escaping mdformat's text renderer decides with its own heuristics: a text node
#: holding any of them is rendered by mdformat itself.
_NEEDS_MDFORMAT: Final = re.compile(r"[\\*_\[\]<`&]")
_SPACES: Final = re.compile(" {2,}")
_WRAP_SPACES: Final = re.compile(r"[ \t\n]+")


class PlainTextRenderer:
    """An mdformat parser extension (its public plugin interface) that renders text without markup
    characters itself and hands every other text node to mdformat's own renderer.

    Needed by the import figure (benchmarks/README.md, "Fast paths and what they buy": without it
    the import takes about 1.6 times as long). mdformat's text renderer escapes character references
    with `pattern.sub(template, text)` on a 16 KB pattern of every HTML entity name, and `re` hashes
    that pattern on every call to find its compiled template: about 30 µs per text node, half of
    mdformat's time on a letter, spent even when the text holds no `&`. For text with none of the
    characters mdformat escapes, every escape is the identity and what remains is done here, to the
    same result (tests/core/letters/test_letterfile_roundtrip.py compares both on random text).
    """

    CHANGES_AST: Final = False
    POSTPROCESSORS: Final[dict[str, Any]] = {}

    @staticmethod
    def update_mdit(mdit: Any) -> None:
        """Nothing to add to the parser: only the rendering of text changes."""

    @staticmethod
    def text(node: Any, context: Any) -> str:
        from mdformat.renderer import DEFAULT_RENDERERS, WRAP_POINT

        content: str = node.content
        if _NEEDS_MDFORMAT.search(content):
            rendered: str = DEFAULT_RENDERERS["text"](node, context)
            return rendered
        text = _SPACES.sub(" ", content.replace("\t", " "))
        text = text.replace("\n\n", "&#10;&#10;")
        following = node.next_sibling
        if text.endswith("!") and following is not None and following.type == "link":
            text = text[:-1] + "\\!"  # "!" before a link would make it an image
        if context.do_wrap and _inside(node, "paragraph"):
            text = _WRAP_SPACES.sub(WRAP_POINT, text)
        return text

    RENDERERS: Final = {"text": text}


def _inside(node: Any, block: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type == block:
            return True
        parent = parent.parent
    return False


@functools.cache
def plain_text_extension() -> str:
    """Add `PlainTextRenderer` to mdformat's table of parser extensions (where its entry-point plugins
    are loaded), once; returns the name to pass in `extensions`."""
    from mdformat.plugins import PARSER_EXTENSIONS

    PARSER_EXTENSIONS.setdefault(PLAIN_TEXT_EXTENSION, PlainTextRenderer)  # type: ignore[attr-defined]
    return PLAIN_TEXT_EXTENSION


# --------------------------------------------------------------------------- bodies known canonical

#: Digests of bodies mdformat has been seen to leave unchanged, newest last. A 16-byte digest rather
#: than the text keeps the memory small (about 100 bytes an entry) whatever the letters' length;
#: a false match would need a BLAKE2b collision.
_CANONICAL: Final[OrderedDict[tuple[frozenset[str], bytes], None]] = OrderedDict()
_CANONICAL_MAX: Final = 50_000
_CANONICAL_LOCK: Final = threading.Lock()  # export and autosave may normalise off the UI thread


def canonical_key(text: str, extensions: Iterable[str]) -> tuple[frozenset[str], bytes]:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return frozenset(extensions), digest


def is_known_canonical(key: tuple[frozenset[str], bytes]) -> bool:
    with _CANONICAL_LOCK:
        if key not in _CANONICAL:
            return False
        _CANONICAL.move_to_end(key)
        return True


def remember_canonical(key: tuple[frozenset[str], bytes]) -> None:
    with _CANONICAL_LOCK:
        _CANONICAL[key] = None
        if len(_CANONICAL) > _CANONICAL_MAX:
            _CANONICAL.popitem(last=False)


def clear_normalise_cache() -> None:
    """Forget which bodies are known canonical (tests of the formatter; timing a cold import)."""
    with _CANONICAL_LOCK:
        _CANONICAL.clear()
    _format_body.cache_clear()


def body_extensions() -> set[str]:
    """The footnote plugin when mdformat can find it; without it mdformat would escape `[^1]`.

    mdformat finds plugins through package entry points, which a frozen bundle may lack even when
    the plugin's code is there, so ask mdformat rather than try an import.
    """
    from mdformat.plugins import PARSER_EXTENSIONS

    return {"footnote"} if "footnote" in PARSER_EXTENSIONS else set()
