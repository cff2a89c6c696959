"""The window's "Sign…" (gui/sign_actions.py) and the signatory form's signature image
(gui/signature_image_field.py), driven through their real widgets on a real store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from signing_certs import PASSPHRASE, make_pki, signature_png

from iphr_desk.core.letters.letter import Signatory
from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.signing.letter_signing import SignOutcome
from iphr_desk.core.signing.records import signature_records
from iphr_desk.core.signing.verification import verify_pdf
from iphr_desk.core.store.repository import address_book
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.gui.dialogs.record_dialogs import RecordDialog
from iphr_desk.gui.sign_actions import SignActions, SignDialog

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "letters" / "fr_pre_visit.md"
SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" onload="alert(1)">
<script>alert(1)</script><path d="M10 80 C 40 10, 65 10, 95 80 S 150 150, 180 80" stroke="#1a237e"
stroke-width="6" fill="none"/></svg>"""


def sign_actions(window: Any) -> SignActions:
    found = window.exchange_menu.findChild(SignActions)
    assert isinstance(found, SignActions)
    return found


def select_letter(window: Any, letter_id: int) -> None:
    window.refresh()
    model = window.letter_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == letter_id)
    window.letters_page.table.selectRow(row)
    window.letters_page.table.setFocus()
    assert window.selected_letter_ids() == [letter_id]


def add_letter(store: Any, *statuses: str) -> int:
    letter_id = int(letter_repo.add_letter(store, parse_letter_file(SAMPLE), author="test"))
    for status in statuses:
        letter_repo.change_status(store, letter_id, status, author="test")
    return letter_id


def test_sign_is_offered_only_for_an_approved_letter(window: Any, store: Any) -> None:
    draft = add_letter(store)
    approved = add_letter(store, "in_review", "approved")
    actions = sign_actions(window)
    assert "&Sign…" in [a.text() for a in window.exchange_menu.actions()]
    select_letter(window, draft)
    actions.update_actions()
    assert not actions.action.isEnabled()
    select_letter(window, approved)
    actions.update_actions()
    assert actions.action.isEnabled()


