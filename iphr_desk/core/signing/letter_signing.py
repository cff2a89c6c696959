"""Sign a stored letter: the one path `iphr-desk sign` and the window's "Sign…" both take.

1. Only an Approved letter is signed (the workflow's rule, checked before anything is asked of the
   key or of LibreOffice).
2. The key is opened first, so a wrong passphrase costs nothing.
3. The letter is laid out as Signed: every other signatory's signature image above their name; the
   signer's own image goes into the visible signature instead, in the same place (`placement`).
4. LibreOffice makes the PDF/A-2b; pyHanko signs it PAdES in a field over the signer's block.
5. The signed bytes are checked with pyHanko's validator before they are written (atomically).
6. Then the signature record and the move to Signed are stored in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from iphr_desk.core.errors import BadInput, IphrError, OutputPathError
from iphr_desk.core.signing.certificates import KeySource, common_name_of, open_signer, subject_of
from iphr_desk.core.signing.records import SignatureRecordInfo, record_signature

if TYPE_CHECKING:
    from iphr_desk.core.letters.letter import Letter
    from iphr_desk.core.store.database import Store

#: Called between the steps with a short phrase, for a progress line or a busy dialog.
Step = Callable[[str], None]


@dataclass(frozen=True)
class SignOutcome:
    output: Path
    record: SignatureRecordInfo
    line: str


def check_signable(store: Store, letter_id: int) -> Letter:
    """The letter, if it may be signed now; `BadInput` saying why not otherwise."""
    from iphr_desk.core.store.repository import letters as letter_repo

    info = letter_repo.get_letter_info(store, letter_id)
    if info.deleted_at is not None:
        raise BadInput(f"Letter {letter_id} is in the trash; restore it before signing it.")
    if info.status != "approved":
        raise BadInput(
            f"Letter {letter_id} is {info.status.replace('_', ' ')}; only an approved letter can be signed."
        )
    letter = info.letter
    if len(letter.recipients) != 1:
        raise BadInput(
            f"Letter {letter_id} goes to {len(letter.recipients)} recipients; a signed PDF is one letter "
            "to one recipient."
        )
    if not letter.signatories:
        raise BadInput(f"Letter {letter_id} has no signatory to sign it.")
    return letter


def signatory_index(letter: Letter, choice: str | None) -> int:
    """The signer among the letter's signatories: by number (1, 2…) or by name; the first by default."""
    names = [s.name for s in letter.signatories]
    if choice is None or not choice.strip():
        return 0
    text = choice.strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(names):
            return number - 1
    folded = [" ".join(name.split()).casefold() for name in names]
    wanted = " ".join(text.split()).casefold()
    if wanted in folded:
        return folded.index(wanted)
    listing = ", ".join(f"{i + 1}. {name}" for i, name in enumerate(names))
    raise BadInput(f"'{choice}' is not one of the letter's signatories ({listing}).")


def _images(store: Store, letter_id: int) -> tuple[bytes | None, ...]:
    from iphr_desk.core.store import models as mm
    from iphr_desk.core.store.repository.address_book import signature_images_for

    with store.read_session() as session:
        row = session.get(mm.Letter, letter_id)
        return signature_images_for(session, row) if row is not None else ()


@dataclass(frozen=True)
class SigningPlan:
    """What the store says before signing (read on the caller's thread): the letter laid out as Signed
    less the signer's own image, which goes into the visible signature, and who signs."""

    letter_id: int
    letter: Letter
    index: int
    own_image: bytes | None


@dataclass(frozen=True)
class SignedFile:
    """The signed PDF on disk and what the record says of it."""

    output: Path
    sha256: str
    signed_at: dt.datetime
    signatory: str
    subject: str
    signer_name: str


def plan_signing(store: Store, letter_id: int, signer_choice: str | None = None) -> SigningPlan:
    """The store's part before signing; `BadInput` when the letter may not be signed."""
    letter = check_signable(store, letter_id)
    index = signatory_index(letter, signer_choice)
    images = list(_images(store, letter_id))
    own_image = images[index] if index < len(images) else None
    if index < len(images):
        images[index] = None  # the signer's image is drawn in the signature field
    return SigningPlan(letter_id, replace(letter, signature_images=tuple(images)), index, own_image)


