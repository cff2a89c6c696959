"""The signatory's signature image above the name, on a Signed or Sent letter (issue 15).

The letterhead's signature style leaves 48 pt above the name for a handwritten signature. The image
takes that room instead: a paragraph holding the picture (python-docx's `new_pic_inline`, so the
picture part, its relationship and the inline drawing are what Word writes) with a little space
before, and the name paragraph then starts right under it, so the block is as tall as without it.
"""

from __future__ import annotations

import io
from typing import Final

from docx.document import Document as DocxDocument
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Emu, Length

from iphr_desk.core.export.docx.ooxml import element, set_spacing_before
from iphr_desk.core.export.signature_images import attach_images, keep_images

__all__ = ["add_image_paragraph", "attach_images", "keep_images", "tighten_name"]

#: The picture's height, and the most it may spread across (a long flourish is scaled down).
IMAGE_HEIGHT: Final = Cm(1.4)
IMAGE_MAX_WIDTH: Final = Cm(4.5)
#: Twips: the space before the picture, and before the name that follows it.
SPACE_BEFORE_IMAGE: Final = 160
SPACE_BEFORE_NAME: Final = 0


def add_image_paragraph(document: DocxDocument, p: CT_P, png: bytes, signatory: str) -> None:
    """Fill the empty paragraph `p` with the picture, sized to `IMAGE_HEIGHT` within `IMAGE_MAX_WIDTH`.

    Its description (the alternative text a screen reader says) is the signatory's name.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as probe:
        width_px, height_px = probe.size
    height: Length = IMAGE_HEIGHT
    width: Length = Emu(round(height * width_px / max(height_px, 1)))
    if width > IMAGE_MAX_WIDTH:
        width = IMAGE_MAX_WIDTH
        height = Emu(round(width * height_px / max(width_px, 1)))
    inline = document.part.new_pic_inline(io.BytesIO(png), width, height)
    inline.docPr.set("descr", signatory)
    drawing = element("w:drawing")
    drawing.append(inline)
    run = element("w:r")
    run.append(drawing)
    p.append(run)
    set_spacing_before(p, SPACE_BEFORE_IMAGE)


def tighten_name(p: CT_P) -> None:
    """The name right under the picture: the room the style leaves for a signature is the picture's."""
    set_spacing_before(p, SPACE_BEFORE_NAME)
