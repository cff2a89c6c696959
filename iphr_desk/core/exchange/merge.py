"""Three-way merges for reviewed copies: which side changed what, against the text both started from.

The merging itself is the `merge3` library's (the three-way merge of Bazaar and Breezy): it aligns each
side with the base and reports regions changed on one side, on both the same way, or on both
differently. What is ours is what to do with each region:

- `merge_body(base, ours, theirs)` merges letter bodies paragraph by paragraph (a Markdown body is a
  paragraph, a list item or a quote line per line). A paragraph changed on both sides differently is a
  conflict: both texts are kept, one after the other, under a visible marker paragraph, and reported.
  Nothing from either side is dropped (tests/core/exchange/test_merge.py checks it with hypothesis).
- `prefer_theirs_merge(base, ours, theirs)` replays the reviewer's edits on the stored text. The
  import uses it to lay the reviewer's edits over the stored Markdown: `base` is the exported body as the
  reader sees it (typography applied, the reader's own Markdown spelling), `ours` the stored body, and
  `theirs` the reviewed copy; what the reviewer did not touch keeps the stored spelling exactly.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, cast

import merge3

CONFLICT_OURS: Final = "**⚠ Changed both in the app and in the reviewed copy. Version in the app:**"
CONFLICT_THEIRS: Final = "**⚠ Version in the reviewed copy ({who}); keep one of the two:**"


@dataclass(frozen=True)
class BodyMerge:
    text: str
    conflicts: tuple[str, ...]  # one line each: which paragraph both sides changed


def regions(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]
) -> list[tuple[str, list[str], list[str], list[str]]]:
    """(kind, base part, ours part, theirs part) for each region; kind is "same" (the text is the
    same on all sides or changed the same way), "ours", "theirs" or "conflict"."""
    out: list[tuple[str, list[str], list[str], list[str]]] = []
    # (difflib.SequenceMatcher fits merge3's matcher protocol; its stubs differ in the return type)
    merger = merge3.Merge3(list(base), list(ours), list(theirs), sequence_matcher=cast("Any", _Matcher))
    for region in merger.merge_regions():
        kind = region[0]
        if kind == "unchanged":
            part = list(base[region[1] : region[2]])
            out.append(("same", part, part, part))
        elif kind == "same":
            part = list(ours[region[1] : region[2]])
            out.append(("same", part, part, part))
        elif kind == "a":
            out.append(("ours", [], list(ours[region[1] : region[2]]), []))
        elif kind == "b":
            out.append(("theirs", [], [], list(theirs[region[1] : region[2]])))
        else:
            zs, ze, a_s, ae, bs, be = (int(x) for x in region[1:7])
            out.append(("conflict", list(base[zs:ze]), list(ours[a_s:ae]), list(theirs[bs:be])))
    return out


def prefer_theirs_merge(base: str, ours: str, theirs: str) -> str:
    """`ours` with `theirs`' changes against `base` laid over it: line by line, and where both changed
    lines, the reviewer's edits replayed on the stored lines character by character (`replay`)."""
    if theirs == base:
        return ours
    lines: list[str] = []
    for kind, zpart, opart, tpart in regions(_lines(base), _lines(ours), _lines(theirs)):
        if kind in ("same", "ours"):
            lines.extend(opart)
        elif kind == "theirs":
            lines.extend(tpart)
        else:
            replayed = replay("\n".join(zpart), "\n".join(opart), "\n".join(tpart))
            lines.extend(replayed.split("\n"))
    return _text(lines)


def merge_body(base: str, ours: str, theirs: str, *, who: str) -> BodyMerge:
    """The bodies merged paragraph by paragraph (see the module docstring)."""
    lines: list[str] = []
    conflicts: list[str] = []
    for kind, zpart, opart, tpart in regions(_lines(base), _lines(ours), _lines(theirs)):
        if kind in ("same", "ours"):
            lines.extend(opart)
        elif kind == "theirs":
            lines.extend(tpart)
        else:
            ours_text = _strip_blank(opart)
            theirs_text = _strip_blank(tpart)
            if not ours_text:
                lines.extend(tpart)
                continue
            if not theirs_text:
                lines.extend(opart)
                continue
            first = next((line for line in zpart + ours_text if line.strip()), "")
            conflicts.append(f"changed both in the app and in the reviewed copy: “{_short(first)}”")
            lines.extend(["", CONFLICT_OURS, "", *ours_text, "", CONFLICT_THEIRS.format(who=who), "",
                          *theirs_text, ""])  # fmt: skip
    return BodyMerge(_text(lines), tuple(conflicts))


def replay(base: str, ours: str, theirs: str) -> str:
    """`theirs`' edits of `base` replayed on `ours`, character by character, with `base` as the pivot.

    Where the reviewer kept a stretch of the exported text, the stored spelling of that stretch is
    written (plain spaces and quotes, the stored Markdown); what the reviewer typed is written as typed.
    A three-way merge calls two edits that touch a conflict (the export put a no-break space before a
    colon, the reviewer made the word before it bold); here they are not: each side's edit is about
    different characters. No library replays one diff through another, hence this function.
    """
    if theirs == base:
        return ours
    to_ours = _Matcher(None, base, ours).get_opcodes()
    starts = {i1: (tag, j1, j2) for tag, i1, _i2, j1, j2 in to_ours if tag != "equal"}
    mapping: list[int | None] = [None] * len(base)  # base index -> ours index, where they are equal
    for tag, i1, i2, j1, _j2 in to_ours:
        if tag == "equal":
            for offset in range(i2 - i1):
                mapping[i1 + offset] = j1 + offset
    out: list[str] = []

    def kept(i1: int, i2: int) -> None:
        """The stored text for base[i1:i2], which the reviewer left as it was."""
        for index in range(i1, i2):
            found = starts.get(index)
            if found is not None:  # the stored text differs here: it is written once, at its start
                out.append(ours[found[1] : found[2]])
            if mapping[index] is not None:
                out.append(ours[mapping[index]])  # type: ignore[index]
        if i2 == len(base) and len(base) in starts:  # stored text after the end of the base
            out.append(ours[starts[len(base)][1] : starts[len(base)][2]])

    for tag, i1, i2, j1, j2 in _Matcher(None, base, theirs).get_opcodes():
        if tag == "equal":
            kept(i1, i2)
        else:
            out.append(theirs[j1:j2])
    return "".join(out)


class _Matcher(difflib.SequenceMatcher[Any]):
    """difflib's matcher without its "popular element" heuristic: in a letter every word and blank
    line is common, and junking them would leave nothing to align on."""

    def __init__(self, isjunk: Any = None, a: Any = "", b: Any = "", autojunk: bool = False) -> None:
        super().__init__(isjunk, a, b, autojunk=False)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _text(lines: list[str]) -> str:
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _strip_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
