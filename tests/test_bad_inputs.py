"""The bad-input catalogue (tests/bad_inputs.md): one test per row.

Each row runs the real command (`main([...])` in process) inside a private working folder that
already holds an exported letter (`out/letter.docx`) and, for store rows, a data folder. The test
asserts the exit status, the exact one-line message on stderr, and that nothing was lost or
half-written: every file in the working folder has the same bytes afterwards and no file appeared
(no temporary file left behind).
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from badinput import (
    EXISTING_OUTPUT,
    GOOD_LETTER,
    LETTERS,
    ROOT,
    STORE_PROOF,
    Context,
    Row,
    Setup,
    copy_bad,
    huge_letter,
    raw_sqlite,
    store_with_letter,
)

from iphr_desk.cli import main

EXPORT = ["export", "letter.md", "-o", "out/letter.docx"]


def _letter_row(name: str, bad_file: str, message: str) -> Row:
    return Row(name, EXPORT, 2, f"iphr-desk: letter.md: {message}", copy_bad(bad_file))


ROWS: list[Row] = [
    _letter_row("malformed YAML", "malformed_yaml.md",
                "line 8: malformed YAML: this line is not indented like the lines above it"),
    _letter_row("missing required key", "missing_subject.md", "subject: required key is missing"),
    _letter_row("unknown key", "unknown_recipient_key.md",
                "recipient.gendre: unknown key (did you mean 'gender'?)"),
    _letter_row("unknown office", "unknown_office.md",
                "recipient.office: unknown office 'presidnet' (did you mean 'head_of_state'?)"),
    _letter_row("unknown gender", "batch_bad_gender.md",
                "recipients[2].gender: unknown gender 'divers' (use one of female, male, unspecified)"),
    _letter_row("unknown language", "unknown_language.md",
                "language: unknown language 'es' (use one of fr, en, ru, de)"),
    _letter_row("impossible date", "impossible_date.md",
                "date: impossible date '2023-02-30' (February 2023 has 28 days)"),
    _letter_row("binary file", "binary.md",
                "this is a binary file, not a letter file (Markdown text with YAML front matter)"),
    _letter_row("file not in UTF-8", "non_utf8.md",
                "line 10: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
    _letter_row("file in UTF-16", "utf16.md", "the file is saved as UTF-16; save it as UTF-8"),
    _letter_row("control character in the text", "control_character.md",
                "line 21: control character U+0007 is not allowed; remove it"),
    _letter_row("control character escaped in YAML", "escaped_control_character.md",
                "subject: control character U+001B is not allowed; remove it"),
    Row("50 MB letter file", EXPORT, 2,
        "iphr-desk: letter.md: the file is 50.0 MB; a letter file can be at most 5 MB", huge_letter),
    Row("letter file missing", ["export", "nope.md", "-o", "out/letter.docx"], 2,
        "iphr-desk: nope.md: no such file"),
    Row("letter file is a folder", ["export", "out", "-o", "out/letter.docx"], 2,
        "iphr-desk: out: this is a folder, not a letter file"),
    Row("import of a bad file among good ones", ["import", "good.md", "letter.md"], 2,
        "iphr-desk: letter.md: this is a binary file, not a letter file "
        "(Markdown text with YAML front matter)",
        copy_bad("binary.md")),
]  # fmt: skip


# --------------------------------------------------------------------------- output rows


def _out_folder_read_only(ctx: Context) -> None:
    """A read-only folder. Tests run as root, which ignores permission bits, so the refusal the OS
    gives an ordinary user (PermissionError on creating the temporary file) is simulated as well."""
    import os
    import tempfile

    out = ctx.work / "out"
    out.chmod(0o555)
    ctx.cleanup.append(lambda: out.chmod(0o755))
    if os.geteuid() == 0:

        def refuse(*_: object, **__: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        ctx.monkeypatch.setattr(tempfile, "mkstemp", refuse)


def _folder_named_like_a_file(ctx: Context) -> None:
    (ctx.work / "out" / "draft.docx").mkdir()


def _batch_with_unsafe_names(ctx: Context) -> None:
    text = (LETTERS / "batch_three.md").read_text(encoding="utf-8")
    text = text.replace("name: Anna Roth", "name: Anna Roth\n  surname: CON")
    text = text.replace("name: Jan Novak", "name: Jan Novak\n  surname: ../../etc/passwd")
    text = text.replace("name: Kai Berg", "name: Kai Berg\n  surname: 'C:\\Windows\\LPT1'")
    text = text.replace(
        "subject: Release of detained journalists in Kyrgyzstan",
        "subject: 'Release/NUL: <journalists>? in Kyrgyzstan'",
    )
    (ctx.work / "letter.md").write_text(text, encoding="utf-8")


def _save_fails(exc: BaseException, partial: bytes = b"PK\x03\x04 half a document") -> Setup:
    """Make python-docx's save write part of the file and then fail (disk full, Ctrl+C)."""

    def setup(ctx: Context) -> None:
        from docx.document import Document

        def save(_: object, stream: object) -> None:
            if hasattr(stream, "write"):
                stream.write(partial)
            else:
                Path(str(stream)).write_bytes(partial)
            raise exc

        ctx.monkeypatch.setattr(Document, "save", save)

    return setup


