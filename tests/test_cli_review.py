"""`iphr-desk review import` and `export --id N --comments`: exit statuses and what is stored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "core" / "exchange"))

from review_support import LETTER, custom_properties
from word_fixtures import word_review

from iphr_desk.cli import main
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import revisions as revision_repo


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IPHR_DESK_DATA_DIR", "IPHR_DESK_PASSPHRASE", "IPHR_DESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def _counts(data: Path) -> tuple[int, int]:
    with Store.open(data, create=False) as store:
        return len(revision_repo.list_revisions(store, 1)), len(comment_repo.comment_records(store, 1))


def test_export_then_review_import_then_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "import", str(LETTER))[0] == 0
    out = tmp_path / "review.docx"
    status, lines, _ = run(capsys, "--data-dir", data, "export", "--id", "1", "--comments", "-o", str(out))
    assert status == 0 and lines == [str(out)]
    assert set(custom_properties(out)) >= {"IPHR-Desk-Letter", "IPHR-Desk-Revision", "IPHR-Desk-Revision-Id"}
    reviewed = word_review(out, tmp_path / "reviewed.docx")
    status, lines, err = run(capsys, "--data-dir", data, "review", "import", str(reviewed))
    assert status == 0, err
    assert lines[0].startswith("letter 1: revision ") and "status changes requested" in lines[0]
    before = _counts(tmp_path / "data")
    status, lines, _ = run(capsys, "--data-dir", data, "review", "import", str(reviewed))
    assert (status, lines) == (0, ["reviewed.docx: already imported into letter 1; nothing changed"])
    assert _counts(tmp_path / "data") == before


def test_a_copy_with_no_identity_is_exit_2_until_id_or_as_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(LETTER))
    plain = tmp_path / "plain.docx"
    assert run(capsys, "--data-dir", data, "export", str(LETTER), "-o", str(plain))[0] == 0
    before = _counts(tmp_path / "data")
    status, out, err = run(capsys, "--data-dir", data, "review", "import", str(plain))
    assert (status, out, len(err)) == (2, [], 1) and "no IPHR Desk identity" in err[0]
    assert _counts(tmp_path / "data") == before
    status, out, _ = run(capsys, "--data-dir", data, "review", "import", str(plain), "--id", "1")
    assert status == 0 and out[0].startswith("letter 1:")
    status, out, _ = run(capsys, "--data-dir", data, "review", "import", str(plain), "--as-new")
    assert status == 0 and out[0].startswith("new letter 2:")


def test_a_copy_from_another_store_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other, here = str(tmp_path / "other"), str(tmp_path / "here")
    run(capsys, "--data-dir", other, "import", str(LETTER))
    run(capsys, "--data-dir", here, "import", str(LETTER))
    copy = tmp_path / "copy.docx"
    run(capsys, "--data-dir", other, "export", "--id", "1", "-o", str(copy))
    status, out, err = run(capsys, "--data-dir", here, "review", "import", str(copy))
    assert (status, out, len(err)) == (2, [], 1) and "another store" in err[0]
    status, out, err = run(capsys, "--data-dir", here, "review", "import", str(copy), "--id", "7")
    assert (status, len(err)) == (2, 1) and "no letter with id 7" in err[0]


def test_comments_need_a_stored_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["export", str(LETTER), "--comments", "-o", str(tmp_path / "x.docx")])
    assert stopped.value.code == 2
    assert "--comments needs --id N" in capsys.readouterr().err


def test_as_new_twice_makes_one_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    plain = tmp_path / "plain.docx"
    run(capsys, "--data-dir", data, "import", str(LETTER))
    run(capsys, "--data-dir", data, "export", str(LETTER), "-o", str(plain))
    assert run(capsys, "--data-dir", data, "review", "import", str(plain), "--as-new")[1][0].startswith(
        "new letter 2:"
    )
    status, out, _ = run(capsys, "--data-dir", data, "review", "import", str(plain), "--as-new")
    assert (status, out) == (0, ["plain.docx: already imported into letter 2; nothing changed"])
    status, out, _ = run(capsys, "--data-dir", data, "list", "letters")
    assert len(out) == 2


def test_approve_approves_only_a_copy_that_asks_for_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(LETTER))
    out = tmp_path / "review.docx"
    run(capsys, "--data-dir", data, "export", "--id", "1", "-o", str(out))
    reviewed = word_review(out, tmp_path / "reviewed.docx")
    status, lines, err = run(capsys, "--data-dir", data, "review", "import", str(reviewed), "--approve")
    assert status == 0 and "status changes requested" in lines[0]
    assert "iphr-desk: notice: not approved: the copy has changes, open comments or conflicts" in err
    data2 = str(tmp_path / "data2")
    run(capsys, "--data-dir", data2, "import", str(LETTER))
    clean = tmp_path / "clean.docx"
    run(capsys, "--data-dir", data2, "export", "--id", "1", "-o", str(clean))
    status, lines, err = run(capsys, "--data-dir", data2, "review", "import", str(clean), "--approve")
    assert (status, err) == (0, []) and lines[0].endswith("status approved")


def test_a_letter_in_the_trash_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from iphr_desk.core.store.repository import letters as letter_repo

    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "import", str(LETTER))
    out = tmp_path / "review.docx"
    run(capsys, "--data-dir", data, "export", "--id", "1", "-o", str(out))
    with Store.open(tmp_path / "data", create=False) as store:
        letter_repo.trash_letter(store, 1)
    status, lines, err = run(capsys, "--data-dir", data, "review", "import", str(out))
    assert (status, lines) == (2, []) and err == [
        "iphr-desk: review.docx: letter 1 is in the trash; restore it before importing a copy into it."
    ]
