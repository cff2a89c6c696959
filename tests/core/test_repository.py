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
from iphr_desk.core.store import repository as repo
from iphr_desk.core.store.database import Store


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
    letter_id = repo.add_letter(shared_store, first, author="test", reason="")
    assert repo.get_letter(shared_store, letter_id) == first
    repo.save_letter(shared_store, letter_id, second, author="test")
    assert repo.get_letter(shared_store, letter_id) == second


def test_a_new_letter_keeps_a_first_revision_in_letter_file_form(store: Store) -> None:
    letter = make_letter()
    letter_id = repo.add_letter(store, letter, author="Anna")
    [revision] = repo.list_revisions(store, letter_id)
    assert (revision.author, revision.reason, revision.status) == ("Anna", "created", "draft")
    assert parse_letter_text(repo.get_revision_text(store, revision.id), "rev") == letter


def test_case_references_link_to_cases_existing_before_or_after(store: Store) -> None:
    before = repo.add_case(store, repo.CaseData(reference="TJ-2021-001", title="Lawyer", country="TJ"))
    letter_id = repo.add_letter(store, make_letter(cases=("TJ-2021-001", "KZ-2022-003")), author="t")
    assert repo.get_letter_info(store, letter_id).case_ids == (before, None)
    after = repo.add_case(store, repo.CaseData(reference="KZ-2022-003", title="Blogger", country="KZ"))
    assert repo.get_letter_info(store, letter_id).case_ids == (before, after)
    assert [s.id for s in repo.get_case_detail(store, after).letters] == [letter_id]


def test_an_unknown_letter_is_a_clear_error(store: Store) -> None:
    with pytest.raises(BadInput, match="no letter with id 42"):
        repo.get_letter(store, 42)


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
    return repo.add_letters(store, letters, author="bulk")


def test_pages_are_windows_in_the_requested_order(store: Store) -> None:
    ids = _fill(store, 30)
    page = repo.letter_summaries(store, offset=10, limit=5, sort="date", descending=False)
    assert [row.id for row in page] == ids[10:15]
    assert [row.subject for row in page] == [f"Letter {i:03d}" for i in range(10, 15)]
    assert page[0].recipient == "Recipient 010"
    assert page[1].recipient == "Recipient 011 +1"
    assert page[1].recipient_count == 2
    newest_first = repo.letter_summaries(store, limit=3, sort="date", descending=True)
    assert [row.id for row in newest_first] == ids[:-4:-1]
    by_recipient = repo.letter_summaries(store, limit=2, sort="recipient", descending=False)
    assert [row.recipient for row in by_recipient] == ["Recipient 000", "Recipient 001 +1"]
    assert len(repo.letter_summaries(store)) == 30


def test_filters_and_counts_agree(store: Store) -> None:
    ids = _fill(store, 20)
    french = repo.LetterFilter(language="fr")
    assert repo.count_letters(store, french) == 5
    assert {row.language for row in repo.letter_summaries(store, filters=french)} == {"fr"}
    repo.change_status(store, ids[0], "in_review", author="t")
    assert repo.count_letters(store, repo.LetterFilter(status="in_review")) == 1
    assert repo.count_letters(store, repo.LetterFilter(statuses=("draft", "in_review"))) == 20
    window = repo.LetterFilter(date_from=dt.date(2024, 1, 3), date_to=dt.date(2024, 1, 5))
    assert repo.count_letters(store, window) == 3
    assert repo.count_letters(store, repo.LetterFilter(text="letter 007")) == 1
    assert repo.count_letters(store, repo.LetterFilter(text="recip")) == 20


def test_a_bad_sort_key_is_bad_input(store: Store) -> None:
    with pytest.raises(BadInput, match="cannot be sorted by 'colour'"):
        repo.letter_summaries(store, sort="colour")


