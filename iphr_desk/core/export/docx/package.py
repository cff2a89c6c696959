"""Letterhead templates read once per process; each letter gets its own light copy of the package.

python-docx's `Document(path)` unzips the template and parses every XML part with lxml, and its
`save` serialises and deflates every part again: about two thirds of a letter's export went into
re-reading and re-writing parts that are the same in every letter (theme, fonts, headers, footers,
the logo...). Here a template is opened with python-docx once, its body emptied and its leftovers
removed (`metadata.clean_template`), and what every letter shares is kept as bytes:

- `letter_document(path)` returns a real python-docx `Document` for one letter: a fresh package
  whose parts are copies of the template's, each parsing its XML from the cached bytes only when
  the exporter touches it (the document body always; numbering, settings, core properties when
  a letter needs them).
- Saving that document (python-docx's `Document.save`, which calls the package's `save`) writes
  every part the letter did not change from its cached, already compressed bytes, and compresses
  only the parts it did.

The cache is keyed by the template's path and its file status (size, times, inode), so a template
replaced or edited on disk is read again (a file changed in the last seconds is compared by content
too, as file times move in coarse ticks); entries hold only bytes and immutable values, never a
parsed tree, so letters built on several threads at once share nothing they could change.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import os
import struct
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem  # python-docx's own [Content_Types].xml builder
from docx.oxml import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.package import Package

from iphr_desk.core.export.docx.metadata import set_language_element
from iphr_desk.core.export.docx.styles import StyleIds

#: Templates kept (each a few hundred KB at most: the parts' bytes, raw and compressed).
CACHE_SIZE: Final = 8
#: Variants of shared parts (styles per language, settings, numbering, content types) per template.
VARIANTS_PER_TEMPLATE: Final = 32
#: Content types written uncompressed: the data is compressed already and deflating it again
#: costs time for nothing.
_STORED_TYPES: Final = frozenset({"image/png", "image/jpeg", "image/gif"})
_CONTENT_TYPES: Final = "[Content_Types].xml"
_PACKAGE_RELS: Final = PACKAGE_URI.rels_uri.membername
#: Parts that hold nothing of a letter's text, whose variants may be kept for the next letters.
_SHARED_MEMBERS: Final = frozenset(
    {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/numbering.xml",
        "docProps/app.xml",
    }
)


# --------------------------------------------------------------------------- zip members


@dataclass(frozen=True)
class Member:
    """One zip entry ready to be written: its raw bytes (for comparison) and stored data."""

    raw: bytes
    data: bytes
    crc: int
    method: int

    @classmethod
    def of(cls, raw: bytes, *, store: bool = False) -> Member:
        if store:
            return cls(raw, raw, zlib.crc32(raw), 0)
        # Level 6 and a raw deflate stream, as the standard library's zipfile writes them.
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(raw, compressor.compress(raw) + compressor.flush(), zlib.crc32(raw), 8)


# A zip written directly rather than with `zipfile`: `zipfile` can only add data it compresses
# itself, and re-deflating the same theme, styles and logo for every letter is what this module
# exists to avoid. No zip64 is needed: a letter is far below 4 GB and 65,535 entries
# (`write_zip` refuses anything larger rather than write a broken file).
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE: Final = (0 << 9) | (1 << 5) | 1  # 1980-01-01: fixed, so the same letter gives the same bytes
_DOS_TIME: Final = 0
_UNIX_FILE: Final = 0o100600 << 16


def write_zip(stream: IO[bytes], members: list[tuple[str, Member]]) -> None:
    """Write `members` (name, member) as a zip archive to `stream`."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, member in members:
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800
        version = 20 if member.method else 10
        header = _LOCAL.pack(
            b"PK\x03\x04", version, 0, flags, member.method, _DOS_TIME, _DOS_DATE, member.crc,
            len(member.data), len(member.raw), len(encoded), 0,
        )  # fmt: skip
        entry = _CENTRAL.pack(
            b"PK\x01\x02", 20, 3, version, 0, flags, member.method, _DOS_TIME, _DOS_DATE, member.crc,
            len(member.data), len(member.raw), len(encoded), 0, 0, 0, 0, _UNIX_FILE, offset,
        )  # fmt: skip
        central.append(entry + encoded)
        chunks += (header, encoded, member.data)
        offset += len(header) + len(encoded) + len(member.data)
    directory = b"".join(central)
    if offset + len(directory) > 0xFFFFFFFF or len(members) > 0xFFFF:
        raise ValueError("The document is too large for a .docx package.")
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    stream.write(b"".join((*chunks, directory, end)))


