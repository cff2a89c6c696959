"""A PDF signed PAdES (ETSI EN 319 142, baseline B-B) with pyHanko, in a visible field.

pyHanko writes the signature as an incremental update: the letter's bytes stay as LibreOffice made
them (PDF/A-2b), and the signature covers all of them. The field's appearance is a picture (see
`appearance`), so no unembedded font enters the PDF/A file.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from iphr_desk.core.errors import IphrError
from iphr_desk.core.signing.appearance import draw_appearance, signed_by_lines
from iphr_desk.core.signing.placement import FieldPlace

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

DIGEST: Final = "sha256"

# pyHanko logs what it finds (a certificate without a trusted path...) with tracebacks; the app says
# what matters in its own words, so its loggers get a handler that drops those records.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class SignRequest:
    """What to sign and how the field reads: the signatory's name as printed, the letter's language,
    the field's place, the signature image (PNG) to show in it, the reason and place written in the
    signature dictionary."""

    field_name: str
    signatory: str
    language: str
    place: FieldPlace
    signature_png: bytes | None
    reason: str | None = None
    location: str | None = None


def sign_pdf(pdf: bytes, signer: Signer, request: SignRequest, *, now: dt.datetime | None = None) -> bytes:
    """The signed PDF (the original bytes, then the signature as an incremental update)."""
    from PIL import Image
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    when = now or dt.datetime.now(dt.UTC)
    x0, y0, x1, y1 = request.place.box
    picture = draw_appearance(
        x1 - x0, y1 - y0, signed_by_lines(request.signatory, when, request.language), request.signature_png
    )
    style = StaticStampStyle(
        background=PdfImage(Image.open(io.BytesIO(picture))),
        border_width=0,
        background_opacity=1.0,
        # The picture is drawn to the field's size: no margin, no centring.
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MIN, margins=Margins(0, 0, 0, 0)
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=request.field_name,
        md_algorithm=DIGEST,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=request.reason,
        location=request.location,
        name=request.signatory,
    )
    spec = fields.SigFieldSpec(
        sig_field_name=request.field_name,
        on_page=request.place.page,
        box=(math.floor(x0), math.ceil(y0), math.ceil(x1), math.floor(y1)),
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        _producer_as_pyhanko_writes_it(writer)
        out = io.BytesIO()
        signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec).sign_pdf(
            writer, output=out
        )
    except IphrError:
        raise
    except Exception as exc:  # pyHanko's SigningError and the token's own errors: one sentence
        raise IphrError(f"The PDF could not be signed ({str(exc) or type(exc).__name__}).") from None
    return out.getvalue()


def _producer_as_pyhanko_writes_it(writer: Any) -> None:
    """Make the Info dictionary's /Producer the one pyHanko writes into the XMP metadata.

    PDF/A asks that an Info entry and its XMP twin agree. pyHanko, on writing, appends its name to the
    Info /Producer ("LibreOffice 7.4; pyHanko 0.38") but sets the XMP pdf:Producer to its name alone, so
    the signed file would contradict itself. With /Producer already pyHanko's name, it leaves the Info
    entry as it is and both say the same.
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    info_ref = writer.prev.trailer_view.raw_get("/Info")
    if not isinstance(info_ref, generic.IndirectObject):
        return
    info = info_ref.get_object()
    info["/Producer"] = generic.TextStringObject(VENDOR)
    writer.mark_update(info_ref)
