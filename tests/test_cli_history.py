"""`show`, `update`, `comments`, `list revisions`, `status` and the list headers, against a real store
(issue 15, deliverable 3; issue 16, item 11)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from iphr_desk.cli import main
from iphr_desk.core.letters.letterfile import write_letter_text
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo
from iphr_desk.core.store.repository import revisions as revision_repo

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "letters" / "fr_pre_visit.md"


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IPHR_DESK_DATA_DIR", "IPHR_DESK_PASSPHRASE", "IPHR_DESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(SAMPLE), str(SAMPLE)]) == 0
    capsys.readouterr()
    return folder


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, list[str]]:
    status = main(["--data-dir", str(data), *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err.splitlines()


def opened(data: Path) -> Store:
    return Store.open(data, create=False)


def test_show_prints_the_letter_file_now_and_as_each_revision_was(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with opened(data) as store:
        current = write_letter_text(letter_repo.get_letter(store, 1))
    status, out, err = run(capsys, data, "show", "--id", "1")
    assert (status, out, err) == (0, current, [])
    assert run(capsys, data, "status", "--id", "1", "in_review")[0] == 0
    with opened(data) as store:
        revisions = revision_repo.list_revisions(store, 1)
        texts = {r.id: revision_repo.get_revision_text(store, r.id) for r in revisions}
    assert [r.reason for r in revisions] == ["status: draft → in_review", "imported"]
    first = revisions[-1].id
    assert run(capsys, data, "show", "--id", "1", "--revision", str(first))[:2] == (0, texts[first])
    status, out, err = run(capsys, data, "show", "--id", "1", "--all-revisions")
    headers = [line for line in out.splitlines() if line.startswith("==> ")]
    assert status == 0 and len(headers) == 2
    assert (
        headers[0].startswith(f"==> revision {revisions[0].id} · ")
        and "· command line · status:" in headers[0]
    )
    assert headers[1].endswith("· command line · imported <==")
    for revision in revisions:  # each revision's text whole, under its own header
        assert texts[revision.id] in out
    assert "\n\n==> revision" in out  # a blank line between two revisions

    status, _, err = run(capsys, data, "show", "--id", "2", "--revision", str(first))
    assert status == 2 and err == [
        f"iphr-desk: Letter 2 has no revision {first} (see `iphr-desk list revisions --id 2`)."
    ]
    status, _, err = run(capsys, data, "show", "--id", "9")
    assert (status, err) == (2, ["iphr-desk: There is no letter with id 9."])


def test_update_stores_a_letter_file_as_a_new_revision_with_the_checks_of_import(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, shown, _ = run(capsys, data, "show", "--id", "1", "--with-identity")
    assert shown.splitlines()[1].startswith("# iphr-desk letter ")
    edited = tmp_path / "edited.md"
    edited.write_text(shown.replace("Bruxelles", "Genève", 1), encoding="utf-8")
    status, out, err = run(capsys, data, "update", "--id", "1", str(edited))
    assert status == 0 and err == [] and out.startswith("letter 1: revision ")
    with opened(data) as store:
        assert letter_repo.get_letter(store, 1).place == "Genève"
        assert revision_repo.list_revisions(store, 1)[0].reason == "updated from edited.md"
    # The identity line names letter 1: the same file is refused for letter 2, which is untouched.
    status, _, err = run(capsys, data, "update", "--id", "2", str(edited))
    assert (status, err) == (2, [f"iphr-desk: {edited} is letter 1, not letter 2; nothing was changed."])
    # The same checks as `import`: a malformed file changes nothing.
    broken = tmp_path / "broken.md"
    broken.write_text(shown.replace("language: fr", "language: klingon"), encoding="utf-8")
    with opened(data) as store:
        before = len(revision_repo.list_revisions(store, 1))
    status, _, err = run(capsys, data, "update", "--id", "1", str(broken))
    assert status == 2 and err[0].startswith(f"iphr-desk: {broken}: language: ")
    with opened(data) as store:
        assert len(revision_repo.list_revisions(store, 1)) == before


def test_update_waits_for_an_approved_letter_to_be_reopened(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.md"
    plain.write_text(
        run(capsys, data, "show", "--id", "1")[1].replace("Bruxelles", "Paris"), encoding="utf-8"
    )
    for move in ("in_review", "approved"):
        assert run(capsys, data, "status", "--id", "1", move)[0] == 0
    status, _, err = run(capsys, data, "update", "--id", "1", str(plain))
    assert (status, err) == (
        2,
        [
            "iphr-desk: Letter 1 is approved and cannot be changed; "
            "reopen it first (`iphr-desk status --id 1 draft`)."
        ],
    )
    assert run(capsys, data, "status", "--id", "1", "draft")[0] == 0
    assert run(capsys, data, "update", "--id", "1", str(plain))[0] == 0


def test_status_follows_the_workflow_and_a_request_for_changes_becomes_a_comment(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, data, "status", "--id", "1", "approved")
    assert status == 2 and out == ""
    assert run(capsys, data, "status", "--id", "1", "approved")[2] == [
        "iphr-desk: Letter 1 is draft: it can go to in_review, not approved."
    ]
    assert run(capsys, data, "status", "--id", "1", "in_review")[1] == "letter 1: draft → in_review\n"
    status, _, err = run(capsys, data, "status", "--id", "1", "signed")
    assert (status, err) == (
        2,
        ["iphr-desk: Letter 1 is in_review: it can go to changes_requested, approved or draft, not signed."],
    )
    reason = "The date of the arrest is wrong"
    assert run(capsys, data, "status", "--id", "1", "changes_requested", "--reason", reason)[0] == 0
    with opened(data) as store:
        assert letter_repo.get_letter_info(store, 1).status == "changes_requested"
        assert letter_repo.status_history(store, 1)[-1].note == reason
        assert [c.text for c in comment_repo.list_comments(store, 1)] == [reason]
    assert run(capsys, data, "status", "--id", "7", "in_review")[2] == [
        "iphr-desk: There is no letter with id 7."
    ]
    with pytest.raises(SystemExit) as usage:  # not a status at all: argparse's usage error
        main(["--data-dir", str(data), "status", "--id", "1", "published"])
    assert usage.value.code == 2 and "invalid choice: 'published'" in capsys.readouterr().err


def test_comments_one_a_line_escaped_with_replies_marked(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with opened(data) as store:
        first = comment_repo.add_comment(store, 1, "Check\u202ethe date\x1b[2J", author="Aigerim")
        comment_repo.reply(store, first, "Checked", author="Brigitte")
    status, out, _ = run(capsys, data, "comments", "--id", "1")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    author, when, anchor, text = lines[0].split("\t")
    assert (author, anchor) == ("Aigerim", "") and when[:4].isdigit()
    assert "\u202e" not in text and "\x1b" not in text and "\\u202e" in text
    assert lines[1].split("\t")[0] == "↳ Brigitte" and lines[1].endswith("\tChecked")
    assert run(capsys, data, "comments", "--id", "2")[:2] == (0, "")
    assert run(capsys, data, "comments", "--id", "5")[0] == 2


def test_list_revisions_and_headers_only_on_a_terminal(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, data, "status", "--id", "1", "in_review")
    with opened(data) as store, store.session() as session:
        from iphr_desk.core.store import models as m

        session.query(m.Revision).filter(m.Revision.reason == "imported", m.Revision.letter_id == 1).update(
            {"flagged": True}
        )
    status, out, _ = run(capsys, data, "list", "revisions", "--id", "1")
    rows = [line.split("\t") for line in out.splitlines()]
    assert status == 0 and [(r[2], r[3], r[4], r[5]) for r in rows] == [
        ("command line", "in_review", "status: draft → in_review", ""),
        ("command line", "draft", "imported", "flagged"),
    ]
    with pytest.raises(SystemExit) as usage:  # which letter?
        main(["--data-dir", str(data), "list", "revisions"])
    assert usage.value.code == 2 and "list revisions needs --id N" in capsys.readouterr().err
    assert run(capsys, data, "list", "revisions", "--id", "8")[2] == [
        "iphr-desk: There is no letter with id 8."
    ]
    assert not run(capsys, data, "list", "letters")[1].startswith("id\t")  # piped: rows alone
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for what, header in (
        ("letters", "id\tdate\tlanguage\tstatus\trecipient\tsubject"),
        ("cases", "reference\tcountry\tstatus\tpeople\tletters\ttitle"),
    ):
        assert run(capsys, data, "list", what)[1].splitlines()[0] == header
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    out = run(capsys, data, "list", "revisions", "--id", "1")[1]
    assert out.splitlines()[0] == "id\tdate\tauthor\tstatus\treason\tflagged" and len(out.splitlines()) == 3
