"""Reading a .docx that someone else saved, without trusting it.

A reviewed copy comes back by e-mail or on a USB stick: it may be damaged, or made to hurt. The file
is read through `boundedio` (a size limit counted on the bytes read; never a device or a FIFO), each
zip member is unpacked with a limit on the bytes actually produced (a zip bomb declares small sizes),
and XML is parsed with lxml with entities unresolved, no network and no DTD at all: a Word part never
declares one, and entities are how XML reaches outside itself or explodes in memory. Every refusal
is one `BadInput` sentence naming the file.

(letterhead_sanitize does the same for letterheads, with a letterhead's wording and limits; a reviewed
copy needs only reading, never rewriting.)
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import Final

from lxml import etree

from iphr_desk.core.boundedio import UnreadableFile, describe_limit, read_bounded
from iphr_desk.core.errors import BadInput

MB: Final = 1024 * 1024
MAX_FILE_BYTES: Final = 50 * MB
MAX_PART_BYTES: Final = 30 * MB
MAX_TOTAL_BYTES: Final = 120 * MB
MAX_PARTS: Final = 2000
_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)
_RELS_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
#: Only these parts are ever unpacked: pictures and embedded files are not needed to read a review.
_WANTED: Final = re.compile(r"(\.xml|\.rels)$", re.IGNORECASE)


class DocxParts:
    """The XML parts of a .docx, unpacked on demand with the limits above; `source` names the file."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        self.sha256 = hashlib.sha256(data).hexdigest()  # the file's identity: importing it twice adds nothing
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise BadInput(f"{source}: this is not a Word document (.docx).") from exc
        if len(infos) > MAX_PARTS:
            raise BadInput(f"{source}: the package holds {len(infos)} parts (at most {MAX_PARTS}).")
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self._left = MAX_TOTAL_BYTES
        self._cache: dict[str, etree._Element | None] = {}
        if "[Content_Types].xml" not in self._infos or self.main_part() is None:
            raise BadInput(f"{source}: this is not a Word document (.docx): it has no document part.")

    @classmethod
    def open(cls, path: Path) -> DocxParts:
        try:
            data = read_bounded(path, MAX_FILE_BYTES, what="a Word document")
        except UnreadableFile as exc:
            raise BadInput(f"{path}: {exc.problem}.") from None
        return cls(data, path.name)

    def names(self) -> list[str]:
        return list(self._infos)

    def raw(self, name: str) -> bytes | None:
        info = self._infos.get(name)
        if info is None:
            return None
        limit = min(MAX_PART_BYTES, self._left)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(min(256 * 1024, limit + 1 - size)):
                    size += len(chunk)
                    if size > limit:
                        raise BadInput(
                            f"{self.source}: the part {name} unpacks to more than {describe_limit(limit)}; "
                            "a reviewed letter is far smaller (the file may be a zip bomb)."
                        )
                    chunks.append(chunk)
        except BadInput:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise BadInput(
                f"{self.source}: the part {name} cannot be unpacked ({exc}); the file is damaged."
            ) from exc
        self._left -= size
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        """The root of part `name`, or None when the package has no such part."""
        if name in self._cache:
            return self._cache[name]
        if not _WANTED.search(name):
            raise BadInput(f"{self.source}: {name} is not an XML part.")
        blob = self.raw(name)
        root = None if blob is None else self._parse(blob, name)
        self._cache[name] = root
        return root

    def _parse(self, blob: bytes, name: str) -> etree._Element:
        try:
            tree = etree.parse(io.BytesIO(blob), _PARSER)
        except etree.XMLSyntaxError as exc:
            problem = re.sub(r",? line \d+, column \d+.*$", "", str(exc).split(" (<string>", 1)[0])
            raise BadInput(f"{self.source}: the part {name} is not valid XML ({problem}).") from exc
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise BadInput(
                f"{self.source}: the part {name} declares a DTD or entities, which a Word document never "
                "does; it is not read."
            )
        return tree.getroot()

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (type, target part name or URL, external) for `part` ("" for the package)."""
        folder, _, file = part.rpartition("/")
        rels_name = (
            f"{folder}/_rels/{file}.rels" if folder else ("_rels/.rels" if not file else f"_rels/{file}.rels")
        )
        root = self.xml(rels_name)
        found: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                if target.startswith("/"):
                    target = posixpath.normpath(target.lstrip("/"))
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        return found

    def main_part(self) -> str | None:
        for kind, target, _external in self.relationships("").values():
            if kind.endswith("/officeDocument"):
                return target if target in self._infos else None
        return None

    def related(self, part: str, kind_suffix: str) -> str | None:
        """The first part related to `part` by a relationship type ending in `kind_suffix`."""
        for kind, target, external in self.relationships(part).values():
            if kind.endswith(kind_suffix) and not external and target in self._infos:
                return target
        return None
