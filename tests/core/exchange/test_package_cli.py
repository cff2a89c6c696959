"""`iphr-desk package export|import` between two data folders, and a merge that fails half-way leaving the
store as it was (issue 15, deliverable 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from package_support import PASSPHRASE, make_letter, rows_hash, sync

from iphr_desk.cli import main
from iphr_desk.core.exchange import package_merge
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import comments as comment_repo
from iphr_desk.core.store.repository import letters as letter_repo

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "letters" / "fr_pre_visit.md"


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IPHR_DESK_DATA_DIR", "IPHR_DESK_PASSPHRASE", "IPHR_DESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IPHR_DESK_PACKAGE_PASSPHRASE", PASSPHRASE)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out.splitlines(), captured.err.splitlines()


def test_package_export_and_import_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    field, office = tmp_path / "field", tmp_path / "office"
    assert run(capsys, "--data-dir", str(field), "import", str(SAMPLE), str(SAMPLE))[0] == 0
    assert run(capsys, "--data-dir", str(field), "status", "--id", "2", "in_review")[0] == 0
    status, out, err = run(capsys, "--data-dir", str(field), "package", "export", "--id", "1", "--id", "2",
                           "-o", str(tmp_path / "to-office"))  # fmt: skip
    package = tmp_path / "to-office.iphrpkg"
    assert (status, out) == (0, [str(package)]) and err[0].startswith("iphr-desk: 2 letter(s) written")
    status, out, err = run(capsys, "--data-dir", str(office), "package", "import", str(package))
    assert status == 0 and out == ["1\tadded\tdraft", "2\tadded\tin_review"]
    assert err == ["iphr-desk: 2 letter(s) added, 0 updated"]
    status, out, err = run(capsys, "--data-dir", str(office), "package", "import", str(package))
    assert status == 0 and out == ["1\tsame\tdraft", "2\tsame\tin_review"]
    assert err == ["iphr-desk: nothing new: the 2 letter(s) of the package were already here"]
    listed = run(capsys, "--data-dir", str(office), "list", "letters")[1]
    assert sorted(line.split("\t")[3] for line in listed) == ["draft", "in_review"]
    # Bad input: an unknown letter, a missing output folder; nothing written.
    assert run(capsys, "--data-dir", str(field), "package", "export", "--id", "9", "-o", str(tmp_path / "x"))[
        2
    ] == ["iphr-desk: There is no letter with id 9."]
    status, _, err = run(capsys, "--data-dir", str(field), "package", "export", "--id", "1",
                         "-o", str(tmp_path / "missing" / "x.iphrpkg"))  # fmt: skip
    assert status == 2 and "missing" in err[0]
    assert not (tmp_path / "x.iphrpkg").exists()


def test_a_merge_that_fails_half_way_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "a") as field, Store.open(tmp_path / "b") as office:
        first = letter_repo.add_letter(field, make_letter("First"), author="a")
        second = letter_repo.add_letter(field, make_letter("Second"), author="a")
        sync(field, office, [first])
        comment_repo.add_comment(field, first, "A new comment", author="a")
        before = rows_hash(office)
        calls: list[int] = []
        real = package_merge._merge_comments

        def fail_on_the_second_letter(*args: object, **kwargs: object) -> int:
            calls.append(1)
            if len(calls) == 2:
                raise OSError("disk full")
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(package_merge, "_merge_comments", fail_on_the_second_letter)
        with pytest.raises(Exception, match="disk full"):
            sync(field, office, [first, second])
        assert rows_hash(office) == before
        monkeypatch.setattr(package_merge, "_merge_comments", real)
        report = sync(field, office, [first, second])
        assert [(o.added, o.comments) for o in report.letters] == [(False, 1), (True, 0)]


def test_a_resolution_on_either_side_is_kept(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a") as field, Store.open(tmp_path / "b") as office:
        lid = letter_repo.add_letter(field, make_letter(), author="a")
        thread = comment_repo.add_comment(field, lid, "Check the date", author="a")
        sync(field, office, [lid])
        oid = letter_repo.find_letter_by_uuid(office, letter_repo.get_letter_info(field, lid).uuid)
        assert oid is not None
        [office_thread] = comment_repo.list_comments(office, oid)
        comment_repo.resolve_comment(office, office_thread.id, author="Brigitte")
        sync(field, office, [lid])  # the field's package (unresolved) does not reopen it
        assert comment_repo.list_comments(office, oid)[0].resolved
        sync(office, field, [oid])
        [back] = comment_repo.list_comments(field, lid)
        assert (back.id, back.resolved, back.resolved_by) == (thread, True, "Brigitte")
