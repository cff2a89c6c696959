"""Signature images riding on a letter's frame (issue 15), for every format that lays the frame out.

The store puts the images on a Signed or Sent letter (`Letter.signature_images`, one per signatory, in
order); here they are attached to the frame's signature blocks, and kept across typography, which
rebuilds the blocks from their text. Kept free of python-docx, so the HTML preview can use it too.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import replace

from iphr_desk.core.protocol.frame import Frame

#: The picture's height in the HTML preview, in CSS pixels (the .docx uses 1.4 cm).
PREVIEW_HEIGHT_PX = 48


def attach_images(frame: Frame, images: Sequence[bytes | None]) -> Frame:
    """The frame with each signature block given its signatory's image (by position), where there is one."""
    if not any(images):
        return frame
    blocks = tuple(
        replace(block, image=images[index] if index < len(images) else None)
        for index, block in enumerate(frame.signatures)
    )
    return replace(frame, signatures=blocks)


def keep_images(typeset: Frame, original: Frame) -> Frame:
    """`typeset` with the images of `original` (typography rebuilds the blocks from their text)."""
    return attach_images(typeset, [block.image for block in original.signatures])


def image_html(png: bytes) -> str:
    """The picture as an HTML <img> holding its own data (the preview reads no file)."""
    data = base64.b64encode(png).decode("ascii")
    return f"<img src='data:image/png;base64,{data}' height='{PREVIEW_HEIGHT_PX}'>"
