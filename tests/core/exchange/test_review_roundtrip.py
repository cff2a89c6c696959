"""The review round trip on fixtures in Word's own form: export with provenance and comments, then a
copy with tracked changes, moves, a formatting change, comments and a reply comes back (issue 15)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_support import AUTHOR, custom_properties, part, store_with_letter
from word_fixtures import accepted_all, word_review

from iphr_desk.core.errors import BadInput
from iphr_desk.core.exchange.review_import import apply_review_import, export_for_review, plan_review_import
from iphr_desk.core.letters.letterfile import parse_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo
from tests.ooxml.validate_docx import schema_errors


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store, _ = store_with_letter(tmp_path / "data")
    yield store
    store.close()


def test_export_carries_the_letter_and_revision_and_the_open_comments(store: Store, tmp_path: Path) -> None:
    out = export_for_review(store, 1, tmp_path / "review.docx")
    props = custom_properties(out)
    latest = revision_repo.latest_revision(store, 1)
    assert latest is not None
    assert props["IPHR-Desk-Letter"] == letter_repo.get_letter_info(store, 1).uuid
    assert props["IPHR-Desk-Revision"] == latest.uuid
    assert props["IPHR-Desk-Revision-Id"] == str(latest.id)
    assert parse_letter_text(latest.text, "r") == letter_repo.get_letter(store, 1)
    comments = part(out, "word/comments.xml").decode()
    assert "Is the name right?" in comments and "I will ask." in comments
    extended = part(out, "word/commentsExtended.xml").decode()
    assert "paraIdParent" in extended
    types = part(out, "[Content_Types].xml").decode()
    assert "custom-properties+xml" in types and "commentsExtended+xml" in types
    assert schema_errors(out.read_bytes()) == []


def test_an_export_after_autosave_stores_the_exported_text_as_a_revision(
    store: Store, tmp_path: Path
) -> None:
    first = export_for_review(store, 1, tmp_path / "a.docx")
    again = export_for_review(store, 1, tmp_path / "b.docx")
    assert custom_properties(first)["IPHR-Desk-Revision"] == custom_properties(again)["IPHR-Desk-Revision"]
    letter = letter_repo.get_letter(store, 1)
    letter_repo.save_letter(
        store, 1, dataclasses.replace(letter, body=letter.body + "\nAjout.\n"), author=AUTHOR
    )
    third = export_for_review(store, 1, tmp_path / "c.docx")
    revision = revision_repo.find_revision_by_uuid(store, custom_properties(third)["IPHR-Desk-Revision"])
    assert revision is not None and revision.reason == "exported for review"
    assert "Ajout." in revision.text
    assert revision.uuid != custom_properties(first)["IPHR-Desk-Revision"]


def test_a_copy_in_words_form_becomes_a_revision_with_its_changes_and_comments(
    store: Store, tmp_path: Path
) -> None:
    exported = export_for_review(store, 1, tmp_path / "review.docx")
    base_uuid = custom_properties(exported)["IPHR-Desk-Revision"]
    reviewed = word_review(exported, tmp_path / "reviewed.docx", answer_app_comment=True, in_footnote=True)
    assert schema_errors(reviewed.read_bytes()) == []
    plan = plan_review_import(store, reviewed)
    assert plan.letter_id == 1 and plan.reviewers == ("Jane Roe", "Omar Haddad")
    kinds = {(c.kind, c.author, c.part) for c in plan.changes}
    assert ("deletion", "Jane Roe", "body") in kinds
    assert ("insertion", "Omar Haddad", "body") in kinds
    assert ("moved-to", "Jane Roe", "body") in kinds and ("moved-from", "Jane Roe", "body") in kinds
    assert ("formatting", "Omar Haddad", "body") in kinds
    assert ("insertion", "Jane Roe", "salutation") in kinds
    assert ("insertion", "Omar Haddad", "footnote") in kinds
    assert all(c.date is not None for c in plan.changes)
    result = apply_review_import(store, plan, author=AUTHOR)
    assert result.status == "changes_requested"
    letter = letter_repo.get_letter(store, 1)
    assert "une *journaliste* renommée[^1]" in letter.body and "reconnue" not in letter.body
    assert "Nous insistons." in letter.body and "**Nos demandes :**" in letter.body
    assert letter.body.index("Veuillez agréer") < letter.body.index("Nous vous écrivons")
    assert letter.body.count("Veuillez agréer") == 1
    assert "[avocats](https://example.org/avocats)" in letter.body and "> Une citation" in letter.body
    assert "[^1]: Voir le rapport de 2023. (p. 12)" in letter.body
    assert letter.recipient.salutation == "Excellence,"
    revision = revision_repo.get_revision_record(store, result.revision_id or 0)
    assert revision.parent_uuid == base_uuid
    assert revision.details is not None and len(revision.details["changes"]) == len(plan.changes)
    assert "Jane Roe" in revision.reason and "reviewed.docx" in revision.reason
    records = comment_repo.comment_records(store, 1)
    word = [c for c in records if c.origin == "word"]
    assert {(c.author, c.anchor) for c in word} >= {
        ("Jane Roe", "Mme Aliyeva"),
        ("Omar Haddad", "Mme Aliyeva"),
    }
    question = next(c for c in word if c.text.startswith("Is the spelling"))
    answer = next(c for c in word if c.text.startswith("Yes, with"))
    assert answer.parent_id == question.id
    assert len([c for c in records if c.origin == "app"]) == 2  # the app's own, not imported again
    thread = next(c for c in records if c.text == "Is the name right?")
    answer = next(c for c in word if c.text == "Answered in the text.")
    assert answer.parent_id == thread.id  # a Word reply to the app's comment joins its thread
    assert thread.resolved  # and Jane marked the thread done


def test_the_diff_against_the_exported_revision_is_the_reviewers_changes(
    store: Store, tmp_path: Path
) -> None:
    exported = export_for_review(store, 1, tmp_path / "review.docx")
    plan = plan_review_import(store, word_review(exported, tmp_path / "reviewed.docx"))
    base = parse_letter_text(plan.base_text, "base")
    result = parse_letter_text(plan.result_text, "result")
    edited = ("reconnue", "Nos demandes", "Veuillez")
    untouched = [line for line in base.body.splitlines() if not any(word in line for word in edited)]
    for line in untouched:
        assert line in result.body.splitlines()
    assert dataclasses.replace(result, body=base.body, recipients=base.recipients) == base


def test_importing_the_same_copy_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    reviewed = word_review(export_for_review(store, 1, tmp_path / "r.docx"), tmp_path / "reviewed.docx")
    apply_review_import(store, plan_review_import(store, reviewed), author=AUTHOR)
    revisions = len(revision_repo.list_revisions(store, 1))
    comments = len(comment_repo.comment_records(store, 1))
    history = len(letter_repo.status_history(store, 1))
    again = plan_review_import(store, reviewed)
    assert again.already_imported
    result = apply_review_import(store, again, author=AUTHOR)
    assert (result.revision_id, result.comments_added) == (None, 0)
    assert len(revision_repo.list_revisions(store, 1)) == revisions
    assert len(comment_repo.comment_records(store, 1)) == comments
    assert len(letter_repo.status_history(store, 1)) == history


def test_an_accepted_all_copy_gives_the_same_text_with_no_changes_recorded(
    store: Store, tmp_path: Path
) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    marked = plan_review_import(store, word_review(exported, tmp_path / "marked.docx"))
    clean = plan_review_import(store, accepted_all(exported, tmp_path / "clean.docx"))
    assert schema_errors((tmp_path / "clean.docx").read_bytes()) == []
    assert clean.changes == ()
    assert {c.author for c in clean.comments} == {
        "Ann",
        "Bob",
    } and clean.new_comment_count == 0  # the app's own
    assert clean.result_text == marked.result_text
    assert clean.new_status == "changes_requested"


def test_an_untouched_copy_can_be_approved(store: Store, tmp_path: Path) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    plan = plan_review_import(store, exported)
    assert plan.can_approve and not plan.text_changed
    result = apply_review_import(store, plan, author=AUTHOR, approve=True)
    assert result.status == "approved"
    assert [(s.from_status, s.to_status) for s in letter_repo.status_history(store, 1)] == [
        ("draft", "in_review"), ("in_review", "approved"),
    ]  # fmt: skip


def test_a_letter_changed_since_export_is_merged_and_both_texts_kept(store: Store, tmp_path: Path) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    reviewed = word_review(exported, tmp_path / "reviewed.docx")
    letter = letter_repo.get_letter(store, 1)
    body = letter.body.replace("Nos demandes :", "Nos demandes urgentes :").replace(
        "1. Premier point numéroté", "1. Premier point numéroté, revu"
    )
    letter_repo.save_letter(store, 1, dataclasses.replace(letter, body=body), author=AUTHOR)
    plan = plan_review_import(store, reviewed)
    assert len(plan.conflicts) == 1
    result = apply_review_import(store, plan, author=AUTHOR)
    merged = letter_repo.get_letter(store, 1).body
    assert "Nos demandes urgentes :" in merged and "**Nos demandes :** Nous insistons." in merged
    assert "Premier point numéroté, revu" in merged  # the app's own change elsewhere
    assert "renommée" in merged  # the reviewer's change elsewhere
    assert "⚠" in merged
    revision = revision_repo.get_revision_record(store, result.revision_id or 0)
    assert revision.flagged and result.status == "changes_requested"


def test_a_copy_from_another_store_or_with_no_identity_is_refused(store: Store, tmp_path: Path) -> None:
    other, _ = store_with_letter(tmp_path / "other", comment=False)
    foreign = export_for_review(other, 1, tmp_path / "foreign.docx")
    other.close()
    before = len(revision_repo.list_revisions(store, 1))
    with pytest.raises(BadInput, match="another store"):
        plan_review_import(store, foreign)
    plan = plan_review_import(store, foreign, letter_id=1)
    assert plan.letter_id == 1
    new = plan_review_import(store, foreign, as_new=True)
    created = apply_review_import(store, new, author=AUTHOR)
    assert created.created and created.letter_id == 2
    assert len(revision_repo.list_revisions(store, 1)) == before


DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo" / "letters"


def _replace_in_document(path: Path, old: str, new: str) -> None:
    """An edit saved without tracking (as after "Accept all"): `old` replaced inside one run."""
    import io
    import zipfile

    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert xml.count(old) == 1, old
    parts["word/document.xml"] = xml.replace(old, new).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(
    ("letter", "old", "new"),
    [
        ("02-en-joint-letter-eu-high-representative.md", "documented a worsening", "recorded a worsening"),
        ("01-fr-pre-visit-head-of-state.md", "procès collectif", "procès de masse"),
        ("03-ru-appeal-prosecutor-general.md", "Будем признательны", "Будем очень признательны"),
        ("04-de-letter-minister.md", "kein Lebenszeichen", "kein einziges Lebenszeichen"),
    ],
)
def test_one_edited_word_changes_only_that_word_of_the_stored_text(
    tmp_path: Path, letter: str, old: str, new: str
) -> None:
    """Typography (French spaces, quotes) and the stored Markdown's own line wrapping stay as stored:
    only what the reviewer typed differs."""
    from iphr_desk.core.letters.letterfile import parse_letter_file

    with Store.open(tmp_path / "data") as store:
        original = parse_letter_file(DEMO / letter)
        letter_id = letter_repo.add_letter(store, original, author=AUTHOR)
        exported = export_for_review(store, letter_id, tmp_path / "r.docx")
        stored = letter_repo.get_letter(store, letter_id).body
        if old not in stored or old not in part(exported, "word/document.xml").decode():
            pytest.skip(f"{old!r} is not in this letter's body as one run")
        _replace_in_document(exported, old, new)
        plan = plan_review_import(store, exported)
        result = parse_letter_text(plan.result_text, "result")
        assert result.body == stored.replace(old, new, 1)
        assert result.recipients == original.recipients


def test_edits_to_the_address_block_subject_and_date_line_become_fields_or_comments(
    store: Store, tmp_path: Path
) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    _replace_in_document(exported, "République française", "République")
    _replace_in_document(exported, "75008 Paris", "75008 Paris CEDEX")
    _replace_in_document(exported, "droits humains", "droits humains au Kazakhstan")
    _replace_in_document(exported, "14 mars 2024", "15 mars 2024")
    plan = plan_review_import(store, exported)
    fields = {change.field for change in plan.header_changes}
    assert fields == {"title", "address", "subject", "note"}
    result = apply_review_import(store, plan, author=AUTHOR)
    letter = letter_repo.get_letter(store, 1)
    assert letter.recipient.title == "Président de la République"
    assert letter.recipient.address == "55 rue du Faubourg Saint-Honoré\n75008 Paris CEDEX"
    assert letter.subject == "Questions relatives aux droits humains au Kazakhstan"
    assert letter.date.isoformat() == "2024-03-14"  # a date line is not a field: kept as a comment
    notes = [c for c in comment_repo.comment_records(store, 1) if c.origin == "word"]
    assert len(notes) == 1 and "15 mars 2024" in notes[0].text and "14 mars 2024" in notes[0].text
    assert result.status == "changes_requested"


def test_an_approved_letter_refuses_changes_but_takes_comments(store: Store, tmp_path: Path) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    for status in ("in_review", "approved"):
        letter_repo.change_status(store, 1, status, author=AUTHOR)
    changed = tmp_path / "changed.docx"
    changed.write_bytes(exported.read_bytes())
    _replace_in_document(changed, "Nos demandes", "Nos exigences")
    before = len(revision_repo.list_revisions(store, 1))
    with pytest.raises(BadInput, match="approved and this copy changes it"):
        plan_review_import(store, changed)
    assert len(revision_repo.list_revisions(store, 1)) == before
    commented = word_review(exported, tmp_path / "commented.docx")
    with pytest.raises(BadInput):
        plan_review_import(store, commented)  # it changes the text too
    plan = plan_review_import(store, exported)  # the untouched copy: nothing to change
    result = apply_review_import(store, plan, author=AUTHOR)
    assert result.status == "approved" and result.revision_id is None


def test_a_letter_in_review_moves_to_changes_requested(store: Store, tmp_path: Path) -> None:
    exported = export_for_review(store, 1, tmp_path / "r.docx")
    letter_repo.change_status(store, 1, "in_review", author=AUTHOR)
    result = apply_review_import(
        store, plan_review_import(store, word_review(exported, tmp_path / "w.docx")), author=AUTHOR
    )
    assert result.status == "changes_requested"
    history = letter_repo.status_history(store, 1)
    assert (history[-1].from_status, history[-1].to_status) == ("in_review", "changes_requested")
    assert "w.docx" in (history[-1].note or "")


def test_each_recipient_of_a_batch_gets_its_own_copy_and_its_own_overrides(tmp_path: Path) -> None:
    from review_support import LETTER

    from iphr_desk.core.letters.letter import Recipient
    from iphr_desk.core.letters.letterfile import parse_letter_file
    from iphr_desk.core.protocol.address import compute_frame

    letter = parse_letter_file(LETTER)
    second = Recipient("Olaf Scholz", gender="male", office="head_of_government")
    letter = dataclasses.replace(letter, recipients=(letter.recipient, second), batch=True)
    salutation = compute_frame(letter.for_recipient(1)).salutation
    with Store.open(tmp_path / "data") as store:
        letter_id = letter_repo.add_letter(store, letter, author=AUTHOR)
        folder = tmp_path / "out"
        folder.mkdir()
        export_for_review(store, letter_id, folder)
        files = sorted(folder.glob("*.docx"))
        by_recipient = {custom_properties(f)["IPHR-Desk-Recipient"]: f for f in files}
        assert set(by_recipient) == {"0", "1"}
        _replace_in_document(by_recipient["1"], f">{salutation}<", ">Cher ami,<")
        apply_review_import(store, plan_review_import(store, by_recipient["1"]), author=AUTHOR)
        stored = letter_repo.get_letter(store, letter_id)
        assert stored.recipients[1].salutation == "Cher ami,"
        assert stored.recipients[0].salutation is None


@pytest.mark.parametrize("letter", sorted(p.name for p in DEMO.glob("*.md")))
def test_a_copy_no_store_knows_becomes_a_new_letter_read_from_the_document(
    tmp_path: Path, letter: str
) -> None:
    """Exported from a letter file, imported --as-new: the new letter's language, place, date and subject
    are read from the document, and exported again it shows the same head (the user checks the fields)."""
    from iphr_desk.core.exchange.docx_review import read_reviewed_file
    from iphr_desk.core.export.docx_export import export_letter
    from iphr_desk.core.letters.letterfile import parse_letter_file

    original = parse_letter_file(DEMO / letter).for_recipient(0)
    copy = export_letter(original, tmp_path / "copy.docx")
    with Store.open(tmp_path / "data") as store:
        plan = plan_review_import(store, copy, as_new=True)
    made = parse_letter_text(plan.result_text, "made")
    assert (made.language, made.place, made.date, made.subject) == (
        original.language, original.place, original.date, original.subject,
    )  # fmt: skip
    first = read_reviewed_file(copy)
    second = read_reviewed_file(export_letter(made, tmp_path / "again.docx"))
    assert second.header.salutation == first.header.salutation
    assert second.header.closing == first.header.closing
    assert second.header.address_lines == first.header.address_lines
    assert second.header.signature_lines[:1] == first.header.signature_lines[:1]
    assert second.body_markdown == first.body_markdown