# --------------------------------------------------------------------------- the cached template


@dataclass(frozen=True)
class _Rel:
    rid: str
    reltype: str
    target: str  # a partname, or the external address
    is_external: bool


@dataclass(frozen=True)
class _SourcePart:
    partname: PackURI
    content_type: str
    cls: type[Part]
    blob: bytes
    lazy: bool  # an XmlPart parsed on first use (see _FromTemplate)
    rels: tuple[_Rel, ...]


class PreparedTemplate:
    """One letterhead template, read and cleaned once: its parts as bytes, and what derives from them."""

    def __init__(self, document: DocxDocument, source: bytes = b"", read_at: int = 0) -> None:
        self.source = source  # the template file as read
        self.read_at = read_at  # when it was read (time.time_ns()), or last found unchanged
        package = document.part.package
        self.main_partname = document.part.partname
        self._main_member = self.main_partname.membername
        self.style_ids = StyleIds.of(document)
        parts: list[_SourcePart] = []
        self._members: dict[str, Member] = {}
        # What the rels and content-type members are made from, to reuse them without serialising.
        self._signatures: dict[str, tuple[object, ...]] = {}
        for part in package.iter_parts():
            blob = part.blob
            lazy = isinstance(part, XmlPart) and type(part).__init__ is XmlPart.__init__
            rels = tuple(_rel(rel) for rel in part.rels.values())
            parts.append(_SourcePart(part.partname, part.content_type, type(part), blob, lazy, rels))
            store = part.content_type in _STORED_TYPES
            self._members[part.partname.membername] = Member.of(blob, store=store)
            if rels:
                rels_name = part.partname.rels_uri.membername
                self._members[rels_name] = Member.of(_rels_xml(part.rels))
                self._signatures[rels_name] = _rels_signature(part.rels)
        self.parts = tuple(parts)
        self.package_rels = tuple(_rel(rel) for rel in package.rels.values())
        self._members[_PACKAGE_RELS] = Member.of(_rels_xml(package.rels))
        self._signatures[_PACKAGE_RELS] = _rels_signature(package.rels)
        self._members[_CONTENT_TYPES] = Member.of(_content_types(package.parts))
        self._signatures[_CONTENT_TYPES] = _types_signature(package.parts)
        self._lock = threading.Lock()
        self._variants: OrderedDict[tuple[str, object], Member] = OrderedDict()
        self._styles: dict[tuple[bytes, str], bytes] = {}

    def member(self, name: str, raw: bytes, store: bool = False) -> Member:
        """The zip entry for `raw`: the template's own when unchanged, else compressed now."""
        known = self._members.get(name)
        if known is not None and (known.raw is raw or known.raw == raw):
            return known
        return self._remembered(name, raw, lambda: raw, store)

    def derived_member(self, name: str, signature: tuple[object, ...], make: Callable[[], bytes]) -> Member:
        """The zip entry for what `make()` serialises (rels, content types), known by `signature`."""
        if self._signatures.get(name) == signature:
            return self._members[name]
        return self._remembered(name, signature, make, False)

    def _remembered(self, name: str, key_value: object, make: Callable[[], bytes], store: bool) -> Member:
        """A member made once per template (parts without a letter's text) or per batch (others)."""
        shared = name in _SHARED_MEMBERS
        # The document itself differs for every recipient: not worth remembering.
        memo = _BATCH_MEMO.get() if name != self._main_member else None
        key = (name, key_value)
        if shared:
            with self._lock:
                found = self._variants.get(key)
                if found is not None:
                    self._variants.move_to_end(key)
                    return found
        elif memo is not None and key in memo:
            return memo[key]
        made = Member.of(make(), store=store)
        if shared:
            with self._lock:
                self._variants[key] = made
                while len(self._variants) > VARIANTS_PER_TEMPLATE:
                    self._variants.popitem(last=False)
        elif memo is not None:
            memo[key] = made
        return made

    def styles_for_language(self, source: bytes, tag: str) -> bytes:
        """The styles part `source` with `tag` as the default language (`set_language`), cached."""
        key = (source, tag)  # a bytes object keeps its hash: a long-lived source is hashed once
        with self._lock:
            found = self._styles.get(key)
        if found is None:
            root = parse_xml(source)
            set_language_element(root, tag)
            found = _serialize(root)
            with self._lock:
                self._styles[key] = found
        return found

    def new_document(self) -> DocxDocument:
        """A python-docx document for one letter, sharing no mutable state with any other."""
        package = _LetterPackage(self)
        made: dict[str, Part] = {}
        for source in self.parts:
            if source.lazy:
                part: Part = _lazy_class(source.cls)(source.partname, source.content_type, None, package)
                part._source = source.blob  # type: ignore[attr-defined]
            else:
                part = source.cls.load(source.partname, source.content_type, source.blob, package)
            made[source.partname] = part
        for source in self.parts:
            rels = made[source.partname].rels
            for rel in source.rels:
                target = rel.target if rel.is_external else made[rel.target]
                rels.add_relationship(rel.reltype, target, rel.rid, rel.is_external)
        for rel in self.package_rels:
            target = rel.target if rel.is_external else made[rel.target]
            package.rels.add_relationship(rel.reltype, target, rel.rid, rel.is_external)
        for part in made.values():
            part.after_unmarshal()
        package.after_unmarshal()
        document: DocxDocument = made[self.main_partname].document  # type: ignore[attr-defined]
        return document


