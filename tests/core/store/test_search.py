"""Full-text search: ranking, accents, Cyrillic, prefixes, snippets, sync on every write, hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository.values import CaseData, LetterFilter, PersonData
from iphr_desk.core.store.search import Hit, fts_query, search_cases, search_letters


def letter(subject: str, body: str = "", recipient: str = "Someone", language: str = "fr") -> Letter:
    return Letter(
        language=language,  # type: ignore[arg-type]
        place="Bruxelles",
        date=dt.date(2024, 1, 1),
        subject=subject,
        recipients=(Recipient(name=recipient),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body=body,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("search"))
    letter_repo.add_letter(
        opened, letter("Lettre au président Tokaïev", "Nous écrivons au sujet de M. Tokaïev."), author="t"
    )
    yield opened
    opened.close()


def test_accents_do_not_matter(store: Store) -> None:
    target = letter_repo.add_letter(store, letter("Lettre au président Tokaïev"), author="t")
    letter_repo.add_letter(store, letter("Another subject"), author="t")
    assert [h.id for h in search_letters(store, "tokaiev")] == [target]
    assert [h.id for h in search_letters(store, "TOKAÏEV")] == [target]
    assert [h.id for h in search_letters(store, "president")] == [target]


def test_cyrillic_words_and_prefixes(store: Store) -> None:
    target = letter_repo.add_letter(
        store,
        letter("Обращение", "Уважаемый господин Президент! Журналист задержан.", language="ru"),
        author="t",
    )
    assert [h.id for h in search_letters(store, "журналист")] == [target]
    assert [h.id for h in search_letters(store, "ЗАДЕРЖ")] == [target]  # as-you-type prefix
    assert search_letters(store, "задерж ") == []  # a finished word is a whole word


def test_subject_hits_rank_above_body_hits(store: Store) -> None:
    in_body = letter_repo.add_letter(
        store, letter("Visit", "A word about torture in the body, once."), author="t"
    )
    in_subject = letter_repo.add_letter(store, letter("Torture in detention"), author="t")
    hits = search_letters(store, "torture")
    assert [h.id for h in hits] == [in_subject, in_body]
    assert hits[0].rank < hits[1].rank


def test_recipient_names_are_searchable(store: Store) -> None:
    target = letter_repo.add_letter(store, letter("Visit", recipient="Shavkat Mirziyoyev"), author="t")
    assert [h.id for h in search_letters(store, "mirziyoyev")] == [target]


def test_snippets_mark_the_matched_words(store: Store) -> None:
    letter_repo.add_letter(
        store, letter("Visit", "The lawyer <Ivanov> was disbarred in March after the trial."), author="t"
    )
    [hit] = search_letters(store, "disbarred")
    assert isinstance(hit, Hit)
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["disbarred"]
    assert "<b>disbarred</b>" in hit.snippet_html()
    assert "&lt;Ivanov&gt;" in hit.snippet_html()


def test_updates_and_deletes_are_reflected(store: Store) -> None:
    letter_id = letter_repo.add_letter(store, letter("Visit", "old wording"), author="t")
    letter_repo.save_letter(
        store, letter_id, letter("Visit", "new phrasing", recipient="Emomali Rahmon"), author="t"
    )
    assert search_letters(store, "wording") == []
    assert [h.id for h in search_letters(store, "phrasing")] == [letter_id]
    assert [h.id for h in search_letters(store, "rahmon")] == [letter_id]
    assert search_letters(store, "someone") == []  # the old recipient is gone from the index
    letter_repo.trash_letter(store, letter_id)
    assert search_letters(store, "phrasing") == []
    assert [h.id for h in search_letters(store, "phrasing", include_trashed=True)] == [letter_id]
    letter_repo.empty_trash(store)
    assert search_letters(store, "phrasing", include_trashed=True) == []


def test_cases_are_found_by_reference_title_summary_and_people(store: Store) -> None:
    case_id = case_repo.add_case(
        store,
        CaseData(reference="KZ-2022-003", title="Blogger detained", country="KZ", summary="Arrest in Almaty"),
    )
    person = case_repo.add_person(store, case_id, PersonData(name="Aigerim Tleuzhan", role="blogger"))
    for query in ("KZ-2022-003", "blogger", "almaty", "tleuzhan", "aiger"):
        assert [h.id for h in search_cases(store, query)] == [case_id], query
    case_repo.update_person(store, person, PersonData(name="Renamed Person"))
    assert search_cases(store, "tleuzhan") == []
    assert [h.id for h in search_cases(store, "renamed")] == [case_id]
    case_repo.delete_case(store, case_id)
    assert search_cases(store, "blogger") == []


def test_query_syntax_in_user_input_is_plain_text() -> None:
    assert fts_query('torture AND "x') == '"torture" AND "AND" AND "x"'  # one letter: a whole word
    assert fts_query('torture AND "xy') == '"torture" AND "AND" AND ("xy"* OR "hi"*)'
    assert fts_query("   ") is None
    assert fts_query("((*))") is None


@given(st.text(max_size=30))
def test_no_user_input_breaks_a_search(shared_store: Store, query: str) -> None:
    hits = search_letters(shared_store, query)
    assert all(h.kind == "letter" for h in hits)
    search_cases(shared_store, query)
    letter_lists.count_letters(shared_store, LetterFilter(text=query))


def test_limit_is_respected(store: Store) -> None:
    letter_repo.add_letters(
        store, [replace(letter(f"Appeal {i}"), body="appeal") for i in range(5)], author="t"
    )
    assert len(search_letters(store, "appeal", limit=3)) == 3


def test_rebuild_gives_the_same_results_as_the_triggers(store: Store) -> None:
    from iphr_desk.core.store.search import rebuild

    ids = letter_repo.add_letters(
        store,
        [letter(f"Appeal {i}", "Body about torture", recipient=f"Judge Nr{i}") for i in range(3)],
        author="t",
    )
    case_id = case_repo.add_case(store, CaseData(reference="TM-1", title="Activist", country="TM"))
    case_repo.add_person(store, case_id, PersonData(name="Gulgeldi Annaniyazov"))
    queries = ("torture", "nr1", "appeal", "judge")
    before = [[(h.id, h.snippet) for h in search_letters(store, q)] for q in queries]
    rebuild(store)
    assert [[(h.id, h.snippet) for h in search_letters(store, q)] for q in queries] == before
    assert [h.id for h in search_letters(store, "nr2")] == [ids[2]]
    assert [h.id for h in search_cases(store, "annaniyazov")] == [case_id]


def test_the_indexes_agree_with_the_tables_after_every_kind_of_write(store: Store) -> None:
    from iphr_desk.core.store.search import check_integrity

    first, second = letter_repo.add_letters(
        store, [letter("One", "alpha"), letter("Two", "beta")], author="t"
    )
    batch = letter("Batch", "gamma")
    batch = replace(batch, recipients=(Recipient(name="A a"), Recipient(name="B b"), Recipient(name="C c")))
    letter_repo.save_letter(store, first, batch, author="t")
    letter_repo.save_letter(
        store, first, replace(batch, recipients=batch.recipients[1:], body="delta"), author="t"
    )
    letter_repo.save_letter(store, second, letter("Two", "beta", recipient="Someone Else"), author="t")
    letter_repo.trash_letter(store, second)
    letter_repo.empty_trash(store)
    case_id = case_repo.add_case(store, CaseData(reference="KZ-9", title="T", country="KZ", summary="s"))
    people = [case_repo.add_person(store, case_id, PersonData(name=f"P{i} Q")) for i in range(3)]
    case_repo.update_person(store, people[1], PersonData(name="Renamed"))
    case_repo.delete_person(store, people[0])
    case_repo.update_case(store, case_id, CaseData(reference="KZ-10", title="T2", country="KZ"))
    check_integrity(store)
    assert [h.id for h in search_letters(store, "delta")] == [first]
    assert search_letters(store, "gamma") == []
    assert [h.id for h in search_letters(store, "c c")] == [first]
    assert search_letters(store, "a a ") == []
    assert [h.id for h in search_cases(store, "renamed")] == [case_id]
    case_repo.delete_case(store, case_id)
    check_integrity(store)
    assert search_cases(store, "renamed") == []


def test_a_damaged_index_is_detected_and_rebuilt(store: Store) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    from iphr_desk.core.store.search import check_integrity, rebuild

    letter_id = letter_repo.add_letter(store, letter("Subject", "original words"), author="t")
    with store.session() as session:  # change the text behind the index's back
        session.execute(text("DROP TRIGGER letters_fts_pending_update"))
        session.execute(text("UPDATE letters SET body = 'replaced words' WHERE id = :i"), {"i": letter_id})
    with pytest.raises(DatabaseError, match=r"malformed|corrupt"):
        check_integrity(store)
    rebuild(store)
    check_integrity(store)
    assert [h.id for h in search_letters(store, "replaced")] == [letter_id]


words = st.sampled_from(
    [
        "alpha",
        "beta",
        "gamma",
        "Tokaïev",
        "журналист",
        "delta",
        "Сейткали",
        "Seitkali",
        "Seytkali",
        "Ўзбекистон",
    ]
)
phrase = st.lists(words, min_size=1, max_size=4).map(" ".join)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), phrase, st.lists(phrase, min_size=1, max_size=3)),
        st.tuples(st.just("save"), phrase, st.lists(phrase, min_size=1, max_size=3)),
        st.tuples(st.just("trash"), st.integers(0, 5)),
        st.tuples(st.just("save_point"), phrase, st.lists(phrase, min_size=1, max_size=3)),
        st.tuples(st.just("find"), words),
        st.tuples(
            st.just("empty"),
        ),
        st.tuples(st.just("case"), phrase, st.lists(phrase, max_size=3)),
        st.tuples(st.just("rename"), phrase),
        st.tuples(
            st.just("drop_person"),
        ),
        st.tuples(
            st.just("drop_case"),
        ),
    ),
    max_size=8,
)


@given(operations)
def test_any_sequence_of_writes_leaves_the_indexes_consistent(shared_store: Store, ops: list[tuple]) -> None:
    from iphr_desk.core.store.search import check_integrity

    store = shared_store
    for op, *args in ops:
        live = [s.id for s in letter_lists.letter_summaries(store, limit=6)]
        cases = case_repo.case_summaries(store, limit=3, sort="id", descending=True)
        if op == "add":
            letter_repo.add_letter(store, _with_recipients(args[0], args[1]), author="t", reason="")
        elif op == "save" and live:
            letter_repo.save_letter(store, live[0], _with_recipients(args[0], args[1]), author="t")
        elif op == "save_point" and live:
            letter_repo.save_letter(
                store, live[-1], _with_recipients(args[0], args[1]), author="t", revision_reason="saved"
            )
        elif op == "find":
            assert {h.id for h in search_letters(store, args[0] + " ", limit=1000)} == _naive_search(
                store, args[0]
            )
        elif op == "trash" and live:
            letter_repo.trash_letter(store, live[args[0] % len(live)])
        elif op == "empty":
            letter_repo.empty_trash(store)
        elif op == "case":
            reference = f"C-{case_repo.count_cases(store)}-{len(args[0])}-{args[0][:3]}"
            if case_repo.find_case(store, reference) is None:
                case_id = case_repo.add_case(
                    store, CaseData(reference=reference, title=args[0], country="KZ")
                )
                for name in args[1]:
                    case_repo.add_person(store, case_id, PersonData(name=name))
        elif op == "rename" and cases:
            detail = case_repo.get_case_detail(store, cases[0].id)
            if detail.people:
                case_repo.update_person(store, detail.people[0].id, PersonData(name=args[0]))
            case_repo.update_case(store, cases[0].id, replace(detail.data, summary=args[0]))
        elif op == "drop_person" and cases:
            people = case_repo.get_case_detail(store, cases[0].id).people
            if people:
                case_repo.delete_person(store, people[-1].id)
        elif op == "drop_case" and cases:
            case_repo.delete_case(store, cases[-1].id)
    check_integrity(store)


def _naive_search(store: Store, word: str) -> set[int]:
    """The live letters whose subject, body or recipients hold `word`, by reading every one.

    A name (a capitalised word of the subject or body, any word of the recipients) also matches in its
    other spellings and script: by its transliteration key (translit.py), as the index keys it.
    """
    from iphr_desk.core.store import translit

    wanted = translit.plain(word)
    keys = {translit.key(word), wanted}
    found = set()
    for summary in letter_lists.letter_summaries(store):
        stored = letter_repo.get_letter(store, summary.id)
        text = " ".join([stored.subject, stored.body])
        names = " ".join(r.name for r in stored.recipients)
        tokens = translit.WORD.findall(text + " " + names)
        name_like = [t for t in translit.WORD.findall(text) if t[0].isupper()] + translit.WORD.findall(names)
        if wanted in {translit.plain(t) for t in tokens} or keys & {translit.key(t) for t in name_like}:
            found.add(summary.id)
    return found


def test_autosave_defers_indexing_and_a_search_still_finds_the_new_words(store: Store) -> None:
    from sqlalchemy import text

    letter_id = letter_repo.add_letter(store, letter("Subject", "first draft"), author="t")

    def pending() -> list[int]:
        with store.read_session() as session:
            return list(session.scalars(text("SELECT letter_id FROM letters_fts_pending")))

    assert pending() == []  # a normal write is indexed in its own transaction
    letter_repo.save_letter(store, letter_id, letter("Subject", "second draft"), author="t")
    letter_repo.save_letter(store, letter_id, letter("Subject", "third draft"), author="t")
    assert pending() == [letter_id]  # autosave left it for later, once
    assert [h.id for h in search_letters(store, "third")] == [letter_id]
    assert search_letters(store, "second") == [] and search_letters(store, "first") == []
    assert pending() == []
    letter_repo.save_letter(
        store, letter_id, letter("Subject", "fourth draft", recipient="Zhaparov"), author="t"
    )
    assert [s.id for s in letter_lists.letter_summaries(store, filters=LetterFilter(text="zhaparov"))] == [
        letter_id
    ]
    letter_repo.save_letter(store, letter_id, letter("Subject", "fifth draft"), author="t")
    letter_repo.trash_letter(store, letter_id)
    letter_repo.empty_trash(store)  # deleting a pending letter removes the text the index holds
    from iphr_desk.core.store.search import check_integrity

    check_integrity(store)
    assert search_letters(store, "draft") == []


def test_a_save_point_indexes_at_once(store: Store) -> None:
    from sqlalchemy import text

    letter_id = letter_repo.add_letter(store, letter("Subject", "first draft"), author="t")
    letter_repo.save_letter(store, letter_id, letter("Subject", "second draft"), author="t")
    letter_repo.save_letter(
        store, letter_id, letter("Subject", "final text"), author="t", revision_reason="saved"
    )
    with store.read_session() as session:
        assert session.scalar(text("SELECT count(*) FROM letters_fts_pending")) == 0
        hits = session.execute(text("SELECT rowid FROM letters_fts WHERE letters_fts MATCH 'final'")).all()
    assert [row[0] for row in hits] == [letter_id]


def _migration(name: str) -> Any:
    import importlib.util

    from iphr_desk.core.store.migrations import SCRIPT_LOCATION

    spec = importlib.util.spec_from_file_location(f"migration_{name}", SCRIPT_LOCATION / "versions" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migrations_and_the_indexing_module_index_pending_letters_alike() -> None:
    from iphr_desk.core.store import indexing

    m0006 = _migration("0006_deferred_letter_index.py")
    m0008 = _migration("0008_search_prefixes_and_keys.py")
    assert m0008.INDEX_PENDING_0006 == m0006.INDEX_PENDING
    assert m0008.INDEX_PENDING_0008 == indexing.INDEX_PENDING


def _with_recipients(subject: str, names: list[str]) -> Letter:
    return replace(letter(subject, f"{subject} body"), recipients=tuple(Recipient(name=n) for n in names))


def test_a_search_goes_ahead_when_the_pending_letters_cannot_be_indexed_yet(tmp_path: Path) -> None:
    """Another process holds the write lock: the search answers from the index as it is, then catches up."""
    import sqlite3

    with Store.open(tmp_path, busy_timeout=0.05) as store:
        letter_id = letter_repo.add_letter(store, letter("Subject", "first draft"), author="t")
        letter_repo.save_letter(store, letter_id, letter("Subject", "second draft"), author="t")
        writer = sqlite3.connect(store.db_path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            assert [h.id for h in search_letters(store, "first")] == [letter_id]
            assert search_letters(store, "second") == []
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert [h.id for h in search_letters(store, "second")] == [letter_id]
        assert search_letters(store, "first") == []