def test_loading_a_page_takes_the_same_few_statements_however_long_the_page(store: Store) -> None:
    from sqlalchemy import event

    _fill(store, 150)
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        repo.letter_summaries(store, offset=0, limit=10, sort="recipient")
        small = len(statements)
        statements.clear()
        page = repo.letter_summaries(store, offset=0, limit=100, sort="recipient")
        large = len(statements)
        statements.clear()
        repo.count_letters(store)
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
        case_id = repo.add_case(
            store,
            repo.CaseData(
                reference=f"{country}-2022-{i:03d}",
                title=f"Case {i}",
                country=country,
                status=status,
                themes=themes,
            ),
        )
        repo.add_person(
            store, case_id, repo.PersonData(name=f"Person Nomad{i}", role="journalist", at_risk=i == 2)
        )
    assert repo.count_cases(store) == 3
    assert repo.count_cases(store, repo.CaseFilter(country="KZ")) == 2
    assert repo.count_cases(store, repo.CaseFilter(status="open")) == 2
    assert [c.reference for c in repo.case_summaries(store, filters=repo.CaseFilter(theme="torture"))] == [
        "KZ-2022-000",
        "TJ-2022-002",
    ]
    [found] = repo.case_summaries(store, filters=repo.CaseFilter(text="nomad2"))
    assert (found.reference, found.themes, found.people_count, found.at_risk_count) == (
        "TJ-2022-002",
        ("press", "torture"),
        1,
        1,
    )
    assert [c.country for c in repo.case_summaries(store, sort="country", descending=True)] == [
        "TJ",
        "KZ",
        "KZ",
    ]


def test_case_reference_must_be_unique_and_country_a_code(store: Store) -> None:
    repo.add_case(store, repo.CaseData(reference="KZ-1", title="A", country="KZ"))
    with pytest.raises(BadInput, match="already a case with the reference KZ-1"):
        repo.add_case(store, repo.CaseData(reference="KZ-1", title="B", country="KZ"))
    with pytest.raises(BadInput, match="ISO 3166"):
        repo.add_case(store, repo.CaseData(reference="KZ-2", title="B", country="Kazakhstan"))


def test_case_detail_people_and_events(store: Store) -> None:
    case_id = repo.add_case(
        store, repo.CaseData(reference="UZ-2023-001", title="Protest trial", country="UZ")
    )
    person = repo.add_person(
        store, case_id, repo.PersonData(name="A. B.", role="lawyer", situation="charged")
    )
    repo.add_event(store, case_id, repo.EventData(date=dt.date(2023, 5, 2), description="Sentenced"))
    repo.add_event(
        store,
        case_id,
        repo.EventData(date=dt.date(2023, 1, 9), description="Arrested", source_url="https://x"),
    )
    repo.update_person(
        store, person, repo.PersonData(name="A. B.", role="lawyer", situation="convicted", at_risk=True)
    )
    detail = repo.get_case_detail(store, case_id)
    assert [(p.name, p.situation, p.at_risk) for p in detail.people] == [("A. B.", "convicted", True)]
    assert [e.description for e in detail.events] == ["Arrested", "Sentenced"]
    with pytest.raises(BadInput, match="Unknown role 'spy'"):
        repo.add_person(store, case_id, repo.PersonData(name="C", role="spy"))
    repo.delete_case(store, case_id)
    assert repo.count_cases(store) == 0


# --------------------------------------------------------------------------- workflow


def test_only_the_allowed_transitions_are_accepted(store: Store) -> None:
    letter_id = repo.add_letter(store, make_letter(), author="t")
    with pytest.raises(IphrError, match="cannot go from draft to approved"):
        repo.change_status(store, letter_id, "approved", author="t")
    path = ["in_review", "changes_requested", "in_review", "approved", "signed", "sent", "draft"]
    for status in path:
        assert status in repo.allowed_transitions(repo.get_letter_info(store, letter_id).status)
        repo.change_status(store, letter_id, status, author="Reviewer")
    history = repo.status_history(store, letter_id)
    assert [(h.from_status, h.to_status) for h in history] == list(
        zip(["draft", *path[:-1]], path, strict=True)
    )
    assert all(h.author == "Reviewer" for h in history)
    assert len(repo.list_revisions(store, letter_id)) == 1 + len(path)


def test_every_status_in_the_table_is_a_known_status() -> None:
    for source, targets in repo.TRANSITIONS.items():
        assert source in repo.STATUSES
        assert set(targets) <= set(repo.STATUSES)
        assert source not in targets


def test_approved_letters_are_read_only_until_reopened(store: Store) -> None:
    letter_id = repo.add_letter(store, make_letter(), author="t")
    for status in ("in_review", "approved"):
        repo.change_status(store, letter_id, status, author="t")
    with pytest.raises(IphrError, match="approved and cannot be changed"):
        repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert repo.get_letter(store, letter_id).subject == "Detention of a blogger"
    repo.change_status(store, letter_id, "draft", author="t")
    repo.save_letter(store, letter_id, make_letter(subject="Changed"), author="t")
    assert repo.get_letter(store, letter_id).subject == "Changed"