# --------------------------------------------------------------------------- store rows


def _newer_schema(ctx: Context) -> None:
    store_with_letter(ctx)
    conn = raw_sqlite(ctx)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()


def _corrupt(ctx: Context) -> None:
    store_with_letter(ctx)
    db = ctx.work / "data" / "iphr-desk.sqlite3"
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(page * 2, len(data) - page, page * 3):  # keep the header; damage B-tree pages
        data[start : start + 64] = b"\xde\xad\xbe\xef" * 16
    db.write_bytes(bytes(data))


def _locked(ctx: Context) -> None:
    """Another program holds the write lock; the command's wait is shortened to keep the test quick."""
    from iphr_desk.core.store.database import Store

    store_with_letter(ctx)
    holder = raw_sqlite(ctx)
    holder.execute("BEGIN IMMEDIATE")
    ctx.cleanup.append(holder.close)
    ctx.cleanup.append(holder.rollback)
    original = Store.open.__func__  # type: ignore[attr-defined]

    def quick_open(cls: type[Store], *args: Any, **kwargs: Any) -> Store:
        return original(cls, *args, **{**kwargs, "busy_timeout": 0.2})

    ctx.monkeypatch.setattr(Store, "open", classmethod(quick_open))


def _encrypted(ctx: Context) -> None:
    from iphr_desk.core.store.crypto import encrypt_store

    store_with_letter(ctx)
    encrypt_store(ctx.work / "data", "the right passphrase")
    ctx.monkeypatch.setenv("IPHR_DESK_PASSPHRASE", "a wrong passphrase")


def _store_and_bad_file(ctx: Context) -> None:
    store_with_letter(ctx)
    copy_bad("binary.md")(ctx)


# --------------------------------------------------------------------------- letterhead rows


def _docx_bytes(**drop: bool) -> bytes:
    from docx import Document

    stream = io.BytesIO()
    Document().save(stream)
    if not drop:
        return stream.getvalue()
    source = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/styles.xml":
                continue
            if info.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*styles\.xml\"/>", b"", data)
            if info.filename == "[Content_Types].xml":
                data = re.sub(rb"<Override PartName=\"/word/styles\.xml\"[^>]*/>", b"", data)
            target.writestr(info, data)
    return out.getvalue()


def _letterhead_file(name: str, **drop: bool) -> Setup:
    def setup(ctx: Context) -> None:
        store_with_letter(ctx)
        (ctx.work / name).write_bytes(_docx_bytes(**drop))

    return setup


def _has_letter_styles(work: Path) -> None:
    from docx import Document

    from iphr_desk.core.export.docx.styles import ALL_STYLE_NAMES

    names = {style.name for style in Document(str(work / "data/letterheads/acme.docx")).styles}
    assert set(ALL_STYLE_NAMES) <= names


def _not_a_docx(ctx: Context) -> None:
    store_with_letter(ctx)
    (ctx.work / "letterhead.docx").write_bytes(b"%PDF-1.7 this is a PDF saved with the wrong name\n")


