"""What every row of the bad-input catalogue (tests/bad_inputs.md) is made of, and the shared set-ups.

`test_bad_inputs.py` runs the rows; rows are grouped by concern in `bad_rows_*.py` modules, each with a
`ROWS` list, so that a new concern adds a module instead of editing one long list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from iphr_desk.core.letters.letterfile import parse_letter_file

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "tests" / "data" / "letters"
GOOD_LETTER = LETTERS / "fr_pre_visit.md"
EXISTING_OUTPUT = b"an earlier export the user wants to keep\n"

Setup = Callable[["Context"], None]


@dataclass
class Context:
    """What a row's set-up may use: the working folder, monkeypatching, and things to undo afterwards."""

    work: Path
    monkeypatch: pytest.MonkeyPatch
    cleanup: list[Callable[[], None]] = field(default_factory=list)


def nothing(_: Context) -> None:
    pass


@dataclass(frozen=True)
class Row:
    """One line of tests/bad_inputs.md."""

    name: str
    argv: list[str]
    status: int
    message: str
    setup: Setup = field(default=nothing)
    proof: str = "working folder byte for byte the same: out/letter.docx kept, no temporary file"
    new_files: tuple[str, ...] = ()  # files the command is meant to create (a row that succeeds)
    changed: tuple[str, ...] = ()  # files the command is meant to change (the store, when it succeeds)
    stream: str = "err"  # where the message goes: "err", or "out" for a row that succeeds
    check: Callable[[Path], None] | None = None  # what a succeeding row must also have done


def copy_bad(name: str, target: str = "letter.md") -> Setup:
    def setup(ctx: Context) -> None:
        (ctx.work / target).write_bytes((LETTERS / "bad" / name).read_bytes())

    return setup


def huge_letter(ctx: Context) -> None:
    with (ctx.work / "letter.md").open("wb") as handle:
        handle.write(GOOD_LETTER.read_bytes())
        handle.truncate(50 * 1024 * 1024)


def store_with_letter(ctx: Context) -> None:
    """A store holding one letter, opened twice so that today's daily backup already exists."""
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository.letters import add_letter

    with Store.open(ctx.work / "data") as store:
        add_letter(store, parse_letter_file(GOOD_LETTER), author="test")
    Store.open(ctx.work / "data").close()


def raw_sqlite(ctx: Context) -> sqlite3.Connection:
    return sqlite3.connect(ctx.work / "data" / "iphr-desk.sqlite3", isolation_level=None)


STORE_PROOF = "working folder byte for byte the same: database file, backups and letterheads untouched"
