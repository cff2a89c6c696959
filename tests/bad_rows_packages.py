"""Bad-input rows: exchange packages refused whole, the store untouched (issue 15, deliverable 5).

Each package is made once per session from a throw-away store (the age passphrase step costs about a
second) and then spoilt the way a row needs: another passphrase, a changed byte, a cut file, a newer
format, something that is not a package at all.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from badinput import GOOD_LETTER, STORE_PROOF, Context, Row, store_with_letter

PASSPHRASE = "the right package passphrase"
NAME = "letters.iphrpkg"


@functools.cache
def _manifest() -> dict[str, Any]:
    from iphr_desk.core.exchange.package import build_manifest
    from iphr_desk.core.letters.letterfile import parse_letter_file
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.letters import add_letter

    with Store.open(Path(tempfile.mkdtemp(prefix="iphr-package-source-"))) as store:
        letter_id = add_letter(store, parse_letter_file(GOOD_LETTER), author="field")
        return build_manifest(store, [letter_id], author="field")


@functools.cache
def _sealed(change: str = "") -> bytes:
    import copy

    from iphr_desk.core.exchange.package import seal

    manifest = copy.deepcopy(_manifest())
    if change == "newer":
        manifest["version"] = 2
    elif change == "no manifest":
        manifest = {"notes": "an age file, but not a package"}
    elif change == "bad letter":
        manifest["letters"][0]["language"] = "tlh"
    return seal(manifest, PASSPHRASE)


def _package(
    change: str = "", spoil: Callable[[bytes], bytes] = lambda data: data, passphrase: str = PASSPHRASE
) -> Callable[[Context], None]:
    def setup(ctx: Context) -> None:
        store_with_letter(ctx)
        (ctx.work / NAME).write_bytes(spoil(_sealed(change)))
        ctx.monkeypatch.setenv("IPHR_DESK_PACKAGE_PASSPHRASE", passphrase)

    return setup


def _flip(data: bytes) -> bytes:
    spoilt = bytearray(data)
    spoilt[-20] ^= 0x01
    return bytes(spoilt)


def _fifo(ctx: Context) -> None:
    store_with_letter(ctx)
    os.mkfifo(ctx.work / NAME)
    ctx.monkeypatch.setenv("IPHR_DESK_PACKAGE_PASSPHRASE", PASSPHRASE)


def _no_passphrase(ctx: Context) -> None:
    _package()(ctx)
    ctx.monkeypatch.delenv("IPHR_DESK_PACKAGE_PASSPHRASE")


def _letter_file(ctx: Context) -> None:
    store_with_letter(ctx)
    (ctx.work / NAME).write_bytes(GOOD_LETTER.read_bytes())
    ctx.monkeypatch.setenv("IPHR_DESK_PACKAGE_PASSPHRASE", PASSPHRASE)


IMPORT = ["package", "import", NAME]
PROOF = STORE_PROOF + "; nothing imported (the whole package is read and checked before the store is opened)"

ROWS: list[Row] = [
    Row(
        "package import with the wrong passphrase",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: wrong passphrase (or the file was altered); nothing was imported.",
        _package(passphrase="not the right one"),
        proof=PROOF,
    ),
    Row(
        "package import of a package with one byte changed",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: the file is damaged, truncated or was altered; nothing was imported.",
        _package(spoil=_flip),
        proof=PROOF,
    ),
    Row(
        "package import of a package cut in half",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: the file is damaged, truncated or was altered; nothing was imported.",
        _package(spoil=lambda data: data[: len(data) // 2]),
        proof=PROOF,
    ),
    Row(
        "package import of a package cut inside its header",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: the file is truncated; nothing was imported.",
        _package(spoil=lambda data: data[:40]),
        proof=PROOF,
    ),
    Row(
        "package import of a package from a newer IPHR Desk",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: the package was made by a newer IPHR Desk (format 2; this one reads up to 1); "
        "update IPHR Desk to import it. Nothing was imported.",
        _package("newer"),
        proof=PROOF,
    ),
    Row(
        "package import of a letter file named .iphrpkg",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: not an IPHR Desk package (it is not an encrypted package file).",
        _letter_file,
        proof=PROOF,
    ),
    Row(
        "package import of an encrypted file that holds no package",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: not an IPHR Desk package (no package manifest inside).",
        _package("no manifest"),
        proof=PROOF,
    ),
    Row(
        "package import of a package holding an invalid letter",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: letters[0]: not a valid letter (language: unknown language 'tlh' "
        "(use one of fr, en, ru, de)); nothing was imported.",
        _package("bad letter"),
        proof=PROOF,
    ),
    Row(
        "package import of a named pipe (FIFO)",
        IMPORT,
        2,
        f"iphr-desk: {NAME}: this is a named pipe (FIFO), not a package.",
        _fifo,
        proof=PROOF + "; the pipe is never opened for reading",
    ),
    Row(
        "package import without a passphrase and without a terminal",
        IMPORT,
        2,
        "iphr-desk: no package passphrase: set IPHR_DESK_PACKAGE_PASSPHRASE or run the command in a terminal",
        _no_passphrase,
        proof=PROOF,
    ),
    Row(
        "package export of a letter that does not exist",
        ["package", "export", "--id", "1", "--id", "7", "-o", "out/letters.iphrpkg"],
        2,
        "iphr-desk: There is no letter with id 7.",
        _package(),
        proof=STORE_PROOF + "; no package written",
    ),
]