OUTPUT_ROWS: list[Row] = [
    Row(
        "output folder missing",
        ["export", "good.md", "-o", "missing/letter.docx"],
        2,
        "iphr-desk: The folder missing does not exist; create it first or choose another.",
    ),
    Row(
        "output folder read-only",
        ["export", "good.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: The folder out is read-only; choose another folder.",
        _out_folder_read_only,
    ),
    Row(
        "output path is a folder",
        ["export", "good.md", "-o", "out/draft.docx"],
        2,
        "iphr-desk: out/draft.docx is a folder; give a file name such as out/draft.docx/letter.docx.",
        _folder_named_like_a_file,
    ),
    Row(
        "recipient names with path separators and reserved Windows names (batch)",
        ["export", "letter.md", "-o", "out/"],
        0,
        "out/2024-03-14 CON - Release NUL journalists in Kyrgyzstan.docx",
        _batch_with_unsafe_names,
        proof="accepted: each name made safe (no separator, no bare reserved name); the three files land "
        "inside out/ and nothing else changes",
        new_files=(
            "out/2024-03-14 C Windows LPT1 - Release NUL journalists in Kyrgyzstan.docx",
            "out/2024-03-14 CON - Release NUL journalists in Kyrgyzstan.docx",
            "out/2024-03-14 .. .. etc passwd - Release NUL journalists in Kyrgyzstan.docx",
        ),
        stream="out",
    ),
    Row(
        "disk full while writing",
        ["export", "good.md", "-o", "out/letter.docx"],
        1,
        "iphr-desk: Could not write out/letter.docx: No space left on device. Nothing was changed.",
        _save_fails(OSError(errno.ENOSPC, "No space left on device")),
    ),
    Row(
        "export interrupted (Ctrl+C while writing)",
        ["export", "good.md", "-o", "out/letter.docx"],
        130,
        "iphr-desk: interrupted; nothing was changed",
        _save_fails(KeyboardInterrupt()),
    ),
]

STORE_ROWS: list[Row] = [
    Row(
        "import of a bad file into a store",
        ["import", "good.md", "letter.md"],
        2,
        "iphr-desk: letter.md: this is a binary file, not a letter file "
        "(Markdown text with YAML front matter)",
        _store_and_bad_file,
        proof=STORE_PROOF,
    ),
    Row(
        "database from a newer schema",
        ["import", "good.md"],
        1,
        "iphr-desk: The store data/iphr-desk.sqlite3 was written by a newer version of IPHR Desk "
        "(schema 9999_from_the_future). Update IPHR Desk to open it; the file was left untouched.",
        _newer_schema,
        proof=STORE_PROOF,
    ),
    Row(
        "corrupted database",
        ["list", "letters"],
        1,
        "iphr-desk: The database data/iphr-desk.sqlite3 is damaged (database disk image is malformed). "
        "The newest good backup is <id>, from <time> (<backup>); restore it with "
        "`iphr-desk backup restore <id>` (the damaged file is kept aside).",
        _corrupt,
        proof=STORE_PROOF,
    ),
    Row(
        "locked database (another program is writing)",
        ["import", "good.md"],
        1,
        "iphr-desk: The database is busy: another IPHR Desk window or command is writing to it. "
        "Try again when it has finished.",
        _locked,
        proof=STORE_PROOF,
    ),
    Row(
        "wrong passphrase",
        ["list", "letters"],
        2,
        "iphr-desk: The passphrase for the store in data is wrong (or its file is damaged).",
        _encrypted,
        proof=STORE_PROOF,
    ),
    Row(
        "letterhead that is not a .docx",
        ["letterhead", "add", "acme", "letterhead.docx"],
        2,
        "iphr-desk: letterhead.docx: this is not a Word document (.docx).",
        _not_a_docx,
        proof=STORE_PROOF,
    ),
    Row(
        "letterhead that is a letter file",
        ["letterhead", "add", "acme", "good.md"],
        2,
        "iphr-desk: good.md: this is not a Word document (.docx).",
        store_with_letter,
        proof=STORE_PROOF,
    ),
    Row(
        "macro-enabled .docm letterhead",
        ["letterhead", "add", "acme", "macro.docm"],
        2,
        "iphr-desk: macro.docm: macro-enabled Word files (.docm, .dotm) cannot be letterheads; "
        "save it as a Word Document (.docx) without macros.",
        _letterhead_file("macro.docm"),
        proof=STORE_PROOF,
    ),
    Row(
        "letterhead with no styles",
        ["letterhead", "add", "acme", "bare.docx"],
        0,
        "letterhead 'acme' registered: data/letterheads/acme.docx",
        _letterhead_file("bare.docx", styles=True),
        proof="accepted: the letter styles it lacks are copied from the default letterhead; only the new "
        "letterhead files appear (the store records it)",
        new_files=("data/letterheads/acme.docx", "data/letterheads/acme.toml"),
        changed=("data/iphr-desk.sqlite3",),
        stream="out",
        check=_has_letter_styles,
    ),
]

ROWS += OUTPUT_ROWS + STORE_ROWS
# Rows by concern, each module with its own set-ups (see tests/badinput.py).
#: Every tests/bad_rows_<area>.py contributes its ROWS (one file per area: store, encryption, ...).
_FIRST = ("store", "encryption", "letterheads", "files")
ROW_MODULES = (
    *_FIRST,
    *sorted(
        p.stem.removeprefix("bad_rows_")
        for p in Path(__file__).parent.glob("bad_rows_*.py")
        if p.stem.removeprefix("bad_rows_") not in _FIRST
    ),
)
for _area in ROW_MODULES:
    ROWS += importlib.import_module(f"bad_rows_{_area}").ROWS


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` with a digest of its bytes (sparse huge files included, cheaply).

    A named pipe or other special file is recorded as "special", never opened: reading it would block.
    """
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
            result[str(path.relative_to(root))] = digest.hexdigest()
        elif path.is_dir():
            result[str(path.relative_to(root))] = "folder"
        else:
            result[str(path.relative_to(root))] = "special"
    return result


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "letter.docx").write_bytes(EXISTING_OUTPUT)
    (tmp_path / "good.md").write_bytes(GOOD_LETTER.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("IPHR_DESK_DEBUG", raising=False)
    monkeypatch.setenv("IPHR_DESK_DATA_DIR", "data")
    monkeypatch.delenv("IPHR_DESK_PASSPHRASE", raising=False)
    return tmp_path


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_bad_input(
    row: Row, work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = Context(work, monkeypatch)
    try:
        row.setup(ctx)
        before = snapshot(work)
        status = main(row.argv)
        after = snapshot(work)
    finally:
        for undo in reversed(ctx.cleanup):
            undo()
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert status == row.status
    if row.stream == "err":
        assert captured.err.splitlines() == [_expected(row, work)]
        assert captured.out == ""
    else:
        assert row.message in captured.out.splitlines()
    for name in row.new_files:
        assert after.pop(name, None) not in (None, "folder"), name
    for name in row.changed:
        assert after.pop(name) != before.pop(name), name
    after = {k: v for k, v in after.items() if not (v == "folder" and k not in before)}
    assert after == before
    assert (work / "out" / "letter.docx").read_bytes() == EXISTING_OUTPUT
    if row.check is not None:
        row.check(work)


def _expected(row: Row, work: Path) -> str:
    """The row's message; the backup rows name the newest backup, whose name (and id) holds the time."""
    if not any(mark in row.message for mark in ("<backup>", "<id>")):
        return row.message
    from iphr_desk.core.store.backup import list_backups

    newest = list_backups(work / "data")[0]
    return (
        row.message.replace("<time>", newest.label)
        .replace("<backup>", newest.path.name)
        .replace("<id>", newest.id)
    )


def render_table(rows: list[Row]) -> str:
    """The catalogue table of tests/bad_inputs.md (regenerate: `python tests/test_bad_inputs.py`)."""
    lines = [
        "| # | bad input | command | exit | exact message (stderr; stdout when accepted) "
        "| proof that nothing was lost |",
        "|---|---|---|---|---|---|",
    ]
    for number, row in enumerate(rows, start=1):
        command = "iphr-desk " + " ".join(row.argv)
        cells = [str(number), row.name, f"`{command}`", str(row.status), f"`` {row.message} ``", row.proof]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def test_catalogue_is_the_table_these_tests_run() -> None:
    text = (ROOT / "tests" / "bad_inputs.md").read_text(encoding="utf-8")
    start = text.index("| # |")
    end = text.find("\n\n", start)
    table = text[start:] if end < 0 else text[start : end + 1]
    assert table == render_table(ROWS)


if __name__ == "__main__":
    catalogue = ROOT / "tests" / "bad_inputs.md"
    head, _, rest = catalogue.read_text(encoding="utf-8").partition("| # |")
    tail = rest[rest.find("\n\n") :] if "\n\n" in rest else "\n"
    catalogue.write_text(head + render_table(ROWS) + tail.removeprefix("\n"), encoding="utf-8")
