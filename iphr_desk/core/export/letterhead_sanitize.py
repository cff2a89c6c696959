"""Make an organisation's Word letterhead safe to copy into every letter the NGO sends.

A letterhead is written by someone else, on someone else's machine, and its headers and footers
travel inside every exported letter. Whatever it carries reaches the signatories and, on a PDF
export, LibreOffice: a picture linked by URL (a tracking pixel) or a remote field makes LibreOffice
resolve the host, so the app would touch the network; a `file:///C:/Users/...` link names a person;
an embedded object or control can run code; a photo's EXIF holds an author and a GPS position; a
part that unpacks to gigabytes (a zip bomb) stalls every export.

`sanitise_package` reads the package with bounded reads (counting the bytes actually unpacked,
never the sizes the archive declares), refuses XML with a DTD (entities are how an XML file
reaches outside itself or explodes in memory), removes what could fetch, run or leak, and
re-encodes images without their metadata. What it removed is counted, so the user is told.

The same function runs when the exporter first loads a template (`docx.template.open_prepared`),
so a letterhead registered by an older version, or copied into the folder by hand, is held to the
same rules; there only images with metadata are re-encoded, and a package with nothing to remove
comes back unchanged (the built-in letterhead's exports stay byte for byte what they were).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from iphr_desk.core.errors import LetterheadError

MB: Final = 1024 * 1024
#: The largest part (XML or image) a letterhead may unpack to. Real ones are a few hundred KB.
MAX_PART_BYTES: Final = 20 * MB
#: All parts together.
MAX_TOTAL_BYTES: Final = 80 * MB
MAX_PARTS: Final = 1000
#: An image larger than this (width x height) is refused: a tiny file can declare a huge bitmap.
MAX_IMAGE_PIXELS: Final = 50_000_000

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
_VML: Final = "urn:schemas-microsoft-com:vml"
_OFFICE: Final = "urn:schemas-microsoft-com:office:office"
_RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_SVG_BLIP: Final = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
_CONTENT_TYPES: Final = "[Content_Types].xml"

#: Relationship types (their last path segment) whose targets can run code or hold other files.
_EMBEDDED_TYPES: Final = frozenset(
    {"oleObject", "package", "control", "activeXControlBinary", "aFChunk", "subDocument", "frame"}
)
_MACRO_TYPES: Final = frozenset(
    {"vbaProject", "vbaData", "keyMapCustomizations", "attachedToolbars", "wordVbaData"}
)
#: Relationships dropped without a word: python-docx's default template has a thumbnail, and
#: `metadata.clean_template` unlinks it later anyway.
_QUIET_TYPES: Final = frozenset({"thumbnail"})
#: Parts never kept, whatever links to them.
_FORBIDDEN_PARTS: Final = re.compile(
    r"(^|/)(embeddings|activeX)/|vbaProject\.bin$|vbaData\.xml$|customizations\.xml$|attachedToolbars\.bin$",
    re.IGNORECASE,
)

#: Fields whose instruction fetches content from elsewhere (a URL, a path, another program).
_REMOTE_FIELDS: Final = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT", "DATABASE"}
)
#: Fields that run something when clicked or updated.
_ACTIVE_FIELDS: Final = frozenset({"EMBED", "MACROBUTTON", "AUTOOPEN", "PRINT"})
_FIELD_NAME: Final = re.compile(r"^\s*\\?([A-Za-z]+)")

#: Elements that hold an OLE object or an ActiveX control, removed whole.
_OBJECT_TAGS: Final = frozenset(
    {f"{{{_W}}}object", f"{{{_W}}}control", f"{{{_OFFICE}}}OLEObject", f"{{{_W}}}objectEmbed"}
)
#: Attributes of VML elements that may hold a URL or a path directly (no relationship).
_VML_URL_ATTRIBUTES: Final = frozenset({f"{{{_OFFICE}}}href", f"{{{_OFFICE}}}althref", "src", "href"})

_REENCODED: Final = frozenset({"png", "jpg", "jpeg", "jpe", "jfif", "gif", "bmp", "tif", "tiff", "webp"})

_LABELS: Final = {
    "external image link": ("{n} external image link", "{n} external image links"),
    "external link": ("{n} external link", "{n} external links"),
    "remote field": ("{n} remote field", "{n} remote fields"),
    "active field": ("{n} active field", "{n} active fields"),
    "embedded object": ("{n} embedded object or control", "{n} embedded objects or controls"),
    "macro part": ("{n} macro or customisation part", "{n} macro or customisation parts"),
    "broken link": ("{n} link to a missing part", "{n} links to missing parts"),
    "vector image": ("{n} SVG image (its PNG copy kept)", "{n} SVG images (their PNG copies kept)"),
    "image metadata": ("the metadata of {n} image", "the metadata of {n} images"),
}


@dataclass
class Sanitised:
    """The cleaned package and what was taken out of it (category -> count)."""

    data: bytes
    removed: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """'1 external image link, 2 remote fields' (empty when nothing was removed)."""
        words = []
        for key, (one, many) in _LABELS.items():
            n = self.removed.get(key, 0)
            if n:
                words.append((one if n == 1 else many).format(n=n))
        return ", ".join(words)


def sanitise_package(data: bytes, source: str, *, reencode_all: bool = True) -> Sanitised:
    """`data` (a .docx package) without what could fetch, run or leak; `source` names it in errors.

    With `reencode_all=False` (the exporter's load) only images with metadata found are re-encoded;
    on import every one is, as metadata comes in more forms than are looked for.
    """
    package = _Package(read_parts(data, source), source)
    package.drop_forbidden_parts()
    package.clean_relationships()
    package.clean_xml_parts()
    package.drop_unreachable_parts()
    package.process_images(reencode_all=reencode_all)
    if not package.changed:
        return Sanitised(data, package.removed)
    return Sanitised(package.serialise(), package.removed)


def read_parts(data: bytes, source: str) -> dict[str, bytes]:
    """Every member of the zip `data`, each read through a bounded reader."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LetterheadError(f"{source}: this is not a Word document (.docx).") from exc
    if len(infos) > MAX_PARTS:
        raise LetterheadError(
            f"{source}: the package holds {len(infos)} parts (at most {MAX_PARTS}); "
            "this cannot be a letterhead."
        )
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.filename in parts:
            raise LetterheadError(
                f"{source}: the package holds two parts named {info.filename}; it is damaged."
            )
        blob = _read_bounded(archive, info, source, MAX_TOTAL_BYTES - total)
        total += len(blob)
        parts[info.filename] = blob
    return parts


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, left: int) -> bytes:
    """The member's bytes, stopping one chunk past the limit however small its declared size."""
    limit = min(MAX_PART_BYTES, left)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(256 * 1024, limit + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    if limit == MAX_PART_BYTES:
                        raise LetterheadError(
                            f"{source}: the part {info.filename} unpacks to more than "
                            f"{MAX_PART_BYTES // MB} MB, far more than a letterhead needs; it cannot be used."
                        )
                    raise LetterheadError(
                        f"{source}: its parts unpack to more than {MAX_TOTAL_BYTES // MB} MB in all "
                        f"(at {info.filename}), far more than a letterhead needs; it cannot be used."
                    )
                chunks.append(chunk)
    except LetterheadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise LetterheadError(
            f"{source}: the part {info.filename} cannot be unpacked ({exc}); the file is damaged."
        ) from exc
    return b"".join(chunks)


_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)


