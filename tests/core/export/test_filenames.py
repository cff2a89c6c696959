"""Batch file names that Windows, macOS and Linux all accept."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.export.filenames import MAX_BYTES, MAX_LENGTH, batch_filename, combined_filename

DAY = dt.date(2024, 3, 14)
WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}


def test_the_ordinary_name() -> None:
    assert batch_filename(DAY, "Tokayev", "Human rights", set()) == "2024-03-14 Tokayev - Human rights.docx"


def test_forbidden_characters_and_trailing_dots_go() -> None:
    name = batch_filename(DAY, 'Na<m>e:"/\\|?*', "Re: what? a/b. ", set())
    assert name == "2024-03-14 Na m e - Re what a b.docx"


def test_collisions_get_a_number_case_insensitively() -> None:
    taken: set[str] = set()
    first = batch_filename(DAY, "Smith", "Appeal", taken)
    second = batch_filename(DAY, "SMITH", "appeal", taken)
    third = batch_filename(DAY, "Smith", "Appeal", taken)
    assert (first, second, third) == (
        "2024-03-14 Smith - Appeal.docx",
        "2024-03-14 SMITH - appeal (2).docx",
        "2024-03-14 Smith - Appeal (3).docx",
    )


def test_long_subjects_are_cut_to_the_limit() -> None:
    name = batch_filename(DAY, "Surname", "word " * 100, set())
    assert len(name) <= MAX_LENGTH and name.endswith(".docx") and not name[:-5].endswith((" ", "."))


def test_empty_surname_and_subject_still_give_a_name() -> None:
    assert batch_filename(DAY, "", "", set()) == "2024-03-14 Recipient.docx"


def test_cyrillic_survives() -> None:
    assert batch_filename(DAY, "Мирзиёев", "О правах", set()) == "2024-03-14 Мирзиёев - О правах.docx"


@given(st.lists(st.tuples(st.text(max_size=200), st.text(max_size=300)), min_size=1, max_size=8))
def test_every_name_is_windows_safe_and_unique(pairs: list[tuple[str, str]]) -> None:
    taken: set[str] = set()
    names = [batch_filename(DAY, surname, subject, taken) for surname, subject in pairs]
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        stem = name[: -len(".docx")]
        assert len(name) <= MAX_LENGTH
        assert not (set(name) & WINDOWS_FORBIDDEN)
        assert stem == stem.rstrip(". ")
        assert stem.split(".")[0].upper() not in RESERVED
        assert name.startswith("2024-03-14 ")


# --------------------------------------------------------------------------- bytes, not characters


def _assert_portable(name: str, suffix: str = ".docx") -> None:
    stem = name[: -len(suffix)]
    assert len(name.encode("utf-8")) <= MAX_BYTES  # ext4, APFS, Btrfs: 255 bytes
    assert len(name) <= MAX_LENGTH
    assert name.encode("utf-8").decode("utf-8") == name  # no lone surrogate: valid UTF-8
    assert not (set(name) & WINDOWS_FORBIDDEN)
    assert stem == stem.rstrip(". ")
    assert stem.split(".")[0].strip().upper() not in RESERVED
    assert name.endswith(suffix)


def test_a_long_georgian_subject_fits_255_bytes() -> None:
    subject = "ადამიანის უფლებები ყირგიზეთში და დაკავებული ჟურნალისტების გათავისუფლება ბიშკეკში " * 2
    name = batch_filename(DAY, "Roth", subject[:110], set())
    _assert_portable(name)
    assert name == "2024-03-14 Roth - " + subject[: subject.index(" ", 75)] + ".docx"  # cut after "ბიშკეკში"


def test_the_number_of_a_repeated_name_fits_too() -> None:
    taken: set[str] = set()
    names = [batch_filename(DAY, "Roth", "人权" * 60, taken, suffix=".pdf") for _ in range(12)]
    for name in names:
        _assert_portable(name, ".pdf")
    assert names[1].endswith(" (2).pdf") and names[11].endswith(" (12).pdf")
    assert len({n.casefold() for n in names}) == 12


def test_the_cut_keeps_accents_with_their_letter_and_a_flag_whole() -> None:
    cluster = "x\u0323\u0301"  # x with a dot below and an acute: no precomposed form, three code points
    accented = batch_filename(DAY, "S", cluster * 200, set())
    stem = accented[len("2024-03-14 S - ") : -len(".docx")]
    assert stem == cluster * (len(stem) // 3)
    flag = "\U0001f1eb\U0001f1f7"  # 🇫🇷: two regional indicators
    flags = batch_filename(DAY, "S", flag * 100, set())
    stem = flags[len("2024-03-14 S - ") : -len(".docx")]
    assert stem == flag * (len(stem) // 2)


def test_the_cut_falls_between_words_when_a_space_is_near() -> None:
    name = batch_filename(DAY, "Surname", "Menschenrechtsverteidigerinnen " * 10, set())
    assert name.endswith("Menschenrechtsverteidigerinnen.docx")


def test_the_combined_document_name_fits_too() -> None:
    name = combined_filename(DAY, "მოთხოვნა " * 60, ".pdf")
    _assert_portable(name, ".pdf")


#: Any text, and text of characters that take three or four bytes in UTF-8 (Georgian, CJK, emoji).
any_text = st.text(max_size=300) | st.text(st.characters(min_codepoint=0x800), min_size=40, max_size=300)


@given(any_text, any_text, st.sampled_from([".docx", ".pdf"]), st.integers(1, 12))
def test_any_subject_and_surname_give_a_portable_name(
    surname: str, subject: str, suffix: str, copies: int
) -> None:
    taken: set[str] = set()
    names = [batch_filename(DAY, surname, subject, taken, suffix=suffix) for _ in range(copies)]
    assert len({n.casefold() for n in names}) == copies
    for name in names:
        _assert_portable(name, suffix)
