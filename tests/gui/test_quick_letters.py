"""The letter list before the store is open: the same rows as the repository, and only when nothing is due."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from iphr_desk.gui.models.quick_letters import SORT_COLUMNS, QuickLetterReader, open_quick_reader


def _store_with_letters(data_dir: Path) -> dict[str, int]:
    """The seed, a batch letter (three recipients) and a letter in the trash."""
    from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
    from iphr_desk.core.store import repository as repo
    from iphr_desk.core.store.database import Store
    from tests.gui.conftest import seed

    with Store.open(data_dir) as store:
        ids = seed(store)
        batch = Letter(
            language="en",
            place="Brussels",
            date=dt.date(2024, 3, 14),
            subject="Zebra crossing of human rights concerns",  # the same subject and date as another
            recipients=(Recipient("Kaja Kallas"), Recipient("Volker Türk"), Recipient("Ana Pisonero")),
            signatories=(Signatory("Brigitte Dufour"),),
            body="A batch.",
        )
        ids["batch"] = repo.add_letter(store, batch, author="test")
        trashed = Letter(
            language="fr",
            place="Bruxelles",
            date=dt.date(2022, 1, 1),
            subject="Gone to the trash",
            recipients=(Recipient("Personne"),),
            signatories=(Signatory("Brigitte Dufour"),),
        )
        ids["trashed"] = repo.add_letter(store, trashed, author="test")
        repo.trash_letter(store, ids["trashed"])
    return ids


def _repository_rows(data_dir: Path, **kwargs: Any) -> tuple[int, list[Any]]:
    from iphr_desk.core.store import repository
    from iphr_desk.core.store.database import Store

    with Store.open(data_dir) as store:
        return repository.count_letters(store), repository.letter_summaries(store, **kwargs)


def _as_dicts(rows: list[Any]) -> list[dict[str, Any]]:
    fields = (
        "id", "uuid", "subject", "language", "date", "place", "status", "recipient", "recipient_count",
        "created_at", "updated_at", "deleted_at",
    )  # fmt: skip
    return [{name: getattr(row, name) for name in fields} for row in rows]


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_the_quick_rows_are_the_repositorys_rows(data_dir: Path, sort: str, descending: bool) -> None:
    _store_with_letters(data_dir)
    count, expected = _repository_rows(data_dir, sort=sort, descending=descending, offset=1, limit=3)
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    try:
        assert reader.count() == count == 5
        assert _as_dicts(reader.page(1, 3, sort, descending)) == _as_dicts(expected)
    finally:
        reader.close()


def test_a_whole_list_with_its_batch_and_without_the_trash(data_dir: Path) -> None:
    ids = _store_with_letters(data_dir)
    count, expected = _repository_rows(data_dir, sort="updated", descending=True)
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    try:
        rows = reader.page(0, 100, "updated", True)
        assert _as_dicts(rows) == _as_dicts(expected)
        assert reader.count() == count == len(rows) == 5
        assert ids["trashed"] not in [row.id for row in rows]
        batch = next(row for row in rows if row.id == ids["batch"])
        assert batch.recipient == "Kaja Kallas +2" and batch.recipient_count == 3
        assert batch.updated_at.tzinfo is not None  # aware UTC, as the list shows it in local time
    finally:
        reader.close()


def test_the_prefetched_page_is_served_once_then_read_again(data_dir: Path) -> None:
    _store_with_letters(data_dir)
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    try:
        reader.prefetch(2)
        first = reader.page(0, 2, "updated", True)
        assert len(first) == 2 and reader.count() == 5
        by_subject = reader.page(0, 2, "subject", False)  # another sort reads the file
        assert [r.subject for r in by_subject] == sorted(r.subject for r in by_subject)
        reader.forget_prefetch()
        assert [r.id for r in reader.page(0, 2, "updated", True)] == [r.id for r in first]
    finally:
        reader.close()
    assert reader.closed


def test_no_quick_rows_for_a_new_folder(tmp_path: Path) -> None:
    assert open_quick_reader(tmp_path / "nothing here", None) is None


def test_quick_rows_also_before_the_days_check_and_backup(data_dir: Path) -> None:
    """The day's first open checks and backs up in Store.open; reading the rows meanwhile writes nothing."""
    from iphr_desk.core.store.backup import made_today
    from iphr_desk.core.store.database import Store

    with Store.open(data_dir):
        pass  # a new store: no backup yet, so the next open runs quick_check and backs up first
    assert not made_today(data_dir)
    before = (data_dir / "iphr-desk.sqlite3").read_bytes()
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    try:
        assert reader.count() == 0
    finally:
        reader.close()
    assert (data_dir / "iphr-desk.sqlite3").read_bytes() == before
    assert not made_today(data_dir)


def test_no_quick_rows_when_a_migration_is_due(data_dir: Path) -> None:
    _store_with_letters(data_dir)
    db = data_dir / "iphr-desk.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    assert open_quick_reader(data_dir, None) is None
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert open_quick_reader(data_dir, None) is None


def test_no_quick_rows_for_an_encrypted_store_without_its_passphrase(data_dir: Path) -> None:
    db = data_dir / "iphr-desk.sqlite3"
    db.write_bytes(bytes(range(256)) * 64)  # what an SQLCipher file looks like: no plain header
    assert open_quick_reader(data_dir, None) is None


def test_a_damaged_file_gives_no_reader_and_no_error(data_dir: Path) -> None:
    _store_with_letters(data_dir)
    db = data_dir / "iphr-desk.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    assert open_quick_reader(data_dir, None) is None


def test_an_unknown_sort_key_is_refused(data_dir: Path) -> None:
    _store_with_letters(data_dir)
    reader = open_quick_reader(data_dir, None)
    assert isinstance(reader, QuickLetterReader)
    try:
        with pytest.raises(ValueError):
            reader.page(0, 10, "body; DROP TABLE letters", False)
    finally:
        reader.close()
