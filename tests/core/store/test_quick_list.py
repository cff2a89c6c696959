"""The letter list before the store is open: the same rows as the repository, and only when nothing is due.

Plain pytest, no Qt: the quick reader is core code, read by the window before SQLAlchemy is loaded.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from iphr_desk.core.store import list_columns
from iphr_desk.core.store.quick_list import (
    SORT_COLUMNS,
    QuickLetterReader,
    QuickLetterRow,
    open_quick_reader,
)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def _seed(store: Any) -> dict[str, int]:
    """Four letters in four languages, each to one recipient."""
    from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
    from iphr_desk.core.store.repository import letters as letter_repo

    signatory = Signatory("Brigitte Dufour", "Director", "IPHR")
    letters = [
        ("fr", "Questions relatives aux droits humains", "Laurent Mercier", dt.date(2023, 10, 30)),
        ("en", "Zebra crossing of human rights concerns", "Kaja Kallas", dt.date(2024, 3, 14)),
        ("ru", "Обращение по делу журналиста", "Генеральный прокурор", dt.date(2023, 11, 1)),
        ("de", "Anliegen zur Menschenrechtslage", "Annalena Weber", dt.date(2024, 5, 2)),
    ]
    ids: dict[str, int] = {}
    for number, (language, subject, name, date) in enumerate(letters):
        letter = Letter(
            language=language,  # type: ignore[arg-type]
            place="Brussels",
            date=date,
            subject=subject,
            recipients=(Recipient(name),),
            signatories=(signatory,),
            body=f"Letter number {number}.",
        )
        ids[f"letter_{language}"] = letter_repo.add_letter(store, letter, author="test")
    return ids


def _store_with_letters(data_dir: Path) -> dict[str, int]:
    """The seed, a batch letter (three recipients) and a letter in the trash."""
    from iphr_desk.core.letters.letter import Letter, Recipient, Signatory
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import letters as letter_repo

    with Store.open(data_dir) as store:
        ids = _seed(store)
        batch = Letter(
            language="en",
            place="Brussels",
            date=dt.date(2024, 3, 14),
            subject="Zebra crossing of human rights concerns",  # the same subject and date as another
            recipients=(Recipient("Kaja Kallas"), Recipient("Volker Türk"), Recipient("Ana Pisonero")),
            signatories=(Signatory("Brigitte Dufour"),),
            body="A batch.",
        )
        ids["batch"] = letter_repo.add_letter(store, batch, author="test")
        trashed = Letter(
            language="fr",
            place="Bruxelles",
            date=dt.date(2022, 1, 1),
            subject="Gone to the trash",
            recipients=(Recipient("Personne"),),
            signatories=(Signatory("Brigitte Dufour"),),
        )
        ids["trashed"] = letter_repo.add_letter(store, trashed, author="test")
        letter_repo.trash_letter(store, ids["trashed"])
    return ids


def _repository_rows(data_dir: Path, **kwargs: Any) -> tuple[int, list[Any]]:
    from iphr_desk.core.store.database import Store
    from iphr_desk.core.store.repository import letter_lists

    with Store.open(data_dir) as store:
        return letter_lists.count_letters(store), letter_lists.letter_summaries(store, **kwargs)


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


def test_both_lists_read_the_same_columns_into_the_same_fields() -> None:
    """The shared column list gives the repository's summary and the quick row the same fields."""
    from iphr_desk.core.store.repository.values import LetterSummary

    stand_ins = {list_columns.FIRST_RECIPIENT_NAME: "Kaja Kallas", list_columns.RECIPIENT_COUNT: 3}
    row = [stand_ins.get(name, name) for name in list_columns.LIST_COLUMNS]
    fields = set(list_columns.row_fields(row))
    assert fields == {f.name for f in dataclasses.fields(LetterSummary)}
    assert fields == {f.name for f in dataclasses.fields(QuickLetterRow)}
    assert list_columns.row_fields(row)["recipient"] == "Kaja Kallas +2"


def test_every_sort_key_orders_by_a_column_of_the_letters_table() -> None:
    from iphr_desk.core.store import models
    from iphr_desk.core.vocabularies import LETTER_SORT_KEYS

    table = models.Letter.__table__.columns
    assert set(LETTER_SORT_KEYS) <= set(SORT_COLUMNS)
    assert all(column in table for column in SORT_COLUMNS.values())
    stand_ins = (list_columns.FIRST_RECIPIENT_NAME, list_columns.RECIPIENT_COUNT)
    plain = [name for name in list_columns.LIST_COLUMNS if name not in stand_ins]
    assert all(name in table for name in plain)
    assert list_columns.DELETED in table and list_columns.TIE_BREAK in table


def test_the_quick_reader_loads_no_sqlalchemy_and_no_qt() -> None:
    """Its whole point is to paint rows before SQLAlchemy's import (about 0.4 s) has been paid."""
    probe = (
        "import sys\n"
        "from iphr_desk.core.store.quick_list import open_quick_reader\n"
        "heavy = ('sqlalchemy', 'alembic', 'PySide6')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_the_quick_reader_opens_the_file_only_through_the_store_connection() -> None:
    """Another SQLite library or a bare open() on the file would drop this process's locks (dbfile.py)."""
    source = (REPO / "iphr_desk" / "core" / "store" / "quick_list.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"sqlite3", "sqlcipher3"}
    called = {
        node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not called & {"open", "read_bytes", "read_text", "connect"}
    assert "connect_raw" in source


def test_the_reader_connects_through_connect_raw(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iphr_desk.core.store import connection

    _store_with_letters(data_dir)
    real = connection.connect_raw
    seen: list[Path] = []

    def counting(db_path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(db_path)
        return real(db_path, *args, **kwargs)

    monkeypatch.setattr(connection, "connect_raw", counting)
    reader = open_quick_reader(data_dir, None)
    assert reader is not None
    try:
        assert reader.count() == 5
    finally:
        reader.close()
    assert data_dir / "iphr-desk.sqlite3" in seen
