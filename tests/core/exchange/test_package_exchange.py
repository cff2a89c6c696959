"""Exchange packages between two data folders: whole letters, edits on both sides both ways, status and
comments merged, idempotent imports, cases on request (issue 15, deliverable 5)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from package_support import PASSPHRASE, make_letter, rows_hash, sync, uuids

from iphr_desk.core.exchange.package import PackageError, build_manifest, check_manifest, export_package
from iphr_desk.core.exchange.package_merge import import_package
from iphr_desk.core.store import models as m
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import cases as case_repo
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from iphr_desk.core.store.repository.values import CaseData, EventData, PersonData


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    field, office = Store.open(tmp_path / "field"), Store.open(tmp_path / "office")
    yield field, office
    field.close()
    office.close()


def uuid_of(store: Store, letter_id: int) -> str:
    return letter_repo.get_letter_info(store, letter_id).uuid


def same_id(store: Store, letter_uuid: str) -> int:
    found = letter_repo.find_letter_by_uuid(store, letter_uuid)
    assert found is not None
    return found


def flagged_texts(store: Store, letter_uuid: str) -> list[str]:
    conn = store.raw_connection()
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT r.text FROM revisions AS r JOIN letters AS l ON l.id = r.letter_id "
                "WHERE l.uuid = ? AND r.flagged ORDER BY r.created_at",
                (letter_uuid,),
            )
        ]
    finally:
        conn.close()


def edit(store: Store, letter_id: int, body: str, who: str) -> None:
    letter = letter_repo.get_letter(store, letter_id)
    letter_repo.save_letter(
        store, letter_id, replace(letter, body=body), author=who, revision_reason="edited"
    )


def test_a_letter_travels_whole_through_an_encrypted_file_and_a_second_import_changes_nothing(
    stores: tuple[Store, Store], tmp_path: Path
) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    thread = comment_repo.add_comment(field, lid, "Check the date of the arrest", author="Aigerim")
    comment_repo.reply(field, thread, "Checked: 12 May", author="Brigitte")
    comment_repo.resolve_comment(field, thread, author="Brigitte")
    letter_repo.change_status(field, lid, "in_review", author="Aigerim")
    with field.session() as session:
        session.add(
            m.SignatureRecord(
                letter_id=lid,
                signed_at=dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC),
                signatory="Brigitte Dufour",
                subject="CN=Brigitte Dufour,O=IPHR",
                sha256="ab" * 32,
                file_name="letter-signed.pdf",
                author="Brigitte",
            )
        )
    package = tmp_path / "to-office.iphrpkg"
    assert export_package(field, [lid], package, PASSPHRASE, author="Aigerim") == 1
    raw = package.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1\n") and b"Tokayev" not in raw and b"Brigitte" not in raw

    report = import_package(office, package, PASSPHRASE, author="Brigitte")
    letter_uuid = uuid_of(field, lid)
    oid = same_id(office, letter_uuid)
    assert [o.added for o in report.letters] == [True]
    assert letter_repo.get_letter(office, oid) == letter_repo.get_letter(field, lid)
    assert letter_repo.get_letter_info(office, oid).status == "in_review"
    for table in ("revisions", "comments", "status_changes", "signature_records"):
        assert uuids(office, table, letter_uuid) == uuids(field, table, letter_uuid) != set()
    root, answer = comment_repo.list_comments(office, oid)
    assert (root.text, root.resolved, root.resolved_by) == ("Check the date of the arrest", True, "Brigitte")
    assert (answer.parent_id, answer.text) == (root.id, "Checked: 12 May")
    texts = [revision_repo.get_revision_text(office, r.id) for r in revision_repo.list_revisions(office, oid)]
    assert texts == [
        revision_repo.get_revision_text(field, r.id) for r in revision_repo.list_revisions(field, lid)
    ]

    before = rows_hash(office)
    again = import_package(office, package, PASSPHRASE, author="Brigitte")
    assert rows_hash(office) == before and not again.changed
    assert "nothing new" in again.summary()


def test_edits_on_both_sides_are_kept_and_flagged_and_both_folders_end_with_every_revision(
    stores: tuple[Store, Store],
) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    letter_uuid = uuid_of(field, lid)
    sync(field, office, [lid])
    oid = same_id(office, letter_uuid)
    field_body = "First paragraph, as the field saw it.\n\nSecond paragraph.\n\nThird paragraph.\n"
    office_body = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph, as the office saw it.\n"
    edit(field, lid, field_body, "Aigerim")
    edit(office, oid, office_body, "Brigitte")
    comment_repo.add_comment(field, lid, "From the field", author="Aigerim")
    comment_repo.add_comment(office, oid, "From the office", author="Brigitte")

    report = sync(field, office, [lid])  # the office hears of the field's edit: both changed since the base
    assert [o.concurrent for o in report.letters] == [True]
    merged = (
        "First paragraph, as the field saw it.\n\nSecond paragraph.\n\n"
        + "Third paragraph, as the office saw it.\n"
    )
    assert letter_repo.get_letter(office, oid).body == merged  # one paragraph from each side
    flagged = flagged_texts(office, letter_uuid)
    assert len(flagged) == 1 and flagged[0].endswith(merged)  # the result is flagged for a person to check
    office_texts = {
        revision_repo.get_revision_text(office, r.id) for r in revision_repo.list_revisions(office, oid)
    }
    assert any(t.endswith(field_body) for t in office_texts) and any(
        t.endswith(office_body) for t in office_texts
    )
    assert "edited on both sides" in report.summary()

    sync(office, field, [oid])  # and back: the field takes the merged text, nothing is lost
    assert letter_repo.get_letter(field, lid).body == merged
    assert flagged_texts(field, letter_uuid) == flagged_texts(office, letter_uuid)
    for table in ("revisions", "comments", "status_changes"):
        assert uuids(field, table, letter_uuid) == uuids(office, table, letter_uuid)
    assert {c.text for c in comment_repo.list_comments(field, lid)} == {"From the field", "From the office"}

    for source, target, ident in ((field, office, lid), (office, field, oid)):
        before = rows_hash(target)
        assert not sync(source, target, [ident]).changed
        assert rows_hash(target) == before


def test_a_paragraph_changed_on_both_sides_keeps_both_texts_under_markers(
    stores: tuple[Store, Store],
) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    sync(field, office, [lid])
    oid = same_id(office, uuid_of(field, lid))
    edit(field, lid, "Field's first paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n", "Aigerim")
    edit(office, oid, "Office's first paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n", "Brigitte")
    sync(field, office, [lid])
    body = letter_repo.get_letter(office, oid).body
    assert "Field's first paragraph." in body and "Office's first paragraph." in body
    assert "Version on this machine" in body and "Version in the package from packer" in body
    assert body.endswith("Second paragraph.\n\nThird paragraph.\n")
    before = rows_hash(office)
    assert not sync(field, office, [lid]).changed and rows_hash(office) == before


def test_an_edit_on_one_side_only_is_taken_as_it_is(stores: tuple[Store, Store]) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    sync(field, office, [lid])
    edit(field, lid, "A better first paragraph.\n", "Aigerim")
    report = sync(field, office, [lid])
    oid = same_id(office, uuid_of(field, lid))
    assert [(o.text_taken, o.concurrent) for o in report.letters] == [(True, False)]
    assert letter_repo.get_letter(office, oid) == letter_repo.get_letter(field, lid)
    assert flagged_texts(office, uuid_of(field, lid)) == []
    # The office's own later edit is not undone by an old package from the field.
    edit(office, oid, "The office's paragraph.\n", "Brigitte")
    assert not sync(field, office, [lid]).concurrent
    assert letter_repo.get_letter(office, oid).body == "The office's paragraph.\n"


def test_the_status_is_the_latest_change_across_both_sides(stores: tuple[Store, Store]) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    letter_repo.change_status(field, lid, "in_review", author="Aigerim")
    sync(field, office, [lid])
    oid = same_id(office, uuid_of(field, lid))
    letter_repo.change_status(field, lid, "draft", author="Aigerim")  # earlier...
    letter_repo.change_status(office, oid, "approved", author="Brigitte")  # ...than the office's approval
    sync(field, office, [lid])
    sync(office, field, [oid])
    for store, ident in ((field, lid), (office, oid)):
        assert letter_repo.get_letter_info(store, ident).status == "approved"
        history = [(c.from_status, c.to_status) for c in letter_repo.status_history(store, ident)]
        assert history == [("draft", "in_review"), ("in_review", "draft"), ("in_review", "approved")]


def test_an_approved_letter_keeps_the_text_its_approver_saw(stores: tuple[Store, Store]) -> None:
    field, office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    letter_repo.change_status(field, lid, "in_review", author="Aigerim")
    sync(field, office, [lid])
    letter_uuid = uuid_of(field, lid)
    oid = same_id(office, letter_uuid)
    approved_body = letter_repo.get_letter(office, oid).body
    edit(field, lid, "Changed after it was sent for review.\n", "Aigerim")
    letter_repo.change_status(office, oid, "approved", author="Brigitte")

    report = sync(field, office, [lid])
    assert letter_repo.get_letter(office, oid).body == approved_body
    assert [o.concurrent for o in report.letters] == [True]
    sync(office, field, [oid])
    assert letter_repo.get_letter_info(field, lid).status == "approved"
    assert letter_repo.get_letter(field, lid).body == approved_body
    assert any("Changed after it was sent" in t for t in flagged_texts(field, letter_uuid))


def test_cases_travel_when_asked_and_link_the_letters(stores: tuple[Store, Store]) -> None:
    field, office = stores
    data = CaseData(reference="KZ-2022-003", title="A blogger detained", country="KZ", themes=("detention",))
    case_id = case_repo.add_case(field, data)
    case_repo.add_person(
        field, case_id, PersonData(name="Marat Seitkali", role="blogger", situation="detained")
    )
    case_repo.add_event(field, case_id, EventData(date=dt.date(2022, 5, 12), description="Arrested"))
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")

    sync(field, office, [lid])
    assert case_repo.find_case(office, "KZ-2022-003") is None  # not asked: only the reference travels
    report = sync(field, office, [lid], with_cases=True)
    assert report.cases_added == 1
    found = case_repo.find_case(office, "KZ-2022-003")
    assert found is not None
    detail = case_repo.get_case_detail(office, found)
    assert [p.name for p in detail.people] == ["Marat Seitkali"]
    assert [(e.date, e.description) for e in detail.events] == [(dt.date(2022, 5, 12), "Arrested")]
    assert detail.themes == ("detention",)
    assert letter_repo.get_letter_info(office, same_id(office, uuid_of(field, lid))).case_ids == (found,)

    before = rows_hash(office)
    assert not sync(field, office, [lid], with_cases=True).changed
    assert rows_hash(office) == before


def _spoil(manifest: dict[str, Any], how: str) -> None:
    letter = manifest["letters"][0]
    if how == "details":
        letter["revisions"][0]["details"] = ["not", "a", "mapping"]
    elif how == "cc":
        letter["cc"] = "one line, not a list"
    elif how == "missing":
        del letter["subject"]
    elif how == "unknown":
        letter["colour"] = "blue"
    elif how == "twice":
        letter["revisions"].append(dict(letter["revisions"][0]))
    elif how == "orphan reply":
        letter["comments"][0]["parent_uuid"] = "00000000-0000-4000-8000-000000000000"
    elif how == "status":
        letter["status"] = "published"
    elif how == "date":
        letter["date"] = "2024-02-30"
    elif how == "long":
        letter["subject"] = "x" * 1001


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ("details", "letters[0].revisions[0].details: not a mapping"),
        ("cc", "letters[0].cc: not a list of lines"),
        ("missing", "letters[0]: missing subject"),
        ("unknown", "letters[0]: unknown colour"),
        ("twice", "revisions: the same revision is given twice"),
        ("orphan reply", "letters[0].comments[0]: a reply to a comment the package does not hold"),
        ("status", "letters[0]: unknown status 'published'"),
        ("date", "letters[0].date: not a date (YYYY-MM-DD)"),
        ("long", "letters[0].subject: longer than 1000 characters"),
    ],
)
def test_a_manifest_is_checked_field_by_field(stores: tuple[Store, Store], how: str, problem: str) -> None:
    field, _office = stores
    lid = letter_repo.add_letter(field, make_letter(), author="a")
    comment_repo.add_comment(field, lid, "A comment", author="a")
    manifest = json.loads(json.dumps(build_manifest(field, [lid], author="a")))
    _spoil(manifest, how)
    with pytest.raises(PackageError) as caught:
        check_manifest(manifest, "p.iphrpkg")
    assert str(caught.value) == f"p.iphrpkg: {problem}; nothing was imported."


def test_a_case_both_sides_hold_takes_the_newer_fields_and_unites_people_and_events(
    stores: tuple[Store, Store],
) -> None:
    field, office = stores
    data = CaseData(reference="KZ-2022-003", title="A blogger detained", country="KZ", themes=("detention",))
    case_id = case_repo.add_case(field, data)
    case_repo.add_person(field, case_id, PersonData(name="Marat Seitkali"))
    lid = letter_repo.add_letter(field, make_letter(), author="Aigerim")
    sync(field, office, [lid], with_cases=True)
    office_case = case_repo.find_case(office, "KZ-2022-003")
    assert office_case is not None
    case_repo.add_event(field, case_id, EventData(date=dt.date(2022, 5, 12), description="Arrested"))
    # The office's change is the newer one: its fields win; people and events of both sides are kept.
    case_repo.update_case(office, office_case, replace(data, title="A blogger sentenced", themes=("trials",)))
    case_repo.add_person(office, office_case, PersonData(name="Aliya Seitkali", role="relative"))
    case_repo.add_event(office, office_case, EventData(date=dt.date(2023, 1, 9), description="Sentenced"))
    oid = same_id(office, uuid_of(field, lid))

    report = sync(office, field, [oid], with_cases=True)
    assert report.cases_updated == 1
    detail = case_repo.get_case_detail(field, case_id)
    assert (detail.title, detail.themes) == ("A blogger sentenced", ("trials",))
    assert [p.name for p in detail.people] == ["Marat Seitkali", "Aliya Seitkali"]
    assert [e.description for e in detail.events] == ["Arrested", "Sentenced"]
    before = rows_hash(field)
    assert not sync(office, field, [oid], with_cases=True).changed
    assert rows_hash(field) == before
