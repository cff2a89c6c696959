"""Bounded work: the parse and the export grow linearly with links, paragraphs and footnotes.

Time is measured in benchmarks (fig_bounds), never here: these tests count work instead, which is
the same on every machine. A Python-level quadratic (a scan of every relationship per link, of
every footnote per footnote) shows as a call count growing sixteen-fold for four times the input.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.rel import Relationships
from export_samples import EN_FRAME, FIXED_NOW

from iphr_desk.core.export.docx.hyperlinks import hyperlink_rel_id
from iphr_desk.core.export.docx_export import document_bytes
from iphr_desk.core.letters.richtext import Inline, LineBreak, Text, merge_runs, parse_body

#: Four times the input may cost at most this much more work (4.0 is exactly linear).
GROWTH = 4.6


def _links(count: int) -> str:
    return "\n\n".join(
        " ".join(f"[l{k}](https://example.org/{k})" for k in range(first, first + 8))
        for first in range(0, count, 8)
    )


def _footnotes(count: int) -> str:
    refs = "\n\n".join(f"Claim {k}.[^{k}]" for k in range(1, count + 1))
    return refs + "\n\n" + "\n".join(f"[^{k}]: Source {k}." for k in range(1, count + 1))


def _paragraphs(count: int) -> str:
    return "".join(f"p{k % 10}\n\n" for k in range(count))


def _lines(count: int) -> str:
    return "".join(f"w{k} a\\*b\n" for k in range(count))


def _calls(work: Callable[[], object]) -> int:
    """Python function calls made by `work` (C functions not counted)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def _export(body: str) -> bytes:
    return document_bytes([(EN_FRAME, body)], now=FIXED_NOW)


@pytest.mark.parametrize(
    ("make", "size"),
    [(_links, 200), (_footnotes, 100), (_paragraphs, 400), (_lines, 400)],
    ids=["links", "footnotes", "short paragraphs", "one long paragraph"],
)
def test_export_work_grows_linearly(make: Callable[[int], str], size: int) -> None:
    _export(make(8))  # template cache, imports
    small = _calls(lambda: _export(make(size)))
    large = _calls(lambda: _export(make(4 * size)))
    assert large <= GROWTH * small, (small, large)


@contextmanager
def _counted_lookups() -> Iterator[list[int]]:
    """Count the relationship lookups python-docx's own `relate_to` would repeat for every link."""
    counter = [0]
    values, contains = Relationships.values, Relationships.__contains__

    def counted_values(self: Relationships) -> Any:
        counter[0] += len(self)
        return values(self)

    def counted_contains(self: Relationships, key: object) -> bool:
        counter[0] += 1
        return contains(self, key)

    Relationships.values = counted_values  # type: ignore[method-assign,assignment]
    Relationships.__contains__ = counted_contains  # type: ignore[method-assign,assignment]
    try:
        yield counter
    finally:
        Relationships.values = values  # type: ignore[method-assign]
        Relationships.__contains__ = contains  # type: ignore[method-assign]


def test_hyperlink_relationships_cost_constant_work_per_link() -> None:
    def lookups(count: int) -> int:
        part = Document().part
        with _counted_lookups() as counter:
            for k in range(count):
                hyperlink_rel_id(part, f"https://example.org/{k % (count // 2)}")
        return counter[0]

    assert lookups(2000) <= GROWTH * lookups(500)


def test_hyperlink_ids_are_those_python_docx_would_give() -> None:
    ours, theirs = Document().part, Document().part
    for part in (ours, theirs):
        part.rels.add_relationship(RT.HYPERLINK, "https://kept.example", "rId9", True)
        part.rels.add_relationship(RT.HYPERLINK, "https://kept.example", "rId12", True)
    targets = ["https://a.example", "https://kept.example", "https://b.example", "https://a.example"]
    targets += [f"https://n.example/{k}" for k in range(12)]
    got = [hyperlink_rel_id(ours, href) for href in targets]
    expected = [theirs.relate_to(href, RT.HYPERLINK, is_external=True) for href in targets]
    assert got == expected
    assert [(r.rId, r.target_ref) for r in ours.rels.values()] == [
        (r.rId, r.target_ref) for r in theirs.rels.values()
    ]


def test_hyperlink_ids_follow_relationships_added_by_others() -> None:
    part = Document().part
    first = hyperlink_rel_id(part, "https://a.example")
    other = part.relate_to("https://elsewhere.example", RT.HYPERLINK, is_external=True)
    second = hyperlink_rel_id(part, "https://b.example")
    assert len({first, other, second}) == 3
    assert hyperlink_rel_id(part, "https://elsewhere.example") == other


def test_merge_runs_joins_a_long_stretch_once_and_keeps_the_looks() -> None:
    runs: list[Inline] = [Text("a"), Text(""), Text("b"), Text("c", bold=True), Text("d", bold=True)]
    runs.append(LineBreak())
    runs += [Text("e", href="x"), Text("f", href="x"), Text("g", href="y")]
    assert merge_runs(runs) == (
        Text("ab"),
        Text("cd", bold=True),
        LineBreak(),
        Text("ef", href="x"),
        Text("g", href="y"),
    )
    many = parse_body(_lines(5000)).blocks[0]
    assert len(many.runs) == 1  # type: ignore[union-attr]
