"""Bad-input rows: unbounded or special files, long names, and inputs that must be exit 2.

Rows of tests/bad_inputs.md, run by test_bad_inputs.py.

A device or a named pipe given as a letter file must be refused without reading from it: before
the fix `/dev/zero` was read until memory ran out and a FIFO blocked forever. So that such a row
fails quickly instead of hanging the test run on a regression, its set-up makes any read of the
device fail loudly and puts a time limit (SIGALRM) on the command.
"""

from __future__ import annotations

import os
import pathlib
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from badinput import GOOD_LETTER, LETTERS, STORE_PROOF, Context, Row, Setup, raw_sqlite, store_with_letter

from iphr_desk.core import boundedio
from iphr_desk.core.letters.letterfile import MAX_FILE_BYTES

#: Seconds a row about a device or pipe may take before it counts as hanging.
HANG_LIMIT = 10


def _fail_on_hang(ctx: Context) -> None:
    def interrupt(_signum: int, _frame: object) -> None:
        raise TimeoutError("the command blocked on a file that is not a regular file")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(HANG_LIMIT)
    ctx.cleanup.append(lambda: signal.signal(signal.SIGALRM, previous))
    ctx.cleanup.append(lambda: signal.alarm(0))


def _never_read_devices(ctx: Context) -> None:
    """Reading a whole device never ends: make it fail at once (the command must not try)."""
    _fail_on_hang(ctx)
    real = pathlib.Path.read_bytes

    def read_bytes(path: pathlib.Path) -> bytes:
        if str(path).startswith("/dev/"):
            raise MemoryError(f"{path} was read as if it were a file")
        return real(path)

    ctx.monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def _fifo(name: str) -> Setup:
    def setup(ctx: Context) -> None:
        _fail_on_hang(ctx)
        os.mkfifo(ctx.work / name)

    return setup


def _size_understated(ctx: Context) -> None:
    """A 6 MB letter file whose size reads as 0, as files in /proc and some network shares report."""
    with (ctx.work / "letter.md").open("wb") as handle:
        handle.write(GOOD_LETTER.read_bytes())
        handle.write(b"x" * (MAX_FILE_BYTES + 1024 * 1024))
    real = os.fstat

    def fstat(fd: int) -> Any:
        status = real(fd)
        if status.st_size > MAX_FILE_BYTES:
            fields = list(status)
            fields[6] = 0  # st_size
            return os.stat_result(fields)
        return status

    ctx.monkeypatch.setattr(boundedio.os, "fstat", fstat)


def _letter_with(change: Callable[[str], str], source: Path = GOOD_LETTER) -> Setup:
    def setup(ctx: Context) -> None:
        text = change(source.read_text(encoding="utf-8"))
        (ctx.work / "letter.md").write_text(text, encoding="utf-8")

    return setup


def _front(line: str) -> Setup:
    return _letter_with(lambda text: text.replace("---\n", f"---\n{line}\n", 1))


def _deep_emphasis(text: str) -> str:
    return text.rstrip("\n") + "\n\n" + "*" * 5000 + "x" + "*" * 5000 + "\n"


GEORGIAN_SUBJECT = (
    "ადამიანის უფლებები ყირგიზეთში და დაკავებული ჟურნალისტების გათავისუფლება ბიშკეკში, "
    "ევროპარლამენტის მოთხოვნა 202"
)
GEORGIAN_STEM = "ადამიანის უფლებები ყირგიზეთში და დაკავებული ჟურნალისტების გათავისუფლება ბიშკეკში"
CHINESE_PHRASE = "吉尔吉斯斯坦被拘留记者的释放问题以及人权捍卫者的处境"  # 26 characters, 78 bytes
CHINESE_SUBJECT = (CHINESE_PHRASE * 5)[:110]
CHINESE_STEM = (CHINESE_PHRASE * 3)[:-1]  # 77 characters: with "2024-03-14 Roth - " and ".docx", 254 bytes


