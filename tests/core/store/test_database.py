"""Opening the store: where it lives, its settings, refusals (newer schema, damage), and a busy database."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from iphr_desk.core.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
    StoreError,
)
from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
from iphr_desk.core.paths import DATA_DIR_ENV, default_data_dir, resolve_data_dir
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository import letters as letter_repo


def sample_letter() -> Letter:
    import datetime as dt

    return Letter(
        language="fr",
        place="Bruxelles",
        date=dt.date(2023, 10, 30),
        subject="Visite",
        recipients=(Recipient(name="Emmanuel Macron", gender="male", office="head_of_state"),),
        signatories=(Signatory(name="Brigitte Dufour"),),
        body="Texte.\n",
    )


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(DATA_DIR_ENV)
    import platformdirs

    assert default_data_dir() == Path(platformdirs.user_data_dir("iphr-desk", "IPHR"))


def test_a_new_store_is_a_private_wal_database_with_foreign_keys(tmp_path: Path) -> None:
    from sqlalchemy import text

    with Store.open(tmp_path / "d") as store:
        assert store.db_path == tmp_path / "d" / "iphr-desk.sqlite3"
        assert store.data_dir == tmp_path / "d"
        with store.read_session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "d").stat().st_mode & 0o077 == 0
    assert store.db_path.is_file()


def test_open_without_create_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="There is no IPHR Desk store"):
        Store.open(tmp_path, create=False)
    assert not (tmp_path / "iphr-desk.sqlite3").exists()


def test_a_failed_session_rolls_back(tmp_path: Path) -> None:
    from iphr_desk.core.store.models import Letter as LetterRow

    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample_letter(), author="t")

        with pytest.raises(RuntimeError), store.session() as session:
            session.add(LetterRow(uuid="x", language="fr", place="p", date=sample_letter().date, subject="s"))
            session.flush()
            raise RuntimeError("boom")
        assert letter_lists.count_letters(store) == 1


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    from iphr_desk.core.store.migrations import HEAD_REVISION, KNOWN_REVISIONS, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_current_head() == HEAD_REVISION
    assert {rev.revision for rev in script.walk_revisions()} == set(KNOWN_REVISIONS)


def test_a_database_from_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample_letter(), author="t")
    db = tmp_path / "iphr-desk.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    backups_before = sorted(tmp_path.rglob("*"))
    with pytest.raises(NewerSchemaError, match=r"newer version of IPHR Desk.*0099_from_the_future"):
        Store.open(tmp_path)
    assert db.read_bytes() == before
    assert sorted(tmp_path.rglob("*")) == backups_before


def test_a_damaged_database_is_refused_naming_the_newest_good_backup(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for _ in range(30):
            letter_repo.add_letter(store, sample_letter(), author="t")
        from iphr_desk.core.store.backup import create_backup

        good = create_backup(store)
    db = tmp_path / "iphr-desk.sqlite3"
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page):  # scribble over every page but the first
        data[offset + 8 : offset + 200] = b"\xff" * 192
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(CorruptDatabaseError) as caught:
        Store.open(tmp_path)
    message = str(caught.value)
    assert "is damaged" in message
    assert good.name in message
    backup_id = good.name.removeprefix("iphr-desk-")[: len("20240314-093005-123")]
    assert f"iphr-desk backup restore {backup_id}`" in message
    assert db.read_bytes() == before


def test_a_busy_database_makes_a_writer_wait_then_give_up(tmp_path: Path) -> None:
    with Store.open(tmp_path, busy_timeout=0.3) as store:
        other = sqlite3.connect(store.db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLockedError, match="busy"):
                letter_repo.add_letter(store, sample_letter(), author="t")
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert letter_lists.count_letters(store) == 0


def test_a_busy_database_that_frees_up_in_time_lets_the_write_through(tmp_path: Path) -> None:
    with Store.open(tmp_path, busy_timeout=30) as store:
        other = sqlite3.connect(store.db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        locked = threading.Event()

        def release() -> None:
            locked.wait()
            other.execute("ROLLBACK")
            other.close()

        worker = threading.Thread(target=release)
        worker.start()
        timer = threading.Timer(0.3, locked.set)
        timer.start()
        letter_repo.add_letter(store, sample_letter(), author="t")
        worker.join()
        assert locked.is_set()
        assert letter_lists.count_letters(store) == 1


def test_reads_go_on_while_another_program_writes(tmp_path: Path) -> None:
    with Store.open(tmp_path, busy_timeout=0.2) as store:
        letter_repo.add_letter(store, sample_letter(), author="t")
        other = sqlite3.connect(store.db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            assert letter_lists.count_letters(store) == 1
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_a_foreign_sqlite_file_is_not_taken_for_a_store(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "iphr-desk.sqlite3")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not an IPHR Desk store"):
        Store.open(tmp_path)


def test_a_full_disk_is_a_plain_error_and_the_change_is_rolled_back(tmp_path: Path) -> None:
    from sqlalchemy import text

    with Store.open(tmp_path) as store:
        letter_repo.add_letter(store, sample_letter(), author="t")
        page_count = 0
        with store.read_session() as session:
            page_count = int(session.execute(text("PRAGMA page_count")).scalar_one())

        from sqlalchemy import event

        def cap(dbapi_connection: object, record: object) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {page_count}")  # type: ignore[attr-defined]

        store.engine.dispose()
        event.listen(store.engine, "connect", cap)
        big = replace(sample_letter(), body="x" * 2_000_000)
        with pytest.raises(StoreError, match="is full: the last change was not saved"):
            letter_repo.add_letter(store, big, author="t")
        event.remove(store.engine, "connect", cap)
        store.engine.dispose()
        assert letter_lists.count_letters(store) == 1


def test_two_writers_on_one_folder_take_turns(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    errors: list[BaseException] = []

    def write(count: int) -> None:
        try:
            with Store.open(tmp_path, daily_backup=False) as store:
                for _ in range(count):
                    letter_repo.add_letter(store, sample_letter(), author="t")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=write, args=(15,)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with Store.open(tmp_path) as store:
        assert letter_lists.count_letters(store) == 45


def test_a_daily_check_skips_quick_check_once_the_day_is_backed_up(tmp_path: Path) -> None:
    import datetime as dt

    from iphr_desk.core.store.backup import create_backup

    with Store.open(tmp_path) as store:
        for _ in range(30):
            letter_repo.add_letter(store, sample_letter(), author="t")
        today = create_backup(store)
    stamp = dt.date.today().strftime("%Y%m%d")
    yesterday = today.with_name(
        today.name.replace(stamp, (dt.date.today() - dt.timedelta(days=1)).strftime("%Y%m%d"))
    )
    today.rename(yesterday)
    db = tmp_path / "iphr-desk.sqlite3"
    conn = sqlite3.connect(db)
    pages = [row[0] for row in conn.execute("SELECT pageno FROM dbstat WHERE name = 'revisions'")]
    conn.close()
    data = bytearray(db.read_bytes())
    for page in pages:  # damage the revisions only: the schema stays readable
        offset = (page - 1) * 4096
        data[offset + 8 : offset + 200] = b"\xff" * 192
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError):
        Store.open(tmp_path, check="daily")  # no backup yet today: the first open checks everything
    yesterday.rename(today)
    Store.open(tmp_path, check="daily", daily_backup=False).close()  # later opens of the day trust it
    with pytest.raises(CorruptDatabaseError):
        Store.open(tmp_path)


def test_a_data_folder_that_cannot_be_written_is_a_plain_error(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="Cannot open the database"):
            Store.open(folder)
    finally:
        folder.chmod(0o700)


def test_a_database_path_that_is_a_folder_is_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "iphr-desk.sqlite3").mkdir()
    with pytest.raises(StoreError, match="Cannot open the database"):
        Store.open(tmp_path)
