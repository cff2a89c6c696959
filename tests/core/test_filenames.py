"""Batch file names that Windows, macOS and Linux all accept."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.filenames import MAX_LENGTH, batch_filename

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
