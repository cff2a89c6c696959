"""The repository: Letter <-> rows round trips, list pages, review workflow, revisions, comments, trash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.errors import BadInput, IphrError
from iphr_desk.core.letters.letter import GENDERS, LANGUAGES, OFFICE_IDS, Letter, Recipient, Signatory
from iphr_desk.core.letters.letterfile import parse_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import address_book, letter_lists
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letterheads as letterhead_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.core.store.repository.values import (
    CaseData,
    CaseFilter,
    EventData,
    LetterFilter,
    PersonData,
    RecipientRecord,
    SignatoryRecord,
)
from iphr_desk.core.vocabularies import STATUSES, TRANSITIONS, allowed_transitions


def make_letter(subject: str = "Detention of a blogger", **changes: object) -> Letter:
    letter = Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=(
            Recipient(
                name="Kassym-Jomart Tokayev",
                surname="Tokayev",
                gender="male",
                office="head_of_state",
                title="President of the Republic of Kazakhstan",
                address="Akorda\nAstana",
            ),
        ),
        signatories=(Signatory(name="Brigitte Dufour", title="Director", organisation="IPHR"),),
        body="We write about *Mr X*.\n\n- one\n- two\n\nSee note.[^1]\n\n[^1]: A footnote.\n",
        cc=("EU Delegation",),
        cases=("KZ-2022-003",),
        letterhead="iphr",
    )
    return replace(letter, **changes)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("shared"))
    yield opened
    opened.close()


# --------------------------------------------------------------------------- round trips

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
line = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
optional = st.none() | line

recipients = st.builds(
    Recipient,
    name=line,
    surname=optional,
    gender=st.sampled_from(GENDERS),
    office=st.sampled_from(OFFICE_IDS),
    title=optional,
    organisation=optional,
    address=optional,
    salutation=optional,
    closing=optional,
)
signatories = st.builds(Signatory, name=line, title=optional, organisation=optional)
letters = st.builds(
    Letter,
    language=st.sampled_from(LANGUAGES),
    place=line,
    date=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    subject=line,
    recipients=st.lists(recipients, min_size=1, max_size=4).map(tuple),
    signatories=st.lists(signatories, min_size=1, max_size=3).map(tuple),
    body=text,
    register=st.sampled_from(("house", "formal")),
    voice=st.sampled_from(("we", "i")),
    cc=st.lists(line, max_size=3).map(tuple),
    cases=st.lists(line, max_size=3).map(tuple),
    letterhead=st.none() | st.sampled_from(("iphr", "partner")),
    batch=st.booleans(),
)


@given(letters, letters)
def test_letter_round_trips_through_rows_and_through_an_update(
    shared_store: Store, first: Letter, second: Letter
) -> None:
    letter_id = letter_repo.add_letter(shared_store, first, author="test", reason="")
    assert letter_repo.get_letter(shared_store, letter_id) == first
    letter_repo.save_letter(shared_store, letter_id, second, author="test")
    assert letter_repo.get_letter(shared_store, letter_id) == second


def test_a_new_letter_keeps_a_first_revision_in_letter_file_form(store: Store) -> None:
    letter = make_letter()
    letter_id = letter_repo.add_letter(store, letter, author="Anna")
    [revision] = revision_repo.list_revisions(store, letter_id)
    assert (revision.author, revision.reason, revision.status) == ("Anna", "created", "draft")
    assert parse_letter_text(revision_repo.get_revision_text(store, revision.id), "rev") == letter


def test_case_references_link_to_cases_existing_before_or_after(store: Store) -> None:
    before = case_repo.add_case(store, CaseData(reference="TJ-2021-001", title="Lawyer", country="TJ"))
    letter_id = letter_repo.add_letter(store, make_letter(cases=("TJ-2021-001", "KZ-2022-003")), author="t")
    assert letter_repo.get_letter_info(store, letter_id).case_ids == (before, None)
    after = case_repo.add_case(store, CaseData(reference="KZ-2022-003", title="Blogger", country="KZ"))
    assert letter_repo.get_letter_info(store, letter_id).case_ids == (before, after)
    assert [s.id for s in case_repo.get_case_detail(store, after).letters] == [letter_id]


def test_an_unknown_letter_is_a_clear_error(store: Store) -> None:
    with pytest.raises(BadInput, match="no letter with id 42"):
        letter_repo.get_letter(store, 42)


# --------------------------------------------------------------------------- list pages


def _fill(store: Store, count: int) -> list[int]:
    letters = [
        make_letter(
            subject=f"Letter {i:03d}",
            language=LANGUAGES[i % 4],
            date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
            recipients=(Recipient(name=f"Recipient {i:03d}"), Recipient(name="Second"))[: 1 + (i % 2)],
            cases=(),
        )
        for i in range(count)
    ]
    return letter_repo.add_letters(store, letters, author="bulk")


def test_pages_are_windows_in_the_requested_order(store: Store) -> None:
    ids = _fill(store, 30)
    page = letter_lists.letter_summaries(store, offset=10, limit=5, sort="date", descending=False)
    assert [row.id for row in page] == ids[10:15]
    assert [row.subject for row in page] == [f"Letter {i:03d}" for i in range(10, 15)]
    assert page[0].recipient == "Recipient 010"
    assert page[1].recipient == "Recipient 011 +1"
    assert page[1].recipient_count == 2
    newest_first = letter_lists.letter_summaries(store, limit=3, sort="date", descending=True)
    assert [row.id for row in newest_first] == ids[:-4:-1]
    by_recipient = letter_lists.letter_summaries(store, limit=2, sort="recipient", descending=False)
    assert [row.recipient for row in by_recipient] == ["Recipient 000", "Recipient 001 +1"]
    assert len(letter_lists.letter_summaries(store)) == 30


def test_filters_and_counts_agree(store: Store) -> None:
    ids = _fill(store, 20)
    french = LetterFilter(language="fr")
    assert letter_lists.count_letters(store, french) == 5
    assert {row.language for row in letter_lists.letter_summaries(store, filters=french)} == {"fr"}
    letter_repo.change_status(store, ids[0], "in_review", author="t")
    assert letter_lists.count_letters(store, LetterFilter(status="in_review")) == 1
    assert letter_lists.count_letters(store, LetterFilter(statuses=("draft", "in_review"))) == 20
    window = LetterFilter(date_from=dt.date(2024, 1, 3), date_to=dt.date(2024, 1, 5))
    assert letter_lists.count_letters(store, window) == 3
    assert letter_lists.count_letters(store, LetterFilter(text="letter 007")) == 1
    assert letter_lists.count_letters(store, LetterFilter(text="recip")) == 20


def test_a_bad_sort_key_is_bad_input(store: Store) -> None:
    with pytest.raises(BadInput, match="cannot be sorted by 'colour'"):
        letter_lists.letter_summaries(store, sort="colour")


def test_loading_a_page_takes_the_same_few_statements_however_long_the_page(store: Store) -> None:
    from sqlalchemy import event

    _fill(store, 150)
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        letter_lists.letter_summaries(store, offset=0, limit=10, sort="recipient")
        small = len(statements)
        statements.clear()
        page = letter_lists.letter_summaries(store, offset=0, limit=100, sort="recipient")
        large = len(statements)
        statements.clear()
        letter_lists.count_letters(store)
        counting = len(statements)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(page) == 100
    assert small == large
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert large <= 3  # BEGIN, the one SELECT, and nothing per row
    assert counting <= 3


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


# --------------------------------------------------------------------------- workflow


def test_only_the_allowed_transitions_are_accepted(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    with pytest.raises(IphrError, match="cannot go from draft to approved"):
        letter_repo.change_status(store, letter_id, "approved", author="t")
    path = ["in_review", "changes_requested", "in_review", "approved", "signed", "sent", "draft"]
    for status in path:
        assert status in allowed_transitions(letter_repo.get_letter_info(store, letter_id).status)
        letter_repo.change_status(store, letter_id, status, author="Reviewer")
    history = letter_repo.status_history(store, letter_id)
    assert [(h.from_status, h.to_status) for h in history] == list(
        zip(["draft", *path[:-1]], path, strict=True)
    )
    assert all(h.author == "Reviewer" for h in history)
    assert len(revision_repo.list_revisions(store, letter_id)) == 1 + len(path)


def test_every_status_in_the_table_is_a_known_status() -> None:
    for source, targets in TRANSITIONS.items():
        assert source in STATUSES
        assert set(targets) <= set(STATUSES)
        assert source not in targets


def test_approved_letters_are_read_only_until_reopened(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    for status in ("in_review", "approved"):
        letter_repo.change_status(store, letter_id, status, author="t")
    with pytest.raises(IphrError, match="approved and cannot be changed"):
        letter_repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert letter_repo.get_letter(store, letter_id).subject == "Detention of a blogger"
    letter_repo.change_status(store, letter_id, "draft", author="t")
    letter_repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert letter_repo.get_letter(store, letter_id).subject == "Changed"


def test_autosave_keeps_no_revision_and_a_save_point_does(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    letter_repo.save_letter(store, letter_id, make_letter(body="typing\n"), author="t")
    assert len(revision_repo.list_revisions(store, letter_id)) == 1
    letter_repo.save_letter(
        store, letter_id, make_letter(body="done\n"), author="t", revision_reason="save point"
    )
    revisions = revision_repo.list_revisions(store, letter_id)
    assert [r.reason for r in revisions] == ["save point", "created"]


def test_restoring_a_revision_brings_the_old_text_back_as_a_new_revision(store: Store) -> None:
    original = make_letter()
    letter_id = letter_repo.add_letter(store, original, author="t")
    first = revision_repo.list_revisions(store, letter_id)[0]
    letter_repo.save_letter(
        store, letter_id, make_letter(subject="Rewritten", body="New\n"), author="t", revision_reason="s"
    )
    restored = revision_repo.restore_revision(store, letter_id, first.id, author="Anna")
    assert restored == original
    assert letter_repo.get_letter(store, letter_id) == original
    assert revision_repo.list_revisions(store, letter_id)[0].reason == f"restored revision {first.id}"


# --------------------------------------------------------------------------- comments and trash


def test_comment_threads_replies_and_resolution(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    first = comment_repo.add_comment(store, letter_id, "Soften the second paragraph", author="Anna")
    answer = comment_repo.reply(store, first, "Done", author="Ben")
    again = comment_repo.reply(store, answer, "Thanks", author="Anna")
    other = comment_repo.add_comment(store, letter_id, "Check the date", author="Ben")
    comments = comment_repo.list_comments(store, letter_id)
    assert [(c.id, c.parent_id) for c in comments] == [
        (first, None),
        (answer, first),
        (again, first),
        (other, None),
    ]
    comment_repo.resolve_comment(store, first, author="Anna")
    assert [c.id for c in comment_repo.list_comments(store, letter_id, include_resolved=False)] == [other]
    [resolved] = [c for c in comment_repo.list_comments(store, letter_id) if c.id == first]
    assert (resolved.resolved, resolved.resolved_by) == (True, "Anna")
    with pytest.raises(BadInput, match="cannot be empty"):
        comment_repo.add_comment(store, letter_id, "  ", author="Anna")


def test_trash_hides_restores_and_empties(store: Store) -> None:
    keep, drop = _fill(store, 2)
    comment_repo.add_comment(store, drop, "x", author="a")
    letter_repo.trash_letter(store, drop, author="a")
    assert [row.id for row in letter_lists.letter_summaries(store)] == [keep]
    assert [row.id for row in letter_lists.letter_summaries(store, filters=LetterFilter(trashed=True))] == [
        drop
    ]
    with pytest.raises(IphrError, match="in the trash"):
        letter_repo.save_letter(store, drop, make_letter(), author="a")
    letter_repo.restore_from_trash(store, drop)
    assert letter_lists.count_letters(store) == 2
    letter_repo.trash_letter(store, drop)
    assert letter_repo.empty_trash(store) == 1
    assert letter_lists.count_letters(store, LetterFilter(trashed=True)) == 0
    with pytest.raises(BadInput):
        letter_repo.get_letter(store, drop)
    assert letter_lists.count_letters(store) == 1


# --------------------------------------------------------------------------- address book and letterheads


def test_recipients_signatories_and_letterheads(store: Store) -> None:
    who = Recipient(name="Kaja Kallas", gender="female", office="eu_high_representative", organisation="EEAS")
    rid = address_book.add_recipient(store, who, language="en")
    assert address_book.get_recipient(store, rid) == RecipientRecord(rid, who, "en")
    address_book.update_recipient(store, rid, replace(who, title="High Representative"), language="fr")
    assert [r.recipient.title for r in address_book.list_recipients(store, language="fr")] == [
        "High Representative"
    ]
    with pytest.raises(BadInput, match="Unknown office 'presidnet'"):
        address_book.add_recipient(store, Recipient(name="X", office="presidnet"))
    sid = address_book.add_signatory(store, Signatory(name="Brigitte Dufour", title="Director"))
    assert address_book.list_signatories(store) == [
        SignatoryRecord(sid, Signatory("Brigitte Dufour", "Director"))
    ]
    address_book.delete_recipient(store, rid)
    assert address_book.list_recipients(store) == []
    first = letterhead_repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", address_lines=("Street 1",)
    )
    again = letterhead_repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", website="https://p.example"
    )
    assert first == again
    [record] = letterhead_repo.list_letterheads(store)
    assert (record.name, record.organisation, record.website, record.address_lines) == (
        "partner",
        "Partner NGO",
        "https://p.example",
        (),
    )


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


def test_autosave_of_the_body_alone_updates_one_row_and_an_unchanged_save_writes_nothing(
    store: Store,
) -> None:
    from sqlalchemy import event

    letter_id = letter_repo.add_letter(store, make_letter(), author="t")
    before = letter_repo.get_letter_info(store, letter_id)
    statements: list[tuple[str, int]] = []

    def record(conn: object, cursor: Any, statement: str, *args: object) -> None:
        statements.append((" ".join(statement.split()[:3]).upper(), cursor.rowcount))

    event.listen(store.engine, "after_cursor_execute", record)
    try:
        letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        body_save = list(statements)
        statements.clear()
        letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        unchanged_save = list(statements)
    finally:
        event.remove(store.engine, "after_cursor_execute", record)
    # A body edit is one statement in one transaction: no read first, no child rows rewritten.
    assert [s for s, _rows in body_save if s not in ("BEGIN IMMEDIATE", "COMMIT")] == ["UPDATE LETTERS SET"]
    assert [rows for s, rows in body_save if s.startswith("UPDATE")] == [1]
    assert not [s for s, rows in unchanged_save if s.startswith(("INSERT", "UPDATE", "DELETE")) and rows > 0]
    after = letter_repo.get_letter_info(store, letter_id)
    assert after.letter.body == "Typed a little more.\n"
    assert after.updated_at > before.updated_at
    letter_repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
    assert letter_repo.get_letter_info(store, letter_id).updated_at == after.updated_at


@given(name=text.filter(str.strip), title=st.one_of(st.none(), text), case=text.filter(str.strip))
def test_autosave_sees_unchanged_children_whatever_their_text(
    shared_store: Store, name: str, title: str | None, case: str
) -> None:
    """Children are compared as JSON text: a body edit must still land, and children must stay, for any
    characters in them (quotes, backslashes, control characters, astral planes)."""
    store = shared_store
    recipient = Recipient(name=name, title=title, office="minister_foreign", gender="f")
    letter = make_letter(recipients=(recipient,), cases=(case,))
    letter_id = letter_repo.add_letter(store, letter, author="t")
    letter_repo.save_letter(store, letter_id, replace(letter, body="An edit.\n"), author="t")
    stored = letter_repo.get_letter(store, letter_id)
    assert stored.body == "An edit.\n"
    assert stored.recipients == (recipient,)
    assert stored.cases == (case,)


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
