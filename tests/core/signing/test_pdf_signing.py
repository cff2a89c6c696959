"""A real letter signed end to end: LibreOffice's PDF/A-2b, pyHanko's PAdES signature, pyHanko's own
validator, one byte changed, content appended after signing, the field's place, the record.

One signing per module (LibreOffice takes seconds); every test reads its result.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from signing_certs import PASSPHRASE, Pki, make_pki, signature_png

from iphr_desk.core.errors import BadInput
from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.signing.certificates import Pkcs12Source
from iphr_desk.core.signing.letter_signing import SignOutcome, sign_letter
from iphr_desk.core.signing.records import signature_records
from iphr_desk.core.signing.verification import verify_pdf
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "tests" / "data" / "letters" / "fr_pre_visit.md"
CO_SIGNER = "Jean Martin"

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")


@dataclass
class Signed:
    store: Store
    letter_id: int
    pki: Pki
    outcome: SignOutcome
    pdf: bytes
    approved_docx: bytes
    signed_docx: bytes


def approved_letter(store: Store, *, co_signer: bool = True) -> int:
    letter = parse_letter_file(SAMPLE)
    if co_signer:
        from dataclasses import replace

        letter = replace(letter, signatories=(*letter.signatories, Signatory(CO_SIGNER, "Trésorier")))
    letter_id = int(letter_repo.add_letter(store, letter, author="test"))
    for status in ("in_review", "approved"):
        letter_repo.change_status(store, letter_id, status, author="test")
    return letter_id


def docx_of(store: Store, letter_id: int, folder: Path, name: str) -> bytes:
    from iphr_desk.core.export.docx_export import export_letter

    return export_letter(letter_repo.get_letter(store, letter_id), folder / name).read_bytes()


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Signed]:
    folder = tmp_path_factory.mktemp("signed")
    pki = make_pki(folder / "pki")
    store = Store.open(folder / "data")
    first = address_book.add_signatory(store, Signatory("Brigitte Dufour", "Directrice"))
    address_book.set_signature_image(store, first, signature_png())
    second = address_book.add_signatory(store, Signatory(CO_SIGNER, "Trésorier"))
    address_book.set_signature_image(store, second, signature_png(500, 160))
    letter_id = approved_letter(store)
    approved_docx = docx_of(store, letter_id, folder, "approved.docx")
    outcome = sign_letter(
        store, letter_id, Pkcs12Source(pki.p12, PASSPHRASE), folder / "signed.pdf", author="tester"
    )
    signed_docx = docx_of(store, letter_id, folder, "signed.docx")
    yield Signed(store, letter_id, pki, outcome, outcome.output.read_bytes(), approved_docx, signed_docx)
    store.close()


def pyhanko_status(data: bytes, pki: Pki) -> object:
    """pyHanko's own validator, trusting the test CA (and nothing from the system)."""
    from asn1crypto import x509  # type: ignore[import-untyped]
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    (signature,) = reader.embedded_regular_signatures
    context = ValidationContext(trust_roots=[x509.Certificate.load(pki.ca_der)], allow_fetching=False)
    return validate_pdf_signature(signature, signer_validation_context=context)


def test_pyhankos_own_validator_finds_the_signature_intact_and_covering_the_file(signed: Signed) -> None:
    status = pyhanko_status(signed.pdf, signed.pki)
    assert status.intact and status.valid and status.trusted  # type: ignore[attr-defined]
    assert status.bottom_line  # type: ignore[attr-defined]
    assert status.coverage.name == "ENTIRE_FILE"  # type: ignore[attr-defined]
    assert "Brigitte Dufour" in status.signing_cert.subject.human_friendly  # type: ignore[attr-defined]


def test_the_signature_is_pades(signed: Signed) -> None:
    assert b"/ETSI.CAdES.detached" in signed.pdf


def test_verify_says_intact_and_whether_the_certificate_is_trusted(signed: Signed) -> None:
    untrusted = verify_pdf(signed.pdf)
    assert untrusted.state == "intact"
    assert untrusted.line().startswith("signed by Brigitte Dufour, on ")
    assert "unchanged since" in untrusted.line() and "not trusted" in untrusted.line()
    trusted = verify_pdf(signed.pdf, [signed.pki.ca_pem.read_bytes()])
    assert trusted.state == "intact" and "(certificate trusted)" in trusted.line()


