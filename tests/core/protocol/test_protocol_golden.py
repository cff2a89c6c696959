"""The tables against forms stated by the reference's sources (data/protocol/golden.toml, URL beside each)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, cast

import pytest

from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, OFFICE_IDS, REGISTERS, VOICES, Gender, Recipient
from iphr_desk.core.protocol.address import address_lines_for, closing_for, salutation_for

GOLDEN_FILE = Path(__file__).parents[1] / "data" / "protocol" / "golden.toml"
CASES: list[dict[str, Any]] = tomllib.loads(GOLDEN_FILE.read_text(encoding="utf-8"))["case"]
KEYS = {"language", "office", "gender", "register", "voice", "part", "name", "surname", "title"}
KEYS |= {"expected", "source", "note"}


def case_id(case: dict[str, Any]) -> str:
    parts = ("language", "office", "gender", "register", "part")
    return "-".join(str(case[key]) for key in parts) + f"-{case.get('voice', 'i')}"


def test_at_least_thirty_sourced_cases_covering_every_language() -> None:
    assert len(CASES) >= 30
    assert {case["language"] for case in CASES} == set(LANGUAGES)
    for case in CASES:
        assert set(case) <= KEYS, case
        assert case["source"].startswith("http"), case
        assert case["office"] in OFFICE_IDS and case["gender"] in GENDERS and case["register"] in REGISTERS
        assert case.get("voice", "i") in VOICES
        assert case["part"] in ("salutation", "closing", "address")


@pytest.mark.parametrize("case", CASES, ids=[case_id(case) for case in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    recipient = Recipient(
        name=case.get("name", "Anna Petrova"),
        surname=case.get("surname"),
        gender=cast(Gender, case["gender"]),
        office=case["office"],
        title=case.get("title"),
    )
    language, register, voice = case["language"], case["register"], case.get("voice", "i")
    if case["part"] == "salutation":
        actual = salutation_for(recipient, language, register, voice)
    elif case["part"] == "closing":
        actual = closing_for(recipient, language, register, voice)
    else:
        actual = " / ".join(address_lines_for(recipient, language, register))
    assert actual == case["expected"], f"source: {case['source']}"