def test_autosave_keeps_no_revision_and_a_save_point_does(store: Store) -> None:
    letter_id = repo.add_letter(store, make_letter(), author="t")
    repo.save_letter(store, letter_id, make_letter(body="typing\n"), author="t")
    assert len(repo.list_revisions(store, letter_id)) == 1
    repo.save_letter(store, letter_id, make_letter(body="done\n"), author="t", revision_reason="save point")
    revisions = repo.list_revisions(store, letter_id)
    assert [r.reason for r in revisions] == ["save point", "created"]


def test_restoring_a_revision_brings_the_old_text_back_as_a_new_revision(store: Store) -> None:
    original = make_letter()
    letter_id = repo.add_letter(store, original, author="t")
    first = repo.list_revisions(store, letter_id)[0]
    repo.save_letter(
        store, letter_id, make_letter(subject="Rewritten", body="New\n"), author="t", revision_reason="s"
    )
    restored = repo.restore_revision(store, letter_id, first.id, author="Anna")
    assert restored == original
    assert repo.get_letter(store, letter_id) == original
    assert repo.list_revisions(store, letter_id)[0].reason == f"restored revision {first.id}"


# --------------------------------------------------------------------------- comments and trash


def test_comment_threads_replies_and_resolution(store: Store) -> None:
    letter_id = repo.add_letter(store, make_letter(), author="t")
    first = repo.add_comment(store, letter_id, "Soften the second paragraph", author="Anna")
    answer = repo.reply(store, first, "Done", author="Ben")
    again = repo.reply(store, answer, "Thanks", author="Anna")
    other = repo.add_comment(store, letter_id, "Check the date", author="Ben")
    comments = repo.list_comments(store, letter_id)
    assert [(c.id, c.parent_id) for c in comments] == [
        (first, None),
        (answer, first),
        (again, first),
        (other, None),
    ]
    repo.resolve_comment(store, first, author="Anna")
    assert [c.id for c in repo.list_comments(store, letter_id, include_resolved=False)] == [other]
    [resolved] = [c for c in repo.list_comments(store, letter_id) if c.id == first]
    assert (resolved.resolved, resolved.resolved_by) == (True, "Anna")
    with pytest.raises(BadInput, match="cannot be empty"):
        repo.add_comment(store, letter_id, "  ", author="Anna")


def test_trash_hides_restores_and_empties(store: Store) -> None:
    keep, drop = _fill(store, 2)
    repo.add_comment(store, drop, "x", author="a")
    repo.trash_letter(store, drop, author="a")
    assert [row.id for row in repo.letter_summaries(store)] == [keep]
    assert [row.id for row in repo.letter_summaries(store, filters=repo.LetterFilter(trashed=True))] == [drop]
    with pytest.raises(IphrError, match="in the trash"):
        repo.save_letter(store, drop, make_letter(), author="a")
    repo.restore_from_trash(store, drop)
    assert repo.count_letters(store) == 2
    repo.trash_letter(store, drop)
    assert repo.empty_trash(store) == 1
    assert repo.count_letters(store, repo.LetterFilter(trashed=True)) == 0
    with pytest.raises(BadInput):
        repo.get_letter(store, drop)
    assert repo.count_letters(store) == 1


# --------------------------------------------------------------------------- address book and letterheads


def test_recipients_signatories_and_letterheads(store: Store) -> None:
    who = Recipient(name="Kaja Kallas", gender="female", office="eu_high_representative", organisation="EEAS")
    rid = repo.add_recipient(store, who, language="en")
    assert repo.get_recipient(store, rid) == repo.RecipientRecord(rid, who, "en")
    repo.update_recipient(store, rid, replace(who, title="High Representative"), language="fr")
    assert [r.recipient.title for r in repo.list_recipients(store, language="fr")] == ["High Representative"]
    with pytest.raises(BadInput, match="Unknown office 'presidnet'"):
        repo.add_recipient(store, Recipient(name="X", office="presidnet"))
    sid = repo.add_signatory(store, Signatory(name="Brigitte Dufour", title="Director"))
    assert repo.list_signatories(store) == [
        repo.SignatoryRecord(sid, Signatory("Brigitte Dufour", "Director"))
    ]
    repo.delete_recipient(store, rid)
    assert repo.list_recipients(store) == []
    first = repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", address_lines=("Street 1",)
    )
    again = repo.add_letterhead_record(
        store, "partner", organisation="Partner NGO", website="https://p.example"
    )
    assert first == again
    [record] = repo.list_letterheads(store)
    assert (record.name, record.organisation, record.website, record.address_lines) == (
        "partner",
        "Partner NGO",
        "https://p.example",
        (),
    )