def produce_signed_pdf(
    plan: SigningPlan,
    source: KeySource,
    output: Path,
    *,
    data_dir: Path | None = None,
    step: Step | None = None,
) -> SignedFile:
    """Make, sign, check and write the PDF; touches no store (the window runs it in a worker thread)."""
    from iphr_desk.core.export.docx_export import compute_letter_frame, document_bytes
    from iphr_desk.core.export.letterhead import load_letterhead
    from iphr_desk.core.export.pdf import convert_to_bytes
    from iphr_desk.core.safewrite import check_output_path, write_bytes_atomically
    from iphr_desk.core.signing.pdf_signing import SignRequest, sign_pdf
    from iphr_desk.core.signing.placement import field_place
    from iphr_desk.core.signing.verification import verify_pdf

    tell = step or (lambda _phrase: None)
    check_output(output)
    check_output_path(output, "letter.pdf")
    letter = plan.letter
    with open_signer(source) as signer:
        tell("making the PDF/A")
        head = load_letterhead(letter.letterhead, data_dir)
        frame = compute_letter_frame(letter, head)
        docx = document_bytes([(frame, letter.body)], head)
        pdf = convert_to_bytes(lambda path: Path(path).write_bytes(docx), pdfa=True)
        name = frame.signatures[plan.index].name
        place = field_place(pdf, name)
        tell("signing")
        signed = sign_pdf(
            pdf,
            signer,
            SignRequest(
                field_name=f"Signature{plan.index + 1}",
                signatory=name,
                language=letter.language,
                place=place,
                signature_png=plan.own_image,
                location=letter.place,
            ),
        )
        subject = subject_of(signer)
        signer_name = common_name_of(signer)
    verdict = verify_pdf(signed)
    if verdict.state != "intact":
        raise IphrError(f"The signed PDF did not pass its own check ({verdict.line()}); nothing was written.")
    signed_at = verdict.signatures[-1].signed_at or dt.datetime.now(dt.UTC)
    tell("writing")
    write_bytes_atomically(output, signed, "letter.pdf")
    return SignedFile(
        output=output,
        sha256=hashlib.sha256(signed).hexdigest(),
        signed_at=signed_at,
        signatory=name,
        subject=subject,
        signer_name=signer_name or name,
    )


def record_signed_file(store: Store, plan: SigningPlan, signed: SignedFile, *, author: str) -> SignOutcome:
    """The record and the move to Signed, in one transaction, once the file is written."""
    try:
        record = record_signature(
            store,
            plan.letter_id,
            signed_at=signed.signed_at,
            signatory=signed.signatory,
            subject=signed.subject,
            sha256=signed.sha256,
            file_name=signed.output.name,
            author=author,
        )
    except IphrError as exc:
        raise IphrError(
            f"{signed.output} was signed and written, but the letter was not marked signed: {exc}"
        ) from None
    when = signed.signed_at.astimezone(dt.UTC)
    line = f"{signed.output}: signed by {signed.signer_name}, on {when:%Y-%m-%d %H:%M} UTC"
    return SignOutcome(signed.output, record, line)


def check_output(output: Path) -> None:
    if output.suffix.lower() != ".pdf":
        raise OutputPathError(f"{output}: a signed letter is written as a PDF; give a name ending in .pdf.")


def sign_letter(
    store: Store,
    letter_id: int,
    source: KeySource,
    output: Path,
    *,
    signer_choice: str | None = None,
    author: str,
    data_dir: Path | None = None,
    step: Step | None = None,
) -> SignOutcome:
    """Sign letter `letter_id` into `output` and record it; see the module's docstring for the steps."""
    from iphr_desk.core.safewrite import check_output_path

    check_output(output)
    check_output_path(output, "letter.pdf")
    plan = plan_signing(store, letter_id, signer_choice)
    signed = produce_signed_pdf(plan, source, output, data_dir=data_dir, step=step)
    return record_signed_file(store, plan, signed, author=author)