def _rel(rel: Any) -> _Rel:
    target = rel.target_ref if rel.is_external else rel.target_part.partname
    return _Rel(rel.rId, rel.reltype, target, rel.is_external)


def _serialize(root: BaseOxmlElement) -> bytes:
    from docx.opc.oxml import serialize_part_xml

    return serialize_part_xml(root)


# --------------------------------------------------------------------------- a letter's package


class _FromTemplate:
    """Mixin for a letter's copy of a template XML part: parsed from the template's bytes on first
    use, written from the template's compressed bytes when never touched."""

    _source: bytes
    _parsed: BaseOxmlElement | None = None

    @property
    def _element(self) -> BaseOxmlElement:
        if self._parsed is None:
            self._parsed = parse_xml(self._source)
        return self._parsed

    @_element.setter
    def _element(self, value: BaseOxmlElement | None) -> None:
        self._parsed = value

    @property
    def blob(self) -> bytes:
        if self._parsed is None:
            return self._source
        return _serialize(self._parsed)

    def use_source(self, source: bytes) -> None:
        """Replace the (untouched) content with `source`."""
        assert self._parsed is None
        self._source = source

    @property
    def untouched(self) -> bool:
        return self._parsed is None


_LAZY_CLASSES: dict[type[Part], type[Part]] = {}


def _lazy_class(cls: type[Part]) -> type[Part]:
    found = _LAZY_CLASSES.get(cls)
    if found is None:
        found = _LAZY_CLASSES.setdefault(cls, type(f"Template{cls.__name__}", (_FromTemplate, cls), {}))
    return found


class _LetterPackage(Package):
    """A letter's package: python-docx's, except that saving reuses the template's compressed parts."""

    def __init__(self, prepared: PreparedTemplate) -> None:
        super().__init__()
        self.prepared = prepared

    def save(self, pkg_file: str | IO[bytes]) -> None:
        parts = self.parts
        for part in parts:
            part.before_marshal()
        prepared = self.prepared
        signature = _types_signature(parts)
        types = prepared.derived_member(_CONTENT_TYPES, signature, lambda: _content_types(parts))
        members: list[tuple[str, Member]] = [(_CONTENT_TYPES, types)]
        members.append((_PACKAGE_RELS, _rels_member(prepared, _PACKAGE_RELS, self.rels)))
        for part in parts:
            name = part.partname.membername
            members.append((name, prepared.member(name, part.blob, part.content_type in _STORED_TYPES)))
            if len(part.rels):
                rels_name = part.partname.rels_uri.membername
                members.append((rels_name, _rels_member(prepared, rels_name, part.rels)))
        if isinstance(pkg_file, str | os.PathLike):
            with open(pkg_file, "wb") as stream:
                write_zip(stream, members)
        else:
            write_zip(pkg_file, members)


def _rels_member(prepared: PreparedTemplate, name: str, rels: Any) -> Member:
    return prepared.derived_member(name, _rels_signature(rels), lambda: _rels_xml(rels))


