"""Bad-input rows: hostile or foreign reviewed copies given to `iphr-desk review import` (issue 15).

Each is refused with one line and exit 2, and the store is left byte for byte as it was: a file that is
not a zip, a zip bomb (a part that unpacks far beyond its size), XML with an external entity (XXE), a
file too large to be a letter, a named pipe, and a copy exported from a letter file (no identity).
"""

from __future__ import annotations

import io
import os
import signal
import zipfile

from badinput import GOOD_LETTER, STORE_PROOF, Context, Row, Setup, store_with_letter

_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _package(name: str, document: bytes) -> Setup:
    def setup(ctx: Context) -> None:
        store_with_letter(ctx)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _TYPES)
            package.writestr("_rels/.rels", _RELS)
            package.writestr("word/document.xml", document)
        (ctx.work / name).write_bytes(out.getvalue())

    return setup


def _not_a_zip(ctx: Context) -> None:
    store_with_letter(ctx)
    (ctx.work / "notes.docx").write_text("Dear reviewer, here are my notes.\n", encoding="utf-8")


def _huge(ctx: Context) -> None:
    store_with_letter(ctx)
    with (ctx.work / "huge.docx").open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)


def _fifo(ctx: Context) -> None:
    store_with_letter(ctx)
    os.mkfifo(ctx.work / "pipe.docx")

    def interrupt(_signum: int, _frame: object) -> None:
        raise TimeoutError("the command blocked on a named pipe")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(10)

    def undo() -> None:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

    ctx.cleanup.append(undo)


def _no_identity(ctx: Context) -> None:
    from iphr_desk.core.export.docx_export import export_letter
    from iphr_desk.core.letters.letterfile import parse_letter_file

    store_with_letter(ctx)
    export_letter(parse_letter_file(GOOD_LETTER), ctx.work / "plain.docx")


_BOMB = (f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode() + b"A" * (31 * 1024 * 1024)
         + b"</w:t></w:r></w:p></w:body></w:document>")  # fmt: skip
_XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    + f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
    + b"&secret;</w:t></w:r></w:p></w:body></w:document>"
)

ROWS = [
    Row(
        "review import of a file that is not a .docx",
        ["review", "import", "notes.docx"],
        2,
        "iphr-desk: notes.docx: this is not a Word document (.docx).",
        _not_a_zip,
        proof=STORE_PROOF,
    ),
    Row(
        "review import of a zip bomb (a 31 MB part in a small file)",
        ["review", "import", "bomb.docx"],
        2,
        "iphr-desk: bomb.docx: the part word/document.xml unpacks to more than 30 MB; a reviewed letter is "
        "far smaller (the file may be a zip bomb).",
        _package("bomb.docx", _BOMB),
        proof=STORE_PROOF,
    ),
    Row(
        "review import of a .docx whose XML declares an external entity (XXE)",
        ["review", "import", "xxe.docx"],
        2,
        "iphr-desk: xxe.docx: the part word/document.xml declares a DTD or entities, which a Word document "
        "never does; it is not read.",
        _package("xxe.docx", _XXE),
        proof=STORE_PROOF,
    ),
    Row(
        "review import of a 60 MB file",
        ["review", "import", "huge.docx"],
        2,
        "iphr-desk: huge.docx: the file is 60.0 MB; a Word document can be at most 50 MB.",
        _huge,
        proof=STORE_PROOF,
    ),
    Row(
        "review import of a named pipe (FIFO)",
        ["review", "import", "pipe.docx"],
        2,
        "iphr-desk: pipe.docx: this is a named pipe (FIFO), not a Word document.",
        _fifo,
        proof=STORE_PROOF,
    ),
    Row(
        "review import of a copy exported from a letter file (no identity)",
        ["review", "import", "plain.docx"],
        2,
        "iphr-desk: plain.docx: this copy carries no IPHR Desk identity (it was exported from a letter file, "
        "or by another program); give --id N to take it into letter N, or --as-new.",
        _no_identity,
        proof=STORE_PROOF,
    ),
]
