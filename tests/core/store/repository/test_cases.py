"""Cases: pages and filters, references, people and events, links between letters and cases."""

from __future__ import annotations

import datetime as dt

import pytest
from repo_support import make_letter

from iphr_desk.core.errors import BadInput
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import (
    CaseData,
    CaseFilter,
    EventData,
    LetterFilter,
    PersonData,
)


def test_case_references_link_to_cases_existing_before_or_after(store: Store) -> None:
    before = case_repo.add_case(store, CaseData(reference="TJ-2021-001", title="Lawyer", country="TJ"))
    letter_id = letter_repo.add_letter(store, make_letter(cases=("TJ-2021-001", "KZ-2022-003")), author="t")
    assert letter_repo.get_letter_info(store, letter_id).case_ids == (before, None)
    after = case_repo.add_case(store, CaseData(reference="KZ-2022-003", title="Blogger", country="KZ"))
    assert letter_repo.get_letter_info(store, letter_id).case_ids == (before, after)
    assert [s.id for s in case_repo.get_case_detail(store, after).letters] == [letter_id]


def test_case_pages_filter_by_country_status_theme_and_text(store: Store) -> None:
    for i, (country, status, themes) in enumerate(
        [
            ("KZ", "open", ("torture",)),
            ("KZ", "closed", ("fair trial",)),
            ("TJ", "open", ("torture", "press")),
        ]
    ):
        case_id = case_repo.add_case(
            store,
            CaseData(
                reference=f"{country}-2022-{i:03d}",
                title=f"Case {i}",
                country=country,
                status=status,
                themes=themes,
            ),
        )
        case_repo.add_person(
            store, case_id, PersonData(name=f"Person Nomad{i}", role="journalist", at_risk=i == 2)
        )
    assert case_repo.count_cases(store) == 3
    assert case_repo.count_cases(store, CaseFilter(country="KZ")) == 2
    assert case_repo.count_cases(store, CaseFilter(status="open")) == 2
    assert [c.reference for c in case_repo.case_summaries(store, filters=CaseFilter(theme="torture"))] == [
        "KZ-2022-000",
        "TJ-2022-002",
    ]
    [found] = case_repo.case_summaries(store, filters=CaseFilter(text="nomad2"))
    assert (found.reference, found.themes, found.people_count, found.at_risk_count) == (
        "TJ-2022-002",
        ("press", "torture"),
        1,
        1,
    )
    assert [c.country for c in case_repo.case_summaries(store, sort="country", descending=True)] == [
        "TJ",
        "KZ",
        "KZ",
    ]


def test_case_reference_must_be_unique_and_country_a_code(store: Store) -> None:
    case_repo.add_case(store, CaseData(reference="KZ-1", title="A", country="KZ"))
    with pytest.raises(BadInput, match="already a case with the reference KZ-1"):
        case_repo.add_case(store, CaseData(reference="KZ-1", title="B", country="KZ"))
    with pytest.raises(BadInput, match="ISO 3166"):
        case_repo.add_case(store, CaseData(reference="KZ-2", title="B", country="Kazakhstan"))


def test_case_detail_people_and_events(store: Store) -> None:
    case_id = case_repo.add_case(
        store, CaseData(reference="UZ-2023-001", title="Protest trial", country="UZ")
    )
    person = case_repo.add_person(
        store, case_id, PersonData(name="A. B.", role="lawyer", situation="charged")
    )
    case_repo.add_event(store, case_id, EventData(date=dt.date(2023, 5, 2), description="Sentenced"))
    case_repo.add_event(
        store,
        case_id,
        EventData(date=dt.date(2023, 1, 9), description="Arrested", source_url="https://x"),
    )
    case_repo.update_person(
        store, person, PersonData(name="A. B.", role="lawyer", situation="convicted", at_risk=True)
    )
    detail = case_repo.get_case_detail(store, case_id)
    assert [(p.name, p.situation, p.at_risk) for p in detail.people] == [("A. B.", "convicted", True)]
    assert [e.description for e in detail.events] == ["Arrested", "Sentenced"]
    with pytest.raises(BadInput, match="Unknown role 'spy'"):
        case_repo.add_person(store, case_id, PersonData(name="C", role="spy"))
    case_repo.delete_case(store, case_id)
    assert case_repo.count_cases(store) == 0


def test_link_and_unlink_a_case(store: Store) -> None:
    case_id = case_repo.add_case(store, CaseData(reference="KG-2020-010", title="Journalist", country="KG"))
    letter_id = letter_repo.add_letter(store, make_letter(cases=()), author="t")
    case_repo.link_letter_case(store, letter_id, case_id)
    case_repo.link_letter_case(store, letter_id, case_id)
    assert letter_repo.get_letter(store, letter_id).cases == ("KG-2020-010",)
    assert letter_lists.count_letters(store, LetterFilter(case_id=case_id)) == 1
    [summary] = case_repo.case_summaries(store)
    assert summary.letter_count == 1
    case_repo.unlink_letter_case(store, letter_id, case_id)
    assert letter_repo.get_letter(store, letter_id).cases == ()


def test_case_references_that_look_like_numbers(store: Store) -> None:
    case_id = case_repo.add_case(store, CaseData(reference="KZ-7", title="T", country="KZ"))
    letter_id = letter_repo.add_letter(store, make_letter(cases=(str(case_id), "²", "99")), author="t")
    assert letter_repo.get_letter_info(store, letter_id).case_ids == (case_id, None, None)
    assert letter_repo.get_letter(store, letter_id).cases == (str(case_id), "²", "99")


def test_a_case_page_is_one_query_however_many_people_and_themes(store: Store) -> None:
    from sqlalchemy import event

    for i in range(30):
        case_id = case_repo.add_case(
            store, CaseData(reference=f"KZ-{i:03d}", title="T", country="KZ", themes=("a", "b", f"t{i}"))
        )
        for j in range(i % 3):
            case_repo.add_person(store, case_id, PersonData(name=f"P{j}", at_risk=j == 0))
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        page = case_repo.case_summaries(store, offset=0, limit=25, sort="reference")
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(page) == 25
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert page[2].themes == ("a", "b", "t2")
    assert (page[2].people_count, page[2].at_risk_count) == (2, 1)
