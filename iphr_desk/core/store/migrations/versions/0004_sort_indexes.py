"""An index led by deleted_at for every sort key of the letter list

Revision ID: 0004_sort_indexes
Revises: 0003_fts_external_content
Create Date: 2026-11-26 18:39:38

The letter list always filters on deleted_at (live letters or the trash). With an index led by it for
each sort key, the ids of a page come from an index scan; without one, ordering by status or subject
reads every letter row, and a row holds the whole body.
"""

from __future__ import annotations

from alembic import op

revision = "0004_sort_indexes"
down_revision = "0003_fts_external_content"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_letters_deleted_created": ["deleted_at", "created_at"],
    "ix_letters_deleted_language": ["deleted_at", "language"],
    "ix_letters_deleted_place": ["deleted_at", "place"],
    "ix_letters_deleted_status": ["deleted_at", "status"],
    "ix_letters_deleted_subject": ["deleted_at", "subject"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "letters", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="letters")