def _batch_subject(subject: str, *, same_surname: bool = False) -> Setup:
    def change(text: str) -> str:
        text = text.replace("subject: Release of detained journalists in Kyrgyzstan", f"subject: {subject}")
        return text.replace("name: Jan Novak", "name: Jan Novak\n  surname: Roth") if same_surname else text

    return _letter_with(change, LETTERS / "batch_three.md")


def _bidi_subject_stored(ctx: Context) -> None:
    store_with_letter(ctx)
    conn = raw_sqlite(ctx)
    conn.execute("UPDATE letters SET subject = ?", ("Approved \u202egnidnep\u202c \x1b[2Jcleared",))
    conn.close()


def _has_names(*names: str) -> Callable[[Path], None]:
    def check(work: Path) -> None:
        for name in names:
            assert len(name.encode("utf-8")) <= 255
            assert (work / "out" / name).stat().st_size > 0

    return check


BIDI_PROBLEM = (
    "the bidirectional control character U+202E is not allowed: it can make the text display in a "
    "misleading order; remove it (Arabic or Hebrew text needs none)"
)

ROWS: list[Row] = [
    Row(
        "letter file is an endless device (/dev/zero)",
        ["import", "/dev/zero"],
        2,
        "iphr-desk: /dev/zero: this is a device, not a letter file",
        _never_read_devices,
        proof="refused before reading a byte (before: read until killed at 24 GB); nothing created",
    ),
    Row(
        "letter file is an endless random device (/dev/urandom)",
        ["export", "/dev/urandom", "-o", "out/letter.docx"],
        2,
        "iphr-desk: /dev/urandom: this is a device, not a letter file",
        _never_read_devices,
        proof="refused before reading a byte (before: read forever); out/letter.docx kept",
    ),
    Row(
        "letter file is a named pipe (FIFO) nobody writes to",
        ["export", "pipe.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: pipe.md: this is a named pipe (FIFO), not a letter file",
        _fifo("pipe.md"),
        proof="refused at once, without blocking (before: hung forever); out/letter.docx kept",
    ),
    Row(
        "import of a named pipe (FIFO)",
        ["import", "good.md", "pipe.md"],
        2,
        "iphr-desk: pipe.md: this is a named pipe (FIFO), not a letter file",
        _fifo("pipe.md"),
        proof="refused at once, without blocking; nothing stored, no data folder created",
    ),
    Row(
        "letter file larger than its reported size (6 MB reading as 0 bytes)",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: the file is larger than 5 MB; a letter file can be at most 5 MB",
        _size_understated,
        proof="reading stops after 5 MB of bytes actually read, whatever the size says; out/letter.docx kept",
    ),
    Row(
        "a list as a YAML key (? [a, b])",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: line 2: a key must be a word such as 'subject', not a list",
        _front("? [a, b]\n: x"),
    ),
    Row(
        "a list as a YAML key ([a]: x)",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: line 2: a key must be a word such as 'subject', not a list",
        _front("[a]: x"),
    ),
    Row(
        "5,000 nested emphasis markers in the body",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: line 29: emphasis or links are nested 2500 levels deep; a letter can nest "
        "at most 50 (check for unpaired '*' or '_')",
        _letter_with(_deep_emphasis),
        proof="refused before normalising (before: RecursionError, exit 1); out/letter.docx kept",
    ),
    Row(
        "bidi override character in the subject",
        ["import", "letter.md"],
        2,
        f"iphr-desk: letter.md: subject: {BIDI_PROBLEM}",
        _letter_with(
            lambda text: text.replace("subject: Questions", "subject: Approved \u202egnidnep\u202c")
        ),
        proof="nothing stored, no data folder created",
    ),
    Row(
        "bidi isolate in a recipient's name",
        ["export", "letter.md", "-o", "out/letter.docx"],
        2,
        "iphr-desk: letter.md: recipient.name: the bidirectional control character U+2067 is not allowed: "
        "it can make the text display in a misleading order; remove it (Arabic or Hebrew text needs none)",
        _letter_with(lambda text: text.replace("name: Emmanuel Macron", "name: Emmanuel \u2067Macron\u2069")),
    ),
    Row(
        "bidi override and terminal escape in a stored subject (list)",
        ["list", "letters"],
        0,
        "1\t2023-10-30\tfr\tdraft\tEmmanuel Macron\tApproved \\u202egnidnep\\u202c \\u001b[2Jcleared",
        _bidi_subject_stored,
        proof="accepted: the row shows the controls as \\u202e, \\u001b, so it cannot disguise or erase "
        "another; the store is untouched",
        stream="out",
    ),
    Row(
        "letter id beyond SQLite's integers",
        ["export", "--id", "99999999999999999999", "-o", "out/letter.docx"],
        2,
        "iphr-desk: There is no letter with id 99999999999999999999.",
        store_with_letter,
        proof=STORE_PROOF + " (before: OverflowError, exit 1)",
    ),
    Row(
        "output is a device (-o /dev/full)",
        ["export", "good.md", "-o", "/dev/full"],
        2,
        "iphr-desk: /dev/full is a device, not a file; give a file name such as letter.docx.",
        proof="refused (before: wrote /dev/full.docx); nothing written anywhere",
    ),
    Row(
        "output is a named pipe",
        ["export", "good.md", "-o", "out/pipe.docx"],
        2,
        "iphr-desk: out/pipe.docx is a named pipe (FIFO), not a file; give a file name such as letter.docx.",
        _fifo("out/pipe.docx"),
        proof="refused; the pipe is left as it was, out/letter.docx kept",
    ),
    Row(
        "output name with another extension (-o out/letter.txt)",
        ["export", "good.md", "-o", "out/letter.txt"],
        2,
        "iphr-desk: out/letter.txt: an export is written as .docx, .pdf or .html, not .txt; give OUT.docx, "
        "OUT.pdf or OUT.html (or a folder, OUT_DIR/)",
        proof="refused (before: wrote out/letter.txt.docx and exit 0); nothing written",
    ),
    Row(
        "output name with another extension and --pdf",
        ["export", "good.md", "--pdf", "-o", "out/letter.odt"],
        2,
        "iphr-desk: out/letter.odt: an export is written as .docx, .pdf or .html, not .odt; give OUT.pdf "
        "(or a folder, OUT_DIR/)",
        proof="refused before LibreOffice is started; nothing written",
    ),
    Row(
        "110-character Georgian subject (batch)",
        ["export", "letter.md", "-o", "out/"],
        0,
        f"out/2024-03-14 Roth - {GEORGIAN_STEM}.docx",
        _batch_subject(GEORGIAN_SUBJECT),
        proof="accepted: each name cut between words to at most 255 bytes of UTF-8 (before: 'File name too "
        "long', exit 1); the three files land in out/",
        new_files=tuple(f"out/2024-03-14 {who} - {GEORGIAN_STEM}.docx" for who in ("Roth", "Novak", "Berg")),
        stream="out",
        check=_has_names(*(f"2024-03-14 {who} - {GEORGIAN_STEM}.docx" for who in ("Roth", "Novak", "Berg"))),
    ),
    Row(
        "110-character Chinese subject, two recipients with the same surname (batch)",
        ["export", "letter.md", "-o", "out/"],
        0,
        f"out/2024-03-14 Roth - {CHINESE_STEM[:-1]} (2).docx",
        _batch_subject(CHINESE_SUBJECT, same_surname=True),
        proof="accepted: names cut between characters so that even '... (2).docx' fits 255 bytes; the "
        "three files land in out/",
        new_files=(
            f"out/2024-03-14 Roth - {CHINESE_STEM}.docx",
            f"out/2024-03-14 Roth - {CHINESE_STEM[:-1]} (2).docx",
            f"out/2024-03-14 Berg - {CHINESE_STEM}.docx",
        ),
        stream="out",
    ),
]