def _byte_range(data: bytes) -> list[int]:
    found = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert found is not None
    return [int(value) for value in found.groups()]


def test_one_byte_changed_inside_the_signed_range_is_refused(signed: Signed) -> None:
    start, length, _, _ = _byte_range(signed.pdf)
    # A byte inside a page's content (a stream in the first signed range), not the file's structure.
    stream = signed.pdf.index(b"stream", start + 200)
    position = stream + 40
    assert start <= position < start + length
    altered = bytearray(signed.pdf)
    altered[position] ^= 0x01
    assert not pyhanko_status(bytes(altered), signed.pki).intact  # type: ignore[attr-defined]
    verdict = verify_pdf(bytes(altered))
    assert verdict.state == "altered"
    assert "ALTERED" in verdict.line()


def test_content_appended_after_signing_is_refused(signed: Signed) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.pdf), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    extra = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (PAID) Tj ET")
    contents = page["/Contents"]
    items = list(contents) if isinstance(contents, generic.ArrayObject) else [page.raw_get("/Contents")]
    page["/Contents"] = generic.ArrayObject([*items, writer.add_object(extra)])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    verdict = verify_pdf(out.getvalue())
    assert verdict.state == "altered", verdict.line()
    assert "appended" in verdict.line()


def test_bytes_glued_after_the_signed_file_are_a_change_but_line_ends_are_not(signed: Signed) -> None:
    assert verify_pdf(signed.pdf + b"\r\n\n").state == "intact"
    glued = verify_pdf(signed.pdf + b"%PDF-1.7 another document glued on")
    assert glued.state == "altered" and "bytes were added after the signed file" in glued.line()


def test_an_unsigned_pdf_and_a_text_file_are_not_signed(tmp_path: Path) -> None:
    from iphr_desk.core.export.docx_export import export_pdf

    pdf = export_pdf(parse_letter_file(SAMPLE), tmp_path / "plain.pdf").read_bytes()
    assert verify_pdf(pdf).state == "unsigned"
    assert verify_pdf(b"hello").state == "unsigned"
    assert verify_pdf(b"").state == "unsigned"


def _xmp(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    metadata: Any = reader.root_object["/Metadata"].get_object()
    return str(metadata.get_data().decode("utf-8"))


def test_the_signed_file_is_pdfa_2b(signed: Signed) -> None:
    xmp = _xmp(signed.pdf)
    part = re.search(r"pdfaid:part(?:>|=\")(\d)", xmp)
    conformance = re.search(r"pdfaid:conformance(?:>|=\")([A-Za-z])", xmp)
    assert part is not None and part.group(1) == "2"
    assert conformance is not None and conformance.group(1).upper() == "B"

    # PDF/A: an Info entry and its XMP twin agree (pyHanko rewrites both when it signs).
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(signed.pdf)).metadata
    assert info is not None
    producer = re.search(r'pdf:Producer(?:>|=")([^<"]*)', xmp)
    assert producer is not None and producer.group(1) == info["/Producer"]


