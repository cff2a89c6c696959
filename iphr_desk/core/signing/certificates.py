"""Where the signing key comes from: a PKCS#12 file (.p12/.pfx), or a PKCS#11 token (a smart card,
a USB key, SoftHSM) where pyHanko's PKCS#11 support (the python-pkcs11 package) is installed.

Both give a pyHanko `Signer`; pyHanko does the cryptography. A token's session stays open while the
signer is used, so both are context managers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

from iphr_desk.core.errors import BadInput, IphrError

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer

#: A PKCS#12 file holds a key and a few certificates: a few KB. Anything far larger is not one.
MAX_PKCS12_BYTES: Final = 1024 * 1024


@dataclass(frozen=True)
class Pkcs12Source:
    """A .p12/.pfx file and its passphrase (None: the file has none)."""

    path: Path
    passphrase: str | None


@dataclass(frozen=True)
class Pkcs11Source:
    """A key on a PKCS#11 token: the module (`.so`/`.dll`), the token's label, the key's label, the PIN.

    `cert_label` defaults to the key's label, as most tokens name the pair alike.
    """

    library: Path
    token_label: str
    key_label: str
    pin: str | None
    cert_label: str | None = None


KeySource = Pkcs12Source | Pkcs11Source


@contextlib.contextmanager
def open_signer(source: KeySource) -> Iterator[Signer]:
    """The pyHanko signer for `source`, for as long as the `with` block lasts."""
    if isinstance(source, Pkcs12Source):
        yield load_pkcs12(source.path, source.passphrase)
        return
    with _pkcs11_signer(source) as signer:
        yield signer


def read_pkcs12(path: Path) -> bytes:
    """The certificate file's bytes, or `BadInput` naming it (missing, a folder, a FIFO, too large)."""
    from iphr_desk.core.boundedio import UnreadableFile, read_bounded

    try:
        return read_bounded(path, MAX_PKCS12_BYTES, what="a certificate file (.p12 or .pfx)")
    except UnreadableFile as exc:
        raise BadInput(f"{path}: {exc.problem}.") from None


def load_pkcs12(path: Path, passphrase: str | None) -> Signer:
    """A signer from the PKCS#12 file at `path`; `BadInput` for a wrong passphrase or another kind of file."""
    from pyhanko.sign import signers

    data = read_pkcs12(path)
    if not _is_pkcs12(data):
        raise BadInput(f"{path}: not a PKCS#12 certificate file (.p12 or .pfx).")
    secret = passphrase.encode("utf-8") if passphrase else None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=secret)
    except ValueError:
        if passphrase is None:
            raise BadInput(f"{path}: the certificate file needs its passphrase.") from None
        raise BadInput(f"{path}: wrong passphrase for the certificate file.") from None
    except Exception as exc:  # a key type pyHanko cannot sign with, a broken certificate
        raise BadInput(f"{path}: the certificate file cannot be used ({exc}).") from None
    if signer.signing_cert is None:
        raise BadInput(f"{path}: the certificate file holds no certificate for its key.")
    return cast("Signer", signer)


def _is_pkcs12(data: bytes) -> bool:
    """True when `data` parses as a PKCS#12 PFX structure (whatever its passphrase)."""
    from asn1crypto import pkcs12  # type: ignore[import-untyped]

    try:
        pfx = pkcs12.Pfx.load(data, strict=True)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 (parsing is the check)
    except (ValueError, TypeError, KeyError):
        return False
    return True


@contextlib.contextmanager
def _pkcs11_signer(source: Pkcs11Source) -> Iterator[Signer]:
    try:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11
    except ImportError:
        raise IphrError(
            "Signing with a PKCS#11 token needs the python-pkcs11 package "
            "(pip install 'pyhanko[pkcs11]'); a .p12 certificate file works without it."
        ) from None
    if not source.library.is_file():
        raise BadInput(f"{source.library}: no such PKCS#11 module.")
    try:
        session = pkcs11.open_pkcs11_session(
            str(source.library),
            token_criteria=TokenCriteria(label=source.token_label),
            user_pin=source.pin,
        )
    except Exception as exc:  # the module's own errors: no such token, wrong PIN, locked token
        raise BadInput(
            f"The PKCS#11 token '{source.token_label}' cannot be opened ({_reason(exc)})."
        ) from None
    try:
        cert_label = source.cert_label or source.key_label
        signer = pkcs11.PKCS11Signer(session, key_label=source.key_label, cert_label=cert_label)
        try:
            algorithm = signer.signing_cert.public_key.algorithm
        except Exception as exc:  # no such certificate or key label on the token
            raise BadInput(
                f"The PKCS#11 token '{source.token_label}' has no certificate labelled "
                f"'{cert_label}' ({_reason(exc)})."
            ) from None
        if algorithm == "ec":
            # Many tokens (SoftHSM among them) offer ECDSA only on a digest computed outside the token
            # (CKM_ECDSA, not CKM_ECDSA_SHA256): pyHanko hashes, the token signs.
            signer = pkcs11.PKCS11Signer(
                session, key_label=source.key_label, cert_label=cert_label, use_raw_mechanism=True
            )
        yield signer
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def subject_of(signer: Signer) -> str:
    """The signing certificate's subject as people read it ("Common Name: …, Organization: …")."""
    cert = signer.signing_cert
    return "" if cert is None else str(cert.subject.human_friendly)


def common_name_of(signer: Signer) -> str:
    cert = signer.signing_cert
    if cert is None:
        return ""
    name = cert.subject.native.get("common_name")
    return str(name) if name else str(cert.subject.human_friendly)
