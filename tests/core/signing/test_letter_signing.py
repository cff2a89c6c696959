"""Who signs and what may be signed, before any key or LibreOffice is touched."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from iphr_desk.core.errors import BadInput, OutputPathError
from iphr_desk.core.letters.letter import Letter, Signatory
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.signing.certificates import Pkcs12Source
from iphr_desk.core.signing.letter_signing import check_signable, plan_signing, sign_letter, signatory_index
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo

ROOT = Path(__file__).resolve().parents[3]
LETTERS = ROOT / "tests" / "data" / "letters"


def _two_signatories() -> Letter:
    letter = parse_letter_file(LETTERS / "fr_pre_visit.md")
    return replace(letter, signatories=(*letter.signatories, Signatory("Jean  Martin", "Trésorier")))


def test_the_signer_by_number_or_name() -> None:
    letter = _two_signatories()
    assert signatory_index(letter, None) == 0
    assert signatory_index(letter, "2") == 1
    assert signatory_index(letter, "jean martin") == 1
    with pytest.raises(
        BadInput, match=r"'3' is not one of the letter's signatories \(1\. Brigitte Dufour, 2\."
    ):
        signatory_index(letter, "3")


def test_the_plan_keeps_the_signers_image_for_the_field_and_the_others_for_the_page(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        first = address_book.add_signatory(store, Signatory("Brigitte Dufour"))
        second = address_book.add_signatory(store, Signatory("Jean Martin"))
        address_book.set_signature_image(store, first, _png((255, 0, 0)))
        address_book.set_signature_image(store, second, _png((0, 0, 255)))
        letter_id = int(letter_repo.add_letter(store, _two_signatories(), author="t"))
        for status in ("in_review", "approved"):
            letter_repo.change_status(store, letter_id, status, author="t")
        # An approved letter carries no image: only Signed and Sent ones do.
        assert letter_repo.get_letter(store, letter_id).signature_images == ()
        plan = plan_signing(store, letter_id, "2")
        assert plan.index == 1
        assert plan.own_image == address_book.get_signature_image(store, second)
        assert plan.letter.signature_images == (address_book.get_signature_image(store, first), None)


def test_a_letter_to_several_recipients_is_not_signed_whole(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        letter_id = int(
            letter_repo.add_letter(store, parse_letter_file(LETTERS / "batch_three.md"), author="t")
        )
        for status in ("in_review", "approved"):
            letter_repo.change_status(store, letter_id, status, author="t")
        with pytest.raises(BadInput, match="goes to 3 recipients"):
            check_signable(store, letter_id)


def test_the_output_must_be_a_pdf(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store, pytest.raises(OutputPathError, match=r"ending in \.pdf"):
        sign_letter(store, 1, Pkcs12Source(tmp_path / "x.p12", None), tmp_path / "out.docx", author="t")


def _png(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    picture = Image.new("RGBA", (60, 20), (*colour, 255))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()
