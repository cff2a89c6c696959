"""Full-text indexes with 2- and 3-letter prefix indexes; the letters index gains transliteration keys

Revision ID: 0008_search_prefixes_and_keys
Revises: 0007_review_and_signing
Create Date: 2026-12-03 20:00:00

Search as you type asks for prefixes of one, two, three letters. Without a prefix index FTS5 merges the
lists of every word a prefix starts ("de*": 220 ms for the 50 best of 100,000 letters); `prefix = '2 3'`
keeps ready-made lists for the 2- and 3-letter prefixes, and a one-letter word is matched whole
(search.MIN_PREFIX). Both indexes are built again with it.

The letters index also gets a fourth column, `keys`: the folded Latin spelling of the letter's names
(iphr_desk/core/store/translit.py), so that Seitkali finds Сейткали and the reverse. It is computed by
the Python function `iphr_search_keys`, read through the view `letters_fts_content`; `indexing.py`
registers the function before it indexes, and this migration does too. The triggers of 0006 are
unchanged (their snapshots keep the text; the keys are computed from it again to remove them).

Because the index holds keys computed by this version's translit.py, a later change of the keys must
come with a migration that rebuilds the letters index, as this one does.
"""

from __future__ import annotations

from alembic import op

revision = "0008_search_prefixes_and_keys"
down_revision = "0007_review_and_signing"
branch_labels = None
depends_on = None

TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
PREFIX = "prefix = '2 3'"

CONTENT_VIEW = """CREATE VIEW letters_fts_content AS
SELECT id, subject, body, recipients, iphr_search_keys(subject, body, recipients) AS keys
FROM letters_fts_source"""

LETTERS_0008 = (
    "CREATE VIRTUAL TABLE letters_fts USING fts5(subject, body, recipients, keys, "
    f"content = 'letters_fts_content', content_rowid = 'id', {TOKENIZE}, {PREFIX})"
)
LETTERS_0003 = (
    "CREATE VIRTUAL TABLE letters_fts USING fts5(subject, body, recipients, "
    f"content = 'letters_fts_source', content_rowid = 'id', {TOKENIZE})"
)
CASES_0008 = (
    "CREATE VIRTUAL TABLE cases_fts USING fts5(reference, title, summary, people, "
    f"content = 'cases_fts_source', content_rowid = 'id', {TOKENIZE}, {PREFIX})"
)
CASES_0003 = (
    "CREATE VIRTUAL TABLE cases_fts USING fts5(reference, title, summary, people, "
    f"content = 'cases_fts_source', content_rowid = 'id', {TOKENIZE})"
)

#: 0006's statements, to index what autosave left pending into the old index before it is dropped.
INDEX_PENDING_0006 = (
    "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients) "
    "SELECT 'delete', letter_id, subject, body, recipients FROM letters_fts_pending WHERE indexed = 1",
    "INSERT INTO letters_fts(rowid, subject, body, recipients) "
    "SELECT s.id, s.subject, s.body, s.recipients "
    "FROM letters_fts_pending AS p JOIN letters_fts_source AS s ON s.id = p.letter_id",
    "DELETE FROM letters_fts_pending",
)
#: Also `indexing.INDEX_PENDING` (a test keeps them equal): the downgrade empties the pending list with it.
INDEX_PENDING_0008 = (
    "INSERT INTO letters_fts(letters_fts, rowid, subject, body, recipients, keys) "
    "SELECT 'delete', letter_id, subject, body, recipients, iphr_search_keys(subject, body, recipients) "
    "FROM letters_fts_pending WHERE indexed = 1",
    "INSERT INTO letters_fts(rowid, subject, body, recipients, keys) "
    "SELECT s.id, s.subject, s.body, s.recipients, s.keys "
    "FROM letters_fts_pending AS p JOIN letters_fts_content AS s ON s.id = p.letter_id",
    "DELETE FROM letters_fts_pending",
)


def _register_keys_function() -> None:
    """The keys are this version's translit.py: the migration and the app must compute the same."""
    from iphr_desk.core.store.indexing import register_functions

    register_functions(op.get_bind())


def _rebuild(table: str) -> None:
    op.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in INDEX_PENDING_0006:  # the old index is dropped: the pending list refers to it
        op.execute(statement)
    _register_keys_function()
    op.execute("DROP TABLE letters_fts")
    op.execute(CONTENT_VIEW)
    op.execute(LETTERS_0008)
    _rebuild("letters_fts")
    op.execute("DROP TABLE cases_fts")
    op.execute(CASES_0008)
    _rebuild("cases_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _register_keys_function()
    for statement in INDEX_PENDING_0008:
        op.execute(statement)
    op.execute("DROP TABLE letters_fts")
    op.execute("DROP VIEW letters_fts_content")
    op.execute(LETTERS_0003)
    _rebuild("letters_fts")
    op.execute("DROP TABLE cases_fts")
    op.execute(CASES_0003)
    _rebuild("cases_fts")
