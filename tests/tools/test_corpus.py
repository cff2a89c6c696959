"""The synthetic corpus: deterministic, varied, and valid letters in canonical form."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from iphr_desk.core.letters.letterfile import normalise_body, parse_letter_text, write_letter_text
from tools.corpus import cases_stream, letters_stream


def test_same_seed_gives_the_same_corpus_and_another_seed_does_not() -> None:
    refs = [c.reference for c in cases_stream(7, 20)]
    assert refs == [c.reference for c in cases_stream(7, 20)]
    first = list(letters_stream(7, 30, refs))
    assert first == list(letters_stream(7, 30, refs))
    assert first != list(letters_stream(8, 30, refs))


def test_case_references_are_unique_and_cases_have_people_and_events() -> None:
    cases = list(cases_stream(1, 500))
    assert len({c.reference for c in cases}) == 500
    assert all(c.people and c.events for c in cases)
    assert {c.country for c in cases} == {"KZ", "KG", "TJ", "TM", "UZ"}


def test_letters_mix_languages_and_carry_lists_links_and_footnotes() -> None:
    refs = [c.reference for c in cases_stream(1, 50)]
    letters = [g.letter for g in letters_stream(1, 400, refs)]
    languages = Counter(letter.language for letter in letters)
    assert set(languages) == {"en", "fr", "ru", "de"}
    bodies = [letter.body for letter in letters]
    assert all("\n- " in b or "\n1. " in b or b.startswith(("- ", "1. ")) for b in bodies)
    assert sum("](https://example.org/" in b for b in bodies) > 100
    assert sum("[^1]: " in b for b in bodies) > 100
    assert any(letter.batch for letter in letters)
    sizes = sorted(len(b) for b in bodies)
    assert sizes[0] >= 2_000 and sizes[-1] >= 8_000


def test_generated_letters_are_canonical_letter_files() -> None:
    refs = [c.reference for c in cases_stream(3, 10)]
    for generated in letters_stream(3, 40, refs):
        letter = generated.letter
        assert normalise_body(letter.body) == letter.body
        assert parse_letter_text(write_letter_text(letter), "generated.md") == letter


def test_generate_into_a_store_indexes_everything_and_keeps_the_triggers(tmp_path: Path) -> None:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.core.store.repository import letters as letter_repo
    from iphr_desk.core.store.search import search_cases, search_letters
    from tools.corpus import generate_corpus

    with Store.open(tmp_path) as store:
        steps: list[tuple[int, int]] = []
        result = generate_corpus(
            store, cases=12, letters=40, seed=5, progress=lambda d, t: steps.append((d, t))
        )
        assert (result.cases, result.letters) == (12, 40)
        assert steps[-1] == (52, 52)
        assert letter_lists.count_letters(store) == 40 and case_repo.count_cases(store) == 12
        first = letter_repo.get_letter(store, 1)
        assert first == next(iter(letters_stream(5, 1, [c.reference for c in cases_stream(5, 12)]))).letter
        surname = first.recipient.name.split()[-1]
        assert any(hit.id == 1 for hit in search_letters(store, surname, limit=100))
        person = case_repo.get_case_detail(store, 1).people[0].name
        assert any(hit.id == 1 for hit in search_cases(store, person, limit=100))
        added = letter_repo.add_letter(store, replace(first, subject="Zyxwvut unique subject"), author="test")
        assert [hit.id for hit in search_letters(store, "Zyxwvut")] == [added]


def test_generating_the_same_seed_twice_is_refused_plainly(tmp_path: Path) -> None:
    import pytest

    from iphr_desk.core.errors import BadInput
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import cases as case_repo
    from iphr_desk.core.store.repository import letter_lists
    from iphr_desk.core.store.repository import letters as letter_repo
    from tools.corpus import generate_corpus

    with Store.open(tmp_path) as store:
        generate_corpus(store, cases=3, letters=5, seed=9)
        with pytest.raises(BadInput) as caught:
            generate_corpus(store, cases=3, letters=5, seed=9)
        assert str(caught.value) == (
            "seed 9: this store already holds the corpus of that seed; "
            "use another --seed or an empty data folder"
        )
        from iphr_desk.core.store.search import search_letters

        letter = replace(letter_repo.get_letter(store, 1), subject="Qwertzuiop after a refused run")
        added = letter_repo.add_letter(store, letter, author="test")  # the triggers survived the rollback
        assert [hit.id for hit in search_letters(store, "Qwertzuiop")] == [added]
        generate_corpus(store, cases=3, letters=5, seed=10)
        assert (case_repo.count_cases(store), letter_lists.count_letters(store)) == (6, 11)
