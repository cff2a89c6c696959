"""`iphr-desk sign` and `iphr-desk verify`: a PAdES-signed PDF/A of an approved letter, and the check of one.

`sign` takes its key from a PKCS#12 file (`--cert`) or a PKCS#11 token (`--pkcs11-lib`, `--token-label`,
`--key-label`); the passphrase or PIN comes from IPHR_DESK_CERT_PASSPHRASE or a no-echo prompt, and is
never printed or kept. `verify` answers with one line and its exit status: 0 intact, 1 altered since it
was signed, 2 not signed (or not a PDF).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from iphr_desk.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, IMPORT_AUTHOR, close, open_store, say

if TYPE_CHECKING:
    import argparse

    from iphr_desk.core.signing.certificates import KeySource

#: A signed letter is a few hundred KB; a PDF far larger than this is not one to check here.
MAX_PDF_BYTES: Final = 200 * 1024 * 1024
_SQLITE_INT = range(-(2**63), 2**63)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sign = sub.add_parser(
        "sign",
        help="sign an approved letter: a PDF/A with a PAdES signature, and the letter moves to signed",
        description="The key is a PKCS#12 file (--cert FILE.p12) or a key on a PKCS#11 token "
        "(--pkcs11-lib LIB --token-label L --key-label K). Its passphrase or PIN comes from "
        "IPHR_DESK_CERT_PASSPHRASE, else it is asked for.",
    )
    sign.add_argument("--id", type=int, required=True, metavar="N", help="the stored letter (approved)")
    sign.add_argument("--cert", type=Path, metavar="FILE.p12", help="a PKCS#12 certificate file (.p12/.pfx)")
    sign.add_argument("--pkcs11-lib", type=Path, metavar="LIB", help="the token's PKCS#11 module (.so/.dll)")
    sign.add_argument("--token-label", metavar="L", help="the PKCS#11 token's label")
    sign.add_argument("--key-label", metavar="K", help="the signing key's label on the token")
    sign.add_argument("--cert-label", metavar="C", help="the certificate's label (default: the key's)")
    sign.add_argument(
        "--signatory", metavar="NAME|N", help="which of the letter's signatories signs (default: the first)"
    )
    sign.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf", help="the signed PDF")
    sign.set_defaults(handler=cmd_sign, check=check_sign_args)

    verify = sub.add_parser(
        "verify",
        help="check a signed PDF: exit 0 intact, 1 altered since signing, 2 not signed",
        description="Checks every signature with pyHanko's validator, without the network. The "
        "certificate may be self-signed: the line says whether it is trusted, the exit status says "
        "whether the file is as it was signed.",
    )
    verify.add_argument("pdf", type=Path, metavar="FILE.pdf", help="the PDF to check")
    verify.add_argument(
        "--trust", type=Path, action="append", default=[], metavar="CA.pem", help="a certificate to trust"
    )
    verify.add_argument(
        "--record",
        action="store_true",
        help="also say which stored letter's signature record the file matches (its SHA-256)",
    )
    verify.set_defaults(handler=cmd_verify)


def check_sign_args(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    token = (args.pkcs11_lib, args.token_label, args.key_label)
    if (args.cert is None) == all(part is None for part in token):
        parser.error("sign needs either --cert FILE.p12 or --pkcs11-lib LIB --token-label L --key-label K")
    if args.cert is None and any(part is None for part in token):
        parser.error("a PKCS#11 token needs --pkcs11-lib, --token-label and --key-label together")


def _secret(prompt: str) -> str | None:
    """The passphrase or PIN: the environment, else a prompt on a terminal, else none."""
    from iphr_desk.core.paths import CERT_PASSPHRASE_ENV

    given = os.environ.get(CERT_PASSPHRASE_ENV)
    if given is not None:
        return given
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return None


def _source(args: argparse.Namespace) -> KeySource:
    from iphr_desk.core.signing.certificates import Pkcs11Source, Pkcs12Source, read_pkcs12

    if args.cert is not None:
        read_pkcs12(args.cert)  # a missing file or a FIFO is told before any prompt
        return Pkcs12Source(args.cert, _secret(f"Passphrase for {args.cert.name}: "))
    return Pkcs11Source(
        library=args.pkcs11_lib,
        token_label=args.token_label,
        key_label=args.key_label,
        cert_label=args.cert_label,
        pin=_secret(f"PIN of the token '{args.token_label}': "),
    )


def cmd_sign(args: argparse.Namespace) -> int:
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.paths import CERT_PASSPHRASE_ENV
    from iphr_desk.core.signing.letter_signing import check_signable, sign_letter, signatory_index

    if args.id not in _SQLITE_INT:
        raise BadInput(f"There is no letter with id {args.id}.")
    store = open_store(args, create=False)
    try:
        letter = check_signable(store, args.id)  # before asking for a passphrase
        signatory_index(letter, args.signatory)
        source = _source(args)
        try:
            outcome = sign_letter(
                store,
                args.id,
                source,
                args.output,
                signer_choice=args.signatory,
                author=IMPORT_AUTHOR,
                data_dir=args.data_dir and Path(args.data_dir),
                step=lambda phrase: None,
            )
        except BadInput as exc:
            if "passphrase" in str(exc) and os.environ.get(CERT_PASSPHRASE_ENV) is None:
                raise BadInput(
                    f"{exc} Set {CERT_PASSPHRASE_ENV}, or run the command in a terminal."
                ) from None
            raise
    finally:
        close(store)
    print(outcome.line)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    import hashlib

    from iphr_desk.core.boundedio import UnreadableFile, read_bounded
    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.signing.verification import trust_root, verify_pdf

    roots = []
    for path in args.trust:
        try:
            root = read_bounded(path, 1024 * 1024, what="a certificate (PEM or DER)")
            trust_root(root)
        except UnreadableFile as exc:
            raise BadInput(f"{path}: {exc.problem}.") from None
        except ValueError as exc:
            raise BadInput(f"{path}: {exc}.") from None
        roots.append(root)
    try:
        data = read_bounded(args.pdf, MAX_PDF_BYTES, what="a PDF file")
    except UnreadableFile as exc:
        raise BadInput(f"{args.pdf}: {exc.problem}.") from None
    verdict = verify_pdf(data, roots)
    if verdict.state == "unsigned":
        say(f"{args.pdf}: {verdict.line()}")
        return EXIT_BAD_INPUT
    line = f"{args.pdf}: {verdict.line()}"
    if args.record:
        line += "; " + _record_note(args, hashlib.sha256(data).hexdigest())
    print(line)
    return EXIT_OK if verdict.state == "intact" else EXIT_FAILED


def _record_note(args: argparse.Namespace, digest: str) -> str:
    from iphr_desk.core.signing.records import records_for_file

    store = open_store(args, create=False)
    try:
        found = records_for_file(store, digest)
    finally:
        close(store)
    if not found:
        return "no signature record in this store has this file's SHA-256"
    record = found[-1]
    when = f"{record.signed_at:%Y-%m-%d}"
    return f"recorded as letter {record.letter_id}'s signed file ({record.file_name}, {when})"
