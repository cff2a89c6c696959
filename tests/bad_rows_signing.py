"""Bad-input rows: `sign` and `verify` refused before anything is written or recorded.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py. The signing itself, and a signed file changed
after signing (exit 1), are in tests/test_cli_sign.py and tests/core/signing/.
"""

from __future__ import annotations

import os

from badinput import STORE_PROOF, Context, Row, store_with_letter
from signing_certs import PASSPHRASE, make_pki

CERT = "cert/signer.p12"
_PROOF = STORE_PROOF + "; no PDF written, the letter's status unchanged"


def _draft_and_cert(ctx: Context) -> None:
    store_with_letter(ctx)
    make_pki(ctx.work / "cert")
    ctx.monkeypatch.setenv("IPHR_DESK_CERT_PASSPHRASE", PASSPHRASE)


def _approved_and_cert(ctx: Context) -> None:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.letters import change_status

    _draft_and_cert(ctx)
    with Store.open(ctx.work / "data") as store:
        for status in ("in_review", "approved"):
            change_status(store, 1, status, author="test")
    Store.open(ctx.work / "data").close()


def _wrong_passphrase(ctx: Context) -> None:
    _approved_and_cert(ctx)
    ctx.monkeypatch.setenv("IPHR_DESK_CERT_PASSPHRASE", "not the passphrase")


def _fifo_as_cert(ctx: Context) -> None:
    _approved_and_cert(ctx)
    os.mkfifo(ctx.work / "cert.p12")


def _bad_trust_file(ctx: Context) -> None:
    text = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"
    (ctx.work / "ca.pem").write_text(text)


ROWS: list[Row] = [
    Row(
        "sign a letter that is not approved",
        ["sign", "--id", "1", "--cert", CERT, "-o", "out/signed.pdf"],
        2,
        "iphr-desk: Letter 1 is draft; only an approved letter can be signed.",
        _draft_and_cert,
        proof=_PROOF,
    ),
    Row(
        "sign with the wrong certificate passphrase",
        ["sign", "--id", "1", "--cert", CERT, "-o", "out/signed.pdf"],
        2,
        "iphr-desk: cert/signer.p12: wrong passphrase for the certificate file.",
        _wrong_passphrase,
        proof=_PROOF,
    ),
    Row(
        "sign with a certificate file that does not exist",
        ["sign", "--id", "1", "--cert", "missing.p12", "-o", "out/signed.pdf"],
        2,
        "iphr-desk: missing.p12: no such file.",
        _approved_and_cert,
        proof=_PROOF,
    ),
    Row(
        "sign with a named pipe (FIFO) as the certificate",
        ["sign", "--id", "1", "--cert", "cert.p12", "-o", "out/signed.pdf"],
        2,
        "iphr-desk: cert.p12: this is a named pipe (FIFO), not a certificate file (.p12 or .pfx).",
        _fifo_as_cert,
        proof=_PROOF + "; the pipe is never opened for reading",
    ),
    Row(
        "sign with a letter file given as the certificate",
        ["sign", "--id", "1", "--cert", "good.md", "-o", "out/signed.pdf"],
        2,
        "iphr-desk: good.md: not a PKCS#12 certificate file (.p12 or .pfx).",
        _approved_and_cert,
        proof=_PROOF,
    ),
    Row(
        "sign into a file that is not a .pdf",
        ["sign", "--id", "1", "--cert", CERT, "-o", "out/letter.docx"],
        2,
        "iphr-desk: out/letter.docx: a signed letter is written as a PDF; give a name ending in .pdf.",
        _approved_and_cert,
        proof=_PROOF + "; out/letter.docx kept",
    ),
    Row(
        "sign a letter that does not exist",
        ["sign", "--id", "7", "--cert", CERT, "-o", "out/signed.pdf"],
        2,
        "iphr-desk: There is no letter with id 7.",
        _approved_and_cert,
        proof=_PROOF,
    ),
    Row(
        "verify a file that is not a PDF",
        ["verify", "good.md"],
        2,
        "iphr-desk: good.md: not a PDF file",
    ),
    Row(
        "verify a file that does not exist",
        ["verify", "missing.pdf"],
        2,
        "iphr-desk: missing.pdf: no such file.",
    ),
    Row(
        "verify with a --trust file that holds no certificate",
        ["verify", "good.md", "--trust", "ca.pem"],
        2,
        "iphr-desk: ca.pem: not an X.509 certificate (PEM or DER).",
        _bad_trust_file,
    ),
]
