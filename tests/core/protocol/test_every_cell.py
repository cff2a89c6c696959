"""Every office × gender × register × language cell, written out: address block, salutation, closings.

The expected strings are data, one file per language (tests/core/protocol/cells/{fr,en,ru,de}.toml), for
the person and office of cells/sample.toml. They were generated once from the tables and then read
cell by cell against shared/reference/protocol.md; the cells that reading found wrong were fixed in
resources/protocol/*.toml (with their sources) before the files were written again. A change to a
table therefore shows here as the exact cells it changes.

To rewrite the files after a deliberate change to the tables, run
`.venv/bin/python tests/core/protocol/test_every_cell.py` and read the diff before committing it.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any, cast

import pytest

from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, OFFICE_IDS, REGISTERS, Gender, Recipient
from iphr_desk.core.protocol.address import address_lines_for, closing_for, salutation_for

CELLS = Path(__file__).with_name("cells")
SAMPLE: dict[str, Any] = tomllib.loads((CELLS / "sample.toml").read_text(encoding="utf-8"))
PARTS = ("address", "salutation", "closing_we", "closing_i")


def recipient(language: str, office: str, gender: str) -> Recipient:
    sample = SAMPLE[language]
    if office == "organisation":
        return Recipient(name=sample["organisation"], gender=cast(Gender, gender), office=office)
    title = sample["titles"][office]
    if isinstance(title, list):
        title = title[1] if gender == "female" else title[0]
    return Recipient(name=sample["names"][gender], gender=cast(Gender, gender), office=office, title=title)


def computed(language: str, office: str, gender: str, register: str) -> dict[str, Any]:
    person = recipient(language, office, gender)
    return {
        "address": list(address_lines_for(person, language, register)),
        "salutation": salutation_for(person, language, register),
        "closing_we": closing_for(person, language, register, "we"),
        "closing_i": closing_for(person, language, register, "i"),
    }


def expected_table(language: str) -> dict[str, Any]:
    return tomllib.loads((CELLS / f"{language}.toml").read_text(encoding="utf-8"))


CELL_IDS = [
    (language, office, gender, register)
    for language in LANGUAGES
    for office in OFFICE_IDS
    for gender in GENDERS
    for register in REGISTERS
]


def test_the_expected_files_hold_every_cell_and_nothing_else() -> None:
    for language in LANGUAGES:
        table = expected_table(language)
        assert set(table) == set(OFFICE_IDS), language
        for office in OFFICE_IDS:
            assert set(table[office]) == set(GENDERS), (language, office)
            for gender in GENDERS:
                assert set(table[office][gender]) == set(REGISTERS), (language, office, gender)
                for register in REGISTERS:
                    assert set(table[office][gender][register]) == set(PARTS)


@pytest.mark.parametrize(("language", "office", "gender", "register"), CELL_IDS, ids="-".join)
def test_cell(language: str, office: str, gender: str, register: str) -> None:
    expected = expected_table(language)[office][gender][register]
    assert computed(language, office, gender, register) == expected


# --------------------------------------------------------------------------- writing the files


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def write_cells(language: str) -> str:
    lines = [
        f"# Every cell of resources/protocol/{language}.toml for the sample person of sample.toml.",
        "# Written by tests/core/protocol/test_every_cell.py, then reviewed cell by cell against",
        "# shared/reference/protocol.md; test_every_cell.py checks the tables against it.",
    ]
    for office in OFFICE_IDS:
        for gender in GENDERS:
            for register in REGISTERS:
                cell = computed(language, office, gender, register)
                lines.append("")
                lines.append(f"[{office}.{gender}.{register}]")
                lines.append("address = [" + ", ".join(_toml_string(line) for line in cell["address"]) + "]")
                lines.extend(f"{part} = {_toml_string(cell[part])}" for part in PARTS[1:])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    for code in sys.argv[1:] or LANGUAGES:
        (CELLS / f"{code}.toml").write_text(write_cells(code), encoding="utf-8")
        print(f"wrote {CELLS / f'{code}.toml'}")
