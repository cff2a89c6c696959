"""Signature images: a PNG is stored clean (pixels only, bounded), an SVG is sanitised before anything
renders it, anything else is refused with one sentence; and the store keeps the image."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from PIL import Image
from signing_certs import signature_png

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.signing.images import (
    MAX_SIDE_PX,
    clean_png,
    prepare_signature_image,
    sanitise_svg,
)
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book

EVIL_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="300" height="100"
     onload="alert(1)" inkscape:version="1.2">
  <script>alert(document.cookie)</script>
  <style>@import url(http://example.invalid/x.css);</style>
  <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://example.invalid"/></foreignObject>
  <image xlink:href="http://example.invalid/track.png" width="10" height="10"/>
  <a xlink:href="javascript:alert(1)"><path d="M0 0 L10 10"/></a>
  <use xlink:href="http://example.invalid/sprite.svg#s"/>
  <use xlink:href="#stroke"/>
  <path id="stroke" d="M10 80 C 40 10, 65 10, 95 80" stroke="#1a237e" fill="url(#grad)"
        style="fill:url(http://example.invalid/p)" onclick="x()"/>
  <linearGradient id="grad"><stop offset="0" stop-color="#000"/></linearGradient>
</svg>"""


def _texts(png: bytes) -> set[str]:
    """The names of what rides along with the pixels (text chunks, EXIF, ICC profile...)."""
    with Image.open(io.BytesIO(png)) as picture:
        return {str(key) for key in picture.info}


def test_a_png_is_stored_without_its_metadata() -> None:
    original = signature_png()
    assert "GPS" in _texts(original)
    clean = clean_png(original)
    assert _texts(clean.png) <= {"dpi"}  # no text chunk, no EXIF, no ICC profile
    assert b"secret camera owner" not in clean.png and b"50.8466" not in clean.png


def test_a_png_is_cropped_to_its_ink_and_bounded() -> None:
    picture = Image.new("RGBA", (5000, 1200), (255, 255, 255, 0))
    picture.paste((0, 0, 128, 255), (100, 100, 4900, 1100))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    clean = clean_png(out.getvalue())
    assert max(clean.width, clean.height) == MAX_SIDE_PX
    assert clean.width / clean.height == pytest.approx(4800 / 1000, rel=0.01)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a....", "must be a PNG or an SVG"),
        (b"\x89PNG\r\n\x1a\nbroken", "not a readable PNG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0'/></svg>", "needs the desktop app"),
        (b"x" * (6 * 1024 * 1024), "at most 5 MB"),
    ],
)
def test_what_is_refused_and_why(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        prepare_signature_image(data)


def test_an_svg_is_sanitised_before_the_renderer_sees_it() -> None:
    seen: list[bytes] = []

    def renderer(svg: bytes, width: int) -> bytes:
        seen.append(svg)
        return signature_png()

    prepared = prepare_signature_image(EVIL_SVG, render_svg=renderer)
    assert prepared.png.startswith(b"\x89PNG")
    (given_svg,) = seen
    for bad in (b"script", b"onload", b"onclick", b"example.invalid", b"foreignObject", b"<style", b"<image",
                b"javascript", b"inkscape"):  # fmt: skip
        assert bad not in given_svg, bad
    root = etree.fromstring(given_svg)
    ns = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
    assert root.find("svg:path[@id='stroke']", ns) is not None  # the drawing itself stays
    uses = [use.get("{http://www.w3.org/1999/xlink}href") for use in root.findall("svg:use", ns)]
    assert uses == ["#stroke"]
    assert root.find("svg:path[@id='stroke']", ns).get("fill") == "url(#grad)"


def test_entities_and_other_documents_are_refused() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(BadInput, match="entities"):
        sanitise_svg(laughs)
    with pytest.raises(BadInput, match="not an SVG"):
        sanitise_svg(b"<html><svg/></html>")
    with pytest.raises(BadInput, match="cannot be read"):
        sanitise_svg(b"<svg")


@given(st.binary(max_size=400))
def test_any_bytes_are_stored_clean_or_refused_in_a_sentence(data: bytes) -> None:
    try:
        prepare_signature_image(data, render_svg=lambda svg, width: signature_png())
    except BadInput as exc:
        assert str(exc) and "\n" not in str(exc)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
def test_any_attribute_text_never_survives_with_an_outside_reference(value: str) -> None:
    from xml.sax.saxutils import quoteattr

    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0" style={quoteattr(value)}/></svg>'
    try:
        clean = sanitise_svg(svg.encode("utf-8"))
    except BadInput:
        return
    style = etree.fromstring(clean).find("{http://www.w3.org/2000/svg}path").get("style") or ""
    assert "url(" not in style.lower().replace("url(#", "") and "@import" not in style.lower()


def test_the_store_keeps_a_clean_image_and_clears_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        ident = address_book.add_signatory(store, Signatory("Brigitte Dufour"))
        assert address_book.get_signature_image(store, ident) is None
        address_book.set_signature_image(store, ident, signature_png())
        stored = address_book.get_signature_image(store, ident)
        assert stored is not None and b"GPS" not in stored
        address_book.set_signature_image(store, ident, None)
        assert address_book.get_signature_image(store, ident) is None


def test_an_encrypted_store_keeps_the_image_encrypted(tmp_path: Path) -> None:
    """The image lives in the store: on disk, an encrypted store shows neither its bytes nor a PNG."""
    from iphr_desk.core.store.crypto import encrypt_store

    data = tmp_path / "data"
    with Store.open(data) as store:
        ident = address_book.add_signatory(store, Signatory("Brigitte Dufour"))
    encrypt_store(data, "a passphrase")
    with Store.open(data, passphrase="a passphrase") as store:
        address_book.set_signature_image(store, ident, signature_png())
        stored = address_book.get_signature_image(store, ident)
    assert stored is not None
    with Store.open(data, passphrase="a passphrase") as store:
        assert address_book.get_signature_image(store, ident) == stored
    on_disk = b"".join(path.read_bytes() for path in data.rglob("*") if path.is_file())
    assert b"\x89PNG" not in on_disk and stored[16:80] not in on_disk
