"""A signatory's signature image as the store keeps it: always a clean PNG.

A PNG is opened with Pillow, checked, and drawn again into a fresh image, so nothing rides along
with the pixels (text chunks, EXIF with a camera's serial number or a location, an ICC profile, a
timestamp): the image ends up in every signed letter sent out. Its size is bounded twice: the file
(`MAX_FILE_BYTES`) and the picture, scaled down to `MAX_SIDE_PX` on its longer side.

An SVG is first sanitised (no scripts, no event handlers, no external references, no entities,
no elements outside a plain-drawing whitelist), then rasterised by the caller's renderer: the core
has no SVG renderer of its own (no Qt here, and the libraries that render SVG in Python need a
system Cairo that a Windows laptop does not have). The GUI passes Qt's QtSvg renderer. The PNG it
returns goes through the same checks as any PNG. Word needs a raster image (or an svgBlip with a
PNG fallback) anyway, so a PNG is what every export would have had to make.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.errors import BadInput

if TYPE_CHECKING:
    from PIL import Image

PNG_MIME: Final = "image/png"
SVG_MIME: Final = "image/svg+xml"
MAX_FILE_BYTES: Final = 5 * 1024 * 1024
#: Longer side of the stored picture: about 8 cm at 600 dpi, far more than a signature line needs.
MAX_SIDE_PX: Final = 2000
#: Pixels Pillow may decode at all: refuses a "decompression bomb" before it fills the memory.
MAX_DECODED_PIXELS: Final = 40_000_000
MAX_SVG_ELEMENTS: Final = 20_000
#: Pixels across of the PNG an SVG is rendered to.
SVG_RENDER_WIDTH_PX: Final = 1200

_PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_SVG_NS: Final = "http://www.w3.org/2000/svg"
_XLINK_NS: Final = "http://www.w3.org/1999/xlink"
_XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
#: Plain drawing: shapes, groups, gradients, clipping, text. Not script, style, foreignObject,
#: image (an external or embedded picture), a (links), animate/set (can rewrite href), iframe...
_SVG_ELEMENTS: Final = frozenset(
    [
        "svg",
        "g",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "use",
        "symbol",
        "title",
        "desc",
        "text",
        "tspan",
    ]
)

#: Renders sanitised SVG bytes to PNG bytes `width` pixels across (the GUI's is QtSvg).
SvgRenderer = Callable[[bytes, int], bytes]


@dataclass(frozen=True)
class SignatureImage:
    """A stored signature image: PNG bytes and their size in pixels."""

    png: bytes
    width: int
    height: int


def looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in data[:4096].lower()


def prepare_signature_image(data: bytes, *, render_svg: SvgRenderer | None = None) -> SignatureImage:
    """The image to store for `data` (a PNG, or an SVG with a renderer), or `BadInput` saying why not."""
    if len(data) > MAX_FILE_BYTES:
        raise BadInput(
            f"The signature image is {len(data) / 1048576:.1f} MB; it can be at most "
            f"{MAX_FILE_BYTES // 1048576} MB."
        )
    if data.startswith(_PNG_MAGIC):
        return clean_png(data)
    if looks_like_svg(data):
        clean = sanitise_svg(data)
        if render_svg is None:
            raise BadInput("An SVG signature image needs the desktop app to render it; use a PNG here.")
        return clean_png(render_svg(clean, SVG_RENDER_WIDTH_PX))
    raise BadInput("The signature image must be a PNG or an SVG file.")


def clean_png(data: bytes) -> SignatureImage:
    """A PNG decoded, bounded and encoded again with nothing but its pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as probe:
            width, height = probe.size
            if width < 1 or height < 1 or width * height > MAX_DECODED_PIXELS:
                raise BadInput(f"The signature image is {width}×{height} pixels; that is too large.")
            probe.load()
            picture = probe.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise BadInput(f"The signature image is not a readable PNG ({exc}).") from None
    # A fresh image from the pixels alone: `info` (text, EXIF, ICC, dates) stays behind.
    fresh = Image.frombytes("RGBA", picture.size, picture.tobytes())
    fresh = _trim(fresh)
    if max(fresh.size) > MAX_SIDE_PX:
        fresh.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    fresh.save(out, format="PNG", optimize=True)
    return SignatureImage(out.getvalue(), fresh.width, fresh.height)


def _trim(picture: Image.Image) -> Image.Image:
    """The picture cropped to its ink: transparent margins would push the name down on the page."""
    box = picture.getchannel("A").getbbox()
    return picture.crop(box) if box else picture


def sanitise_svg(data: bytes) -> bytes:
    """The SVG with only plain drawing left in it, or `BadInput`.

    Parsed by lxml with entities unresolved, no DTD loaded and no network; a document declaring
    entities is refused outright (billion laughs, external files).
    """
    from lxml import etree

    if b"<!ENTITY" in data or b"<!entity" in data:
        raise BadInput("The SVG declares entities; save it again without a DOCTYPE.")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"The SVG cannot be read ({exc}).") from None
    if root.tag != f"{{{_SVG_NS}}}svg":
        raise BadInput("The file is not an SVG image (its root is not <svg>).")
    count = sum(1 for _ in root.iter())
    if count > MAX_SVG_ELEMENTS:
        raise BadInput(f"The SVG has {count} elements; a signature can have at most {MAX_SVG_ELEMENTS}.")
    _clean_element(root)
    for element in list(root.iterdescendants()):
        if element.getparent() is None:
            continue  # already removed with an ancestor
        if not isinstance(element.tag, str) or not _allowed_element(element.tag):
            element.getparent().remove(element)
        else:
            _clean_element(element)
            hrefs = (element.get("href"), element.get(f"{{{_XLINK_NS}}}href"))
            if element.tag == f"{{{_SVG_NS}}}use" and not any(hrefs):
                element.getparent().remove(element)  # its outside reference was dropped: nothing to show
    etree.cleanup_namespaces(root)  # the editors' namespace declarations go with their attributes
    cleaned: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return cleaned


def _allowed_element(tag: str) -> bool:
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return namespace == _SVG_NS and local in _SVG_ELEMENTS


def _clean_element(element: Any) -> None:
    """Drop the attributes of an lxml element that script, link out or belong to an editor."""
    for name in list(element.attrib):
        value = element.attrib[name]
        namespace, _, local = name[1:].partition("}") if name.startswith("{") else ("", "", name)
        keep = True
        if local.lower().startswith("on"):
            keep = False  # onload, onclick...: script
        elif local == "href":
            keep = namespace in ("", _XLINK_NS) and value.strip().startswith("#")
        elif namespace not in ("", _XML_NS):
            keep = False  # editors' private attributes (Inkscape, Illustrator)
        elif _refers_outside(value):
            keep = False  # style="fill:url(http://...)", filter="url(file:...)"
        if not keep:
            del element.attrib[name]


def _refers_outside(value: str) -> bool:
    """True when an attribute reaches outside the document: a `url(...)` not of a local `#id`, or
    an `@import`."""
    lowered = value.lower()
    if "@import" in lowered or "javascript:" in lowered:
        return True
    start = 0
    while (found := lowered.find("url(", start)) != -1:
        target = lowered[found + 4 :].lstrip(" '\"")
        if not target.startswith("#"):
            return True
        start = found + 4
    return False