def _fill(dialog: SignDialog, cert: Path, passphrase: str, output: Path) -> None:
    dialog.certificate.setText(str(cert))
    dialog.passphrase.setText(passphrase)
    dialog.output.setText(str(output))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_sign_from_the_window(
    qtbot: Any, window: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    pki = make_pki(tmp_path / "pki")
    signatory = address_book.add_signatory(store, Signatory("Brigitte Dufour", "Directrice"))
    address_book.set_signature_image(store, signatory, signature_png())
    letter_id = add_letter(store, "in_review", "approved")
    select_letter(window, letter_id)
    actions = sign_actions(window)
    dialog = actions.sign()
    assert dialog is not None and dialog.isVisible()
    assert dialog.signatory.currentText() == "Brigitte Dufour"
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no certificate yet
    fake_services.answers["open_file"] = [pki.p12]
    dialog.findChildren(type(ok))[0].click()  # the certificate's Browse…
    assert dialog.certificate.text() == str(pki.p12)
    output = tmp_path / "signed.pdf"
    _fill(dialog, pki.p12, PASSPHRASE, output)
    assert ok.isEnabled()
    with qtbot.waitSignal(actions.done, timeout=120_000) as finished:
        ok.click()
    outcome = finished.args[0]
    assert isinstance(outcome, SignOutcome), outcome
    assert verify_pdf(output.read_bytes()).state == "intact"
    assert letter_repo.get_letter_info(store, letter_id).status == "signed"
    (record,) = signature_records(store, letter_id)
    assert record.author == "Test User"
    (info,) = fake_services.called("info")
    assert info[0] == "Letter Signed" and "Signed by Brigitte Dufour" in info[1]
    qtbot.waitUntil(lambda: actions.progress is None)
    actions.update_actions()
    assert not actions.action.isEnabled()  # signed now: nothing more to sign


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_wrong_passphrase_is_told_and_nothing_changes(
    qtbot: Any, window: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    pki = make_pki(tmp_path / "pki")
    letter_id = add_letter(store, "in_review", "approved")
    select_letter(window, letter_id)
    actions = sign_actions(window)
    dialog = actions.sign()
    assert dialog is not None
    _fill(dialog, pki.p12, "not it", tmp_path / "signed.pdf")
    with qtbot.waitSignal(actions.done, timeout=120_000) as finished:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "wrong passphrase" in str(finished.args[0])
    ((title, text, _details),) = fake_services.called("error")
    assert title == "Could Not Sign" and "wrong passphrase" in text
    assert not (tmp_path / "signed.pdf").exists()
    assert letter_repo.get_letter_info(store, letter_id).status == "approved"


def test_a_draft_is_refused_with_the_stores_sentence(window: Any, store: Any, fake_services: Any) -> None:
    letter_id = add_letter(store)
    select_letter(window, letter_id)
    assert sign_actions(window).sign() is None
    ((title, text, _details),) = fake_services.called("error")
    assert title == "Cannot Sign" and "only an approved letter can be signed" in text


# The signature image in the signatory form -----------------------------------------------------------


def test_the_signatory_form_stores_shows_and_clears_the_image(
    qtbot: Any, ctx: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    png = tmp_path / "signature.png"
    png.write_bytes(signature_png())
    dialog = RecordDialog(ctx, "signatory", None)
    qtbot.addWidget(dialog)
    field = dialog.signature_field
    assert field.preview.text() == "No signature image" and not field.clear_button.isEnabled()
    dialog.edits["name"].setText("Brigitte Dufour")  # type: ignore[attr-defined]
    fake_services.answers["open_file"] = [png]
    field.choose_button.click()
    assert not field.preview.pixmap().isNull() and field.clear_button.isEnabled()
    dialog.accept()
    ((ident, _),) = [(r.id, r) for r in address_book.list_signatories(store)]
    stored = address_book.get_signature_image(store, ident)
    assert stored is not None and stored.startswith(b"\x89PNG") and b"GPS" not in stored

    from iphr_desk.gui.models.writes import get_record

    again = RecordDialog(ctx, "signatory", get_record(ctx, "signatory", ident))
    qtbot.addWidget(again)
    assert not again.signature_field.preview.pixmap().isNull()  # the stored image is shown
    again.signature_field.clear_button.click()
    again.accept()
    assert address_book.get_signature_image(store, ident) is None


def test_an_svg_is_sanitised_drawn_and_stored_as_png(
    qtbot: Any, ctx: Any, store: Any, fake_services: Any, tmp_path: Path
) -> None:
    svg = tmp_path / "signature.svg"
    svg.write_bytes(SVG)
    dialog = RecordDialog(ctx, "signatory", None)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("Jean Martin")  # type: ignore[attr-defined]
    assert dialog.signature_field.load(svg)
    dialog.accept()
    (record,) = address_book.list_signatories(store)
    stored = address_book.get_signature_image(store, record.id)
    assert stored is not None and stored.startswith(b"\x89PNG")
    import io

    from PIL import Image

    with Image.open(io.BytesIO(stored)) as picture:
        assert picture.getchannel("A").getbbox() is not None  # the stroke was drawn


def test_a_bad_image_is_told_and_not_kept(qtbot: Any, ctx: Any, fake_services: Any, tmp_path: Path) -> None:
    bad = tmp_path / "photo.gif"
    bad.write_bytes(b"GIF89a not a signature")
    dialog = RecordDialog(ctx, "signatory", None)
    qtbot.addWidget(dialog)
    assert not dialog.signature_field.load(bad)
    ((title, text),) = fake_services.called("warning")
    assert title == "Signature Image" and "must be a PNG or an SVG" in text
    assert dialog.signature_field.png is None and not dialog.signature_field.changed


def test_the_preview_shows_the_image_of_a_signed_letter_only(qtbot: Any, store: Any, data_dir: Path) -> None:
    """The preview lays out the same frame as the .docx: the picture appears once the letter is signed."""
    from iphr_desk.gui.editor.preview import PreviewPane

    ident = address_book.add_signatory(store, Signatory("Brigitte Dufour", "Directrice"))
    address_book.set_signature_image(store, ident, signature_png())
    letter_id = add_letter(store, "in_review", "approved")
    pane = PreviewPane(data_dir)
    qtbot.addWidget(pane)
    pane.show_letter(letter_repo.get_letter(store, letter_id))
    assert "data:image/png" not in pane.toHtml()
    letter_repo.change_status(store, letter_id, "signed", author="test")
    pane.show_letter(letter_repo.get_letter(store, letter_id))
    html = pane.toHtml()
    assert "data:image/png" in html and html.index("data:image/png") < html.index("Brigitte Dufour")
