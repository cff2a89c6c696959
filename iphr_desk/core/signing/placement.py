"""Where the visible signature goes: in the room above the signatory's name, on the page that has it.

The letterhead leaves room above each name for a handwritten signature (the signature style's space
before, 48 pt). The name's position is read from the PDF itself with pypdf's text visitor (in
process, no pdftotext), so the field lands where LibreOffice actually put the name, whatever the
letter's length, its footnotes or the number of signatories side by side.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from iphr_desk.core.errors import IphrError

#: The field's height: the signature style's room above the name (48 pt), less a little air.
FIELD_HEIGHT_PT: Final = 44.0
FIELD_MAX_WIDTH_PT: Final = 200.0
_GAP_PT: Final = 6.0
_PAGE_MARGIN_PT: Final = 28.0


@dataclass(frozen=True)
class TextPiece:
    """A piece of text as the page draws it: its start (x, baseline y) in points, and its size."""

    text: str
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class FieldPlace:
    """The signature field: a page (0-based) and a rectangle (x0, y0, x1, y1) in PDF points."""

    page: int
    box: tuple[float, float, float, float]


def normalise(text: str) -> str:
    """Text compared as a reader sees it: compatibility forms, curly apostrophes and any spacing alike."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u00ad", "")
    return " ".join(text.split())


def page_pieces(page: object) -> list[TextPiece]:
    """The text pieces of a pypdf page with their positions on the page."""
    pieces: list[TextPiece] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: object, size: float) -> None:
        if not text.strip():
            return
        # The text matrix applied to the current transformation matrix (PDF 32000-1, 9.4.4).
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        pieces.append(TextPiece(text, float(x), float(y), float(size) * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return pieces


def find_name(pieces: Sequence[TextPiece], name: str) -> TextPiece | None:
    """The last piece where `name` starts (a signature block comes after any mention in the body).

    Pieces on one baseline are read together left to right, so a name LibreOffice drew in several
    pieces (kerning, a particle in another run) is still found; a line holding nothing but the name
    (its own signature paragraph) wins over a mention inside a sentence.
    """
    wanted = normalise(name)
    if not wanted:
        return None
    lines: dict[float, list[TextPiece]] = {}
    for piece in pieces:
        lines.setdefault(round(piece.y, 0), []).append(piece)
    best: tuple[int, TextPiece] | None = None
    for index, (_y, line) in enumerate(sorted(lines.items(), key=lambda item: -item[0])):
        ordered = sorted(line, key=lambda piece: piece.x)
        for start, piece in enumerate(ordered):
            joined = ""
            for other in ordered[start:]:
                joined = normalise(f"{joined} {other.text}" if joined else other.text)
                if not wanted.startswith(joined[: len(wanted)]) and not joined.startswith(wanted):
                    break
                if joined.startswith(wanted):
                    whole = joined == wanted
                    rank = index * 2 + (1 if whole else 0)
                    if best is None or rank >= best[0]:
                        best = (rank, piece)
                    break
    return best[1] if best else None


def field_place(pdf: bytes, name: str) -> FieldPlace:
    """The signature field's place above `name` on the last page that shows it."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    for number in range(len(reader.pages) - 1, -1, -1):
        page = reader.pages[number]
        pieces = page_pieces(page)
        found = find_name(pieces, name)
        if found is None:
            continue
        width = float(page.mediabox.width)
        height = float(page.mediabox.height)
        right = width - _PAGE_MARGIN_PT
        # Another signatory's name on the same baseline, further right than this name can reach: the
        # next column of a signature table, which the field must not cover.
        reach = found.x + 0.45 * found.size * len(name)
        following = [p.x for p in pieces if abs(p.y - found.y) < 1.0 and p.x > reach]
        if following:
            right = min(right, min(following) - _GAP_PT)
        x0 = found.x
        x1 = min(x0 + FIELD_MAX_WIDTH_PT, right)
        y0 = found.y + found.size + 0.5  # clear of the name's ascenders and accents
        y1 = min(y0 + FIELD_HEIGHT_PT, height - _PAGE_MARGIN_PT)
        if x1 - x0 < 40:
            x1 = min(x0 + 40, width)
        return FieldPlace(number, (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))
    raise IphrError(f"The name '{name}' was not found in the PDF; the signature field has no place to go.")
