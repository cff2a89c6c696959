"""Real hyperlinks: `w:hyperlink` pointing at an external relationship of the part it sits in.

python-docx reads hyperlinks but cannot create them; this writes them with its OXML layer. The
relationship must belong to the part holding the paragraph (document, footnotes or header), or
Word reports the file as damaged.

python-docx's `Part.relate_to` looks for an existing relationship to the same target by scanning
every relationship of the part, then picks the next free id by scanning the ids from "rId1": two
passes over all relationships per link, so a letter with 8,000 links took 26 s. Each part here
keeps a map from target to id and a cursor over the ids it has handed out, which gives the same ids
(the same reuse of an existing relationship, the same first free "rIdN") in constant time per link.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_R_ID = qn("r:id")
_HISTORY = qn("w:history")


class _PartLinks:
    """The hyperlink relationships of one part, found by target, and its next free id."""

    def __init__(self, rels: Any) -> None:
        self._rels = rels
        self._next = 1
        self._by_target: dict[str, str] = {}
        self._seen = 0
        self._index()

    def _index(self) -> None:
        self._by_target.clear()
        self._seen = len(self._rels)
        for rel in self._rels.values():
            if rel.is_external and rel.reltype == RT.HYPERLINK:
                # The first match wins, as in python-docx's own search.
                self._by_target.setdefault(rel.target_ref, rel.rId)

    def _current(self, href: str) -> str | None:
        rel_id = self._by_target.get(href)
        if rel_id is None:
            return None
        rel = self._rels.get(rel_id)
        if rel is not None and rel.is_external and rel.reltype == RT.HYPERLINK and rel.target_ref == href:
            return rel_id
        return None

    def rel_id(self, href: str) -> str:
        """The id of the part's external hyperlink relationship to `href`, added if missing."""
        if len(self._rels) != self._seen:
            # Other code related the part to something (the footnotes part, numbering): rare, and
            # it may have been a link, which python-docx would reuse.
            self._index()
        found = self._current(href)
        if found is None and href in self._by_target:
            # Someone removed or replaced that relationship behind our back: look again.
            self._index()
            found = self._current(href)
        if found is not None:
            return found
        # Every id below the cursor is taken (ids are only added while a letter is written, and a
        # removal is refilled at once by python-docx's own lowest-free-id choice), so the first
        # free id from the cursor on is python-docx's `_next_rId`.
        while f"rId{self._next}" in self._rels:
            self._next += 1
        rel_id = f"rId{self._next}"
        self._rels.add_relationship(RT.HYPERLINK, href, rel_id, True)
        self._by_target[href] = rel_id
        self._seen = len(self._rels)
        return rel_id


_LINKS: weakref.WeakKeyDictionary[Part, _PartLinks] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _links_of(part: Part) -> _PartLinks:
    with _LOCK:
        links = _LINKS.get(part)
        if links is None or links._rels is not part.rels:
            links = _LINKS[part] = _PartLinks(part.rels)
        return links


def hyperlink_rel_id(part: Part, href: str) -> str:
    """`part.relate_to(href, RT.HYPERLINK, is_external=True)`, in constant time."""
    return _links_of(part).rel_id(href)


def new_hyperlink(part: Part, href: str) -> BaseOxmlElement:
    """An empty `w:hyperlink` to `href`; append runs to it."""
    return OxmlElement("w:hyperlink", attrs={_R_ID: hyperlink_rel_id(part, href), _HISTORY: "1"})
