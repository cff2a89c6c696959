"""Rolling backups: daily, rotation, verification, restore, and damaged files kept aside."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from iphr_desk.core.errors import BadInput, CorruptDatabaseError
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.store import backup
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo


def sample(subject: str) -> Letter:
    return Letter(
        language="en",
        place="Brussels",
        date=dt.date(2024, 3, 14),
        subject=subject,
        recipients=(Recipient(name="Kaja Kallas"),),
        signatories=(Signatory(name="Brigitte Dufour"),),
    )


def _subjects(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("SELECT subject FROM letters ORDER BY id")]
    finally:
        conn.close()


def test_the_first_open_of_a_day_makes_one_backup(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.backup_made is None  # a brand-new store has nothing to keep
        letter_repo.add_letter(store, sample("A"), author="t")
    with Store.open(tmp_path) as store:
        assert store.backup_made is not None
        assert "daily" in store.backup_made.name
    with Store.open(tmp_path) as store:
        assert store.backup_made is None
    [only] = backup.list_backups(tmp_path)
    assert only.number == 1
    assert only.id == only.created.strftime("%Y%m%d-%H%M%S-") + f"{only.created.microsecond // 1000:03d}"
    assert only.created.date() == dt.date.today()
    assert _subjects(only.path) == ["A"]


def test_a_backup_is_a_complete_self_contained_database(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample("A"), author="t")
        path = backup.create_backup(store)
    assert backup.verify_backup(path)
    assert not path.with_name(path.name + "-wal").exists()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert _subjects(path) == ["A"]
    assert backup.verify_backup(backup.create_backup(tmp_path / "iphr-desk.sqlite3"))


def test_rotation_keeps_the_newest_ten(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        made = [backup.create_backup(store) for _ in range(12)]
    kept = backup.list_backups(tmp_path)
    assert [info.path for info in kept] == made[::-1][:10]
    assert [info.number for info in kept] == list(range(1, 11))
    assert not made[0].exists()
    assert not made[1].exists()


def test_restore_puts_a_backup_in_place_and_keeps_the_current_file_aside(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample("A"), author="t")
        backup.create_backup(store)
        letter_repo.add_letter(store, sample("B"), author="t")
    aside = backup.restore_backup(tmp_path)  # no id: the newest
    assert aside != tmp_path / "iphr-desk.sqlite3"
    assert aside.name.startswith("iphr-desk.sqlite3.replaced-")
    assert _subjects(aside) == ["A", "B"]
    with Store.open(tmp_path) as store:
        assert [s.subject for s in letter_lists.letter_summaries(store)] == ["A"]
    with pytest.raises(BadInput, match="no backup '99'; `iphr-desk backup list` shows their ids"):
        backup.restore_backup(tmp_path, "99")


def test_a_backup_id_names_the_same_file_after_more_backups_are_made(tmp_path: Path) -> None:
    """Issue 16: `restore N` used a position that shifted whenever a backup was made."""
    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample("A"), author="t")
        first = backup.create_backup(store)
        [listed] = [info for info in backup.list_backups(tmp_path) if info.path == first]
        letter_repo.add_letter(store, sample("B"), author="t")
        backup.create_backup(store)
        backup.create_backup(store)
    assert [i.path for i in backup.list_backups(tmp_path) if i.id == listed.id] == [first]
    assert backup.find_backup(tmp_path, first.name).id == listed.id  # the file name works too
    backup.restore_backup(tmp_path, listed.id)
    with Store.open(tmp_path) as store:
        assert [s.subject for s in letter_lists.letter_summaries(store)] == ["A"]


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):
        data[offset + 8 : offset + 200] = b"\xff" * 192
    db.write_bytes(bytes(data))


def test_verify_tells_a_damaged_backup_from_a_good_one(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for i in range(20):
            letter_repo.add_letter(store, sample(f"L{i}"), author="t")
        good = backup.create_backup(store)
        bad = backup.create_backup(store)
    _damage(bad)
    assert backup.verify_backup(good)
    assert not backup.verify_backup(bad)
    newest_good = backup.newest_good_backup(tmp_path)
    assert newest_good is not None
    assert (newest_good.number, newest_good.path) == (2, good)


def test_a_damaged_store_is_moved_aside_not_deleted_and_a_backup_restored(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for i in range(20):
            letter_repo.add_letter(store, sample(f"L{i}"), author="t")
        backup.create_backup(store)
    db = tmp_path / "iphr-desk.sqlite3"
    _damage(db)
    damaged = db.read_bytes()
    [made] = backup.list_backups(tmp_path)
    with pytest.raises(CorruptDatabaseError, match=f"backup restore {made.id}"):
        Store.open(tmp_path)
    aside = backup.move_aside_corrupt(db)
    assert aside.read_bytes() == damaged
    assert aside.name.startswith("iphr-desk.sqlite3.corrupt-")
    assert not db.exists()
    backup.restore_backup(tmp_path, made.id)
    with Store.open(tmp_path) as store:
        assert letter_lists.count_letters(store) == 20
    assert aside.exists()


def test_restoring_a_pre_migration_backup_then_reopening_migrates_it(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from iphr_desk.core.store.migrations import HEAD_REVISION, upgrade_to_head

    backup_dir = tmp_path / "backups"
    backup_dir.mkdir()
    old = backup_dir / "iphr-desk-20200101-000000-000-pre-migration.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    upgrade_to_head(engine, "0001_initial")
    engine.dispose()
    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample("Newer"), author="t")
        store.close()
        backup.restore_backup(tmp_path, "20200101-000000-000")
        store.reopen()
        assert store.migrated_from == "0001_initial"
        assert letter_lists.count_letters(store) == 0
        letter_repo.add_letter(store, sample("After restore"), author="t")
        assert [s.subject for s in letter_lists.letter_summaries(store)] == ["After restore"]
    conn = sqlite3.connect(tmp_path / "iphr-desk.sqlite3")
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    conn.close()