def _rels_signature(rels: Any) -> tuple[object, ...]:
    """What a .rels part is written from (python-docx's `Relationships.xml`)."""
    return tuple((rel.rId, rel.reltype, rel.target_ref, rel.is_external) for rel in rels.values())


def _types_signature(parts: list[Part]) -> tuple[object, ...]:
    """What [Content_Types].xml is written from (python-docx's `_ContentTypesItem.from_parts`)."""
    return tuple((str(part.partname), part.content_type) for part in parts)


def _content_types(parts: list[Part]) -> bytes:
    blob: bytes = _ContentTypesItem.from_parts(parts).blob
    return blob


def _rels_xml(rels: Any) -> bytes:
    xml: str | bytes = rels.xml
    return xml if isinstance(xml, bytes) else xml.encode("utf-8")


def prepared_of(document: DocxDocument) -> PreparedTemplate | None:
    """The cached template `document` was made from, if it was."""
    package = document.part.package
    return package.prepared if isinstance(package, _LetterPackage) else None


def set_document_language(document: DocxDocument, tag: str) -> None:
    """`metadata.set_language`, using the template's cached styles for `tag` when it can."""
    from iphr_desk.core.export.docx.metadata import set_language

    prepared = prepared_of(document)
    try:
        styles = document.part.part_related_by(RT.STYLES) if prepared is not None else None
    except KeyError:  # no styles part: python-docx makes one when set_language asks for it
        styles = None
    if prepared is not None and isinstance(styles, _FromTemplate) and styles.untouched:
        styles.use_source(prepared.styles_for_language(styles._source, tag))
        return
    set_language(document, tag)


# --------------------------------------------------------------------------- batches


_BATCH_MEMO: contextvars.ContextVar[dict[tuple[str, object], Member] | None] = contextvars.ContextVar(
    "iphr_docx_batch_memo", default=None
)


@contextlib.contextmanager
def batch_scope() -> Iterator[None]:
    """Within the block, letters share the compressed form of identical parts (footnotes, links,
    properties: the same body for every recipient); forgotten when the block ends."""
    token = _BATCH_MEMO.set({})
    try:
        yield
    finally:
        _BATCH_MEMO.reset(token)


# --------------------------------------------------------------------------- the cache


_cache: OrderedDict[tuple[object, ...], PreparedTemplate] = OrderedDict()
_cache_lock = threading.Lock()


#: A file changed this close to the moment it was read may change again without its times showing
#: it (file times move in clock ticks of several milliseconds): its content is checked instead.
_RACY_NS: Final = 2_000_000_000


def _key(path: Path) -> tuple[tuple[object, ...], int]:
    """The cache key of the file at `path`, and when it last changed (ns)."""
    status = path.stat()
    when = (status.st_mtime_ns, status.st_ctime_ns)
    return (str(path.resolve()), status.st_size, *when, status.st_ino, status.st_dev), max(when)


def prepared_template(path: Path) -> PreparedTemplate:
    """The template at `path`, prepared once for as long as the file stays the same."""
    from iphr_desk.core.export.docx.template import open_prepared

    try:
        key, changed = _key(path)
    except OSError:
        key, changed = None, 0
    found = None
    if key is not None:
        with _cache_lock:
            found = _cache.get(key)
            if found is not None:
                _cache.move_to_end(key)
        if found is not None and changed + _RACY_NS < found.read_at:
            return found
    read_at = time.time_ns()
    data = _read(path)
    if found is not None and data == found.source:
        found.read_at = read_at
        return found
    prepared = PreparedTemplate(open_prepared(io.BytesIO(data), path), data, read_at)
    if key is not None:
        with _cache_lock:
            _cache[key] = prepared
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return prepared


def _read(path: Path) -> bytes:
    from iphr_desk.core.errors import LetterheadError

    try:
        return path.read_bytes()
    except OSError as exc:
        problem = f"{path.name}: the letterhead cannot be opened as a Word document ({exc})."
        raise LetterheadError(problem) from exc


def letter_document(path: Path) -> DocxDocument:
    """A new, empty letter on the template at `path` (see the module's docstring)."""
    return prepared_template(path).new_document()


def clear_cache() -> None:
    """Forget every prepared template (tests; a long-running process never needs to)."""
    with _cache_lock:
        _cache.clear()
