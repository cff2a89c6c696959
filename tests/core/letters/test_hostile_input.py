"""Hostile or damaged input the letter-file reader must refuse quickly, with one clear sentence.

Each of these once crashed, hung or exhausted memory: a device or a pipe given as a letter file, a
file whose size lies, a YAML key written as a list, emphasis nested thousands deep, and bidi
override characters that make one line display as another.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from iphr_desk.core import boundedio
from iphr_desk.core.boundedio import UnreadableFile, read_bounded
from iphr_desk.core.errors import LetterFileError
from iphr_desk.core.letters.letterfile import (
    normalise_body,
    parse_letter_file,
    parse_letter_text,
    write_letter_text,
)
from iphr_desk.core.letters.markdown_depth import MAX_NESTING, too_deep
from iphr_desk.core.textclean import escape_for_terminal

LETTER = (Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md").read_text(
    encoding="utf-8"
)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of blocking forever, should a FIFO be opened the blocking way again."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise TimeoutError("blocked on a named pipe")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- bounded reads


def test_a_named_pipe_is_refused_at_once(tmp_path: Path, no_hang: None) -> None:
    fifo = tmp_path / "letter.md"
    os.mkfifo(fifo)
    with pytest.raises(LetterFileError) as caught:
        parse_letter_file(fifo)
    assert str(caught.value) == f"{fifo}: this is a named pipe (FIFO), not a letter file"


def test_a_file_swapped_for_a_pipe_after_the_check_is_still_refused(
    tmp_path: Path, no_hang: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "letter.md"
    os.mkfifo(fifo)
    monkeypatch.setattr(boundedio, "_stat", lambda path: None)  # as if it was a file when checked
    with pytest.raises(UnreadableFile, match=r"^this is a named pipe \(FIFO\), not a letter file$"):
        read_bounded(fifo, 1000, what="a letter file")


def test_devices_are_refused_without_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_read(*_: object) -> bytes:
        raise AssertionError("a device was read")

    monkeypatch.setattr(boundedio.os, "read", no_read)
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        with pytest.raises(LetterFileError, match=r"this is a device, not a letter file$"):
            parse_letter_file(Path(device))


def test_the_limit_counts_bytes_read_not_the_size_the_file_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "proc-like"
    big.write_bytes(b"x" * 3000)
    real = os.fstat

    def says_empty(fd: int) -> os.stat_result:
        fields = list(real(fd))
        fields[6] = 0  # st_size, as /proc files report
        return os.stat_result(fields)

    monkeypatch.setattr(boundedio.os, "fstat", says_empty)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        reads.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(boundedio.os, "read", counting_read)
    with pytest.raises(UnreadableFile) as caught:
        read_bounded(big, 2048, what="a letter file")
    assert caught.value.problem == "the file is larger than 2 KB; a letter file can be at most 2 KB"
    assert sum(reads) == 2049  # one byte past the limit proves it, and no more is read


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    small = tmp_path / "letter.md"
    small.write_bytes(b"a" * 5000)
    assert read_bounded(small, 5000) == b"a" * 5000


# --------------------------------------------------------------------------- YAML keys


@pytest.mark.parametrize("line", ["? [a, b]\n: x", "[a]: x", "? {a: 1}\n: x", "recipient:\n  [x]: y"])
def test_a_key_that_is_a_list_or_mapping_is_a_clear_error(line: str) -> None:
    text = LETTER.replace("---\n", f"---\n{line}\n", 1).replace("recipient:\n  name", "recipient2:\n  name")
    with pytest.raises(
        LetterFileError, match=r"^x\.md: line \d+: a key must be a word such as 'subject', not "
    ):
        parse_letter_text(text, "x.md")


# --------------------------------------------------------------------------- nesting


def _nested(depth: int) -> str:
    return "".join("*a " for _ in range(depth)) + "x" + "".join(" b*" for _ in range(depth))


def test_emphasis_nested_too_deep_is_refused_with_its_line() -> None:
    within = parse_letter_text(LETTER + "\n" + _nested(MAX_NESTING - 21) + "\n", "x.md")
    assert within.body.count("*") >= 2 * (MAX_NESTING - 21)
    text = LETTER + "\n" + _nested(3000) + "\n"
    with pytest.raises(LetterFileError) as caught:
        parse_letter_text(text, "x.md")
    line = LETTER.count("\n") + 2
    assert str(caught.value) == (
        f"x.md: line {line}: emphasis or links are nested 3000 levels deep; a letter can nest at most "
        f"{MAX_NESTING} (check for unpaired '*' or '_')"
    )


def test_ordinary_emphasis_is_not_even_parsed_for_depth() -> None:
    assert too_deep("Some *italic*, **bold** and [a link](https://example.org).\n") is None
    assert too_deep(_nested(MAX_NESTING - 20)) is None


def test_the_app_can_still_save_a_deeply_nested_body_it_holds() -> None:
    letter = parse_letter_text(LETTER, "x.md")
    deep = _nested(5000)
    assert normalise_body(deep) == deep + "\n"  # left as written: mdformat would overflow
    assert write_letter_text(replace(letter, body=deep)).endswith(deep + "\n")


# --------------------------------------------------------------------------- bidi controls


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_bidi_controls_are_refused_in_one_line_fields_but_right_to_left_text_is_not(char: str) -> None:
    subject = "رسالة بشأن حقوق الإنسان\u200f — מכתב בנושא זכויות אדם\u200e"  # RTL letters and marks
    rtl = LETTER.replace(
        "subject: Questions relatives aux droits humains en vue de votre visite au Kazakhstan",
        f"subject: {subject}",
    )
    assert parse_letter_text(rtl, "x.md").subject == subject
    text = LETTER.replace("place: Bruxelles", f"place: Bru{char}xelles")
    with pytest.raises(
        LetterFileError, match=rf"^x\.md: place: the bidirectional control character U\+{ord(char):04X} "
    ):
        parse_letter_text(text, "x.md")


def test_writing_drops_bidi_controls_from_one_line_fields_so_the_file_reopens() -> None:
    letter = parse_letter_text(LETTER, "x.md")
    held = replace(letter, subject="Approved \u202egnidnep\u202c")
    again = parse_letter_text(write_letter_text(held), "x.md")
    assert again.subject == "Approved gnidnep"


def test_terminal_escaping_shows_controls_and_keeps_scripts() -> None:
    assert escape_for_terminal("Approved \u202egnidnep\u202c") == "Approved \\u202egnidnep\\u202c"
    assert escape_for_terminal("\x1b[2J\u2028") == "\\u001b[2J\\u2028"
    kept = "Émile Zoë — Мирзиёев, 習近平, رسالة, שלום 👩🏽‍⚖️"
    assert escape_for_terminal(kept) == kept
