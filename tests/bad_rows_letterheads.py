"""Bad-input rows: hostile or broken letterheads.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py. The hostile packages are built here, from
python-docx documents edited with zipfile, and tests/core/export/test_letterhead_hostile.py uses them too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from badinput import Context, Row, Setup, store_with_letter

#: Hosts and paths a hostile letterhead points at (never resolved: `.invalid` is reserved).
TRACKER = "http://tracker.iphr-test.invalid/pixel.png"
REMOTE_PICTURE = "http://pictures.iphr-test.invalid/logo.png"
REMOTE_TEXT = "http://texts.iphr-test.invalid/footer.docx"
LOCAL_LINK = "file:///C:/Users/jane.secretary/Documents/board-minutes.docx"
LOCAL_TEMPLATE = "file:///C:/Users/jane.secretary/AppData/Roaming/Microsoft/Templates/Letter.dotm"
#: Every string of the above that must not survive sanitising.
LEAKS = (b"iphr-test.invalid", b"jane.secretary", b"INCLUDEPICTURE", b"INCLUDETEXT", b'TargetMode="External"')

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_EXTERNAL_HEADER = "HOSTILE HEADER"


def jpeg_with_metadata() -> bytes:
    """A small JPEG whose EXIF names its author, a local path and a GPS position."""
    from PIL import Image

    image = Image.new("RGB", (48, 32), (20, 90, 160))
    exif = Image.Exif()
    exif[0x013B] = "Jane Secretary"  # Artist
    exif[0x010E] = "C:\\Users\\jane.secretary\\Pictures\\logo.jpg"  # ImageDescription
    exif[0x8825] = {1: "N", 2: (42.0, 52.0, 30.0), 3: "E", 4: (74.0, 35.0, 10.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"jane.secretary", quality=95)
    return out.getvalue()


def png_with_metadata() -> bytes:
    """A small PNG with text chunks (author, software) and XMP."""
    from PIL import Image, PngImagePlugin

    image = Image.new("RGBA", (24, 24), (200, 30, 30, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Secretary")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>jane.secretary</x:xmpmeta>")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def hostile_docx() -> bytes:
    """A letterhead carrying what finding 6 lists: a tracking pixel (an image linked by URL), a
    `file:///C:/Users/...` link, INCLUDEPICTURE and INCLUDETEXT fields, an embedded OLE object,
    an attached template on the secretary's disk, and images with EXIF/GPS and PNG text chunks."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    header, footer = section.header, section.footer
    first = header.paragraphs[0]
    first.text = _EXTERNAL_HEADER
    first.add_run().add_picture(io.BytesIO(jpeg_with_metadata()), width=Mm(20))
    first.add_run().add_picture(io.BytesIO(png_with_metadata()), width=Mm(8))

    pixel = header.add_paragraph().add_run()
    pixel.add_picture(io.BytesIO(png_with_metadata()), width=Mm(1))
    blip = pixel._r.xpath(".//a:blip")[0]
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), header.part.relate_to(TRACKER, RT.IMAGE, is_external=True))

    remote = header.add_paragraph()
    remote._p.append(
        parse_xml(
            f"<w:fldSimple {_NS} w:instr=' INCLUDEPICTURE \"{REMOTE_PICTURE}\" \\d '>"
            "<w:r><w:t>[remote logo]</w:t></w:r></w:fldSimple>"
        )
    )
    ole = Part(
        PackURI("/word/embeddings/oleObject1.bin"),
        "application/vnd.openxmlformats-officedocument.oleObject",
        bytes.fromhex("D0CF11E0A1B11AE1") + b"payload",
        document.part.package,
    )
    ole_id = header.part.relate_to(ole, RT.OLE_OBJECT)
    remote._p.append(
        parse_xml(
            f'<w:r {_NS}><w:object><o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" '
            f'DrawAspect="Icon" ObjectID="_1700000000" r:id="{ole_id}"/></w:object></w:r>'
        )
    )

    line = footer.paragraphs[0]
    line.text = "Registered association no. 42 "
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> INCLUDETEXT "{REMOTE_TEXT}" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>cached footer text</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        line._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {_NS}>", 1)))
    link_id = footer.part.relate_to(LOCAL_LINK, RT.HYPERLINK, is_external=True)
    line._p.append(
        parse_xml(f'<w:hyperlink {_NS} r:id="{link_id}"><w:r><w:t> minutes</w:t></w:r></w:hyperlink>')
    )

    settings_part = document.part._settings_part
    template_id = settings_part.relate_to(
        LOCAL_TEMPLATE,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    settings = document.settings.element
    settings.find(qn("w:proofState")).addnext(parse_xml(f'<w:attachedTemplate {_NS} r:id="{template_id}"/>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plain_docx() -> bytes:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "PLAIN HEADER"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def edit_parts(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """`data` with each part replaced by `edit(name, content)`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, edit(info.filename, source.read(info.filename)))
    return out.getvalue()


def with_entity(declared: bool) -> bytes:
    """A letterhead whose header uses `&org;`: declared in a DTD, or not declared at all."""

    def edit(name: str, content: bytes) -> bytes:
        if name != "word/header1.xml":
            return content
        content = content.replace(b"PLAIN HEADER", b"PLAIN &org; HEADER")
        if declared:
            content = content.replace(b"?>", b'?>\n<!DOCTYPE w:hdr [<!ENTITY org "Acme">]>', 1)
        return content

    return edit_parts(_plain_docx(), edit)


def zip_bomb_docx(header_bytes: int = 200 * 1024 * 1024) -> bytes:
    """A letterhead whose header part unpacks to `header_bytes` (of blank space) from a few hundred KB.

    Written through a streaming zip writer, so building it never holds the unpacked part.
    """
    source = zipfile.ZipFile(io.BytesIO(_plain_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename != "word/header1.xml":
                target.writestr(info.filename, content)
                continue
            head, tail = content.split(b"<w:p>", 1)
            member = zipfile.ZipInfo(info.filename)
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as stream:
                stream.write(head)
                chunk = b" " * (1024 * 1024)
                for _ in range(header_bytes // len(chunk)):
                    stream.write(chunk)
                stream.write(b"<w:p>" + tail)
    return out.getvalue()


def _write(name: str, make: Callable[[], bytes]) -> Setup:
    def setup(ctx: Context) -> None:
        store_with_letter(ctx)
        (ctx.work / name).write_bytes(make())

    return setup


def _template_is_clean(work: Path) -> None:
    data = (work / "data/letterheads/acme.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = b"".join(archive.read(name) for name in archive.namelist())
        assert not [n for n in archive.namelist() if "embeddings" in n]
    assert not [leak for leak in LEAKS if leak in content]
    assert b"cached footer text" in content and b"[remote logo]" in content
    assert (work / "data/letterheads").stat().st_mode & 0o777 == 0o700
    assert {(work / "data/letterheads" / f).stat().st_mode & 0o777 for f in ("acme.docx", "acme.toml")} == {
        0o600
    }


_REFUSED = (
    "refused before anything is written: no letterhead files appear, the store and the working folder are "
    "byte for byte the same"
)

ROWS: list[Row] = [
    Row(
        "hostile letterhead: remote picture and fields, file:// links, OLE object, image metadata",
        ["letterhead", "add", "acme", "hostile.docx"],
        0,
        "letterhead 'acme' registered: data/letterheads/acme.docx (removed: 1 external image link, "
        "2 external links, 2 remote fields, 1 embedded object or control, the metadata of 2 images)",
        _write("hostile.docx", hostile_docx),
        proof="accepted, sanitised: no external relationship, remote field, embedded object or metadata is "
        "left (the fields' cached text stays); only the new letterhead files (0600, folder 0700) appear",
        new_files=("data/letterheads/acme.docx", "data/letterheads/acme.toml"),
        changed=("data/iphr-desk.sqlite3",),
        stream="out",
        check=_template_is_clean,
    ),
    Row(
        "letterhead whose header declares an entity (DTD)",
        ["letterhead", "add", "acme", "entity.docx"],
        2,
        "iphr-desk: entity.docx: the part word/header1.xml declares a DTD or entities, which a Word document "
        "never does; it cannot be a letterhead.",
        _write("entity.docx", lambda: with_entity(declared=True)),
        proof=_REFUSED,
    ),
    Row(
        "letterhead whose header uses an undefined entity",
        ["letterhead", "add", "acme", "entity.docx"],
        2,
        "iphr-desk: entity.docx: the part word/header1.xml is not valid XML (Entity 'org' not defined); "
        "open the file in Word and save it again.",
        _write("entity.docx", lambda: with_entity(declared=False)),
        proof=_REFUSED,
    ),
    Row(
        "letterhead whose header unpacks to 200 MB (zip bomb)",
        ["letterhead", "add", "acme", "bomb.docx"],
        2,
        "iphr-desk: bomb.docx: the part word/header1.xml unpacks to more than 20 MB, far more than a "
        "letterhead needs; it cannot be used.",
        _write("bomb.docx", zip_bomb_docx),
        proof=_REFUSED + " (at most 20 MB is unpacked)",
    ),
]
