"""How deeply a Markdown body nests, so a hostile body is refused before a recursive walk overflows.

markdown-it parses `*a *a *a … b* b* b*` into emphasis thousands of levels deep without trouble,
but every consumer of the token stream builds a `SyntaxTreeNode`, which recurses once per level:
mdformat (the body's normalisation) hits Python's recursion limit near 200 levels, the export's
reader near 250. Block nesting (quotes, lists) is already capped by markdown-it's `maxNesting`
(20 in the CommonMark preset); inline nesting has no cap, hence this check.

The check is linear and nearly free for real letters: emphasis needs a `*` or `_` on each side of
every level and a link needs a `[`, so a body with few of them cannot nest deeply and is not parsed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

#: Far beyond any letter (two or three levels: a link in bold in a quote), far below the overflow.
MAX_NESTING: Final = 50


class Nesting(NamedTuple):
    depth: int
    line: int  # 0-based line of the body where the deepest block starts


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"linkify": False}).use(footnote_plugin)


def nesting_bound(markdown: str) -> int:
    """An upper bound on the inline nesting depth, from character counts alone."""
    return (markdown.count("*") + markdown.count("_")) // 2 + markdown.count("[")


def too_deep(markdown: str, limit: int = MAX_NESTING) -> Nesting | None:
    """The deepest nesting when it exceeds `limit`; None for any body the tree walkers can take."""
    if nesting_bound(markdown) + _parser().options["maxNesting"] <= limit:
        return None
    deepest = Nesting(0, 0)
    for token in _parser().parse(markdown):
        inline = max((child.level for child in token.children or ()), default=0)
        depth = max(token.level - 1, 0) + inline  # a top-level paragraph's text is at level 1
        if depth > deepest.depth:
            deepest = Nesting(depth, token.map[0] if token.map else 0)
    return deepest if deepest.depth > limit else None
