"""Letter list filters by country, theme and office; sorting by recipient; snippets for given rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store import search
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import CaseData, LetterFilter

CASES = (
    CaseData(reference="KG-2022-007", title="Journalist detained", country="KG",
                  themes=("torture", "fair trial")),
    CaseData(reference="UZ-2023-011", title="Blogger charged", country="UZ", themes=("media freedom",)),
    CaseData(reference="KZ-2021-003", title="Lawyer disbarred", country="KZ", themes=("torture",)),
)  # fmt: skip


def _recipient(name: str, office: str) -> Recipient:
    return Recipient(name=name, gender="unspecified", office=office)


def _letter(subject: str, cases: tuple[str, ...], *recipients: Recipient) -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=recipients,
        signatories=(Signatory(name="Brigitte Dufour"),),
        body=f"About {subject}: the detention continues.\n",
        cases=cases,
    )


People = tuple[tuple[str, str], ...]  # (recipient name, office), in order

#: subject -> (case references, recipients); "trashed" goes to the trash.
LETTERS: dict[str, tuple[tuple[str, ...], People]] = {
    "one": (("KG-2022-007",), (("Zhaparov", "minister"),)),
    "two": (("UZ-2023-011",), (("Mirziyoyev", "judge"), ("Abdullaev", "minister"))),
    "three": (("KG-2022-007", "UZ-2023-011"), (("Baker", "ambassador"),)),
    "four": ((), (("Tokayev", "head_of_state"),)),
    "five": (("TJ-2020-001",), (("Rahmon", "prosecutor"),)),  # a case this store does not hold
    "trashed": (("KZ-2021-003",), (("Karimova", "minister"),)),
}


@dataclass(frozen=True)
class Corpus:
    store: Store
    ids: dict[str, int]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    store = Store.open(tmp_path_factory.mktemp("filters"))
    for case in CASES:
        case_repo.add_case(store, case)
    ids = {}
    for subject, (cases, people) in LETTERS.items():
        letter = _letter(subject, cases, *(_recipient(name, office) for name, office in people))
        ids[subject] = letter_repo.add_letter(store, letter, author="test")
    letter_repo.trash_letter(store, ids["trashed"], author="test")
    yield Corpus(store, ids)
    store.close()


def _subjects(store: Store, filters: LetterFilter, sort: str = "subject") -> list[str]:
    rows = letter_lists.letter_summaries(store, filters=filters, sort=sort, descending=False)
    assert letter_lists.count_letters(store, filters) == len(rows)  # the count honours the same filters
    return [row.subject for row in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (LetterFilter(country="KG"), ["one", "three"]),
        (LetterFilter(country="UZ"), ["three", "two"]),
        (LetterFilter(country="KZ"), []),  # its only letter is in the trash
        (LetterFilter(country="KZ", trashed=True), ["trashed"]),
        (LetterFilter(country="FR"), []),
        (LetterFilter(theme="torture"), ["one", "three"]),
        (LetterFilter(theme="media freedom"), ["three", "two"]),
        (LetterFilter(theme="no such theme"), []),
        (LetterFilter(office="minister"), ["one", "two"]),  # any recipient, not only the first
        (LetterFilter(office="judge"), ["two"]),
        (LetterFilter(office="head_of_state"), ["four"]),
        (LetterFilter(office="minister", trashed=True), ["trashed"]),
    ],
)
def test_each_filter_alone(corpus: Corpus, filters: LetterFilter, expected: list[str]) -> None:
    assert _subjects(corpus.store, filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (LetterFilter(country="KG", office="minister"), ["one"]),
        (LetterFilter(country="UZ", theme="torture"), ["three"]),
        (LetterFilter(theme="torture", office="ambassador"), ["three"]),
        (LetterFilter(country="UZ", theme="media freedom", office="judge"), ["two"]),
        (LetterFilter(country="KG", office="judge"), []),
        (LetterFilter(country="KG", text="detention"), ["one", "three"]),
        (LetterFilter(office="minister", status="draft", language="en"), ["one", "two"]),
        (LetterFilter(office="minister", language="fr"), []),
    ],
)
def test_filters_combine(corpus: Corpus, filters: LetterFilter, expected: list[str]) -> None:
    assert _subjects(corpus.store, filters) == expected


def _expected(corpus: Corpus, country: str | None, theme: str | None, office: str | None) -> list[str]:
    """The same filters worked out in Python from the test's own data."""
    by_reference = {case.reference: case for case in CASES}
    result = []
    for subject, (cases, people) in LETTERS.items():
        linked = [by_reference[ref] for ref in cases if ref in by_reference]
        if subject == "trashed":
            continue
        if country and not any(case.country == country for case in linked):
            continue
        if theme and not any(theme in case.themes for case in linked):
            continue
        if office and not any(held == office for _name, held in people):
            continue
        result.append(subject)
    return sorted(result)


@given(
    country=st.sampled_from([None, "KG", "UZ", "KZ", "TJ"]),
    theme=st.sampled_from([None, "torture", "fair trial", "media freedom"]),
    office=st.sampled_from([None, "minister", "judge", "ambassador", "prosecutor", "head_of_state"]),
)
def test_any_combination_matches_the_data(
    corpus: Corpus, country: str | None, theme: str | None, office: str | None
) -> None:
    filters = LetterFilter(country=country, theme=theme, office=office)
    assert _subjects(corpus.store, filters) == _expected(corpus, country, theme, office)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


