"""The demo data: loads into a store, twice without adding anything, and its letters are valid files."""

from __future__ import annotations

from pathlib import Path

import yaml

from iphr_desk.core.demo import demo_dir, load_demo
from iphr_desk.core.letters.letterfile import parse_letter_file, write_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book, letter_lists
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letterheads as letterhead_repo
from iphr_desk.core.store.repository import letters as letter_repo


def _counts(store: Store) -> tuple[int, int, int, int, int]:
    return (
        case_repo.count_cases(store),
        letter_lists.count_letters(store),
        len(address_book.list_recipients(store)),
        len(address_book.list_signatories(store)),
        len(letterhead_repo.list_letterheads(store)),
    )


def test_demo_loads_once_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        first = load_demo(store)
        after_first = _counts(store)
        second = load_demo(store)
        assert _counts(store) == after_first == (10, 5, 8, 5, 1)
        assert first.added == {"cases": 10, "letters": 5, "recipients": 8, "signatories": 5, "letterheads": 1}
        assert second.added == {}
        assert sum(second.present.values()) == 29
        cases = {c.reference: c for c in case_repo.case_summaries(store)}
        assert {ref[:2] for ref in cases} == {"KZ", "KG", "TJ", "TM", "UZ"}
        assert all(c.people_count >= 2 for c in cases.values())
        detail = case_repo.get_case_detail(store, cases["KZ-2023-011"].id)
        assert len(detail.events) == 4 and len(detail.letters) == 2
        assert all(e.source_url and e.source_url.startswith("https://example.org/") for e in detail.events)


def test_demo_letter_edited_by_the_user_is_not_reloaded(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        load_demo(store)
        first = letter_lists.letter_summaries(store, sort="date", descending=False)[0]
        letter_repo.trash_letter(store, first.id, author="test")
        load_demo(store)
        assert letter_lists.count_letters(store) == 4


def test_demo_letters_are_canonical_and_cover_the_four_languages() -> None:
    manifest = yaml.safe_load((demo_dir() / "letters.yaml").read_text(encoding="utf-8"))["letters"]
    cases = {c["reference"] for c in yaml.safe_load((demo_dir() / "cases.yaml").read_text())["cases"]}
    files = sorted((demo_dir() / "letters").glob("*.md"))
    assert [p.name for p in files] == sorted(entry["file"] for entry in manifest)
    letters = [parse_letter_file(path) for path in files]
    for path, letter in zip(files, letters, strict=True):
        assert write_letter_text(letter) == path.read_text(encoding="utf-8"), path.name
        assert set(letter.cases) <= cases, path.name
    assert sorted(letter.language for letter in letters) == ["de", "en", "en", "fr", "ru"]
    joint = next(letter for letter in letters if len(letter.signatories) >= 3)
    assert joint.recipient.gender == "female" and joint.recipient.office == "eu_high_representative"
    assert "[^1]:" in joint.body and "\n- " in joint.body
