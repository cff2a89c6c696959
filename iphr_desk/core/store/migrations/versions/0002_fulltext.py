"""Full-text indexes (SQLite FTS5) over letters and cases, kept in sync by triggers

Revision ID: 0002_fulltext
Revises: 0001_initial
Create Date: 2026-11-26 18:30:00

Triggers (not ORM events) keep the indexes in step with every write, whoever makes it. The indexes hold
their own copy of the text so that an UPDATE is a plain UPDATE (an external-content index needs the old
text on every change, and a wrong old text corrupts it silently). Other databases get no index here:
a PostgreSQL store would swap `iphr_desk.core.store.search` for its own text search.
"""

from __future__ import annotations

from alembic import op

revision = "0002_fulltext"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"


def _recipients_of(letter_id: str) -> str:
    return (
        "(SELECT coalesce(group_concat(words, ' '), '') FROM ("
        "SELECT trim(name || ' ' || coalesce(title, '') || ' ' || coalesce(organisation, '')) AS words "
        f"FROM letter_recipients WHERE letter_id = {letter_id} ORDER BY position))"
    )


def _people_of(case_id: str) -> str:
    return (
        "(SELECT coalesce(group_concat(name, ' '), '') FROM ("
        f"SELECT name FROM people WHERE case_id = {case_id} ORDER BY position))"
    )


UPGRADE = [
    f"CREATE VIRTUAL TABLE letters_fts USING fts5(subject, body, recipients, {TOKENIZE})",
    f"CREATE VIRTUAL TABLE cases_fts USING fts5(reference, title, summary, people, {TOKENIZE})",
    "INSERT INTO letters_fts(rowid, subject, body, recipients) "
    f"SELECT id, subject, body, {_recipients_of('letters.id')} FROM letters",
    "INSERT INTO cases_fts(rowid, reference, title, summary, people) "
    f"SELECT id, reference, title, summary, {_people_of('cases.id')} FROM cases",
    # letters
    """CREATE TRIGGER letters_fts_insert AFTER INSERT ON letters BEGIN
        INSERT INTO letters_fts(rowid, subject, body, recipients)
        VALUES (new.id, new.subject, new.body, '');
    END""",
    """CREATE TRIGGER letters_fts_update AFTER UPDATE OF subject, body ON letters BEGIN
        UPDATE letters_fts SET subject = new.subject, body = new.body WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER letters_fts_delete AFTER DELETE ON letters BEGIN
        DELETE FROM letters_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER letter_recipients_fts_insert AFTER INSERT ON letter_recipients BEGIN
        UPDATE letters_fts SET recipients = {_recipients_of('new.letter_id')} WHERE rowid = new.letter_id;
    END""",
    f"""CREATE TRIGGER letter_recipients_fts_update AFTER UPDATE ON letter_recipients BEGIN
        UPDATE letters_fts SET recipients = {_recipients_of('old.letter_id')} WHERE rowid = old.letter_id;
        UPDATE letters_fts SET recipients = {_recipients_of('new.letter_id')} WHERE rowid = new.letter_id;
    END""",
    f"""CREATE TRIGGER letter_recipients_fts_delete AFTER DELETE ON letter_recipients BEGIN
        UPDATE letters_fts SET recipients = {_recipients_of('old.letter_id')} WHERE rowid = old.letter_id;
    END""",
    # cases
    """CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts(rowid, reference, title, summary, people)
        VALUES (new.id, new.reference, new.title, new.summary, '');
    END""",
    """CREATE TRIGGER cases_fts_update AFTER UPDATE OF reference, title, summary ON cases BEGIN
        UPDATE cases_fts SET reference = new.reference, title = new.title, summary = new.summary
        WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
        DELETE FROM cases_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
        UPDATE cases_fts SET people = {_people_of('new.case_id')} WHERE rowid = new.case_id;
    END""",
    f"""CREATE TRIGGER people_fts_update AFTER UPDATE ON people BEGIN
        UPDATE cases_fts SET people = {_people_of('old.case_id')} WHERE rowid = old.case_id;
        UPDATE cases_fts SET people = {_people_of('new.case_id')} WHERE rowid = new.case_id;
    END""",
    f"""CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
        UPDATE cases_fts SET people = {_people_of('old.case_id')} WHERE rowid = old.case_id;
    END""",
]

TRIGGERS = (
    "letters_fts_insert",
    "letters_fts_update",
    "letters_fts_delete",
    "letter_recipients_fts_insert",
    "letter_recipients_fts_update",
    "letter_recipients_fts_delete",
    "cases_fts_insert",
    "cases_fts_update",
    "cases_fts_delete",
    "people_fts_insert",
    "people_fts_update",
    "people_fts_delete",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS letters_fts")
    op.execute("DROP TABLE IF EXISTS cases_fts")
