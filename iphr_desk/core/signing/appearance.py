"""What the visible signature shows: the signatory's signature image, and under it two small lines,
"Digitally signed by <name>" and the date, in the letter's language.

It is drawn as one transparent PNG with Pillow, and pyHanko places it as the field's static
appearance. Why a picture and not pyHanko's text stamp: a PDF/A file must embed every font it uses,
and pyHanko embeds fonts only through fontTools (its "opentype" extra), which this app does not
ship; its built-in Courier is never embedded. An image needs no font, so the signed file stays PDF/A.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PIL import ImageFont

#: Pixels per PDF point in the drawn appearance (about 290 dpi): sharp when printed.
SCALE: Final = 4
TEXT_PT: Final = 6.0
INK: Final = (20, 30, 90, 255)

SIGNED_BY: Final = {
    "fr": "Signé électroniquement par {name}",
    "en": "Digitally signed by {name}",
    "de": "Digital signiert von {name}",
    "ru": "Подписано электронной подписью: {name}",
}
#: Fonts with Latin and Cyrillic, tried in turn (Linux, Windows, macOS); Pillow's own font last.
_FONTS: Final = (
    "DejaVuSans.ttf",
    "LiberationSans-Regular.ttf",
    "arial.ttf",
    "Arial.ttf",
    "Arial Unicode.ttf",
)


def signed_by_lines(name: str, when: dt.datetime, language: str) -> tuple[str, str]:
    """The two lines under the image; the time in UTC, which every reader reads alike."""
    template = SIGNED_BY.get(language, SIGNED_BY["en"])
    return template.format(name=name), when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _font(size_px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    for name in _FONTS:
        try:
            return ImageFont.truetype(name, size_px)
        except OSError:
            continue
    return ImageFont.load_default(size=size_px)


def draw_appearance(
    width_pt: float, height_pt: float, lines: tuple[str, ...], signature_png: bytes | None
) -> bytes:
    """A transparent PNG of `width_pt` × `height_pt` points: the image above, the lines below."""
    from PIL import Image, ImageDraw

    width, height = max(1, round(width_pt * SCALE)), max(1, round(height_pt * SCALE))
    canvas = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(canvas)
    text_px = round(TEXT_PT * SCALE)
    font = _font(text_px)
    line_px = round(text_px * 1.25)
    text_top = height - line_px * len(lines)
    for index, line in enumerate(lines):
        fitted = _fit(draw, line, font, width)
        draw.text((0, text_top + index * line_px), fitted, font=font, fill=INK)
    if signature_png:
        with Image.open(io.BytesIO(signature_png)) as source:
            picture = source.convert("RGBA")
        room_w, room_h = width, max(1, text_top - SCALE)
        picture.thumbnail((room_w, room_h), Image.Resampling.LANCZOS)
        canvas.alpha_composite(picture, (0, max(0, text_top - SCALE - picture.height)))
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()


def _fit(draw: object, text: str, font: object, width: int) -> str:
    """`text`, shortened with an ellipsis until it fits `width` pixels."""
    from PIL import ImageDraw

    assert isinstance(draw, ImageDraw.ImageDraw)
    candidate = text
    while candidate and draw.textlength(candidate, font=font) > width:  # type: ignore[arg-type]
        candidate = candidate[:-2] + "…"
    return candidate
