"""Is this PDF signed, by whom, and is it as it was signed? pyHanko's validator answers; this module
only reduces its report to what `iphr-desk verify` says.

- intact: every signature's digest matches, its cryptography is sound, it covers the whole file, or
  what was appended after it changes no content (pyHanko's difference analysis: a later signature or
  validation data, not a page edited or an annotation drawn);
- altered: a byte inside a signed range changed, or a later update changed the content;
- unsigned: not a PDF, or a PDF with no signature.

Trust is reported, not required: a signatory's certificate may be self-signed (an NGO's own) and
no network is used to fetch revocation data. The certificate is "trusted" when it chains to the
system's roots or to roots the caller gives (`--trust FILE`).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

State = Literal["intact", "altered", "unsigned"]

# pyHanko logs a self-signed certificate's missing path with a traceback; the verdict says it in a line.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

#: What may follow a signature without changing what it signed: nothing, validation data, another
#: signature (pyHanko's `ModificationLevel` NONE, LTA_UPDATES and FORM_FILLING).
_HARMLESS_LEVELS: Final = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass(frozen=True)
class SignatureReport:
    """One signature: who signed (the certificate's subject and common name), when, and how it stands."""

    signer: str
    subject: str
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    problem: str | None


@dataclass(frozen=True)
class Verdict:
    state: State
    signatures: tuple[SignatureReport, ...]
    detail: str

    def line(self) -> str:
        """The one line `iphr-desk verify` prints."""
        if self.state == "unsigned" or not self.signatures:
            return self.detail
        parts = []
        for report in self.signatures:
            when = _when(report.signed_at)
            trust = "certificate trusted" if report.trusted else "certificate not trusted by this system"
            if report.intact:
                parts.append(f"signed by {report.signer}, on {when}, unchanged since ({trust})")
            else:
                parts.append(f"signed by {report.signer}, on {when}, ALTERED since: {report.problem}")
        return "; ".join(parts)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "an unknown date"
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def verify_pdf(data: bytes, trust_roots: Sequence[bytes] = ()) -> Verdict:
    """The verdict on the PDF `data`; `trust_roots` are extra trusted certificates (DER or PEM).

    A trust root that is no certificate is a `ValueError`, whatever the PDF: the question was wrong.
    """
    context = _context(trust_roots)
    if b"%PDF-" not in data[:1024]:
        return Verdict("unsigned", (), "not a PDF file")
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        if b"/ByteRange" in data:
            # It was signed, and is now too damaged to read: that is a change after signing.
            return Verdict("altered", (), f"a signed PDF that can no longer be read ({exc})")
        return Verdict("unsigned", (), f"not a readable PDF ({exc})")
    if not signatures:
        return Verdict("unsigned", (), "the PDF is not signed")
    reports = tuple(
        _report(signature, context, _stray_tail(signature, reader, data)) for signature in signatures
    )
    state: State = "intact" if all(report.intact for report in reports) else "altered"
    return Verdict(state, reports, "")


def _context(trust_roots: Sequence[bytes]) -> object:
    from asn1crypto import x509  # type: ignore[import-untyped]
    from pyhanko_certvalidator import ValidationContext

    roots = [x509.Certificate.load(der) for der in system_roots()]
    roots.extend(trust_root(data) for data in trust_roots)
    # No fetching: the app never talks to the network. Without revocation data, soft-fail.
    return ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")


def trust_root(data: bytes) -> object:
    """The certificate in `data` (PEM or DER), parsed whole; `ValueError` when it holds none."""
    from asn1crypto import pem, x509

    try:
        der = pem.unarmor(data)[2] if pem.detect(data) else data
        root = x509.Certificate.load(der)
        root.native  # noqa: B018 (asn1crypto parses lazily: a broken file fails here, not mid-check)
    except Exception:
        raise ValueError("not an X.509 certificate (PEM or DER)") from None
    return root


@functools.cache
def system_roots() -> tuple[bytes, ...]:
    """The system's trusted root certificates (DER), as Python's own TLS reads them: the OpenSSL
    default file on Linux and macOS, the certificate stores on Windows. Read from disk, never fetched.
    (pyhanko-certvalidator's own reading of the system list is deprecated; it asks for roots given.)"""
    import ssl
    import sys

    context = ssl.create_default_context()
    found: list[bytes] = list(context.get_ca_certs(binary_form=True))
    if sys.platform == "win32":
        for store in ("ROOT", "CA"):
            found.extend(
                cert for cert, encoding, _trust in ssl.enum_certificates(store) if encoding == "x509_asn"
            )
    return tuple(dict.fromkeys(found))


def _stray_tail(signature: Any, reader: Any, data: bytes) -> bool:
    """True when bytes that are no PDF update follow the last revision this signature covers.

    pyHanko judges what later revisions change; bytes after the file's last revision that are none
    (pasted on, a second file glued after the first) are no revision, so it does not see them. They
    change the file all the same: "unchanged since" would not be true. Trailing whitespace is allowed
    (mail and copy tools add line ends).
    """
    try:
        if signature.signed_revision != reader.xrefs.total_revisions - 1:
            return False  # later revisions exist: pyHanko's difference analysis judges them
        _start, _first, second_start, second = (int(value) for value in signature.byte_range)
    except (AttributeError, TypeError, ValueError):
        return False
    return bool(data[second_start + second :].strip())


def _report(signature: object, context: object, stray_tail: bool = False) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        status = validate_pdf_signature(signature, signer_validation_context=context)  # type: ignore[arg-type]
    except Exception as exc:  # a malformed signature (pyHanko's SignatureValidationError and kin)
        return SignatureReport("an unreadable signature", "", None, False, False, str(exc) or "malformed")
    cert = status.signing_cert
    subject = str(cert.subject.human_friendly)
    common = cert.subject.native.get("common_name") or subject
    level = status.modification_level
    problem: str | None = None
    if not status.intact:
        problem = "the signed bytes do not match the signature"
    elif not status.valid:
        problem = "the signature itself is not valid"
    elif status.coverage is not None and status.coverage.name not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
        problem = "the signature does not cover the document"
    elif (
        status.coverage is not None
        and status.coverage.name == "ENTIRE_REVISION"
        and (level is None or level.name not in _HARMLESS_LEVELS)
    ):
        problem = "content was changed in an update appended after the signature"
    if problem is None and stray_tail:
        problem = "bytes were added after the signed file"
    return SignatureReport(
        signer=str(common),
        subject=subject,
        signed_at=status.signer_reported_dt,
        intact=problem is None,
        trusted=bool(status.trusted),
        problem=problem,
    )
