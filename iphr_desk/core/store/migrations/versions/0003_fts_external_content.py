"""Full-text indexes read their text from the tables (external content) instead of keeping a copy

Revision ID: 0003_fts_external_content
Revises: 0002_fulltext
Create Date: 2026-11-26 18:40:00

With letters of a few pages, a second copy of every body inside the index doubled the file (about 8 KB
per letter). The indexes now take their text from two views, `letters_fts_source` and
`cases_fts_source`, and keep only the inverted index. An external-content index must be told the exact
old text when a row changes, so the triggers remove a row's entry BEFORE the change (reading the text as
it still is) and add it back AFTER it, both through the same view: what was indexed is always what is
removed. Rows that no longer exist select nothing, so cascaded deletes are no-ops.
"""

from __future__ import annotations

from alembic import op

revision = "0003_fts_external_content"
down_revision = "0002_fulltext"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"

OLD_TRIGGERS = (
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

LETTER_SOURCE = """CREATE VIEW letters_fts_source AS
SELECT l.id AS id, l.subject AS subject, l.body AS body,
       (SELECT coalesce(group_concat(words, ' '), '') FROM (
            SELECT trim(r.name || ' ' || coalesce(r.title, '') || ' ' || coalesce(r.organisation, '')) AS words
            FROM letter_recipients AS r WHERE r.letter_id = l.id ORDER BY r.position)) AS recipients
FROM letters AS l"""

CASE_SOURCE = """CREATE VIEW cases_fts_source AS
SELECT c.id AS id, c.reference AS reference, c.title AS title, c.summary AS summary,
       (SELECT coalesce(group_concat(name, ' '), '') FROM (
            SELECT p.name AS name FROM people AS p WHERE p.case_id = c.id ORDER BY p.position)) AS people
FROM cases AS c"""


def _forget_letter(letter_id: str, extra: str = "") -> str:
    return (
        "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients) "
        f"SELECT 'delete', id, subject, body, recipients FROM letters_fts_source WHERE id = {letter_id}{extra};"
    )


def _index_letter(letter_id: str, extra: str = "") -> str:
    return (
        "INSERT INTO letters_fts(rowid, subject, body, recipients) "
        f"SELECT id, subject, body, recipients FROM letters_fts_source WHERE id = {letter_id}{extra};"
    )


def _forget_case(case_id: str, extra: str = "") -> str:
    return (
        "INSERT INTO cases_fts(cases_fts, rowid, reference, title, summary, people) "
        f"SELECT 'delete', id, reference, title, summary, people FROM cases_fts_source WHERE id = {case_id}{extra};"
    )


def _index_case(case_id: str, extra: str = "") -> str:
    return (
        "INSERT INTO cases_fts(rowid, reference, title, summary, people) "
        f"SELECT id, reference, title, summary, people FROM cases_fts_source WHERE id = {case_id}{extra};"
    )


# A row moved to another parent touches two entries; one that stays must be touched once, not twice
# (removing an entry twice corrupts an external-content index).
MOVED_LETTER = " AND new.letter_id IS NOT old.letter_id"
MOVED_CASE = " AND new.case_id IS NOT old.case_id"


def _trigger(name: str, when: str, body: str) -> str:
    return f"CREATE TRIGGER {name} {when} BEGIN {body} END"


UPGRADE = [
    LETTER_SOURCE,
    CASE_SOURCE,
    "CREATE VIRTUAL TABLE letters_fts USING fts5(subject, body, recipients, "
    f"content = 'letters_fts_source', content_rowid = 'id', {TOKENIZE})",
    "CREATE VIRTUAL TABLE cases_fts USING fts5(reference, title, summary, people, "
    f"content = 'cases_fts_source', content_rowid = 'id', {TOKENIZE})",
    "INSERT INTO letters_fts(letters_fts) VALUES ('rebuild')",
    "INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')",
    # letters
    _trigger("letters_fts_insert", "AFTER INSERT ON letters", _index_letter("new.id")),
    _trigger("letters_fts_before_update", "BEFORE UPDATE OF subject, body ON letters", _forget_letter("old.id")),
    _trigger("letters_fts_after_update", "AFTER UPDATE OF subject, body ON letters", _index_letter("new.id")),
    _trigger("letters_fts_delete", "BEFORE DELETE ON letters", _forget_letter("old.id")),
    _trigger("letter_recipients_fts_before_insert", "BEFORE INSERT ON letter_recipients", _forget_letter("new.letter_id")),
    _trigger("letter_recipients_fts_after_insert", "AFTER INSERT ON letter_recipients", _index_letter("new.letter_id")),
    _trigger(
        "letter_recipients_fts_before_update",
        "BEFORE UPDATE ON letter_recipients",
        _forget_letter("old.letter_id") + _forget_letter("new.letter_id", MOVED_LETTER),
    ),
    _trigger(
        "letter_recipients_fts_after_update",
        "AFTER UPDATE ON letter_recipients",
        _index_letter("old.letter_id") + _index_letter("new.letter_id", MOVED_LETTER),
    ),
    _trigger("letter_recipients_fts_before_delete", "BEFORE DELETE ON letter_recipients", _forget_letter("old.letter_id")),
    _trigger("letter_recipients_fts_after_delete", "AFTER DELETE ON letter_recipients", _index_letter("old.letter_id")),
    # cases
    _trigger("cases_fts_insert", "AFTER INSERT ON cases", _index_case("new.id")),
    _trigger(
        "cases_fts_before_update", "BEFORE UPDATE OF reference, title, summary ON cases", _forget_case("old.id")
    ),
    _trigger("cases_fts_after_update", "AFTER UPDATE OF reference, title, summary ON cases", _index_case("new.id")),
    _trigger("cases_fts_delete", "BEFORE DELETE ON cases", _forget_case("old.id")),
    _trigger("people_fts_before_insert", "BEFORE INSERT ON people", _forget_case("new.case_id")),
    _trigger("people_fts_after_insert", "AFTER INSERT ON people", _index_case("new.case_id")),
    _trigger(
        "people_fts_before_update",
        "BEFORE UPDATE OF name, case_id, position ON people",
        _forget_case("old.case_id") + _forget_case("new.case_id", MOVED_CASE),
    ),
    _trigger(
        "people_fts_after_update",
        "AFTER UPDATE OF name, case_id, position ON people",
        _index_case("old.case_id") + _index_case("new.case_id", MOVED_CASE),
    ),
    _trigger("people_fts_before_delete", "BEFORE DELETE ON people", _forget_case("old.case_id")),
    _trigger("people_fts_after_delete", "AFTER DELETE ON people", _index_case("old.case_id")),
]

NEW_TRIGGERS = tuple(statement.split()[2] for statement in UPGRADE if statement.startswith("CREATE TRIGGER"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS letters_fts")
    op.execute("DROP TABLE IF EXISTS cases_fts")
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS letters_fts")
    op.execute("DROP TABLE IF EXISTS cases_fts")
    op.execute("DROP VIEW IF EXISTS letters_fts_source")
    op.execute("DROP VIEW IF EXISTS cases_fts_source")