def _name_box(pdf: Path, name: str) -> tuple[int, float, float, float, float]:
    """The name's box on its page as pdftotext -bbox reports it (top-left origin): an independent reader."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = html.split("<page ")[1:]
    first = name.split()[0]
    for number in range(len(pages) - 1, -1, -1):
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            pages[number],
        )
        for index, (x0, y0, x1, y1, text) in enumerate(words):
            if text == first and words[index + 1][4] == name.split()[1]:
                return number, float(x0), float(y0), float(x1), float(y1)
    raise AssertionError(f"{name} not found")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_visible_field_sits_over_the_signatorys_block_on_its_page(signed: Signed) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(signed.pdf))
    page_number, x0, top, _x1, _bottom = _name_box(signed.outcome.output, "Brigitte Dufour")
    assert page_number == len(reader.pages) - 1  # the letter's last page
    page = reader.pages[page_number]
    height = float(page.mediabox.height)
    widgets = [a.get_object() for a in page.get("/Annots", [])]
    fields = [w for w in widgets if w.get("/FT") == "/Sig" or "/Parent" in w]
    assert len(fields) == 1
    rect = [float(v) for v in fields[0]["/Rect"]]
    name_top = height - top  # PDF coordinates (origin bottom-left)
    assert abs(rect[0] - x0) < 3  # starts where the name starts
    assert -1 <= rect[1] - name_top < 8  # just above the name
    assert 30 <= rect[3] - rect[1] <= 50  # the room the letterhead leaves for a signature
    assert rect[2] - rect[0] >= 100
    assert "/AP" in fields[0]  # visible: it has an appearance


def test_the_record_and_the_status(signed: Signed) -> None:
    info = letter_repo.get_letter_info(signed.store, signed.letter_id)
    assert info.status == "signed"
    (record,) = signature_records(signed.store, signed.letter_id)
    assert record.sha256 == hashlib.sha256(signed.pdf).hexdigest()
    assert record.file_name == "signed.pdf"
    assert "Brigitte Dufour" in record.subject and "International Partnership" in record.subject
    assert record.signatory == "Brigitte Dufour" and record.author == "tester"
    assert record.revision_uuid
    history = letter_repo.status_history(signed.store, signed.letter_id)
    assert (history[-1].from_status, history[-1].to_status) == ("approved", "signed")
    assert (
        history[-1].note is not None
        and record.sha256 in history[-1].note
        and "Brigitte Dufour" in history[-1].note
    )


def _media(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return sorted(name for name in package.namelist() if name.startswith("word/media/"))


def test_signature_images_appear_only_once_the_letter_is_signed(signed: Signed) -> None:
    before, after = _media(signed.approved_docx), _media(signed.signed_docx)
    assert len(after) == len(before) + 2  # both signatories' images
    with zipfile.ZipFile(io.BytesIO(signed.signed_docx)) as package:
        document = package.read("word/document.xml").decode("utf-8")
    # Above each name: the picture's paragraph comes before the name's.
    assert document.index("<w:drawing>") < document.index("Brigitte Dufour")
    assert document.rindex("<w:drawing>") < document.index(CO_SIGNER)
    assert 'descr="Brigitte Dufour"' in document  # what a screen reader says of the picture


def test_the_signed_letters_docx_is_valid_and_libreoffice_draws_the_images(
    signed: Signed, tmp_path: Path
) -> None:
    """Read back: Word's schemas accept the .docx with its pictures, and LibreOffice's PDF of the signed
    letter holds two more images (pdfimages) than the approved one's."""
    from readback import validate_docx

    from iphr_desk.core.export.pdf import convert_many

    approved, signed_docx = tmp_path / "approved.docx", tmp_path / "signed.docx"
    approved.write_bytes(signed.approved_docx)
    signed_docx.write_bytes(signed.signed_docx)
    if shutil.which("pdfimages") is None:
        pytest.skip("needs poppler's pdfimages")
    report = validate_docx([signed_docx])
    assert report.returncode == 0, report.stdout
    jobs = [
        (lambda path, data=data: Path(path).write_bytes(data), tmp_path / f"{name}.pdf")
        for name, data in (("approved", signed.approved_docx), ("signed", signed.signed_docx))
    ]
    convert_many(jobs)

    def images(pdf: Path) -> int:
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
        rows = [line.split() for line in listing.stdout.splitlines()[2:]]  # after the two heading lines
        return sum(1 for row in rows if len(row) > 2 and row[2] == "image")  # not their soft masks

    assert images(tmp_path / "signed.pdf") == images(tmp_path / "approved.pdf") + 2


def test_the_signers_image_is_in_the_signature_and_the_co_signers_on_the_page(signed: Signed) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(signed.pdf))
    page = reader.pages[-1]
    page_images = [name for name in page.images]  # the co-signer's picture in the page's content
    assert len(page_images) >= 2  # the letterhead's logo and the co-signer's signature
    annotations: Any = page["/Annots"]
    field = next(a.get_object() for a in annotations if a.get_object().get("/FT") == "/Sig")
    appearance = field["/AP"]["/N"].get_object()
    assert b"Do" in appearance.get_data()  # the field draws a picture (the signer's image and lines)


def test_a_draft_is_refused_before_anything_is_asked(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        letter_id = int(letter_repo.add_letter(store, parse_letter_file(SAMPLE), author="t"))
        with pytest.raises(BadInput, match="only an approved letter can be signed"):
            sign_letter(
                store,
                letter_id,
                Pkcs12Source(tmp_path / "missing.p12", None),
                tmp_path / "out.pdf",
                author="t",
            )
    assert not (tmp_path / "out.pdf").exists()
