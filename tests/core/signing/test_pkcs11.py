"""Signing with a key on a PKCS#11 token: a SoftHSM token made for the test (its own configuration and
token folder), the test signer's key imported with softhsm2-util and its certificate stored beside it.

Runs where SoftHSM (Debian: softhsm2) and pyHanko's PKCS#11 support (python-pkcs11) are installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from signing_certs import PASSPHRASE, make_pki

from iphr_desk.core.errors import BadInput
from iphr_desk.core.signing.certificates import Pkcs11Source
from iphr_desk.core.signing.letter_signing import sign_letter
from iphr_desk.core.signing.verification import verify_pdf
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letters as letter_repo

MODULES = (Path("/usr/lib/softhsm/libsofthsm2.so"), Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"))
MODULE = next((path for path in MODULES if path.is_file()), None)
PIN = "1234"

pytestmark = pytest.mark.skipif(
    MODULE is None or shutil.which("softhsm2-util") is None or shutil.which("soffice") is None,
    reason="needs SoftHSM (softhsm2) and LibreOffice",
)


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    pkcs11 = pytest.importorskip("pkcs11")
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    config = tmp_path / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(config))
    pki = make_pki(tmp_path / "pki")
    key, cert, _chain = pkcs12.load_key_and_certificates(pki.p12.read_bytes(), PASSPHRASE.encode())
    assert key is not None and cert is not None
    key_pem = tmp_path / "key.pem"
    key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    util = ["softhsm2-util"]
    subprocess.run([*util, "--init-token", "--free", "--label", "iphr", "--so-pin", "5678", "--pin", PIN],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([*util, "--import", str(key_pem), "--token", "iphr", "--label", "director", "--id", "01",
                    "--pin", PIN], check=True, capture_output=True)  # fmt: skip
    lib = pkcs11.lib(str(MODULE))
    with lib.get_token(token_label="iphr").open(user_pin=PIN, rw=True) as session:
        session.create_object(
            {
                pkcs11.Attribute.CLASS: pkcs11.ObjectClass.CERTIFICATE,
                pkcs11.Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                pkcs11.Attribute.TOKEN: True,
                pkcs11.Attribute.LABEL: "director",
                pkcs11.Attribute.ID: b"\x01",
                pkcs11.Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
                pkcs11.Attribute.SUBJECT: cert.subject.public_bytes(),
                pkcs11.Attribute.ISSUER: cert.issuer.public_bytes(),
            }
        )
    return "iphr"


def _approved(store: Store) -> int:
    from iphr_desk.core.letters.letterfile import parse_letter_file

    sample = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"
    letter_id = int(letter_repo.add_letter(store, parse_letter_file(sample), author="t"))
    for status in ("in_review", "approved"):
        letter_repo.change_status(store, letter_id, status, author="t")
    return letter_id


def test_a_letter_signed_with_a_key_on_a_softhsm_token(token: str, tmp_path: Path) -> None:
    assert MODULE is not None
    with Store.open(tmp_path / "data") as store:
        letter_id = _approved(store)
        source = Pkcs11Source(library=MODULE, token_label=token, key_label="director", pin=PIN)
        outcome = sign_letter(store, letter_id, source, tmp_path / "signed.pdf", author="t")
        assert "Brigitte Dufour" in outcome.record.subject
    verdict = verify_pdf(outcome.output.read_bytes())
    assert verdict.state == "intact" and verdict.signatures[0].signer == "Brigitte Dufour"


def test_a_wrong_pin_is_told_in_one_line(token: str, tmp_path: Path) -> None:
    assert MODULE is not None
    with Store.open(tmp_path / "data") as store:
        letter_id = _approved(store)
        source = Pkcs11Source(library=MODULE, token_label=token, key_label="director", pin="0000")
        with pytest.raises(BadInput, match="PKCS#11 token 'iphr' cannot be opened"):
            sign_letter(store, letter_id, source, tmp_path / "signed.pdf", author="t")
        assert letter_repo.get_letter_info(store, letter_id).status == "approved"
    assert not (tmp_path / "signed.pdf").exists()
