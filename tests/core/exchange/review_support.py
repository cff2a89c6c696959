"""Shared set-up of the review round-trip tests: a store holding the review letter, with a comment."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from iphr_desk.core.letters.letterfile import parse_letter_file
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo

HERE = Path(__file__).resolve().parent
LETTER = HERE / "review_letter.md"
AUTHOR = "tester"


def store_with_letter(folder: Path, *, comment: bool = True) -> tuple[Store, int]:
    store = Store.open(folder)
    letter_id = letter_repo.add_letter(store, parse_letter_file(LETTER), author=AUTHOR)
    if comment:
        first = comment_repo.add_comment(store, letter_id, "Is the name right?", author="Ann")
        comment_repo.reply(store, first, "I will ask.", author="Bob")
    return store, letter_id


def custom_properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root}


def part(path: Path | bytes, name: str) -> bytes:
    data = path if isinstance(path, bytes) else path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)