def parse_part(blob: bytes, source: str, name: str) -> etree._Element:
    """The XML of part `name`, refusing a DTD: a Word part never declares one, and entities are
    how XML reaches outside itself (external entities) or explodes in memory (nested ones)."""
    try:
        tree = etree.parse(io.BytesIO(blob), _PARSER)
    except etree.XMLSyntaxError as exc:
        # libxml2's own wording, without the position in a part the user never sees
        problem = re.sub(r",? line \d+, column \d+.*$", "", str(exc).split(" (<string>", 1)[0])
        raise LetterheadError(
            f"{source}: the part {name} is not valid XML ({problem}); "
            "open the file in Word and save it again."
        ) from exc
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise LetterheadError(
            f"{source}: the part {name} declares a DTD or entities, which a Word document never does; "
            "it cannot be a letterhead."
        )
    return tree.getroot()


def _type_name(rel_type: str) -> str:
    return rel_type.rstrip("/").rsplit("/", 1)[-1]


def _rels_owner(rels_name: str) -> str:
    """'word/_rels/document.xml.rels' -> 'word/document.xml'; '_rels/.rels' -> '' (the package)."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file[: -len(".rels")] if file != ".rels" else ""


def _rels_name(part: str) -> str:
    folder, _, file = part.rpartition("/")
    return f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"


def _resolve(owner: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    base = posixpath.dirname(owner)
    return posixpath.normpath(posixpath.join(base, target))


class _Package:
    """The parts as bytes, their parsed XML where it was needed, and what changed."""

    def __init__(self, parts: dict[str, bytes], source: str) -> None:
        self.parts = parts
        self.source = source
        self.trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        self.removed: Counter[str] = Counter()
        self.changed = False
        #: part name -> the relationship ids removed from it, with why.
        self.dropped: dict[str, dict[str, str]] = {}
        if _CONTENT_TYPES not in parts:
            raise LetterheadError(f"{source}: this is not a Word document (.docx).")
        for name in parts:
            if name.endswith((".xml", ".rels")) or name == _CONTENT_TYPES:
                self.tree(name)  # every XML part is checked, even those nothing reads

    def tree(self, name: str) -> etree._Element:
        if name not in self.trees:
            self.trees[name] = parse_part(self.parts[name], self.source, name)
        return self.trees[name]

    def remove_part(self, name: str) -> None:
        self.parts.pop(name, None)
        self.trees.pop(name, None)
        self.dirty.discard(name)
        rels = _rels_name(name)
        if rels in self.parts:
            self.remove_part(rels)
        self.changed = True

    # ------------------------------------------------------------------ parts and relationships

    def drop_forbidden_parts(self) -> None:
        for name in [n for n in self.parts if _FORBIDDEN_PARTS.search(n)]:
            self.remove_part(name)

    def clean_relationships(self) -> None:
        for rels_name in [n for n in self.parts if n.endswith(".rels")]:
            owner = _rels_owner(rels_name)
            root = self.tree(rels_name)
            for rel in list(root):
                why = self._why_dropped(owner, rel)
                if why is None:
                    continue
                root.remove(rel)
                self.dirty.add(rels_name)
                self.changed = True
                self.dropped.setdefault(owner, {})[rel.get("Id", "")] = why
                if why != "quiet":
                    self.removed[why] += 1

    def _why_dropped(self, owner: str, rel: etree._Element) -> str | None:
        kind = _type_name(rel.get("Type", ""))
        if rel.get("TargetMode", "Internal") != "Internal":
            return "external image link" if kind == "image" else "external link"
        if kind in _EMBEDDED_TYPES:
            return "embedded object"
        if kind in _MACRO_TYPES:
            return "macro part"
        if kind in _QUIET_TYPES:
            return "quiet"
        target = _resolve(owner, rel.get("Target", ""))
        if _FORBIDDEN_PARTS.search(target):
            return "embedded object"
        if target not in self.parts:
            return "broken link"
        return None

    def drop_unreachable_parts(self) -> None:
        """Parts no relationship reaches any more (an OLE object's data, a dropped thumbnail)."""
        reached: set[str] = set()
        queue = [""]
        while queue:
            owner = queue.pop()
            rels = _rels_name(owner) if owner else "_rels/.rels"
            if rels not in self.parts:
                continue
            for rel in self.tree(rels):
                if rel.get("TargetMode", "Internal") != "Internal":
                    continue
                target = _resolve(owner, rel.get("Target", ""))
                if target in self.parts and target not in reached:
                    reached.add(target)
                    queue.append(target)
        for name in list(self.parts):
            if name == _CONTENT_TYPES or name.endswith(".rels") or name in reached:
                continue
            self.remove_part(name)
        types = self.tree(_CONTENT_TYPES)
        for override in list(types.iter(f"{{{_TYPES}}}Override")):
            if override.get("PartName", "").lstrip("/") not in self.parts:
                types.remove(override)
                self.dirty.add(_CONTENT_TYPES)
        # a .rels whose owner went is gone with it (remove_part); one left over means nothing
        for name in [n for n in self.parts if n.endswith(".rels")]:
            owner = _rels_owner(name)
            if owner and owner not in self.parts:
                self.remove_part(name)

    # ------------------------------------------------------------------ XML content

    def clean_xml_parts(self) -> None:
        for name in list(self.parts):
            if name.endswith(".rels") or name == _CONTENT_TYPES or not name.endswith(".xml"):
                continue
            root = self.tree(name)
            before = self.changed
            self.changed = False
            self._clean_fields(root)
            self._clean_objects(root)
            self._clean_references(root, self.dropped.get(name, {}))
            self._clean_vml_urls(root)
            self._clean_svg(root)
            if self.changed:
                self.dirty.add(name)
            self.changed = self.changed or before

    def _clean_fields(self, root: etree._Element) -> None:
        for simple in list(root.iter(f"{{{_W}}}fldSimple")):
            why = _field_kind(simple.get(f"{{{_W}}}instr", ""))
            if why is not None:
                _unwrap(simple)
                self._count(why)
        self._clean_complex_fields(root)

    def _clean_complex_fields(self, root: etree._Element) -> None:
        """Remove a hostile field's begin/instruction/separate/end runs; its cached result stays.

        A complex field is a run with `w:fldChar begin`, runs of `w:instrText`, `separate`, the
        result runs, `end`; fields nest, and can span paragraphs, so runs are walked in document
        order with a stack of the fields still open.
        """
        open_fields: list[_Field] = []
        hostile: list[_Field] = []
        for run in list(root.iter(f"{{{_W}}}r")):
            char = run.find(f"{{{_W}}}fldChar")
            kind = char.get(f"{{{_W}}}fldCharType") if char is not None else None
            if kind == "begin":
                for outer in open_fields:
                    if outer.in_code:
                        outer.runs.append(run)
                open_fields.append(_Field([run]))
                continue
            for current in open_fields:
                if current.in_code:
                    current.runs.append(run)
            if not open_fields:
                continue
            top = open_fields[-1]
            for text in run.iter(f"{{{_W}}}instrText"):
                if top.in_code:
                    top.code += text.text or ""
            if kind == "separate":
                top.in_code = False
            elif kind == "end":
                if not top.in_code:
                    top.runs.append(run)
                open_fields.pop()
                top.kind = _field_kind(top.code)
                if top.kind is not None:
                    hostile.append(top)
        for unfinished in open_fields:
            unfinished.kind = _field_kind(unfinished.code)
            if unfinished.kind is not None:
                hostile.append(unfinished)
        for found in hostile:
            for run in found.runs:
                parent = run.getparent()
                if parent is not None:
                    parent.remove(run)
            self._count(found.kind or "remote field")

    def _clean_objects(self, root: etree._Element) -> None:
        for element in [el for el in root.iter() if el.tag in _OBJECT_TAGS]:
            parent = element.getparent()
            if parent is not None and _still_in_tree(element, root):
                parent.remove(element)
                self.changed = True

    def _clean_references(self, root: etree._Element, dropped: dict[str, str]) -> None:
        if not dropped:
            return
        for element in list(root.iter()):
            if not isinstance(element.tag, str) or not _still_in_tree(element, root):
                continue
            hits = [a for a, v in element.attrib.items() if a.startswith(f"{{{_R}}}") and v in dropped]
            if not hits:
                continue
            self.changed = True
            local = etree.QName(element).localname
            if local == "blip":
                for attribute in hits:
                    del element.attrib[attribute]
                if f"{{{_R}}}embed" not in element.attrib:
                    drawing = _ancestor(element, f"{{{_W}}}drawing")
                    _remove(drawing if drawing is not None else element)
            elif local == "hyperlink" and etree.QName(element).namespace == _W:
                _unwrap(element)
            else:
                _remove(element)

    def _clean_vml_urls(self, root: etree._Element) -> None:
        for element in root.iter(f"{{{_VML}}}*", f"{{{_OFFICE}}}*"):
            for attribute in [a for a in element.attrib if a in _VML_URL_ATTRIBUTES]:
                if element.attrib[attribute].strip() and not element.attrib[attribute].startswith("#"):
                    del element.attrib[attribute]
                    self._count("external image link")

    def _clean_svg(self, root: etree._Element) -> None:
        """SVG can reference other files and URLs: keep the PNG copy Word stores beside it."""
        for svg in list(root.iter(_SVG_BLIP)):
            ext = svg.getparent()
            _remove(ext if ext is not None and etree.QName(ext).localname == "ext" else svg)
            self._count("vector image")

    def _count(self, why: str) -> None:
        self.removed[why] += 1
        self.changed = True

    # ------------------------------------------------------------------ images

    def process_images(self, *, reencode_all: bool) -> None:
        for name in list(self.parts):
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            if extension not in _REENCODED:
                continue  # EMF/WMF, Word's HD Photo copies (.wdp): Pillow cannot rewrite them
            cleaned, had_metadata = _image(self.parts[name], self.source, name, reencode_all=reencode_all)
            if cleaned is not None and cleaned != self.parts[name]:
                self.parts[name] = cleaned
                self.changed = True
            if had_metadata:
                self.removed["image metadata"] += 1

    # ------------------------------------------------------------------ output

    def serialise(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, blob in self.parts.items():
                if name in self.dirty:
                    blob = etree.tostring(
                        self.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True
                    )
                archive.writestr(name, blob)
        return out.getvalue()


@dataclass
class _Field:
    runs: list[etree._Element]
    code: str = ""
    in_code: bool = True
    kind: str | None = None


def _field_kind(code: str) -> str | None:
    match = _FIELD_NAME.match(code)
    if match is None:
        return None
    word = match.group(1).upper()
    if word in _REMOTE_FIELDS:
        return "remote field"
    if word in _ACTIVE_FIELDS:
        return "active field"
    if word == "HYPERLINK" and not re.match(r"^\s*HYPERLINK\s+\\l\b", code, re.IGNORECASE):
        return "external link"
    return None


def _unwrap(element: etree._Element) -> None:
    """Put `element`'s children in its place (a field's cached result, a link's text)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _ancestor(element: etree._Element, tag: str) -> etree._Element | None:
    for parent in element.iterancestors(tag):
        return parent
    return None


def _still_in_tree(element: etree._Element, root: etree._Element) -> bool:
    return element is root or any(a is root for a in element.iterancestors())


def _image(blob: bytes, source: str, name: str, *, reencode_all: bool) -> tuple[bytes | None, bool]:
    """The image re-encoded without metadata (None when left as it is), and whether it had any."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(blob))
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise LetterheadError(
                    f"{source}: the image {name} is {width} x {height} pixels, far more than a letterhead "
                    "needs; it cannot be used."
                )
            had_metadata = _has_metadata(image)
            if not (reencode_all or had_metadata):
                return None, False
            return _reencoded(image), had_metadata
    except LetterheadError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, EOFError) as exc:  # fmt: skip
        if not reencode_all:
            return None, False  # the exporter leaves images it cannot read to Word and LibreOffice
        raise LetterheadError(
            f"{source}: the image {name} cannot be read ({exc}); save the letterhead again in Word."
        ) from exc


def _has_metadata(image: object) -> bool:
    from PIL import Image

    assert isinstance(image, Image.Image)
    keys = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"}
    if keys & set(image.info) or len(image.getexif()) > 0:
        return True
    text = getattr(image, "text", None)
    return bool(text)


def _reencoded(image: object) -> bytes:
    """Same pixels, same format, no EXIF/XMP/text chunks/comments (the colour profile is kept)."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    kind = image.format or "PNG"
    icc = image.info.get("icc_profile")
    out = io.BytesIO()
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if kind == "TIFF" and "compression" in image.info:
        options["compression"] = image.info["compression"]  # an uncompressed copy could be 10x larger
    if kind == "JPEG":
        image.info = {}
        image.save(out, "JPEG", quality="keep", subsampling="keep", **options)
        return out.getvalue()
    frames = getattr(image, "n_frames", 1)
    if frames > 1 and kind in ("GIF", "PNG", "WEBP", "TIFF"):
        keep = {
            k: image.info[k] for k in ("duration", "loop", "transparency", "background") if k in image.info
        }
        image.info = {}
        image.save(out, kind, save_all=True, **keep, **options)
        return out.getvalue()
    image.load()
    clean = image.copy()  # a plain image: no file-format tags carried over (TIFF's XMP/IPTC)
    clean.info = {k: image.info[k] for k in ("transparency",) if k in image.info}
    clean.save(out, kind, **options)
    return out.getvalue()
