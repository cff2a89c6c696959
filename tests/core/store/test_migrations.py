"""Alembic migrations: an empty database gets the models' schema; an old one is backed up and upgraded."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import MetaData, create_engine

from iphr_desk.core.store import models as m
from iphr_desk.core.store import search
from iphr_desk.core.store.database import Store
from iphr_desk.core.store.migrations import HEAD_REVISION, upgrade_to_head
from iphr_desk.core.store.repository import letter_lists
from iphr_desk.core.store.repository.values import LetterFilter


def _version(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_an_empty_database_migrates_to_exactly_the_models_schema(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Store.open(tmp_path) as store:
        assert store.migrated_from is None
        assert store.backup_made is None  # nothing to back up in a new store
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)
    fts_tables = ("letters_fts", "cases_fts")  # SQLite-only virtual tables, outside the models
    relevant = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(fts_tables))]
    assert relevant == []
    assert _version(tmp_path / "iphr-desk.sqlite3") == HEAD_REVISION


def _populate_at_first_revision(db: Path) -> None:
    """Rows written through the tables as revision 0001 made them (reflected: today's models have more)."""
    engine = create_engine(f"sqlite:///{db}")
    upgrade_to_head(engine, "0001_initial")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    tables = MetaData()
    tables.reflect(engine)
    t = tables.tables
    with engine.begin() as conn:
        conn.execute(
            t["letters"]
            .insert()
            .values(
                id=1,
                uuid="00000000-0000-4000-8000-000000000001",
                language="ru",
                place="Брюссель",
                date=dt.date(2023, 11, 1),
                subject="Обращение по делу журналиста",
                register="house",
                voice="we",
                cc=[],
                batch=False,
                body="Уважаемый господин Президент!\n",
                status="draft",
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(
            t["letter_recipients"]
            .insert()
            .values(
                letter_id=1, position=0, name="Садыр Жапаров", gender="unspecified", office="head_of_state"
            )
        )
        conn.execute(t["letter_signatories"].insert().values(letter_id=1, position=0, name="Brigitte Dufour"))
        conn.execute(
            t["cases"]
            .insert()
            .values(
                id=1,
                reference="KG-2022-007",
                title="Journalist detained",
                country="KG",
                status="open",
                summary="Raid",
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(
            t["people"]
            .insert()
            .values(
                case_id=1,
                position=0,
                name="Bolot Temirov",
                role="journalist",
                situation="detained",
                at_risk=False,
                notes="",
            )
        )
    engine.dispose()


def test_a_populated_database_at_revision_one_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "iphr-desk.sqlite3"
    _populate_at_first_revision(db)
    assert _version(db) == "0001_initial"
    with Store.open(tmp_path) as store:
        assert store.migrated_from == "0001_initial"
        assert store.backup_made is not None
        assert "pre-migration" in store.backup_made.name
        assert _version(store.backup_made) == "0001_initial"  # the backup is the file as it was
        [summary] = letter_lists.letter_summaries(store)
        assert (summary.subject, summary.recipient) == ("Обращение по делу журналиста", "Садыр Жапаров")
        [page] = letter_lists.letter_summaries(
            store, sort="recipient"
        )  # 0005 copied the first recipient's name
        assert page.id == summary.id
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT recipient_name FROM letters").scalar() == "Садыр Жапаров"
        # the new full-text index was filled from the existing rows
        assert [hit.id for hit in search.search_letters(store, "журналист")] == [summary.id]
        assert [hit.id for hit in search.search_letters(store, "жапаров")] == [summary.id]
        assert [hit.title for hit in search.search_cases(store, "temirov")] == [
            "KG-2022-007 — Journalist detained"
        ]
    assert _version(db) == HEAD_REVISION
    with Store.open(tmp_path) as again:
        assert again.migrated_from is None  # nothing pending: no second migration


def test_migrations_run_inside_the_package_folder() -> None:
    import iphr_desk
    from iphr_desk.core.store.migrations import SCRIPT_LOCATION

    assert SCRIPT_LOCATION.is_relative_to(Path(iphr_desk.__file__).parent)
    assert (SCRIPT_LOCATION / "env.py").is_file()
    from iphr_desk.core.store.migrations import KNOWN_REVISIONS

    scripts = sorted(p.name for p in (SCRIPT_LOCATION / "versions").glob("*.py"))
    assert scripts == [f"{name}.py" for name in KNOWN_REVISIONS]
    assert scripts[:7] == [
        "0001_initial.py",
        "0002_fulltext.py",
        "0003_fts_external_content.py",
        "0004_sort_indexes.py",
        "0005_list_filters.py",
        "0006_deferred_letter_index.py",
        "0007_review_and_signing.py",
    ]


def test_the_schema_and_list_queries_compile_for_postgresql() -> None:
    """The store is SQLite today; nothing outside search.py and the FTS migration may tie it there."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    for table in m.Base.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=dialect))
    page = letter_lists._letter_page_query(LetterFilter(status="draft"), "recipient", True, 100, 50)
    assert "LIMIT" in str(page.compile(dialect=dialect))
    from sqlalchemy import func, select

    themes = select(func.aggregate_strings(m.CaseTheme.theme, ","))
    assert "string_agg" in str(themes.compile(dialect=dialect))