def test_a_case_added_later_links_its_letters_into_the_country_filter(store: Store) -> None:
    letter_id = letter_repo.add_letter(
        store, _letter("early", ("TJ-2020-001",), _recipient("Rahmon", "prosecutor")), author="test"
    )
    assert letter_lists.count_letters(store, LetterFilter(country="TJ")) == 0
    case_repo.add_case(store, CaseData(reference="TJ-2020-001", title="Editor jailed", country="TJ"))
    rows = letter_lists.letter_summaries(store, filters=LetterFilter(country="TJ"))
    assert [row.id for row in rows] == [letter_id]


def _recipients_in_order(store: Store, *, descending: bool = False) -> list[str]:
    return [
        s.recipient for s in letter_lists.letter_summaries(store, sort="recipient", descending=descending)
    ]


def test_sorting_by_recipient_follows_the_first_recipient_through_saves(store: Store) -> None:
    first = letter_repo.add_letter(
        store, _letter("a", (), _recipient("Mirziyoyev", "head_of_state")), author="t"
    )
    letter_repo.add_letter(store, _letter("b", (), _recipient("Abdullaev", "minister")), author="t")
    letter_repo.add_letter(
        store,
        _letter("c", (), _recipient("Japarov", "head_of_state"), _recipient("Baker", "ambassador")),
        author="t",
    )
    assert _recipients_in_order(store) == ["Abdullaev", "Japarov +1", "Mirziyoyev"]
    assert _recipients_in_order(store, descending=True) == ["Mirziyoyev", "Japarov +1", "Abdullaev"]
    letter = letter_repo.get_letter(store, first)
    letter_repo.save_letter(
        store, first, replace(letter, recipients=(_recipient("Aliyev", "judge"),)), author="t"
    )
    assert _recipients_in_order(store) == ["Abdullaev", "Aliyev", "Japarov +1"]
    letter_repo.save_letter(store, first, replace(letter, body="Only the body changed.\n"), author="t")
    assert _recipients_in_order(store)[-1] == "Mirziyoyev"  # back to the first recipient it had


def test_recipient_rows_written_directly_keep_the_sort_key(store: Store) -> None:
    """Bulk loaders insert recipient rows with SQL; the store's triggers copy the first name anyway."""
    letter_id = letter_repo.add_letter(
        store, _letter("x", (), _recipient("Zhaparov", "minister")), author="t"
    )
    other = letter_repo.add_letter(store, _letter("y", (), _recipient("Nazarbayev", "minister")), author="t")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM letter_recipients WHERE letter_id = ?", (letter_id,))
        conn.exec_driver_sql(
            "INSERT INTO letter_recipients (letter_id, position, name, gender, office) "
            "VALUES (?, 0, 'Aliyev', 'male', 'minister')",
            (letter_id,),
        )
        conn.exec_driver_sql("UPDATE letter_recipients SET name = 'Abaev' WHERE letter_id = ?", (other,))
    assert _recipients_in_order(store) == ["Abaev", "Aliyev"]


def test_a_generated_corpus_sorts_by_recipient(store: Store) -> None:
    from tools.corpus import generate_corpus

    generate_corpus(store, cases=3, letters=12, seed=5)
    rows = letter_lists.letter_summaries(store, sort="recipient", descending=False)
    names = [letter_repo.get_letter(store, row.id).recipients[0].name for row in rows]
    assert len(names) == 12
    assert names == sorted(names)


def test_snippets_are_read_for_the_given_letters_only(corpus: Corpus) -> None:
    ids = corpus.ids
    snippets = search.letter_snippets(corpus.store, "detent", [ids["one"], ids["two"], ids["trashed"]])
    assert sorted(snippets) == sorted([ids["one"], ids["two"], ids["trashed"]])
    assert "<b>detention</b>" in snippets[ids["one"]]
    assert "About one" in snippets[ids["one"]]


def test_snippets_leave_out_letters_that_do_not_match(corpus: Corpus) -> None:
    ids = corpus.ids
    snippets = search.letter_snippets(corpus.store, "zhaparov", [ids["one"], ids["two"], 999_999])
    assert list(snippets) == [ids["one"]]
    assert "<b>Zhaparov</b>" in snippets[ids["one"]]


@pytest.mark.parametrize("query", ["", "  ", "*", '"', "AND OR NOT ( )"])
def test_snippets_for_nothing_to_search_are_empty(corpus: Corpus, query: str) -> None:
    assert search.letter_snippets(corpus.store, query, list(corpus.ids.values())) == {}


def test_snippets_for_no_rows_are_empty(corpus: Corpus) -> None:
    assert search.letter_snippets(corpus.store, "detention", []) == {}


@given(st.lists(st.sampled_from(list(LETTERS)), max_size=6))
def test_snippets_match_the_ranked_search(corpus: Corpus, subjects: list[str]) -> None:
    """For any set of rows, the same snippets as the ranked search gives those letters."""
    ids = [corpus.ids[s] for s in subjects]
    ranked = {hit.id: hit.snippet_html() for hit in search.search_letters(corpus.store, "continu", 50,
                                                                           include_trashed=True)}  # fmt: skip
    assert search.letter_snippets(corpus.store, "continu", ids) == {i: ranked[i] for i in ids if i in ranked}