def test_link_and_unlink_a_case(store: Store) -> None:
    case_id = repo.add_case(store, repo.CaseData(reference="KG-2020-010", title="Journalist", country="KG"))
    letter_id = repo.add_letter(store, make_letter(cases=()), author="t")
    repo.link_letter_case(store, letter_id, case_id)
    repo.link_letter_case(store, letter_id, case_id)
    assert repo.get_letter(store, letter_id).cases == ("KG-2020-010",)
    assert repo.count_letters(store, repo.LetterFilter(case_id=case_id)) == 1
    [summary] = repo.case_summaries(store)
    assert summary.letter_count == 1
    repo.unlink_letter_case(store, letter_id, case_id)
    assert repo.get_letter(store, letter_id).cases == ()


def test_autosave_of_the_body_alone_updates_one_row_and_an_unchanged_save_writes_nothing(
    store: Store,
) -> None:
    from sqlalchemy import event

    letter_id = repo.add_letter(store, make_letter(), author="t")
    before = repo.get_letter_info(store, letter_id)
    statements: list[tuple[str, int]] = []

    def record(conn: object, cursor: Any, statement: str, *args: object) -> None:
        statements.append((" ".join(statement.split()[:3]).upper(), cursor.rowcount))

    event.listen(store.engine, "after_cursor_execute", record)
    try:
        repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        body_save = list(statements)
        statements.clear()
        repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
        unchanged_save = list(statements)
    finally:
        event.remove(store.engine, "after_cursor_execute", record)
    # A body edit is one statement in one transaction: no read first, no child rows rewritten.
    assert [s for s, _rows in body_save if s not in ("BEGIN IMMEDIATE", "COMMIT")] == ["UPDATE LETTERS SET"]
    assert [rows for s, rows in body_save if s.startswith("UPDATE")] == [1]
    assert not [s for s, rows in unchanged_save if s.startswith(("INSERT", "UPDATE", "DELETE")) and rows > 0]
    after = repo.get_letter_info(store, letter_id)
    assert after.letter.body == "Typed a little more.\n"
    assert after.updated_at > before.updated_at
    repo.save_letter(store, letter_id, make_letter(body="Typed a little more.\n"), author="t")
    assert repo.get_letter_info(store, letter_id).updated_at == after.updated_at


@given(name=text.filter(str.strip), title=st.one_of(st.none(), text), case=text.filter(str.strip))
def test_autosave_sees_unchanged_children_whatever_their_text(
    shared_store: Store, name: str, title: str | None, case: str
) -> None:
    """Children are compared as JSON text: a body edit must still land, and children must stay, for any
    characters in them (quotes, backslashes, control characters, astral planes)."""
    store = shared_store
    recipient = Recipient(name=name, title=title, office="minister_foreign", gender="f")
    letter = make_letter(recipients=(recipient,), cases=(case,))
    letter_id = repo.add_letter(store, letter, author="t")
    repo.save_letter(store, letter_id, replace(letter, body="An edit.\n"), author="t")
    stored = repo.get_letter(store, letter_id)
    assert stored.body == "An edit.\n"
    assert stored.recipients == (recipient,)
    assert stored.cases == (case,)


def test_case_references_that_look_like_numbers(store: Store) -> None:
    case_id = repo.add_case(store, repo.CaseData(reference="KZ-7", title="T", country="KZ"))
    letter_id = repo.add_letter(store, make_letter(cases=(str(case_id), "²", "99")), author="t")
    assert repo.get_letter_info(store, letter_id).case_ids == (case_id, None, None)
    assert repo.get_letter(store, letter_id).cases == (str(case_id), "²", "99")


def test_a_case_page_is_one_query_however_many_people_and_themes(store: Store) -> None:
    from sqlalchemy import event

    for i in range(30):
        case_id = repo.add_case(
            store, repo.CaseData(reference=f"KZ-{i:03d}", title="T", country="KZ", themes=("a", "b", f"t{i}"))
        )
        for j in range(i % 3):
            repo.add_person(store, case_id, repo.PersonData(name=f"P{j}", at_risk=j == 0))
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        page = repo.case_summaries(store, offset=0, limit=25, sort="reference")
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert len(page) == 25
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert page[2].themes == ("a", "b", "t2")
    assert (page[2].people_count, page[2].at_risk_count) == (2, 1)
